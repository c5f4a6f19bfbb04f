"""Plain-text wire stories and Markdown, with or without YAML front matter.

Wire format (the seed)::

    Optional title line            <- short, no final period, not a dateline
                                   <- blank line
    OSLO. KAZINFORM - Story text ...

The body keeps the text as written, dateline included; the dateline gives the city,
the agency (also the source when nothing else names one) and, only when it writes a
year, the date.  Front matter fields (title, date, source, url, lang, tags, id ...)
are mapped like JSON keys and win over what the text says; a field of the wrong type
(``date: [1, 2]``, ``tags: 5``) is kept in ``meta`` only, with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from search.datelines import parse_dateline
from search.model import RawArticle, ReadError
from search.readers.decode import decode_document, read_capped
from search.readers.frontmatter import split_front_matter
from search.readers.limits import MAX_ARTICLE_BYTES
from search.readers.problems import ReadWarning
from search.readers.records import Options, ignored_fields, record_to_article

MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30

_ATX_HEADING = re.compile(r"#[ \t]+(.+?)[ \t]*#*[ \t]*")
_SETEXT_UNDERLINE = re.compile(r"=+[ \t]*")


def read_text(
    path: Path, origin: str, head: bytes, options: Options, *, markdown: bool = False
) -> Iterator[RawArticle | ReadError]:
    """Read one article from a text or Markdown file.

    Args:
        path: The file.
        origin: The path string for the article's origin.
        head: The file's first bytes (unused: the file is read whole, capped).
        options: Command-line overrides.
        markdown: Recognise a leading ``# Heading`` (or ``Heading`` over ``===``) as
            the title.

    Raises:
        Rejected: When the file is too large, not decodable, or its front matter is
            invalid or unsafe.
    """
    text, warning = decode_document(read_capped(path, MAX_ARTICLE_BYTES, "article"))
    front, text = split_front_matter(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    record = dict(front or {})
    title, body = split_title(text, markdown=markdown)
    if body_field := next((k for k in record if k.strip().lower() == "body"), None):
        record["front_matter_body"] = record.pop(body_field)
    given = next((v for k, v in record.items() if k.strip().lower() == "title"), None)
    if title is not None and given is None:
        record["title"] = title
    elif title is not None and str(given).strip() != title:
        body = text  # the first line is not the title the metadata gives: keep it
    record["body"] = body
    article = record_to_article(record, origin, options)
    if warning is not None:
        yield ReadWarning(origin, warning)
    for key, problem in ignored_fields(front or {}):
        yield ReadWarning(origin, f"front matter field {key!r} ignored: {problem}")
    yield article


def split_title(text: str, *, markdown: bool = False) -> tuple[str | None, str]:
    """Split off a title line, if the text opens with one.

    A title line is short (at most 200 characters and 30 words), followed by a blank
    line, does not end with a period and is not itself a dateline.  In Markdown, a
    ``# Heading`` or a setext heading also counts.

    Returns:
        ``(title, rest)``, or ``(None, text)`` when there is no title line.
    """
    text = text.lstrip("\n")
    first, newline, rest = text.partition("\n")
    if not newline:
        return None, text
    candidate = first.strip()
    if markdown:
        if heading := _ATX_HEADING.fullmatch(candidate):
            return heading.group(1).strip() or None, rest.lstrip("\n")
        underline, _, after = rest.partition("\n")
        if candidate and _SETEXT_UNDERLINE.fullmatch(underline.strip()):
            return candidate, after.lstrip("\n")
    second, _, _ = rest.partition("\n")
    if second.strip() or not rest.strip():
        return None, text
    if (
        not candidate
        or len(candidate) > MAX_TITLE_CHARS
        or len(candidate.split()) > MAX_TITLE_WORDS
        or candidate.endswith(".")
        or parse_dateline(candidate) is not None
    ):
        return None, text
    return candidate, rest.lstrip("\n")
