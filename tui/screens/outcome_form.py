"""The outcome form: what became of a meeting (held, postponed, cancelled), a note, the
items agreed and the follow-ups (``WHO: WHAT by DATE``), several separated by ``;``.

Due dates are read from the meeting's day, with the configured languages and day order
(`briefs.outcomes`), in a worker on submit; a follow-up that cannot be read is refused
with one line naming the field, and the form stays open.  Dismisses with the `Outcome`
(not stored yet).
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
from textual.widgets import Button, Input, Label, Select, Static
from textual.worker import get_current_worker

from briefs.api import STATUSES, Meeting, Outcome, OutcomeItem
from tui.screens.base import BriefroomModal

if TYPE_CHECKING:
    from tui.host import BriefroomHost

FIELDS = ("of-status", "of-note", "of-agreed", "of-follow-ups")
FIELD_NAMES = {"of-agreed": "Agreed", "of-follow-ups": "Follow-ups"}


def split_items(value: str) -> list[str]:
    """``"a; b;; c"`` -> ``["a", "b", "c"]``."""
    return [" ".join(part.split()) for part in value.split(";") if part.strip()]


def parse_items(
    agreed: str,
    follow_ups: str,
    *,
    as_of: object,
    languages: tuple[str, ...],
    day_order: str,
) -> tuple[tuple[OutcomeItem, ...], str | None, str | None]:
    """Read the agreed items and follow-ups (dateparser: run it in a worker).

    Returns:
        The items, and when one cannot be read: the field's id and the one-line reason.
    """
    from briefs.api import OutcomeError, date_reader, parse_agreed, parse_follow_up

    read = date_reader(as_of, languages=languages, day_order=day_order)  # type: ignore[arg-type]
    items: list[OutcomeItem] = []
    field = "of-agreed"
    try:
        for text in split_items(agreed):
            items.append(parse_agreed(text, read, FIELD_NAMES["of-agreed"]))
        field = "of-follow-ups"
        for text in split_items(follow_ups):
            items.append(parse_follow_up(text, read, FIELD_NAMES["of-follow-ups"]))
    except OutcomeError as exc:
        return tuple(items), field, " ".join(str(exc).split())
    return tuple(items), None, None


class OutcomeForm(BriefroomModal):
    """Dismisses with the meeting's new `Outcome`, or None when cancelled."""

    CSS_PATH: ClassVar[list[str]] = ["../styles/dialogs.tcss", "../styles/outcome_form.tcss"]
    AUTO_FOCUS = "#of-status"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="outcome-form.cancel"),
        Binding("ctrl+s", "submit", "Record", id="outcome-form.record"),
        Binding(
            "enter", "next_field", "Next field", show=False, priority=True, id="outcome-form.next"
        ),  # fmt: skip
    ]

    class Parsed(Message):
        """The agreed items and follow-ups were read (or one was refused)."""

        def __init__(
            self, items: tuple[OutcomeItem, ...], field: str | None, error: str | None
        ) -> None:
            self.items = items
            self.field = field
            self.error = error
            super().__init__()

    def __init__(self, meeting: Meeting, name: str) -> None:
        """The form for ``meeting`` (with ``name``, the counterpart's name)."""
        super().__init__()
        self.meeting = meeting
        self.counterpart = name
        self._parsing = False

    @property
    def briefroom(self) -> BriefroomHost:
        """The app, typed as what screens use of it (`tui.host`)."""
        return cast("BriefroomHost", self.app)

    def compose(self) -> ComposeResult:
        meeting = self.meeting
        past = meeting.days_left(self.briefroom.session.today()) <= 0
        status = meeting.status or ("held" if past else Select.NULL)
        with Vertical(id="outcome-form", classes="dialog"):
            yield Label("Record the outcome", classes="dialog-title")
            title = f" · {meeting.title}" if meeting.title else ""
            yield Static(f"{self.counterpart} · {meeting.date}{title}", id="of-meeting",
                         markup=False)  # fmt: skip
            with Horizontal(classes="form-row"):
                yield Label("Status", classes="form-label")
                yield Select([(s, s) for s in STATUSES], value=status, prompt="held, postponed...",
                             id="of-status", compact=True)  # fmt: skip
            with Horizontal(classes="form-row"):
                yield Label("Note", classes="form-label")
                yield Input(placeholder="what happened (optional)", id="of-note", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Agreed", classes="form-label")
                yield Input(placeholder="items agreed, separated by ;", id="of-agreed",
                            compact=True)  # fmt: skip
            with Horizontal(classes="form-row"):
                yield Label("Follow-up", classes="form-label")
                yield Input(placeholder="WHO: WHAT by DATE; ...", id="of-follow-ups",
                            compact=True)  # fmt: skip
            yield Static(id="of-check", classes="form-check")
            yield Static(
                "Enter: next field · ctrl+s: record · Esc: cancel", classes="dialog-help form-help"
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Record", variant="primary", id="of-record", compact=True)
                yield Button("Cancel", id="of-cancel", compact=True)

    # ------------------------------------------------------------------ fields

    def action_next_field(self) -> None:
        """Enter: the next field; on the last one, record."""
        field = self.focused
        if not isinstance(field, Input) or field.id not in FIELDS:
            raise SkipAction()
        if field.id == FIELDS[-1]:
            field.call_later(self.action_submit)  # after the keys already sent to it
            return
        self.set_focus(self.query_one(f"#{FIELDS[FIELDS.index(field.id) + 1]}"))

    @on(Select.Changed, "#of-status")
    def _status_chosen(self, event: Select.Changed) -> None:
        # The Select reports its first value as it mounts: a blank one (a meeting still to
        # come) chose nothing, so the cursor stays on Status; a past meeting's "held" is
        # already the answer, so it moves on to the Note.
        if event.value is Select.NULL:
            return
        if self.focused is event.select or self.focused in event.select.query("*"):
            self.set_focus(self.query_one("#of-note"))

    # ------------------------------------------------------------------ submit

    @on(Button.Pressed, "#of-record")
    def action_submit(self) -> None:
        """Read the items (a worker), then close with the outcome."""
        status = self.query_one("#of-status", Select).value
        if not isinstance(status, str) or status not in STATUSES:
            self.set_focus(self.query_one("#of-status"))
            self.notify("choose held, postponed or cancelled", title="Status",
                        severity="warning", markup=False)  # fmt: skip
            return
        if self._parsing:
            return
        self._parsing = True
        session = self.briefroom.session
        self._parse(
            self.query_one("#of-agreed", Input).value,
            self.query_one("#of-follow-ups", Input).value,
            self.meeting.day,  # due dates are read from the meeting's day
            session.config.languages,
            session.config.day_order,
        )

    @work(thread=True, exclusive=True, group="outcome-form", name="outcome-items",
          exit_on_error=False)  # fmt: skip
    def _parse(
        self,
        agreed: str,
        follow_ups: str,
        as_of: object,
        languages: tuple[str, ...],
        day_order: str,
    ) -> None:
        items, field, error = parse_items(
            agreed, follow_ups, as_of=as_of, languages=languages, day_order=day_order
        )
        if not get_current_worker().is_cancelled:
            self.post_message(self.Parsed(items, field, error))

    @on(Parsed)
    def _parsed(self, message: Parsed) -> None:
        self._parsing = False
        check = self.query_one("#of-check", Static)
        if message.error is not None:
            check.update(Text("✗ " + message.error))  # quotes what was typed: no markup
            check.add_class("-error")
            if message.field:
                self.set_focus(self.query_one(f"#{message.field}"))
            self.notify(message.error, title=FIELD_NAMES.get(message.field or "", "Outcome"),
                        severity="warning", markup=False)  # fmt: skip
            return
        status = self.query_one("#of-status", Select).value
        note = " ".join(self.query_one("#of-note", Input).value.split()) or None
        assert self.meeting.id is not None and isinstance(status, str)
        self.dismiss(Outcome(self.meeting.id, status, note, message.items))

    def worker_error(self, name: str, error: BaseException | None) -> None:
        self._parsing = False

    @on(Button.Pressed, "#of-cancel")
    def action_cancel(self) -> None:
        """Close without recording."""
        self.dismiss(None)
