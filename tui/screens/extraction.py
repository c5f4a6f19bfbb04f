"""One article's extraction, and the analyst's corrections of it.

Pushed from the article reader (``a``): the people the article names (with the side the
whole archive gives them and this article's own clue), its engagements (type, status,
date, place, sides, participants), its commitments and asks (with the side that makes
them) and its coded events, each with its sentence.  ``x`` rejects the highlighted
engagement, commitment or person, ``c`` corrects a person's side or role, ``m`` merges
two people, ``n`` adds an engagement the extraction missed.  What the analyst changed is
marked in every list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from search.api import load_analysis, record_correction, resolve_country
from tui.screens.base import BriefroomScreen
from tui.screens.correction_form import (
    engagement_form,
    engagement_values,
    merge_form,
    person_form,
)
from tui.screens.dialogs import ConfirmDialog
from tui.widgets.cells import FlexTable, date_cell, text_cell

if TYPE_CHECKING:
    from search.api import ArticleAnalysis, Corrections


class ExtractionScreen(BriefroomScreen):
    """What was extracted from one article; pushed over the article reader."""

    CSS_PATH = "../styles/article.tcss"
    SUB_TITLE = "Extraction"
    AUTO_FOCUS = "#ex-engagements"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back", id="extraction.back"),
        Binding("right_square_bracket", "tab(1)", "Next tab", id="extraction.next-tab"),
        Binding(
            "left_square_bracket", "tab(-1)", "Prev tab", show=False, id="extraction.prev-tab"
        ),  # fmt: skip
        Binding("x", "reject", "Reject", id="extraction.reject"),
        Binding("c", "correct_person", "Correct", id="extraction.correct-person"),
        Binding("m", "merge_person", "Merge", show=False, id="extraction.merge-person"),
        Binding("n", "add_engagement", "Add", id="extraction.add-engagement"),
    ]
    TABS = ("tab-ex-engagements", "tab-ex-people", "tab-ex-commitments", "tab-ex-events")

    class Loaded(Message):
        """The analysis arrived (None: no such article)."""

        def __init__(self, analysis: ArticleAnalysis | None) -> None:
            self.analysis = analysis
            super().__init__()

    class Corrected(Message):
        """A correction was recorded."""

        def __init__(self, done: str) -> None:
            self.done = done
            super().__init__()

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id
        self.analysis: ArticleAnalysis | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="extraction"):
            yield Static(id="ex-head")
            with TabbedContent(id="ex-tabs"):
                with TabPane("Engagements", id="tab-ex-engagements"):
                    yield FlexTable(
                        [("type", "Type", 18), ("status", "Status", 10), ("date", "Date", 10),
                         ("sides", "Sides", 12), ("people", "People", None)],
                        id="ex-engagements",
                    )  # fmt: skip
                with TabPane("People", id="tab-ex-people"):
                    yield FlexTable(
                        [("name", "Name", None), ("role", "Role here", 24), ("side", "Side", 8),
                         ("why", "Why", 8)],
                        id="ex-people",
                    )  # fmt: skip
                with TabPane("Commitments", id="tab-ex-commitments"):
                    yield FlexTable(
                        [("kind", "Kind", 18), ("side", "Side", 10), ("what", "What", None)],
                        id="ex-commitments",
                    )  # fmt: skip
                with TabPane("Events", id="tab-ex-events"):
                    yield FlexTable(
                        [("type", "Type", 10), ("actors", "Actors", 14), ("score", "Score", 5),
                         ("flags", "Flags", 12), ("sentence", "Sentence", None)],
                        id="ex-events",
                    )  # fmt: skip
            yield Static(id="ex-sentence")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#extraction").loading = True
        self._load()

    @work(thread=True, exclusive=True, group="extraction", name="extraction", exit_on_error=False)
    def _load(self) -> None:
        analysis = load_analysis(self.session.home, self.article_id)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(analysis))

    def worker_error(self, name: str, error: BaseException | None) -> None:
        if name == "extraction":
            self.query_one("#extraction").loading = False

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.query_one("#extraction").loading = False
        analysis = self.analysis = message.analysis
        if analysis is None:
            self.notify(f"article {self.article_id} is not in the archive", severity="error",
                        markup=False)  # fmt: skip
            self.dismiss()
            return
        head = Text(no_wrap=True, overflow="ellipsis")
        head.append(" ".join(analysis.title.split()), style="bold")
        head.append(f"\n{analysis.date or 'undated'} · {analysis.source or 'unknown source'}")
        if not analysis.current:
            head.append(" · extracted by an older briefroom: briefroom reextract updates it",
                        style="bold")  # fmt: skip
        self.query_one("#ex-head", Static).update(head)
        self._fill(analysis)
        self.refresh_bindings()
        self._show_sentence()

    def _fill(self, analysis: ArticleAnalysis) -> None:
        table = self.query_one("#ex-engagements", FlexTable)
        table.clear()
        for n, e in enumerate(analysis.engagements):
            kind = e.type + (f": {e.name}" if e.name else "")
            kind += " (analyst)" if e.by_analyst else ""
            kind += " (rejected)" if e.rejected else ""
            people = "; ".join(
                f"{side}: {', '.join(names)}" for side, names in e.participants.items()
            )
            table.add_row(text_cell(kind), Text(e.status), date_cell(e.date),
                          text_cell(", ".join([*e.countries, *e.orgs])), text_cell(people),
                          key=str(n))  # fmt: skip
        if not analysis.engagements:
            table.add_row(*self._empty(table, "no meeting, call or visit found"), key="empty")
        table = self.query_one("#ex-people", FlexTable)
        table.clear()
        for n, p in enumerate(analysis.people):
            name = p.name + (" (analyst)" if p.corrected else "")
            side = p.country or (f"org {p.org}" if p.org else "-")
            table.add_row(text_cell(name), text_cell(p.role), text_cell(side),
                          text_cell(p.how), key=str(n))  # fmt: skip
        if not analysis.people:
            table.add_row(*self._empty(table, "nobody found"), key="empty")
        table = self.query_one("#ex-commitments", FlexTable)
        table.clear()
        for n, c in enumerate(analysis.commitments):
            kind = c.kind + (" (rejected)" if c.rejected else "")
            table.add_row(text_cell(kind), text_cell(", ".join(c.side)), text_cell(c.summary),
                          key=str(n))  # fmt: skip
        if not analysis.commitments:
            table.add_row(*self._empty(table, "no commitment or ask found"), key="empty")
        table = self.query_one("#ex-events", FlexTable)
        table.clear()
        for n, ev in enumerate(analysis.events):
            flags = ", ".join(f for f, on_ in (("historical", ev.historical),
                              ("hypothetical", ev.hypothetical), ("negated", ev.negated)) if on_)  # fmt: skip
            table.add_row(Text(ev.type), text_cell(" > ".join(ev.actors)), Text(f"{ev.score:+.1f}"),
                          text_cell(flags), text_cell(ev.sentence), key=str(n))  # fmt: skip
        if not analysis.events:
            table.add_row(*self._empty(table, "no event coded"), key="empty")

    @staticmethod
    def _empty(table: FlexTable, message: str) -> list[Text]:
        cells = [Text("") for _ in table.columns]
        cells[table.flex_index()] = Text(message, style="dim italic")
        return cells

    # ------------------------------------------------------------------ the highlighted row

    def _active(self) -> tuple[str, int] | None:
        tabs = self.query_one(TabbedContent)
        pane = tabs.get_pane(tabs.active) if tabs.active else None
        if pane is None:
            return None
        table = pane.query_one(FlexTable)
        return (table.id or "", table.cursor_row) if table.row_count else None

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()
        tabs = self.query_one(TabbedContent)
        pane = tabs.get_pane(tabs.active) if tabs.active else None
        if pane is not None:
            pane.query_one(FlexTable).focus()
        self._show_sentence()

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_sentence()

    def _show_sentence(self) -> None:
        """The highlighted item's sentence, under the tabs."""
        chosen = self._active()
        analysis = self.analysis
        said = ""
        if chosen is not None and analysis is not None:
            table, row = chosen
            items: Any = {
                "ex-engagements": analysis.engagements,
                "ex-people": analysis.people,
                "ex-commitments": analysis.commitments,
                "ex-events": analysis.events,
            }.get(table, ())
            if row < len(items):
                said = items[row].sentence
        self.query_one("#ex-sentence", Static).update(Text(said, style="italic"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Correction keys show on the tabs they apply to."""
        tables = {
            "reject": ("ex-engagements", "ex-people", "ex-commitments"),
            "correct_person": ("ex-people",),
            "merge_person": ("ex-people",),
            "add_engagement": ("ex-engagements",),
        }.get(action)
        if tables is None:
            return True
        chosen = self._active()
        return self.analysis is not None and chosen is not None and chosen[0] in tables

    # ------------------------------------------------------------------ actions

    def action_tab(self, step: int) -> None:
        """The next (or previous) tab."""
        tabs = self.query_one(TabbedContent)
        index = self.TABS.index(tabs.active) if tabs.active in self.TABS else 0
        tabs.active = self.TABS[(index + step) % len(self.TABS)]

    def action_back(self) -> None:
        """Back to the article."""
        self.dismiss()

    def action_reject(self) -> None:
        """Reject the highlighted engagement, commitment or person (asks first)."""
        chosen, analysis = self._active(), self.analysis
        if chosen is None or analysis is None:
            return
        table, row = chosen
        do: Callable[[Corrections], object]
        if table == "ex-engagements" and row < len(analysis.engagements):
            e = analysis.engagements[row]
            if e.by_analyst:
                self.notify("added by the analyst: undo it with briefroom corrections undo",
                            markup=False)  # fmt: skip
                return
            what = f"the {e.type} of {e.date or 'undated'}"

            def do(fix: Corrections) -> object:
                return fix.reject_engagement(analysis.id, e.sentence_index, e.type)
        elif table == "ex-commitments" and row < len(analysis.commitments):
            c = analysis.commitments[row]
            what = f"the {c.kind} '{c.summary[:50]}'"

            def do(fix: Corrections) -> object:
                return fix.reject_commitment(analysis.id, c.sentence_index, c.kind)
        elif table == "ex-people" and row < len(analysis.people):
            name = analysis.people[row].name
            what = f"{name} as a person"

            def do(fix: Corrections) -> object:
                return fix.reject_person(name)
        else:
            return

        def confirmed(answer: bool | None) -> None:
            if answer:
                self._record(do, f"rejected {what}")

        self.app.push_screen(
            ConfirmDialog("Reject", f"Reject {what}? It is marked as rejected by the analyst "
                          "(briefroom corrections undo restores it).", yes="Reject"),
            confirmed,
        )  # fmt: skip

    def action_correct_person(self) -> None:
        """Fix the highlighted person's side or role."""
        chosen, analysis = self._active(), self.analysis
        if chosen is None or analysis is None or chosen[1] >= len(analysis.people):
            return
        person = analysis.people[chosen[1]]

        def saved(values: dict[str, str] | None) -> None:
            if not values:
                return
            side = values["country"]
            org = side[4:].strip() if side.lower().startswith("org:") else None
            country = None if org or not side else resolve_country(side)
            self._record(
                lambda fix: fix.correct_person(
                    person.name, country=country, org=org, role=values["role"] or None
                ),
                f"corrected {person.name}",
            )

        current = person.country or (f"org:{person.org}" if person.org else None)
        self.app.push_screen(person_form(person.name, current, person.role), saved)

    def action_merge_person(self) -> None:
        """Say the highlighted person and another name are one person."""
        chosen, analysis = self._active(), self.analysis
        if chosen is None or analysis is None or chosen[1] >= len(analysis.people):
            return
        person = analysis.people[chosen[1]]

        def saved(values: dict[str, str] | None) -> None:
            if values:
                self._record(
                    lambda fix: fix.merge_people(person.name, values["other"]),
                    f"merged {values['other']} into {person.name}",
                )

        self.app.push_screen(merge_form(person.name), saved)

    def action_add_engagement(self) -> None:
        """Add an engagement this article reports that the extraction missed."""
        analysis = self.analysis
        if analysis is None:
            return
        a, b = (list(analysis.countries) + ["", ""])[:2]

        def saved(values: dict[str, str] | None) -> None:
            if values:
                fields = engagement_values(values)
                self._record(
                    lambda fix: fix.add_engagement(
                        values["article"], int(values["sentence"]), **fields
                    ),
                    "added the engagement",
                )

        self.app.push_screen(engagement_form(a, b, analysis.id), saved)

    @work(thread=True, exclusive=True, group="extraction-correct", name="correction",
          exit_on_error=False)  # fmt: skip
    def _record(self, do: Callable[[Corrections], object], done: str) -> None:
        from search.api import CorrectionError

        try:
            record_correction(self.session.home, do)
        except CorrectionError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.post_message(self.Corrected(done))

    @on(Corrected)
    def _corrected(self, message: Corrected) -> None:
        self.notify(f"{message.done} (briefroom corrections lists it)", markup=False)
        self.briefroom.archive_version += 1
        self._load()
