"""The analyst's correction dialogs: a person's side or role, a merge, a missing engagement.

One small form class serves them all: labelled fields, a help line, and a check on
submit that keeps the dialog open with a one-line message when a value is refused
(an unknown country, a date that is not a date).  The dialog dismisses with the values
as typed, checked; the screen that opened it records the correction in a worker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from tui.screens.base import BriefroomModal

Check = Callable[[dict[str, str]], str | None]
"""Returns a one-line message when the values are refused, else None."""


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a correction form."""

    key: str
    label: str
    value: str = ""
    placeholder: str = ""


class CorrectionForm(BriefroomModal):
    """Dismisses with ``{key: value}`` (stripped), or None when cancelled."""

    CSS_PATH = "../styles/dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="correction.cancel"),
        Binding("ctrl+s", "submit", "Save", id="correction.save"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        *,
        help_text: str = "",
        check: Check | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = tuple(fields)
        self.help_text = help_text
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="correction-form", classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            for field in self.fields:
                with Horizontal(classes="form-row"):
                    yield Label(field.label, classes="form-label")
                    yield Input(field.value, placeholder=field.placeholder,
                                id=f"cf-{field.key}", compact=True)  # fmt: skip
            yield Static(id="cf-error", classes="form-check")
            help_line = "ctrl+s: save · Esc: cancel"
            if self.help_text:
                help_line = f"{self.help_text} · {help_line}"
            yield Static(Text(help_line), classes="dialog-help form-help")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="cf-save", compact=True)
                yield Button("Cancel", id="cf-cancel", compact=True)

    def on_mount(self) -> None:
        if self.fields:
            self.query_one(f"#cf-{self.fields[0].key}", Input).focus()

    def values(self) -> dict[str, str]:
        """The fields as typed (stripped)."""
        return {f.key: self.query_one(f"#cf-{f.key}", Input).value.strip() for f in self.fields}

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        keys = [f.key for f in self.fields]
        current = (event.input.id or "").removeprefix("cf-")
        if current in keys and keys.index(current) + 1 < len(keys):
            self.query_one(f"#cf-{keys[keys.index(current) + 1]}", Input).focus()
        else:
            self.action_submit()

    @on(Button.Pressed, "#cf-save")
    def _save(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#cf-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        """Check the values; close with them, or say what is wrong."""
        values = self.values()
        problem = self.check(values) if self.check is not None else None
        if problem:
            self.query_one("#cf-error", Static).update(Text(problem, style="bold"))
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        """Close without a correction."""
        self.dismiss(None)


# --------------------------------------------------------------------------- the forms


def person_form(name: str, country: str | None, role: str | None) -> CorrectionForm:
    """Fix a person's country (or organisation) and role."""

    def check(values: dict[str, str]) -> str | None:
        if not values["country"] and not values["role"]:
            return "give a country (or org:NAME) or a role"
        side = values["country"]
        if side and not side.lower().startswith("org:") and _country(side) is None:
            return f"unknown country {side!r}"
        return None

    return CorrectionForm(
        f"Correct {name}",
        [
            Field("country", "Country", country or "", "Norway, NOR, or org:NATO"),
            Field("role", "Role", role or "", "Deputy Foreign Minister"),
        ],
        help_text="kept as the analyst's, over any extraction",
        check=check,
    )


def merge_form(name: str) -> CorrectionForm:
    """Name another person who is the same as ``name``."""

    def check(values: dict[str, str]) -> str | None:
        return None if values["other"] else "give the other name"

    return CorrectionForm(
        f"{name} is also known as",
        [Field("other", "Name", "", "Mohammed bin Zayed Al Nahyan")],
        help_text="the two become one person everywhere",
        check=check,
    )


ENGAGEMENT_TYPES = ("meeting", "call", "visit", "consultations", "signing", "multilateral")


def engagement_form(a: str, b: str, article: str, sentence: int = 0) -> CorrectionForm:
    """An engagement the extraction missed, with the article that reports it."""

    def check(values: dict[str, str]) -> str | None:
        if values["type"] not in ENGAGEMENT_TYPES:
            return f"type: one of {', '.join(ENGAGEMENT_TYPES)}"
        if values["status"] not in ("main", "background", "planned"):
            return "status: main, background or planned"
        if values["date"] and _date(values["date"]) is None:
            return f"date {values['date']!r} is not YYYY-MM-DD"
        codes = [c for c in (x.strip() for x in values["countries"].split(",")) if c]
        if len(codes) < 2 or any(_country(c) is None for c in codes):
            return "countries: two or more, comma-separated"
        if not values["article"]:
            return "give the article that reports it"
        if not values["sentence"].isdigit():
            return "sentence: its number in the article (0 for the headline)"
        for item in filter(None, (x.strip() for x in values["participants"].split(";"))):
            side, _, person = item.partition(":")
            if not person.strip() or _country(side.strip()) is None:
                return f"participant {item!r}: COUNTRY: Name"
        return None

    return CorrectionForm(
        "Add a missing engagement",
        [
            Field("type", "Type", "meeting", " / ".join(ENGAGEMENT_TYPES)),
            Field("status", "Status", "main", "main, background or planned"),
            Field("date", "Date", "", "YYYY-MM-DD"),
            Field("place", "Place", "", "Oslo"),
            Field("countries", "Sides", f"{a}, {b}", "USA, KAZ"),
            Field("participants", "People", "", f"{a}: Name; {b}: Name"),
            Field("article", "Article", article, "the id of the article that reports it"),
            Field("sentence", "Sentence", str(sentence), "0"),
        ],
        check=check,
    )


def engagement_values(values: dict[str, str]) -> dict[str, Any]:
    """The checked form as `search.ingest.corrections.add_engagement` takes it."""
    participants = []
    for item in filter(None, (x.strip() for x in values["participants"].split(";"))):
        side, _, person = item.partition(":")
        participants.append((_country(side.strip()) or side.strip(), person.strip()))
    return {
        "type_": values["type"],
        "status": values["status"],
        "date": values["date"] or None,
        "place": values["place"] or None,
        "countries": [_country(c.strip()) for c in values["countries"].split(",") if c.strip()],
        "participants": participants,
    }


def _country(text: str) -> str | None:
    from search.api import resolve_country

    return resolve_country(text)


def _date(text: str) -> str | None:
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None
