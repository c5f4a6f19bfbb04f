"""A meeting with a counterpart country, and the delegations on each side.

The meeting's date is read from what the user typed by `briefs.meeting_dates`; meetings
are stored in the archive by `briefs.meeting_store`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

FORMATS = ("consultations", "visit", "call", "summit", "meeting", "signing", "multilateral")
"""The formats a meeting may have (``--format``, the form's select)."""


@dataclass(frozen=True)
class Delegate:
    """One member of a delegation, matched against the people registry when stored.

    Attributes:
        name: The registry's full name when the typed name is known, else as typed.
        typed: The name as the user typed it.
        role: Their role as of the meeting's date (the registry's), when known.
        country: The side the registry gives them (ISO alpha-3), when known.
        person: The registry id; None when the archive does not know the name.
    """

    name: str
    typed: str = ""
    role: str | None = None
    country: str | None = None
    person: int | None = None

    @property
    def known(self) -> bool:
        """True when the name was found in the people registry."""
        return self.person is not None

    def describe(self) -> str:
        """``Audun Halvorsen (State Secretary)``, or the name as typed."""
        return f"{self.name} ({self.role})" if self.role else self.name

    def to_dict(self) -> dict[str, object]:
        """The stored (JSON) form."""
        return {
            "name": self.name,
            "typed": self.typed or self.name,
            "role": self.role,
            "country": self.country,
            "person": self.person,
        }

    @classmethod
    def from_dict(cls, value: object) -> Delegate | None:
        """A delegate from its stored form (None when it is not one)."""
        if isinstance(value, str) and value.strip():
            return cls(" ".join(value.split()), " ".join(value.split()))
        if not isinstance(value, dict) or not str(value.get("name") or "").strip():
            return None
        person = value.get("person")
        return cls(
            name=str(value["name"]),
            typed=str(value.get("typed") or value["name"]),
            role=str(value["role"]) if value.get("role") else None,
            country=str(value["country"]) if value.get("country") else None,
            person=int(person) if isinstance(person, int) else None,
        )


def delegates(names: tuple[str, ...] | list[str]) -> tuple[Delegate, ...]:
    """Typed names as (not yet matched) delegates, blanks and repeats left out."""
    out: dict[str, Delegate] = {}
    for name in names:
        clean = " ".join(str(name).split())
        if clean and clean.lower() not in out:
            out[clean.lower()] = Delegate(clean, clean)
    return tuple(out.values())


@dataclass(frozen=True)
class Meeting:
    """A meeting with a counterpart country.

    Attributes:
        country: The counterpart (ISO alpha-3).
        date: The day (ISO ``YYYY-MM-DD``).
        date_text: The date as the user typed it.
        title: A short title ("Political consultations").
        place: Where ("Oslo").
        format: One of `FORMATS` (consultations, visit, call ...).
        participants: Whom we meet (names as typed).
        purpose: Why the meeting takes place (free text).
        id: The stored meeting's id (None until stored).
        home: Our side (ISO alpha-3) when the meeting was added; None for meetings stored
            before briefroom kept it (the configured side is theirs).
        ours: Our delegation.
        theirs: Their delegation.
        status: The recorded outcome's status (held, postponed, cancelled), None while
            no outcome is recorded (read from the store, never written with the meeting).
        author: Who added it: on a team store the database role they logged in as, else
            the operating-system user (set when stored; None for meetings stored before
            briefroom kept it).
    """

    country: str
    date: str
    date_text: str = ""
    title: str | None = None
    place: str | None = None
    format: str | None = None
    participants: tuple[str, ...] = field(default_factory=tuple)
    purpose: str | None = None
    id: int | None = None
    home: str | None = None
    ours: tuple[Delegate, ...] = ()
    theirs: tuple[Delegate, ...] = ()
    status: str | None = None
    author: str | None = None

    @property
    def day(self) -> dt.date:  # dt.: the field `date` hides the class here
        """The meeting day."""
        return dt.date.fromisoformat(self.date)

    def days_left(self, as_of: dt.date) -> int:
        """Days from ``as_of`` to the meeting (negative: it is past)."""
        return (self.day - as_of).days

    def side(self, configured: str | None) -> str | None:
        """Our side for this meeting: the stored one, else the configured one."""
        return self.home or configured

    def attendees(self, *, as_typed: bool = True) -> tuple[str, ...]:
        """Whom we meet: the names as the user typed them, or (``as_typed=False``) their
        delegation with the registry's full names, then any other name given."""
        if as_typed:
            names = list(self.participants)
            names += [d.typed or d.name for d in self.theirs if (d.typed or d.name) not in names]
            return tuple(names)
        names = [d.name for d in self.theirs]
        typed = {d.typed.lower() for d in self.theirs} | {n.lower() for n in names}
        names.extend(n for n in self.participants if n.lower() not in typed)
        return tuple(names)


def days_left_text(days: int) -> str:
    """``today``, ``tomorrow``, ``in 6 days``, ``3 days ago``."""
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"
