"""Two organisations named together before one plural meeting noun ("the upcoming G7 and
NATO Summits", "tomorrow's crucial Group of Five and Group of Seven meetings"): a meeting
of each, not one of both."""

from __future__ import annotations

import re
from dataclasses import replace

from search.extract.engagements.context import _Context, _Found
from search.extract.orgs import forum_members, is_forum

_AND_BETWEEN = re.compile(r"\s+and\s+(?:the\s+)?")
_FORUM_WORDS_BETWEEN = re.compile(r"(?:\s+(?-i:[A-Z])[\w’'.-]*){0,3}\s+")
_PLURAL_MEETINGS = frozenset({"summits", "meetings", "ministerials", "talks", "conferences"})
_PLURAL_NEXT = re.compile(r"\s+(?:summits|meetings)\b", re.I)


def _two_forums(context: _Context, start: int, match: re.Match[str]) -> list[str]:
    """The two organisations named "A and B" right before a plural meeting noun, else none."""
    if match.group().lower() not in _PLURAL_MEETINGS and not _PLURAL_NEXT.match(
        context.text, match.end()
    ):
        return []  # (but "the G7 and NATO Foreign Ministerial meetings")
    named = context.orgs_in(start, match.start())[-2:]
    if (
        len(named) == 2
        and named[0][2] != named[1][2]
        # (a forum among them: "the International Monetary Fund and World Bank meetings" are
        # the two institutions' joint meetings)
        and (is_forum(named[0][2]) or is_forum(named[1][2]))
        and _AND_BETWEEN.fullmatch(context.text, named[0][1], named[1][0])
        and _FORUM_WORDS_BETWEEN.fullmatch(context.text, named[1][1], match.start())
    ):
        return [f"org:{named[0][2]}", f"org:{named[1][2]}"]
    return []


def one_per_forum(
    item: _Found, match: re.Match[str], context: _Context, start: int
) -> list[_Found]:
    """``item`` as one meeting of each of the two organisations the sentence (from
    ``start``) names before its trigger, each with the countries among its members (all
    of them, for an organisation whose membership the data does not fix); none if the
    sentence names no such pair."""
    forums = _two_forums(context, start, match)
    if len(forums) != 2 or not set(forums) <= set(item.sides):
        return []
    split = []
    for org in forums:
        members = {context.era(code) for code in forum_members(org[4:])}
        sides = [s for s in item.sides if s == org or not s.startswith("org:")]
        sides = [s for s in sides if s == org or not members or s in members]
        people = {name: side for name, side in item.people.items() if side in sides}
        split.append(replace(item, sides=sides, people=people, forum=None))
    return split
