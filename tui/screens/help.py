"""Help: every key (with the binding ids used for remapping), the query syntax, data notice."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Markdown, Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from tui.screens.base import BriefroomScreen

QUERY_SYNTAX = """\
Type words to find stories with all of them; results update as you type.

  "a phrase"              the words in this order
  AND  OR  NOT  ( )       combine terms: kazakhstan AND (visit OR call)
  country:Norway          stories about a country (name or ISO code: NOR)
  person:Blinken          people; org:OSCE organisations; topic:energy
  source:Reuters          the publisher; city:Oslo the dateline city
  since:"last month"      dates in words or ISO: since:2021-06, until:2022
  until:2022-05  on:2021-07-13

The filter boxes under the query do the same: Country takes one name or
several separated by commas (stories must concern all of them), Since and
Until take dates in words ("2 weeks ago", "May 2021").

A query that cannot be read is searched as plain words, with a notice.
When nothing matches, "did you mean" offers a spelling (ctrl+y uses it).
Results show each story once: wire copies are folded in (× column).
"""

DATA_NOTICE_INTRO = """\
# About and data sources

briefroom works offline on your own archive. The demo corpus loaded on first
run is listed below with its licences and the attribution its sources require.
"""


def notice_section(text: str) -> str:
    """The licences and attribution part of the demo corpus notice (all of it if not found)."""
    start = text.find("## Licen")
    return text[start:] if start >= 0 else text


class HelpScreen(BriefroomScreen):
    """Keys, query syntax, about."""

    CSS_PATH = "../styles/help.tcss"
    SUB_TITLE = "Help"
    AUTO_FOCUS = "#keys"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close", id="help.close"),
    ]

    class NoticeLoaded(Message):
        """The demo corpus notice was read."""

        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    def compose(self) -> ComposeResult:
        yield Static("briefroom help", id="help-title")
        with TabbedContent(id="help-tabs"):
            with TabPane("Keys", id="help-keys"):
                yield DataTable(id="keys", cursor_type="row", zebra_stripes=True)
            with TabPane("Query syntax", id="help-query"), VerticalScroll():
                yield Static(Text(QUERY_SYNTAX), id="query-syntax")
            with TabPane("About", id="help-about"):
                yield Markdown(DATA_NOTICE_INTRO, id="about")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#keys", DataTable)
        table.add_column("Where", key="where")
        table.add_column("Key", key="key")
        table.add_column("Does", key="does")
        table.add_column("Id (for keymap)", key="id")
        for where, bindings in self.briefroom.binding_sources():
            for binding in bindings:
                if not isinstance(binding, Binding):
                    continue
                table.add_row(
                    Text(where),
                    Text(self._keys(binding)),
                    Text(binding.description or binding.action),
                    Text(binding.id or "", style="dim"),
                )
        table.add_row(Text("Everywhere"), Text("ctrl+p"), Text("Command palette"), Text(""))
        self._load_notice()

    def _keys(self, binding: Binding) -> str:
        """The keys now bound (after the user's keymap), as displayed in the footer."""
        keymap = getattr(self.app, "_keymap", {}) or {}
        keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
        shown = []
        for key in keys.split(","):
            key = key.strip()
            if key:
                shown.append(self.app.get_key_display(Binding(key, binding.action)))
        return " ".join(shown)

    @work(thread=True, exclusive=True, group="help", name="notice", exit_on_error=False)
    def _load_notice(self) -> None:
        from search.api import sample_notice

        text = sample_notice()
        if not get_current_worker().is_cancelled:
            self.post_message(self.NoticeLoaded(text))

    @on(NoticeLoaded)
    async def _notice_loaded(self, message: NoticeLoaded) -> None:
        await self.query_one("#about", Markdown).update(
            DATA_NOTICE_INTRO + "\n" + notice_section(message.text)
        )

    def action_close(self) -> None:
        """Back to where help was opened from."""
        self.dismiss()
