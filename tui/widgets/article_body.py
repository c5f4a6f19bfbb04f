"""An article's text, a paragraph per widget, with entity mentions highlighted.

The text is untrusted: it goes into `rich.text.Text` objects and is styled by the
extraction's character offsets, never parsed as markup; its bidi controls are shown as
``<U+202E>`` (or dropped), the styles moved along (`tui.shown`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from search.api import EntityMention
from tui.shown import shown_text

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph (blank-line separated, blank ones skipped)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


class ArticleBody(VerticalScroll):
    """The document text with mentions styled by kind; one entity can be selected."""

    COMPONENT_CLASSES = {
        "article-body--country",
        "article-body--person",
        "article-body--org",
        "article-body--topic",
        "article-body--selected",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = ""
        self._title_end = 0
        self._mentions: tuple[EntityMention, ...] = ()
        self._spans: list[tuple[int, int]] = []
        self.selected: tuple[str, str] | None = None
        self._cursor = -1

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())

    def show(self, text: str, mentions: Sequence[EntityMention], *, title_length: int) -> None:
        """Show ``text`` (title, blank line, body) with ``mentions`` highlighted."""
        self._text = text
        self._title_end = title_length
        self._mentions = tuple(mentions)
        self._spans = paragraphs(text)
        self.selected = None
        self._cursor = -1
        self.remove_children()
        widgets = []
        for index, (start, end) in enumerate(self._spans):
            classes = "paragraph -title" if start < title_length else "paragraph"
            widgets.append(
                Static(self._paragraph_text(start, end), classes=classes, id=f"p{index}")
            )
        self.mount_all(widgets)
        self.scroll_home(animate=False)

    def _paragraph_text(self, start: int, end: int) -> Text:
        text = Text(self._text[start:end])
        selected_style = self.get_component_rich_style("article-body--selected")
        styles = {
            kind: self.get_component_rich_style(f"article-body--{kind}")
            for kind in ("country", "person", "org", "topic")
        }
        for m in self._mentions:
            if m.end <= start or m.start >= end:
                continue
            s, e = max(m.start, start) - start, min(m.end, end) - start
            text.stylize(styles.get(m.kind, ""), s, e)
            if self.selected == (m.kind, m.key):
                text.stylize(selected_style, s, e)
        return shown_text(text)

    def _restyle(self) -> None:
        for index, (start, end) in enumerate(self._spans):
            try:
                paragraph = self.query_one(f"#p{index}", Static)
            except Exception:
                continue
            paragraph.update(self._paragraph_text(start, end))

    def select(self, kind: str, key: str) -> bool:
        """Highlight every mention of one entity and scroll to the next one.

        Returns False when the entity has no mention in the text.
        """
        offsets = [m.start for m in self._mentions if (m.kind, m.key) == (kind, key)]
        if (kind, key) != self.selected:
            self.selected = (kind, key)
            self._cursor = -1
            self._restyle()
        if not offsets:
            return False
        self._cursor = (self._cursor + 1) % len(offsets)
        self.scroll_to_offset(offsets[self._cursor])
        return True

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll the line holding character ``offset`` (about) to the top of the view."""
        for index, (start, end) in enumerate(self._spans):
            if start <= offset < end or offset < start:
                region = self.query_one(f"#p{index}").virtual_region
                fraction = max(0, offset - start) / max(1, end - start)
                line = region.y + int(fraction * region.height)
                self.scroll_to(y=max(0, line - 1), animate=False)
                return
