"""Command palette providers: app actions, recent searches, countries, meetings."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from briefs.api import MeetingRow
    from search.api import CountryCount
    from tui.host import BriefroomHost


class _BriefroomProvider(Provider):
    @property
    def briefroom(self) -> BriefroomHost:
        return cast("BriefroomHost", self.app)


class ActionCommands(_BriefroomProvider):
    """What the app can do, by name."""

    def _commands(self) -> list[tuple[str, str, Callable[[], Any]]]:
        app, host = self.app, self.briefroom
        return [
            ("Go to dashboard", "Corpus health, recent activity, latest stories",
             partial(app.run_action, "switch_mode('dashboard')")),
            ("Go to search", "Search the archive", partial(app.run_action, "focus_search")),
            ("Go to countries", "Country profiles and pair views",
             partial(app.run_action, "switch_mode('countries')")),
            ("Go to meetings", "Upcoming meetings and their briefs",
             partial(app.run_action, "switch_mode('meetings')")),
            ("Add a meeting...", "Counterpart, date in words, title, place, participants",
             partial(app.run_action, "add_meeting")),
            ("Open the briefs folder location", "Where exported briefs are written",
             partial(app.notify, str(host.session.briefs_dir), title="Briefs", markup=False)),
            ("Ingest files...", "Add a file or folder to the archive",
             partial(app.run_action, "ingest")),
            ("Toggle light/dark theme", "Switch between a light and a dark theme",
             partial(app.run_action, "toggle_theme")),
            ("Settings...", "Our side, day order, date languages, theme, keys",
             partial(app.run_action, "settings")),
            ("Help", "Keys, query syntax, data sources", partial(app.run_action, "help")),
            ("Rebuild the search index", "Re-create the index from the archive",
             host.rebuild_index),
            ("Show the archive location", "Where the archive is stored",
             partial(app.notify, str(host.session.home), title="Archive", markup=False)),
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
    """Every country in the archive: open its profile, or search its stories."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._countries: list[CountryCount] = []

    async def startup(self) -> None:
        from search.api import country_counts

        try:
            self._countries = await asyncio.to_thread(country_counts, self.briefroom.session.home)
        except Exception as exc:  # a palette must open even when the archive cannot
            self.app.log.error("country list failed", exc)
            self._countries = []

    def _search_stories(self, code: str) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            await self.briefroom.search_for(countries=(code,))

        return run

    def _profile(self, code: str) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            await self.briefroom.open_country(code)

        return run

    def _commands(
        self, country: CountryCount
    ) -> list[tuple[str, Callable[[], Awaitable[None]], str]]:
        label = f"{country.name} ({country.code})"
        return [
            (f"Country: {label}", self._profile(country.code),
             f"profile, partners, people; {country.articles} articles"),
            (f"Stories about {label}", self._search_stories(country.code),
             f"search its {country.articles} articles"),
        ]  # fmt: skip

    async def discover(self) -> Hits:
        for country in self._countries[:10]:
            name, callback, help_text = self._commands(country)[0]
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for country in self._countries:
            for name, callback, help_text in self._commands(country):
                score = matcher.match(name)
                if score > 0:
                    yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)


class MeetingCommands(_BriefroomProvider):
    """Stored meetings: open one (and its brief) on the meetings screen."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._meetings: list[MeetingRow] = []

    async def startup(self) -> None:
        from briefs.api import load_meetings

        session = self.briefroom.session
        try:
            data = await asyncio.to_thread(
                load_meetings,
                session.home,
                as_of=session.today(),
                briefs_dir=session.briefs_dir,
                home_country=session.home_country,
            )
        except Exception as exc:  # a palette must open even when the archive cannot
            self.app.log.error("meeting list failed", exc)
            return
        # Upcoming meetings first (soonest first), then past ones (latest first).
        upcoming = [row for row in data.rows if row.days_left >= 0]
        past = [row for row in reversed(data.rows) if row.days_left < 0]
        self._meetings = upcoming + past

    def _open(self, meeting_id: int) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            await self.briefroom.open_meeting(meeting_id)

        return run

    @staticmethod
    def _name(row: MeetingRow) -> str:
        from briefs.api import days_left_text

        meeting = row.meeting
        title = f" · {' '.join(meeting.title.split())}" if meeting.title else ""
        return (
            f"Meeting: {row.name}, {meeting.day:%a} {meeting.date} "
            f"({days_left_text(row.days_left)}){title}"
        )

    @staticmethod
    def _help(row: MeetingRow) -> str:
        return f"brief: {row.brief_status}"

    async def discover(self) -> Hits:
        for row in self._meetings[:5]:
            if row.meeting.id is not None:
                yield DiscoveryHit(self._name(row), self._open(row.meeting.id),
                                   help=self._help(row))  # fmt: skip

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for row in self._meetings:
            name = self._name(row)
            score = matcher.match(name)
            if score > 0 and row.meeting.id is not None:
                yield Hit(score, matcher.highlight(name), self._open(row.meeting.id), text=name,
                          help=self._help(row))  # fmt: skip
