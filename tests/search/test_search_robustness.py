"""Search on archives that are empty, half-ingested or indexed in another order, and
queries that are too long to correct: never a crash, and the same answer every time."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import search.index.manage
import search.ingest.indexing
import search.query.run
import search.query.spelling
from search.archive import Archive, check_archive, ensure_index, run_search
from search.extract.sentences import document_sentences
from search.index import sync
from search.ingest import ingest
from search.model import Extraction, RawArticle
from search.query import SearchRequest

REPO = Path(__file__).resolve().parents[2]


def quick_extract(raw: RawArticle) -> Extraction:
    """A stand-in extract stage, so these tests measure the pipeline alone."""
    return Extraction(sentences=tuple(document_sentences(raw.title, raw.body)))


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- empty archive


def test_a_new_archive_answers_no_articles_yet(briefroom_home: Path) -> None:
    with Archive.open(briefroom_home) as archive:
        result = run_search(archive, SearchRequest(query="norway"))  # no index at all
        assert result.archive_empty and result.total == 0 and not result.hits
        assert ensure_index(archive) == []  # an empty index, made quietly
        for sort in ("relevance", "date"):
            result = run_search(archive, SearchRequest(query="norway", sort=sort))
            assert result.archive_empty and result.total == 0
        assert run_search(archive, SearchRequest()).archive_empty
        health = check_archive(archive)
        assert health.ok and health.documents == 0, health.problems


def test_an_archive_whose_every_input_was_rejected_answers_no_articles_yet(
    briefroom_home: Path, tmp_path: Path
) -> None:
    (tmp_path / "broken.json").write_text('{"title": "cut', encoding="utf-8")
    with Archive.open(briefroom_home) as archive:
        report = ingest(archive, [tmp_path / "broken.json"], extractor=quick_extract)
        assert report.rejected and report.added == 0
        assert archive.index.exists()
        result = run_search(archive, SearchRequest(query="minister", countries=("Norway",)))
        assert result.archive_empty and result.total == 0
        assert check_archive(archive).ok


def test_cli_search_on_an_empty_archive_says_so_and_succeeds(briefroom_home: Path) -> None:
    from tui.cli import cli

    result = CliRunner().invoke(cli, ["search", "norway"])
    assert result.exit_code == 0, result.output
    assert "no articles yet" in result.stderr
    assert "Traceback" not in result.output
    as_json = CliRunner().invoke(cli, ["search", "norway", "--json"])
    assert as_json.exit_code == 0 and json.loads(as_json.stdout)["total"] == 0


def test_index_check_fails_when_search_would(
    briefroom_home: Path, sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The thorough check runs a search: it can no longer say healthy while search crashes."""
    with Archive.open(briefroom_home) as archive:
        ingest(archive, [sample_file], extractor=quick_extract)
        assert check_archive(archive).ok

        def broken(*args: Any, **kwargs: Any) -> Any:
            raise AttributeError("'NoneType' object has no attribute 'segment_id'")

        monkeypatch.setattr(search.query.run, "Evaluator", broken)
        health = check_archive(archive)
        assert not health.ok
        assert any("searching fails" in p for p in health.problems)
        assert check_archive(archive, thorough=False).ok  # counts only


# --------------------------------------------------------------------------- a killed ingest


def _corpus(sample_file: Path, out: Path, n: int) -> Path:
    """N distinct articles assembled from the demo corpus's paragraphs."""
    records = _records(sample_file)
    paragraphs = [p for r in records for p in str(r["body"]).split("\n\n") if len(p) > 80]
    rng = random.Random(3)
    rows = []
    for i in range(n):
        base = records[i % len(records)]
        rows.append({"id": f"synthetic-{i}", "title": f"{base['title']} ({i})",
                     "date": base["date"], "source": "Test wire",
                     "body": "\n\n".join(rng.sample(paragraphs, 4))})  # fmt: skip
    return _write_jsonl(out, rows)


def _indexed_count(store: Path) -> int:
    """Articles the store records as indexed, read without writing (0 while unreadable)."""
    try:
        with closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=5)) as conn:
            return int(
                conn.execute("SELECT count(*) FROM articles WHERE indexed = 1").fetchone()[0]
            )
    except sqlite3.Error:  # not created yet
        return 0


@pytest.mark.slow
@pytest.mark.store_file  # the ingest runs in another process, on the store file
def test_sigkilled_ingest_keeps_its_committed_batches_searchable(
    tmp_path: Path, sample_file: Path
) -> None:
    """A real ingest process, committing the index every 200 articles, is killed after its
    first commits: a search then finds exactly the committed articles, the index agrees
    with the store, and running the ingest again completes it."""
    corpus = _corpus(sample_file, tmp_path / "corpus.jsonl", 2400)
    home = tmp_path / "home"
    code = (
        "import sys, search.ingest.indexing as i; i.INDEX_COMMIT_ARTICLES = 200; "
        "i.INDEX_COMMIT_SECONDS = 1e9; "
        "from tui.cli import main; sys.argv = ['briefroom', *sys.argv[1:]]; main()"
    )
    env = dict(os.environ, BRIEFROOM_HOME=str(home))
    args = [sys.executable, "-c", code, "ingest", str(corpus), "--wait", "30"]
    proc = subprocess.Popen(args, env=env, cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.monotonic() + 600
    indexed = 0
    while indexed < 400 and proc.poll() is None and time.monotonic() < deadline:
        # A real wait: polling another process's store, which offers no event to await;
        # the loop ends on the state (two commits), the deadline only bounds it.
        time.sleep(0.2)
        indexed = _indexed_count(home / "archive.sqlite3")
    assert proc.poll() is None, "the ingest ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)

    with Archive.open(home) as archive:
        indexed = archive.store.indexed_count()
        assert 400 <= indexed < 2400 and indexed % 200 == 0
        health = check_archive(archive)
        result = run_search(archive, SearchRequest(limit=None, snippets=False, facets=False))
        found = {hit.id for hit in result.hits}
        marked = {r[0] for r in archive.store.conn.execute("SELECT id FROM articles WHERE indexed")}
        if archive.store.get_meta("index_commit_started") == "1":
            # Killed between an index commit and the store's note of it (a few ms): the
            # index may hold one batch more, which the next run re-indexes.
            assert marked <= found and len(found) <= len(marked) + 200
        else:
            # What the store records as indexed is exactly what the index holds.
            assert health.documents == indexed and found == marked
            assert all("not indexed yet" in p for p in health.problems), health.problems
    again = subprocess.run(args, env=env, cwd=REPO, capture_output=True, timeout=600)
    assert again.returncode == 0, again.stderr
    with Archive.open(home) as archive:
        health = check_archive(archive)
        assert health.ok and health.documents == 2400, health.problems


# --------------------------------------------------------------------------- reproducible results


def _with_tied_copies(sample_file: Path, out: Path) -> Path:
    """The demo corpus plus, for a third of its articles, a copy from another wire that
    differs by one word (same length, same date): a near-duplicate whose scores tie with
    the original's for any query without that word."""
    records = _records(sample_file)
    copies = []
    for record in records[::3]:
        body = str(record["body"])
        words = body.split(" ")
        middle = len(words) // 2
        words[middle] = "zzcopy" if words[middle] != "zzcopy" else "yycopy"
        copies.append(dict(record, id=f"copy-of-{record['id']}", source="Other wire",
                           url=None, body=" ".join(words)))  # fmt: skip
    return _write_jsonl(out, records + copies)


QUERIES = (
    "",
    "minister",
    "foreign minister",
    '"foreign minister"',
    "country:NOR",
    "talks OR visit",
)


def _answers(archive: Archive) -> list[Any]:
    out = []
    for query in QUERIES:
        for sort in ("relevance", "date"):
            for limit, page in ((None, 1), (5, 1), (5, 2)):
                request = SearchRequest(query=query, sort=sort, limit=limit, page=page,
                                        snippets=False)  # fmt: skip
                result = run_search(archive, request)
                out.append(
                    (query, sort, limit, page, result.total, result.facets,
                     [(h.id, h.score, h.copies) for h in result.hits])
                )  # fmt: skip
    return out


def _reindex_in_reverse(archive: Archive) -> None:
    """The same documents, written to a new index in the opposite order: every document
    number changes (what a run with other sub-writer timing or batches can do)."""
    rows = list(archive.store.iter_for_index(pending_only=False))
    sync(archive.store, archive.index, rebuild=True, documents=reversed(rows))


# How a store file's ingest writes its own index (a team store's is synced).
@pytest.mark.store_file
@pytest.mark.parametrize("second", ["reverse-order index", "batched two-process index"])
def test_two_clean_ingests_give_identical_results(
    tmp_path: Path, sample_file: Path, monkeypatch: pytest.MonkeyPatch, second: str
) -> None:
    corpus = _with_tied_copies(sample_file, tmp_path / "corpus.jsonl")
    with Archive.open(tmp_path / "first") as archive:
        report = ingest(archive, [corpus], extractor=quick_extract)
        assert report.clustered == 18  # every copy joined its original's story
        expected = _answers(archive)
    if second == "batched two-process index":
        monkeypatch.setattr(search.index.manage, "MULTIPROCESS_MIN_DOCS", 10)
        monkeypatch.setattr(search.ingest.indexing, "MULTIPROCESS_MIN_DOCS", 10)
        monkeypatch.setattr(search.ingest.indexing, "INDEX_COMMIT_ARTICLES", 7)
    with Archive.open(tmp_path / "second") as archive:
        ingest(archive, [corpus], extractor=quick_extract)
        if second == "reverse-order index":
            _reindex_in_reverse(archive)
        assert check_archive(archive).ok
        assert _answers(archive) == expected


def test_the_copy_ingested_first_stands_for_a_story_of_tied_copies(
    tmp_path: Path, sample_file: Path
) -> None:
    corpus = _with_tied_copies(sample_file, tmp_path / "corpus.jsonl")
    with Archive.open(tmp_path / "home") as archive:
        ingest(archive, [corpus], extractor=quick_extract)
        _reindex_in_reverse(archive)  # the copies now come first in document order
        result = run_search(archive, SearchRequest(limit=None, snippets=False))
        assert result.total == 54
        assert not [h.id for h in result.hits if h.id.startswith("copy-of-")]
        assert dict(result.facets["source"]).get("Other wire") is None


# --------------------------------------------------------------------------- long words


def test_a_very_long_word_is_not_spell_checked(
    briefroom_home: Path, sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    closest = search.query.spelling._closest

    def spy(searcher: Any, evaluator: Any, term: str, typed: str) -> str | None:
        asked.append(typed)
        return closest(searcher, evaluator, term, typed)

    monkeypatch.setattr(search.query.spelling, "_closest", spy)
    with Archive.open(briefroom_home) as archive:
        ingest(archive, [sample_file], extractor=quick_extract)
        for length in (1_000, 10_000):
            word = "".join(random.Random(length).choice("abcdefghij") for _ in range(length))
            result = run_search(archive, SearchRequest(query=word))
            assert result.total == 0 and result.suggestion is None
        assert asked == []
        # Many unknown words: only the first few are looked at.
        words = " ".join(f"qx{chr(97 + i % 26)}{chr(97 + i // 26)}zz" for i in range(150))
        run_search(archive, SearchRequest(query=words))
        assert 0 < len(asked) <= search.query.run.SUGGEST_MAX_WORDS
        assert max(map(len, asked)) <= search.query.run.SUGGEST_MAX_WORD_CHARS
        # An ordinary misspelling is still corrected.
        assert run_search(archive, SearchRequest(query="ministr")).suggestion == "minister"
