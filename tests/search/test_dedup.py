"""Exact and near-duplicate detection."""

from __future__ import annotations

import hashlib
import json
import re
import tracemalloc
from pathlib import Path
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from search.ingest import dedup
from search.model import RawArticle
from search.readers import iter_input_files, read_file

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = DATA / "sample.jsonl"


def _bodies() -> list[str]:
    return [json.loads(line)["body"] for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def test_content_hash_ignores_case_spacing_and_punctuation() -> None:
    assert dedup.content_hash("Talks", "Kazakhstan and  Norway met.") == dedup.content_hash(
        "talks", "Kazakhstan and Norway met"
    )
    assert dedup.content_hash("Talks", "Kazakhstan met") != dedup.content_hash(
        "Talks", "Norway met"
    )


def _content_hash_before(title: str | None, body: str) -> str:
    """`dedup.content_hash` as it was first written (stored hashes depend on it)."""
    words = " ".join(re.findall(r"\w+", f"{title or ''} {body}".lower()))
    return hashlib.blake2b(words.encode("utf-8"), digest_size=16).hexdigest()


def _corpus() -> list[tuple[str | None, str]]:
    """Title and body of every article of the sample corpus (tests/data)."""
    articles = []
    for path in iter_input_files([DATA]):
        assert isinstance(path, Path)
        for item in read_file(path):
            if isinstance(item, RawArticle):
                articles.append((item.title, item.body))
    return articles


def test_content_hash_is_unchanged_on_the_sample_corpus() -> None:
    """Hashes are stored: computing them in pieces must not change one."""
    articles = _corpus()
    assert len(articles) > 80
    for title, body in articles:
        assert dedup.content_hash(title, body) == _content_hash_before(title, body)
    with patch.object(dedup, "_HASH_PIECE_CHARS", 40):  # cut every text in many pieces
        for title, body in articles:
            assert dedup.content_hash(title, body) == _content_hash_before(title, body)
    assert dedup.content_hash("Talks", "Kazakhstan and Norway met.") == (
        "df64a845484ec73dcbdb1c1156d644d9"
    )


@settings(max_examples=300, deadline=None)
@given(
    title=st.none() | st.text(alphabet="aΣσς İi\u0307.'\n"),
    body=st.lists(
        st.sampled_from([*"aZ9_ \t\n\r.'-", "Σ", "ΟΣ", "İ", "\u0307", "ß", "\u2028"])
    ).map("".join),
    piece=st.integers(1, 12),
)
def test_content_hash_in_pieces_is_the_hash_of_the_whole(
    title: str | None, body: str, piece: int
) -> None:
    """Final sigma, characters that lower-case to two, separators that are not cut at."""
    with patch.object(dedup, "_HASH_PIECE_CHARS", piece):
        assert dedup.content_hash(title, body) == _content_hash_before(title, body)


def test_content_hash_of_a_huge_text_does_not_list_its_words() -> None:
    body = "minister said the talks would go on " * 100_000  # 3.6 MB, 700,000 words
    tracemalloc.start()
    try:
        got = dedup.content_hash("Talks", body)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert got == _content_hash_before("Talks", body)
    assert peak < 2 * 1024 * 1024  # the list of its words alone took 40 MB


def test_wire_copy_is_near_and_other_stories_are_far() -> None:
    bodies = _bodies()
    original = bodies[5]
    copy = "UPDATE: " + original.replace(" the ", " the  ", 3) + " Additional reporting by a desk."
    a, b = dedup.sketch(original), dedup.sketch(copy)
    assert a is not None and b is not None
    assert dedup.similarity(a, b) >= dedup.NEAR_DUPLICATE_JACCARD
    assert set(dedup.bands(a)) & set(dedup.bands(b))
    others = [dedup.sketch(body) for body in bodies[6:20]]
    assert all(dedup.similarity(a, o) < 0.5 for o in others if o is not None)


def test_short_texts_have_no_sketch_and_dates_window_copies() -> None:
    assert dedup.sketch("Too short to compare.") is None
    assert dedup.within_window("2022-05-01", "2022-06-10")
    assert not dedup.within_window("2022-01-01", "2022-06-10")
    assert dedup.within_window(None, "2022-06-10")


@given(st.text(max_size=3000))
def test_sketch_never_raises_and_is_deterministic(text: str) -> None:
    first = dedup.sketch(text)
    assert first == dedup.sketch(text)
    if first is not None:
        assert len(first) == dedup.SKETCH_BINS * 4
        assert dedup.similarity(first, first) == 1.0


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
@settings(max_examples=300, deadline=None)
def test_the_fast_word_split_is_the_regex_split(text: str) -> None:
    # ASCII text, text whose other characters are no word characters (curly quotes,
    # dashes), and text with words in other scripts ("İstanbul", "Ω", "Ⅻ") alike.
    expected = [word.encode("utf-8") for word in re.findall(r"\w+", text.lower())]
    assert dedup._lower_words(text) == expected


def test_the_fast_word_split_on_typical_and_unusual_news_text() -> None:
    for text in (
        "The U.S. “welcomes” the talks — said Ned_Price, 2022.",
        "İSTANBUL – Türkiye’s ΚΥΒΕΡΝΗΣΗ met Ⅻ delegates ① and ½ of ＡＢＣ.",
        "",
        "\x00\x7f only controls",
    ):
        expected = [word.encode("utf-8") for word in re.findall(r"\w+", text.lower())]
        assert dedup._lower_words(text) == expected
