"""The date service: every date briefroom reads goes through here.

Four kinds of request parse dates, and each carries a `DateSettings` (the day that is
"today" for it, the languages the date may be written in, the order of numeric dates):

- filters typed by people (``since:"last month"``, ``--since``): `parse_range`,
  preferring the past;
- meeting dates typed by people (``briefs.meeting_dates.resolve_date``): `read_date` preferring
  the future;
- publication dates of articles (``search.readers.dates``): absolute dates only;
- dates in article text (``search.extract.events``): anchored at the publication day.

All four get their parser from `date_parser`, which keeps one per settings: dateparser's
``DateDataParser`` is built once and reused rather than once per phrase.  dateparser is
imported lazily (it costs ~0.3 s, dateparser#253), always with the languages restricted
and a naive ``RELATIVE_BASE`` (docs/reference.md, Dates).
"""

from __future__ import annotations

import calendar
import re
import threading
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

LOCALE_ORDER = "locale"
"""`DateSettings.day_order` for dates written by others (articles): numbers read in each
language's own order, since the writer's convention is not the user's."""

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
"""English month names and abbreviations (lower case) to month numbers."""

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
"""English month names in full, in calendar order."""

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""English weekday names, Monday first."""


@dataclass(frozen=True, slots=True)
class DateSettings:
    """How one request reads dates.

    Attributes:
        as_of: "Today": relative phrases ("last month", "next Tuesday") are anchored here
            (for dates in articles, the publication day).
        languages: dateparser language codes the dates may be written in.
        day_order: How numeric dates like 03/12 read: ``DMY``, ``MDY``, ``YMD``, or
            `LOCALE_ORDER` for each language's own order.
    """

    as_of: date
    languages: tuple[str, ...] = ("en",)
    day_order: str = "DMY"


class DateParser:
    """One dateparser parser, shared by the threads that read dates with its settings."""

    def __init__(self, parser: Any) -> None:
        self._parser = parser
        # Searches run in worker threads and share a parser; dateparser keeps per-parser
        # state (detected locales), so calls on one parser are serialised.
        self._lock = threading.Lock()

    def read(self, text: str) -> Any:
        """dateparser's ``DateData`` for ``text`` (``date_obj`` None when unread).

        Raises:
            Exception: whatever dateparser raises on odd input (callers decide).
        """
        with self._lock:
            return self._parser.get_date_data(text)


def date_parser(
    settings: DateSettings,
    *,
    prefer: str | None = None,
    base_hour: int = 12,
    require: tuple[str, ...] = (),
    absolute: bool = False,
) -> DateParser:
    """The cached parser for these settings (the same object for the same arguments).

    Args:
        settings: Languages, day order and the day relative phrases are anchored at.
        prefer: ``past`` or ``future``: where a date without a year falls (None:
            dateparser's default, the current period).
        base_hour: Hour of ``as_of`` relative phrases count from: midday for dates typed
            by people, so "tomorrow" never slips across midnight.
        require: Parts the date must give (``day``, ``month``, ``year``), else unread.
        absolute: Only absolute dates, strictly parsed (publication dates); ``as_of``
            and ``base_hour`` are then not used.
    """
    as_of = settings.as_of
    base = None if absolute else datetime(as_of.year, as_of.month, as_of.day, base_hour)
    return _cached_parser(
        tuple(settings.languages), settings.day_order, prefer, base, tuple(require), absolute
    )


@lru_cache(maxsize=128)
def _cached_parser(
    languages: tuple[str, ...],
    day_order: str,
    prefer: str | None,
    base: datetime | None,
    require: tuple[str, ...],
    absolute: bool,
) -> DateParser:
    # Positional only, so that one set of settings is one cache key.
    from dateparser.date import DateDataParser

    options: dict[str, Any] = {}
    if base is not None:
        # Naive base: a tz-aware one breaks relative parsing (dateparser#1213).
        options["RELATIVE_BASE"] = base
    if prefer is not None:
        options["PREFER_DATES_FROM"] = prefer
    if day_order != LOCALE_ORDER:
        options["DATE_ORDER"] = day_order
    if require:
        options["REQUIRE_PARTS"] = list(require)
    if absolute:
        options.update(
            STRICT_PARSING=True, PARSERS=["absolute-time"], RETURN_AS_TIMEZONE_AWARE=False
        )
    return DateParser(DateDataParser(languages=list(languages), settings=options))


def read_date(text: str, settings: DateSettings, *, prefer: str) -> tuple[date, str] | None:
    """A phrase typed by a person, as (day, period), or None when dateparser cannot read it.

    The period is dateparser's: ``day``, ``week``, ``month`` or ``year``.
    """
    try:
        data = date_parser(settings, prefer=prefer).read(text[:200])
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def warm_up() -> None:
    """Import dateparser and parse once (~0.4 s): bench/search.py pays this one-off start
    before timing searches, as a session pays it once."""
    read_date("last month", DateSettings(date.today()), prefer="past")


def day_after(day: date) -> date:
    """The next day (exclusive end of a range)."""
    return day + timedelta(days=1)


# --------------------------------------------------------------------------- filters

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


def parse_range(
    text: str,
    settings: DateSettings | None = None,
    *,
    as_of: date | None = None,
    languages: tuple[str, ...] = ("en",),
    day_order: str = "DMY",
) -> DateRange:
    """Read a date phrase into the days it covers.

    ``2019`` and ``last year`` cover the year, ``2019-05``, ``May 2019`` and ``last
    month`` the month, ``last week`` its Monday to Sunday; ``2019-05-03``, ``yesterday``,
    ``last Tuesday`` and ``3 weeks ago`` one day.  Relative phrases are anchored at
    ``as_of`` and prefer the past ("May" is the last May).

    Args:
        text: The phrase.
        settings: How to read it; without it, ``as_of`` (default: today), ``languages``
            and ``day_order`` make the settings.
        as_of: "Today", when no ``settings`` are given.
        languages: dateparser languages, when no ``settings`` are given.
        day_order: ``DMY``, ``MDY`` or ``YMD``, when no ``settings`` are given.

    Raises:
        DateError: the phrase is not a date.
    """
    if settings is None:
        settings = DateSettings(as_of or date.today(), tuple(languages), day_order)
    text = text.strip().strip("\"'")
    if not text:
        raise DateError("empty date")
    if (iso := _iso_range(text)) is not None:
        return iso
    unread = unread_words(text)
    if unread:
        raise DateError(f"{text!r} is not a date briefroom can read ({', '.join(unread)})")
    parsed = read_date(text, settings, prefer="past")
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


def _iso_range(text: str) -> DateRange | None:
    """``2019-05-03``, ``2019-05`` or ``2019`` without dateparser (None: another form)."""
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
    return None


def _safe_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateError(f"{text!r}: {exc}") from exc
