"""Engagements a government's long text (a press briefing, a speech, a transcript)
mentions in passing, and those it tells as its own or looks ahead to."""

from __future__ import annotations

import re

from search.extract.engagements.context import _Context, _Found
from search.extract.engagements.patterns import GLAD_TO_BE
from search.extract.side_patterns import OWN_SECRETARY

# A journalist's turn in a transcript: "QUESTION: Just, Ned, super-quickly on Finland".
_QUESTION_TURN = re.compile(r"\s*(?:QUESTION|Q)\s*:")
# The title, a place line and the first sentence said.
_OPENING_SENTENCES = 2
# The speaker as the trigger's subject, a few words before it: "I was in", "Secretary
# Mayorkas and I visited", "we were just at a meeting" (not "you", "they").
_FIRST_PERSON = re.compile(
    # (and "It is a pleasure to be in Panama": the speaker's own stay)
    rf"\b(?:I|[Ww]e)\s+(?:[\w’']+\s+){{0,3}}$|{GLAD_TO_BE}$"
)

# The government's own official by title, a few words before the trigger: "the Secretary
# arrived in", "The Deputy Secretary will travel"; a trip of theirs a briefing previews
# ("to preview the Secretary’s upcoming travel, departing tomorrow for Indonesia").
_THE_OFFICIAL = re.compile(
    rf"(?:\b[Tt]he\s+{OWN_SECRETARY}|\bpreview(?:ing)?\s+the\s+{OWN_SECRETARY}[’']s)"
    r"\s+(?:[\w’']+,?\s+){0,3}$"
)
# How far before the trigger that official may be named (its subject).
_OFFICIAL_REACH = 60
# An undated meeting told as still to come: "as we are soon going into the G7 Summit".
_AHEAD = re.compile(r"\b(?:soon|upcoming|forthcoming)\b")

# A joint statement's opening, its signatories speaking: "We, the Foreign Ministers of
# Australia, India and Japan and the Secretary of State of the United States met in
# Melbourne".
_WE_THE = re.compile(r"\s*We,\s+the\b")


def _not_in_passing(context: _Context, found: list[_Found]) -> list[_Found]:
    """A government's press briefing or speech mentions engagements in passing ("we have
    met with the two countries that applied"): keep those with people named on two sides,
    or one a named speaker tells in the first person ("when I was in Israel a few weeks
    ago", "I spoke with a series of American leaders"), or an organisation's meeting to
    come ("Spain will host the NATO Summit in June"), or the meeting a joint statement's
    signatories tell as theirs ("We, the Foreign Ministers of ... met in Melbourne"). (A
    long news story reports them: "While in New York City to attend the United Nations
    General Assembly, President Zelensky told reporters".)"""
    kept = []
    for item in found:
        # A visit the first words said welcome is no passing mention, and the day's:
        # "Secretary Blinken, Tony, welcome to Jerusalem, your first visit as the Secretary
        # of State." (Not a speech's headline: "Remarks at the UN Security Council Meeting".)
        opening = (
            item.type == "visit" and item.status == "main" and item.sentence <= _OPENING_SENTENCES
        )
        if opening and item.date is None and context.published is not None:
            item.date = context.published.isoformat()
        if (
            len(set(item.people.values())) >= 2
            or _speakers_own(context, item)
            or _officials_own(context, item)
            or opening
            or _forum_ahead(context, item)
            or _signatories_own(context, item)
            or _known_told(context, item)
        ):
            kept.append(item)
    return kept


def _officials_own(context: _Context, item: _Found) -> bool:
    """Is the engagement one the government tells of its own official, by title or by
    name, the trigger's subject ("the Secretary arrived in Berlin yesterday", "The
    Secretary departs this evening for Paris", "Secretary Blinken has met today with"),
    not asked about?"""
    if item.at < 0 or context.publisher not in item.sides or len(set(item.sides)) < 2:
        return False
    start = max(context.sentences[item.sentence][0], item.at - _OFFICIAL_REACH)
    named = any(side == context.publisher for *_span, side in context.people_in(start, item.at))
    return (named or bool(_THE_OFFICIAL.search(context.text, start, item.at))) and not _asked(
        context, item
    )


def _known_told(context: _Context, item: _Found) -> bool:
    """Is the engagement a meeting every reader knows (`known`), between two sides or
    more, told, not asked about ("Lithuania’s commitment to freedom was evident at the
    Summit for Democracy", "the very important commitments that Prime Minister Modi made
    at the COP26"; not "QUESTION: Can we move to U.S.-ASEAN Special Summit?")?"""
    return item.known and len(set(item.sides)) >= 2 and not _asked(context, item)


def _asked(context: _Context, item: _Found) -> bool:
    """Is the engagement's sentence a question, or a journalist's turn?"""
    start, end = context.sentences[item.sentence]
    return "?" in context.text[start:end] or bool(
        _QUESTION_TURN.match(context.text, context.text.rfind("\n", 0, start) + 1)
    )


def _signatories_own(context: _Context, item: _Found) -> bool:
    """Is the engagement the one a joint statement's signatories tell as theirs?"""
    return item.status == "main" and bool(
        _WE_THE.match(context.text, context.sentences[item.sentence][0])
    )


def _forum_ahead(context: _Context, item: _Found) -> bool:
    """An organisation's or a named forum's meeting to come is no passing mention
    but what a reader looks ahead to ("Spain will host the NATO Summit in June", "the NATO
    summit in Madrid next week", "the next Global COVID-19 Summit, which President Biden
    will host later this spring"), dated or told as coming "soon"; not a journalist's
    question about it."""
    start, end = context.sentences[item.sentence]
    return (
        item.type == "multilateral"
        and item.status == "planned"
        and context.published is not None
        and (
            item.date >= context.published.isoformat()[: len(item.date)]
            if item.date is not None
            else bool(_AHEAD.search(context.text, start, end))
        )
        and (any(side.startswith("org:") for side in item.sides) or bool(item.forum or item.known))
        and not _asked(context, item)
    )


def _speakers_own(context: _Context, item: _Found) -> bool:
    """Is the engagement told by a named speaker as their own ("I was in Israel", "we
    met")? The speaker then takes part, on their side."""
    speaker = context.speaker(item.at) if item.at >= 0 else None
    if not speaker or not speaker[1] or speaker[0] not in item.sides or len(item.sides) < 2:
        return False
    start = max(context.sentences[item.sentence][0], item.at - 40)
    if not _FIRST_PERSON.search(context.text, start, item.at):
        return False
    item.people.setdefault(speaker[1], speaker[0])
    return True
