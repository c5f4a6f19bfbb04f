"""The add-meeting form: counterpart, date in words (resolved as you type), title, place,
format, purpose, and both delegations.

The country and the date are checked in a worker (dateparser is slow to load and the
gazetteer too) shortly after each keystroke; the lines under them say what was
understood: ``Tuesday 5 July 2022 (2022-07-05), in 4 days``, an ambiguity ("June" names
a month, not a day) or an error.  The form only closes on a known country and one day.

Type-ahead is kept (issue 13: the first form after start turned "Ukrainian", Enter, "in
two weeks" into one country): Enter is a priority binding, so the App moves the focus to
the next field while it dispatches the key, before it forwards the keys typed after it;
the default `Input.Submitted` route moved it later (``Widget.focus`` is deferred), after
those keys had gone to the old field.  The first field is focused when the form is
composed (AUTO_FOCUS), and the meetings screen waits for that before it reads more keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.timer import Timer
from textual.widgets import Button, Input, Label, Select, Static
from textual.worker import get_current_worker

from briefs.api import FORMATS, FormCheck, Meeting, check_meeting_form, days_left_text, delegates
from search.api import all_country_names, home_code
from tui.screens.base import BriefroomModal

if TYPE_CHECKING:
    from tui.host import BriefroomHost

CHECK_DEBOUNCE_S = 0.15
FIELDS = (
    "mf-country",
    "mf-date",
    "mf-title",
    "mf-place",
    "mf-format",
    "mf-purpose",
    "mf-ours",
    "mf-theirs",
)


def split_names(value: str) -> tuple[str, ...]:
    """``"Tileuberdi; Vassilenko, Kim"`` -> three names."""
    parts = value.replace(";", ",").split(",")
    return tuple(" ".join(part.split()) for part in parts if part.strip())


class MeetingForm(BriefroomModal):
    """Dismisses with the new `Meeting` (not stored yet), or None when cancelled."""

    CSS_PATH: ClassVar[list[str]] = ["../styles/dialogs.tcss", "../styles/meeting_form.tcss"]
    AUTO_FOCUS = "#mf-country"
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "meeting-form--ok",
        "meeting-form--warning",
        "meeting-form--error",
        "meeting-form--hint",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="meeting-form.cancel"),
        Binding("ctrl+s", "submit", "Add", id="meeting-form.add"),
        # Priority: handled as the App dispatches the key, so keys typed after Enter go to
        # the next field (see the module docstring).
        Binding(
            "enter", "next_field", "Next field", show=False, priority=True, id="meeting-form.next"
        ),  # fmt: skip
    ]

    class Checked(Message):
        """The country and date were resolved."""

        def __init__(self, check: FormCheck) -> None:
            self.check = check
            super().__init__()

    class NamesLoaded(Message):
        """Country names for completion."""

        def __init__(self, names: list[str]) -> None:
            self.names = names
            super().__init__()

    def __init__(self, *, country: str = "", date_text: str = "") -> None:
        """Build the form, optionally filled in."""
        super().__init__()
        self.initial_country = country
        self.initial_date = date_text
        self.check: FormCheck | None = None
        """The latest check of the country and date as typed."""
        self._debounce: Timer | None = None
        self._submit_pending = False

    @property
    def briefroom(self) -> BriefroomHost:
        """The app, typed as what screens use of it (`tui.host`)."""
        return cast("BriefroomHost", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="meeting-form", classes="dialog"):
            yield Label("Add a meeting", classes="dialog-title")
            with Horizontal(classes="form-row"):
                yield Label("Country", classes="form-label")
                yield Input(self.initial_country, placeholder="Norway, NOR, Norwegian",
                            id="mf-country", compact=True)  # fmt: skip
            yield Static(id="mf-country-check", classes="form-check")
            with Horizontal(classes="form-row"):
                yield Label("Date", classes="form-label")
                yield Input(self.initial_date, placeholder="next Tuesday, 5 Dec, 2022-07-12",
                            id="mf-date", compact=True)  # fmt: skip
            yield Static(id="mf-date-check", classes="form-check -two-lines")
            with Horizontal(classes="form-row"):
                yield Label("Title", classes="form-label")
                yield Input(placeholder="Political consultations (optional)", id="mf-title",
                            compact=True)  # fmt: skip
            with Horizontal(classes="form-row"):
                yield Label("Place", classes="form-label")
                yield Input(placeholder="Oslo (optional)", id="mf-place", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Format", classes="form-label")
                yield Select([(f, f) for f in FORMATS], prompt="(optional)", id="mf-format",
                             compact=True)  # fmt: skip
            with Horizontal(classes="form-row"):
                yield Label("Purpose", classes="form-label")
                yield Input(placeholder="why we meet (optional)", id="mf-purpose", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Ours", classes="form-label")
                yield Input(placeholder="our delegation: names, separated by commas",
                            id="mf-ours", compact=True)  # fmt: skip
            with Horizontal(classes="form-row"):
                yield Label("Theirs", classes="form-label")
                yield Input(placeholder="their delegation: names, separated by commas",
                            id="mf-theirs", compact=True)  # fmt: skip
            yield Static(
                "Enter: next field · ctrl+s: add · Esc: cancel", classes="dialog-help form-help"
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add", variant="primary", id="mf-add", compact=True)
                yield Button("Cancel", id="mf-cancel", compact=True)

    def on_mount(self) -> None:
        self._load_names()
        self._run_check()

    # ------------------------------------------------------------------ completion

    @work(thread=True, exclusive=True, group="meeting-form-names", name="countries",
          exit_on_error=False)  # fmt: skip
    def _load_names(self) -> None:
        names = all_country_names()
        if not get_current_worker().is_cancelled:
            self.post_message(self.NamesLoaded(names))

    @on(NamesLoaded)
    def _names_loaded(self, message: NamesLoaded) -> None:
        self.query_one("#mf-country", Input).suggester = SuggestFromList(
            message.names, case_sensitive=False
        )

    # ------------------------------------------------------------------ live check

    def _texts(self) -> tuple[str, str]:
        return (
            self.query_one("#mf-country", Input).value,
            self.query_one("#mf-date", Input).value,
        )

    @on(Input.Changed, "#mf-country, #mf-date")
    def _changed(self) -> None:
        if not self.briefroom.debounce:
            self._run_check()  # the tests: at once (`BriefroomApp.debounce`)
            return
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(CHECK_DEBOUNCE_S, self._run_check)

    def _run_check(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        country, date_text = self._texts()
        self._check(country, date_text)

    @work(thread=True, exclusive=True, group="meeting-form", name="meeting-date",
          exit_on_error=False)  # fmt: skip
    def _check(self, country: str, date_text: str) -> None:
        session = self.briefroom.session
        check = check_meeting_form(
            country,
            date_text,
            as_of=session.today(),
            languages=session.config.languages,
            day_order=session.config.day_order,
            home=home_code(session.home_country),
        )
        if not get_current_worker().is_cancelled:
            self.post_message(self.Checked(check))

    @on(Checked)
    def _checked(self, message: Checked) -> None:
        check = message.check
        if (check.country_text, check.date_text) != self._texts():
            return  # typed since: a newer check is on its way
        self.check = check
        self._show_check(check)
        if self._submit_pending:
            self._submit_pending = False
            self.action_submit()

    def _show_check(self, check: FormCheck) -> None:
        ok = self.get_component_rich_style("meeting-form--ok")
        warning = self.get_component_rich_style("meeting-form--warning")
        error = self.get_component_rich_style("meeting-form--error")
        hint = self.get_component_rich_style("meeting-form--hint")

        country = Text(no_wrap=True, overflow="ellipsis")
        if check.code is not None:
            country.append("✓ " + check.country_note, style=ok)
        elif check.country_text.strip():
            country.append("✗ " + check.country_note, style=error)
        else:
            country.append(check.country_note, style=hint)
        self.query_one("#mf-country-check", Static).update(country)
        self.query_one("#mf-country").set_class(
            check.code is None and bool(check.country_text.strip()), "-invalid"
        )

        when = Text(overflow="ellipsis")
        resolution = check.resolution
        if check.date_error:
            when.append("✗ " + check.date_error, style=error)
        elif resolution is None:
            when.append("in words: next Tuesday, 5 Dec, in two weeks, 03/12", style=hint)
        elif resolution.day is not None:
            day = resolution.day
            left = days_left_text((day - self.briefroom.session.today()).days)
            when.append(f"→ {day:%a} {day.isoformat()}", style=ok)
            when.append(f"  {resolution.describe()}, {left}", style=hint)
        else:
            when.append("⚠ ambiguous: " + resolution.describe() + "; give the day", style=warning)
        for note in resolution.notes if resolution is not None else ():
            if resolution is not None and resolution.day is None and "not a day" in note:
                continue  # said above
            when.append("\n" + " ".join(note.split()), style=warning if "past" in note else hint)
        self.query_one("#mf-date-check", Static).update(when)
        self.query_one("#mf-date").set_class(
            bool(check.date_error) or (resolution is not None and resolution.day is None),
            "-invalid",
        )

    # ------------------------------------------------------------------ submit

    def action_next_field(self) -> None:
        """Enter: the next field (the last one adds the meeting); in the country, Enter
        takes the completion shown."""
        field = self.focused
        if not isinstance(field, Input) or field.id not in FIELDS:
            raise SkipAction()  # a button or the format list: Enter is theirs
        if field.id == "mf-country":
            # After the keys already sent to the field: the completion of all of them.
            field.call_later(self._take_completion, field)
        if field.id == FIELDS[-1]:
            field.call_later(self.action_submit)
            return
        self._focus_after(field.id)

    def _focus_after(self, field_id: str) -> None:
        following = self.query_one(f"#{FIELDS[FIELDS.index(field_id) + 1]}")
        self.set_focus(following)  # now, not deferred as `Widget.focus` is

    async def _take_completion(self, field: Input) -> None:
        suggester = field.suggester
        value = field.value
        if suggester is None or not value.strip():
            return
        wanted = value if suggester.case_sensitive else value.casefold()
        suggestion = await suggester.get_suggestion(wanted)
        if suggestion and suggestion != value and field.value == value:
            field.value = suggestion

    @on(Select.Changed, "#mf-format")
    def _format_chosen(self, event: Select.Changed) -> None:
        if self.focused is event.select or self.focused in event.select.query("*"):
            self._focus_after("mf-format")

    @on(Button.Pressed, "#mf-add")
    def action_submit(self) -> None:
        """Add the meeting when the country and date are understood."""
        check = self.check
        if check is None or (check.country_text, check.date_text) != self._texts():
            self._submit_pending = True
            self._run_check()
            return
        if check.code is None:
            self.query_one("#mf-country", Input).focus()
            self.notify(check.country_note, title="Country", severity="warning", markup=False)
            return
        resolution = check.resolution
        if resolution is None or resolution.day is None:
            self.query_one("#mf-date", Input).focus()
            problem = (
                check.date_error
                or (resolution.problem() if resolution is not None else "")
                or "type the meeting day"
            )
            self.notify(problem, title="Date", severity="warning", markup=False)
            return

        def value(widget_id: str) -> str | None:
            text = " ".join(self.query_one(f"#{widget_id}", Input).value.split())
            return text or None

        chosen = self.query_one("#mf-format", Select).value
        theirs = split_names(self.query_one("#mf-theirs", Input).value)
        self.dismiss(
            Meeting(
                country=check.code,
                date=resolution.day.isoformat(),
                date_text=" ".join(check.date_text.split()),
                title=value("mf-title"),
                place=value("mf-place"),
                format=chosen if isinstance(chosen, str) and chosen in FORMATS else None,
                participants=theirs,
                purpose=value("mf-purpose"),
                home=home_code(self.briefroom.session.home_country),
                ours=delegates(split_names(self.query_one("#mf-ours", Input).value)),
                theirs=delegates(theirs),
            )
        )

    @on(Button.Pressed, "#mf-cancel")
    def action_cancel(self) -> None:
        """Close without adding."""
        self.dismiss(None)
