"""Ingest through the two-process writer (what batches of >= 2,000 articles use).

The threshold is lowered so that the 54 sample articles take that path: sub-writers
forked before extraction, compact posting pools, segments written in the children.
"""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path
from typing import Any

import pytest

import search.index.manage
import search.ingest.indexing
import search.ingest.pipeline
from search.archive import Archive, check_archive, run_search
from search.index import SearchIndex
from search.ingest import ingest
from search.model import Extraction, RawArticle
from search.query import SearchRequest

MULTIPROCESS_TEST_DOCS = 10


@pytest.fixture(autouse=True)
def multiprocess_writer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search.index.manage, "MULTIPROCESS_MIN_DOCS", MULTIPROCESS_TEST_DOCS)
    monkeypatch.setattr(search.ingest.indexing, "MULTIPROCESS_MIN_DOCS", MULTIPROCESS_TEST_DOCS)


def _ids(archive: Archive, query: str) -> set[str]:
    result = run_search(archive, SearchRequest(query=query, limit=None, snippets=False))
    return {hit.id for hit in result.hits}


# How a store file's ingest writes its own index (a team store's is synced).
@pytest.mark.store_file
def test_two_process_ingest_matches_the_in_process_one(
    briefroom_home: Path, sample_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Archive.open(briefroom_home) as archive:
        report = ingest(archive, [sample_file])
        assert report.added == 54 and report.indexed == 54
        health = check_archive(archive)
        assert health.ok and health.documents == 54, health.problems
        assert health.segments >= 2  # one per sub-writer
        found = {q: _ids(archive, q) for q in ("minister", '"foreign minister"', "country:NOR")}
        assert all(found.values())
        # Nothing new: the early-started sub-writers get no document and must still stop.
        again = ingest(archive, [sample_file])
        assert again.unchanged == 54 and again.indexed == 0
        assert check_archive(archive).ok
    assert not multiprocessing.active_children()

    monkeypatch.setattr(search.index.manage, "MULTIPROCESS_MIN_DOCS", 10**9)
    monkeypatch.setattr(search.ingest.indexing, "MULTIPROCESS_MIN_DOCS", 10**9)
    with Archive.open(tmp_path / "single") as archive:
        ingest(archive, [sample_file])
        assert check_archive(archive).segments == 1
        assert {q: _ids(archive, q) for q in found} == found


def test_interrupted_ingest_stops_the_sub_writers(briefroom_home: Path, sample_file: Path) -> None:
    """Ctrl-C in the middle: the sub-writers are stopped, what was stored is kept."""
    calls = 0

    def interrupted(raw: RawArticle) -> Extraction:
        nonlocal calls
        calls += 1
        if calls == 20:
            raise KeyboardInterrupt
        return Extraction(sentences=((0, len(raw.body)),))

    with Archive.open(briefroom_home) as archive:
        with pytest.raises(KeyboardInterrupt):
            ingest(archive, [sample_file], extractor=interrupted)
        assert not multiprocessing.active_children()
        stored = archive.store.count()
        assert stored == 19  # what was complete is kept
        again = ingest(archive, [sample_file])
        assert again.added == 54 - stored
        assert check_archive(archive).ok
    assert not multiprocessing.active_children()


# How a store file's ingest writes its own index (a team store's is synced).
@pytest.mark.store_file
def test_one_big_document_is_indexed_in_process(
    briefroom_home: Path, sample_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text file is one article whatever its size, so it is indexed without sub-writers
    (a 9 MB text sized by its bytes forked two: bench/hostile_inputs.py); a file of
    records is still sized by its bytes."""
    sizes: list[int] = []
    writer = SearchIndex.writer

    def spy(self: SearchIndex, ix: Any, expected_docs: int) -> Any:
        sizes.append(expected_docs)
        return writer(self, ix, expected_docs)

    monkeypatch.setattr(SearchIndex, "writer", spy)
    big = tmp_path / "long.txt"
    big.write_text("Long talks\n\n" + "Norway and Sweden held energy talks in Oslo. " * 2000)
    assert (
        big.stat().st_size // search.ingest.pipeline._BYTES_PER_ARTICLE
        >= 5 * MULTIPROCESS_TEST_DOCS
    )
    with Archive.open(briefroom_home) as archive:
        report = ingest(archive, [big], extractor=_sentences_only)
        assert report.added == 1 and report.indexed == 1
        assert sizes and max(sizes) < MULTIPROCESS_TEST_DOCS
        assert check_archive(archive).ok
        sizes.clear()
        report = ingest(archive, [sample_file], extractor=_sentences_only)
        assert report.added == 54
        assert sizes[0] >= MULTIPROCESS_TEST_DOCS
    assert not multiprocessing.active_children()


def _sentences_only(raw: RawArticle) -> Extraction:
    return Extraction(sentences=((0, len(raw.body)),))


# How a store file's ingest writes its own index (a team store's is synced).
@pytest.mark.store_file
@pytest.mark.parametrize("batch", [20_000, 25])
def test_article_updated_in_the_same_run_has_one_document(
    briefroom_home: Path,
    sample_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    batch: int,
) -> None:
    """The sub-writers cannot delete a document not yet committed either: an article
    changed later in the run that added it is written after the next commit."""
    monkeypatch.setattr(search.ingest.indexing, "INDEX_COMMIT_ARTICLES", batch)
    lines = sample_file.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    changed = dict(first, body=first["body"] + "\n\nA correction about zanzibarite.")
    path = tmp_path / "updated.jsonl"
    path.write_text("\n".join([*lines[:30], json.dumps(changed), *lines[30:]]) + "\n")
    with Archive.open(briefroom_home) as archive:
        report = ingest(archive, [path], extractor=_sentences_only)
        assert (report.added, report.updated) == (54, 1)
        health = check_archive(archive)
        assert health.ok and health.documents == 54, health.problems
        assert _ids(archive, "zanzibarite") == {first["id"]}
    assert not multiprocessing.active_children()
