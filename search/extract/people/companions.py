"""Sides from a person's tie to another: family (`kin`), companions on a trip
("Foreign Minister Tadashi Kuranari will accompany Nakasone", "Funaro, accompanied by
central bank president Francisco Gros"), and an interviewer's broadcaster ("Secretary
Antony J. Blinken On CBS Face the Nation with Margaret Brennan").

One who travels with an official, named by nothing else, is of the official's
delegation: a reader takes them as of that country.  Only a person the article gives no
side, or only the story's setting, is given the companion's.
"""

from __future__ import annotations

import re

from search.extract.affiliation import Affiliation
from search.extract.people.kin import kin_sides
from search.extract.people.mentions import _Person

# Between the one who goes along and the one they go with: "will accompany", "is
# accompanying", "accompanied"; then the other's office words ("Secretary Blinken").
_ACCOMPANIES = re.compile(
    r"\s+(?:(?:will|would|is|was|to)\s+)?accompan(?:y|ies|ied|ying)\s+"
    r"(?:(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,5})?$"
)
# Between the official and the ones who go along: ", accompanied by", ", who is accompanied
# by", " will be accompanied by", " arrived today, accompanied by"; then their office words.
_ACCOMPANIED_BY = re.compile(
    r"(?:\s+[a-z][\w’'-]*){0,5},?\s+(?:(?:who\s+)?(?:is|was|will\s+be|would\s+be)\s+)?"
    r"accompanied\s+by\s+"
    r"(?:(?:[\w’'-]+\s+){0,8}?)$"
)
# Between two names of one list of companions: a comma or "and", with office words.
_AND = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:[\w’'-]+\s+){0,8}?")
# The weakest sides, which a companion's outweighs (`merging._SETTING_DEFAULTS`).
_SETTINGS = frozenset({"context", "main", "dateline"})
# How far (characters) the companion's name may stand from the words that tie them.
_REACH = 90
# The national broadcasters a headline names with the journalist who interviews ("On CNN’s
# State of the Union with Dana Bash", "With Wolf Blitzer of The Situation Room on CNN"):
# their anchors are the country's own. (Not "ABC" alone, Australia's too, nor networks with
# staff from everywhere: Al Jazeera, Sky News Arabia.)
_BROADCASTERS = {
    "ABC News": "USA", "ABC’s This Week": "USA", "CBS": "USA", "CNBC": "USA", "CNN": "USA",
    "Fox News": "USA", "MSNBC": "USA", "NBC": "USA", "NPR": "USA", "PBS": "USA",
}  # fmt: skip
_ON_AIR = re.compile(r"\b(" + "|".join(map(re.escape, _BROADCASTERS)) + r")(?=[’'\s]|$)")
# Right before the interviewer's name in the headline: "... with Margaret Brennan".
_WITH_BEFORE = re.compile(r"\b[Ww]ith\s+$")


def tie_sides(text: str, people: list[_Person]) -> None:
    """Give each person with no side the side of the relative named with them (`kin`),
    and one with no side or only the story's setting the side of the official they go
    along with."""
    kin_sides(text, people)
    _interviewer_sides(text, people)
    mentions = sorted((span, person) for person in people for span in person.spans)
    for index, ((_start, end), person) in enumerate(mentions):
        for (o_start, _o_end), other in mentions[index + 1 :]:
            if o_start - end > _REACH:
                break
            gap = text[end:o_start]
            if "\n" in gap or other is person:
                continue
            if _ACCOMPANIES.fullmatch(gap):
                _take(person, other)  # "Kuranari will accompany Nakasone"
            elif _ACCOMPANIED_BY.fullmatch(gap):
                _take(other, person)  # "Funaro, accompanied by ... Francisco Gros"
                _take_listed(text, other, person, mentions, index)
            break


def _take_listed(
    text: str,
    first: _Person,
    official: _Person,
    mentions: list[tuple[tuple[int, int], _Person]],
    index: int,
) -> None:
    """ "accompanied by Deputy Assistant Secretary Hady Amr and Director X": the rest of
    the list after the first companion."""
    position = next(e for (s, e), p in mentions[index + 1 :] if p is first)
    for (start, end), person in mentions[index + 1 :]:
        if start < position:
            continue
        if start > position:
            if not _AND.fullmatch(text, position, start):
                return
            _take(person, official)
        position = end


def _take(person: _Person, official: _Person) -> None:
    # (over a story's setting too: "NEW DELHI - Soviet Foreign Minister Eduard
    # Shevardnadze arrived today, accompanied by Anatoly Kovalev")
    weak = person.side is None or person.side.how in _SETTINGS
    if weak and official.side is not None and official.side.country:
        person.side = Affiliation(official.side.country, None, "companion")


def _interviewer_sides(text: str, people: list[_Person]) -> None:
    """The journalist a headline names "with" a broadcaster it names is of the
    broadcaster's country (a reader of "On CBS Face the Nation with Margaret Brennan"
    takes her as American); the text gives them no other side."""
    headline = text[: max(0, text.find("\n"))]
    network = _ON_AIR.search(headline)
    if network is None:
        return
    for person in people:
        if person.side is None and any(
            end <= len(headline) and _WITH_BEFORE.search(headline[max(0, start - 6) : start])
            for start, end in person.spans
        ):
            person.side = Affiliation(_BROADCASTERS[network.group(1)], None, "broadcaster")
