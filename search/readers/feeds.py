"""RSS and Atom feed files through feedparser: one article per entry.

The entry's guid (or Atom id) is its source id, its link the URL, its own date
string (not feedparser's UTC-shifted tuple) the publication date, the full content
(else the summary) the body, with HTML reduced to text paragraphs.  feedparser is
handed the bytes in memory, never a name: given a string it may fetch a URL.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from search.model import RawArticle, ReadError
from search.readers.decode import read_capped
from search.readers.fields import normalise_tags
from search.readers.limits import MAX_FEED_BYTES, Rejected
from search.readers.markup import html_to_text
from search.readers.records import Options, build_article

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def read_feed(
    path: Path, origin: str, head: bytes, options: Options
) -> Iterator[RawArticle | ReadError]:
    """Read the entries of an RSS or Atom file.

    Yields:
        One `RawArticle` per entry with text; a `ReadError` naming the entry for
        entries without any.

    Raises:
        Rejected: When the file is too large or is not a feed.
    """
    import feedparser  # only needed for feed files

    data = read_capped(path, MAX_FEED_BYTES, "feed")
    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    except Exception as error:  # feedparser's failures must not end the batch
        raise Rejected(f"cannot parse feed ({type(error).__name__})") from None
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f": {str(problem).splitlines()[0]}" if problem else ""
        raise Rejected(f"not an RSS/Atom feed, or a feed without entries{detail}")
    channel = parsed.get("feed") or {}
    feed_title = _text(channel.get("title_detail"), channel.get("title"))
    feed_lang = channel.get("language")
    for index, entry in enumerate(entries, 1):
        try:
            yield _entry_article(entry, index, channel, feed_title, feed_lang, origin, options)
        except Rejected as error:
            yield ReadError(origin, f"entry {index}: {error.reason}")


def _entry_article(
    entry: Any,
    index: int,
    channel: Any,
    feed_title: str | None,
    feed_lang: str | None,
    origin: str,
    options: Options,
) -> RawArticle:
    content = entry.get("content") or []
    body = ""
    lang = None
    for part in content:
        body = _text(part, part.get("value"))
        lang = part.get("language")
        if body:
            break
    if not body:
        detail = entry.get("summary_detail")
        body = _text(detail, entry.get("summary"))
        lang = lang or (detail or {}).get("language")
    title = _text(entry.get("title_detail"), entry.get("title"))
    source = entry.get("source") or {}
    meta: dict[str, Any] = {"entry": index}
    if entry.get("author"):
        meta["author"] = entry.get("author")
    if feed_title:
        meta["feed_title"] = feed_title
    feed_link = channel.get("link")
    if isinstance(feed_link, str) and feed_link.startswith(("http://", "https://")):
        meta["feed_url"] = feed_link
    link = entry.get("link")
    return build_article(
        body=body,
        title=title,
        # dict.get: feedparser's own .get("updated") falls back to "published" with a
        # DeprecationWarning (feedparser issue 310).
        dates=[dict.get(entry, key) for key in ("published", "updated", "created")],
        source=source.get("title") or feed_title,
        url=link,
        lang=lang or feed_lang,
        source_id=entry.get("id") or None,
        tags=normalise_tags(entry.get("tags") or []),
        meta=meta,
        origin=origin,
        options=options,
    )


def _text(detail: Any, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        return ""
    kind = (detail or {}).get("type") or "text/html"
    if kind in _HTML_TYPES:
        return html_to_text(value)
    return value.strip()
