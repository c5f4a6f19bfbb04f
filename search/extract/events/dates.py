"""Event dates: dates in the text, resolved against the publication day (weekdays,
calendar dates without a year)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from search.dates import LOCALE_ORDER, MONTHS, DateSettings, date_parser
from search.extract.topics import KeywordMatcher

# When: relative phrases anchored at the publication date.
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# Words a date phrase contains: found through the shared word index, then the full
# pattern runs on a few characters around each (on a whole sentence it costs ~80 µs).
_DATE_WORDS = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Jan Feb Mar Apr Jun Jul Aug "
    "Sep Sept Oct Nov Dec yesterday Yesterday today Today tonight Tonight day"
).split()
_DATE = re.compile(
    rf"\b(?:(?P<rel>last|this|next)\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<word>yesterday|today|tonight|the\s+same\s+day|that\s+day)\b"
    rf"|\b(?P<md>{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?)\b"
    rf"|\b(?P<dm>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?:19|20)\d\d)?)\b",
    re.I,
)


_DATE_HITS: list[tuple[str | None, list[tuple[int, int, tuple[Any, ...]]]]] = [(None, [])]


@functools.lru_cache(maxsize=1)
def _date_matcher() -> KeywordMatcher:
    return KeywordMatcher(((word, word) for word in _DATE_WORDS), case_sensitive=True)


# --------------------------------------------------------------------------- dates


def parse_published(date: str | None) -> dt.date | None:
    """The publication date as a date (None when missing or not ISO)."""
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None


def _date(
    text: str,
    sentence: tuple[int, int],
    position: int,
    published: dt.date | None,
    last_date: str | None,
) -> str | None:
    """The date a sentence gives its event, nearest phrase to the trigger."""
    matches = []
    entry = _DATE_HITS[0]
    if entry[0] is not text:
        # Found once per article, not once per event (a long text has many events).
        entry = (text, _date_matcher().find(text))
        _DATE_HITS[0] = entry  # one tuple swapped in: safe for threads to read meanwhile
    for hit_start, hit_end, _ in entry[1]:
        if hit_start >= sentence[1]:
            break
        if sentence[0] <= hit_start < sentence[1]:
            window = (max(sentence[0], hit_start - 16), min(sentence[1], hit_end + 14))
            match = _DATE.search(text, *window)
            if match is not None:
                matches.append(match)
    if not matches:
        return None
    match = min(matches, key=lambda m: abs(m.start() - position))
    if match.group("weekday"):
        if published is None:
            return None
        return resolve_weekday(match.group("weekday"), match.group("rel"), published).isoformat()
    word = (match.group("word") or "").lower()
    if word:
        if word in ("today", "tonight"):
            return published.isoformat() if published else None
        if word == "yesterday":
            return (published - dt.timedelta(days=1)).isoformat() if published else None
        return last_date  # "the same day": the day of the event before
    phrase = match.group("md") or match.group("dm")
    return resolve_calendar_date(phrase, published)


def resolve_weekday(name: str, relative: str | None, published: dt.date) -> dt.date:
    """The date a weekday names in a story published on ``published``.

    A bare weekday is the most recent one on or before publication ("said on Tuesday" in
    a Tuesday story is that day, where dateparser would answer a week earlier);
    ``last`` is strictly before, ``next`` strictly after.
    """
    target = _WEEKDAYS.index(name.lower())
    back = (published.weekday() - target) % 7
    rel = (relative or "").lower()
    if rel == "next":
        return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    if rel == "last" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


@functools.lru_cache(maxsize=2048)
def resolve_calendar_date(phrase: str, published: dt.date | None) -> str | None:
    """ "March 5", "5 December 2019": dateparser, anchored at the publication date.

    Without a publication date only phrases with a year are resolved (a bare "March 5"
    would otherwise be anchored at today).  Cached: dateparser costs ~1 ms a call.
    """
    has_year = re.search(r"(?:19|20)\d\d", phrase) is not None
    if published is None and not has_year:
        return None
    quick = _month_day(phrase, published)
    if quick is not None:
        return quick or None
    settings = DateSettings(published or dt.date(2000, 1, 1), ("en",), LOCALE_ORDER)
    stripped = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", phrase)
    try:
        # The start of the publication day, not midday as for dates typed by people:
        # the anchor every stored extraction was resolved against.
        parser = date_parser(settings, prefer="past", base_hour=0, require=("day", "month"))
        parsed = parser.read(stripped).date_obj
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat() if parsed else None


_MONTH_DAY = re.compile(
    r"\s*(?:(?P<m1>[A-Za-z]+)\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?|(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
    r"\s+(?:of\s+)?(?P<m2>[A-Za-z]+)\.?)(?:,?\s+(?P<y>(?:19|20)\d\d))?\s*"
)


def _month_day(phrase: str, published: dt.date | None) -> str | None:
    """ "March 5", "5 December 2019": resolved without dateparser, as it would.

    Returns the ISO date, ``""`` when the phrase is such a date but not a real one
    ("February 30"), or None when it is another kind of phrase (for dateparser).
    A date without a year is the last one on or before publication (dateparser's
    ``PREFER_DATES_FROM: past``), unless it falls within `SOON` after it: "will travel
    ... from May 2" in an April 29 story is this May, not last year's (as the
    engagements read it, `search.extract.when`).
    """
    match = _MONTH_DAY.fullmatch(phrase)
    if match is None:
        return None
    month = MONTHS.get((match.group("m1") or match.group("m2")).lower())
    if month is None:
        return None
    day = int(match.group("d1") or match.group("d2"))
    if match.group("y"):
        years = [int(match.group("y"))]
    elif published is not None:
        years = [published.year, published.year - 1]
    else:
        return None
    for year in years:
        try:
            found = dt.date(year, month, day)
        except ValueError:
            return "" if match.group("y") else None  # "Feb 29": dateparser finds the leap year
        if match.group("y") or published is None or found <= published + SOON:
            return found.isoformat()
    return ""


# A date without a year this close after publication is the coming one, though told in the
# past tense: the same day a year back is one a story would date "last May 11" (shared with
# `search.extract.when`, so that an event and its engagement are dated alike).
SOON = dt.timedelta(days=45)
