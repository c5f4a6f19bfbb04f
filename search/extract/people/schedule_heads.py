"""A public schedule's headings: an official's office and full name in capitals, then the
day's entry in which the office names them short ("DEPUTY SECRETARY FOR MANAGEMENT AND
RESOURCES BRIAN P. MCKEON Deputy Secretary McKeon attends meetings and briefings"). The
heading is where the schedule says which deputy secretary, and who: its office and name
are the person's."""

from __future__ import annotations

import re

from search.extract.given import given_names
from search.extract.people.mentions import _Candidate

# A line's opening in capitals, up to its first word in lower case after a capital.
_CAPS_LEAD = re.compile(r"(?:[A-Z][A-Z’'-]*\.?[ \t]+){3,16}(?=[A-Z][a-z])")
_INITIAL = re.compile(r"[A-Z]\.")
# The small words of an office kept in lower case ("Under Secretary for Political Affairs").
_SMALL = frozenset({"for", "of", "and", "the", "on", "to", "in"})


def _heading_offices(text: str, candidates: list[_Candidate]) -> None:
    """Give the first person named after a line's capital heading the office and full name
    the heading writes, when the heading ends with their surname and its office begins
    with the one the entry gives them."""
    if "\n" not in text:
        return
    for candidate in candidates:
        line_start = text.rfind("\n", 0, candidate.start) + 1
        lead = _CAPS_LEAD.match(text, line_start, candidate.start)
        if lead is None or text[lead.end() : candidate.start].split() not in (
            [],
            (candidate.role or "").split(),
        ):
            continue  # (only the entry's first words, right after the heading)
        words = lead.group().split()
        surname = candidate.name.split()[-1]
        if words[-1] != surname.upper() or not candidate.role:
            continue
        given = _given(words[:-1])
        office = _office(words[: len(words) - 1 - len(given)])
        if not office.lower().startswith(candidate.role.lower()):
            continue  # ("DEPUTY SECRETARY ... SHERMAN Secretary Blinken": not theirs)
        candidate.role = office
        if given and len(candidate.name.split()) == 1:
            candidate.name = " ".join([*(_title(word) for word in given), surname])


def _given(words: list[str]) -> list[str]:
    """The given names before a heading's surname: a first name and an initial ("BRIAN
    P."), or a first name the bundled list knows ("WENDY")."""
    if len(words) >= 2 and _INITIAL.fullmatch(words[-1]):
        return words[-2:]
    if words and _title(words[-1]) in given_names():
        return words[-1:]
    return []


def _office(words: list[str]) -> str:
    return " ".join(
        word.lower() if word.lower() in _SMALL and index else _title(word)
        for index, word in enumerate(words)
    )


def _title(word: str) -> str:
    return word[:1] + word[1:].lower()
