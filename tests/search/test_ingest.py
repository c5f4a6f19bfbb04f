"""The ingest pipeline: idempotence, duplicates, clusters, updates, bad inputs, locking."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import search.ingest.indexing
import search.ingest.pipeline
from search.archive import Archive, ArchiveBusy, check_archive, ensure_index, run_search
from search.extract.sentences import document_sentences
from search.ingest import ingest
from search.model import Extraction, RawArticle
from search.query import SearchRequest


def quick_extract(raw: RawArticle) -> Extraction:
    """A stand-in extract stage, so these tests measure the pipeline alone."""
    return Extraction(sentences=tuple(document_sentences(raw.title, raw.body)))


def _interrupted_at(n: int) -> Callable[[RawArticle], Extraction]:
    """`quick_extract`, interrupted (Ctrl-C) at its ``n``-th article."""
    calls = 0

    def extract(raw: RawArticle) -> Extraction:
        nonlocal calls
        calls += 1
        if calls == n:
            raise KeyboardInterrupt
        return quick_extract(raw)

    return extract


def _articles(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _state(archive: Archive) -> list[tuple[str, str, object]]:
    return archive.store.conn.execute(
        "SELECT id, content_hash, cluster FROM articles ORDER BY id"
    ).fetchall()


def test_ingest_is_idempotent(briefroom_home: Path, sample_file: Path) -> None:
    with Archive.open(briefroom_home) as archive:
        first = ingest(archive, [sample_file], extractor=quick_extract)
        assert first.added == 54 and not first.rejected
        before = _state(archive)
        again = ingest(archive, [sample_file], extractor=quick_extract)
        assert (again.added, again.unchanged, again.updated) == (0, 54, 0)
        assert _state(archive) == before
        health = check_archive(archive)
        assert health.ok, health.problems
        assert health.documents == 54


def test_exact_duplicate_is_merged(briefroom_home: Path, sample_file: Path, tmp_path: Path) -> None:
    record = _articles(sample_file)[0]
    copy = dict(record, id="republished-copy", url="https://example.org/copy")
    path = _write_jsonl(tmp_path / "dups.jsonl", [record, copy])
    with Archive.open(briefroom_home) as archive:
        report = ingest(archive, [path], extractor=quick_extract)
        assert (report.added, report.duplicates) == (1, 1)
        assert archive.store.get("republished-copy").id == record["id"]
        again = ingest(archive, [path], extractor=quick_extract)
        assert again.unchanged == 2 and again.added == 0


def test_near_duplicate_copies_form_one_cluster(
    briefroom_home: Path, sample_file: Path, tmp_path: Path
) -> None:
    record = _articles(sample_file)[3]
    body = str(record["body"])
    edited = body.replace(".", ". Reuters reported.", 1) + "\n\nThis copy adds one closing line."
    copy = dict(record, id="wire-copy", body=edited, title=f"UPDATE 1-{record['title']}")
    other = _articles(sample_file)[10]
    path = _write_jsonl(tmp_path / "copies.jsonl", [record, copy, other])
    with Archive.open(briefroom_home) as archive:
        report = ingest(archive, [path], extractor=quick_extract)
        assert (report.added, report.clustered) == (3, 1)
        original = archive.store.get(str(record["id"]))
        assert original.copies == 2
        assert archive.store.get("wire-copy").cluster == original.cluster
        assert archive.store.get(str(other["id"])).copies == 1


def test_changed_article_is_updated(
    briefroom_home: Path, sample_file: Path, tmp_path: Path
) -> None:
    record = _articles(sample_file)[0]
    path = _write_jsonl(tmp_path / "one.jsonl", [record])
    with Archive.open(briefroom_home) as archive:
        ingest(archive, [path], extractor=quick_extract)
        changed = dict(record, body=str(record["body"]) + "\n\nA correction about zanzibarite.")
        _write_jsonl(path, [changed])
        report = ingest(archive, [path], extractor=quick_extract)
        assert report.updated == 1 and report.added == 0
        assert "zanzibarite" in archive.store.get(str(record["id"])).body
        health = check_archive(archive)
        assert health.ok and health.documents == 1


@pytest.mark.parametrize("batch", [20_000, 1, 2, 3])
def test_article_updated_in_the_run_that_added_it_has_one_index_document(
    briefroom_home: Path,
    sample_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    batch: int,
) -> None:
    """A later record of the same id in the same run replaces the earlier one, in the
    store and in the index, whether or not an index commit (every ``batch`` articles)
    came between them: Whoosh's update cannot delete what its writer has not committed."""
    monkeypatch.setattr(search.ingest.indexing, "INDEX_COMMIT_ARTICLES", batch)
    records = _articles(sample_file)[:4]
    first = records[0]
    changed = dict(first, body=str(first["body"]) + "\n\nA correction about zanzibarite.")
    again = dict(changed, body=str(changed["body"]) + " And one about quillwort.")
    path = _write_jsonl(tmp_path / "twice.jsonl", [first, records[1], changed, *records[2:], again])
    with Archive.open(briefroom_home) as archive:
        report = ingest(archive, [path], extractor=quick_extract)
        assert (report.added, report.updated) == (4, 2)
        health = check_archive(archive)
        assert health.ok and health.documents == 4, health.problems
        for word in ("zanzibarite", "quillwort"):
            found = run_search(archive, SearchRequest(query=word, limit=None))
            assert [hit.id for hit in found.hits] == [first["id"]]
        if not archive.store.shared:  # (a team store's index is synced by change numbers)
            assert archive.store.get_meta("index_commit_started") == "0"


# How a store file's ingest writes its own index (a team store's is synced).
@pytest.mark.store_file
def test_run_killed_before_an_updated_article_is_committed_leaves_it_pending(
    briefroom_home: Path, sample_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The update of an article the previous index commit added is fed after that commit;
    interrupted before the next one, the article is pending and the next search's repair
    replaces the older version instead of adding a second document."""
    monkeypatch.setattr(search.ingest.indexing, "INDEX_COMMIT_ARTICLES", 3)
    records = _articles(sample_file)[:5]
    changed = dict(records[0], body=str(records[0]["body"]) + "\n\nAbout zanzibarite.")
    path = _write_jsonl(tmp_path / "twice.jsonl", [*records[:2], changed, *records[2:]])
    with Archive.open(briefroom_home) as archive:
        with pytest.raises(KeyboardInterrupt):
            ingest(archive, [path], extractor=_interrupted_at(6))
        assert archive.store.get_meta("index_commit_started") == "1"
        pending = archive.store.conn.execute("SELECT id FROM articles WHERE indexed = 0")
        assert str(records[0]["id"]) in {row[0] for row in pending}
        assert ensure_index(archive)  # what a search does first: "indexing ... articles"
        found = run_search(archive, SearchRequest(query="zanzibarite", limit=None))
        assert [hit.id for hit in found.hits] == [records[0]["id"]]
        health = check_archive(archive)
        assert health.ok and health.documents == archive.store.count(), health.problems


def test_bad_input_is_reported_and_the_rest_stored(
    briefroom_home: Path, sample_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    _write_jsonl(folder / "good.jsonl", _articles(sample_file)[:5])
    (folder / "broken.json").write_text('{"title": "cut', encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    with Archive.open(briefroom_home) as archive:
        ingest(archive, [sample_file], extractor=quick_extract)
        before = _state(archive)
        report = ingest(archive, [folder], extractor=quick_extract)
        assert report.unchanged == 5
        reasons = {Path(r.path).name for r in report.rejected}
        assert {"broken.json", "binary.txt"} <= reasons
        assert _state(archive) == before


def test_second_writer_is_told_the_archive_is_busy(briefroom_home: Path, sample_file: Path) -> None:
    with Archive.open(briefroom_home) as archive, Archive.open(briefroom_home) as other:
        with archive.write_lock():
            with pytest.raises(ArchiveBusy, match="busy"):
                ingest(other, [sample_file], extractor=quick_extract)
        assert ingest(other, [sample_file], extractor=quick_extract).added == 54


def test_quick_index_check_finds_lost_documents(briefroom_home: Path, sample_file: Path) -> None:
    """The dashboard's count-only check and the thorough one both see a lost document."""
    with Archive.open(briefroom_home) as archive:
        ingest(archive, [sample_file], extractor=quick_extract)
        assert check_archive(archive, thorough=False).ok
        lost = _articles(sample_file)[0]["id"]
        ix = archive.index.open()
        writer = ix.writer()
        writer.delete_by_term("id", lost)
        writer.commit()
        ix.close()
        quick = check_archive(archive, thorough=False)
        full = check_archive(archive)
        assert not quick.ok and not full.ok
        assert quick.problems == ("1 articles marked indexed are missing from the index",)
        assert full.problems == quick.problems


# --------------------------------------------------------------------------- index batches


@pytest.fixture(params=["in-process writer", "two-process writer"])
def small_batches(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Index commits every 10 articles, through either writer."""
    import search.index.manage

    if request.param == "two-process writer":
        monkeypatch.setattr(search.index.manage, "MULTIPROCESS_MIN_DOCS", 10)
        monkeypatch.setattr(search.ingest.indexing, "MULTIPROCESS_MIN_DOCS", 10)
    monkeypatch.setattr(search.ingest.indexing, "INDEX_COMMIT_ARTICLES", 10)
    return 10


def _searchable(home: Path) -> set[str]:
    """Ids a search finds, from another connection (as another process would)."""
    from search.archive import run_search
    from search.query import SearchRequest

    with Archive.open(home) as other:
        result = run_search(other, SearchRequest(limit=None, snippets=False, facets=False))
        return {hit.id for hit in result.hits}


def test_a_search_during_an_ingest_finds_the_committed_batches(
    briefroom_home: Path, sample_file: Path, small_batches: int
) -> None:
    ids = [str(r["id"]) for r in _articles(sample_file)]
    seen: dict[int, set[str]] = {}

    def extract_and_search(raw: RawArticle) -> Extraction:
        number = len(seen) + 1
        seen[number] = _searchable(briefroom_home)
        return quick_extract(raw)

    with Archive.open(briefroom_home) as archive:
        report = ingest(archive, [sample_file], extractor=extract_and_search)
        assert report.added == 54
        assert check_archive(archive).ok
    for number, found in seen.items():
        committed = (number - 1) // small_batches * small_batches
        assert found == set(ids[:committed]), number
    assert _searchable(briefroom_home) == set(ids)


# How a store file's ingest writes its own index (a team store's is synced).
@pytest.mark.store_file
def test_an_interrupted_ingest_keeps_its_committed_batches(
    briefroom_home: Path, sample_file: Path, small_batches: int
) -> None:
    """Stopped at the 35th article: the first three batches stay searchable, the four
    articles stored since are indexed by the next run, which ends like a clean one."""
    ids = [str(r["id"]) for r in _articles(sample_file)]
    with Archive.open(briefroom_home) as archive:
        with pytest.raises(KeyboardInterrupt):
            ingest(archive, [sample_file], extractor=_interrupted_at(35))
        assert _searchable(briefroom_home) == set(ids[:30])
        health = check_archive(archive)
        assert (health.stored, health.pending, health.documents) == (34, 4, 30)
        assert health.problems == ("4 stored articles are not indexed yet",)
        again = ingest(archive, [sample_file], extractor=quick_extract)
        assert (again.added, again.indexed) == (20, 24)
        health = check_archive(archive)
        assert health.ok and health.documents == 54, health.problems
    assert _searchable(briefroom_home) == set(ids)


def test_the_index_writer_is_sized_by_format(
    tmp_path: Path, sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Documents (text, Markdown, HTML) are one article whatever their size; files of
    records are sized by their bytes; a big ``.txt`` is sniffed (it may hold records)."""
    import gzip

    from search.ingest.pipeline import _BYTES_PER_ARTICLE, _expected_articles

    monkeypatch.setattr(search.ingest.pipeline, "_SNIFF_FROM_BYTES", 1000)
    words = "Norway and Sweden held energy talks in Oslo. " * 2000
    records = sample_file.read_bytes()
    files = {
        "long.txt": words.encode(),
        "long.md": ("# Talks\n\n" + words).encode(),
        "page.html": f"<html><body><p>{words}</p></body></html>".encode(),
        "short.txt": b"Talks\n\nNorway and Sweden met.\n",
        "records.jsonl": records,
        "records.txt": records,  # JSON Lines under a .txt name
        "records.csv": b"title,body\n" + b"Talks,Norway and Sweden met\n" * 3000,
        "records.dat": records,  # unknown extension: sniffed
    }
    expected = {}
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        expected[name] = _expected_articles(path, len(data))
    packed = tmp_path / "records.jsonl.gz"
    packed.write_bytes(gzip.compress(records))
    by_size = len(records) // _BYTES_PER_ARTICLE
    assert expected == {
        "long.txt": 1,
        "long.md": 1,
        "page.html": 1,
        "short.txt": 1,
        "records.jsonl": by_size,
        "records.txt": by_size,
        "records.csv": len(files["records.csv"]) // _BYTES_PER_ARTICLE,
        "records.dat": by_size,
    }
    size = packed.stat().st_size
    assert _expected_articles(packed, size) == size // _BYTES_PER_ARTICLE
    assert _expected_articles(tmp_path / "gone.txt", 5000) == 1  # unreadable: a guess


def test_progress_moves_within_one_gzip_file(briefroom_home: Path, tmp_path: Path) -> None:
    import gzip
    import random

    from search.ingest import IngestProgress

    rng = random.Random(7)
    words = [f"w{n}" for n in range(5000)]
    lines = [
        json.dumps({"id": f"a{n}", "title": f"Story {n}",
                    "body": " ".join(rng.choice(words) for _ in range(400)) + "."})
        for n in range(400)
    ]  # fmt: skip
    path = tmp_path / "one.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode("utf-8")))
    seen: list[IngestProgress] = []
    with Archive.open(briefroom_home) as archive:
        ingest(archive, [path], extractor=quick_extract, progress=seen.append)
    inside = [p.bytes_done for p in seen if p.files_done == 0]
    assert inside and 0 < inside[0] < inside[-1] <= path.stat().st_size
    assert seen[-1].bytes_done == seen[-1].bytes_total == path.stat().st_size
