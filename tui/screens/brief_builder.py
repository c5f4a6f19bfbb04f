"""The brief builder: the half of the meetings screen that drafts, reads, exports and edits
the highlighted meeting's brief (`BriefBuilder`, the base of
`tui.screens.meetings.MeetingsScreen`, which supplies the list and the preview).

``g`` generates the brief in a worker; a brief saved on disk is read from its YAML; ``x``
exports YAML, Markdown and Word (.docx) to the briefs folder (asking before it overwrites
anything); ``e`` opens the YAML in ``$EDITOR`` and reads it again on return.  Links in
the preview are opened only when they are http(s) addresses, through `App.open_url`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.message import Message
from textual.widgets import Markdown, Static

from briefs.api import (
    BriefDraft,
    Meeting,
    MeetingRow,
    MeetingsData,
    draft_brief,
    export_brief,
    export_files,
    read_brief,
    write_yaml_for_edit,
)
from tui.screens.base import BriefroomScreen
from tui.screens.dialogs import ConfirmDialog

# Word too (issue 13): the principal reads the brief as a .docx.
FORMATS = ("yaml", "md", "docx")
SAFE_SCHEMES = ("http://", "https://")


class BriefBuilder(BriefroomScreen):
    """Drafts, reads, exports and edits the highlighted meeting's brief (see the module
    docstring); a subclass lists the meetings and shows the brief."""

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
        """The stored meetings and our side (the subclass loads them)."""
        self.drafts: dict[int, BriefDraft] = {}
        """The brief shown for each meeting (generated, or read from disk)."""
        self.problems: dict[int, str] = {}
        """Meetings whose YAML on disk could not be read, and why."""
        self.generating: set[int] = set()
        self._reading: set[int] = set()
        """Meetings whose saved brief is being read."""

    # ------------------------------------------------------------------ from the subclass

    def selected_row(self) -> MeetingRow | None:
        """The highlighted meeting."""
        raise NotImplementedError

    def selected_id(self) -> int | None:
        """The highlighted meeting's id."""
        raise NotImplementedError

    async def _show_selected(self) -> None:
        """Show the highlighted meeting and its brief."""
        raise NotImplementedError

    def _load(self) -> object:
        """Read the meetings again."""
        raise NotImplementedError

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
        from briefs.api import BriefError

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
        from briefs.api import BriefExists, find_docx_template

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
        from briefs.api import brief_files

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
        from tui.editor import run_editor

        return run_editor(self.app, path)

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
