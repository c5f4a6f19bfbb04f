"""The preview of the highlighted search hit: title, metadata and matching sentences.

Article text is untrusted: it is only ever put into `rich.text.Text` objects and
styled by offset, never parsed as markup, and its bidi controls are neutralised
(`tui.shown`).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from search.api import Hit
from tui.shown import shown_text


class HitPreview(VerticalScroll, can_focus=False):
    """Shows one `Hit`; match offsets are highlighted with the ``--match`` style."""

    COMPONENT_CLASSES = {
        "hit-preview--title",
        "hit-preview--meta",
        "hit-preview--match",
        "hit-preview--empty",
    }

    def __init__(
        self,
        *,
        country_name: Callable[[str], str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._country_name = country_name or (lambda code: code)
        self._hit: Hit | None = None
        self._empty = ""

    def compose(self) -> ComposeResult:
        yield Static(id="preview-text")

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._refresh_text())

    @property
    def hit(self) -> Hit | None:
        """The hit shown."""
        return self._hit

    def show(self, hit: Hit | None, *, empty: str = "") -> None:
        """Show ``hit`` (or the ``empty`` message when None)."""
        self._hit = hit
        self._empty = empty
        self._refresh_text()
        self.scroll_home(animate=False)

    def _refresh_text(self) -> None:
        if not self.is_mounted:
            return
        self.query_one("#preview-text", Static).update(self.build_text())

    def build_text(self) -> Text:
        """The preview as styled text."""
        hit = self._hit
        if hit is None:
            return Text(self._empty, style=self.get_component_rich_style("hit-preview--empty"))
        title_style = self.get_component_rich_style("hit-preview--title")
        meta_style = self.get_component_rich_style("hit-preview--meta")
        match_style = self.get_component_rich_style("hit-preview--match")
        text = Text()
        text.append(" ".join(hit.title.split()), style=title_style)
        text.append("\n")
        meta = [hit.date or "undated", hit.source or "unknown source"]
        if hit.copies > 1:
            meta.append(f"{hit.copies} copies")
        text.append(" · ".join(meta), style=meta_style)
        text.append("\n")
        if hit.countries:
            names = ", ".join(self._country_name(code) for code in hit.countries[:8])
            more = f" +{len(hit.countries) - 8}" if len(hit.countries) > 8 else ""
            text.append(names + more, style=meta_style)
            text.append("\n")
        for snippet in hit.snippets:
            text.append("\n")
            start = len(text)
            text.append(snippet.text)
            for s, e in snippet.matches:
                if 0 <= s < e <= len(snippet.text):
                    text.stylize(match_style, start + s, start + e)
            text.append("\n")
        if not hit.snippets:
            text.append("\n")
        text.append(f"\nid {hit.id}", style=meta_style)
        return shown_text(text)
