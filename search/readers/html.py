"""HTML pages: main text and metadata through trafilatura (a maintained extractor).

trafilatura drops navigation, footers and scripts and reads title, date, canonical
URL, site name and keywords from the page's metadata.  Its date search is limited
to metadata and markup (no guessing from the text), so dates are read, not inferred.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from search.model import RawArticle, ReadError
from search.readers.decode import decode_document, read_capped
from search.readers.fields import normalise_tags
from search.readers.limits import MAX_HTML_BYTES, Rejected
from search.readers.problems import ReadWarning
from search.readers.records import Options, build_article

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.I)
_HTML_LANG = re.compile(
    r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", re.I
)
_META_LANG = re.compile(
    r"""<meta[^>]+(?:http-equiv\s*=\s*["']?content-language|property\s*=\s*["']?og:locale)"""
    r"""[^>]*content\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""",
    re.I,
)
_DATE_SEARCH = {"extensive_search": False, "original_date": True}


def read_html(
    path: Path, origin: str, head: bytes, options: Options
) -> Iterator[RawArticle | ReadError]:
    """Read one article from an HTML page.

    Raises:
        Rejected: When the page is too large, not decodable, or has no main text.
    """
    data = read_capped(path, MAX_HTML_BYTES, "HTML page")
    declared = _DECLARED_CHARSET.search(data[:4096])
    text, warning = decode_document(data, declared.group(1).decode("ascii") if declared else None)
    document = _extract(text)
    body_text = (getattr(document, "text", None) or "") if document is not None else ""
    lines = [line.strip() for line in body_text.split("\n") if line.strip()]
    title = getattr(document, "title", None)
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]  # the page's <h1> repeats the title
    if not lines:
        raise Rejected("no main text found in the HTML page")
    meta: dict[str, Any] = {}
    for name in ("author", "description", "hostname", "pagetype", "license"):
        value = getattr(document, name, None)
        if value:
            meta[name] = value
    head_text = text[:8192]
    lang = getattr(document, "language", None) or _first_group(_HTML_LANG, head_text)
    lang = lang or _first_group(_META_LANG, head_text)
    tags = [
        *(getattr(document, "tags", None) or []),
        *(getattr(document, "categories", None) or []),
    ]
    article = build_article(
        body="\n\n".join(lines),
        title=title,
        dates=[getattr(document, "date", None)],
        source=getattr(document, "sitename", None) or getattr(document, "hostname", None),
        url=getattr(document, "url", None),
        lang=lang,
        tags=normalise_tags(", ".join(t for t in tags if isinstance(t, str))),
        meta=meta,
        origin=origin,
        options=options,
    )
    if warning is not None:
        yield ReadWarning(origin, warning)
    yield article


def _extract(text: str) -> Any:
    import trafilatura  # heavy import, only when an HTML file is read

    try:
        return trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            date_extraction_params=_DATE_SEARCH,
        )
    except Exception as error:  # the extractor's failures must not end the batch
        raise Rejected(f"HTML extraction failed ({type(error).__name__})") from None


def _first_group(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(1) if match else None
