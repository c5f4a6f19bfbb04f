"""A meeting as the user gives it: the counterpart's name, the date in words, the names
of both delegations, checked and turned into a `Meeting`.

The add-meeting form (`check_meeting_form`, as the user types) and ``briefroom meetings
add`` / ``briefroom brief`` (`new_meeting`) read what was typed the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from briefs.meeting_dates import DateResolution, MeetingDateError, resolve_date
from briefs.meeting_model import Meeting, delegates
from search.extract.countries import country_name, resolve_country


@dataclass(frozen=True, slots=True)
class FormCheck:
    """What the add-meeting form's country and date mean.

    Attributes:
        country_text: The country as typed.
        date_text: The date as typed.
        code: The counterpart's ISO code (None: empty, unknown or our own side).
        country_note: "Norway (NOR)", or why the country cannot be used.
        resolution: What the date means (None: empty or not a date).
        date_error: Why the date cannot be used (not a date), else None.
    """

    country_text: str
    date_text: str
    code: str | None
    country_note: str
    resolution: DateResolution | None
    date_error: str | None

    @property
    def ok(self) -> bool:
        """A known counterpart and one day."""
        return (
            self.code is not None
            and self.resolution is not None
            and self.resolution.day is not None
        )


def counterpart(country_text: str, home: str | None) -> tuple[str | None, str]:
    """The counterpart's ISO code (None: empty, unknown or our own side ``home``) and a
    note: "Norway (NOR)", or why the country cannot be used."""
    country = " ".join(country_text.split())
    if not country:
        return None, "the counterpart country: a name, demonym or ISO code"
    code = resolve_country(country)
    if code is None:
        return None, f"unknown country {country!r}"
    if code == home:
        return None, f"{country_name(code)} ({code}) is our own side"
    return code, f"{country_name(code)} ({code})"


def check_meeting_form(
    country_text: str,
    date_text: str,
    *,
    as_of: date,
    languages: tuple[str, ...],
    day_order: str,
    home: str | None,
) -> FormCheck:
    """Resolve the form's country and date (dateparser: run it in a worker)."""
    code, note = counterpart(country_text, home)
    resolution: DateResolution | None = None
    error: str | None = None
    if date_text.strip():
        try:
            resolution = resolve_date(date_text, as_of=as_of, languages=languages,
                                      day_order=day_order)  # fmt: skip
        except MeetingDateError as exc:
            error = " ".join(str(exc).split())
    return FormCheck(country_text, date_text, code, note, resolution, error)


def new_meeting(
    code: str,
    home: str | None,
    day: str,
    date_text: str,
    *,
    title: str | None,
    place: str | None,
    fmt: str | None = None,
    purpose: str | None = None,
    ours: tuple[str, ...] = (),
    theirs: tuple[str, ...] = (),
) -> Meeting:
    """A meeting with ``code`` on ``day`` (ISO) as typed on the command line: names and
    the purpose with their spaces tidied, repeated names once."""
    clean = [" ".join(n.split()) for n in theirs if n.strip()]
    return Meeting(
        code,
        day,
        date_text,
        title=title,
        place=place,
        format=fmt,
        participants=tuple(dict.fromkeys(clean)),
        purpose=" ".join(purpose.split()) if purpose and purpose.strip() else None,
        home=home,
        ours=delegates(ours),
        theirs=delegates(theirs),
    )
