"""JSON documents and JSON Lines.

A ``.json`` file holds one article object, an array of them, or an object with the
array under ``articles``, ``items`` or ``data``; it is read whole (capped at
`MAX_JSON_BYTES`).  Top-level arrays are walked item by item, so a bad item or a
truncated end costs only what it spoils, and items get ``path:LINE`` origins.

JSON Lines (``.jsonl``, ``.ndjson``) stream one line at a time: a bad line is
reported with its number and reading goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from search.model import RawArticle, ReadError
from search.readers.decode import LineReader, decode_document, read_capped
from search.readers.limits import MAX_JSON_BYTES, Rejected
from search.readers.problems import MAX_LISTED_PER_FILE, ReadWarning
from search.readers.records import Options, record_to_article

WRAPPER_KEYS = ("articles", "items", "data")

# strict=False accepts raw tabs and newlines inside strings (cleaned later); NaN and
# Infinity become None so that meta stays valid JSON.
_DECODER = json.JSONDecoder(strict=False, parse_constant=lambda _name: None)
_SPACE = re.compile(r"[ \t\n\r]*")


def read_jsonl(
    path: Path, origin: str, head: bytes, options: Options
) -> Iterator[RawArticle | ReadError]:
    """Read a JSON Lines file, one article per non-blank line.

    Yields:
        One `RawArticle` per good line; a `ReadError` (with the line number) per bad
        line; a final `ReadError` if a gzip stream breaks off (earlier lines are kept).
    """
    decode = _DECODER.decode
    rejected = 0
    # Past the errors `limit_per_file` lists (and the first one its summary names), a
    # bad line is only counted: one shared `ReadError`, no JSON error message (whose
    # `JSONDecodeError`, `_json_reason` and `ReadError` cost ~3 us a line: a
    # 52-million-line file of ``{`` took minutes, bench/hostile_inputs.py).  A line
    # that does not start with ``{`` or end with ``}`` (after whitespace) cannot be an
    # object, so it is counted without being parsed.
    unlisted = ReadError(origin, "invalid JSON or not an object (not listed)")
    for item in LineReader(path, origin, head):
        if isinstance(item, ReadError):
            rejected += not isinstance(item, ReadWarning)
            yield item
            continue
        number, line = item
        if rejected > MAX_LISTED_PER_FILE:
            text = line.strip()
            if not text:
                continue
            if not (text[0] == "{" and text[-1] == "}"):
                yield unlisted
                continue
            try:
                record = decode(line)
            except (ValueError, RecursionError):
                yield unlisted
                continue
        else:
            if not line.strip():
                continue
            try:
                record = decode(line)
            except (ValueError, RecursionError) as error:
                rejected += 1
                reason = _json_reason(error, one_line=True)
                yield ReadError(origin, f"invalid JSON: {reason}", number)
                continue
        article = _article(record, f"{origin}:{number}", origin, number, options)
        rejected += isinstance(article, ReadError)
        yield article


def read_json(
    path: Path, origin: str, head: bytes, options: Options
) -> Iterator[RawArticle | ReadError]:
    """Read a JSON document holding one or more articles.

    Raises:
        Rejected: When the document is too large, not decodable, or not JSON.
    """
    text, warning = decode_document(read_capped(path, MAX_JSON_BYTES, "JSON document"))
    if warning is not None:
        yield ReadWarning(origin, warning)
    start = _SPACE.match(text).end()  # type: ignore[union-attr]  # `[...]*` always matches
    if text.startswith("[", start):
        yield from _read_array(text, start, origin, options)
        return
    try:
        document = _DECODER.decode(text)
    except (ValueError, RecursionError) as error:
        if isinstance(error, json.JSONDecodeError) and error.msg == "Extra data":
            # Several objects one after another: JSON Lines under a .json name.
            yield from read_jsonl(path, origin, head, options)
            return
        raise Rejected(f"invalid JSON: {_json_reason(error)}") from None
    if not isinstance(document, dict):
        raise Rejected(f"JSON document is {_kind(document)}, not an object or array")
    for key in WRAPPER_KEYS:
        records = _wrapped(document, key)
        if records is not None:
            for index, record in enumerate(records, 1):
                if not isinstance(record, dict):
                    yield ReadError(origin, f"{key}[{index}] is {_kind(record)}, not an object")
                    continue
                yield _article(record, origin, origin, None, options)
            return
    yield _article(document, origin, origin, None, options)


def _wrapped(document: dict[str, Any], key: str) -> list[Any] | None:
    for name, value in document.items():
        if name.lower() == key and isinstance(value, list):
            if not value or isinstance(value[0], dict):
                return value
    return None


def _read_array(
    text: str, start: int, origin: str, options: Options
) -> Iterator[RawArticle | ReadError]:
    # Walk the array with raw_decode so each item's line is known and a damaged
    # item or a truncated end does not lose the items before it.
    position = _SPACE.match(text, start + 1).end()  # type: ignore[union-attr]  # always matches
    line = 1 + text.count("\n", 0, position)
    counted = position
    if text.startswith("]", position):
        return
    raw_decode = _DECODER.raw_decode
    while True:
        line += text.count("\n", counted, position)
        counted = position
        try:
            record, end = raw_decode(text, position)
        except (ValueError, RecursionError) as error:
            yield ReadError(origin, f"invalid JSON: {_json_reason(error)}", line)
            return
        yield _article(record, f"{origin}:{line}", origin, line, options)
        position = _SPACE.match(text, end).end()  # type: ignore[union-attr]  # always matches
        if text.startswith(",", position):
            position = _SPACE.match(text, position + 1).end()  # type: ignore[union-attr]  # always matches
            continue
        if text.startswith("]", position):
            if text[position + 1 :].strip():
                line += text.count("\n", counted, position)
                yield ReadError(origin, "invalid JSON: extra data after the array", line)
            return
        line += text.count("\n", counted, position)
        reason = (
            "truncated (the array is not closed)"
            if position >= len(text)
            else "expected ',' or ']'"
        )
        yield ReadError(origin, f"invalid JSON: {reason}", line)
        return


def _article(
    record: Any, where: str, origin: str, line: int | None, options: Options
) -> RawArticle | ReadError:
    if not isinstance(record, dict):
        return ReadError(origin, f"record is {_kind(record)}, not a JSON object", line)
    try:
        return record_to_article(record, where, options)
    except Rejected as error:
        return ReadError(origin, error.reason, line)


def _json_reason(error: Exception, one_line: bool = False) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply"
    if isinstance(error, json.JSONDecodeError):
        # An unterminated string (raw newlines allowed) always runs to the end.
        if error.pos >= len(error.doc.rstrip()) or error.msg.startswith("Unterminated string"):
            where = "" if one_line else f" line {error.lineno},"
            return f"truncated ({error.msg.lower()}{where} column {error.colno})"
        if one_line:
            return f"{error.msg} (column {error.colno})"
        return f"{error.msg} (line {error.lineno}, column {error.colno})"
    return str(error)


def _kind(value: Any) -> str:
    names = {
        list: "an array",
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "a boolean",
    }
    return "null" if value is None else names.get(type(value), type(value).__name__)
