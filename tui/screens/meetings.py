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
and only through `App.open_url` (see `_link_clicked`).
"""

from __future__ import annotations

import os
import shlex
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Markdown, Static
from textual.worker import get_current_worker

from briefs.meeting import Meeting, days_left_text
from briefs.outcomes import Outcome
from tui.screens.base import BriefroomScreen
from tui.screens.data import (
    BriefDraft,
    MeetingRow,
    MeetingsData,
    delete_meeting,
    draft_brief,
    export_brief,
    export_files,
    load_meetings,
    read_brief,
    save_meeting,
    write_yaml_for_edit,
)
from tui.screens.dialogs import ConfirmDialog
from tui.screens.meeting_form import MeetingForm
from tui.screens.outcome_form import OutcomeForm
from tui.widgets.cells import FlexTable, text_cell

# Word too (issue 13): the principal reads the brief as a .docx.
FORMATS = ("yaml", "md", "docx")
SAFE_SCHEMES = ("http://", "https://")
PLACEHOLDER = """\
## No brief yet

Press **g** to generate the brief for this meeting from the archive: participants,
background, engagements, issues, their likely asks, commitments, sources.

Then **x** exports it (YAML, Markdown and Word) to the briefs folder and **e**
opens the YAML in your editor.
"""
INVALID = """\
## The saved brief cannot be read

Its YAML is not a valid brief:

~~~
{problem}
~~~

Press **e** to fix it in your editor, or **g** to generate the brief again.
"""
NO_MEETINGS = """\
## No meetings yet

Press **a** to add one: the counterpart country and the date in words ("next
Tuesday", "5 Dec"), optionally a title, the place and whom you meet.
"""
COLUMNS = [
    ("date", "Date", 10),
    ("day", "Day", 3),
    ("left", "When", 11),
    ("country", "Counterpart", None),
    ("status", "Outcome", 9),
    ("brief", "Brief", 8),
]


def editor_command() -> list[str]:
    """The user's editor (``$VISUAL``, else ``$EDITOR``, else ``vi``) as argv."""
    value = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        return shlex.split(value) or ["vi"]
    except ValueError:
        return [value]


class MeetingsScreen(BriefroomScreen):
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

    class BriefReady(Message):
        """A brief was generated, or read from its YAML on disk."""

        def __init__(self, meeting_id: int, draft: BriefDraft | None) -> None:
            self.meeting_id = meeting_id
            self.draft = draft
            super().__init__()

    class BriefInvalid(Message):
        """The brief's YAML on disk is not a valid brief."""

        def __init__(self, meeting_id: int, problem: str) -> None:
            self.meeting_id = meeting_id
            self.problem = problem
            super().__init__()

    class Exported(Message):
        """Brief files were written."""

        def __init__(self, draft: BriefDraft, paths: list[Path]) -> None:
            self.draft = draft
            self.paths = paths
            super().__init__()

    class ExportBlocked(Message):
        """Some of the files are there already: ask before overwriting them."""

        def __init__(self, draft: BriefDraft, existing: list[Path]) -> None:
            self.draft = draft
            self.existing = existing
            super().__init__()

    class EditReady(Message):
        """The YAML is on disk: open the editor."""

        def __init__(self, meeting: Meeting, path: Path) -> None:
            self.meeting = meeting
            self.path = path
            super().__init__()

    def __init__(self) -> None:
        super().__init__()
        self.data: MeetingsData | None = None
        self.rows: list[MeetingRow] = []
        self.drafts: dict[int, BriefDraft] = {}
        """The brief shown for each meeting (generated, or read from disk)."""
        self.problems: dict[int, str] = {}
        """Meetings whose YAML on disk could not be read, and why."""
        self.generating: set[int] = set()
        self._reading: set[int] = set()
        """Meetings whose saved brief is being read."""
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
            meeting = row.meeting
            style = past if row.days_left < 0 else ""
            table.add_row(
                Text(meeting.date, style=style),
                Text(f"{meeting.day:%a}", style=style),
                Text(days_left_text(row.days_left), style=style, no_wrap=True),
                text_cell(
                    f"{row.name} · {meeting.title}" if meeting.title else row.name, style=style
                ),  # fmt: skip
                Text(
                    meeting.status or ("-" if row.days_left >= 0 else "record: o"),
                    style=style if meeting.status else "dim",
                    no_wrap=True,
                ),  # fmt: skip
                Text(
                    row.brief_status if row.brief_status != "none" else "-",
                    style=on_disk if row.yaml_exists else "dim",
                    no_wrap=True,
                ),  # fmt: skip
                key=str(meeting.id),
            )
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
        detail.update(self._detail_text(row))
        meeting_id = row.meeting.id
        assert meeting_id is not None
        draft = self.drafts.get(meeting_id)
        if meeting_id in self.generating:
            status.update(Text("Generating the brief...", style="italic"))
        elif meeting_id in self.problems:
            status.update(Text(self.problems[meeting_id], style="bold red", overflow="ellipsis",
                               no_wrap=True))  # fmt: skip
        elif draft is not None:
            status.update(self._status_text(row, draft))
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

    def _detail_text(self, row: MeetingRow) -> Text:
        meeting = row.meeting
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{row.name} ({meeting.country})", style="bold")
        text.append(f" · {meeting.day:%A} {meeting.date} · {days_left_text(row.days_left)}")
        if meeting.date_text and meeting.date_text != meeting.date:
            text.append(f' ("{" ".join(meeting.date_text.split())}")', style="dim")
        if meeting.home and self.data is not None and meeting.home != self.data.home:
            text.append(f" · our side {meeting.home}", style="bold")
        if meeting.status:
            text.append(f" · {meeting.status}", style="bold")
        extra = [" ".join(v.split()) for v in (meeting.title, meeting.place, meeting.format) if v]
        text.append("\n" + (" · ".join(extra) or "no title, place or format"),
                    style="" if extra else "dim")  # fmt: skip
        ours = ", ".join(d.describe() for d in meeting.ours)
        theirs = ", ".join(d.describe() for d in meeting.theirs) or ", ".join(meeting.participants)
        text.append("\nours: ", style="dim")
        text.append(ours or "-")
        text.append(" · theirs: ", style="dim")
        text.append(theirs or "-")
        return text

    def _status_text(self, row: MeetingRow, draft: BriefDraft) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        sources = len(draft.brief.sources)
        if draft.from_disk:
            text.append("Saved brief", style="bold")
            text.append(f" ({sources} sources) · {draft.yaml_path.name}")
        else:
            text.append("Generated, not exported", style="bold")
            text.append(f" ({sources} sources) · x exports, e edits")
            if row.yaml_exists:
                text.append(" · a saved YAML exists", style="dim")
        return text

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
        from briefs.outcomes import record_outcome
        from tui.screens.data import open_archive

        with open_archive(self.session.home, readonly=False) as archive:
            stored = record_outcome(archive.store, outcome, home=home)
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

    # ------------------------------------------------------------------ generate / read

    def action_generate(self) -> None:
        """Generate the highlighted meeting's brief from the archive (a worker)."""
        row = self.selected_row()
        if row is None or row.meeting.id is None:
            self.notify("add a meeting first (a)", severity="warning")
            return
        if self.data is None or (self.data.home is None and row.meeting.home is None):
            self.notify(f"a brief needs our side: {self.briefroom.no_home_message()}",
                        title="No home country", severity="error",
                        markup=False)  # fmt: skip
            return
        if row.meeting.id in self.generating:
            return
        self.generating.add(row.meeting.id)
        self.problems.pop(row.meeting.id, None)
        self.query_one("#brief-status", Static).update(
            Text("Generating the brief...", style="italic")
        )
        self.query_one("#brief-box").loading = True
        # The meeting's own side (stored when it was added), else the configured one.
        self._generate(row.meeting, row.meeting.home or self.data.home)

    @work(thread=True, group="brief", name="brief", exit_on_error=False)
    def _generate(self, meeting: Meeting, home: str) -> None:
        session = self.session
        assert meeting.id is not None
        try:
            draft = draft_brief(session.home, meeting, home_country=home, as_of=session.today(),
                                briefs_dir=session.briefs_dir,
                                templates_dir=session.templates_dir)  # fmt: skip
        except BaseException:
            self.post_message(self.BriefReady(meeting.id, None))
            raise
        self.post_message(self.BriefReady(meeting.id, draft))

    @work(thread=True, group="brief-read", name="brief-read", exit_on_error=False)
    def _read(self, meeting: Meeting) -> None:
        from briefs.render import BriefError

        session = self.session
        assert meeting.id is not None
        try:
            draft = read_brief(meeting, briefs_dir=session.briefs_dir,
                               templates_dir=session.templates_dir)  # fmt: skip
        except BriefError as exc:
            self.post_message(self.BriefInvalid(meeting.id, " ".join(str(exc).split())))
            return
        self.post_message(self.BriefReady(meeting.id, draft))

    @on(BriefReady)
    async def _brief_ready(self, message: BriefReady) -> None:
        self.generating.discard(message.meeting_id)
        self._reading.discard(message.meeting_id)
        if not self.generating:
            self.query_one("#brief-box").loading = False
        if message.draft is not None:
            self.drafts[message.meeting_id] = message.draft
            self.problems.pop(message.meeting_id, None)
        if self.selected_id() == message.meeting_id:
            await self._show_selected()
        self.refresh_bindings()

    @on(BriefInvalid)
    async def _brief_invalid(self, message: BriefInvalid) -> None:
        self._reading.discard(message.meeting_id)
        if self.problems.get(message.meeting_id) != message.problem:
            self.notify(message.problem, title="The brief's YAML is not valid",
                        severity="error", timeout=10, markup=False)  # fmt: skip
        self.problems[message.meeting_id] = message.problem
        if self.selected_id() == message.meeting_id:
            await self._show_selected()

    # ------------------------------------------------------------------ export

    def _draft(self) -> BriefDraft | None:
        row = self.selected_row()
        if row is None or row.meeting.id is None:
            return None
        return self.drafts.get(row.meeting.id)

    def action_export(self) -> None:
        """Write the brief's YAML, Markdown and Word files to the briefs folder."""
        draft = self._draft()
        if draft is None:
            self.notify("generate the brief first (g)", severity="warning")
            return
        self._export(draft, False)

    @work(thread=True, group="brief-export", name="brief-export", exit_on_error=False)
    def _export(self, draft: BriefDraft, force: bool) -> None:
        from briefs.docx_export import find_docx_template
        from briefs.render import BriefExists

        # The ministry's Word styles (templates/brief.docx in the config folder), as
        # `briefroom brief --format docx` uses them.
        docx_template = find_docx_template(self.session.templates_dir)
        try:
            written = export_brief(draft, formats=FORMATS, force=force,
                                   docx_template=docx_template)  # fmt: skip
        except BriefExists:
            # A link (dangling too) at a name blocks the export as a file does.
            existing = [p for p in export_files(draft, FORMATS) if p.is_symlink() or p.exists()]
            self.post_message(self.ExportBlocked(draft, existing))
            return
        self.post_message(self.Exported(draft, written))

    @on(ExportBlocked)
    def _export_blocked(self, message: ExportBlocked) -> None:
        names = ", ".join(path.name for path in message.existing)
        draft = message.draft

        def answered(yes: bool | None) -> None:
            if yes:
                self._export(draft, True)
            else:
                self.notify("nothing written", severity="information")

        self.app.push_screen(
            ConfirmDialog(
                "Overwrite the brief?",
                f"{names} already in {message.existing[0].parent}. Overwrite?",
                yes="Overwrite",
            ),
            answered,
        )

    @on(Exported)
    def _exported(self, message: Exported) -> None:
        folder = message.paths[0].parent if message.paths else self.session.briefs_dir
        names = "\n".join(path.name for path in message.paths)
        self.notify(f"in {folder}:\n{names}", title="Brief exported", markup=False, timeout=8)
        draft = message.draft
        meeting_id = draft.meeting.id
        if meeting_id is not None and self.drafts.get(meeting_id) is draft:
            # The YAML on disk is this brief now: later exports write the Markdown and Word.
            self.drafts[meeting_id] = replace(draft, from_disk=True)
        self._load()
        self.briefroom.meetings_changed()

    # ------------------------------------------------------------------ edit

    def action_edit(self) -> None:
        """Open the brief's YAML in $EDITOR; the preview is rendered again on return."""
        row = self.selected_row()
        if row is None or row.meeting.id is None:
            return
        draft = self.drafts.get(row.meeting.id)
        if draft is None and not row.yaml_exists:
            self.notify("generate the brief first (g)", severity="warning")
            return
        if draft is not None and not draft.from_disk and row.yaml_exists:
            self.notify("editing the saved YAML; the generated brief is not saved (x exports it)",
                        severity="warning")  # fmt: skip
        self._prepare_edit(row.meeting, draft)

    @work(thread=True, group="brief-export", name="brief-edit", exit_on_error=False)
    def _prepare_edit(self, meeting: Meeting, draft: BriefDraft | None) -> None:
        from tui.screens.data import brief_files

        if draft is not None:
            path = write_yaml_for_edit(draft)
        else:
            path, _markdown = brief_files(meeting, self.session.briefs_dir)
        self.post_message(self.EditReady(meeting, path))

    @on(EditReady)
    def _edit_ready(self, message: EditReady) -> None:
        if self.run_editor(message.path):
            assert message.meeting.id is not None
            self.drafts.pop(message.meeting.id, None)
            self.problems.pop(message.meeting.id, None)  # a new problem is notified again
            self._reading.add(message.meeting.id)
            self._read(message.meeting)
            self._load()

    def run_editor(self, path: Path) -> bool:
        """Suspend the app and edit ``path``; False when no editor could run."""
        command = [*editor_command(), str(path)]
        try:
            with self.app.suspend():
                subprocess.run(command, check=False)
        except SuspendNotSupported:
            self.notify(f"this terminal cannot hand over to an editor: edit {path} yourself",
                        severity="warning", markup=False)  # fmt: skip
            return False
        except OSError as exc:
            self.notify(f"cannot run {command[0]!r}: {exc.strerror or exc}", title="Editor",
                        severity="error", markup=False)  # fmt: skip
            return False
        return True

    # ------------------------------------------------------------------ links and focus

    @on(Markdown.LinkClicked, "#brief-preview")
    def _link_clicked(self, event: Markdown.LinkClicked) -> None:
        href = event.href.strip()
        if href.lower().startswith(SAFE_SCHEMES):
            self.app.open_url(href)
        else:
            self.notify(f"not opened: {href[:80]}", severity="warning", markup=False)

    def action_focus_preview(self) -> None:
        """The brief full screen (Esc returns); without a brief, the preview pane."""
        draft = self._draft()
        if draft is None:
            self.query_one("#brief-scroll").focus()
            return
        from tui.screens.brief_view import BriefViewScreen

        row = self.selected_row()
        title = f"{row.name} · {row.meeting.date}" if row is not None else ""
        self.app.push_screen(BriefViewScreen(draft.markdown, title=title))

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
