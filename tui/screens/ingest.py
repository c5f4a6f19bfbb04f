"""Ingest dialogs: ask for a path, then show progress while a worker ingests it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, ProgressBar, Static

from tui.screens.base import BriefroomModal

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from search.api import IngestProgress, IngestReport

MAX_REJECTED_NOTICES = 5
"""Rejected inputs notified one by one after an ingest; the rest are counted."""


@dataclass(frozen=True, slots=True)
class Notice:
    """One notification (``timeout`` None: the app's default)."""

    message: str
    title: str = ""
    severity: SeverityLevel = "information"
    timeout: float | None = None


def ingest_notices(
    report: IngestReport | None, *, first_run: bool, cancelled: bool = False
) -> list[Notice]:
    """What the user is told when an ingest ends (``report`` None: it was stopped)."""
    if cancelled or report is None:
        return [Notice("ingest stopped; the articles stored so far are kept", severity="warning")]
    notices = []
    if first_run and not report.rejected:
        # Short and brief: a long toast covers the latest stories (issue 13).
        articles = "1 article" if report.added == 1 else f"{report.added:,} articles"
        notices.append(Notice(f"{articles}; i adds your own", "Demo corpus loaded", timeout=4))
    else:
        title = "Demo corpus loaded" if first_run else "Ingest finished"
        severity: SeverityLevel = "warning" if report.rejected else "information"
        notices.append(Notice(report.summary(), title, severity))
    for problem in report.rejected[:MAX_REJECTED_NOTICES]:
        notices.append(Notice(" ".join(str(problem).split()), "Rejected", "warning", 10))
    more = len(report.rejected) - MAX_REJECTED_NOTICES
    if more > 0:
        notices.append(Notice(f"... and {more} more rejected inputs", severity="warning"))
    return notices


class IngestDialog(BriefroomModal):
    """Asks for a file or folder to ingest; dismisses with its path (None: cancelled)."""

    CSS_PATH = "../styles/ingest.tcss"
    AUTO_FOCUS = "#ingest-path"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="ingest.cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="ingest-dialog", classes="dialog"):
            yield Label("Ingest files", classes="dialog-title")
            yield Static(
                "A file or a folder (searched recursively): plain text, Markdown, JSON, "
                "JSON Lines, HTML, RSS/Atom, CSV; .gz too.",
                classes="dialog-help",
            )
            yield Input(placeholder="~/news/2024 or /path/to/file.jsonl", id="ingest-path")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Ingest", variant="primary", id="ingest-start")
                yield Button("Cancel", id="ingest-cancel")

    @on(Input.Submitted, "#ingest-path")
    @on(Button.Pressed, "#ingest-start")
    def _start(self) -> None:
        value = self.query_one("#ingest-path", Input).value.strip()
        if not value:
            self.query_one("#ingest-path", Input).add_class("-invalid")
            self.notify("type the path of a file or folder", severity="warning")
            return
        self.dismiss(Path(value).expanduser())

    @on(Button.Pressed, "#ingest-cancel")
    def action_cancel(self) -> None:
        """Close without ingesting."""
        self.dismiss(None)


class IngestProgressScreen(BriefroomModal):
    """Progress of an ingest; dismisses with True when the user asks to stop it."""

    CSS_PATH = "../styles/ingest.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "hide", "Hide", id="ingest.hide"),
    ]

    def __init__(self, label: str, *, first_run: bool = False) -> None:
        super().__init__()
        self.label = label
        self.first_run = first_run
        self.progress: IngestProgress | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="ingest-progress", classes="dialog"):
            yield Label(Text(self.label), classes="dialog-title")
            if self.first_run:
                yield Static(
                    "The archive is empty, so briefroom is loading its demo corpus: "
                    "U.S. Department of State press releases (public domain) and English "
                    "Wikinews articles (CC BY 2.5). Press ? later for the full notice.",
                    classes="dialog-help",
                )
            yield ProgressBar(total=None, show_eta=False, id="ingest-bar")
            yield Static(Text("reading files..."), id="ingest-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Hide", id="ingest-hide")
                yield Button("Stop", variant="error", id="ingest-stop")

    def update_progress(self, progress: IngestProgress) -> None:
        """Show where the ingest is (called by the app for each progress message)."""
        self.progress = progress
        bar = self.query_one("#ingest-bar", ProgressBar)
        bar.update(total=max(progress.bytes_total, 1), progress=progress.bytes_done)
        name = Path(progress.current).name if progress.current else ""
        detail = (
            f"{progress.articles} articles, file {progress.files_done} of "
            f"{progress.files_total}: {name}"
        )
        self.query_one("#ingest-detail", Static).update(
            Text(detail, no_wrap=True, overflow="ellipsis")
        )

    @on(Button.Pressed, "#ingest-hide")
    def action_hide(self) -> None:
        """Keep ingesting in the background (a notification reports the end)."""
        self.dismiss(False)

    @on(Button.Pressed, "#ingest-stop")
    def _stop(self) -> None:
        self.dismiss(True)
