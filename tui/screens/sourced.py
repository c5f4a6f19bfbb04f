"""Screens whose tables list facts with sources: Enter opens the source article.

The countries and pair screens show their facts in tables inside tabs; under the tabs,
a `SourceLine` shows the highlighted row's cited sentence.  This base keeps, per table,
the source of each row, so highlighting shows it and Enter opens its article in the
reader.  ``[`` and ``]`` move between the tabs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.widgets import DataTable, TabbedContent, TabPane

from briefs.api import topic_label
from tui.screens.base import BriefroomScreen
from tui.widgets.cells import FlexTable, number_cell, text_cell
from tui.widgets.source import SourceLine

if TYPE_CHECKING:
    from briefs.api import Source

SourcedRow = tuple[Sequence[Text], "Source | None", int]
"""A row's cells, its source (None: none) and how many more sources it has."""


class SourcedScreen(BriefroomScreen):
    """A screen of tabbed fact tables and one `SourceLine`."""

    SOURCE_LINE: ClassVar[str] = "#source-line"
    """The `SourceLine` that shows the highlighted row's source."""
    EMPTY_HINT: ClassVar[str] = "Highlight a row to see its source; Enter opens the article."

    def __init__(self) -> None:
        super().__init__()
        self._row_sources: dict[str, list[tuple[Source | None, int]]] = {}

    def fill_sourced(self, table_id: str, rows: Iterable[SourcedRow], *, empty: str) -> None:
        """Replace a table's rows; each row remembers its source."""
        table = self.query_one(f"#{table_id}", FlexTable)
        table.clear()
        sources: list[tuple[Source | None, int]] = []
        for index, (cells, source, extra) in enumerate(rows):
            table.add_row(*cells, key=str(index))
            sources.append((source, extra))
        if not sources:
            table.add_row(*self._empty_row(table, empty), key="empty")
        self._row_sources[table_id] = sources
        table.move_cursor(row=0, animate=False)

    def fill_topics_and_orgs(
        self,
        table_id: str,
        topics: Sequence[tuple[str, int]],
        orgs: Sequence[tuple[str, int]],
    ) -> None:
        """Replace a table's rows with topic and organisation counts (stories each)."""
        table = self.query_one(f"#{table_id}", FlexTable)
        table.clear()
        for topic, stories in topics:
            table.add_row(
                Text("topic"),
                text_cell(topic_label(topic)),
                number_cell(stories),
                key=f"topic:{topic}",
            )
        for org, stories in orgs:
            table.add_row(Text("org"), text_cell(org), number_cell(stories), key=f"org:{org}")
        if not topics and not orgs:
            table.add_row(*self._empty_row(table, "no topics or organisations found"))
        table.move_cursor(row=0, animate=False)

    @staticmethod
    def _empty_row(table: FlexTable, message: str) -> list[Text]:
        cells = [Text("") for _ in table.columns]
        flex = table.flex_index()
        cells[flex] = Text(message, style="dim italic", no_wrap=True, overflow="ellipsis")
        return cells

    def source_at(self, table_id: str, row: int) -> tuple[Source | None, int]:
        """The source of a table's row (None when it has none)."""
        sources = self._row_sources.get(table_id, [])
        if 0 <= row < len(sources):
            return sources[row]
        return None, 0

    def show_source(self, table: DataTable[Text] | None) -> None:
        """Show the highlighted row's source of ``table`` under the tabs."""
        line = self.query_one(self.SOURCE_LINE, SourceLine)
        if table is None or table.id not in self._row_sources:
            line.show(None, empty=self.EMPTY_HINT)
            return
        source, extra = self.source_at(table.id, table.cursor_row)
        line.show(source, empty=self.empty_hint(table.id), extra=extra)

    def empty_hint(self, table_id: str) -> str:
        """What the source line says for a row without a source."""
        return self.EMPTY_HINT

    def active_table(self) -> DataTable[Text] | None:
        """The table of the tab showing."""
        tabs = self.query_one(TabbedContent)
        return self._pane_table(tabs.get_pane(tabs.active)) if tabs.active else None

    @on(DataTable.RowHighlighted)
    def _sourced_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is self.active_table():
            self.show_source(event.data_table)

    @on(DataTable.RowSelected)
    def _sourced_selected(self, event: DataTable.RowSelected) -> None:
        table_id = event.data_table.id
        if table_id in self._row_sources:
            source, _extra = self.source_at(table_id, event.cursor_row)
            if source is not None:
                self.briefroom.open_article(source.article)

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.show_source(self._pane_table(event.pane))

    @staticmethod
    def _pane_table(pane: TabPane | None) -> DataTable[Text] | None:
        if pane is None:
            return None
        tables = list(pane.query(DataTable).results())
        return tables[0] if tables else None

    def action_tab(self, step: int) -> None:
        """The previous or next tab (and its table)."""
        tabs = self.query_one(TabbedContent)
        panes = [pane.id for pane in tabs.query(TabPane).results() if pane.id]
        if not panes:
            return
        current = panes.index(tabs.active) if tabs.active in panes else 0
        tabs.active = panes[(current + step) % len(panes)]
        table = self._pane_table(tabs.get_pane(tabs.active))
        if table is not None:
            table.focus()
