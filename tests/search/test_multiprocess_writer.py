"""The two-process index writer waits for a slow sub-writer instead of calling it dead."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path
from typing import Any

import pytest

from search.index import SearchIndex, merge_small_segments
from search.index import whoosh_private as wp
from search.index.manage import MULTIPROCESS_MIN_DOCS
from search.index.writers import MultiProcessWriter


def test_a_sub_writer_that_finished_first_is_not_taken_for_dead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One sub-writer hands over its segment and ends while the other still writes (a big
    segment on a busy machine, seconds later): the commit waits for the second."""
    finalize = wp.finalize_segment
    turn = multiprocessing.Value("i", 0)  # shared with the forked sub-writers

    def slow_second(writer: Any) -> Any:
        with turn.get_lock():
            turn.value += 1
            mine = turn.value
        if mine == 2:
            time.sleep(3.5)  # past the parent's two one-second waits
        return finalize(writer)

    monkeypatch.setattr(wp, "finalize_segment", slow_second)
    index = SearchIndex(tmp_path / "index")
    ix = index.create()
    writer = index.writer(ix, MULTIPROCESS_MIN_DOCS)
    assert isinstance(writer, MultiProcessWriter)
    for n in range(400):
        writer.add_document(id=f"doc-{n}", title=f"Talks number {n}", body="Norway and Kazakhstan")
    writer.commit(mergetype=merge_small_segments)
    ix.close()
    with index.open().searcher() as searcher:
        assert searcher.doc_count() == 400
    assert turn.value == 2  # both sub-writers wrote a segment
