"""The words and patterns `search.extract.engagements.visits` reads a trip's destinations
with."""

from __future__ import annotations

import re

from search.extract.engagements.patterns import _CAP, LEFT_FOR, WEEKDAYS
from search.extract.side_patterns import OWN_SECRETARY

# A verb of saying after a place's qualifier: the qualifier was the speaker's name.
_SAID_AFTER = re.compile(r"\s+(?:said|says|told|added|noted|stressed|declared)\b")
_HERE = re.compile(r"\s+here\b")
# The words of a trip told on the way back ("I just returned from Kyiv"), before "from".
_BACK_FROM = ("returned", "got", "came", "get")
# A border or frontier is where a trip goes, not a country it visits.
_BORDER_AFTER = re.compile(r"\s+(?:border|frontier|boundary|crossing)s?\b", re.I)
# A capitalised word that qualifies the noun after it: "in the European morning".
_ADJECTIVE_OF = re.compile(
    r"\s+(?!(?:on|in|at|for|with|and|or|to|from|of|by|today|yesterday|"
    r"tomorrow|last|this|next|where|when|which|who|that|since|after|before|during|until|"
    r"earlier|later|as|is|was|were|will|would|has|had|have)\b)[a-z]+\b"
)
# Where a trip starts, before where it goes: "travels from Iraq to Rome".
_ORIGIN = re.compile(
    rf"\s+from\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,3}}(?=\s+to\s+(?:the\s+)?[A-Z])"
)
# Words that make a capitalised name an event's, not a place's.
_EVENT_WORDS = frozenset(
    "Conference Forum Summit Meeting Dialogue Ministerial Session Assembly Talks".split()
)
# A name that goes on past the place word: "the U.S. – AUC High Level Dialogue".
_NAME_GOES_ON = re.compile(r"\s*[-–—]\s*[A-Z]")
# When, said between a trip's verb and where it goes: "will travel on July 28 to Kuwait
# City", "will travel next week to Brussels".
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_WHEN_FIRST = re.compile(
    # "will travel March 19-23 to Bangladesh": a month's days, "on" left out.
    rf"\s+(?:(?:on\s+(?:{WEEKDAYS},?\s+)?|(?={_MONTHS}\s))(?:[A-Z][a-z]+\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    # "will travel on June 1-2 to San José"
    r"(?:\s*(?:-|–|to)\s*\d{1,2}(?:st|nd|rd|th)?)?"
    rf"|\d{{1,2}}\s+[A-Z][a-z]+"
    rf"|{WEEKDAYS})|(?:next|this)\s+(?:week|month|{WEEKDAYS})|today|tomorrow"
    # "the Secretary-General's visit in April to Kyiv and Moscow", "last week to Seoul"
    rf"|in\s+{_MONTHS}(?:\s+\d{{4}})?|last\s+(?:week|month|{WEEKDAYS})"
    # "will travel next week to the Philippines": "the" before a country's name
    r"|later\s+(?:this|next)\s+(?:week|month))(?=\s+to\s+(?:the\s+)?[A-Z])"
)

# "a state visit he will make to Britain later this month": who makes it, before where.
_MAKES = re.compile(
    r"\s+(?:he|she|they|it)\s+(?:will|would|is\s+to|is\s+due\s+to|plans\s+to)\s+"
    r"(?:make|pay)(?=\s+to\s+(?:the\s+)?[A-Z])"
)

# A place's acronym in parentheses, inside a list of places: "the Republic of Korea (ROK)".
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Z.]{1,7}\)")
# Whose a visit named by its place is: "visit of Greek Prime Minister Mitsotakis".
_OF_VISITOR = re.compile(r"\s+(?:of|by)\s+(?:the\s+)?[A-Z]")
# Or whose its possessive says: "during his week-long Washington visit", "her Moscow trip".
_OWNER_BEFORE = re.compile(r"\b(?:his|her|their)\s+(?:[\w-]+\s+){0,2}$")

# How far after a trigger a place is its own ("meeting last month in Washington").
_PLACE_AFTER_REACH = 30
# A list going on after its second item: ", Cairo, and Amman".
_LIST_GOES_ON = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?[A-Z]")


# "left Paris today for London": the place left is not where the trip goes
_LEAVES_FOR = re.compile(rf"{LEFT_FOR}\b")
# Who makes a visit, before where it goes: "during the visit of Anže Logar, Minister of
# Foreign Affairs of Slovenia, to Washington, D.C.".
_VISIT_OF = re.compile(
    r"\s+(?:of|by)\s+(?:[^;.]|(?<=[A-Z])\.){3,120}?,?\s+to\s+(?=(?:the\s+)?[A-Z])"
)


# A place right after a trigger: "your visit to Kyiv", not "your visit to reinforce".
_PLACE_AFTER = re.compile(r"\s+(?:to|in)\s+(?:the\s+)?[A-Z]")
# "Your visit means a lot to us", "happy to receive your visit": the host to the visitor.
_YOUR = re.compile(r"\b[Yy]our\s+(?:(?:first|official|historic|recent)\s+)?$")
# "for coming to pay a visit", "welcome you coming to also visit us": to where it is said.
_COME_TO = re.compile(
    r"\bcom(?:e|es|ing)\s+(?:here\s+)?to\s+(?:also\s+)?(?:pay\s+(?:a|us\s+a)\s+)?$"
)
_FIRST_PERSON_WORD = re.compile(r"\b(?:I|my|we|our)\b")
# The speaker's trip, up to its trigger: "we were in", "I visited", "my first visit", "I
# will travel", "Later today I’ll travel to Ramallah".
_SPEAKERS_TRIP = re.compile(
    r"\b(?:we\s+were|I\s+was|(?:I|we)(?:[’']ll)?"
    r"(?:\s+(?:have|had|also|recently|just|first|will|then|next|soon))*|my|our)"
    r"\s+(?:(?:first|second|last|recent|official)\s+)?$"
)


# "a visit", "his state visit", "the German leader's four-day visit": a trip named, its
# destination not said (then the dateline's).
_VISIT_NOUN = re.compile(
    r"\b(?:a|an|his|her|their|state|official|working|\w+[’']s)\s+(?:[\w-]+\s+){0,2}$"
)
# "the visit of", "the April 29-May 2 visit of": a visit its visitor names after it.
_THE_BEFORE_VISIT = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,3}$")
# "when he visits": the trip of one a pronoun names, just before it.
_HE_BEFORE = re.compile(r"\b(?:he|she)\s+(?:[\w-]+\s+){0,2}$")
# "his visit", "her first trip": the trigger owned by a pronoun.
_HIS_BEFORE = re.compile(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$")
# A sentence a government's own officials open: "The President and I", "The Secretary".
_OWN_LEAD = re.compile(r"\s*(?:The\s+(?:President|Vice\s+President|Secretary)\b|I\s)")
# "the Secretary’s upcoming travel, departing": the trip of the government's own official.
_OWN_OFFICIALS_TRIP = re.compile(rf"\b[Tt]he\s+{OWN_SECRETARY}[’']s\s+(?:[\w’'-]+[\s,]+){{0,3}}$")


def own_officials_trip(text: str, start: int, at: int) -> bool:
    """Is the trip whose trigger is at ``at`` (in a sentence from ``start``) that of the
    government's own leader or official, whose statement it is: "The President and I look
    forward to ... during his visit to Israel in July", "preview the Secretary’s upcoming
    travel, departing tomorrow for Indonesia and Thailand"?"""
    if _HIS_BEFORE.search(text, max(start, at - 30), at) and _OWN_LEAD.match(text, start):
        return True
    return _OWN_OFFICIALS_TRIP.search(text, max(start, at - 50), at) is not None


# Who goes along, between a trip and where it goes: " with Secretary of Defense Austin".
_COMPANION = re.compile(
    r"\s+with\s+(?:(?:[A-Z][\w.’'-]*|of|the|and)\s+){1,8}(?=to\s+(?:the\s+)?[A-Z])"
)
# Between a trip and where it goes, a word for leaving the country: "his first trip
# abroad to Nouakchott", "a visit overseas to"; or who was visited there: "It was a
# pleasure to visit you in Kuwait last July".
_ABROAD = re.compile(
    r"\s+(?:abroad|overseas)(?=\s+to\s+(?:the\s+)?[A-Z])|\s+(?:you|him|her|them)(?=\s+in\s+[A-Z])"
)

# The visitors named after the trip: "a visit here next week by Japanese trade officials",
# "a trip to Japan by senior Nigerian officials".
_BY_VISITORS = re.compile(
    r"[^,;.]{0,50}?\bby\s+(?:an?\s+|the\s+)?((?:[\w-]+\s+){1,3}?)"
    r"(?:officials?|delegations?|team|mission|ministers?|envoys?)\b"
)


def visit_as_noun(text: str, floor: int, match: re.Match[str], end: int) -> bool:
    """Is the trigger "visit" a noun whose trip has no place of its own after it: "a
    state visit", "Nakasone's visit"; "the April 29-May 2 visit of Prime Minister Nakasone"
    (a visitor, and no "... to Tokyo" after), so a trip to the dateline's country?"""
    return bool(
        _VISIT_NOUN.search(text, floor, match.start())
        or (
            _THE_BEFORE_VISIT.search(text, floor, match.start())
            and _OF_VISITOR.match(text, match.end(), end)
            and not _VISIT_OF.match(text, match.end(), end)
        )
    )
