"""Words that name a government or its officials: a capital city, as wire news uses it
("Washington signed a three-year accord with Taipei last year": both governments;
elsewhere a capital is where something happens, "will visit Rome and West Berlin"); the
noun after a nationality ("Saudi officials", "a Ugandan goodwill mission")."""

from __future__ import annotations

import re

from search.extract.engagements.patterns import _OFFICIAL_NOUNS


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


def official_noun_follows(text: str, position: int) -> bool:
    """Does a noun of officials follow ``position`` (right after a nationality), maybe
    after one word of their trade ("Swedish trade officials", "a Ugandan goodwill
    mission", "West German financial officials"; not "the Japanese government is")?"""
    for pattern in (_NOUN, _NOUN_AFTER_TRADE):
        word = pattern.match(text, position, position + 60)
        if word is not None and word.group(1).lower() in _OFFICIAL_NOUNS:
            return True
    return False


_NOUN = re.compile(r"\s+([\w’'-]+)")
_NOUN_AFTER_TRADE = re.compile(
    r"\s+(?:trade|goodwill|economic|high-level|senior|negotiating|top|financial|finance|"
    r"monetary|government|foreign|defen[cs]e|military|security|agriculture|treasury)\s+([\w’'-]+)"
)
