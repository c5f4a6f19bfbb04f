"""Ingest with extraction in a forked worker (what batches of >= 2,000 articles use).

The threshold is lowered so that the 54 sample articles take that path; what is stored
must be exactly what the in-process extract stage stores.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import search.ingest.extraction
import search.ingest.pipeline
from search.archive import Archive, check_archive
from search.ingest import ingest
from search.ingest.extraction import ExtractionWorker, RegistryExtractor
from search.ingest.known_people import KnownPeople
from search.model import RawArticle

_STORED = (
    "SELECT id, countries, people, orgs, topics, extraction, cluster FROM articles ORDER BY id"
)
_PEOPLE = "SELECT key, name, country, org, role, how, articles FROM people ORDER BY key"


def _stored(conn: sqlite3.Connection) -> tuple[list[Any], list[Any]]:
    return conn.execute(_STORED).fetchall(), conn.execute(_PEOPLE).fetchall()


@pytest.fixture
def in_process(tmp_path: Path, sample_file: Path) -> tuple[list[Any], list[Any]]:
    with Archive.open(tmp_path / "in-process") as archive:
        report = ingest(archive, [sample_file])
        assert report.added == 54
        return _stored(archive.store.conn)


@pytest.fixture
def workers_started(monkeypatch: pytest.MonkeyPatch) -> list[ExtractionWorker]:
    """Every extraction worker started; the ingest's threshold lowered to one article."""
    monkeypatch.setattr(search.ingest.pipeline, "EXTRACT_WORKER_MIN_ARTICLES", 1)
    started: list[ExtractionWorker] = []
    original = ExtractionWorker.__init__

    def recording(self: ExtractionWorker, *args: Any) -> None:
        original(self, *args)
        started.append(self)

    monkeypatch.setattr(ExtractionWorker, "__init__", recording)
    return started


def test_worker_stores_what_the_in_process_stage_stores(
    tmp_path: Path,
    sample_file: Path,
    in_process: tuple[list[Any], list[Any]],
    workers_started: list[ExtractionWorker],
) -> None:
    with Archive.open(tmp_path / "worker") as archive:
        report = ingest(archive, [sample_file])
        assert report.added == 54 and report.indexed == 54 and not report.rejected
        assert len(workers_started) == 1
        assert _stored(archive.store.conn) == in_process
        assert check_archive(archive).ok
        again = ingest(archive, [sample_file])
        assert again.unchanged == 54 and again.added == 0
    assert not multiprocessing.active_children()


def test_a_worker_that_dies_is_replaced_by_the_ingest(
    tmp_path: Path,
    sample_file: Path,
    in_process: tuple[list[Any], list[Any]],
    workers_started: list[ExtractionWorker],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Killed after ten articles (as by the out-of-memory killer): the articles it held
    and the rest are extracted in the ingest's process, nothing lost or doubled."""
    answered = 0
    original = ExtractionWorker.result

    def dying(self: ExtractionWorker) -> Any:
        nonlocal answered
        answered += 1
        if answered == 10:
            os.kill(self._process.pid, signal.SIGKILL)  # type: ignore[arg-type]
            self._process.join()
        return original(self)

    here = _count_extracted_here(monkeypatch)

    monkeypatch.setattr(ExtractionWorker, "result", dying)
    monkeypatch.setattr(search.ingest.extraction, "SHARE_BACKLOG", 1000)  # all to the worker
    with Archive.open(tmp_path / "worker") as archive:
        report = ingest(archive, [sample_file])
        assert report.added == 54 and not report.rejected
        assert _stored(archive.store.conn) == in_process
    assert 0 < here[0] <= 54 - 9  # the worker answered at least nine, the ingest the rest
    assert not multiprocessing.active_children()


def test_the_ingest_extracts_too_when_its_worker_is_behind(
    tmp_path: Path,
    sample_file: Path,
    in_process: tuple[list[Any], list[Any]],
    workers_started: list[ExtractionWorker],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Articles extracted by the ingest's process while the worker is busy are stored as
    those the worker extracts are, in the same order."""
    monkeypatch.setattr(search.ingest.extraction, "SHARE_BACKLOG", 2)
    here = _count_extracted_here(monkeypatch)

    answered = 0
    original = ExtractionWorker.result

    def answer(self: ExtractionWorker) -> Any:
        nonlocal answered
        answered += 1
        return original(self)

    monkeypatch.setattr(ExtractionWorker, "result", answer)
    with Archive.open(tmp_path / "worker") as archive:
        report = ingest(archive, [sample_file])
        assert report.added == 54 and not report.rejected
        assert _stored(archive.store.conn) == in_process
    assert here[0] > 0 and answered > 0 and here[0] + answered >= 54
    assert not multiprocessing.active_children()


def test_extraction_errors_in_the_worker_reject_that_article_alone(
    tmp_path: Path,
    sample_file: Path,
    workers_started: list[ExtractionWorker],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import search.extract

    original = search.extract.Extractor.__call__

    def failing(self: Any, raw: Any) -> Any:
        if "Norway" in (raw.title or ""):
            raise ValueError("boom")
        return original(self, raw)

    # Set before the fork, so the worker's extractor fails the same way.
    monkeypatch.setattr(search.extract.Extractor, "__call__", failing)
    with Archive.open(tmp_path / "worker") as archive:
        report = ingest(archive, [sample_file])
    failed = [p for p in report.rejected if "extraction failed: ValueError('boom')" in str(p)]
    assert failed and report.added == 54 - len(failed)
    assert len(workers_started) == 1


def test_worker_results_pickle_as_what_they_are(sample_file: Path) -> None:
    """The worker's compact pickling of extraction objects (`extraction._dumps`) loads
    as equal objects of the same classes, errors too."""
    import pickle

    from search.extract import Extractor
    from search.ingest.extraction import _dumps
    from search.readers import read_file

    extract = Extractor()
    outcomes = [
        (extract(raw), None) for raw in read_file(sample_file) if isinstance(raw, RawArticle)
    ]
    assert any(ex.people and ex.events and ex.engagements and ex.commitments for ex, _ in outcomes)
    for outcome in [*outcomes, (None, "extraction failed: ValueError('boom')")]:
        again = pickle.loads(_dumps(outcome))  # noqa: S301  (our own bytes)
        assert again == outcome and repr(again) == repr(outcome)


def test_registry_rows_reach_the_worker(tmp_path: Path, sample_file: Path) -> None:
    """What the registry learns after the fork is sent on: a name the worker's snapshot
    did not know gets the side the rest of the archive showed (the sample has "Greek
    Foreign Minister George Katrougalos")."""
    raw = RawArticle(
        origin="t", title="Talks", body="Minister Katrougalos said the talks went well."
    )

    def extract(registry: RegistryExtractor) -> dict[str, str | None]:
        registry.submit(raw)
        extraction, error = registry.result(raw)
        assert extraction is not None, error
        return {p.name: p.country for p in extraction.people}

    with Archive.open(tmp_path / "home") as archive:
        ingest(archive, [sample_file])
        registry = RegistryExtractor(archive.store.conn)
        registry.known = KnownPeople()  # an empty snapshot when the worker forks
        registry.start_worker()
        try:
            assert registry.worker is not None
            before = extract(registry)
            registry.worker.send_known(KnownPeople.rows(archive.store.conn))
            after = extract(registry)
        finally:
            registry.close()
    assert before == {"Katrougalos": None}
    assert after == {"Katrougalos": "GRC"}


def test_articles_read_ahead_are_stored_as_one_at_a_time_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a worker, an article is looked up when read, up to `IN_FLIGHT` articles before
    it is stored; the look holds only while no article of its id or text was stored
    since. Same id again with new text (an update), the same text under another id (a
    copy), and a text an update has since replaced: what one article at a time stores."""
    # Four versions of one story (a wire copy's lead with its own last line): one cluster.
    lead = " ".join(f"ASTANA talks point{i} agreed" for i in range(120))
    texts = {n: f"{lead} Version {n} ends here." for n in range(4)}
    batches = {
        "first": [("a", 0), ("b", 1), ("a", 2), ("c", 1), ("d", 0), ("b", 1), ("e", 3), ("e", 3)],
        # "a" stored as it is when looked up, changed by the article before it: an update.
        "later": [("a", 1), ("a", 2), ("f", 0)],
    }
    for name, records in batches.items():
        (tmp_path / f"{name}.jsonl").write_text(
            "".join(
                json.dumps({"id": i, "title": f"Story {n}", "date": "2024-05-01", "body": texts[n]})
                + "\n"
                for i, n in records
            )
        )

    def stored(home: str) -> tuple[Any, ...]:
        with Archive.open(tmp_path / home) as archive:
            report = ingest(archive, [tmp_path / "first.jsonl"])
            later = ingest(archive, [tmp_path / "later.jsonl"])
            conn = archive.store.conn
            return (
                (report.summary(), later.summary()),
                conn.execute("SELECT id, title FROM articles ORDER BY id").fetchall(),
                conn.execute(
                    "SELECT a.id, c.id FROM articles a JOIN articles c ON c.rowid = a.cluster "
                    "ORDER BY a.id"
                ).fetchall(),
                conn.execute(
                    "SELECT s.alias, a.id FROM aliases s JOIN articles a ON a.rowid = s.article "
                    "ORDER BY s.alias"
                ).fetchall(),
            )

    monkeypatch.setattr(search.ingest.pipeline, "LOOK_CHUNK", 1)
    one_at_a_time = stored("in-process")
    monkeypatch.undo()
    monkeypatch.setattr(search.ingest.pipeline, "EXTRACT_WORKER_MIN_ARTICLES", 1)
    assert one_at_a_time[1] == [
        ("a", "Story 2"),
        ("b", "Story 1"),
        ("d", "Story 0"),
        ("e", "Story 3"),
    ]
    assert one_at_a_time[2] == [("a", "a"), ("b", "a"), ("d", "a"), ("e", "a")]  # one story
    assert one_at_a_time[3] == [("c", "b"), ("f", "d")]
    assert one_at_a_time[0][1].startswith("1 file: 0 added, 2 updated, 0 unchanged, 1 dup")
    assert stored("worker") == one_at_a_time


def _count_extracted_here(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the articles the ingest's own process extracts (``[count]``, updated in place)."""
    here = [0]
    in_process_call = RegistryExtractor.__call__

    def counted(self: RegistryExtractor, raw: RawArticle) -> Any:
        here[0] += 1
        return in_process_call(self, raw)

    monkeypatch.setattr(RegistryExtractor, "__call__", counted)
    return here
