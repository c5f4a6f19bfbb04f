"""Publication dates to ISO ``YYYY-MM-DD``, or ``None``: a date is read, never invented.

Order of attempts, cheapest and strictest first: ISO 8601 (`datetime.fromisoformat`),
RFC 822 as in RSS (`email.utils`), the common English ``March 5, 2019`` /
``5 March 2019`` forms, unambiguous numeric forms, epoch timestamps; only then
dateparser (through the date service, `search.dates.date_parser`), restricted to a few
languages, absolute dates, and day, month and year all present (so ``yesterday`` or
``March 2019`` give ``None``).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re
from typing import Any

from search.dates import LOCALE_ORDER, MONTHS, DateSettings, date_parser

MIN_YEAR = 1700
MAX_YEAR = 2200

_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_MONTH_DAY_YEAR = re.compile(
    _WEEKDAY + r"([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.IGNORECASE
)
_DAY_MONTH_YEAR = re.compile(
    _WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})\b",
    re.IGNORECASE,
)
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_DAY_OR_MONTH_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_NUMERIC_ONLY = re.compile(r"[\d\s/.\-:T+Z]*")
# dateparser is slow on long strings and never needed for them.
_MAX_DATEPARSER_CHARS = 80
_DATEPARSER_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "ru", "nl", "tr", "uk", "kk")
# A publication date names a day: without all three parts it is not read.
_PARTS = ("day", "month", "year")


def normalise_date(value: Any, lang: str | None = None) -> str | None:
    """Read a publication date.

    Args:
        value: A string (ISO 8601, RFC 822, ``March 5, 2019``, ...), a `datetime.date`
            or `datetime.datetime` (as YAML front matter gives), or an epoch timestamp
            (seconds or milliseconds).
        lang: Language of the text, used to let dateparser read month names in it.

    Returns:
        ``YYYY-MM-DD`` in the date's own time zone, or ``None`` when the value is not
        a full, plausible calendar date.
    """
    if isinstance(value, dt.datetime | dt.date):
        return _iso(value.year, value.month, value.day)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_timestamp(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 200:
        return None
    return _from_string(text, lang)


def date_from_parts(year: int | None, month: int | None, day: int | None) -> str | None:
    """``YYYY-MM-DD`` when the three parts make a real, plausible date, else ``None``."""
    if year is None or month is None or day is None:
        return None
    return _iso(year, month, day)


def _from_string(text: str, lang: str | None) -> str | None:
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        return _iso(parsed.year, parsed.month, parsed.day)
    try:
        stamp = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    else:
        if stamp is not None:
            return _iso(stamp.year, stamp.month, stamp.day)
    if (match := _MONTH_DAY_YEAR.match(text)) and match.group(1).lower() in MONTHS:
        return _iso(int(match.group(3)), MONTHS[match.group(1).lower()], int(match.group(2)))
    if (match := _DAY_MONTH_YEAR.match(text)) and match.group(2).lower() in MONTHS:
        return _iso(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
    if _NUMERIC_ONLY.fullmatch(text):
        return _from_numeric(text)
    if len(text) > _MAX_DATEPARSER_CHARS:
        return None
    return _with_dateparser(text, _dateparser_languages(lang))


def _from_numeric(text: str) -> str | None:
    if text.isdigit():
        return _from_timestamp(int(text)) if len(text) in (10, 13) else None
    if match := _YEAR_FIRST.match(text):
        return _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _DAY_OR_MONTH_FIRST.match(text):
        first, second, year = (int(g) for g in match.groups())
        # 05/03/2019 is May or March depending on the writer: refuse to guess.
        if first <= 12 and second <= 12 and first != second:
            return None
        day, month = (first, second) if first > 12 else (second, first)
        return _iso(year, month, day)
    return None


def _from_timestamp(value: float) -> str | None:
    if value != value or value <= 0:  # NaN or not after the epoch
        return None
    if 1e11 <= value < 1e14:  # milliseconds
        value /= 1000
    if not 1e8 <= value < 1e10:  # 1973 .. 2286: anything else is not a timestamp
        return None
    stamp = dt.datetime.fromtimestamp(value, tz=dt.UTC)
    return _iso(stamp.year, stamp.month, stamp.day)


@functools.lru_cache(maxsize=32)
def _dateparser_languages(lang: str | None) -> tuple[str, ...]:
    if lang and lang not in _DATEPARSER_LANGUAGES and re.fullmatch(r"[a-z]{2}", lang):
        return (*_DATEPARSER_LANGUAGES, lang)
    return _DATEPARSER_LANGUAGES


def _with_dateparser(text: str, languages: tuple[str, ...]) -> str | None:
    # Absolute dates only, so "today" is never used.  The archive's dates are written by
    # others: numbers in each language's own order, not in the user's day_order.
    settings = DateSettings(dt.date.today(), languages, LOCALE_ORDER)
    try:
        data = date_parser(settings, require=_PARTS, absolute=True).read(text)
    except Exception:  # dateparser raises many types on odd input; an unread date is None
        if len(languages) > len(_DATEPARSER_LANGUAGES):  # an unknown extra language
            return _with_dateparser(text, _DATEPARSER_LANGUAGES)
        return None
    parsed = data.date_obj
    if parsed is None:
        return None
    return _iso(parsed.year, parsed.month, parsed.day)


def _iso(year: int, month: int, day: int) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
