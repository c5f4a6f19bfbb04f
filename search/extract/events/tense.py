"""Whether an event is hypothetical (a modal, an intention), negated or refused, or
history."""

from __future__ import annotations

import datetime as dt

_NEGATIONS = frozenset({"not", "never", "no", "nor", "without", "neither", "cannot"})
_REFUSALS = frozenset({"refused", "failed", "declined", "refuses", "fails", "declines"})
_MODALS = frozenset({"could", "would", "might", "may", "should", "can", "will", "shall"})
_FUTURE_TO = frozenset(
    {
        "expected",
        "plan",
        "plans",
        "planning",
        "intend",
        "intends",
        "hope",
        "hopes",
        "want",
        "wants",
        "set",
        "scheduled",
        "going",
        "due",
        "possibility",
        "possible",
        "be",
    }
)
_PERFECT_PAST = frozenset(
    {
        "acted",
        "served",
        "long",
        "always",
        "already",
        "previously",
        "repeatedly",
        "consistently",
        "traditionally",
        "earlier",
    }
)
_PAST_WORDS = frozenset({"previously", "formerly", "ago", "once"})
_RECENT_VERBS = frozenset({"paid", "visited", "held", "signed", "met", "hosted", "made", "had"})
_HISTORY_HINTS = frozenset(
    {
        "had",
        "has",
        "have",
        "previously",
        "formerly",
        "ago",
        "once",
        "last",
        "acted",
        "served",
        "back",
        "recently",
        "past",
        "earlier",
    }
)


def _modal(near: list[str]) -> bool:
    """ "could meet", "will visit", "is expected to sign", "the possibility of meeting"."""
    if not _MODALS.isdisjoint(near):
        return True
    return len(near) >= 2 and near[-1] in ("to", "of") and near[-2] in _FUTURE_TO


def _negated(near: list[str]) -> bool:
    """ "did not meet", "no agreement", "refused to sign"."""
    if not _NEGATIONS.isdisjoint(near) or any(word.endswith(("n't", "n’t")) for word in near):
        return True
    if near and near[-1] in _REFUSALS:
        return True  # "refused to sign": the trigger is "to sign"
    return len(near) >= 2 and near[-1] == "to" and near[-2] in _REFUSALS


def _historical(words: list[str], published: dt.date | None, has_year: bool) -> bool:
    """Past perfect, "has acted as", "previously", "in 1992", "last year", "recently paid"."""
    if not has_year and _HISTORY_HINTS.isdisjoint(words):
        return False
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if following.endswith("ly") and following not in _PERFECT_PAST and i + 2 < len(words):
            following = words[i + 2]  # skip an adverb: "has fully supported"
        if word == "had" and following and following != "to":
            return True
        if word in ("has", "have"):
            if following in _PERFECT_PAST:
                return True
            if following == "been" and "by" in words[i + 2 : i + 6]:
                return True  # "has been fully supported by Norway"
        if word in _PAST_WORDS:
            return True
        if (word, following) in (
            ("last", "year"),
            ("acted", "as"),
            ("served", "as"),
            ("back", "in"),
        ):
            return True
        if word == "recently" and following in _RECENT_VERBS:
            return True
        if word == "past" and i and words[i - 1] == "the" and i > 1 and words[i - 2] == "in":
            return True
        if len(word) == 4 and word.isdigit() and word[:2] in ("19", "20") and i:
            if words[i - 1] in ("in", "since", "until") and (
                published is None or int(word) < published.year
            ):
                return True
        if (
            word == "earlier"
            and following == "this"
            and i + 2 < len(words)
            and words[i + 2] == "year"
        ):
            return True
    return False
