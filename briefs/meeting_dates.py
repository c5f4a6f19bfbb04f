"""A meeting's date as people type it ("next Tuesday", "5 Dec", "03/12", "12 марта").

`resolve_date` reads the phrase with the date service (`search.dates.read_date`, the
parser search filters use too), preferring the future, anchored at ``as_of`` (a naive
date, docs/reference.md, Dates), numeric dates in the configured day order and only in the
configured languages: one `search.dates.DateSettings`.  A phrase that names one day resolves to
that day; a phrase that does not ("June", "next week", "end of month") resolves to a
range with ``day = None`` and is *ambiguous*: shown to the user, never guessed.
Nonsense raises `MeetingDateError`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from search.dates import DateSettings, read_date, unread_words, weekday_conflict

WEEKDAYS = tuple(calendar.day_name)

_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^\d{1,4}\s*[./-]\s*\d{1,2}(\s*[./-]\s*\d{1,4})?$")
_DAY_ONLY = re.compile(r"^(the\s+)?(\d{1,2})(st|nd|rd|th)?$", re.I)
_YEAR = re.compile(r"\b\d{4}\b")
# A time of day is not part of the meeting's date: "Tuesday 15:00", "5 Dec at 10am".
_TIMES = (
    re.compile(r"(?:\bat\s+)?\b([01]?\d|2[0-3])[:h]([0-5]\d)\s*([ap])?\.?(m\.?)?(?!\w)", re.I),
    re.compile(r"(?:\bat\s+)?\b(1[0-2]|0?[1-9])\s*([ap])\.?m\.?(?!\w)", re.I),
    re.compile(r"\bat\s+([01]?\d|2[0-3])\s*$", re.I),
)
# "in two weeks", "a month from now": an offset names one day even at week/month period.
_OFFSET = re.compile(
    r"\b(in|within|after|from now|later|hence)\b|\b(\d+|a|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|couple)\s+(days?|weeks?|months?)\b",
    re.I,
)
_VAGUE = re.compile(
    r"^(?:(?:by|around|about|circa|sometime|some time)\s+)?(?:the\s+)?"
    r"(end|beginning|start|middle|mid|early|late|later|second half|first half)\b[\s-]*(?:of\s+)?(?:the\s+)?(.*)$",
    re.I,
)
_NEXT_WEEKDAY = re.compile(r"^next\s+(" + "|".join(WEEKDAYS) + r")\b", re.I)
_PAST_WORDS = re.compile(r"\b(ago|last|yesterday|previous|past)\b", re.I)
_SCRIPTS = (
    (re.compile(r"[\u0400-\u04ff]"), "ru"),
    (re.compile(r"[\u0600-\u06ff]"), "ar"),
    (re.compile(r"[\u4e00-\u9fff]"), "zh"),
    (re.compile(r"[\u3040-\u30ff]"), "ja"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
    (re.compile(r"[\u0370-\u03ff]"), "el"),
)


class MeetingDateError(ValueError):
    """A date phrase that is not a date (the message says why, in one line)."""


@dataclass(frozen=True, slots=True)
class DateResolution:
    """What a date phrase means.

    Attributes:
        text: The phrase as typed.
        day: The day, or None when the phrase does not name one day (ambiguous).
        start: First day the phrase may mean (None when unknown).
        end: Last day the phrase may mean (None when unknown).
        precision: ``day``, ``week``, ``month``, ``year`` or ``vague``.
        notes: How the phrase was read, for the user to check ("read as day/month").
        time: A time of day given with the date ("15:00"), kept as written.
    """

    text: str
    day: date | None
    start: date | None
    end: date | None
    precision: str = "day"
    notes: tuple[str, ...] = ()
    time: str | None = None

    @property
    def ambiguous(self) -> bool:
        """True when the phrase does not name one day."""
        return self.day is None

    def describe(self) -> str:
        """The resolution echoed back: ``Tuesday 17 June 2025 (2025-06-17)``."""
        if self.day is not None:
            return f"{long_date(self.day)} ({self.day.isoformat()})"
        if self.start is None or self.end is None:
            return f"{self.text!r} is not one day (day unknown)"
        if self.precision == "month" or (
            self.start.day == 1
            and self.end == _month_end(self.start)
            and self.start.month == self.end.month
        ):
            return f"{self.start:%B %Y} (day unknown)"
        if self.precision == "year":
            return f"{self.start.year} (day unknown)"
        return f"{self.start.isoformat()} to {self.end.isoformat()} (day unknown)"

    def problem(self) -> str:
        """One line for an ambiguous phrase: what it means and what to give instead."""
        hint = "give the day, e.g. '12 June' or '2025-06-12'"
        return f"ambiguous date {self.text!r}: {self.describe()}; {hint}"


def long_date(day: date) -> str:
    """``Tuesday 17 June 2025`` (English, independent of the locale)."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {calendar.month_name[day.month]} {day.year}"


def resolve_date(
    text: str,
    settings: DateSettings | None = None,
    *,
    as_of: date | None = None,
    languages: tuple[str, ...] = ("en",),
    day_order: str = "DMY",
) -> DateResolution:
    """Resolve a meeting date typed in words, preferring the future.

    Args:
        text: The phrase ("next Tuesday", "5 Dec", "03/12", "in two weeks", "12 марта").
        settings: How to read it (today, languages, day order); without it ``as_of``,
            ``languages`` and ``day_order`` make the settings.
        as_of: Today (relative phrases are anchored here), when no ``settings`` are given.
        languages: dateparser language codes the phrase may be written in.
        day_order: How to read numeric dates: ``DMY``, ``MDY`` or ``YMD``.

    Returns:
        The resolution; ``day`` is None when the phrase is ambiguous.

    Raises:
        MeetingDateError: the phrase is empty, only a time, or not a date at all.
    """
    if settings is None:
        if as_of is None:
            raise TypeError("resolve_date() needs settings or as_of")
        settings = DateSettings(as_of, tuple(languages), day_order)
    original = " ".join(str(text).split())
    if not original:
        raise MeetingDateError("no date given")
    phrase, time = _split_time(original)
    if not phrase:
        raise MeetingDateError(f"{original!r} is a time without a day")
    if m := _ISO_DAY.match(phrase):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as exc:
            raise MeetingDateError(f"{original!r}: {exc}") from exc
        return _day(original, day, settings.as_of, (), time)
    if m := _VAGUE.match(phrase):
        return _vague(original, m[2], settings, time)
    if _NUMERIC.match(phrase):
        # "03.12" would be read as a time of day: numbers with dots are a date here.
        phrase = re.sub(r"\s*[./-]\s*", "/", phrase)
    unread = unread_words(phrase)
    if unread:
        words = ", ".join(unread)
        raise MeetingDateError(f"{original!r} is not a date briefroom can read ({words})")
    parsed = read_date(phrase, settings, prefer="future")
    if parsed is None:
        raise MeetingDateError(_not_a_date(original, settings.languages))
    found, period = parsed
    conflict = weekday_conflict(phrase, found)
    if conflict:
        raise MeetingDateError(f"{conflict}; give the date again")
    if period in ("week", "month") and _OFFSET.search(phrase):
        period = "day"
    coarse = _period(original, phrase, found, period, settings.as_of, time)
    if coarse is not None:
        return coarse
    return _one_day(original, phrase, found, settings, time)


_ORDER_NAMES = {"DMY": "day/month/year", "MDY": "month/day/year", "YMD": "year/month/day"}


def _period(
    text: str, phrase: str, found: date, period: str, as_of: date, time: str | None
) -> DateResolution | None:
    """A phrase dateparser reads as a week, month or year: a range, never one day (None:
    it reads as a day)."""
    if period == "week":
        monday = found - timedelta(days=found.weekday())
        return DateResolution(
            text,
            None,
            monday,
            monday + timedelta(days=6),
            "week",
            (f"{text!r} names a week, not a day",),
            time,
        )
    if period == "month":
        start = found.replace(day=1)
        notes = [f"{text!r} names a month, not a day"]
        if not _YEAR.search(phrase) and start.year > as_of.year and start.month == as_of.month:
            notes.append(f"if you mean this month: {as_of:%B %Y}")
        return DateResolution(text, None, start, _month_end(start), "month", tuple(notes), time)
    if period == "year":
        return DateResolution(
            text,
            None,
            date(found.year, 1, 1),
            date(found.year, 12, 31),
            "year",
            (f"{text!r} names a year, not a day",),
            time,
        )
    return None


def _one_day(
    text: str, phrase: str, found: date, settings: DateSettings, time: str | None
) -> DateResolution:
    """A phrase dateparser reads as one day, with notes on how it was read."""
    as_of = settings.as_of
    notes: list[str] = []
    if found < as_of and not _YEAR.search(phrase) and not _PAST_WORDS.search(phrase):
        if m := _DAY_ONLY.match(phrase):
            found = _next_day_of_month(as_of, int(m[2]))
            notes.append(f"read as the {_ordinal(int(m[2]))} of {found:%B %Y}")
        else:
            # dateparser's future preference does not reach every phrase ("next Friday at 10").
            return DateResolution(
                text,
                None,
                None,
                None,
                "vague",
                (f"{text!r} reads as a past day ({found.isoformat()})",),
                time,
            )
    if _NUMERIC.match(phrase):
        order = _ORDER_NAMES.get(settings.day_order, settings.day_order)
        notes.append(f"numbers read in {order} order (config day_order)")
    if m := _NEXT_WEEKDAY.match(phrase):
        notes.append(
            f"'next {m[1].capitalize()}' read as the coming {m[1].capitalize()}; "
            "give the date if you mean the week after"
        )
    return _day(text, found, as_of, tuple(notes), time)


def _day(
    text: str, day: date, as_of: date, notes: tuple[str, ...], time: str | None
) -> DateResolution:
    if day < as_of:
        days = (as_of - day).days
        ago = "1 day" if days == 1 else f"{days} days"
        notes = (*notes, f"in the past ({ago} before {as_of.isoformat()})")
    return DateResolution(text, day, day, day, "day", notes, time)


def _vague(text: str, rest: str, settings: DateSettings, time: str | None) -> DateResolution:
    """'end of month', 'early July', 'mid-June': a part of a period, never one day."""
    as_of = settings.as_of
    rest = rest.strip(" -")
    start: date | None = None
    if not rest or rest.lower() in ("month", "this month", "the month"):
        start = as_of.replace(day=1)
    elif rest.lower() in ("next month",):
        start = _month_end(as_of) + timedelta(days=1)
    else:
        parsed = read_date(rest, settings, prefer="future")
        if parsed is not None and parsed[1] == "month":
            start = parsed[0].replace(day=1)
            if (start.year, start.month) == (as_of.year + 1, as_of.month) and not _YEAR.search(
                rest
            ):
                start = as_of.replace(day=1)  # "end of June" said in June: this June
    note = f"{text!r} is part of a period, not a day"
    if start is None:
        return DateResolution(text, None, None, None, "vague", (note,), time)
    return DateResolution(text, None, start, _month_end(start), "vague", (note,), time)


def _split_time(text: str) -> tuple[str, str | None]:
    for pattern in _TIMES:
        m = pattern.search(text)
        if m:
            rest = (text[: m.start()] + " " + text[m.end() :]).strip(" ,")
            return " ".join(rest.split()), " ".join(m[0].split())
    return text, None


def _not_a_date(text: str, languages: tuple[str, ...]) -> str:
    message = f"{text!r} is not a date"
    for pattern, language in _SCRIPTS:
        if pattern.search(text) and language not in languages:
            return (
                f"{message} in the configured languages ({', '.join(languages)}); "
                f"add its language (e.g. {language}) to 'languages' in config.yaml"
            )
    return message


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _next_day_of_month(as_of: date, number: int) -> date:
    year, month = as_of.year, as_of.month
    for _ in range(13):
        if number <= calendar.monthrange(year, month)[1]:
            candidate = date(year, month, number)
            if candidate >= as_of:
                return candidate
        month += 1
        if month == 13:
            year, month = year + 1, 1
    raise MeetingDateError(f"no month has a day {number}")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
