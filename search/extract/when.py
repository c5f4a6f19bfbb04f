"""When an engagement happened, from the words of its sentence and the publication date.

Readouts and wire stories date their events relative to publication ("spoke today",
"met yesterday", "on Monday", "last month") or with calendar phrases ("on March 10",
"May 23-24", "from March 4 to 11", "in August 2021").  This module finds the phrase
nearest a trigger and resolves it against the publication date, never against today:
a 1987 story's "last month" is February 1987; its "June 3" is last June, unless the
engagement is announced, then next June.  What cannot be resolved stays unknown (None), never guessed.

Precision: a day (``YYYY-MM-DD``) or, for "in August 2021", "last month" and "last week"
(when that week lies in one month), a month (``YYYY-MM``).  A range gives its first day
("July 23-25" -> the 23rd).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from search.dates import MONTHS
from search.extract.events import resolve_weekday
from search.extract.events.dates import SOON

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Days a date without a year may fall after publication and still be reported as past.
_SLACK_DAYS = 7
# The same day a year back, which a story would date "last May 11" (`SOON`: the window
# ahead in which a date without a year is the coming one).
_YEAR_BACK = dt.timedelta(days=300)
_YEAR = r"(?:19|20)\d\d"
_YEAR_ONLY = 4  # len("1986"): a date of year precision
# The nouns a month may name the time of, as "the December conference".
_ENGAGEMENT_NOUN = (
    r"(?:conference|meetings?|summit|session|talks|round|agreement|accord|ministerial|"
    r"council|plenary|visit|trip)\b"
)
_PHRASE = re.compile(
    # Each phrase begins a word with one of these letters or a digit, and each alternative
    # with its own (after its word boundary): the guards reject other positions at once,
    # where the scan would try each alternative (the scan is 2.9x faster; as `_TRIGGER`'s in
    # `engagements.patterns`).
    r"\b(?=[abdefijlmnostuwy\d])(?:"
    # "March 4 to 11", "May 23-24", "July 23 - 25, 2021", "March 3, 2022"
    rf"\b(?=[jfmasond])(?P<md_month>{_MONTH})\s+(?P<md_day>{_DAY})"
    rf"(?:\s*(?:-|–|to|through|and)\s*(?:{_MONTH}\s+)?{_DAY})?(?:,?\s+(?P<md_year>{_YEAR}))?\b"
    # "4 March", "4-6 March 2022"
    rf"|\b(?=\d)(?P<dm_day>{_DAY})(?:\s*(?:-|–|to)\s*{_DAY})?\s+(?:of\s+)?(?P<dm_month>{_MONTH})"
    rf"(?:,?\s+(?P<dm_year>{_YEAR}))?\b"
    # "in August 2021", "August 2021", "in June of 2021", "in April, 1986"
    rf"|\b(?=[jfmasond])(?P<my_month>{_MONTH}),?\s+(?:of\s+)?(?P<my_year>{_YEAR})\b"
    # "OPEC's December conference", "the September meeting", "February's agreement": a
    # month named as an engagement's (capitalised: not "the parties may hold talks");
    # the word boundary, which a month after a space always has, spares the look-behinds
    # at other positions (the whole scan is 1.5x faster)
    rf"|\b(?=[jfmasond])(?:(?<=\bthe\s)|(?<=\bits\s)|(?<=\btheir\s)|(?<=[’']s\s))"
    rf"(?-i:(?P<am_month>{_MONTH}))"
    # ("the July United Nations Conference on Trade and Development meeting": a name between)
    rf"(?=\s+(?:[a-z]+[\s-]+)?(?:(?-i:[A-Z])[\w.’'-]*\s+(?:(?:on|of|and|for|the)\s+)?){{0,8}}?"
    rf"{_ENGAGEMENT_NOUN})"
    rf"|\b(?=[jfmasond])(?-i:(?P<ap_month>{_MONTH}))"
    rf"(?=[’']s\s+(?:[\w-]+\s+){{0,3}}?{_ENGAGEMENT_NOUN})"
    # "The 1988 meeting will be held in Manila", "the ADB's 1989 meeting": a year named as
    # the engagement's
    rf"|\b(?=\d)(?:(?<=\bthe\s)|(?<=[’']s\s))(?P<ay_year>{_YEAR})"
    rf"(?=\s+(?:[a-z]+[\s-]+)?{_ENGAGEMENT_NOUN})"
    # "In February", "in late July", "early March"
    rf"|\b(?=[idsuemlabt])(?:(?:in|during|since|until)\s+(?:(?:early|mid|late)[\s-])?"
    r"|(?:early|mid|late)[\s-]"
    r"|(?:at\s+|by\s+)?the\s+(?:end|beginning|start|middle)\s+of\s+)"
    rf"(?P<m_month>{_MONTH})(?![\w])(?!\s+(?:of\s+)?\d)(?!,\s*{_YEAR}\b)"
    # "in June of last year", "in March this year"
    r"(?:(?:\s+of)?\s+(?P<m_year>last|this|next)\s+year\b)?"
    # "last July", "late last July", "next June"
    r"|\b(?=[emlnt])(?:(?:early|mid|late)[\s-]+)?(?P<rm_rel>last|next|this)"
    rf"\s+(?P<rm_month>{_MONTH})"
    r"(?![\w])(?!\s+\d)"
    # "on Monday", "last Tuesday", "next Friday"
    r"|\b(?=[ltnmwfs])(?:(?P<rel>last|this|next)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?=[tyelij])(?P<word>today|tonight|yesterday|tomorrow|tommorrow|this\s+morning|"
    r"this\s+afternoon|this\s+evening|earlier\s+today|later\s+today|last\s+night|"
    # "at the meeting of the G7 foreign ministers in a couple of hours": later that day
    r"in\s+(?:a\s+couple\s+of|a\s+few|two|three)\s+hours|in\s+an\s+hour|"
    # "in the NATO meeting that we just came from", "We’ve just had the inaugural strategic
    # dialogue": earlier the same day
    r"just\s+(?:came|come)\s+from|(?<=[’']ve\s)just\s+(?:had|held|concluded|completed))\b"
    r"|\b(?=[ltne])(?P<period>last|this|next|earlier\s+this|later\s+this)"
    r"\s+(?P<unit>month|year)\b"
    # "prepares to visit Washington at the end of the month": this month
    r"|\bthe\s+(?:end|beginning|start|middle)\s+of\s+(?P<of_period>the|this|next|last)\s+"
    r"(?P<of_unit>month|year)\b"
    # ("during their summit later in the week": this week's)
    r"|\b(?=[ltei])(?P<week>last|this|earlier\s+this|(?<=later\s)in\s+the)\s+week\b"
    # "signed in 2015", "in 1967": a year alone (not "in 2015-16", "in 2015 dollars");
    # "in late 2021", "planned for late 2021", "in the fall of 2021", "towards the end of 2022"
    r"|\b(?=[ift])(?:in\s+|(?:in|for|towards?)\s+(?:(?:early|mid|late)[\s-]+|the\s+(?:spring|summer|"
    r"fall|autumn|winter|first\s+half|second\s+half|end|beginning|start)\s+of\s+))"
    rf"(?P<y_year>{_YEAR})\b(?!\s*[-–/]\s*\d)"
    r"|\b(?P<next_week>next\s+week)\b"
    # "would make a formal request next week ... and ... meet the week after,": the week
    # after next (with no event named after it: not "the week after the election")
    r"|\b(?=t)(?P<week_after>the\s+week\s+after)(?=\s*[,.;])"
    # "the IMF and World Bank meetings in two weeks time", "in a month’s time": ahead, by
    # about that much (its month: a count of weeks is no day)
    r"|\b(?=i)in\s+(?P<in_count>an?|one|two|three|four|five|six|\d{1,2})\s+"
    r"(?P<in_unit>day|week|month)s?(?:[’']s?)?\s+time\b"
    # "at the weekend", "last weekend", "a brief weekend visit": its Saturday
    r"|\b(?=[ltnaodw])(?:(?P<we_rel>last|this|next)\s+|(?:at|over|during)\s+the\s+|"
    r"(?<=\ba\s)|(?<=\bbrief\s))(?P<weekend>weekend)\b)",
    re.I,
)


# "in two weeks time": the count and the days of its unit.
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}
_RANGE = re.compile(r"\d\s*(?:-|–|to|through|and)\s*(?:[A-Za-z]+\.?\s+)?\d")
# "since October": a time behind the story, whatever the sentence announces.
_SINCE = re.compile(r"since\b", re.I)
# A time of day with no day said: "is expected to begin around 3 p.m. local time", "will
# meet at 1500 GMT", "is set for 1900 hours local": the story's own day.
_CLOCK = re.compile(
    r"\b(?:at|around|about|for|until|by)\s+(?:about\s+|around\s+)?"
    r"(?:\d{1,2}(?:[.:]\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{4}\s*(?:GMT|hours\b|hrs\b)|"
    r"\d{1,2}[.:]\d\d\s+(?:local|GMT)\b)"
)


@dataclass(frozen=True, slots=True)
class When:
    """A resolved date phrase: where it is, the date, and whether it names a range."""

    start: int
    end: int
    date: str | None
    days: bool = False  # a range of days ("June 12-13", "from March 4 to 11"): a stay


def date_phrases(
    text: str, start: int, end: int, published: dt.date | None, *, future: bool = False
) -> list[When]:
    """Every date phrase in ``text[start:end]``, resolved against ``published``.

    With ``future`` (an announced engagement), a bare weekday is the next one ("will
    meet on Monday"), not the last.
    """
    found = []
    for match in _PHRASE.finditer(text, start, end):
        days = bool(
            (match.group("md_day") or match.group("dm_day")) and _RANGE.search(match.group())
        )
        found.append(When(match.start(), match.end(), _resolve(match, published, future), days))
    if not found and published is not None and (clock := _CLOCK.search(text, start, end)):
        found.append(When(clock.start(), clock.end(), published.isoformat()))
    return found


def nearest(phrases: list[When], position: int, *, after_only: bool = False) -> When | None:
    """The phrase nearest ``position`` (with ``after_only``, only those after it)."""
    candidates = [p for p in phrases if p.date and (not after_only or p.start >= position)]
    if not candidates:
        return None
    # A year alone only when nothing finer is said ("in 1986 ... on March 3": the day).
    candidates = [p for p in candidates if len(p.date or "") > _YEAR_ONLY] or candidates
    return min(candidates, key=lambda p: (abs(p.start - position), p.start))


def _resolve(match: re.Match[str], published: dt.date | None, future: bool) -> str | None:
    groups = match.groupdict()
    if groups["md_month"]:
        return _calendar(groups["md_month"], groups["md_day"], groups["md_year"], published, future)
    if groups["dm_month"]:
        return _calendar(groups["dm_month"], groups["dm_day"], groups["dm_year"], published, future)
    if groups["my_month"]:
        month = MONTHS.get(groups["my_month"].lower().rstrip("."))
        return f"{int(groups['my_year']):04d}-{month:02d}" if month else None
    if groups["y_year"] or groups["ay_year"]:
        return groups["y_year"] or groups["ay_year"]
    if published is None:
        return None
    if named := groups["m_month"] or groups["am_month"] or groups["ap_month"]:
        # "since October" is behind, even in an announcement ("this will be their first
        # face-to-face meeting since October").
        if groups["m_year"]:
            year = published.year + {"last": -1, "this": 0, "next": 1}[groups["m_year"].lower()]
            number = MONTHS.get(named.lower().rstrip("."))
            return f"{year:04d}-{number:02d}" if number else None
        return _month(named, published, future and not _SINCE.match(match.group()))
    if groups["rm_month"]:
        return _relative_month(groups["rm_rel"].lower(), groups["rm_month"], published)
    if groups["weekday"]:
        relative = groups["rel"] or ("next" if future else None)
        return resolve_weekday(groups["weekday"], relative, published).isoformat()
    if groups["word"]:
        word = " ".join(groups["word"].lower().split())
        if word.startswith(("tomorrow", "tommorrow")):
            return (published + dt.timedelta(days=1)).isoformat()
        if word in ("yesterday", "last night"):
            return (published - dt.timedelta(days=1)).isoformat()
        return published.isoformat()
    if groups["week"]:
        # "talks last week": the month, when that week lies in one (a week is no day).
        monday = published - dt.timedelta(days=published.weekday())
        if published.weekday() >= 5:
            monday += dt.timedelta(days=7)  # a weekend story's week is the one to come
        if groups["week"].lower() == "last":
            monday -= dt.timedelta(days=7)
        # A week across two months: the month of four or five of its working days ("last
        # week's ICO meeting" of Monday 23 to Friday 27 February, in a story of 4 March);
        # none when they split three to two.
        friday = monday + dt.timedelta(days=4)
        if friday.day >= 4 or friday.day <= 1:
            return f"{friday if friday.day >= 4 else monday:%Y-%m}"
        return None
    if groups["weekend"]:
        relative = (groups["we_rel"] or "").lower()
        under_way = published.weekday() >= 5 and relative != "next"
        if relative == "next" or (future and relative != "last" and not under_way):
            return (published + dt.timedelta(days=(5 - published.weekday()) % 7 or 7)).isoformat()
        # The weekend just past (or under way, for a story filed on it).
        return (published - dt.timedelta(days=(published.weekday() - 5) % 7)).isoformat()
    if groups["in_count"]:
        count = _COUNTS.get(groups["in_count"].lower()) or int(groups["in_count"])
        ahead = published + dt.timedelta(days=count * _UNIT_DAYS[groups["in_unit"].lower()])
        return f"{ahead:%Y-%m}"
    if groups["next_week"] or groups["week_after"]:
        # "will visit Tokyo next week": the Monday it begins (an announced trip needs a day
        # to sort by; what happened "last week" gets its month above).
        after = 7 if groups["week_after"] else 0
        return (published + dt.timedelta(days=7 + after - published.weekday())).isoformat()
    period = " ".join((groups["period"] or groups["of_period"]).lower().split())
    unit = (groups["unit"] or groups["of_unit"]).lower()
    shift = {"last": -1, "next": 1}.get(period, 0)
    if unit == "year":
        # "the deal signed last year": history dated to its year; "a summit due late this
        # year", "signed earlier this year": the year, though no more precise.
        return f"{published.year + shift:04d}"
    month = published.month + shift
    year = published.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return f"{year:04d}-{month:02d}"


def _calendar(
    month: str, day: str, year: str | None, published: dt.date | None, future: bool
) -> str | None:
    """A calendar date; without a year, the last one on or before publication (a week's
    slack), or for an announced engagement the first one from then on ("June 3" in a
    March story that announces a trip is this June)."""
    number = MONTHS.get(month.lower().rstrip("."))
    digits = int(re.sub(r"\D", "", day) or 0)
    if number is None or not 1 <= digits <= 31:
        return None
    if year is not None:
        return _iso(int(year), number, digits)
    if published is None:
        return None
    options = [_date(published.year + shift, number, digits) for shift in (-1, 0, 1)]
    valid = [option for option in options if option is not None]
    slack = dt.timedelta(days=_SLACK_DAYS)
    if future:
        ahead = [option for option in valid if option >= published - slack]
        return min(ahead).isoformat() if ahead else None
    behind = [option for option in valid if option <= published + slack]
    soon = [o for o in valid if published + slack < o <= published + SOON]
    if soon and (not behind or published - max(behind) > _YEAR_BACK):
        # "The May 11-13 ministerial meeting" in an April 28 story: the one a fortnight
        # ahead, not the one a year back (which a story would call "last May").
        return min(soon).isoformat()
    return max(behind).isoformat() if behind else None


def _month(name: str, published: dt.date, future: bool) -> str | None:
    """ "In February": the month of that name nearest publication (the past one unless
    the engagement is announced)."""
    number = MONTHS.get(name.lower().rstrip("."))
    if number is None:
        return None
    year = published.year
    if future and number < published.month:
        year += 1
    elif not future and number != published.month:
        # The coming month, though told without a future ("before the two countries open
        # trade talks in late April", a March 24 story), as `_calendar` reads a date soon
        # after publication: a story would call the one 11 months back "last April".
        coming = published.year + (number < published.month)
        if dt.date(coming, number, 1) - published <= SOON:
            year = coming
        elif number > published.month:
            year -= 1
    return f"{year:04d}-{number:02d}"


def _relative_month(relative: str, name: str, published: dt.date) -> str | None:
    """ "last July": the latest July before the month of publication; "next June": the
    first June after it; "this July": the publication year's."""
    number = MONTHS.get(name.lower().rstrip("."))
    if number is None:
        return None
    year = published.year
    if relative == "last" and number >= published.month:
        year -= 1
    elif relative == "next" and number <= published.month:
        year += 1
    return f"{year:04d}-{number:02d}"


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso(year: int, month: int, day: int) -> str | None:
    found = _date(year, month, day)
    return found.isoformat() if found else None
