"""Readers: bad input becomes one clear `ReadError` per file or record; the rest goes on."""

from __future__ import annotations

import gzip
import json
import tracemalloc
from pathlib import Path

import pytest

from search.model import RawArticle, ReadError
from search.readers import MAX_ARTICLE_BYTES, read_file

RUSSIAN = (
    "Министр иностранных дел Казахстана провёл переговоры с норвежским коллегой в Осло. "
    "Стороны обсудили сотрудничество в области энергетики и транспорта."
)
FRENCH = (
    "Le président français a reçu à l'Élysée son homologue kazakh. Les deux pays ont "
    "signé un accord sur l'énergie et la coopération économique."
)
GERMAN = "Die Außenministerin traf ihren Amtskollegen in Göteborg. Über die Zusammenarbeit wurde gesprochen."


def split(items: list[RawArticle | ReadError]) -> tuple[list[RawArticle], list[ReadError]]:
    assert all(isinstance(item, RawArticle | ReadError) for item in items)
    return (
        [i for i in items if isinstance(i, RawArticle)],
        [i for i in items if isinstance(i, ReadError)],
    )


def only_error(path: Path) -> ReadError:
    articles, errors = split(list(read_file(path)))
    assert articles == []
    assert len(errors) == 1, errors
    error = errors[0]
    assert error.path == str(path)
    assert "\n" not in str(error)
    return error


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "empty.csv", "empty.json", "empty"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert only_error(path).reason == "empty file"


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_bytes(b"\n \r\n\t\n")
    assert only_error(path).reason == "empty file"


def test_empty_gzip(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl.gz"
    path.write_bytes(gzip.compress(b""))
    assert only_error(path).reason == "empty file"


@pytest.mark.parametrize("name", ["photo.txt", "data.jsonl", "x.csv", "doc.html", "blob"])
def test_binary_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert only_error(path).reason == "binary data, not text"


def test_control_characters_without_nul_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 65]) * 200)
    assert only_error(path).reason == "binary data, not text"


def test_missing_and_special_paths(tmp_path: Path) -> None:
    assert "no such file" in only_error(tmp_path / "missing.txt").reason.lower()
    assert only_error(tmp_path).reason == "not a regular file"


def test_no_articles_found(tmp_path: Path) -> None:
    path = tmp_path / "empty-array.json"
    path.write_text("[]", encoding="utf-8")
    assert only_error(path).reason == "no articles found"


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8_r"),
        (FRENCH, "latin-1"),
        (GERMAN, "latin-1"),
        (FRENCH, "cp1252"),
    ],
)
def test_legacy_encodings_are_read_correctly(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(encoding))
    articles, errors = split(list(read_file(path)))
    assert errors == []
    assert articles[0].body == text


@pytest.mark.parametrize(("text", "encoding"), [(RUSSIAN, "cp1251"), (FRENCH, "latin-1")])
def test_legacy_encodings_in_json_lines(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"title": "ascii only", "body": "plain"}),
        json.dumps({"title": text[:20], "body": text}, ensure_ascii=False),
        json.dumps({"body": text[::-1]}, ensure_ascii=False),
    ]
    path.write_bytes("\n".join(lines).encode(encoding))
    articles, errors = split(list(read_file(path)))
    assert errors == []
    assert [a.body for a in articles] == ["plain", text, text[::-1]]
    assert articles[1].title == text[:20].strip()


def test_short_latin1_words_are_not_garbled(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("title,body\nCafé crème,Größe und Übermut\n".encode("latin-1"))
    articles, errors = split(list(read_file(path)))
    assert errors == []
    assert (articles[0].title, articles[0].body) == ("Café crème", "Größe und Übermut")


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(json.dumps({"body": RUSSIAN}, ensure_ascii=False).encode("utf-16"))
    articles, errors = split(list(read_file(path)))
    assert errors == []
    assert articles[0].body == RUSSIAN


def test_mixed_encodings_are_rejected_not_garbled(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(RUSSIAN.encode("utf-8") + b"\n\n" + RUSSIAN.encode("cp1251"))
    error = only_error(path)
    assert "encoding" in error.reason


def test_garbage_high_bytes_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(0x80 + (i * 37) % 128 for i in range(600)))
    assert "encoding" in only_error(path).reason


def test_mixed_encoding_line_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    bad = json.dumps({"body": RUSSIAN}, ensure_ascii=False)
    data = (
        json.dumps({"body": "first"}).encode()
        + b"\n"
        + bad.encode("utf-8")[:-30]
        + bad.encode("cp1251")[-30:]
        + b"\n"
        + json.dumps({"body": "third"}).encode()
        + b"\n"
    )
    path.write_bytes(data)
    articles, errors = split(list(read_file(path)))
    assert [a.body for a in articles] == ["first", "third"]
    assert len(errors) == 1 and errors[0].line == 2


# --------------------------------------------------------------------------- JSON


def test_truncated_json_document(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"title": "x", "body": "some text', encoding="utf-8")
    error = only_error(path)
    assert error.reason.startswith("invalid JSON: truncated")


def test_truncated_json_array_keeps_earlier_items(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('[{"body": "one"},\n {"body": "two"},\n {"body": "thr', encoding="utf-8")
    articles, errors = split(list(read_file(path)))
    assert [a.body for a in articles] == ["one", "two"]
    assert len(errors) == 1
    assert errors[0].line == 3 and "truncated" in errors[0].reason


def test_json_scalar_document(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('"just a string"', encoding="utf-8")
    assert only_error(path).reason == "JSON document is a string, not an object or array"


def test_deeply_nested_json_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text('{"body": "ok"}\n' + "[" * 100_000 + "\n", encoding="utf-8")
    articles, errors = split(list(read_file(path)))
    assert [a.body for a in articles] == ["ok"]
    assert len(errors) == 1 and errors[0].line == 2


def test_non_object_records_and_nan(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('42\nnull\n"text"\n{"body": "b", "score": NaN}\n', encoding="utf-8")
    articles, errors = split(list(read_file(path)))
    assert [e.line for e in errors] == [1, 2, 3]
    assert all("not a JSON object" in e.reason for e in errors)
    assert articles[0].meta == {}  # NaN read as null, and nulls are not kept
    assert articles[0].body == "b"


# --------------------------------------------------------------------------- gzip


def test_truncated_gzip_keeps_records_before_the_break(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"r{i}", "body": f"Record number {i} " * 20}) for i in range(2000)]
    data = gzip.compress("\n".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    articles, errors = split(list(read_file(path)))
    assert 0 < len(articles) < 2000
    assert [a.source_id for a in articles] == [f"r{i}" for i in range(len(articles))]
    assert len(errors) == 1
    assert "gzip" in errors[0].reason and str(len(articles)) in errors[0].reason


def test_truncated_gzip_text_is_rejected(tmp_path: Path) -> None:
    data = gzip.compress(("OSLO. KAZINFORM - " + "Talks went well. " * 5000).encode())
    path = tmp_path / "story.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    assert "gzip" in only_error(path).reason


def test_corrupt_gzip_header(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(b"\x1f\x8b" + b"\xff" * 50)
    assert "gzip" in only_error(path).reason


# --------------------------------------------------------------------------- front matter


@pytest.mark.parametrize(
    "header",
    [
        "title: x\nobj: !!python/object/apply:os.system ['echo pwned']",
        "title: !!python/object:builtins.dict {}",
        "title: !custom tag",
        "a: &a [1, 2]\nb: *a",
        "title: [unclosed",
        "- just\n- a list",
    ],
)
def test_unsafe_or_invalid_front_matter_rejects_the_file(tmp_path: Path, header: str) -> None:
    path = tmp_path / "note.md"
    path.write_text(f"---\n{header}\n---\nBody text.\n", encoding="utf-8")
    error = only_error(path)
    assert "front matter" in error.reason


def test_unclosed_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("---\ntitle: x\nBody text without a closing line.\n", encoding="utf-8")
    assert "not closed" in only_error(path).reason


# --------------------------------------------------------------------------- sizes


def test_oversize_text_article(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * (MAX_ARTICLE_BYTES // 5 + 10))
    reason = only_error(path).reason
    assert reason.startswith("article too large") and "bytes" in reason


def test_oversize_gzip_article(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * (MAX_ARTICLE_BYTES + 1000)))
    assert "too large" in only_error(path).reason


def test_oversize_jsonl_record_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    size = 50 * 1024 * 1024
    with path.open("wb") as out:
        out.write(b'{"body": "before"}\n{"body": "')
        chunk = b"x" * (1024 * 1024)
        for _ in range(50):
            out.write(chunk)
        out.write(b'"}\n{"body": "after"}\n')
    tracemalloc.start()
    try:
        items = list(read_file(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    articles, errors = split(items)
    assert [a.body for a in articles] == ["before", "after"]
    assert len(errors) == 1 and errors[0].line == 2
    assert "record too large" in errors[0].reason
    assert f"{size + 13:,} bytes" in errors[0].reason
    # One line is read up to the limit, the rest skipped in chunks: never the 50 MB.
    assert peak < MAX_ARTICLE_BYTES * 2.5


def test_oversize_body_in_json_document(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    big = "y" * (MAX_ARTICLE_BYTES + 1)
    path.write_text(json.dumps([{"body": "small"}, {"body": big}]), encoding="utf-8")
    articles, errors = split(list(read_file(path)))
    assert [a.body for a in articles] == ["small"]
    assert len(errors) == 1 and errors[0].reason.startswith("article too large")


# --------------------------------------------------------------------------- sanitising


def test_terminal_escapes_and_controls_are_removed(tmp_path: Path) -> None:
    body = (
        "Line one\x1b[2J\x1b[1;1H cleared\r\n"
        "\x1b]0;pwned title\x07Title set\r"
        "C1 \x9b31m csi\x85next, NUL\x00 and DEL\x7f gone\t(tab kept)"
    )
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"title": "A\x1b[31m red\x1b[0m\ntitle", "body": body}), encoding="utf-8"
    )
    articles, errors = split(list(read_file(path)))
    assert errors == []
    article = articles[0]
    assert article.title == "A red title"
    assert article.body == (
        "Line one cleared\nTitle set\nC1  csi\nnext, NUL and DEL gone\t(tab kept)"
    )
    for ch in article.body:
        assert ch in "\n\t" or not (ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F)


def test_escape_bytes_in_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(
        b"OSLO - Talks \x1b[5mblink\x1b[0m ended.\r\n\r\nSecond \x1b]8;;http://x\x1b\\link."
    )
    article = split(list(read_file(path)))[0][0]
    assert article.body == "OSLO - Talks blink ended.\n\nSecond link."


def test_unicode_is_nfc_and_lone_surrogates_replaced(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"title": "Nj\\u00f8lstad", "body": "Cafe\\u0301 \\ud800 end"}\n', encoding="utf-8"
    )
    article = split(list(read_file(path)))[0][0]
    assert article.body == "Café \ufffd end"
    article.body.encode("utf-8")  # storable


def test_bad_override_date_is_a_usage_error() -> None:
    with pytest.raises(ValueError):
        read_file("whatever.txt", date="not a date")
