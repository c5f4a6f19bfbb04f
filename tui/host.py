"""What the screens, widgets and palette providers use of the app (`BriefroomHost`).

They type ``self.app`` as this protocol instead of importing `tui.app.BriefroomApp`:
the app imports the screens and the providers, so importing it back (even under
``TYPE_CHECKING`` or inside a function) would close an import circle
(`tests/test_architecture.py`).  `BriefroomApp` implements it; Textual's own `App`
members (``notify``, ``push_screen``, ``theme``) are reached through ``self.app``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

if TYPE_CHECKING:
    from textual.binding import BindingType
    from textual.worker import Worker

    from tui.config import Config
    from tui.session import SavedSearch, Session


class BriefroomHost(Protocol):
    """The briefroom app as its screens and commands see it."""

    NAV_ITEMS: ClassVar[tuple[tuple[str, str, str], ...]]
    """The modes in the navigation bar: (mode, label, key)."""

    session: Session
    """Archive home, settings, as-of date, home country."""
    recent_searches: list[SavedSearch]
    """Searches run in this session, most recent first (the command palette's)."""
    debounce: bool
    """Whether screens debounce their inputs (False in the Pilot tests)."""
    config_file: Path
    """Where the settings screen saves."""
    archive_version: int
    """Bumped when the archive is ready and after every change (screens reload on it)."""

    async def search_for(
        self,
        query: str = "",
        *,
        countries: Sequence[str] = (),
        since: str = "",
        until: str = "",
        exclude: Sequence[str] = (),
    ) -> None:
        """Show the search screen with this search filled in and run."""
        ...

    def open_article(self, article_id: str, *, terms: Sequence[str] = ()) -> None:
        """Open the article reader over the current screen."""
        ...

    async def open_country(self, code: str) -> None:
        """Show a country's profile on the countries screen."""
        ...

    def open_pair(self, a: str, b: str) -> None:
        """Open the pair view of two countries (ISO codes) over the current screen."""
        ...

    async def open_meeting(self, meeting_id: int) -> None:
        """Show a stored meeting (and its brief) on the meetings screen."""
        ...

    def meetings_changed(self) -> None:
        """Meetings or brief files changed: screens showing them reload."""
        ...

    def remember_search(self, search: SavedSearch) -> None:
        """Keep a search for the command palette (most recent first)."""
        ...

    def rebuild_index(self) -> Worker[None]:
        """Rebuild the Whoosh index from the store (a worker)."""
        ...

    def settings_key(self) -> str:
        """The keys that open the settings, as shown to the user."""
        ...

    def no_home_message(self) -> str:
        """What a view that needs our side says when there is none: how to set it."""
        ...

    def apply_config(self, config: Config, *, saved_to: Path | None = None) -> None:
        """Use new settings now: theme, keys, our side."""
        ...

    def binding_sources(self) -> list[tuple[str, list[BindingType]]]:
        """Every key binding, by where it applies (the help screen's Keys tab)."""
        ...

    def binding_ids(self) -> Collection[str]:
        """Every binding id a keymap may remap (imports every screen: call it in a worker)."""
        ...
