"""Search: live query, filters, results and a highlighted preview.

Typing re-runs the search after a short pause (debounce); each search runs in an
exclusive thread worker and its results are tagged with the request, so results of
an older request that arrive late are dropped.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.suggester import SuggestFromList
from textual.timer import Timer
from textual.widgets import Button, DataTable, Footer, Input, Label
from textual.worker import get_current_worker

from search.api import (
    Hit,
    QueryError,
    SearchRequest,
    SearchResult,
    country_counts,
    country_name,
    search_archive,
)
from tui.screens.base import BriefroomScreen
from tui.widgets.cells import (
    FlexTable,
    copies_cell,
    countries_cell,
    date_cell,
    source_cell,
    title_cell,
)
from tui.widgets.preview import HitPreview
from tui.widgets.status import StatusLine

PAGE_SIZE = 30
DEBOUNCE_S = 0.25
SORTS = ("relevance", "date")
SOURCE_GROWS = {"source": (0.35, 30)}
"""The source column widens with the table, up to 30 (whole publisher names at 160)."""
EMPTY_ARCHIVE = (
    "No articles yet. Add some with Ingest, or `briefroom ingest PATH`; "
    "a long ingest becomes searchable batch by batch."
)
"""The preview's empty state when nothing is searchable yet (`SearchResult.archive_empty`)."""


def split_countries(value: str) -> tuple[str, ...]:
    """``"Norway, USA"`` -> ``("Norway", "USA")``."""
    return tuple(part.strip() for part in value.split(",") if part.strip())


class SearchScreen(BriefroomScreen):
    """The search mode."""

    MODE = "search"
    CSS_PATH = "../styles/search.tcss"
    SUB_TITLE = "Search"
    AUTO_FOCUS = "#query"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "more", "More", id="search.more"),
        Binding("ctrl+o", "toggle_sort", "Sort", id="search.toggle-sort"),
        Binding("ctrl+y", "use_suggestion", "Did you mean", id="search.use-suggestion"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
        Binding("escape", "focus_query", "Query", show=False, id="search.query"),
        Binding("ctrl+l", "clear", "Clear", show=False, id="search.clear"),
    ]

    sort: reactive[str] = reactive("relevance")

    class ResultsReady(Message):
        """A search finished."""

        def __init__(self, request: SearchRequest, result: SearchResult) -> None:
            self.request = request
            self.result = result
            super().__init__()

    class SearchFailed(Message):
        """A search could not run (a filter the user must fix, or no index yet)."""

        def __init__(self, request: SearchRequest, reason: str, field: str | None) -> None:
            self.request = request
            self.reason = reason
            self.field = field
            super().__init__()

    class CountriesLoaded(Message):
        """Country names for the country filter's completion."""

        def __init__(self, names: list[str]) -> None:
            self.names = names
            super().__init__()

    def __init__(self) -> None:
        super().__init__()
        self.request: SearchRequest | None = None
        """The current search (page 1); results of any other request are dropped."""
        self.result: SearchResult | None = None
        """The last result page that arrived for the current search."""
        self.hits: list[Hit] = []
        """Every hit shown (pages appended by "more")."""
        self.error: str | None = None
        self._page = 1
        self._loading_more = False
        self._debounce: Timer | None = None
        self._exclude: tuple[SearchRequest, frozenset[str]] | None = None

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield from self.compose_nav()
        with Horizontal(id="query-row"):
            yield Label("Search", classes="filter-label", id="query-label")
            yield Input(
                placeholder='words, "a phrase", country:Norway, since:"last year"',
                id="query",
                compact=True,
            )
        with Horizontal(id="filters"):
            yield Label("Country", classes="filter-label")
            # Placeholders read as examples ("e.g."), dim and italic (search.tcss): an
            # empty filter must not look like an active one.
            yield Input(placeholder="e.g. Norway", id="country", compact=True)
            yield Label("Since", classes="filter-label")
            yield Input(placeholder="e.g. 2021-06", id="since", compact=True)
            yield Label("Until", classes="filter-label")
            yield Input(placeholder="e.g. 2022-05", id="until", compact=True)
            yield Button("Sort: relevance", id="sort", compact=True)
        yield StatusLine(id="status")
        with Horizontal(id="search-body"):
            yield FlexTable(
                [
                    ("date", "Date", 10),
                    ("title", "Title", None),
                    ("source", "Source", 12),
                    ("countries", "Countries", 11),
                    ("copies", "×", 3),
                ],
                id="results",
                grow=SOURCE_GROWS,
            )
            yield HitPreview(id="preview", country_name=country_name)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#preview").border_title = "Preview"
        self.query_one("#results").border_title = "Results"
        self.watch_archive()

    def archive_changed(self) -> None:
        self._load_countries()
        self._search_now(force=True)

    # ------------------------------------------------------------------ requests

    def build_request(self) -> SearchRequest:
        """The search the inputs describe (read on the UI thread)."""
        return SearchRequest(
            query=self.query_one("#query", Input).value.strip(),
            countries=split_countries(self.query_one("#country", Input).value),
            since=self.query_one("#since", Input).value.strip() or None,
            until=self.query_one("#until", Input).value.strip() or None,
            limit=PAGE_SIZE,
            page=1,
            sort=self.sort,
            as_of=self.session.as_of,
        )

    def _search_now(self, *, force: bool = False) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        if self.app.archive_version == 0:  # type: ignore[attr-defined]
            return  # the archive is not open yet; archive_changed will search
        request = self.build_request()
        if request == self.request and not force:
            return
        self.request = request
        self._page = 1
        self._loading_more = False
        if self.result is None and not self.error:
            self.query_one(StatusLine).update("Searching...")
        self._search(request)

    def _schedule(self) -> None:
        if not self.briefroom.debounce:
            self._search_now()  # the tests: at once (`BriefroomApp.debounce`)
            return
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_S, self._search_now)

    @work(thread=True, exclusive=True, group="search", name="search", exit_on_error=False)
    def _search(self, request: SearchRequest) -> None:
        from search.api import IndexUnavailable

        worker = get_current_worker()
        try:
            config = self.session.config
            result = search_archive(self.session.home, request, languages=config.languages,
                                    day_order=config.day_order)  # fmt: skip
        except QueryError as exc:
            if not worker.is_cancelled:
                self.post_message(
                    self.SearchFailed(request, _readable(str(exc)), _INPUT_FOR_FIELD.get(exc.field))
                )
            return
        except IndexUnavailable as exc:
            if not worker.is_cancelled:
                self.post_message(
                    self.SearchFailed(request, f"search index not ready: {exc}", None)
                )
            return
        if not worker.is_cancelled:
            self.post_message(self.ResultsReady(request, result))

    def _excluded(self, request: SearchRequest) -> frozenset[str]:
        """The ids left out of ``request``'s results (see `apply_search`)."""
        if self._exclude is None:
            return frozenset()
        asked, ids = self._exclude
        return ids if replace(request, page=1) == asked else frozenset()

    def _is_current(self, request: SearchRequest) -> bool:
        return self.request is not None and replace(request, page=1) == self.request

    @on(ResultsReady)
    def _results_ready(self, message: ResultsReady) -> None:
        if not self._is_current(message.request):
            return  # a stale result: the user has typed since
        result = message.result
        excluded = self._excluded(message.request)
        if excluded:
            # The excluded article matches its own related search: one story fewer.
            kept = tuple(hit for hit in result.hits if hit.id not in excluded)
            result = replace(result, hits=kept, total=max(0, result.total - len(excluded)))
        table = self.query_one("#results", FlexTable)
        self.error = None
        for widget_id in ("#country", "#since", "#until"):
            self.query_one(widget_id).remove_class("-invalid")
        append = message.request.page > 1
        if append:
            if message.request.page != self._page + 1:
                return
            self._page = message.request.page
            self._loading_more = False
            known = {hit.id for hit in self.hits}
            new = [hit for hit in result.hits if hit.id not in known]
            self.hits.extend(new)
            for hit in new:
                self._add_row(table, hit)
        else:
            self.hits = list(result.hits)
            table.clear()
            for hit in self.hits:
                self._add_row(table, hit)
            if self.hits:
                table.move_cursor(row=0, animate=False)
        self.result = result
        self._show_status()
        self._show_preview()
        self.refresh_bindings()

    def _add_row(self, table: DataTable[Text], hit: Hit) -> None:
        table.add_row(
            date_cell(hit.date),
            title_cell(hit.title),
            source_cell(hit.source),
            countries_cell(hit.countries, 3),
            copies_cell(hit.copies),
            key=hit.id,
        )

    @on(SearchFailed)
    def _search_failed(self, message: SearchFailed) -> None:
        if not self._is_current(message.request):
            return
        self._loading_more = False
        self.error = message.reason
        if message.field:
            self.query_one(f"#{message.field}").add_class("-invalid")
        if message.request.page == 1:
            self.hits = []
            self.result = None
            self.query_one("#results", FlexTable).clear()
            self._show_preview()
        self._show_status()
        self.refresh_bindings()

    # ------------------------------------------------------------------ status and preview

    def _show_status(self) -> None:
        status = self.query_one(StatusLine)
        result = self.result
        if self.error:
            status.show_error(self.error)
        elif result is not None:
            status.show_result(
                total=result.total,
                shown=len(self.hits),
                sort=self.sort,
                suggestion=result.suggestion,
                notices=result.notices,
            )
        else:
            status.clear_status()

    def _highlighted_hit(self) -> Hit | None:
        table = self.query_one("#results", FlexTable)
        row = table.cursor_row
        if 0 <= row < len(self.hits) and table.row_count:
            return self.hits[row]
        return None

    def _show_preview(self) -> None:
        preview = self.query_one(HitPreview)
        if self.error:
            preview.show(None, empty="Fix the search to see results.")
        elif self.result is not None and self.result.archive_empty:
            preview.show(None, empty=EMPTY_ARCHIVE)
        elif self.result is not None and not self.hits:
            # The status line cuts long notices at 80 columns; here they are whole.
            notices = "".join(f"\n\n{notice[:1].upper()}{notice[1:]}." for notice in
                              self.result.notices)  # fmt: skip
            preview.show(None, empty="No stories match." + notices)
        else:
            preview.show(self._highlighted_hit())

    @on(DataTable.RowHighlighted, "#results")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_preview()
        if event.cursor_row >= len(self.hits) - 1:
            self.action_more()

    @on(DataTable.RowSelected, "#results")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self._remember()
            self.briefroom.open_article(event.row_key.value)

    # ------------------------------------------------------------------ inputs

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        self._schedule()

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        self._search_now()
        self._remember()
        self.action_focus_results()

    @on(Button.Pressed, "#sort")
    def _sort_pressed(self) -> None:
        self.action_toggle_sort()

    def watch_sort(self, sort: str) -> None:
        if self.is_mounted:
            self.query_one("#sort", Button).label = f"Sort: {sort}"

    @on(CountriesLoaded)
    def _countries_loaded(self, message: CountriesLoaded) -> None:
        self.query_one("#country", Input).suggester = SuggestFromList(
            message.names, case_sensitive=False
        )

    @work(thread=True, exclusive=True, group="search-countries", name="countries",
          exit_on_error=False)  # fmt: skip
    def _load_countries(self) -> None:
        names = [c.name for c in country_counts(self.session.home)]
        if not get_current_worker().is_cancelled:
            self.post_message(self.CountriesLoaded(names))

    def _remember(self) -> None:
        from tui.session import SavedSearch

        if self.request is not None:
            self.briefroom.remember_search(
                SavedSearch(
                    self.request.query,
                    self.request.countries,
                    self.request.since or "",
                    self.request.until or "",
                )
            )

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "use_suggestion":
            return bool(self.result and self.result.suggestion)
        if action == "more":
            return bool(self.result and len(self.hits) < self.result.total)
        return True

    def action_more(self) -> None:
        """Load the next page of results below the ones shown."""
        if self.request is None or self.result is None or self._loading_more:
            return
        if len(self.hits) >= self.result.total:
            return
        self._loading_more = True
        self._search(replace(self.request, page=self._page + 1))

    def action_toggle_sort(self) -> None:
        """Relevance or date order."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._search_now()

    def action_use_suggestion(self) -> None:
        """Search for the "did you mean" suggestion."""
        if self.result and self.result.suggestion:
            self.query_one("#query", Input).value = self.result.suggestion
            self._search_now()

    def action_focus_results(self) -> None:
        """Move to the results list."""
        self.query_one("#results").focus()

    def action_focus_query(self) -> None:
        """Back to the query box."""
        self.focus_query()

    def action_clear(self) -> None:
        """Empty the query and the filters."""
        for widget_id in ("#query", "#country", "#since", "#until"):
            self.query_one(widget_id, Input).value = ""
        self._search_now()
        self.focus_query()

    # ------------------------------------------------------------------ called by the app

    def focus_query(self) -> None:
        """Put the cursor in the query box."""
        self.query_one("#query", Input).focus()

    def apply_search(
        self,
        query: str = "",
        *,
        countries: tuple[str, ...] = (),
        since: str = "",
        until: str = "",
        exclude: tuple[str, ...] = (),
    ) -> None:
        """Fill in the query and filters and search right away.

        ``exclude``: article ids left out of the results of this search (not of the next
        one the user types), e.g. the article whose related stories are shown.
        """
        self.query_one("#query", Input).value = query
        self.query_one("#country", Input).value = ", ".join(countries)
        self.query_one("#since", Input).value = since
        self.query_one("#until", Input).value = until
        self._exclude = (self.build_request(), frozenset(exclude)) if exclude else None
        self._search_now(force=bool(exclude))
        self.action_focus_results()


_INPUT_FOR_FIELD = {"countries": "country", "since": "since", "until": "until"}
"""The filter input each `QueryError.field` belongs to."""


def _readable(message: str) -> str:
    """A `QueryError` message as a sentence for the status line."""
    return message[:1].upper() + message[1:]
