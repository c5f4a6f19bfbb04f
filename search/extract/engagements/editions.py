"""Earlier editions of an engagement that its own sentence dates: "the U.S.-Paraguay
Strategic Partnership Dialogue, which last met in 2016", "the first Migration Accord talks
between the United States and Cuba since 2018"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from search.extract.engagements.context import _Found
from search.extract.engagements.patterns import _LAST_TIME
from search.extract.when import date_phrases

# "the first Migration Accord talks", "the first in-person meeting of G20 foreign
# ministers": the trigger a "first" leads (within its noun phrase).
_FIRST_BEFORE = re.compile(r"\bfirst\s+(?:[\w-]+\s+){0,4}$", re.I)
# "... since 1985", "since 2019", "since March 2014": the year the one before was held.
_SINCE_YEAR = re.compile(
    r"[^.;:]{0,80}?\bsince\s+(?:in\s+)?(?:(?:early|late|mid)[\s-]+)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+)?(1[89]\d\d|20\d\d)\b(?!\s*[-–]|\s+and\b)"
)


def earlier_edition(
    text: str, item: _Found, match: re.Match[str], end: int, published: dt.date | None
) -> list[_Found]:
    """The engagement held before the one ``match`` reports, which its sentence dates:
    history of the same sides."""
    if item.named:
        for when in date_phrases(text, match.end(), end, published):
            if when.date and _LAST_TIME.search(text, max(0, when.start - 30), when.start):
                return [replace(item, status="background", date=when.date, place=None, people={})]
    if _FIRST_BEFORE.search(text, max(0, match.start() - 40), match.start()):
        since = _SINCE_YEAR.match(text, match.end(), end)
        if since is not None and (published is None or int(since.group(1)) < published.year):
            # (a visit's destination is where the one before went too)
            place = item.place if item.type == "visit" else None
            return [replace(item, status="background", date=since.group(1), place=place, people={})]
    return []
