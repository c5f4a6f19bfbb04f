"""Family named by its tie to an official: "Maria Lavrova, the wife of Russia’s Foreign
Minister Sergei Lavrov"; "the adult children of President Vladimir Putin, Katerina
Tikhonova and Maria Vorontsova"; "Ekaterina Lavrova, his adult child".

Sanctions and protocol texts name an official's relatives, whom the text ties to no
country but through them: a reader takes them as of the official's country.  Only a
person the article gives no side is given the relative's.
"""

from __future__ import annotations

import re

from search.extract.affiliation import Affiliation
from search.extract.people.mentions import _Person

_KIN = (
    r"(?:wife|husband|spouse|widow|widower|son|sons|daughter|daughters|child|children|"
    r"brother|sister|mother|father|son-in-law|daughter-in-law|nephew|niece|grandson|"
    r"granddaughter)"
)
# After a name: ", the wife of" (the relative named next) or ", his adult child" (the
# relative named last before).
_KIN_OF_AFTER = re.compile(
    rf",\s+(?:the\s+|a\s+)?(?:(?:adult|eldest|youngest|elder|younger)\s+)?{_KIN}\s+of\s+"
)
_THEIR_KIN_AFTER = re.compile(
    rf",\s+(?:his|her)\s+(?:(?:adult|eldest|youngest|elder|younger)\s+)?{_KIN}\b"
)
# Before names: "the adult children of President Vladimir Putin, " (the relative, then
# those named after the comma).
_KIN_OF_BEFORE = re.compile(
    rf"\b(?:the\s+)?(?:(?:adult|eldest|youngest|elder|younger)\s+)?{_KIN}\s+of\s+"
    r"(?:[A-Z][\w.’'-]*\s+){0,6}$"  # (the relative's office: "of President Vladimir Putin")
)
# Between two names of one list: a comma or "and".
_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
# How far (characters) a relative's name may stand from the words that tie them.
_REACH = 60


def kin_sides(text: str, people: list[_Person]) -> None:
    """Give each person with no side the side of the official the text names as their
    relative."""
    mentions = sorted((span, person) for person in people for span in person.spans)
    for index, ((start, end), person) in enumerate(mentions):
        if person.side is not None:
            continue
        relative = _relative_after(text, end, mentions[index + 1 :]) or _relative_before(
            text, end, mentions[:index]
        )
        if relative is None:
            relative = _listed_after_relative(text, start, mentions[:index])
        if relative is not None and relative.side is not None and relative.side.country:
            person.side = Affiliation(relative.side.country, None, "kin")


def _relative_after(
    text: str, end: int, after: list[tuple[tuple[int, int], _Person]]
) -> _Person | None:
    """ "X, the wife of Russia’s Foreign Minister Sergei Lavrov": the next one named."""
    tie = _KIN_OF_AFTER.match(text, end)
    if tie is None or not after:
        return None
    (next_start, _), relative = after[0]
    return relative if next_start - tie.end() <= _REACH else None


def _relative_before(
    text: str, end: int, before: list[tuple[tuple[int, int], _Person]]
) -> _Person | None:
    """ "X, his adult child": the one named last before, within the sentence's reach."""
    tie = _THEIR_KIN_AFTER.match(text, end)
    if tie is None or not before:
        return None
    (_, last_end), relative = before[-1]
    return relative if end - last_end <= 2 * _REACH else None


def _listed_after_relative(
    text: str, start: int, before: list[tuple[tuple[int, int], _Person]]
) -> _Person | None:
    """ "the adult children of President Vladimir Putin, Katerina Tikhonova and Maria
    Vorontsova": each name of the list after the relative and a comma."""
    position = start
    for (b_start, b_end), person in reversed(before):
        gap = text[b_end:position]
        if gap.startswith(",") and _KIN_OF_BEFORE.search(text, max(0, b_start - 40), b_start):
            # (the relative's own name, right before the list: its office words between)
            return person if re.fullmatch(r",\s*", gap) else None
        if not _AND.fullmatch(gap):
            return None
        position = b_start
    return None
