"""An international organisation's body named without the organisation, as wire stories
name it once they have named the organisation: "the next Council meeting" (GATT's), "the
bank's 20th annual meeting", "The 13-member cartel is scheduled to meet" (OPEC)."""

from __future__ import annotations

import re

from search.extract.engagements.context import _Context
from search.extract.engagements.kinds import _OWN_MEETING_NOUNS, ORG_KIND_NOUNS
from search.extract.engagements.patterns import MEETS_ON_A_DAY
from search.extract.orgs import international

# An organisation's body named without the organisation, as wire stories do once they
# have named it: "before the next Council meeting on April 15" (GATT's), "the next
# ordinary meeting of the conference" (OPEC's).
_BODY = r"(?:Council|Board|Conference|Committee|Assembly|conference)"
_BODY_BEFORE = re.compile(
    r"\b(?:the|its|a)\s+(?:(?:next|last|latest|first|ordinary|extraordinary|special|regular|"
    rf"full|\d+(?:st|nd|rd|th)|\(\w+\))\s+)*{_BODY}\s+$"
)
_BODY_AFTER = re.compile(rf"\s+of\s+the\s+{_BODY}\b(?!\s+(?:of|on|for|to)\b|\s+[A-Z])")
# "boycotted the annual meeting last year", "attend the next meeting in Japan" after the
# organisation is named: its own recurring meeting.
_RECURRING_BEFORE = re.compile(r"\b(?:the|its)\s+(?:next\s+(?:annual\s+)?|annual\s+)$")
# "The 1988 meeting will be held in Manila", after "the ADB's 1989 meeting": its meeting of
# that year (a lower-case noun: "the 2024 Summit of the Future" is a name of its own).
_YEARS_OWN = re.compile(r"\b[Tt]he\s+(?:19|20)\d\d\s+$")
_RECURRING_REACH = 400
# A body, or the organisation by its kind, as the subject of "meet": "The 13-member cartel
# is scheduled to meet", "the executive board will meet May 12".
_BODY_MEETS = re.compile(
    r"\b(?:[Tt]he|[Aa]nother)\s+(?:\d+-(?:member|nation)\s+)?(?:executive\s+|governing\s+|"
    r"full\s+)?(?:cartel|board|council|organi[sz]ation|working\s+group)\s+"
    r"(?P<aux>(?:(?:is|are)\s+(?:scheduled|due|expected|set)\s+to|will|would|is\s+to|"
    r"plans\s+to)\s+(?:again\s+|next\s+)?)?$"
)
_BODY_NOUN = re.compile(r"council|board|committee|conference|assembly|working\s+group", re.I)
# "Taiwan had been invited to the bank's 20th annual meeting": the organisation by its noun.
_ORG_NOUN_BEFORE = re.compile(rf"\bthe\s+(?:{ORG_KIND_NOUNS}|club)[’']s\s+(?:[\w-]+\s+){{0,3}}$")


def _body_of_earlier_org(
    context: _Context, floor: int, match: re.Match[str], *, countries: int = 0
) -> str | None:
    """The international organisation whose body's meeting the trigger is, when the
    sentence names the body alone: the one the article named last before it."""
    text = context.text
    word = match.group().lower()
    if word in ("meet", "meets"):
        # "The 13-member cartel is scheduled to meet on June 25 in Vienna", "the executive
        # board will meet May 12": the body, the verb's subject
        body = _BODY_MEETS.search(text, max(floor, match.start() - 80), match.start())
        if body is None or (
            # (a verb in the present with no auxiliary, on a day: "the council meets on
            # Thursday"; not "the board meets twice a year")
            body.group("aux") is None
            and (word != "meets" or not MEETS_ON_A_DAY.match(text, match.end()))
        ):
            return None
    elif word not in _OWN_MEETING_NOUNS:
        return None
    else:
        body = (
            _BODY_BEFORE.search(text, max(floor, match.start() - 60), match.start())
            or _BODY_AFTER.match(text, match.end())
            or _ORG_NOUN_BEFORE.search(text, max(floor, match.start() - 60), match.start())
        )
    if not body and (
        # "Blinken and Lavrov agreed the next meeting would be in Geneva": theirs, not an
        # organisation's named nearby
        countries > 1
        or not (
            _RECURRING_BEFORE.search(text, max(floor, match.start() - 30), match.start())
            or (
                match.group().islower()
                and _YEARS_OWN.search(text, max(floor, match.start() - 10), match.start())
            )
        )
    ):
        return None
    # "the annual meeting", "the next meeting": an organisation's, only when it was named
    # just before (its sentence or the one before), else they are anyone's.
    reach = 0 if body else match.start() - _RECURRING_REACH
    earlier = [
        (end, key)
        for _s, end, key in context.orgs_in(max(0, reach), match.start())
        if international(key)
    ]
    if body and (noun := _BODY_NOUN.search(body.group())):
        # "The International Cocoa Organization, ICCO, buffer stock working group began",
        # then "EC consumers", then "when the working group meets tomorrow": the
        # organisation the body was first named with.
        named_with = [
            key for end, key in earlier if noun.group().lower() in text[end : end + 40].lower()
        ]
        if named_with:
            return named_with[0]
    return earlier[-1][1] if earlier else None


# The Group of Seven by description, as 1987 wire news names it when its finance ministers
# or leaders meet: "Leading industrial nations will meet again next month", "today's
# meetings of major industrial countries". (Only as the subject of "meet" or what a day's
# meeting is "of": elsewhere the words are any rich countries.)
_INDUSTRIAL = (
    r"(?:[Ll]eading|[Mm]ajor)\s+(?:western\s+)?industriali?[sz]?(?:ed|al)?\s+"
    r"(?:nations|countries|democracies|powers)"
)
_DESCRIBED_MEET = re.compile(
    rf"\b(?:[Tt]he\s+)?{_INDUSTRIAL}\s+(?:will|would|are\s+(?:to|due\s+to|expected\s+to|"
    r"scheduled\s+to))\s+(?:again\s+)?$"
    # "when leaders of the seven meet in Venice this June"
    r"|\b(?:leaders|heads\s+of\s+government|(?:finance\s+)?ministers)\s+of\s+the\s+[Ss]even\s+"
    r"(?:will\s+|would\s+)?$"
)
_DESCRIBED_OF = re.compile(rf"\s+of\s+(?:the\s+)?{_INDUSTRIAL}\b")
# (what a meeting is "of" only for a meeting of a day: "today's meetings of major industrial
# countries"; "talk of an upcoming meeting of the major industrial countries" may be the G5's)
_DAYS_OWN = re.compile(r"\b(?:today|tomorrow|week|weekend)[’']s\s+$")


def _described_forum(text: str, floor: int, match: re.Match[str]) -> str | None:
    """The forum a meeting's description names: the G7 of "Leading industrial nations will
    meet again next month", "today's meetings of major industrial countries", "when leaders
    of the seven meet in Venice"."""
    word = match.group().lower()
    if word in ("meet", "meets"):
        found = _DESCRIBED_MEET.search(text, max(floor, match.start() - 80), match.start())
    elif word in _OWN_MEETING_NOUNS and _DAYS_OWN.search(
        text, max(floor, match.start() - 20), match.start()
    ):
        found = _DESCRIBED_OF.match(text, match.end())
    else:
        return None
    return "G7" if found is not None else None
