"""The briefroom terminal workspace: one Textual App, a screen per mode.

Modes (a stack of screens each) are the top-level places: the dashboard, search,
countries (profiles; the pair view is pushed over it) and meetings (with the brief
builder); each is a screen file plus one `MODES` / `NAV_ITEMS` entry.  The article
reader, help and the dialogs are pushed on top of whichever mode is showing.

All archive work (SQLite, Whoosh) runs in thread workers that open their own archive;
results come back as messages.  Worker failures reach the user through
`BriefroomApp.worker_failed`, as notifications.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.message import Message
from textual.reactive import var
from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState, get_current_worker

from search.api import OpenReport, check_archive
from tui.bidi_filter import BidiFilter
from tui.commands import ActionCommands, CountryCommands, MeetingCommands, RecentSearchCommands
from tui.config import Config, config_home, config_path, data_home
from tui.navigation import Navigation
from tui.screens.dashboard import DashboardScreen
from tui.session import SavedSearch, Session
from tui.widgets.nav import NavBar
from tui.worker_errors import WORKER_TITLES, describe_error

if TYPE_CHECKING:
    from search.api import Extractor, IngestProgress, IngestReport
    from tui.screens.ingest import IngestProgressScreen

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"
MAX_RECENT_SEARCHES = 20


def _lazy_screen(module: str, name: str) -> Callable[[], Screen[Any]]:
    """A mode's screen, imported when the mode is first shown (a faster first paint)."""

    def make() -> Screen[Any]:
        screen_class = getattr(importlib.import_module(module), name)
        return cast("Screen[Any]", screen_class())

    return make


class IngestCancelled(Exception):
    """The user stopped an ingest (raised from the progress callback)."""


@dataclass
class _IngestJob:
    label: str
    first_run: bool = False
    screen: IngestProgressScreen | None = field(default=None, repr=False)


class BriefroomApp(Navigation, App[None]):
    """The briefroom workspace."""

    TITLE = "briefroom"
    CSS_PATH = "styles/app.tcss"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {
        ActionCommands,
        RecentSearchCommands,
        CountryCommands,
        MeetingCommands,
    }
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (120, "-wide")]
    MODES: ClassVar[dict[str, Any]] = {
        "dashboard": DashboardScreen,
        "search": _lazy_screen("tui.screens.search", "SearchScreen"),
        "countries": _lazy_screen("tui.screens.countries", "CountriesScreen"),
        "meetings": _lazy_screen("tui.screens.meetings", "MeetingsScreen"),
    }
    NAV_ITEMS: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("dashboard", "Dashboard", "1"),
        ("search", "Search", "2"),
        ("countries", "Countries", "3"),
        ("meetings", "Meetings", "4"),
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("slash", "focus_search", "Search", id="app.search"),
        Binding("i", "ingest", "Ingest", id="app.ingest"),
        # In the help screen and the command palette; the footer is full at 80 columns.
        Binding("comma,f6", "settings", "Settings", show=False, id="app.settings"),
        Binding("1,f2", "switch_mode('dashboard')", "Dashboard", show=False, id="app.dashboard"),
        Binding(
            "2,f3", "switch_mode('search')", "Search screen", show=False, id="app.search-screen"
        ),
        Binding("3,f4", "switch_mode('countries')", "Countries", show=False, id="app.countries"),
        Binding("4,f5", "switch_mode('meetings')", "Meetings", show=False, id="app.meetings"),
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False, id="app.toggle-theme"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit"),
    ]

    archive_version: var[int] = var(0)
    """Bumped when the archive is ready and after every change (screens reload on it)."""
    meetings_version: var[int] = var(0)
    """Bumped when meetings or brief files change (the dashboard reloads on it)."""

    def __init__(
        self,
        home: Path,
        config: Config | None = None,
        *,
        as_of: date | None = None,
        home_country: str | None = None,
        first_run_corpus: Path | None = None,
        extractor: Extractor | None = None,
        briefs_dir: Path | None = None,
        templates_dir: Path | None = None,
        config_file: Path | None = None,
        ask_home_country: bool = False,
        debounce: bool = True,
    ) -> None:
        """Build the app around an archive.

        Args:
            home: The archive folder (created when missing).
            config: User settings (defaults when None).
            as_of: "Today" for relative dates; None for the real today.
            home_country: Our side (defaults to the config's).
            first_run_corpus: What to load into an empty archive (default: the bundled
                demo corpus).
            extractor: The ingest extract stage (default: `search.extract`'s); tests
                inject a fixed one.
            briefs_dir: Where briefs are exported (default: ``home/briefs``).
            templates_dir: The user's Markdown templates (default: ``templates/`` in the
                config folder, used when it holds a ``brief.md``).
            config_file: Where the settings screen saves (default:
                `tui.config.config_path`).
            ask_home_country: Ask for our side once the archive is ready (first start:
                `run_app` sets it when neither the settings nor ``--home`` give one).
            debounce: Wait for a pause in typing or cursor moves before searching,
                loading a profile or checking a form (each screen's own delay); False
                acts on every change at once (the Pilot tests, which then wait for the
                worker's result instead of for the pause).
        """
        super().__init__()
        config = config or Config()
        self.session = Session(
            home,
            config,
            as_of,
            home_country or config.home_country,
            briefs_dir or home / "briefs",
            templates_dir,
        )
        self.first_run_corpus = first_run_corpus
        self.extractor = extractor
        self.recent_searches: list[SavedSearch] = []
        self._ingest_job: _IngestJob | None = None
        if config.keymap:
            self.set_keymap(config.keymap)
        self._bidi_filter = BidiFilter()
        self.config_file = config_file or config_path()
        self._ask_home_country = ask_home_country and not self.session.home_country
        self.debounce = debounce
        """Whether screens debounce their inputs (see ``__init__``)."""

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then `BidiFilter`."""
        return [*super().get_line_filters(), self._bidi_filter]

    # ------------------------------------------------------------------ lifecycle

    def on_mount(self) -> None:
        """Apply the theme, show the dashboard, open the archive in a worker."""
        theme = self.session.config.theme
        if theme in self.available_themes:
            self.theme = theme
        else:
            self.notify(
                f"unknown theme {theme!r} in the settings; using {DARK_THEME}",
                severity="warning",
                markup=False,
            )
            self.theme = DARK_THEME
        self.switch_mode("dashboard")
        from search.api import keep_connections

        # Screens and searches open the store each time: a team store's connections are
        # kept for reuse instead of made anew (a file store is unaffected).
        keep_connections()
        # After the first frame: the worker's imports (Whoosh, the gazetteer) and SQLite
        # work would otherwise compete with the first paint for the GIL.
        self.call_after_refresh(self._open_archive)

    def on_unmount(self) -> None:
        """Close the team store connections kept while running."""
        from search.api import keep_connections

        keep_connections(False)

    class ArchiveOpened(Message):
        """The archive was opened (and its index checked)."""

        def __init__(self, report: OpenReport) -> None:
            self.report = report
            super().__init__()

    @work(thread=True, exclusive=True, group="archive", name="open-archive", exit_on_error=False)
    def _open_archive(self) -> None:
        report = check_archive(self.session.home)
        if not get_current_worker().is_cancelled:
            self.post_message(self.ArchiveOpened(report))

    @on(ArchiveOpened)
    def _archive_opened(self, message: ArchiveOpened) -> None:
        for notice in message.report.notices:
            self.notify(notice, title="Search index", severity="warning", markup=False)
        if message.report.articles == 0:
            self.start_ingest(
                [self.first_run_corpus or _sample_corpus()],
                label="First run: loading the demo corpus",
                first_run=True,
            )
        else:
            self.archive_version += 1

    # ------------------------------------------------------------------ worker errors

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Workers started by the app itself."""
        self.worker_failed(event)

    def worker_failed(self, event: Worker.StateChanged) -> None:
        """The one place worker failures become notifications (screens forward here)."""
        worker = event.worker
        if event.state != WorkerState.ERROR:
            return
        error = worker.error
        title = WORKER_TITLES.get(worker.name, "Something went wrong")
        self.log.error(f"worker {worker.name!r} failed", error)
        self.notify(describe_error(error), title=title, severity="error", timeout=10, markup=False)
        if worker.name == "ingest":
            self._ingest_finished()
            if self.archive_version == 0:
                self.archive_version += 1  # show what there is, even after a failed first run

    # ------------------------------------------------------------------ ingest

    class IngestProgressed(Message):
        """An ingest run moved on."""

        def __init__(self, progress: IngestProgress) -> None:
            self.progress = progress
            super().__init__()

    class IngestDone(Message):
        """An ingest run finished."""

        def __init__(self, report: IngestReport | None, cancelled: bool = False) -> None:
            self.report = report
            self.cancelled = cancelled
            super().__init__()

    def start_ingest(self, paths: Sequence[Path], *, label: str, first_run: bool = False) -> None:
        """Ingest files or folders in a worker, showing a progress dialog."""
        if self._ingest_job is not None:
            self.notify("an ingest is already running", severity="warning")
            return
        from tui.screens.ingest import IngestProgressScreen

        screen = IngestProgressScreen(label, first_run=first_run)
        self._ingest_job = _IngestJob(label, first_run, screen)
        self.push_screen(screen, self._progress_closed)
        self._ingest(list(paths))

    def _progress_closed(self, stop: bool | None) -> None:
        job = self._ingest_job
        if job is not None:
            job.screen = None
            if stop:
                for worker in self.workers:
                    if worker.group == "ingest":
                        worker.cancel()
                self.notify("stopping the ingest after the current batch")

    @work(thread=True, exclusive=True, group="ingest", name="ingest", exit_on_error=False)
    def _ingest(self, paths: list[Path]) -> None:
        from search.api import ingest

        worker = get_current_worker()

        def progress(p: IngestProgress) -> None:
            if worker.is_cancelled:
                raise IngestCancelled
            self.post_message(self.IngestProgressed(p))

        try:
            report = ingest(self.session.home, paths, progress=progress, extractor=self.extractor)
        except IngestCancelled:
            self.post_message(self.IngestDone(None, cancelled=True))
            return
        self.post_message(self.IngestDone(report))

    @on(IngestProgressed)
    def _ingest_progressed(self, message: IngestProgressed) -> None:
        job = self._ingest_job
        if job is not None and job.screen is not None:
            job.screen.update_progress(message.progress)

    @on(IngestDone)
    def _ingest_done(self, message: IngestDone) -> None:
        from tui.screens.ingest import ingest_notices

        job = self._ingest_finished()
        first_run = job is not None and job.first_run
        for notice in ingest_notices(message.report, first_run=first_run,
                                     cancelled=message.cancelled):  # fmt: skip
            self.notify(notice.message, title=notice.title, severity=notice.severity,
                        timeout=notice.timeout, markup=False)  # fmt: skip
        self.archive_version += 1

    def _ingest_finished(self) -> _IngestJob | None:
        job, self._ingest_job = self._ingest_job, None
        if job is not None and job.screen is not None and job.screen is self.screen:
            job.screen.dismiss(False)
        return job

    @property
    def ingest_running(self) -> bool:
        """Whether an ingest worker is running."""
        return self._ingest_job is not None

    # ------------------------------------------------------------------ index

    class IndexRebuilt(Message):
        """The index was rebuilt from the store."""

        def __init__(self, documents: int) -> None:
            self.documents = documents
            super().__init__()

    @work(thread=True, exclusive=True, group="ingest", name="rebuild-index", exit_on_error=False)
    def rebuild_index(self) -> None:
        """Rebuild the Whoosh index from the store (a worker)."""
        from search.api import rebuild_index

        written = rebuild_index(self.session.home, wait=5.0)
        self.post_message(self.IndexRebuilt(written))

    @on(IndexRebuilt)
    def _index_rebuilt(self, message: IndexRebuilt) -> None:
        self.notify(f"search index rebuilt: {message.documents} documents")
        self.archive_version += 1

    # ------------------------------------------------------------------ actions

    _MODAL_BLOCKED: ClassVar[frozenset[str]] = frozenset(
        {"help", "focus_search", "ingest", "switch_mode", "add_meeting", "settings"}
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dialogs stay on top: navigation waits until they are closed."""
        if action in self._MODAL_BLOCKED and isinstance(self.screen, ModalScreen):
            return False
        return True

    def action_help(self) -> None:
        """Show the keys, the query syntax and the data notice."""
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def binding_sources(self) -> list[tuple[str, list[BindingType]]]:
        """Every key binding, by where it applies (the help screen's Keys tab)."""
        from tui.keys import binding_sources

        return binding_sources(self.BINDINGS)

    def binding_ids(self) -> set[str]:
        """Every binding id a keymap may remap (imports every screen: call it in a worker)."""
        from tui.keys import binding_ids

        return binding_ids(self.BINDINGS)

    def action_ingest(self) -> None:
        """Ask for a file or folder and ingest it."""
        if self.ingest_running:
            self.notify("an ingest is already running", severity="warning")
            return

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.start_ingest([path], label=f"Ingesting {path}")

        from tui.screens.ingest import IngestDialog

        self.push_screen(IngestDialog(), chosen)

    # ------------------------------------------------------------------ settings

    def action_settings(self) -> None:
        """Open the settings (our side, dates, theme, keys)."""
        from tui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def settings_key(self) -> str:
        """The keys that open the settings, as shown to the user (", or F6")."""
        from tui.config_write import key_problem

        keys = self._keymap.get("app.settings") or "comma,f6"
        shown = [
            self.get_key_display(Binding(key.strip(), "settings"))
            for key in keys.split(",")
            if key.strip() and key_problem(key.strip()) is None
        ]
        return " or ".join(shown) or "ctrl+p, Settings"

    def no_home_message(self) -> str:
        """What a view that needs our side says when there is none: how to set it."""
        key = self.settings_key()
        home = self.session.home_country
        if home:
            return f"our side {home!r} is not a known country: choose it in Settings ({key})"
        return f"no home country set: choose our side in Settings (press {key})"

    def apply_config(self, config: Config, *, saved_to: Path | None = None) -> None:
        """Use new settings now: theme, keys, our side; screens that depend on them reload.

        Args:
            config: The settings (as saved).
            saved_to: The file they were saved in (said in a notification), if any.
        """
        old = self.session
        home = old.home_country
        if config.home_country != old.config.home_country:
            home = config.home_country  # chosen now: it replaces a --home of this run
        self.session = replace(old, config=config, home_country=home)
        if config.theme != old.config.theme:
            if config.theme in self.available_themes:
                self.theme = config.theme
            else:
                self.notify(f"unknown theme {config.theme!r}; keeping {self.theme}",
                            severity="warning", markup=False)  # fmt: skip
        if config.keymap != old.config.keymap:
            self.set_keymap(config.keymap)  # Textual rebinds at once
        before = (old.home_country, old.config.day_order, old.config.languages)
        reload = (home, config.day_order, config.languages) != before
        if reload and self.archive_version > 0:
            self.archive_version += 1  # screens reload with the new side and dates
        self.refresh_bindings()
        if saved_to is not None:
            side = f"our side: {home}" if home else "no side set"
            self.notify(f"{side}; saved in {saved_to}", title="Settings saved", markup=False)

    class SettingsSaved(Message):
        """Settings were written (``error``: they could not be; ``config`` applies anyway)."""

        def __init__(self, config: Config, path: Path, error: str | None = None) -> None:
            self.config = config
            self.path = path
            self.error = error
            super().__init__()

    def watch_archive_version(self, version: int) -> None:
        """The archive is ready for the first time: ask for our side if this is a first start."""
        if version > 0 and self._ask_home_country:
            self._ask_home_country = False
            from tui.screens.first_run import CountryPicker

            self.push_screen(CountryPicker(welcome=True), self._home_chosen)

    def _home_chosen(self, code: str | None) -> None:
        if code is None:
            self.notify(
                "pair views and briefs need our side: " + self.no_home_message(),
                title="No side chosen", timeout=10, markup=False,
            )  # fmt: skip
            return
        from search.api import country_name

        self._save_home(country_name(code))

    @work(thread=True, exclusive=True, group="settings-save", name="settings-save",
          exit_on_error=False)  # fmt: skip
    def _save_home(self, name: str) -> None:
        from tui.config import ConfigError
        from tui.config_write import save_settings

        path = self.config_file
        try:
            config = save_settings({"home_country": name}, path)
        except ConfigError as exc:
            config = replace(self.session.config, home_country=name)
            self.post_message(self.SettingsSaved(config, path, str(exc)))
            return
        self.post_message(self.SettingsSaved(config, path))

    @on(SettingsSaved)
    def _settings_saved(self, message: SettingsSaved) -> None:
        if message.error is None:
            self.apply_config(message.config, saved_to=message.path)
            return
        self.apply_config(message.config)
        self.notify(f"{message.error}; our side is {message.config.home_country} until you quit",
                    title="Settings not saved", severity="error", timeout=10,
                    markup=False)  # fmt: skip

    def action_toggle_theme(self) -> None:
        """Switch between a light and a dark theme."""
        configured = self.session.config.theme
        configured_dark = self.get_theme(configured)
        if self.current_theme.dark:
            usable = configured_dark is not None and not configured_dark.dark
            self.theme = configured if usable else LIGHT_THEME
        else:
            usable = configured_dark is not None and configured_dark.dark
            self.theme = configured if usable else DARK_THEME

    def meetings_changed(self) -> None:
        """Meetings or brief files changed: screens showing them reload."""
        self.meetings_version += 1

    def remember_search(self, search: SavedSearch) -> None:
        """Keep a search for the command palette (most recent first)."""
        if search == SavedSearch():
            return
        if search in self.recent_searches:
            self.recent_searches.remove(search)
        self.recent_searches.insert(0, search)
        del self.recent_searches[MAX_RECENT_SEARCHES:]

    @on(NavBar.Navigate)
    def _navigate(self, message: NavBar.Navigate) -> None:
        if message.mode != self.current_mode:
            self.switch_mode(message.mode)


def _sample_corpus() -> Path:
    from search.api import sample_corpus

    return sample_corpus()


def run_app(config: Config, *, home_country: str | None, as_of: date | None) -> None:
    """Open the workspace on the user's archive (`tui.config.data_home`)."""
    BriefroomApp(
        data_home(),
        config,
        as_of=as_of,
        home_country=home_country,
        templates_dir=config_home() / "templates",
        config_file=config_path(),
        ask_home_country=not (home_country or config.home_country),
    ).run()
