"""Words that name a government or its officials: a capital city, as wire news uses it
("Washington signed a three-year accord with Taipei last year": both governments;
elsewhere a capital is where something happens, "will visit Rome and West Berlin"); the
noun after a nationality ("Saudi officials", "a Ugandan goodwill mission")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from search.extract.engagements.patterns import _OFFICIAL_NOUNS

if TYPE_CHECKING:
    from search.extract.engagements.context import _Context


def seat_names_government(text: str, floor: int, start: int, end: int) -> bool:
    """Does the capital at ``text[start:end]`` (in a sentence from ``floor``) name its
    government: after "with" (an accord or talks "with Taipei", not "with Rome-Based
    Agencies"), or as the subject of a verb that opens the sentence (after a wire's
    dateline)?"""
    if _WITH_BEFORE.search(text, max(floor, start - 6), start):
        return text[end : end + 1] not in ("-", "–")
    return bool(_SUBJECT_BEFORE.fullmatch(text, floor, start) and _VERB_AFTER.match(text, end))


_WITH_BEFORE = re.compile(r"\bwith\s+$")
# Nothing before it in its sentence but a wire's dateline: "WASHINGTON, March 3 - ".
_SUBJECT_BEFORE = re.compile(r"\s*(?:[A-Z][A-Z .]+,\s+\w+\.?\s+\d{1,2}\s+-\s+)?")
_VERB_AFTER = re.compile(r"\s+(?:signed|agreed|has|have|had|will|would|and\s+[A-Z])\b")


def names_officials(c: _Context, floor: int, start: int, end: int) -> bool:
    """Does the nationality at ``text[start:end]`` (in a sentence from ``floor``) name
    officials: "Saudi and Yemeni officials", "French, German, Italian, and UK
    Counterparts", "the Kazakh diplomat" (the list's noun makes them sides; "Afghan
    girls" does not), "the president of the Peruvian central bank"?"""
    text = c.text
    position = end
    for _ in range(8):
        step = re.match(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s+or\s+)", text[position:])
        if step is None:
            break
        following = position + step.end()
        nxt = re.match(r"[\w.’'-]+", text[following:])
        if nxt is None:
            break
        covering = c.country_at(following, following + nxt.end())
        if covering is None:
            break
        position = covering  # "Saudi and Republic of Yemen Governments"
    return official_noun_follows(text, position) or heads_central_bank(text, floor, start, end)


def official_noun_follows(text: str, position: int) -> bool:
    """Does a noun of officials follow ``position`` (right after a nationality), maybe
    after one word of their trade ("Swedish trade officials", "a Ugandan goodwill
    mission", "West German financial officials"; not "the Japanese government is")?"""
    for pattern in (_NOUN, _NOUN_AFTER_TRADE):
        word = pattern.match(text, position, position + 60)
        if word is not None and word.group(1).lower() in _OFFICIAL_NOUNS:
            return True
    # "the Peruvian central bank president": the head of a state's own bank
    word = _BANK_HEAD.match(text, position, position + 60)
    return word is not None and word.group(1).lower() in _BANK_HEADS


def heads_central_bank(text: str, floor: int, start: int, end: int) -> bool:
    """Is the nationality at ``text[start:end]`` that of a central bank whose head the
    words before it name ("held private talks here yesterday with the president of the
    Peruvian central bank")?"""
    return bool(
        _HEAD_OF.search(text, max(floor, start - 30), start) and _CENTRAL_BANK.match(text, end)
    )


_NOUN = re.compile(r"\s+([\w’'-]+)")
_NOUN_AFTER_TRADE = re.compile(
    r"\s+(?:trade|goodwill|economic|high-level|senior|negotiating|top|financial|finance|"
    r"monetary|government|foreign|defen[cs]e|military|security|agriculture|treasury)\s+([\w’'-]+)",
    re.I,  # ("The Japanese Finance Ministry said it plans to hold formal financial talks")
)
_CENTRAL_BANK = re.compile(r"\s+central\s+bank\b", re.I)
_BANK_HEAD = re.compile(r"\s+central\s+bank(?:[’']s)?\s+([\w’'-]+)", re.I)
# Who heads a central bank: "the president of the Peruvian central bank", "the Peruvian
# central bank governor" (or its officials, after its name).
_HEADS = ("president", "governor", "head", "chief", "chairman")
_BANK_HEADS = frozenset((*_HEADS, "officials"))
_HEAD_OF = re.compile(rf"\b(?:{'|'.join(_HEADS)})\s+of\s+the\s+(?:\w+\s+)?$", re.I)
