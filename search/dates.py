"""Dates typed by people: ``since:"last month"``, ``until:2019-05``, ``--date "5 Dec"``.

dateparser is imported lazily (it costs ~0.3 s, dateparser#253) and always called with
the languages restricted and a naive ``RELATIVE_BASE`` (REFERENCE.md, section 7).
"""

from __future__ import annotations

import calendar
import re
import threading
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_ISO_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")
# Relative phrases that name a day even when dateparser reports a coarser period.
_EXACT = re.compile(r"\bago\b|\bin\s+\d|\bbefore\b|\bafter\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive range of days; a phrase like "May 2019" covers the whole month."""

    start: date
    end: date


class DateError(ValueError):
    """A date phrase that cannot be read."""


# What an English date phrase may hold besides numbers: anything else in it means
# dateparser would read only part of the phrase ("yesterday's tomorrow").
_VOCABULARY = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun today tomorrow yesterday
    tonight now next last this coming past previous following in ago before after from of
    the a an on at by day days week weeks fortnight month months year years weekend
    morning afternoon evening night noon midday midnight am pm a.m p.m st nd rd th one two
    three four five six seven eight nine ten eleven twelve couple few and beginning start
    end early mid late utc gmt""".split()
)
_ANCHORS = frozenset({"today", "tomorrow", "yesterday", "tonight", "now"})
_WEEKDAY_NAMES = {
    name: index
    for index, names in enumerate(
        (("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
         ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"),
         ("sunday", "sun"))
    )
    for name in names
}  # fmt: skip
_ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z.'’]*")
# A day of the month written in the phrase: a weekday then has to agree with it.
_DAY_NUMBER = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b|\d{1,4}[/.-]\d{1,2}")


def unread_words(text: str) -> list[str]:
    """Words of an English date phrase that are no part of a date, or anchors that
    contradict each other ("yesterday's tomorrow": both), so that a phrase dateparser
    would only half read is refused rather than guessed.  Words in other scripts are left
    to dateparser (it knows the configured languages)."""
    words = [w.lower().rstrip(".") for w in _ASCII_WORD.findall(text)]
    unread = [w for w in words if w not in _VOCABULARY]
    anchors = {w for w in words if w in _ANCHORS}
    if len(anchors) > 1:
        unread.extend(sorted(anchors))
    return list(dict.fromkeys(unread))


def weekday_conflict(text: str, day: date) -> str | None:
    """A weekday the phrase names that ``day`` is not ("Tuesday 2 December" read as a
    Wednesday): the message, or None."""
    if not _DAY_NUMBER.search(text):
        return None  # "next Tuesday": the weekday is what names the day
    named = {
        _WEEKDAY_NAMES[w.lower().rstrip(".")]
        for w in _ASCII_WORD.findall(text)
        if w.lower().rstrip(".") in _WEEKDAY_NAMES
    }
    if not named or day.weekday() in named:
        return None
    said = calendar.day_name[min(named)]
    return f"{text!r} names a {said}, but {day.day} {calendar.month_name[day.month]} {day.year} is a {calendar.day_name[day.weekday()]}"


def parse_range(text: str, *, as_of: date | None = None, languages: tuple[str, ...] = ("en",),
                day_order: str = "DMY") -> DateRange:  # fmt: skip
    """Read a date phrase into the days it covers.

    ``2019`` and ``last year`` cover the year, ``2019-05``, ``May 2019`` and ``last
    month`` the month, ``last week`` its Monday to Sunday; ``2019-05-03``, ``yesterday``,
    ``last Tuesday`` and ``3 weeks ago`` one day.  Relative phrases are anchored at
    ``as_of`` (default: today) and prefer the past ("May" is the last May).

    Raises:
        DateError: the phrase is not a date.
    """
    text = text.strip().strip("\"'")
    if not text:
        raise DateError("empty date")
    if m := _ISO_DAY.match(text):
        day = _safe_date(int(m[1]), int(m[2]), int(m[3]), text)
        return DateRange(day, day)
    if m := _ISO_MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise DateError(f"{text!r}: no month {month}")
        return DateRange(
            date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        )
    if m := _YEAR.match(text):
        year = int(m[1])
        return DateRange(date(year, 1, 1), date(year, 12, 31))
    base = as_of or date.today()
    unread = unread_words(text)
    if unread:
        raise DateError(f"{text!r} is not a date briefroom can read ({', '.join(unread)})")
    parsed = _parse(text, base, languages, day_order, prefer="past")
    if parsed is None:
        raise DateError(f"{text!r} is not a date")
    found, precision = parsed
    conflict = weekday_conflict(text, found)
    if conflict:
        raise DateError(conflict)
    if _EXACT.search(text):
        precision = "day"  # "2 years ago" is a day, not the whole of that year
    if precision == "year":
        return DateRange(date(found.year, 1, 1), date(found.year, 12, 31))
    if precision == "month":
        last = calendar.monthrange(found.year, found.month)[1]
        return DateRange(date(found.year, found.month, 1), date(found.year, found.month, last))
    if precision == "week":
        monday = found - timedelta(days=found.weekday())
        return DateRange(monday, monday + timedelta(days=6))
    return DateRange(found, found)


def _safe_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateError(f"{text!r}: {exc}") from exc


def _parse(text: str, base: date, languages: tuple[str, ...], day_order: str,
           prefer: str) -> tuple[date, str] | None:  # fmt: skip
    try:
        parser = _date_parser(base, languages, day_order, prefer)
        with _PARSER_LOCK:
            data = parser.get_date_data(text[:200])
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


_PARSER_LOCK = threading.Lock()


@lru_cache(maxsize=16)
def _date_parser(base: date, languages: tuple[str, ...], day_order: str, prefer: str) -> Any:
    """A dateparser parser for one "today" (building one costs ~10 ms; reused)."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {
        # Naive base: a tz-aware one breaks relative parsing (dateparser#1213).
        "RELATIVE_BASE": datetime(base.year, base.month, base.day, 12, 0),
        "PREFER_DATES_FROM": prefer,
        "DATE_ORDER": day_order,
    }
    return DateDataParser(languages=list(languages), settings=settings)


def warm_up() -> None:
    """Import dateparser and parse once (~0.4 s), e.g. in a worker before the first search."""
    _parse("last month", date.today(), ("en",), "DMY", "past")


def day_after(day: date) -> date:
    """The next day (exclusive end of a range)."""
    return day + timedelta(days=1)
