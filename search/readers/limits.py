"""Size limits the readers enforce, and the exception they raise to reject input.

Limits are in bytes of (decompressed) input.  They keep one bad file from exhausting
memory or time: streamed formats (JSON Lines, CSV) never hold more than one record
and stop after `MAX_LINES_FILE_BYTES`, and whole-document formats are capped before
they are read.
"""

from __future__ import annotations

MAX_ARTICLE_BYTES = 10 * 1024 * 1024
"""Largest single article (one text file, one JSON Lines/CSV record, one body)."""

MAX_JSON_BYTES = 200 * 1024 * 1024
"""Largest ``.json`` document, which is parsed whole."""

MAX_HTML_BYTES = 20 * 1024 * 1024
"""Largest HTML page handed to the extractor."""

MAX_FEED_BYTES = 50 * 1024 * 1024
"""Largest RSS/Atom file handed to feedparser."""

MAX_LINES_FILE_BYTES = 4 * 1024 * 1024 * 1024
"""Most bytes read from one JSON Lines or CSV/TSV file (after decompression).

Streamed, such a file costs no memory, only time: 4 GiB is some 1.7 million articles
(a bigger archive export can be split), and bounds what a small ``.gz`` can expand to
(10 MB of gzip holds 10 GiB of newlines).  The articles before the limit are kept."""

HEAD_BYTES = 64 * 1024
"""How much of a file is looked at to sniff its format, encoding and binariness."""


class Rejected(Exception):
    """Raised inside a reader when a file (or a record, given ``line``) cannot be read.

    `search.readers.read_file` turns it into a `ReadError`; it never escapes the package.
    """

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def describe_size(size: int) -> str:
    """Render a byte count for messages: ``52,428,800 bytes (50.0 MB)``."""
    return f"{size:,} bytes ({size / (1024 * 1024):.1f} MB)"
