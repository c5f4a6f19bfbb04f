"""Meetings and the brief builder.

The stored meetings (soonest first, past ones dimmed) with the days left and whether
their brief is on disk; the highlighted meeting's brief as a Markdown preview.  ``a``
adds a meeting (a form with live date resolution), ``g`` generates the brief in a
worker, ``x`` exports YAML, Markdown and Word (.docx) to the briefs folder (asking
before it overwrites anything), ``e`` opens the YAML in ``$EDITOR`` and re-renders it on return,
``d`` deletes the meeting, ``o`` records its outcome (held, postponed or cancelled, what
was agreed, who follows up what by when).

The Markdown is generated from corpus text.  The `Markdown` widget does not read Rich
or Textual markup, and its links are not opened on a click: only http(s) addresses are,
and only through `App.open_url` (see `_link_clicked`).  Generating, reading, exporting
and editing the brief is `tui.screens.brief_builder.BriefBuilder`, this screen's base.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Markdown, Static
from textual.worker import get_current_worker

from briefs.api import (
    Meeting,
    MeetingRow,
    MeetingsData,
    Outcome,
    days_left_text,
    delete_meeting,
    load_meetings,
    save_meeting,
)
from tui.screens.brief_builder import BriefBuilder
from tui.screens.dialogs import ConfirmDialog
from tui.screens.meeting_form import MeetingForm
from tui.screens.meeting_texts import (
    INVALID,
    NO_MEETINGS,
    PLACEHOLDER,
    detail_text,
    meeting_cells,
    status_text,
)
from tui.screens.outcome_form import OutcomeForm
from tui.widgets.cells import FlexTable

COLUMNS = [
    ("date", "Date", 10),
    ("day", "Day", 3),
    ("left", "When", 11),
    ("country", "Counterpart", None),
    ("status", "Outcome", 9),
    ("brief", "Brief", 8),
]


class MeetingsScreen(BriefBuilder):
    """The meetings mode: the list of meetings and the brief builder."""

    MODE = "meetings"
    CSS_PATH = "../styles/meetings.tcss"
    SUB_TITLE = "Meetings"
    AUTO_FOCUS = "#meetings"
    COMPONENT_CLASSES: ClassVar[set[str]] = {"meetings--past", "meetings--on-disk"}
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority, and the form is mounted before the App reads the next key: keys typed
        # right after "a" reach the form's first field (issue 13, type-ahead).
        Binding("a", "open_add_form", "Add", priority=True, id="meetings.add"),
        Binding("g", "generate", "Brief", id="meetings.generate"),
        Binding("x", "export", "Export", id="meetings.export"),
        Binding("e", "edit", "Edit", id="meetings.edit"),
        Binding("o", "outcome", "Outcome", id="meetings.outcome"),
        Binding("d,delete", "delete", "Delete", show=False, id="meetings.delete"),
        Binding("p", "focus_preview", "Preview", show=False, id="meetings.preview"),
        Binding("escape", "focus_list", "List", show=False, id="meetings.list"),
        Binding("r", "reload", "Refresh", show=False, id="meetings.refresh"),
    ]

    # ------------------------------------------------------------------ messages

    class MeetingsLoaded(Message):
        """The stored meetings arrived."""

        def __init__(self, data: MeetingsData) -> None:
            self.data = data
            super().__init__()

    class MeetingSaved(Message):
        """A new meeting was stored."""

        def __init__(self, meeting: Meeting) -> None:
            self.meeting = meeting
            super().__init__()

    class OutcomeRecorded(Message):
        """A meeting's outcome was stored."""

        def __init__(self, outcome: Outcome) -> None:
            self.outcome = outcome
            super().__init__()

    class MeetingDeleted(Message):
        """A meeting was removed."""

        def __init__(self, meeting_id: int, removed: bool) -> None:
            self.meeting_id = meeting_id
            self.removed = removed
            super().__init__()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[MeetingRow] = []
        self._select: int | None = None
        """A meeting to select once the list arrives."""
        self._shown: tuple[int, str] | None = None
        """What the preview shows: (meeting id, markdown)."""

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield from self.compose_nav()
        with Vertical(id="meetings-body"):
            with Vertical(id="meetings-side"):
                yield FlexTable(COLUMNS, id="meetings", min_flex=12)
                yield Static(id="meeting-detail")
            with Vertical(id="brief-box"):
                yield Static(id="brief-status")
                with VerticalScroll(id="brief-scroll"):
                    yield Markdown(id="brief-preview", open_links=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#meetings-side").border_title = "Meetings"
        self.query_one("#brief-box").border_title = "Brief"
        self.query_one("#meetings").loading = True
        self.watch_archive()

    def archive_changed(self) -> None:
        self._load()

    def action_reload(self) -> None:
        """Read the meetings again (brief status included)."""
        if self.app.archive_version > 0:  # type: ignore[attr-defined]
            self._load()

    # ------------------------------------------------------------------ the list

    @work(thread=True, exclusive=True, group="meetings", name="meetings", exit_on_error=False)
    def _load(self) -> None:
        session = self.session
        data = load_meetings(session.home, as_of=session.today(), briefs_dir=session.briefs_dir,
                             home_country=session.home_country)  # fmt: skip
        if not get_current_worker().is_cancelled:
            self.post_message(self.MeetingsLoaded(data))

    @on(MeetingsLoaded)
    async def _meetings_loaded(self, message: MeetingsLoaded) -> None:
        self.data = message.data
        keep = self._select if self._select is not None else self.selected_id()
        self._select = None
        self.rows = list(message.data.rows)
        table = self.query_one("#meetings", FlexTable)
        table.loading = False
        table.clear()
        past = self.get_component_rich_style("meetings--past", partial=True)
        on_disk = self.get_component_rich_style("meetings--on-disk", partial=True)
        for row in self.rows:
            table.add_row(*meeting_cells(row, past, on_disk), key=str(row.meeting.id))
        ids = [row.meeting.id for row in self.rows]
        if keep in ids:
            table.move_cursor(row=ids.index(keep), animate=False)
        elif self.rows:
            upcoming = next((i for i, row in enumerate(self.rows) if row.days_left >= 0), None)
            table.move_cursor(row=upcoming if upcoming is not None else len(self.rows) - 1,
                              animate=False)  # fmt: skip
        box = self.query_one("#meetings-side")
        upcoming_count = sum(1 for row in self.rows if row.days_left >= 0)
        box.border_subtitle = f"{upcoming_count} upcoming · as of {message.data.as_of.isoformat()}"
        if message.data.home is None:
            box.border_subtitle = f"no home country: Settings ({self.briefroom.settings_key()})"
        await self._show_selected()
        self.refresh_bindings()

    def worker_error(self, name: str, error: BaseException | None) -> None:
        if name == "meetings":
            self.query_one("#meetings").loading = False

    def selected_row(self) -> MeetingRow | None:
        """The highlighted meeting."""
        table = self.query_one("#meetings", FlexTable)
        row = table.cursor_row
        if self.rows and 0 <= row < len(self.rows):
            return self.rows[row]
        return None

    def selected_id(self) -> int | None:
        """The highlighted meeting's id."""
        row = self.selected_row()
        return row.meeting.id if row is not None else None

    @on(DataTable.RowHighlighted, "#meetings")
    async def _meeting_highlighted(self) -> None:
        await self._show_selected()
        self.refresh_bindings()

    @on(DataTable.RowSelected, "#meetings")
    async def _meeting_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if row.meeting.id not in self.drafts and not row.yaml_exists:
            self.action_generate()
        else:
            self.query_one("#brief-scroll").focus()  # Enter: read it here; p: full screen

    async def _show_selected(self) -> None:
        row = self.selected_row()
        detail = self.query_one("#meeting-detail", Static)
        status = self.query_one("#brief-status", Static)
        if row is None:
            detail.update(Text("No meetings: press a to add one.", style="dim italic"))
            status.update("")
            await self._preview(None, NO_MEETINGS)
            return
        detail.update(detail_text(row, self.data.home if self.data is not None else None))
        meeting_id = row.meeting.id
        assert meeting_id is not None
        draft = self.drafts.get(meeting_id)
        if meeting_id in self.generating:
            status.update(Text("Generating the brief...", style="italic"))
        elif meeting_id in self.problems:
            status.update(Text(self.problems[meeting_id], style="bold red", overflow="ellipsis",
                               no_wrap=True))  # fmt: skip
        elif draft is not None:
            status.update(status_text(row, draft))
        elif row.yaml_exists:
            status.update(Text("Reading the saved brief...", style="italic"))
            if meeting_id not in self._reading:
                self._reading.add(meeting_id)
                self._read(row.meeting)
        else:
            status.update(Text("No brief yet: g generates it.", style="dim"))
        if draft is not None:
            await self._preview(meeting_id, draft.markdown)
        elif meeting_id in self.problems:
            problem = self.problems[meeting_id].replace("~", "-")
            await self._preview(meeting_id, INVALID.format(problem=problem))
        elif meeting_id not in self._shown_ids():
            await self._preview(meeting_id, PLACEHOLDER)

    def _shown_ids(self) -> set[int]:
        return {self._shown[0]} if self._shown is not None else set()

    async def _preview(self, meeting_id: int | None, markdown: str) -> None:
        if self._shown is not None and self._shown == (meeting_id, markdown):
            return
        self._shown = (meeting_id, markdown) if meeting_id is not None else None
        await self.query_one("#brief-preview", Markdown).update(markdown)
        self.query_one("#brief-scroll").scroll_home(animate=False)

    # ------------------------------------------------------------------ add / delete

    def action_add(self, country: str = "", date_text: str = "") -> None:
        """Open the add-meeting form."""
        self.app.push_screen(MeetingForm(country=country, date_text=date_text), self._added)

    async def action_open_add_form(self) -> None:
        """Open the add-meeting form and wait until its first field has the focus."""
        await self.app.push_screen(MeetingForm(), self._added)

    def _added(self, meeting: Meeting | None) -> None:
        if meeting is not None:
            self._save(meeting)

    # ------------------------------------------------------------------ outcome

    def action_outcome(self) -> None:
        """Record the highlighted meeting's outcome (held, postponed, cancelled...)."""
        row = self.selected_row()
        if row is None or row.meeting.id is None:
            self.notify("add a meeting first (a)", severity="warning")
            return
        meeting = row.meeting

        def recorded(outcome: Outcome | None) -> None:
            if outcome is not None:
                home = meeting.home or (self.data.home if self.data is not None else None)
                self._record_outcome(outcome, home)

        self.app.push_screen(OutcomeForm(meeting, row.name), recorded)

    @work(thread=True, group="meetings-write", name="meeting-outcome", exit_on_error=False)
    def _record_outcome(self, outcome: Outcome, home: str | None) -> None:
        from briefs.api import record_outcome

        stored = record_outcome(self.session.home, outcome, home=home)
        self.post_message(self.OutcomeRecorded(stored))

    @on(OutcomeRecorded)
    def _outcome_recorded(self, message: OutcomeRecorded) -> None:
        outcome = message.outcome
        self.notify(f"meeting {outcome.meeting}: {outcome.status}; {len(outcome.agreed)} agreed, "
                    f"{len(outcome.follow_ups)} follow-ups", title="Outcome recorded",
                    markup=False)  # fmt: skip
        self._select = outcome.meeting
        self._load()
        self.briefroom.meetings_changed()

    @work(thread=True, group="meetings-write", name="meeting-save", exit_on_error=False)
    def _save(self, meeting: Meeting) -> None:
        stored = save_meeting(self.session.home, meeting)
        self.post_message(self.MeetingSaved(stored))

    @on(MeetingSaved)
    def _saved(self, message: MeetingSaved) -> None:
        meeting = message.meeting
        left = days_left_text(meeting.days_left(self.session.today()))
        self.notify(f"{meeting.country} on {meeting.day:%a} {meeting.date} ({left})",
                    title="Meeting added", markup=False)  # fmt: skip
        self._select = meeting.id
        self._load()
        self.briefroom.meetings_changed()

    def action_delete(self) -> None:
        """Delete the highlighted meeting (after a confirmation)."""
        row = self.selected_row()
        if row is None or row.meeting.id is None:
            return
        meeting_id = row.meeting.id

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(meeting_id)

        message = (
            f"Delete the meeting with {row.name} on {row.meeting.date}? Brief files on disk "
            "are kept."
        )
        self.app.push_screen(ConfirmDialog("Delete meeting", message, yes="Delete"), answered)

    @work(thread=True, group="meetings-write", name="meeting-delete", exit_on_error=False)
    def _delete(self, meeting_id: int) -> None:
        removed = delete_meeting(self.session.home, meeting_id)
        self.post_message(self.MeetingDeleted(meeting_id, removed))

    @on(MeetingDeleted)
    def _deleted(self, message: MeetingDeleted) -> None:
        self.drafts.pop(message.meeting_id, None)
        if not message.removed:
            self.notify(f"meeting {message.meeting_id} was already gone", severity="warning")
        self._load()
        self.briefroom.meetings_changed()

    def action_focus_list(self) -> None:
        """Back to the meetings."""
        self.query_one("#meetings").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("generate", "delete", "outcome"):
            return self.selected_row() is not None
        if action == "export":
            return self._draft() is not None
        if action == "edit":
            row = self.selected_row()
            return row is not None and (self._draft() is not None or row.yaml_exists)
        return True

    # ------------------------------------------------------------------ called by the app

    def select_meeting(self, meeting_id: int) -> None:
        """Highlight a meeting (once the list is there)."""
        ids = [row.meeting.id for row in self.rows]
        if meeting_id in ids:
            self.query_one("#meetings", FlexTable).move_cursor(
                row=ids.index(meeting_id), animate=False
            )
            self.query_one("#meetings").focus()
        else:
            self._select = meeting_id
            if self.app.archive_version > 0:  # type: ignore[attr-defined]
                self._load()
