"""CSV and TSV files with a header row, streamed one record at a time.

The header names the columns (mapped like JSON keys: title, body/text/content, date,
url, source ...).  The delimiter is a tab for ``.tsv`` and otherwise the commonest of
``, ; tab |`` in the header.  Records may span lines inside quotes; the origin names
the line each record starts on.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

from search.model import RawArticle, ReadError
from search.readers.decode import LineReader
from search.readers.limits import MAX_ARTICLE_BYTES, Rejected, describe_size
from search.readers.records import Options, has_body_key, record_to_article

_DELIMITERS = (",", ";", "\t", "|")


class _Lines:
    """Feeds decoded lines to `csv.reader`, remembering line numbers and errors."""

    def __init__(self, lines: LineReader) -> None:
        self._lines = iter(lines)
        self.numbers: list[int] = []
        self.errors: list[ReadError] = []

    def __iter__(self) -> Iterator[str]:
        for item in self._lines:
            if isinstance(item, ReadError):
                self.errors.append(item)
                continue
            self.numbers.append(item[0])
            yield item[1]


def read_csv(
    path: Path, origin: str, head: bytes, options: Options, *, delimiter: str | None = None
) -> Iterator[RawArticle | ReadError]:
    """Read a CSV/TSV file with a header row, one article per record.

    Args:
        path: The file.
        origin: The path string for origins and errors.
        head: The file's first bytes (for encoding detection).
        options: Command-line overrides.
        delimiter: The field separator; sniffed from the header when ``None``.

    Raises:
        Rejected: When there is no header row, or no column can hold the body.
    """
    # Bodies are long; the csv module's default field limit is 128 KiB.
    csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, MAX_ARTICLE_BYTES + 1)))
    source = _Lines(LineReader(path, origin, head, blank="merge"))
    lines = iter(source)
    first = next(lines, None)
    yield from _drain(source)
    if first is None:
        raise Rejected("no header row")
    if delimiter is None:
        delimiter = max(_DELIMITERS, key=first.count)
    try:
        header = next(csv.reader([first], delimiter=delimiter), [])
    except csv.Error as error:
        raise Rejected(f"malformed CSV header: {error}", 1) from None
    header = _unique([name.strip().lstrip("\ufeff") for name in header])
    if not has_body_key(header):
        raise Rejected(
            "CSV header has no body column (expected one of body, text, content, article, "
            "description)"
        )
    source.numbers.clear()
    reader = csv.reader(lines, delimiter=delimiter)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            yield from _drain(source)
            yield ReadError(origin, f"malformed CSV: {error}", _start(source))
            source.numbers.clear()
            continue
        yield from _drain(source)
        line = _start(source)
        source.numbers.clear()
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            yield ReadError(origin, f"{len(row)} fields, but the header has {len(header)}", line)
            continue
        record = dict(zip(header, row, strict=False))
        if sum(len(cell) for cell in row) > MAX_ARTICLE_BYTES // 4:
            size = sum(len(cell.encode("utf-8", "replace")) for cell in row)
            if size > MAX_ARTICLE_BYTES:
                yield ReadError(
                    origin,
                    f"record too large: {describe_size(size)}, "
                    f"limit {describe_size(MAX_ARTICLE_BYTES)}",
                    line,
                )
                continue
        try:
            yield record_to_article(record, f"{origin}:{line}", options)
        except Rejected as error:
            yield ReadError(origin, error.reason, line)
    yield from _drain(source)


def _drain(source: _Lines) -> Iterator[ReadError]:
    errors, source.errors = source.errors, []
    yield from errors


def _start(source: _Lines) -> int | None:
    return source.numbers[0] if source.numbers else None


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for index, name in enumerate(names, 1):
        name = name or f"column_{index}"
        count = seen.get(name, 0)
        seen[name] = count + 1
        unique.append(name if count == 0 else f"{name}_{count + 1}")
    return unique
