"""Engagements of two named sides, whatever their words first made of them: a call of two
people one of whom also chairs an organisation, and a meeting with an organisation's own
official (`kinds._best_per_sentence`); and which organisations are forums of states, whose
meetings are their own, many-sided ones."""

from __future__ import annotations

import re

from search.extract.engagements.context import _Found
from search.extract.orgs import forum_members, is_forum


def _has_members(side: str) -> bool:
    """Is ``side`` a forum of fixed membership, each of whose members takes part?"""
    return side.startswith("org:") and bool(forum_members(side[4:]))


def _forum_side(side: str) -> bool:
    """Is ``side`` a forum of states (of fixed membership or not), whose meetings are
    its own, many-sided ones?"""
    return _has_members(side) or (side.startswith("org:") and is_forum(side[4:]))


def _two_people_call(item: _Found) -> None:
    """ "spoke today by phone with Polish Foreign Minister and OSCE Chairman-in-Office
    Zbigniew Rau": a call of two people, two countries, one of them wearing an
    organisation's hat too, is a call, not a multilateral one."""
    countries = [side for side in item.sides if not side.startswith("org:")]
    if (
        item.type == "multilateral"
        and _CALL_TRIGGER.search(item.trigger)
        and len(item.people) == 2
        and len(countries) == 2
        and set(item.people.values()) <= set(item.sides)
        and not any(_forum_side(side) for side in item.sides)
    ):
        item.type = "call"


def _org_official_met(item: _Found, text: str) -> None:
    """ "met with NATO Secretary General Jens Stoltenberg today in Brussels": one country's
    official and an organisation's, both named, meet (or call) as two sides; not the
    organisation's own meeting ("the NATO Foreign Ministerial"), nor one held at it
    ("during the East Asia Summit (EAS) Senior Officials' Meeting")."""
    orgs = [side for side in item.sides if side.startswith("org:")]
    if (
        item.type != "multilateral"
        or _AT_A_FORUM.search(text, item.at, item.at + _AT_A_FORUM_REACH)
        or len(item.sides) != 2
        or len(orgs) != 1
        or item.named
        or item.forum
        or item.known
        or set(item.people.values()) != set(item.sides)
    ):
        return
    if _CALL_TRIGGER.search(item.trigger):
        item.type = "call"
    elif _MET_TRIGGER.fullmatch(item.trigger):
        item.type = "meeting"


_AT_A_FORUM = re.compile(
    r"\b(?:during|at|margins\s+of|sidelines\s+of)\s+the\s+[^.;]{0,80}?"
    r"\b(?:Meeting|Ministerial|Summit|Forum|Conference|Assembly)\b"
)
_AT_A_FORUM_REACH = 300
_MET_TRIGGER = re.compile(r"met|meets?|meetings?|received|welcomed|conferred", re.I)
# A call's own words (a subset of `_TRIGGER`'s "call" group).
_CALL_TRIGGER = re.compile(r"\b(?:spo?ke|speaks?|talked|phoned?|called|calls?)\b", re.I)
