"""Readers over real data: the shared corpora, and big files in bounded memory."""

from __future__ import annotations

import collections
import json
import subprocess
import sys
import textwrap
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from search.model import RawArticle, ReadError
from search.readers import iter_input_files, read_file

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
MAIN = Path(__file__).resolve().parents[2]
needs_corpora = pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora is absent")

ARTICLE = {
    "id": "x",
    "title": "A normal article title",
    "date": "2019-03-05",
    "source": "Wire",
    "body": "OSLO. KAZINFORM - " + "Kazakhstan and Norway discussed cooperation. " * 100,
    "meta": {"topics": ["a", "b"]},
}


@dataclass
class FileRead:
    """What reading one corpus file gave (summaries only: the corpora are large)."""

    kinds: collections.Counter[str] = field(default_factory=collections.Counter)
    errors: list[str] = field(default_factory=list)
    first: RawArticle | None = None
    with_city: int = 0
    labelled: int = 0
    labels_in_tags: int = 0


@pytest.fixture(scope="module")
def corpus_reads() -> dict[str, FileRead]:
    """Every file under ../shared/corpora, read once for all the tests here."""
    if not CORPORA.is_dir():
        pytest.skip("../shared/corpora is absent")
    reads: dict[str, FileRead] = {}
    for path in iter_input_files([CORPORA]):
        assert isinstance(path, Path), path
        summary = reads[str(path.relative_to(CORPORA))] = FileRead()
        for item in read_file(path):
            summary.kinds[type(item).__name__] += 1
            if isinstance(item, ReadError):
                summary.errors.append(str(item))
                continue
            summary.first = summary.first or item
            summary.with_city += item.city is not None
            labels = item.meta.get("labels", {}).get("countries")
            if labels is not None:
                summary.labelled += 1
                summary.labels_in_tags += bool(set(item.tags) & set(labels))
    return reads


@needs_corpora
@pytest.mark.parametrize(
    ("corpus", "count"),
    [
        ("sample/articles.jsonl", 54),
        ("wikinews/articles.jsonl", 242),
        ("statedept/articles.jsonl.gz", 1684),
        ("ungdc/articles.jsonl.gz", 1485),
        ("reuters21578/articles.jsonl.gz", 15929),
    ],
)
def test_corpus_record_counts(corpus_reads: dict[str, FileRead], corpus: str, count: int) -> None:
    assert corpus_reads[corpus].kinds == {"RawArticle": count}


@needs_corpora
def test_every_file_in_the_corpora_reads(corpus_reads: dict[str, FileRead]) -> None:
    # The five article files and the seed; the folders' README/LICENSE files are skipped.
    assert len(corpus_reads) == 6
    assert not any(name.endswith(("LICENSE.md", "README.md")) for name in corpus_reads)
    for name, summary in corpus_reads.items():
        assert summary.errors == [], name
        assert summary.kinds["RawArticle"] >= 1, name


@needs_corpora
def test_seed_corpus_file(corpus_reads: dict[str, FileRead]) -> None:
    article = corpus_reads["seed/kazinform-kazakhstan-norway-consultations.txt"].first
    assert article is not None
    assert (article.city, article.agency, article.date, article.title) == (
        "Oslo",
        "Kazinform",
        None,
        None,
    )


@needs_corpora
def test_reuters_labels_and_datelines(corpus_reads: dict[str, FileRead]) -> None:
    reuters = corpus_reads["reuters21578/articles.jsonl.gz"]
    total = reuters.kinds["RawArticle"]
    assert reuters.labelled > 0  # the countries field is kept, as an evaluation label
    assert reuters.labels_in_tags == 0  # ... and never leaks into tags
    assert reuters.with_city / total > 0.98
    first = reuters.first
    assert first is not None
    assert (first.city, first.date, first.source_id) == (
        "Cleveland",
        "1987-02-26",
        "reuters21578-2",
    )
    assert "countries" not in first.meta
    assert first.meta["labels"] == {"countries": ["United States"]}


def test_jsonl_streams_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = json.dumps(ARTICLE) + "\n"
    count = 12 * 1024 * 1024 // len(line)
    with path.open("w", encoding="utf-8") as out:
        for _ in range(count):
            out.write(line)
    read = 0
    tracemalloc.start()
    try:
        for item in read_file(path):
            assert isinstance(item, RawArticle)
            read += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read == count
    assert peak < 8 * 1024 * 1024  # a 12 MB file, a few records at a time


@pytest.mark.slow
def test_500_mb_jsonl_streams_in_bounded_memory(tmp_path: Path) -> None:
    # A child process, so that its peak resident memory is this read's alone.
    script = textwrap.dedent(
        f"""
        import json, resource, sys
        from pathlib import Path
        from search.readers import read_file
        path = Path({str(tmp_path / "huge.jsonl")!r})
        line = json.dumps({ARTICLE!r}) + "\\n"
        count = 500 * 1024 * 1024 // len(line)
        with path.open("w", encoding="utf-8") as out:
            for _ in range(count):
                out.write(line)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        read = sum(1 for _ in read_file(path))
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({{"count": count, "read": read, "grew_kb": after - before}}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=MAIN, capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout)
    assert result["read"] == result["count"]
    assert result["grew_kb"] < 64 * 1024
