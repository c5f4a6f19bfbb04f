"""The dashboard: corpus health, recent activity by country, upcoming meetings, the latest
stories."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Footer
from textual.worker import get_current_worker

from briefs.api import DashboardData, days_left_text, load_dashboard
from search.api import RECENT_DAYS
from tui.screens.base import BriefroomScreen
from tui.widgets.cells import (
    FlexTable,
    countries_cell,
    date_cell,
    source_cell,
    text_cell,
    title_cell,
)
from tui.widgets.health import CorpusHealth

BAR_WIDTH = 8
SOURCE_GROWS = {"source": (0.35, 30)}
"""The source column widens with the table, up to 30 (whole publisher names at 160)."""
LATEST = 30
WIDE_AT = 120
"""From this width on the activity table shows bars (the app's "-wide" breakpoint)."""
ACTIVITY_NARROW = [("country", "Country", None), ("stories", "Stories", 7), ("last", "Last", 10)]
ACTIVITY_WIDE = [*ACTIVITY_NARROW[:2], ("bar", "", BAR_WIDTH), ACTIVITY_NARROW[2]]
UPCOMING_ROWS_NARROW = 2
UPCOMING_ROWS_WIDE = 5
"""Meetings the upcoming box shows without scrolling (it is hidden when there are none)."""


def bar(value: int, top: int, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of ``value`` out of ``top`` in eighths of a cell."""
    if top <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / top * width * 8))
    full, rest = divmod(eighths, 8)
    return "█" * full + (" ▏▎▍▌▋▊▉"[rest] if rest else "")


class DashboardScreen(BriefroomScreen):
    """Where the app opens."""

    COMPONENT_CLASSES = {"dashboard--bar", "dashboard--on-disk"}

    MODE = "dashboard"
    CSS_PATH = "../styles/dashboard.tcss"
    SUB_TITLE = "Dashboard"
    AUTO_FOCUS = "#latest"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "reload", "Refresh", id="dashboard.refresh"),
    ]

    class Loaded(Message):
        """Dashboard data arrived from the archive."""

        def __init__(self, data: DashboardData) -> None:
            self.data = data
            super().__init__()

    def __init__(self) -> None:
        super().__init__()
        self.data: DashboardData | None = None
        self._wide = False

    def compose(self) -> ComposeResult:
        yield from self.compose_nav()
        with Horizontal(id="dash-top"):
            yield CorpusHealth(id="health")
            with Vertical(id="activity-box"):
                yield FlexTable(
                    ACTIVITY_NARROW,
                    id="activity",
                    min_flex=10,
                    max_flex=30,
                )
        yield FlexTable(
            [
                ("date", "Date", 10),
                ("left", "When", 11),
                ("meeting", "Meeting", None),
                ("brief", "Brief", 13),
            ],
            id="upcoming",
        )
        yield FlexTable(
            [
                ("date", "Date", 10),
                ("title", "Title", None),
                ("source", "Source", 12),
                ("countries", "Countries", 11),
            ],
            id="latest",
            grow=SOURCE_GROWS,
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#health").border_title = "Corpus"
        activity = self.query_one("#activity", FlexTable)
        self.query_one("#activity-box").border_title = f"Recent activity ({RECENT_DAYS} days)"
        latest = self.query_one("#latest", FlexTable)
        latest.border_title = "Latest stories"
        upcoming = self.query_one("#upcoming", FlexTable)
        upcoming.border_title = "Upcoming meetings"
        upcoming.display = False
        for widget in (self.query_one("#health"), activity, latest):
            widget.loading = True
        self.watch_archive()
        self.watch(self.app, "meetings_version", self._meetings_changed, init=False)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())

    def archive_changed(self) -> None:
        self._load()

    def _meetings_changed(self, _version: int) -> None:
        if self.app.archive_version > 0:  # type: ignore[attr-defined]
            self._load()

    def action_reload(self) -> None:
        """Read the archive again."""
        if self.app.archive_version > 0:  # type: ignore[attr-defined]
            self._load()

    @work(thread=True, exclusive=True, group="dashboard", name="dashboard", exit_on_error=False)
    def _load(self) -> None:
        session = self.session
        data = load_dashboard(session.home, home_country=session.home_country, latest=LATEST,
                              as_of=session.today(), briefs_dir=session.briefs_dir)  # fmt: skip
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(data))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.data = message.data
        self._show(message.data)

    def on_resize(self) -> None:
        if self.data is not None and (self.size.width >= WIDE_AT) != self._wide:
            self._show(self.data)

    def _restyle(self) -> None:
        if self.data is not None:
            self._show(self.data)

    def _show(self, data: DashboardData) -> None:
        health = self.query_one(CorpusHealth)
        health.stats = data.stats
        health.loading = False

        activity = self.query_one("#activity", FlexTable)
        activity.loading = False
        activity_row = activity.cursor_row
        wide = self.size.width >= WIDE_AT
        activity.set_columns(ACTIVITY_WIDE if wide else ACTIVITY_NARROW)
        self._wide = wide
        top = max((row.stories for row in data.activity), default=0)
        bar_style = self.get_component_rich_style("dashboard--bar", partial=True)
        for row in data.activity:
            cells = [
                Text(row.name, no_wrap=True, overflow="ellipsis"),
                Text(f"{row.stories:,}", justify="right"),
                date_cell(row.last_date),
            ]
            if wide:
                cells.insert(2, Text(bar(row.stories, top), style=bar_style, no_wrap=True))
            activity.add_row(*cells, key=row.code)
        activity.move_cursor(row=min(activity_row, activity.row_count - 1), animate=False)
        box = self.query_one("#activity-box")
        without = f", without {data.excluded}" if data.excluded else ""
        box.border_title = f"Recent activity ({RECENT_DAYS} days{without})"
        if data.window_start and data.window_end:
            box.border_subtitle = f"{data.window_start} to {data.window_end}"
        if not data.activity:
            box.border_subtitle = "no dated articles"

        self._show_upcoming(data, wide)

        latest = self.query_one("#latest", DataTable)
        latest.loading = False
        latest_row = latest.cursor_row
        latest.clear()
        for hit in data.latest:
            latest.add_row(
                date_cell(hit.date),
                title_cell(hit.title),
                source_cell(hit.source),
                countries_cell(hit.countries, 3),
                key=hit.id,
            )
        latest.move_cursor(row=min(latest_row, latest.row_count - 1), animate=False)
        if not data.latest:
            latest.border_subtitle = "empty archive: press i to ingest files"
        else:
            latest.border_subtitle = "Enter opens"

    def _show_upcoming(self, data: DashboardData, wide: bool) -> None:
        table = self.query_one("#upcoming", FlexTable)
        table.display = bool(data.meetings)
        if not data.meetings:
            return
        row_index = table.cursor_row
        table.clear()
        on_disk = self.get_component_rich_style("dashboard--on-disk", partial=True)
        for row in data.meetings:
            meeting = row.meeting
            label = row.name + (f" · {meeting.title}" if meeting.title else "")
            table.add_row(
                Text(f"{meeting.date}"),
                Text(days_left_text(row.days_left), no_wrap=True),
                text_cell(label),
                Text(
                    "brief on disk" if row.yaml_exists else "no brief yet",
                    style=on_disk if row.yaml_exists else "dim",
                    no_wrap=True,
                ),
                key=str(meeting.id),
            )
        table.move_cursor(row=min(max(row_index, 0), table.row_count - 1), animate=False)
        visible = min(len(data.meetings), UPCOMING_ROWS_WIDE if wide else UPCOMING_ROWS_NARROW)
        table.styles.height = visible + 3  # header and border
        table.border_subtitle = (
            "Enter opens"
            if len(data.meetings) <= visible
            else (f"{len(data.meetings)} meetings · Enter opens")
        )

    @on(DataTable.RowSelected, "#upcoming")
    async def _open_meeting(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            await self.briefroom.open_meeting(int(event.row_key.value))

    @on(DataTable.RowSelected, "#latest")
    def _open_latest(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.briefroom.open_article(event.row_key.value)

    @on(DataTable.RowSelected, "#activity")
    async def _search_country(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            await self.briefroom.search_for(countries=(event.row_key.value,))
