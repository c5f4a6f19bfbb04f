"""Command palette providers: app actions, recent searches, countries in the archive."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import BriefroomApp
    from tui.screens.data import CountryCount


class _BriefroomProvider(Provider):
    @property
    def briefroom(self) -> BriefroomApp:
        return cast("BriefroomApp", self.app)


class ActionCommands(_BriefroomProvider):
    """What the app can do, by name."""

    def _commands(self) -> list[tuple[str, str, Callable[[], Any]]]:
        app = self.briefroom
        return [
            ("Go to dashboard", "Corpus health, recent activity, latest stories",
             partial(app.run_action, "switch_mode('dashboard')")),
            ("Go to search", "Search the archive", partial(app.run_action, "focus_search")),
            ("Ingest files...", "Add a file or folder to the archive",
             partial(app.run_action, "ingest")),
            ("Toggle light/dark theme", "Switch between a light and a dark theme",
             partial(app.run_action, "toggle_theme")),
            ("Help", "Keys, query syntax, data sources", partial(app.run_action, "help")),
            ("Rebuild the search index", "Re-create the index from the archive",
             app.rebuild_index),
            ("Show the archive location", "Where the archive is stored",
             partial(app.notify, str(app.session.home), title="Archive", markup=False)),
        ]  # fmt: skip

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)


class RecentSearchCommands(_BriefroomProvider):
    """Searches run in this session, most recent first."""

    def _run(self, index: int) -> Callable[[], Awaitable[None]]:
        search = self.briefroom.recent_searches[index]

        async def run() -> None:
            await self.briefroom.search_for(
                search.query, countries=search.countries, since=search.since, until=search.until
            )

        return run

    async def discover(self) -> Hits:
        for index, search in enumerate(self.briefroom.recent_searches[:8]):
            yield DiscoveryHit(f"Search again: {search.label()}", self._run(index))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for index, search in enumerate(self.briefroom.recent_searches):
            name = f"Search again: {search.label()}"
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), self._run(index), text=name)


class CountryCommands(_BriefroomProvider):
    """Every country in the archive: search its stories."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._countries: list[CountryCount] = []

    async def startup(self) -> None:
        from tui.screens.data import country_counts

        try:
            self._countries = await asyncio.to_thread(country_counts, self.briefroom.session.home)
        except Exception as exc:  # a palette must open even when the archive cannot
            self.app.log.error("country list failed", exc)
            self._countries = []

    def _run(self, code: str) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            await self.briefroom.search_for(countries=(code,))

        return run

    def _name(self, country: CountryCount) -> str:
        return f"Country: {country.name} ({country.code})"

    async def discover(self) -> Hits:
        for country in self._countries[:10]:
            yield DiscoveryHit(
                self._name(country), self._run(country.code), help=f"{country.articles} articles"
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for country in self._countries:
            name = self._name(country)
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    self._run(country.code),
                    text=name,
                    help=f"{country.articles} articles",
                )
