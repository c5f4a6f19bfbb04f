"""What every briefroom screen shares: access to the session and worker error reporting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.app import ComposeResult
from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState

from tui.widgets.nav import NavBar

if TYPE_CHECKING:
    from tui.host import BriefroomHost
    from tui.session import Session


class WorkerErrors:
    """Mixin: forward worker state changes to the app's one error handler."""

    app: Any

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.worker_failed(event)
        if event.state == WorkerState.ERROR:
            self.worker_error(event.worker.name, event.worker.error)

    def worker_error(self, name: str, error: BaseException | None) -> None:
        """A worker of this screen failed (the app has notified): undo its loading state."""


class BriefroomScreen(WorkerErrors, Screen[None]):
    """A screen of the briefroom app (a mode's base screen or a pushed one)."""

    MODE: str | None = None
    """The mode this screen is the base of (None for pushed screens)."""

    @property
    def briefroom(self) -> BriefroomHost:
        """The app, typed as what screens use of it (`tui.host`)."""
        return cast("BriefroomHost", self.app)

    @property
    def session(self) -> Session:
        """Archive home, settings, as-of date, home country."""
        return self.briefroom.session

    def compose_nav(self) -> ComposeResult:
        """The navigation bar (mode screens only)."""
        if self.MODE is not None:
            yield NavBar(self.briefroom.NAV_ITEMS, self.MODE)

    def watch_archive(self) -> None:
        """Call `archive_changed` now (when the archive is ready) and after every change."""
        self.watch(self.app, "archive_version", self._archive_version_changed, init=True)

    def _archive_version_changed(self, version: int) -> None:
        if version > 0:
            self.archive_changed()

    def archive_changed(self) -> None:
        """Reload what the screen shows from the archive (start a worker)."""


class BriefroomModal(WorkerErrors, ModalScreen[Any]):
    """A dialog of the briefroom app."""
