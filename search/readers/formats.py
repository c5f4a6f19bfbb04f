"""Which reader a file needs: by extension, else by sniffing its first bytes.

``.gz`` is looked through (``articles.jsonl.gz`` is JSON Lines).  Files with an
unknown extension, and ``.txt`` files, are sniffed: front matter, a feed, an HTML
page, JSON or JSON Lines, else plain text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from search.readers.decode import head_text

TEXT = "text"
MARKDOWN = "markdown"
JSON = "json"
JSONL = "jsonl"
HTML = "html"
FEED = "feed"
CSV = "csv"
TSV = "tsv"

BY_EXTENSION = {
    ".txt": None,  # sniffed: a .txt may hold front matter, a feed, JSON ...
    ".text": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".json": JSON,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".jsonlines": JSONL,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".xml": FEED,
    ".rss": FEED,
    ".atom": FEED,
    ".rdf": FEED,
    ".csv": CSV,
    ".tsv": TSV,
    ".tab": TSV,
}

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_JSON_ARRAY = re.compile(r'\[\s*(?:[{\["\]]|$)')
_JSON_OBJECT = re.compile(r'\{\s*(?:"|\}|$)')
_XML_PROLOGUE = re.compile(r"<\?xml\b|<!--", re.IGNORECASE)


def format_of(path: Path, head: bytes) -> str:
    """The format name (`TEXT`, `JSONL` ...) for a file, given its first bytes."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = Path(name).suffix
    known = BY_EXTENSION.get(suffix, None)
    if known is not None:
        return known
    return sniff(head)


def sniff(head: bytes) -> str:
    """Guess the format from content (used for ``.txt`` and unknown extensions)."""
    text = head_text(head).lstrip()
    if text.startswith("---"):
        return TEXT
    if text.startswith("<"):
        window = text[:4096]
        if _FEED_ROOT.search(window):
            return FEED
        if _HTML_ROOT.search(window):
            return HTML
        if _XML_PROLOGUE.match(text):
            return FEED
    # "[UPDATE] Talks ..." and "{sic}" open text, not JSON: require JSON-like content.
    if _JSON_ARRAY.match(text):
        return JSON
    if _JSON_OBJECT.match(text):
        first_line = text.split("\n", 1)[0]
        try:
            json.loads(first_line)
        except ValueError:
            return JSON  # an object spread over several lines
        return JSONL
    return TEXT
