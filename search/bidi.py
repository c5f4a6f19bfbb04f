"""Bidirectional-text controls in what briefroom shows and exports (Trojan Source, CVE-2021-42574).

Article text is stored as published, bidi controls included: search, extraction and
citations work on that text.  But a right-to-left override (U+202E) in a headline
reverses whatever follows it on the analyst's terminal, in a Markdown viewer or in an
editor showing the JSON, so what is *shown or exported* never holds one raw:

- Terminal and Markdown (`neutral_bidi`): the embeddings, overrides and isolates
  (U+202A-U+202E, U+2066-U+2069) become a visible ``<U+202E>``; Markdown has no escape
  for them, and ``<U+202E>`` is no HTML tag, so it shows as typed.  The marks (LRM
  U+200E, RLM U+200F, ALM U+061C) are dropped: published text uses them harmlessly
  (State Department readouts end lines with an LRM), and a placeholder after every one
  would bury the text, while dropped they cannot reorder anything.
- JSON (`dumps_json`): every one written as a ``\\u202e`` escape, so the document parses
  back to the stored text exactly.
- YAML: a string holding one is double-quoted (`yaml_style`) and the control written as
  a ``\\u202E`` escape (`escape_bidi_yaml`), which loads back to the stored text.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate
from typing import Any

EMBEDDINGS = "\u202a\u202b\u202c\u202d\u202e"
"""LRE, RLE, PDF, LRO, RLO."""
ISOLATES = "\u2066\u2067\u2068\u2069"
"""LRI, RLI, FSI, PDI."""
MARKS = "\u200e\u200f\u061c"
"""LRM, RLM, ALM."""
BIDI_CONTROLS = EMBEDDINGS + ISOLATES + MARKS
"""Every code point that can reorder the text around it."""

_FIND = re.compile(f"[{BIDI_CONTROLS}]")
_SHOWN = {ord(c): f"<U+{ord(c):04X}>" for c in EMBEDDINGS + ISOLATES} | dict.fromkeys(
    map(ord, MARKS)
)
_DROPPED = dict.fromkeys(map(ord, BIDI_CONTROLS))
_JSON_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in BIDI_CONTROLS}
_YAML_ESCAPES = {ord(c): f"\\u{ord(c):04X}" for c in BIDI_CONTROLS}


def has_bidi(text: str) -> bool:
    """True when ``text`` holds a bidi control."""
    return not text.isascii() and _FIND.search(text) is not None


def neutral_bidi(text: str) -> str:
    """``text`` for a terminal or a Markdown file: no bidi control left to reorder it.

    Embeddings, overrides and isolates become ``<U+202E>``; the marks are dropped.
    """
    return text if text.isascii() else text.translate(_SHOWN)


def neutral_bidi_spans(
    text: str, spans: Iterable[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]]:
    """`neutral_bidi`, with character spans of ``text`` (matches, mentions) moved along.

    A span that starts or ends at a control keeps it inside: its placeholder is styled
    with the text around it.

    Returns:
        The neutral text and each span's ``(start, end)`` in it.
    """
    positions = [m.start() for m in _FIND.finditer(text)] if not text.isascii() else []
    if not positions:
        return text, list(spans)
    growth = [len(_SHOWN[ord(text[p])] or "") - 1 for p in positions]
    moved = [0, *accumulate(growth)]

    def move(offset: int) -> int:
        return offset + moved[bisect_left(positions, offset)]

    return text.translate(_SHOWN), [(move(start), move(end)) for start, end in spans]


def drop_bidi(text: str) -> str:
    """``text`` without its bidi controls (for output that must keep its width: they
    take no cell on a terminal)."""
    return text if text.isascii() else text.translate(_DROPPED)


def escape_bidi_json(text: str) -> str:
    """JSON text with every bidi control written as a ``\\u`` escape.

    Valid for any JSON: outside strings a raw control is not JSON at all.
    """
    return text if text.isascii() else text.translate(_JSON_ESCAPES)


def dumps_json(value: Any, *, indent: int | None = 2) -> str:
    """``json.dumps`` keeping non-ASCII text readable, with the bidi controls escaped.

    ``json.loads`` of the result gives ``value`` back, controls included.
    """
    return escape_bidi_json(json.dumps(value, ensure_ascii=False, indent=indent))


def yaml_style(text: str, style: str | None = None) -> str | None:
    """The YAML scalar style for ``text``: double-quoted when it holds a bidi control
    (the only style with escapes), else ``style``.

    A dumper's string representer uses it, and `escape_bidi_yaml` then escapes the
    controls in the dumped text.
    """
    return '"' if has_bidi(text) else style


def escape_bidi_yaml(text: str) -> str:
    """YAML text with every bidi control written as a ``\\u`` escape.

    Only for YAML whose strings holding a control were all double-quoted (`yaml_style`):
    PyYAML and libyaml write these printable characters raw, even there, when
    ``allow_unicode`` is on, and an escape means something only between double quotes.
    """
    return text if text.isascii() else text.translate(_YAML_ESCAPES)
