"""What the day phrases around an engagement say: the first day of one that ended after
days of talks, the days a story's news may have happened on, the dates that are a
thing's or a statement's rather than the engagement's (`article._dated`), and the stays
told as now."""

from __future__ import annotations

import datetime as dt
import re

from search.extract.engagements.patterns import GLAD_TO_BE


def _first_day(text: str, at: int, last: str) -> str:
    """ "said after four days of negotiations": talks that end on the story's day began
    days before it, and an engagement is dated by its first day."""
    stretch = _AFTER_DAYS.search(text, max(0, at - 40), at) or _ENDED_AFTER_DAYS.match(
        text, at, at + 160
    )
    if stretch is None and _ENDED.search(text, max(0, at - 40), at):
        # "The EC and Comecon ended talks here" ... "the three-day talks": the article's
        # length of the talks that ended.
        stretch = _DAY_LONG.search(text)
    if stretch is None:
        return last
    word = stretch.group(1).lower()
    days = int(word) if word.isdigit() else _NUMBERS.get(word, 1)
    if not 1 < days <= _LONGEST_STRETCH:
        return last
    return (dt.date.fromisoformat(last) - dt.timedelta(days=days - 1)).isoformat()


_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10}  # fmt: skip
_AFTER_DAYS = re.compile(
    rf"\b(?:after|during|following)\s+(\d+|{'|'.join(_NUMBERS)})\s+days\s+of\s+"
    rf"(?:[\w-]+\s+){{0,2}}$",
    re.I,
)
# After the trigger: "Consultations (ABCs) concluded after two days of productive
# discussions".
_ENDED_AFTER_DAYS = re.compile(
    rf"[^.;:]{{0,100}}?\b(?:ended|concluded|wound\s+up|wrapped\s+up|closed)\s+"
    rf"(?:[\w,]+\s+){{0,3}}?after\s+(\d+|{'|'.join(_NUMBERS)})\s+days\b",
    re.I,
)
_ENDED = re.compile(r"\b(?:ended|concluded|wound\s+up|wrapped\s+up|closed)\s+(?:[\w-]+\s+)?$", re.I)
_DAY_LONG = re.compile(
    r"\b(two|three|four|five|six|seven|\d+)-day\s+(?:[\w-]+\s+)?"
    r"(?:talks|negotiations|meeting|conference|session|consultations)\b",
    re.I,
)
_LONGEST_STRETCH = 14


# "Speaking last night, Chirac set out ...", "Kuleba said on Monday": the day of a
# statement, not of what a later sentence reports.
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|speaking|spoke|told|stated|added|announced)\s*$", re.I)
_SPEECH_AFTER = re.compile(r"\s*,?\s*(?:he|she|they|it|\w+)?\s*(?:said|says|told)\b", re.I)


# How many days before its publication a story's news may have happened.
_NEWS_DAYS = 31


def _news_days(date: str, published: dt.date) -> bool:
    """Is ``date`` (a day) within the days a story published on ``published`` reports?"""
    return 0 <= (published - dt.date.fromisoformat(date)).days <= _NEWS_DAYS


def _dates_a_thing(text: str, start: int, end: int) -> bool:
    """ "pointing to the December 31 attack on the United States Embassy": the date of
    something the phrase names, not of the sentence's news."""
    return bool(
        re.search(r"\b(?:the|a|an|its|their|his|her)\s+$", text[max(0, start - 8) : start], re.I)
        and re.match(r"\s+[a-z]", text[end : end + 3])
    )


def _dates_a_statement(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20) : start]
    before = re.sub(r"\s+(?:on|in|at)\s*$", "", before)
    return bool(_SPEECH_BEFORE.search(before) or _SPEECH_AFTER.match(text, end, end + 25))


def told_as_now(
    match: re.Match[str], head: str, published: dt.date | None
) -> tuple[str, str] | None:
    """The status and date of a stay told as now ("Mousavi is currently in Damascus",
    "It's wonderful to be back in Algeria after last being here in 2016": there as the story
    is told, whatever year it recalls) or a trip just back from ("I just returned from Kyiv":
    this month's, done); None for any other trigger (``head``: the sentence before it,
    lower case)."""
    if published is None:
        return None
    if match.lastgroup == "stay" and _HERE_NOW.search(head[-40:]):
        return "main", published.isoformat()
    if match.lastgroup == "visit" and _JUST_BACK.match(match.group()):
        return "background", published.isoformat()[:7]
    if match.lastgroup == "visit" and _TRIP_COMPLETED.search(head[-60:]):
        # "will fly to Tokyo on Sunday, after having completed a week-long trip to the
        # United States, France ...": the trip just ended is news, not one to come.
        return "main", published.isoformat()[:7]
    return None


# A stay told as now: "is currently in", "who is in Rome today", "It's wonderful to be back
# in" (lower case).
_HERE_NOW = re.compile(rf"(?:\bcurrently\s+|\bwho(?:\s+is|['’]s)\s+|{GLAD_TO_BE})$")
# The trigger of a trip just back from (`triggers`: "I just returned from Kyiv").
_JUST_BACK = re.compile(r"(?:returned|got\s+back|came\s+back|get\s+back)$", re.I)
# A trip just ended (lower case): "after having completed a week-long", "has concluded his".
_TRIP_COMPLETED = re.compile(
    r"\b(?:having|has|have|had|just)\s+(?:just\s+)?(?:completed|concluded|finished|wrapped\s+up)"
    r"\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,3}$"
)
