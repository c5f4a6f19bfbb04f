"""Property tests: the readers and their parsers never raise, whatever the input."""

from __future__ import annotations

import gzip
import json
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.model import RawArticle, ReadError
from search.readers import parse_dateline, read_file
from search.readers.cleaning import clean_text
from search.readers.dates import normalise_date

EXTENSIONS = [
    ".txt", ".md", ".json", ".jsonl", ".ndjson", ".html", ".xml", ".rss", ".atom",
    ".csv", ".tsv", "", ".dat", ".jsonl.gz", ".txt.gz", ".csv.gz",
]  # fmt: skip
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like the things readers parse, so fuzzing reaches past the first check.
_PIECES = st.sampled_from(
    [
        "OSLO", "Oslo", "NEW YORK", "/", ". ", ", ", " - ", " — ", "–", "(Reuters)", "KAZINFORM",
        "March", "Feb", " 26", " 2019", "\n", "\n\n", "---\n", "title: x\n", "{", "}", "[", "]",
        '"body": ', '"title": "t", ', '"', ",", "<rss>", "<item>", "<description>", "</item>",
        "<html>", "<p>", "</p>", "&amp;", "\x1b[31m", "\x00", "\r\n", "é", "Ж", "\ud800",
        "!!python/object:os.system", "*a", "&a ", "\t", "body,title\n",
    ]
)  # fmt: skip
structured_text = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40).map("".join)


def read_bytes_as(data: bytes, extension: str) -> list[RawArticle | ReadError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{extension}"
        if extension.endswith(".gz"):
            data = gzip.compress(data)
        path.write_bytes(data)
        items = list(read_file(path))
    for item in items:
        assert isinstance(item, RawArticle | ReadError)
        if isinstance(item, RawArticle):
            assert item.body.strip()
            assert_clean(item.body)
            json.dumps(item.meta)
        else:
            assert "\n" not in item.reason
            assert not item.reason.startswith("unexpected error"), item.reason
    return items


def assert_clean(text: str) -> None:
    for ch in text:
        code = ord(ch)
        assert ch in "\n\t" or not (code < 32 or 0x7F <= code <= 0x9F), repr(text)
        assert not 0xD800 <= code <= 0xDFFF
    assert unicodedata.is_normalized("NFC", text)


@FUZZ
@given(data=st.binary(max_size=2000), extension=st.sampled_from(EXTENSIONS))
def test_random_bytes_never_raise(data: bytes, extension: str) -> None:
    read_bytes_as(data, extension)


@FUZZ
@given(
    text=structured_text,
    extension=st.sampled_from(EXTENSIONS),
    encoding=st.sampled_from(["utf-8", "cp1251", "latin-1", "utf-16"]),
)
def test_structured_text_never_raises(text: str, extension: str, encoding: str) -> None:
    read_bytes_as(text.encode(encoding, errors="ignore"), extension)


@FUZZ
@given(
    records=st.lists(
        st.dictionaries(
            st.sampled_from(["title", "body", "text", "date", "published", "url", "source",
                             "lang", "id", "tags", "countries", "meta", "x"]),
            st.recursive(
                st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
                lambda children: st.lists(children, max_size=3)
                | st.dictionaries(st.text(max_size=5), children, max_size=3),
                max_leaves=8,
            ),
        ),
        max_size=5,
    ),
    extension=st.sampled_from([".jsonl", ".json"]),
)  # fmt: skip
def test_json_records_of_any_shape(records: list[dict[str, object]], extension: str) -> None:
    if extension == ".jsonl":
        data = "\n".join(json.dumps(r) for r in records)
    else:
        data = json.dumps(records)
    read_bytes_as(data.encode(), extension)


@settings(max_examples=500, deadline=None)
@given(st.one_of(structured_text, st.text()))
def test_parse_dateline_never_raises(text: str) -> None:
    found = parse_dateline(text)
    if found is not None:
        assert found.city
        assert 0 < found.end <= len(text)
        assert found.month is None or 1 <= found.month <= 12
        assert found.day is None or 1 <= found.day <= 31


@settings(max_examples=300, deadline=None)
@given(st.one_of(structured_text, st.text(), st.integers(), st.floats(), st.none()))
def test_normalise_date_never_raises(value: object) -> None:
    result = normalise_date(value)
    if result is not None:
        assert len(result) == 10 and result[4] == "-" and result[7] == "-"


@settings(max_examples=500, deadline=None)
@given(st.one_of(structured_text, st.text()))
def test_clean_text_output_is_clean(text: str) -> None:
    cleaned = clean_text(text)
    assert_clean(cleaned)
    assert "\x1b" not in cleaned
    assert clean_text(cleaned) == cleaned  # idempotent
