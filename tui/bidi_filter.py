"""The last guard against bidi controls on the terminal (`BidiFilter`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from textual.filter import LineFilter

from search.api import drop_bidi, has_bidi

if TYPE_CHECKING:
    from textual.color import Color


class BidiFilter(LineFilter):
    """Drops bidi controls from every line drawn: the last guard for text that no widget
    neutralised (a notification, an input, a screen title).

    Article text shows them as ``<U+202E>`` (`tui.shown`); a raw control would reorder
    the rest of its line on the terminal.  They take no cell, so dropping them here moves
    nothing.  Textual applies line filters to every widget line and caches the result
    with the line.
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """``segments`` without bidi controls (the same list when they hold none)."""
        if not any(has_bidi(segment.text) for segment in segments):
            return segments
        kept = []
        for segment in segments:
            if has_bidi(segment.text):
                text = drop_bidi(segment.text)
                if not text:
                    continue  # an empty segment is invalid in a strip
                segment = Segment(text, segment.style, segment.control)
            kept.append(segment)
        return kept
