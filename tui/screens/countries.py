"""Countries: every country in the archive with its article count, and its profile.

The list on the left filters as you type; the highlighted country's profile (volume,
partners, people, recent events, latest stories, topics and organisations) loads in a
worker on the right.  Enter on a partner (or ``h``: our own side) opens the pair view;
Enter on any other row opens its source article.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import (
    DataTable,
    Footer,
    Input,
    Label,
    Sparkline,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import get_current_worker

from briefs.api import ProfileView, load_profile
from search.api import CountryCount, country_counts, home_code
from tui.screens.sourced import SourcedScreen
from tui.widgets.cells import (
    FlexTable,
    date_cell,
    names_cell,
    number_cell,
    source_cell,
    text_cell,
    title_cell,
)
from tui.widgets.source import SourceLine

PROFILE_DEBOUNCE_S = 0.3
"""Arrowing through the list loads a profile once the cursor rests this long."""
WIDE_AT = 120
"""From this width on the list shows ISO codes (the app's "-wide" breakpoint)."""
LIST_NARROW = [("name", "Country", None), ("articles", "Arts", 4)]
LIST_WIDE = [("name", "Country", None), ("code", "Code", 4), ("articles", "Articles", 8)]


def matches(country: CountryCount, needle: str) -> bool:
    """Whether a country fits the filter (name or code, any case)."""
    needle = needle.strip().lower()
    return not needle or needle in country.name.lower() or needle == country.code.lower()


def volume_range(volume: tuple[tuple[str, int], ...]) -> str:
    """``2021-05..2022-06, peak 4/month``."""
    if not volume:
        return "no dated articles"
    peak = max(n for _month, n in volume)
    return f"{volume[0][0]}..{volume[-1][0]}, peak {peak}/month"


def span_text(first: str | None, last: str | None) -> str:
    """``2021-05-28 to 2022-06-17`` (or ``undated``)."""
    if not first and not last:
        return "undated"
    return f"{(first or 'undated')[:10]} to {(last or 'undated')[:10]}"


def plural(n: int, noun: str) -> str:
    """``1 article``, ``2 articles``, ``3 stories``."""
    if n == 1:
        return f"1 {noun}"
    return f"{n:,} {noun[:-1] + 'ies' if noun.endswith('y') else noun + 's'}"


class CountriesScreen(SourcedScreen):
    """The countries mode."""

    MODE = "countries"
    CSS_PATH = "../styles/countries.tcss"
    SUB_TITLE = "Countries"
    AUTO_FOCUS = "#country-list"
    SOURCE_LINE = "#profile-source"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "focus_filter", "Filter", id="countries.filter"),
        Binding("h", "pair_home", "Pair with us", id="countries.pair-home"),
        Binding("right_square_bracket", "tab(1)", "Next tab", id="countries.next-tab"),
        Binding(
            "left_square_bracket", "tab(-1)", "Prev tab", show=False, id="countries.prev-tab"
        ),  # fmt: skip
        Binding("escape", "focus_list", "List", show=False, id="countries.list"),
        Binding("r", "reload", "Refresh", show=False, id="countries.refresh"),
    ]

    class CountriesLoaded(Message):
        """The country list (and our side's code) arrived."""

        def __init__(self, countries: list[CountryCount], home: str | None) -> None:
            self.countries = countries
            self.home = home
            super().__init__()

    class ProfileLoaded(Message):
        """A country's profile arrived."""

        def __init__(self, code: str, view: ProfileView) -> None:
            self.code = code
            self.view = view
            super().__init__()

    def __init__(self) -> None:
        super().__init__()
        self.countries: list[CountryCount] = []
        self.shown: list[CountryCount] = []
        """The countries the filter lets through, in list order."""
        self.home: str | None = None
        self.code: str | None = None
        """The country whose profile is shown (or loading)."""
        self.view: ProfileView | None = None
        self._wanted: str | None = None
        """A country asked for (`show_country`) before the list arrived."""
        self._focus_profile = False
        """Enter asked to move into the profile while it loads."""
        self._debounce: Timer | None = None
        self._wide = False

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield from self.compose_nav()
        with Horizontal(id="countries-body"):
            with Vertical(id="country-side"):
                yield Input(placeholder="filter: name or code", id="country-filter",
                            compact=True)  # fmt: skip
                yield FlexTable(LIST_NARROW, id="country-list", min_flex=10)
            with Vertical(id="profile"):
                yield Static(id="profile-head")
                with Horizontal(id="profile-volume", classes="volume-row"):
                    yield Label("Volume", classes="volume-label")
                    yield Sparkline([], id="profile-spark", summary_function=max)
                    yield Label("", id="profile-spark-range", classes="volume-range")
                with TabbedContent(id="profile-tabs"):
                    with TabPane("Partners", id="tab-partners"):
                        yield FlexTable(
                            [("name", "Partner", None), ("code", "Code", 4),
                             ("stories", "Stories", 7)],
                            id="partners",
                        )  # fmt: skip
                    with TabPane("People", id="tab-people"):
                        yield FlexTable(
                            [("name", "Name", None), ("role", "Role", 14),
                             ("last", "Last seen", 10), ("arts", "Arts", 4)],
                            id="people",
                            min_flex=10,
                        )  # fmt: skip
                    with TabPane("Events", id="tab-events"):
                        yield FlexTable(
                            [("date", "Date", 10), ("type", "Type", 8),
                             ("with", "With", None), ("score", "Score", 5)],
                            id="events",
                        )  # fmt: skip
                    with TabPane("Latest", id="tab-latest"):
                        yield FlexTable(
                            [("date", "Date", 10), ("title", "Title", None),
                             ("source", "Source", 12)],
                            id="profile-latest",
                        )  # fmt: skip
                    with TabPane("Topics", id="tab-topics"):
                        yield FlexTable(
                            [("kind", "Kind", 5), ("name", "Topic or organisation", None),
                             ("stories", "Stories", 7)],
                            id="profile-topics",
                        )  # fmt: skip
                yield SourceLine(id="profile-source")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#country-side").border_title = "Countries"
        self.query_one("#profile").border_title = "Profile"
        self.query_one("#country-list").loading = True
        self.query_one("#profile-head", Static).update(
            Text("Pick a country on the left.", style="dim italic")
        )
        self.watch_archive()

    def archive_changed(self) -> None:
        self._load_countries()
        if self.code is not None:
            self._load_profile(self.code)

    def action_reload(self) -> None:
        """Read the archive again."""
        if self.app.archive_version > 0:  # type: ignore[attr-defined]
            self.archive_changed()

    # ------------------------------------------------------------------ the list

    @work(thread=True, exclusive=True, group="countries-list", name="countries",
          exit_on_error=False)  # fmt: skip
    def _load_countries(self) -> None:
        countries = country_counts(self.session.home)
        home = home_code(self.session.home_country)
        if not get_current_worker().is_cancelled:
            self.post_message(self.CountriesLoaded(countries, home))

    @on(CountriesLoaded)
    def _countries_loaded(self, message: CountriesLoaded) -> None:
        self.countries = message.countries
        self.home = message.home
        self.query_one("#country-list").loading = False
        self._fill_list()
        self.refresh_bindings()
        if self._wanted is not None:
            wanted, self._wanted = self._wanted, None
            self.show_country(wanted)

    def _fill_list(self) -> None:
        table = self.query_one("#country-list", FlexTable)
        needle = self.query_one("#country-filter", Input).value
        keep = self._highlighted_code()
        self.shown = [c for c in self.countries if matches(c, needle)]
        wide = self.size.width >= WIDE_AT
        if wide != self._wide:
            table.set_columns(LIST_WIDE if wide else LIST_NARROW)
            self._wide = wide
        table.clear()
        for country in self.shown:
            cells = [
                Text(country.name, no_wrap=True, overflow="ellipsis"),
                Text(str(country.articles), justify="right"),
            ]
            if wide:
                cells.insert(1, Text(country.code, style="dim"))
            table.add_row(*cells, key=country.code)
        codes = [c.code for c in self.shown]
        if keep in codes:
            table.move_cursor(row=codes.index(keep), animate=False)
        elif codes:
            # Our own side is in almost every story (and its profile is the slowest):
            # start on the busiest other country.
            first = next((i for i, code in enumerate(codes) if code != self.home), 0)
            table.move_cursor(row=first if self.code is None else 0, animate=False)
        side = self.query_one("#country-side")
        total = len(self.countries)
        side.border_subtitle = (
            f"{len(self.shown):,} of {total:,}" if len(self.shown) != total else f"{total:,}"
        )
        if not self.shown:
            side.border_subtitle = "no match" if self.countries else "empty archive"

    def on_resize(self) -> None:
        if self.countries and (self.size.width >= WIDE_AT) != self._wide:
            self._fill_list()

    def _highlighted_code(self) -> str | None:
        table = self.query_one("#country-list", FlexTable)
        row = table.cursor_row
        if 0 <= row < len(self.shown):
            return self.shown[row].code
        return None

    @on(Input.Changed, "#country-filter")
    def _filter_changed(self) -> None:
        self._fill_list()

    @on(Input.Submitted, "#country-filter")
    def _filter_submitted(self) -> None:
        self.action_focus_list()

    @on(DataTable.RowHighlighted, "#country-list")
    def _country_highlighted(self, event: DataTable.RowHighlighted) -> None:
        code = event.row_key.value
        self._focus_profile = False  # the cursor moved on: the list keeps the focus
        if self._debounce is not None:
            self._debounce.stop()  # the cursor moved on (or back to the country shown)
            self._debounce = None
        if code and code != self.code:
            if not self.briefroom.debounce:
                self._show(code)  # the tests: at once (`BriefroomApp.debounce`)
                return
            self._debounce = self.set_timer(PROFILE_DEBOUNCE_S, lambda: self._show(code))

    @on(DataTable.RowSelected, "#country-list")
    def _country_selected(self, event: DataTable.RowSelected) -> None:
        code = event.row_key.value
        if code:
            self._show(code)
            table = self.active_table()
            if table is not None:
                table.focus()
            # Again once the profile is shown: focus asked for while it loads can be lost
            # when the loading cover goes (seen under load in the Pilot tests).
            self._focus_profile = bool(self.query_one("#profile").loading)

    def _show(self, code: str) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        if code == self.code:
            return
        self.code = code
        self.query_one("#profile").loading = True
        self._load_profile(code)

    # ------------------------------------------------------------------ the profile

    @work(thread=True, exclusive=True, group="profile", name="profile", exit_on_error=False)
    def _load_profile(self, code: str) -> None:
        view = load_profile(self.session.home, code)
        if not get_current_worker().is_cancelled:
            self.post_message(self.ProfileLoaded(code, view))

    @on(ProfileLoaded)
    def _profile_loaded(self, message: ProfileLoaded) -> None:
        if message.code != self.code:
            return  # the user has moved on
        self.query_one("#profile").loading = False
        if self._focus_profile:
            self._focus_profile = False
            table = self.active_table()
            if table is not None and self.focused is not table:
                self.call_after_refresh(table.focus)
        self.view = view = message.view
        profile = view.profile
        head = Text()
        head.append(f"{view.name} ({profile.code})", style="bold")
        head.append(
            f" · {plural(profile.articles, 'article')}, {plural(profile.stories, 'story')}\n"
        )
        head.append(
            f"{span_text(profile.first_date, profile.last_date)} · "
            f"{plural(len(profile.sources), 'source')}",
            style="dim",
        )
        self.query_one("#profile-head", Static).update(head)
        self.query_one("#profile").border_title = f"Profile: {view.name}"
        spark = self.query_one("#profile-spark", Sparkline)
        spark.data = [n for _month, n in profile.monthly_volume]
        # Sparkline draws one value (or none) as a full bar: no dated article, no bars.
        spark.display = bool(profile.monthly_volume)
        self.query_one("#profile-spark-range", Label).update(
            Text(volume_range(profile.monthly_volume))
        )
        self._fill_partners(view)
        self.fill_sourced(
            "people",
            (
                (
                    [text_cell(p.name), text_cell(p.role), date_cell(p.last_seen),
                     number_cell(p.articles)],
                    p.source,
                    0,
                )
                for p in profile.people
            ),
            empty="no people of this country found",
        )  # fmt: skip
        self.fill_sourced(
            "events",
            (
                (
                    [date_cell(e.date), text_cell(e.type.lower()),
                     names_cell([view.names.get(a, a) for a in e.actors if a != profile.code]),
                     number_cell(e.score, signed=True)],
                    e.source,
                    0,
                )
                for e in profile.recent_events
            ),
            empty="no coded events",
        )  # fmt: skip
        self.fill_sourced(
            "profile-latest",
            (
                ([date_cell(s.date), title_cell(s.title), source_cell(s.source)], s, 0)
                for s in profile.latest
            ),
            empty="no articles",
        )
        self.fill_topics_and_orgs("profile-topics", view.profile.topics, view.profile.orgs)
        self.show_source(self.active_table())
        self.refresh_bindings()

    def worker_error(self, name: str, error: BaseException | None) -> None:
        if name == "profile":
            self.query_one("#profile").loading = False
            self.code = None  # so that picking the country again retries
        elif name == "countries":
            self.query_one("#country-list").loading = False

    def _fill_partners(self, view: ProfileView) -> None:
        table = self.query_one("#partners", FlexTable)
        table.clear()
        for code, stories in view.profile.partners:
            table.add_row(
                text_cell(view.names.get(code, code)),
                Text(code, style="dim"),
                number_cell(stories),
                key=code,
            )
        if not view.profile.partners:
            table.add_row(*self._empty_row(table, "no other country in its stories"))
        table.move_cursor(row=0, animate=False)

    def empty_hint(self, table_id: str) -> str:
        return "Enter opens the source article."

    def show_source(self, table: DataTable[Text] | None) -> None:
        if table is not None and table.id == "partners":
            self.query_one(SourceLine).show(
                None, empty="Enter: what happened between the two (the pair view)."
            )
        elif table is not None and table.id == "profile-topics":
            self.query_one(SourceLine).show(
                None, empty="Enter: search this country's stories on it."
            )
        else:
            super().show_source(table)

    @on(DataTable.RowSelected, "#partners")
    def _partner_selected(self, event: DataTable.RowSelected) -> None:
        partner = event.row_key.value
        if partner and self.code and partner != "empty":
            self.open_pair(self.code, partner)

    @on(DataTable.RowSelected, "#profile-topics")
    async def _topic_selected(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value or ""
        kind, _, name = key.partition(":")
        if kind in ("topic", "org") and name and self.code:
            escaped = name.replace('"', " ")
            await self.briefroom.search_for(f'{kind}:"{escaped}"', countries=(self.code,))

    def open_pair(self, a: str, b: str) -> None:
        """Open the pair view, our side first when it is one of the two."""
        if b == self.home:
            a, b = b, a
        self.briefroom.open_pair(a, b)

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pair_home":
            if self.home is None:
                return True  # says how to set our side (issue 13: it did nothing)
            return self.code is not None and self.code != self.home
        return True

    def action_pair_home(self) -> None:
        """The pair view of the shown country with our own side."""
        if self.home is None:
            if self.countries or not self.session.home_country:  # else: still loading
                self.notify(self.briefroom.no_home_message(), title="Pair with us",
                            severity="warning", markup=False)  # fmt: skip
            return
        if self.code and self.code != self.home:
            self.briefroom.open_pair(self.home, self.code)

    def action_focus_filter(self) -> None:
        """Type to narrow the list."""
        self.query_one("#country-filter", Input).focus()

    def action_focus_list(self) -> None:
        """Back to the country list."""
        self.query_one("#country-list").focus()

    # ------------------------------------------------------------------ called by the app

    def show_country(self, code: str) -> None:
        """Select a country in the list and show its profile."""
        if not self.countries:
            self._wanted = code
            return
        filter_input = self.query_one("#country-filter", Input)
        codes = [c.code for c in self.shown]
        if code not in codes and filter_input.value:
            with filter_input.prevent(Input.Changed):
                filter_input.value = ""
            self._fill_list()
            codes = [c.code for c in self.shown]
        table = self.query_one("#country-list", FlexTable)
        if code in codes:
            table.move_cursor(row=codes.index(code), animate=False)
        self._show(code)
        table.focus()
