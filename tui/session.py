"""What every screen knows about this run of the app, and the searches the user ran."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tui.config import Config


@dataclass(frozen=True, slots=True)
class Session:
    """What every screen needs to know about this run of the app.

    Attributes:
        home: The archive folder.
        config: User settings.
        as_of: "Today" for relative dates (None: the real today).
        home_country: Our side in pair summaries and briefs.
        briefs_dir: Where briefs are exported (default: ``briefs/`` in the archive folder,
            as `briefroom brief` writes them).
        templates_dir: The user's Markdown templates (None: the bundled ones only).
    """

    home: Path
    config: Config
    as_of: date | None = None
    home_country: str | None = None
    briefs_dir: Path = Path("briefs")
    templates_dir: Path | None = None

    def today(self) -> date:
        """The as-of date, else the real today."""
        return self.as_of or date.today()


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """A search the user ran, for the command palette."""

    query: str = ""
    countries: tuple[str, ...] = ()
    since: str = ""
    until: str = ""

    def label(self) -> str:
        """One line describing the search."""
        parts = [self.query] if self.query else []
        if self.countries:
            parts.append("country: " + ", ".join(self.countries))
        if self.since:
            parts.append(f"since {self.since}")
        if self.until:
            parts.append(f"until {self.until}")
        return "; ".join(parts) or "everything"
