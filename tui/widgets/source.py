"""The evidence under a table: the highlighted row's source article and cited sentence.

Built from plain values (`rich.text.Text`): titles, publishers and sentences come from
untrusted articles (bidi controls neutralised, `search.bidi`).
"""

from __future__ import annotations

from typing import Protocol

from rich.text import Text
from textual.widgets import Static

from search.api import neutral_bidi


class SourceLike(Protocol):
    """What `SourceLine` reads of a `briefs.evidence.Source`."""

    article: str
    title: str
    source: str | None
    date: str | None
    sentence: str


def _one_line(text: str | None) -> str:
    return neutral_bidi(" ".join((text or "").split()))


class SourceLine(Static):
    """Where a row's fact comes from: date, publisher, headline, then the sentence."""

    COMPONENT_CLASSES = {"source-line--meta", "source-line--sentence", "source-line--empty"}

    _shown: tuple[SourceLike | None, str, int] | None = None

    def on_resize(self) -> None:
        if self._shown is not None:
            source, empty, extra = self._shown
            self.show(source, empty=empty, extra=extra)

    def show(self, source: SourceLike | None, *, empty: str = "", extra: int = 0) -> None:
        """Show a source (None: the ``empty`` hint).

        Args:
            source: The cited sentence and its article.
            empty: What to say when there is no source.
            extra: How many more sources the row has (shown as "+n more").
        """
        self._shown = (source, empty, extra)
        if source is None:
            self.update(Text(empty, style=self.get_component_rich_style("source-line--empty")))
            return
        text = Text(overflow="ellipsis")
        meta = " · ".join(
            part
            for part in (
                _one_line(source.date) or "undated",
                _one_line(source.source),
                _one_line(source.title),
            )  # fmt: skip
            if part
        )
        if extra:
            meta += f"  (+{extra} more)"
        line = Text(meta, style=self.get_component_rich_style("source-line--meta"))
        width = self.content_size.width
        if width > 0:  # the sentence gets the lines below the one line of metadata
            line.truncate(width, overflow="ellipsis")
        text.append_text(line)
        text.append("\n")
        text.append(_one_line(source.sentence) or "(no sentence)",
                    style=self.get_component_rich_style("source-line--sentence"))  # fmt: skip
        self.update(text)
