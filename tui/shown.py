"""Untrusted text as Rich `Text` for the terminal: the CLI's consoles and the TUI's widgets.

Article text is never read as markup (a `Text` is built from the plain string), and its
bidi controls are made visible or dropped (`search.bidi.neutral_bidi`) so that it cannot
reorder the line around it; styles set by character offset (search matches, entity
mentions) move along.  No Textual here: the headless commands import it.
"""

from __future__ import annotations

from typing import Any

from rich.text import Span, Text

from search.api import has_bidi, neutral_bidi, neutral_bidi_spans


def plain_text(value: object, style: Any = "", **kwargs: Any) -> Text:
    """``Text`` of an untrusted value (None: empty), bidi controls neutralised.

    Args:
        value: What to show (``str()`` of it).
        style: The style of the whole text.
        **kwargs: Other `Text` arguments (``no_wrap``, ``overflow``, ``justify``).
    """
    return Text("" if value is None else neutral_bidi(str(value)), style=style, **kwargs)


def shown_text(text: Text) -> Text:
    """``text`` with its bidi controls neutralised and its spans moved to match.

    Returns ``text`` itself when it holds none.
    """
    plain = text.plain
    if not has_bidi(plain):
        return text
    shown, offsets = neutral_bidi_spans(plain, [(span.start, span.end) for span in text.spans])
    out = text.blank_copy(shown)
    out.spans = [
        Span(start, end, span.style)
        for (start, end), span in zip(offsets, text.spans, strict=True)
        if end > start
    ]
    return out
