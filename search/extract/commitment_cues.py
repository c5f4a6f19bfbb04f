"""The words that mark a commitment (`search.extract.commitments`): each cue phrase with the
kind, status and rank of what it marks.  A clause with several cues keeps the highest rank."""

from __future__ import annotations

import re

# Not "meet", "visit" or "travel": "will meet with senior officials" announces an
# engagement (the brief's calendar), it promises nothing.
_WILL_VERBS = (
    "cooperate work continue strengthen deepen develop expand support provide hold host "
    "establish open launch increase boost invest help assist promote enhance build create "
    "contribute implement pursue remain stay send join co-chair facilitate explore "
    "coordinate consider collaborate accelerate comply take donate give fund deliver allocate "
    "maintain keep share ensure protect respond seek honor honour lift reduce cut raise impose "
    "withdraw return encourage insist try resume negotiate limit slash buy sell import export "
    "stop halt end amend modify restore resolve repay pay reschedule advance"
).split()
# "OPEC members agreed in December to limit production": when, between the verb and "to".
_AGREED_WHEN = (
    *(f"in {month}" for month in (
        "January February March April May June July August September October November "
        "December").split()),
    *(f"last {unit}" for unit in ("year", "month", "week")),
    *(f"on {day}" for day in (
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()),
    "yesterday", "today", "earlier", "previously", "already", "in principle",
)  # fmt: skip

# (kind, status, rank): a clause with several cues keeps the highest rank.
SIGNED = ("signature", "signed", 7)
REQUESTED = ("request", "stated", 6)
TO_SIGN = ("signature", "proposed", 5)
AGREED = ("agreement", "agreed", 4)
IN_PROGRESS = ("intent", "in_progress", 3)
STATED = ("intent", "stated", 2)
PROPOSED = ("intent", "proposed", 1)
STATED_NOUN = ("intent", "stated", 1.5)  # its side is read before the noun ("U.S. commitment")
BY_NOUN = ("intent", "stated", 1.4)  # its side is named after "by" ("the pledge by Japan")

CUES: dict[tuple[str, str, float], tuple[str, ...]] = {
    SIGNED: (
        "signed",
        "have signed",
        "has signed",
        "inked",
        "ratified",
        "concluded an agreement",
        "concluded agreements",
        "signing ceremony",
    ),
    TO_SIGN: ("will sign", "to sign", "plan to sign", "intend to sign", "are expected to sign"),
    AGREED: (
        "agreed to",
        "agreed on",
        "agreeing to",
        "agreed upon",
        "agreed with",
        "agreed that",
        "reached agreement",
        "reached agreements",
        "reached an agreement",
        "reached a consensus",
        "reached consensus",
        "came to an agreement",
        *(f"agreed {when} to" for when in _AGREED_WHEN),
    ),
    IN_PROGRESS: (
        "has begun exploring",
        "have begun exploring",
        "began exploring",
        "begun exploring",
        "are exploring",
        "is exploring",
        "exploring the possibilit*",
        "are negotiating",
        "is negotiating",
        "are working on",
        "is working on",
        "in the process of",
        "have started work",
        "has started work",
    ),
    STATED: (
        "intend to",
        "intends to",
        "intention to",
        "intentions to",
        "plan to",
        "plans to",
        "planned to",
        "planning to",
        "intended to",
        "pledged to",
        "pledge to",
        "pledges to",
        "committed to",
        "commit to",
        "commits to",
        "committing to",
        "vowed to",
        "promised to",
        "expressed readiness to",
        "expressed willingness to",
        "expressed their readiness",
        "expressed their willingness",
        "look forward to",
        "looks forward to",
        "looked forward to",
        "are determined to",
        "is dedicated to",
        "are dedicated to",
        "remain dedicated to",
        "remains dedicated to",
        "will make every effort",
        "decided to",
        "committed themselves",
        "committed ourselves",
        "recommitted ourselves",
        "are prepared to",
        "is prepared to",
        "re prepared to",  # "we’re prepared to", "they're prepared to"
        "committed itself",
        "has pledged",
        "have pledged",
        # "He pledged continued U.S. support for a free and open Mekong region"
        "pledged continued",
        "pledged its",
        "pledged their",
        "pledges continued",
        "pledged support",
        "pledged further",
        "pledged additional",
        "recommit to",
        "recommits to",
        "recommitted to",
        "continue to support",
        "continues to support",
        "continued to support",
        "decided on",
        "would try to",
        "willing to",
        "plans on",
        "stands ready to",
        "stood ready to",
        "stand ready to",
        "remains ready to",
        "remain ready to",
        "is ready to",
        "are ready to",
        "announced plans to",
        "announced plans for",
        "announced its intention",
        "announced their intention",
        "announced it would",
        "announced that it would",
        *(f"will {verb}" for verb in _WILL_VERBS),
        *(f"will also {verb}" for verb in _WILL_VERBS),
        # Reported speech: "Seoul said it would increase imports".
        *(f"would {verb}" for verb in _WILL_VERBS),
        *(f"would also {verb}" for verb in _WILL_VERBS),
    ),
    PROPOSED: (
        "proposed to",
        "proposed that",
        "offered to",
        "suggested that",
        "suggested to",
        "proposal to",
    ),
    # Asks: what one side wants of another (the brief's "likely asks").
    REQUESTED: (
        "called on",
        "calls on",
        "call on",
        "called upon",
        "calls upon",
        "call upon",
        "called for",
        "calls for",
        "call for",
        "urged",
        "urges",
        "urge",
        "appealed to",
        "appeals to",
        "asked",
        "asks",
        "asking",
        "will ask",
        "encourage",
        "encourages",
        "encouraged",
        "pressed",
        "presses",
        "will press",
        "stressed the need for",
        "underscored the need for",
        "emphasized the need for",
        "emphasised the need for",
        "underlined the need for",
        "noted the need for",
        "reiterated the need for",
        "highlighted the need for",
        "requested",
        "requests",
        "demanded",
        "demands",
    ),
    # "reaffirmed the U.S. commitment to", "our commitment to": the side is named before it.
    STATED_NOUN: (
        "commitment to",
        "commitments to",
        "dedication to",
        "pledge of",
        "intent to",
        "resolve to",  # "reaffirmed the U.S. resolve to work closely with the ROK"
        "readiness to",  # "highlighted the United States’ readiness to engage"
    ),
    BY_NOUN: ("pledge by", "pledges by", "commitment by", "commitments by", "promise by"),
}


# A deal whose goods or money come from another side (see `commitments._counterparty`).
DEAL_FROM = re.compile(
    r"(?:(?:has|have|had)\s+)?(?:agreed\s+to\s+(?:buy|charter|import|purchase|lease|borrow|"
    r"accept)|signed\s+(?:up\s+)?for)\s+[^,;.]{0,60}?\bfrom\s+",
    re.I,
)
# An agreement whose parties follow "between": "we’ve agreed to establish between the
# United States and the EU a trade and technology council".
AGREED_BETWEEN = re.compile(r"(?:agreed|signed)\s+(?:to\s+[a-z]+\s+)?between\s+", re.I)
# "the two governments held candid conversations ... We committed to deepening": after
# them, "we" is both.
_THE_TWO = re.compile(r"\b[Tt]he\s+two\s+(?:governments|sides|delegations)\b")
_THE_TWO_REACH = 300


def two_governments_before(text: str, position: int) -> bool:
    """Were "the two governments" (sides, delegations) named in the words before
    ``position``?"""
    return _THE_TWO.search(text, max(0, position - _THE_TWO_REACH), position) is not None


# "we" as a clause's subject, a few words in: "... but we agreed to continue".
WE_SUBJECT = re.compile(
    r"(?:[\w’',–-]+\s+){0,12}?(?:but\s+|and\s+|so\s+)?we(?:\s+(?:have|had|also|all|just|both))?",
    re.I,
)


# Where its subject starts (before the cue).
_CLAUSE_START = re.compile(
    r"[;:,(]\s*|\s[—–-]\s|\b(?:that|as|while|because|since|where|when|whereas|although|so)\s+"
    # A relative clause is its own: "Egypt condemned the deal in which Turkey and Libya agreed".
    r"|\b(?:in|under|by|through)\s+which\s+|\bwhereby\s+"
    # What the one told was told: "Tanaka told Brazil the bank will continue" (a news
    # agency told is only the source: "Howard told Reuters he would try" keeps its speaker).
    r"|\btold\s+(?!Reuters\b)(?:[A-Z][\w.’'-]*\s+){1,6}(?=(?:the|it|he|she|they|we)\s)"
)
# A parenthetical between commas is no clause's start: "the United States, of course,
# urges all countries" (its subject is before it).
_PARENTHETICAL = re.compile(
    r",\s*(?:of\s+course|however|in\s+turn|therefore|in\s+addition|indeed|in\s+fact|"
    r"for\s+(?:its|their|our|his|her)\s+part)\s*,"
)


def clause_start(text: str, start: int, end: int) -> int:
    """Where the last clause before ``end`` starts, from ``start`` on."""
    asides = [m.span() for m in _PARENTHETICAL.finditer(text, start, end)]
    for match in _CLAUSE_START.finditer(text, start, end):
        if not any(a <= match.start() < b for a, b in asides):
            start = match.end()
    return start
