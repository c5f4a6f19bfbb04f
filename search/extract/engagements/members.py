"""The member states an organisation's meeting is reported with.

A wire story on "European Community (EC) farm ministers ... abandoned talks" names no
one at the table, then says "West Germany and Ireland are opposed to the steps"; one on
the ICO's coffee talks weighs "a Colombian proposal" and "Brazil's unwillingness to
concede"; one on the Security Council has "the American delegation" and "Maurizio Bucci,
the delegate of Italy".  A reader takes those countries as taking part in the meeting the
story is about: their delegations are the ones it reports acting there.
"""

from __future__ import annotations

import re

from search.extract.engagements.context import _Context, _Found
from search.extract.orgs import forum_members
from search.extract.sentences import sentence_at

# What follows a country's name when its delegation acts at the meeting: its proposal,
# position or refusal ("Brazil's unwillingness to concede"), its delegation.
_ITS_STAND = re.compile(
    r"[’']s\s+(?:[\w-]+\s+){0,2}?(?:proposals?|position|unwillingness|refusal|objections?|"
    r"opposition|demands?|stance|delegat(?:e|es|ion))\b",
    re.I,
)
# After a demonym: "a Colombian proposal", "the American delegation".
_DEMONYM_STAND = re.compile(
    r"\s+(?:proposals?|position|objections?|demands?|stance|delegat(?:e|es|ion))\b", re.I
)
# "West Germany and Ireland are opposed to the steps", "France was against".
_OPPOSED = re.compile(
    r"(?:\s*,?\s+and\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s+"
    r"(?:is|are|was|were|remains?|remained)\s+(?:strongly\s+|still\s+)?"
    r"(?:opposed|against|in\s+favou?r)\b"
)
# "Soviet and East German delegates did not attend the council session".
_STAYED_AWAY = re.compile(
    r"\b(?:did\s+not|didn[’']t|will\s+not|won[’']t|not\s+to|refused\s+to)\s+"
    r"(?:attend|take\s+part|participate|join)|\bboycott|\babsent\b",
    re.I,
)
# "Maurizio Bucci, the delegate of Italy": a country after its delegate.
_DELEGATE_OF = re.compile(r"\bdelegat(?:e|es|ion)\s+(?:of|from)\s+(?:the\s+)?$", re.I)


def _members_at_org_meeting(context: _Context, found: list[_Found]) -> None:
    """In a news story, an organisation's meeting it reports (its news, or its
    resumption announced), with no country named at it, takes part as the member states
    whose delegations the story shows acting: its account of that meeting."""
    meetings = [
        item
        for item in found
        if item.type == "multilateral"
        and item.status in ("main", "planned")
        and len(item.sides) == 1
        and item.sides[0].startswith("org:")
    ]
    if context.publisher or not meetings or len({item.sides[0] for item in meetings}) != 1:
        # A government's own text (a speech, a briefing) mentions an organisation's
        # meetings in passing, beside countries that act elsewhere.
        return
    acting = _acting_countries(context)
    members = {context.era(code) for code in forum_members(meetings[0].sides[0][4:])}
    if members:
        # A forum of fixed membership: "Australia's proposal" is not made at the G7 (its
        # members as of the story: West Germany's code in 1987).
        acting = [code for code in acting if context.era(code) in members]
    for item in meetings:
        item.sides = list(dict.fromkeys([*item.sides, *acting]))


def _acting_countries(context: _Context) -> list[str]:
    """The countries the story shows acting as delegations, in the order named; not those
    whose sentence says they stayed away."""
    text = context.text
    acting = []
    for start, end, code, how in context.countries:
        if (
            (how == "demonym" and _DEMONYM_STAND.match(text, end))
            or (how != "demonym" and (_ITS_STAND.match(text, end) or _OPPOSED.match(text, end)))
            or _DELEGATE_OF.search(text, max(0, start - 30), start)
        ) and not _STAYED_AWAY.search(
            text, *context.sentences[sentence_at(context.sentences, start)]
        ):
            acting.append(code)
    return list(dict.fromkeys(acting))


def _discussed_by(context: _Context, found: list[_Found]) -> None:
    """An organisation's gathering ahead, with no country named at it, takes part as the
    countries of the officials its sentence names: "Secretary Blinken and Secretary General
    Stoltenberg discussed next month's NATO Summit", "Blinken spoke today with Australian
    Foreign Minister Wong ... the upcoming G-20 Ministerial meetings in Bali"."""
    for item in found:
        if (
            item.type != "multilateral"
            or item.status != "planned"
            or not item.sides
            or not all(side.startswith("org:") for side in item.sides)
            # (a forum of fixed membership is its members already: the G7's summit)
            or any(forum_members(side[4:]) for side in item.sides)
        ):
            continue
        start, end = context.sentences[item.sentence]
        officials = [
            side
            for _s, _e, ref, side in context.people_in(start, end)
            if side is not None and not side.startswith("org:") and ref.role
        ]
        item.sides = list(dict.fromkeys([*item.sides, *officials]))
