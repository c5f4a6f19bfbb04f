"""Make text safe to store and show: no terminal escapes, no stray controls, NFC.

Article text ends up in a terminal UI, so an ESC sequence hidden in a news file could
repaint or retitle the user's terminal.  Everything a reader returns goes through
`clean_text` (bodies) or `clean_line` (titles, names, urls), and `clean_meta` for
the leftovers.  The fast path (already clean ASCII/NFC text) costs one regex scan.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Any

# Anything that needs work: C0 controls but \t and \n (so \r too), DEL, C1 controls,
# and lone surrogates (JSON "\ud800" escapes), which cannot be encoded as UTF-8 later.
# Checked on the UTF-8 bytes: bytes.translate is several times faster than a regex
# scan of the str, and this check runs on every field of every record.
_C0_AND_DEL = bytes(b for b in range(32) if b not in b"\t\n") + b"\x7f"
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")

# Terminal escape sequences (ECMA-48).  String payloads are bounded and must be
# terminated; an unterminated one is removed as a two-character escape instead, so a
# stray ESC cannot swallow the rest of an article.
_ESCAPE_SEQUENCE = re.compile(
    r"""
      \x1b\[[0-?]*[ -/]*[@-~]                          # CSI: colours, cursor moves
    | \x1b[\]PX^_][^\x07\x1b\x9c\n]{0,512}(?:\x07|\x1b\\|\x9c)  # OSC/DCS/SOS/PM/APC strings
    | \x1b[ -/]*[0-~]?                                 # other escapes, or a lone ESC
    | \x9b[0-?]*[ -/]*[@-~]                            # 8-bit CSI
    | [\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c\n]{0,512}(?:\x07|\x1b\\|\x9c)  # 8-bit strings
    """,
    re.VERBOSE,
)
# Vertical separators that mean "new line" to a reader of the text.
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n"})
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_WHITESPACE = re.compile(r"\s+")

_MAX_META_DEPTH = 16


def clean_text(text: str) -> str:
    """Sanitise article text, keeping its paragraphs and line breaks.

    Normalises ``\\r\\n`` and ``\\r`` to ``\\n``, removes terminal escape sequences and
    every other control character except ``\\n`` and ``\\t``, replaces lone surrogates
    with U+FFFD, strips a leading byte-order mark and surrounding whitespace, and
    normalises to NFC.

    Args:
        text: Text as decoded from the input.

    Returns:
        The cleaned text (possibly empty).
    """
    if needs_cleaning(text):
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _ESCAPE_SEQUENCE.sub("", text)
        text = _CONTROLS.sub("", text.translate(_LINE_BREAKS))
        text = _SURROGATES.sub("\ufffd", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.strip().lstrip("\ufeff").strip()


def needs_cleaning(text: str) -> bool:
    """True when ``text`` holds a control character (but ``\\n``/``\\t``) or a lone surrogate."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return True  # lone surrogates
    if len(data.translate(None, _C0_AND_DEL)) != len(data):
        return True
    return not text.isascii() and b"\xc2" in data and _C1_UTF8.search(data) is not None


def clean_line(text: str | None) -> str | None:
    """Sanitise a one-line field (title, source, url): `clean_text`, whitespace collapsed.

    Returns:
        The cleaned text, or ``None`` when nothing is left.
    """
    if text is None:
        return None
    text = _WHITESPACE.sub(" ", clean_text(text)).strip()
    return text or None


def clean_meta(value: Any, depth: int = 0) -> Any:
    """Make a metadata value JSON-serialisable, with every string in it cleaned.

    Dates become ISO strings, sets and tuples lists, bytes and unknown objects are
    dropped to their ``str()`` (bytes: a placeholder), NaN/infinity become ``None``.
    Nesting deeper than 16 levels is cut off (replaced by ``None``).
    """
    if isinstance(value, str):
        if value.isascii() and not needs_cleaning(value):
            return value
        return clean_text(value)
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if depth >= _MAX_META_DEPTH:
        return None
    if isinstance(value, dict):
        return {_clean_key(k): clean_meta(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [clean_meta(v, depth + 1) for v in items]
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray):
        return f"<{len(value)} bytes>"
    return clean_line(str(value))


def _clean_key(key: Any) -> str:
    if isinstance(key, str) and key.isascii() and not needs_cleaning(key):
        return key
    return clean_line(str(key)) or "_"
