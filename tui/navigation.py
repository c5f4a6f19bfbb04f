"""Moving between the app's modes and the screens pushed over them (`Navigation`, a part of
`tui.app.BriefroomApp`): what the command palette, the screens' links and the keys call."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from textual.screen import ModalScreen

if TYPE_CHECKING:
    from textual.app import App

    from tui.screens.search import SearchScreen

    _Base = App[None]
else:
    _Base = object


def is_screen(screen: object, module: str, name: str) -> bool:
    """``isinstance`` for a screen class that may not be imported yet (then it is not)."""
    loaded = sys.modules.get(module)
    return loaded is not None and isinstance(screen, getattr(loaded, name))


class Navigation(_Base):
    """Mixin of `tui.app.BriefroomApp`: show a mode, a search, an article, a country, a
    pair or a meeting, closing what is in the way (help, screens pushed over a mode)."""

    async def action_focus_search(self) -> None:
        """Go to the search screen and put the cursor in the query box."""
        screen = await self._show_search()
        screen.focus_query()

    async def _show_search(self) -> SearchScreen:
        from tui.screens.search import SearchScreen

        if is_screen(self.screen, "tui.screens.help", "HelpScreen"):
            await self.pop_screen()
        if self.current_mode != "search":
            await self.switch_mode("search")
        while not isinstance(self.screen, SearchScreen) and len(self.screen_stack) > 1:
            await self.pop_screen()
        assert isinstance(self.screen, SearchScreen)
        return self.screen

    async def search_for(
        self,
        query: str = "",
        *,
        countries: Sequence[str] = (),
        since: str = "",
        until: str = "",
        exclude: Sequence[str] = (),
    ) -> None:
        """Show the search screen with this search filled in and run (``exclude``: article
        ids left out of its results, e.g. the article whose related stories are asked for)."""
        screen = await self._show_search()
        screen.apply_search(
            query, countries=tuple(countries), since=since, until=until, exclude=tuple(exclude)
        )

    def open_article(self, article_id: str, *, terms: Sequence[str] = ()) -> None:
        """Open the article reader over the current screen."""
        from tui.screens.article import ArticleScreen

        self.push_screen(ArticleScreen(article_id, terms=tuple(terms)))

    async def _show_mode(self, mode: str) -> Any:
        """Show a mode's base screen (closing help and anything pushed over it)."""
        if is_screen(self.screen, "tui.screens.help", "HelpScreen"):
            await self.pop_screen()
        if self.current_mode != mode:
            await self.switch_mode(mode)
        while len(self.screen_stack) > 1 and not isinstance(self.screen, ModalScreen):
            if getattr(self.screen, "MODE", None) == mode:
                break
            await self.pop_screen()
        return self.screen

    async def open_country(self, code: str) -> None:
        """Show a country's profile on the countries screen."""
        screen = await self._show_mode("countries")
        if is_screen(screen, "tui.screens.countries", "CountriesScreen"):
            screen.show_country(code)

    def open_pair(self, a: str, b: str) -> None:
        """Open the pair view of two countries (ISO codes) over the current screen."""
        from tui.screens.pair import PairScreen

        self.push_screen(PairScreen(a, b))

    async def open_meeting(self, meeting_id: int) -> None:
        """Show a stored meeting (and its brief) on the meetings screen."""
        screen = await self._show_mode("meetings")
        if is_screen(screen, "tui.screens.meetings", "MeetingsScreen"):
            screen.select_meeting(meeting_id)

    async def action_add_meeting(self) -> None:
        """Go to the meetings screen and open the add-meeting form."""
        screen = await self._show_mode("meetings")
        if is_screen(screen, "tui.screens.meetings", "MeetingsScreen"):
            screen.action_add()
