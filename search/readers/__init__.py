"""Input readers: files in, `RawArticle`s (or `ReadError`s) out, streaming.

Public API:

- `iter_input_files`: expand files and folders into the files to read.
- `read_file`: read one file of any supported format (``.gz`` transparently).
- `parse_dateline`: recognise a wire dateline (``OSLO. KAZINFORM -``).

Nothing here raises for bad input: each unreadable file, or record, becomes a
`ReadError` with the path (and line) and one line of reason, and reading goes on.
What was read with a loss (invalid UTF-8 bytes replaced, a metadata field of the
wrong type ignored) is reported as a `ReadWarning` beside the article.  At most
`MAX_LISTED_PER_FILE` of each are reported one by one per file; one `Omitted` line
counts the rest (see `search.readers.problems`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from search.datelines import Dateline, parse_dateline
from search.model import RawArticle, ReadError
from search.readers import formats
from search.readers.cleaning import clean_line
from search.readers.dates import normalise_date
from search.readers.decode import looks_binary, read_head
from search.readers.feeds import read_feed
from search.readers.fields import normalise_lang
from search.readers.files import display_path, iter_input_files
from search.readers.html import read_html
from search.readers.jsonish import read_json, read_jsonl
from search.readers.limits import MAX_ARTICLE_BYTES, MAX_LINES_FILE_BYTES, Rejected
from search.readers.problems import (
    MAX_LISTED_PER_FILE,
    Omitted,
    ReadWarning,
    limit_per_file,
    problem_count,
)
from search.readers.records import Options
from search.readers.tabular import read_csv
from search.readers.text import read_text

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_LINES_FILE_BYTES",
    "MAX_LISTED_PER_FILE",
    "Dateline",
    "Omitted",
    "ReadWarning",
    "display_path",
    "iter_input_files",
    "parse_dateline",
    "problem_count",
    "read_file",
]

Reader = Callable[[Path, str, bytes, Options], Iterator[RawArticle | ReadError]]

READERS: dict[str, Reader] = {
    formats.TEXT: read_text,
    formats.MARKDOWN: partial(read_text, markdown=True),
    formats.JSON: read_json,
    formats.JSONL: read_jsonl,
    formats.HTML: read_html,
    formats.FEED: read_feed,
    formats.CSV: read_csv,
    formats.TSV: partial(read_csv, delimiter="\t"),
}


def read_file(
    path: Path | str,
    *,
    source: str | None = None,
    date: str | None = None,
    lang: str | None = None,
) -> Iterator[RawArticle | ReadError]:
    """Read the articles in one file.

    The format comes from the extension (``.txt``, ``.md``, ``.json``, ``.jsonl``,
    ``.html``, ``.xml``/``.rss``/``.atom``, ``.csv``/``.tsv``, any of them ``.gz``),
    or from the content when the extension is unknown or ``.txt``.

    Args:
        path: The file.
        source: Publisher to record for every article (``--source``); wins over the
            file's own metadata.
        date: Publication date to use when neither the metadata nor a dateline gives
            one (``--date``); any format `normalise_date` reads.
        lang: Language code for every article (``--lang``); wins over the file.

    Returns:
        A lazy iterator of `RawArticle`s and `ReadError`s (`ReadWarning`s among them,
        and an `Omitted` line summing up the problems past the first
        `MAX_LISTED_PER_FILE`): nothing is read until it is consumed, and a whole
        file is never held in memory for line formats.  Messages name the file by
        `display_path` (printable even when its name is not valid UTF-8).

    Raises:
        ValueError: When ``date`` or ``lang`` cannot be read (a usage error, raised
            at once, before any file is touched).
    """
    options = Options(
        source=clean_line(source) if source else None,
        date=_override_date(date),
        lang=_override_lang(lang),
    )
    return _read(Path(path), options)


def _override_date(date: str | None) -> str | None:
    if date is None or not date.strip():
        return None
    normalised = normalise_date(date)
    if normalised is None:
        raise ValueError(f"cannot read the date {date!r} (expected e.g. 2019-03-05)")
    return normalised


def _override_lang(lang: str | None) -> str | None:
    if lang is None or not lang.strip():
        return None
    code = normalise_lang(lang)
    if code is None:
        raise ValueError(f"unknown language {lang!r} (expected an ISO 639-1 code like 'en')")
    return code


def _read(path: Path, options: Options) -> Iterator[RawArticle | ReadError]:
    origin = display_path(path)
    return limit_per_file(_read_all(path, origin, options), origin)


def _read_all(path: Path, origin: str, options: Options) -> Iterator[RawArticle | ReadError]:
    produced = False
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise Rejected("not a regular file")
        head, truncated = read_head(path)
        if not head.strip(b" \t\r\n\x0b\x0c\xef\xbb\xbf"):
            raise Rejected("truncated or corrupt gzip data" if truncated else "empty file")
        if looks_binary(head):
            raise Rejected("binary data, not text")
        reader = READERS[formats.format_of(path, head)]
        for item in reader(path, origin, head, options):
            produced = True
            yield item
        if not produced:
            yield ReadError(origin, "no articles found")
    except Rejected as error:
        yield ReadError(origin, error.reason, error.line)
    except OSError as error:
        yield ReadError(origin, f"cannot read: {(error.strerror or str(error)).lower()}")
    except MemoryError:
        yield ReadError(origin, "not enough memory to read this file")
    except Exception as error:  # a reader bug must cost one file, not the batch
        yield ReadError(origin, f"unexpected error: {type(error).__name__}: {error}"[:300])
