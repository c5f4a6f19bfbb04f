"""Table cells and a table whose one flexible column takes the spare width.

Cells are `rich.text.Text`: `DataTable` reads plain strings as markup, and titles,
sources and names come from untrusted articles (their bidi controls are neutralised,
`tui.shown`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable

from tui.shown import plain_text


def _clip(value: str) -> Text:
    return plain_text(" ".join(value.split()), no_wrap=True, overflow="ellipsis")


def date_cell(value: str | None) -> Text:
    """An ISO date, or a dim "undated"."""
    if not value:
        return Text("undated", style="dim")
    return Text(value[:10], no_wrap=True)


def title_cell(value: str | None) -> Text:
    """A headline on one line (cut with an ellipsis by the column width)."""
    return _clip(value or "(untitled)")


def source_cell(value: str | None) -> Text:
    """The publisher, or a dim dash."""
    if not value:
        return Text("-", style="dim")
    return _clip(value)


def countries_cell(codes: Sequence[str], limit: int = 4) -> Text:
    """ISO codes, most salient first."""
    if not codes:
        return Text("-", style="dim")
    shown = ",".join(codes[:limit])
    if len(codes) > limit:
        shown += f"+{len(codes) - limit}"
    return Text(shown, no_wrap=True, overflow="ellipsis")


def copies_cell(copies: int) -> Text:
    """How many wire copies a story has (blank for one)."""
    return Text(f"×{copies}" if copies > 1 else "", justify="right")


class FlexTable(DataTable[Text]):
    """A row-cursor table whose ``flex`` column takes whatever width the others leave.

    The other columns have fixed widths (``widths``), so long titles never push the
    table into horizontal scrolling.
    """

    def __init__(
        self,
        columns: Sequence[tuple[str, str, int | None]],
        *,
        id: str | None = None,
        classes: str | None = None,
        min_flex: int = 12,
        max_flex: int | None = None,
        grow: Mapping[str, tuple[float, int]] | None = None,
        keep_flex: int = 36,
    ) -> None:
        """Build the table.

        Args:
            columns: ``(key, label, width)``; exactly one has width None (the flexible one).
            id: Widget id.
            classes: CSS classes.
            min_flex: Narrowest the flexible column gets.
            max_flex: Widest the flexible column gets (None: no limit).
            grow: Fixed columns that also widen on a wide table: key -> (share of the
                spare width it may take, widest it gets).  A source column stays 12
                wide at 80 columns and shows whole publisher names at 160.
            keep_flex: The flexible column's width that growing columns leave it.
        """
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self._spec = list(columns)
        self._min_flex = min_flex
        self._max_flex = max_flex
        self._grow = dict(grow or {})
        self._keep_flex = keep_flex
        self._flex_key = next((key for key, _, width in columns if width is None), None)

    def on_mount(self) -> None:
        self._add_columns()

    def _add_columns(self) -> None:
        for key, label, width in self._spec:
            self.add_column(label, key=key, width=width if width is not None else self._min_flex)
        self.fit_columns()

    def set_columns(self, columns: Sequence[tuple[str, str, int | None]]) -> None:
        """Replace the columns (and drop the rows)."""
        self._spec = list(columns)
        self._flex_key = next((key for key, _, width in columns if width is None), None)
        self.clear(columns=True)
        self._add_columns()

    def on_resize(self) -> None:
        self.fit_columns()

    def flex_index(self) -> int:
        """The position of the flexible column (0 when there is none)."""
        keys = [key for key, _label, _width in self._spec]
        return keys.index(self._flex_key) if self._flex_key in keys else 0

    def fit_columns(self) -> None:
        """Give the flexible column the spare width."""
        if self._flex_key is None or self._flex_key not in self.columns:
            return
        base = {key: width for key, _label, width in self._spec if width is not None}
        padding = 2 * self.cell_padding
        fixed = sum(
            base[key.value] + padding if key.value in self._grow else column.get_render_width(self)
            for key, column in self.columns.items()
            if key.value != self._flex_key
        )
        spare = self.scrollable_content_region.width - fixed - padding
        widths: dict[str, int] = {}
        room = max(0, spare - self._keep_flex)
        for key, (share, widest) in self._grow.items():
            if key not in base or key not in self.columns:
                continue
            extra = max(0, min(widest - base[key], int(spare * share), room))
            widths[key] = base[key] + extra
            room -= extra
            spare -= extra
        width = max(self._min_flex, spare)
        if self._max_flex is not None:
            width = min(width, self._max_flex)
        widths[self._flex_key] = width
        changed = False
        for key, value in widths.items():
            column = self.columns[key]  # type: ignore[index]
            if column.width != value or column.auto_width:
                column.width = value
                column.auto_width = False
                changed = True
        if changed:
            self._require_update_dimensions = True
            self._clear_caches()
            self.refresh()


def text_cell(value: str | None, *, style: str | Style = "") -> Text:
    """Any untrusted string on one line (a dim dash when empty)."""
    if not value or not value.strip():
        return Text("-", style="dim")
    text = _clip(value)
    text.stylize(style)
    return text


def number_cell(value: int | float, *, signed: bool = False) -> Text:
    """A right-aligned number (``+1.5`` with ``signed``, ``17,600``)."""
    shown = f"{value:+.1f}" if signed else f"{value:,}"
    return Text(shown, justify="right", no_wrap=True)


def names_cell(names: Sequence[str], limit: int = 3) -> Text:
    """A few names separated by commas (``+n`` for the rest)."""
    if not names:
        return Text("-", style="dim")
    shown = ", ".join(" ".join(name.split()) for name in names[:limit])
    if len(names) > limit:
        shown += f" +{len(names) - limit}"
    return plain_text(shown, no_wrap=True, overflow="ellipsis")
