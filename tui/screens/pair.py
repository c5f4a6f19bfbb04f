"""The pair view: what has happened between two countries.

Volume over time, the engagement ledger (one row per real meeting, visit or call),
people per side, commitments with their status, the cooperation trend by quarter,
topics and organisations, the latest developments and the caveats.  The coding of
events, engagements and commitments is heuristic and labelled so; every row opens its
source article (Enter), and the highlighted row's cited sentence shows under the tabs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Label, Sparkline, Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from briefs.api import PairView, load_pair
from search.api import record_correction, resolve_country
from tui.screens.correction_form import (
    engagement_form,
    engagement_values,
    merge_form,
    person_form,
)
from tui.screens.countries import plural, span_text, volume_range
from tui.screens.dialogs import ConfirmDialog
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

if TYPE_CHECKING:
    from briefs.api import Engagement, PersonSeen
    from search.api import Corrections

HEURISTIC = "Heuristic: engagements, events, commitments are coded by rules. Enter: source."
HEURISTIC_LONG = (
    "Engagements, events and commitments are coded heuristically, by rules over single "
    "sentences: check each against its source sentence (shown below; Enter opens the article)."
)
SCORE_RANGE = 10.0
"""Cooperation scores run from -10 (conflict) to +10 (cooperation)."""
BAR_WIDTH = 21
"""Cells of a trend bar: ten each side of the middle line."""
WIDE_AT = 120
"""From this width on the ledger's place and first side get more room."""


def ledger_columns(a: str, b: str, wide: bool) -> list[tuple[str, str, int | None]]:
    """The engagement ledger's columns (the other side's names take the spare width)."""
    place, side = (18, 30) if wide else (10, 16)
    return [("date", "Date", 10), ("type", "Type", 13 if wide else 9), ("place", "Place", place),
            ("a", a, side), ("b", b, None), ("src", "Src", 3)]  # fmt: skip


def _kind(engagement: Engagement) -> str:
    """The ledger's type cell: the kind, and whose it is when the analyst added it."""
    kind = engagement.type
    if engagement.status == "background":
        kind += " (earlier)"
    return kind + " (analyst)" if engagement.by_analyst else kind


def trend_bar(score: float, width: int) -> tuple[str, str]:
    """A bar from the middle of ``width`` cells: left for conflict, right for cooperation.

    Returns the text and ``"coop"`` or ``"conflict"``.
    """
    half = max(1, (width - 1) // 2)
    cells = min(half, max(1 if score else 0, round(abs(score) / SCORE_RANGE * half)))
    if score >= 0:
        return " " * half + "│" + "█" * cells, "coop"
    return " " * (half - cells) + "█" * cells + "│", "conflict"


class PairScreen(SourcedScreen):
    """Two countries' relationship; pushed over the countries screen (or any other)."""

    CSS_PATH = "../styles/pair.tcss"
    SUB_TITLE = "Pair"
    AUTO_FOCUS = "#ledger"
    SOURCE_LINE = "#pair-source"
    COMPONENT_CLASSES: ClassVar[set[str]] = {"pair--coop", "pair--conflict"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back", id="pair.back"),
        Binding("right_square_bracket", "tab(1)", "Next tab", id="pair.next-tab"),
        Binding("left_square_bracket", "tab(-1)", "Prev tab", show=False, id="pair.prev-tab"),
        Binding("s", "search", "Stories", id="pair.search"),
        Binding("r", "reload", "Refresh", show=False, id="pair.refresh"),
        Binding("x", "reject", "Reject", id="pair.reject"),
        Binding("c", "correct_person", "Correct", id="pair.correct-person"),
        Binding("m", "merge_person", "Merge", show=False, id="pair.merge-person"),
        Binding("n", "add_engagement", "Add", show=False, id="pair.add-engagement"),
    ]

    class Loaded(Message):
        """The pair summary arrived."""

        def __init__(self, a: str, b: str, view: PairView) -> None:
            self.a = a
            self.b = b
            self.view = view
            super().__init__()

    def __init__(self, a: str, b: str) -> None:
        """Show countries ``a`` (our side, when it is one of them) and ``b`` (ISO codes)."""
        super().__init__()
        self.a = a
        self.b = b
        self.view: PairView | None = None
        self._wide = False

    def on_resize(self) -> None:
        wide = self.size.width >= WIDE_AT
        if wide != self._wide:
            self._wide = wide
            for table in ("#ledger", "#planned"):
                self.query_one(table, FlexTable).set_columns(ledger_columns(self.a, self.b, wide))
            if self.view is not None:
                self._fill_ledger(self.view)

    def compose(self) -> ComposeResult:
        with Vertical(id="pair"):
            yield Static(id="pair-head")
            yield Static(Text(HEURISTIC, no_wrap=True, overflow="ellipsis"), id="pair-heuristic")
            with Horizontal(id="pair-volume", classes="volume-row"):
                yield Label("Volume", classes="volume-label")
                yield Sparkline([], id="pair-spark", summary_function=max)
                yield Label("", id="pair-spark-range", classes="volume-range")
            with TabbedContent(id="pair-tabs"):
                with TabPane("Ledger", id="tab-ledger"):
                    yield FlexTable(
                        ledger_columns(self.a, self.b, self._wide), id="ledger", min_flex=12
                    )
                with TabPane("Coming up", id="tab-planned"):
                    yield FlexTable(
                        ledger_columns(self.a, self.b, self._wide), id="planned", min_flex=12
                    )
                with TabPane("People", id="tab-pair-people"):
                    yield FlexTable(
                        [("side", "Side", 4), ("name", "Name", None), ("role", "Role", 16),
                         ("last", "Last seen", 10), ("arts", "Arts", 4)],
                        id="pair-people",
                    )  # fmt: skip
                with TabPane("Commitments", id="tab-commitments"):
                    yield FlexTable(
                        [("date", "Date", 10), ("status", "Status", 11),
                         ("parties", "Parties", 9), ("summary", "Summary", None)],
                        id="commitments",
                    )  # fmt: skip
                with TabPane("Trend", id="tab-trend"):
                    yield Static(id="event-counts")
                    yield FlexTable(
                        [("quarter", "Quarter", 7), ("mean", "Mean", 5), ("n", "Events", 6),
                         ("bar", "conflict │ cooperation", None)],
                        id="trend",
                        min_flex=21,
                    )  # fmt: skip
                with TabPane("Topics", id="tab-pair-topics"):
                    yield FlexTable(
                        [("kind", "Kind", 5), ("name", "Topic or organisation", None),
                         ("stories", "Stories", 7)],
                        id="pair-topics",
                    )  # fmt: skip
                with TabPane("Latest", id="tab-pair-latest"):
                    yield FlexTable(
                        [("date", "Date", 10), ("title", "Title", None), ("source", "Source", 12)],
                        id="pair-latest",
                    )
                with TabPane("Notes", id="tab-notes"), VerticalScroll(id="notes-scroll"):
                    yield Static(id="pair-notes")
            yield SourceLine(id="pair-source")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#pair").loading = True
        self.query_one("#pair-head", Static).update(Text(f"{self.a} and {self.b}", style="bold"))
        self._load()

    def action_reload(self) -> None:
        """Read the archive again."""
        self.query_one("#pair").loading = True
        self._load()

    @work(thread=True, exclusive=True, group="pair", name="pair", exit_on_error=False)
    def _load(self) -> None:
        view = load_pair(self.session.home, self.a, self.b)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(self.a, self.b, view))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.query_one("#pair").loading = False
        self.view = view = message.view
        summary = view.summary
        name_a, name_b = view.names.get(self.a, self.a), view.names.get(self.b, self.b)
        self.sub_title = f"{name_a} and {name_b}"
        head = Text()
        head.append(f"{name_a} ({self.a}) and {name_b} ({self.b})", style="bold")
        head.append(
            f" · {plural(len(summary.articles), 'article')}, {plural(summary.stories, 'story')}\n"
        )
        shown = len(summary.engagements)
        total = max(summary.engagements_total, shown)
        counted = (
            f"{shown} of {plural(total, 'engagement')}"
            if total > shown
            else plural(shown, "engagement")
        )
        head.append(
            f"{span_text(summary.first_date, summary.last_date)} · "
            f"{plural(len(summary.sources), 'source')} · {counted}"
            + (f" · {len(summary.planned)} coming up" if summary.planned else ""),
            style="dim",
        )
        self.query_one("#pair-head", Static).update(head)
        spark = self.query_one("#pair-spark", Sparkline)
        spark.data = [n for _month, n in summary.monthly_volume]
        # Sparkline draws one value (or none) as a full bar: no dated article, no bars.
        spark.display = bool(summary.monthly_volume)
        self.query_one("#pair-spark-range", Label).update(
            Text(volume_range(summary.monthly_volume))
        )
        self._fill_ledger(view)
        self.fill_sourced(
            "pair-people",
            (
                (
                    [Text(side, style="dim"),
                     text_cell(p.name + (" (analyst)" if p.corrected else "")),
                     text_cell(p.role), date_cell(p.last_seen), number_cell(p.articles)],
                    p.source,
                    0,
                )
                for side in (self.a, self.b)
                for p in summary.people.get(side, ())
            ),
            empty="nobody of either side found",
        )  # fmt: skip
        self.fill_sourced(
            "commitments",
            (
                (
                    [date_cell(c.date), text_cell(c.status.replace("_", " ")),
                     text_cell(",".join(c.parties)), text_cell(c.summary)],
                    c.source,
                    0,
                )
                for c in summary.commitments
            ),
            empty="no commitments found",
        )  # fmt: skip
        self._fill_trend(view)
        self.fill_topics_and_orgs("pair-topics", view.summary.topics, view.summary.orgs)
        self.fill_sourced(
            "pair-latest",
            (
                ([date_cell(s.date), title_cell(s.title), source_cell(s.source)], s, 0)
                for s in summary.latest
            ),
            empty="no articles concern both",
        )
        self._fill_notes(view)
        self.show_source(self.active_table())
        self.refresh_bindings()

    def worker_error(self, name: str, error: BaseException | None) -> None:
        if name == "pair":
            self.query_one("#pair").loading = False
            self.query_one(SourceLine).show(
                None, empty="Could not read the pair summary: r retries."
            )

    def _fill_ledger(self, view: PairView) -> None:
        for table, engagements, empty in (
            ("ledger", view.summary.engagements, "no meeting, visit or call found"),
            ("planned", view.summary.planned, "no engagement announced"),
        ):
            self.fill_sourced(
                table,
                (
                    (
                        [date_cell(e.date), text_cell(_kind(e)), text_cell(e.place),
                         names_cell(e.participants.get(self.a, ()), 2),
                         names_cell(e.participants.get(self.b, ())),
                         number_cell(len(e.sources))],
                        e.sources[0] if e.sources else None,
                        max(0, len(e.sources) - 1),
                    )
                    for e in engagements
                ),
                empty=empty,
            )  # fmt: skip

    def _fill_trend(self, view: PairView) -> None:
        summary = view.summary
        counts = Text(no_wrap=True, overflow="ellipsis")
        counts.append("Events by type: ", style="bold")
        if summary.event_counts:
            counts.append(
                ", ".join(
                    f"{c.type.lower()} {c.count} ({c.mean_score:+.1f})"
                    for c in summary.event_counts
                )
            )
        else:
            counts.append("none coded", style="dim")
        self.query_one("#event-counts", Static).update(counts)
        table = self.query_one("#trend", FlexTable)
        table.clear()
        for quarter, mean, n in summary.cooperation_by_quarter:
            bar, kind = trend_bar(mean, BAR_WIDTH)
            style = self.get_component_rich_style(f"pair--{kind}", partial=True)
            table.add_row(
                Text(quarter),
                number_cell(mean, signed=True),
                number_cell(n),
                Text(bar, style=style, no_wrap=True),
                key=quarter,
            )
        if not summary.cooperation_by_quarter:
            table.add_row(*self._empty_row(table, "no dated events between the two"))

    def _fill_notes(self, view: PairView) -> None:
        summary = view.summary
        text = Text()
        text.append("Caveats\n", style="bold")
        for caveat in summary.caveats:
            text.append("• " + " ".join(caveat.split()) + "\n")
        text.append("\nSources\n", style="bold")
        for source, n in summary.sources:
            text.append(f"• {' '.join(source.split())}: {plural(n, 'article')}\n")
        if summary.undated:
            text.append(f"\n{plural(summary.undated, 'article')} without a date.\n", style="dim")
        self.query_one("#pair-notes", Static).update(text)

    def show_source(self, table: DataTable[Text] | None) -> None:
        if table is not None and table.id == "pair-topics":
            self.query_one(SourceLine).show(None, empty="Enter: search the two's stories on it.")
        elif table is not None and table.id == "trend":
            self.query_one(SourceLine).show(
                None, empty="Mean cooperation score of the quarter's coded events (-10..+10)."
            )
        elif table is None:
            self.query_one(SourceLine).show(None, empty=HEURISTIC_LONG)
        else:
            super().show_source(table)

    @on(DataTable.RowSelected, "#pair-topics")
    async def _topic_selected(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value or ""
        kind, _, name = key.partition(":")
        if kind in ("topic", "org") and name:
            escaped = name.replace('"', " ")
            await self.briefroom.search_for(f'{kind}:"{escaped}"', countries=(self.a, self.b))

    # ------------------------------------------------------------------ corrections

    _CORRECTIONS: ClassVar[dict[str, tuple[str, ...]]] = {
        "reject": ("ledger", "planned", "commitments", "pair-people"),
        "correct_person": ("pair-people",),
        "merge_person": ("pair-people",),
        "add_engagement": ("ledger", "planned"),
    }

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Correction keys show on the tabs they apply to."""
        tables = self._CORRECTIONS.get(action)
        if tables is None:
            return True
        table = self.active_table()
        return table is not None and table.id in tables and self.view is not None

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()  # the correction keys of the tab now showing

    def _selected(self) -> tuple[str, int] | None:
        table = self.active_table()
        if table is None or table.id is None or table.row_count == 0:
            return None
        return table.id, table.cursor_row

    def action_reject(self) -> None:
        """Reject the highlighted engagement, commitment or person (asks first)."""
        chosen = self._selected()
        if chosen is None or self.view is None:
            return
        table, row = chosen
        summary = self.view.summary
        if table in ("ledger", "planned"):
            rows = summary.engagements if table == "ledger" else summary.planned
            if row >= len(rows):
                return
            engagement = rows[row]
            if engagement.by_analyst:
                self.notify("added by the analyst: undo it with briefroom corrections undo",
                            markup=False)  # fmt: skip
                return
            what = f"{_kind(engagement)} of {engagement.date or 'undated'}"

            def do(fix: Corrections) -> object:
                return [fix.reject_engagement(*ref) for ref in engagement.reports]
        elif table == "commitments":
            if row >= len(summary.commitments):
                return
            entry = summary.commitments[row]
            what = f"{entry.kind}: {entry.summary[:60]}"

            def do(fix: Corrections) -> object:
                return fix.reject_commitment(entry.source.article, entry.sentence, entry.kind)
        else:
            person = self._person(row)
            if person is None:
                return
            what = f"{person.name} as a person"

            def do(fix: Corrections) -> object:
                return fix.reject_person(person.name)

        def confirmed(answer: bool | None) -> None:
            if answer:
                self._correct(do, f"rejected {what}")

        self.app.push_screen(
            ConfirmDialog(
                "Reject",
                f"Reject {what}? It stays in the archive, marked as "
                "rejected by the analyst (briefroom corrections undo restores it).",
                yes="Reject",
            ),  # fmt: skip
            confirmed,
        )

    def _person(self, row: int) -> PersonSeen | None:
        assert self.view is not None
        people = [p for side in (self.a, self.b) for p in self.view.summary.people.get(side, ())]
        return people[row] if row < len(people) else None

    def action_correct_person(self) -> None:
        """Fix the highlighted person's country or role."""
        chosen = self._selected()
        person = self._person(chosen[1]) if chosen else None
        if person is None:
            return

        def saved(values: dict[str, str] | None) -> None:
            if not values:
                return
            side = values["country"]
            org = side[4:].strip() if side.lower().startswith("org:") else None
            country = None if org or not side else resolve_country(side)

            def do(fix: Corrections) -> object:
                return fix.correct_person(person.name, country=country, org=org,
                                          role=values["role"] or None)  # fmt: skip

            self._correct(do, f"corrected {person.name}")

        self.app.push_screen(person_form(person.name, person.country, person.role), saved)

    def action_merge_person(self) -> None:
        """Say the highlighted person and another name are one person."""
        chosen = self._selected()
        person = self._person(chosen[1]) if chosen else None
        if person is None:
            return

        def saved(values: dict[str, str] | None) -> None:
            if values:
                self._correct(
                    lambda fix: fix.merge_people(person.name, values["other"]),
                    f"merged {values['other']} into {person.name}",
                )

        self.app.push_screen(merge_form(person.name), saved)

    def action_add_engagement(self) -> None:
        """Add an engagement the extraction missed (from the highlighted row's article)."""
        if self.view is None:
            return
        chosen = self._selected()
        article = ""
        if chosen is not None:
            source, _extra = self.source_at(*chosen)
            article = source.article if source is not None else ""

        def saved(values: dict[str, str] | None) -> None:
            if not values:
                return
            fields = engagement_values(values)

            def do(fix: Corrections) -> object:
                return fix.add_engagement(values["article"], int(values["sentence"]), **fields)

            self._correct(do, "added the engagement")

        self.app.push_screen(engagement_form(self.a, self.b, article), saved)

    def _correct(self, do: Callable[[Corrections], object], done: str) -> None:
        self._record(do, done)

    @work(thread=True, exclusive=True, group="pair-correct", name="correction",
          exit_on_error=False)  # fmt: skip
    def _record(self, do: Callable[[Corrections], object], done: str) -> None:
        from search.api import CorrectionError

        try:
            record_correction(self.session.home, do)
        except CorrectionError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.post_message(self.Corrected(done))

    class Corrected(Message):
        """A correction was recorded."""

        def __init__(self, done: str) -> None:
            self.done = done
            super().__init__()

    @on(Corrected)
    def _corrected(self, message: Corrected) -> None:
        self.notify(f"{message.done} (briefroom corrections lists it)", markup=False)
        self.action_reload()

    # ------------------------------------------------------------------ actions

    def action_back(self) -> None:
        """Back to where the pair was opened from."""
        self.dismiss()

    async def action_search(self) -> None:
        """Search the stories concerning both."""
        await self.briefroom.search_for(countries=(self.a, self.b))
