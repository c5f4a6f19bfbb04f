"""The benchmark corpus builder (bench/corpus.py): deterministic, distinct, label-free.

Uses the shared corpora next to the repository; skipped where they are absent (they are
not part of the repo).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bench_scripts import load

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPORA = REPO.parent / "shared" / "corpora"
FIELDS = {"id", "title", "date", "source", "url", "lang", "body"}

pytestmark = pytest.mark.skipif(
    not (SHARED_CORPORA / "sample").is_dir(), reason="shared corpora not available"
)


corpus = load("corpus")


@pytest.fixture
def small_corpora(tmp_path: Path) -> Path:
    """A corpora folder with only the small ``sample`` corpus (54 articles), linked."""
    folder = tmp_path / "corpora"
    folder.mkdir()
    (folder / "sample").symlink_to(SHARED_CORPORA / "sample", target_is_directory=True)
    return folder


def _read(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _check_distinct_and_clean(articles: list[dict[str, object]], n: int) -> None:
    assert len(articles) == n
    assert all(set(article) == FIELDS for article in articles)  # no countries/meta labels
    assert len({article["id"] for article in articles}) == n
    assert len({article["body"] for article in articles}) == n
    assert all(isinstance(a["body"], str) and a["body"].strip() for a in articles)


def test_assembled_corpus_is_deterministic_distinct_and_label_free(
    small_corpora: Path, tmp_path: Path
) -> None:
    first = corpus.build_corpus(200, small_corpora, tmp_path / "a.jsonl", seed=3)
    second = corpus.build_corpus(200, small_corpora, tmp_path / "b.jsonl", seed=3)
    assert first.read_bytes() == second.read_bytes()

    articles = _read(first)
    _check_distinct_and_clean(articles, 200)
    assembled = [a for a in articles if str(a["id"]).startswith("bench-")]
    assert len(assembled) == 200 - 54  # the real articles come first, all of them
    for article in assembled:
        paragraphs = str(article["body"]).split("\n\n")
        assert 1 <= len(paragraphs) <= 30
        assert article["title"]
    dated = [str(a["date"]) for a in articles if a["date"]]
    real_dates = [str(a["date"]) for a in articles[:54] if a["date"]]
    assert min(real_dates) <= min(dated) and max(dated) <= max(real_dates)

    other_seed = corpus.build_corpus(200, small_corpora, tmp_path / "c.jsonl", seed=4)
    assert other_seed.read_bytes() != first.read_bytes()


def test_cache_is_reused_only_when_it_matches(small_corpora: Path, tmp_path: Path) -> None:
    out = tmp_path / "cached.jsonl"
    corpus.build_corpus(60, small_corpora, out)
    meta = json.loads((tmp_path / "cached.jsonl.meta.json").read_text("utf-8"))
    assert meta["n"] == 60 and meta["seed"] == 0

    out.write_text("sentinel\n", encoding="utf-8")  # a reused file is left as it is
    corpus.build_corpus(60, small_corpora, out)
    assert out.read_text(encoding="utf-8") == "sentinel\n"

    corpus.build_corpus(61, small_corpora, out)  # another N: rebuilt
    _check_distinct_and_clean(_read(out), 61)


def test_real_articles_from_all_shared_corpora(tmp_path: Path) -> None:
    out = corpus.build_corpus(200, SHARED_CORPORA, tmp_path / "real.jsonl")
    _check_distinct_and_clean(_read(out), 200)
