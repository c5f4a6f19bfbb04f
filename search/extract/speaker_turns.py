"""A transcript's speaker turns: who speaks where ("SECRETARY BLINKEN:", "FOREIGN
MINISTER CHUNG:", "QUESTION:"), by the people the article names.

The clause sides (`search.extract.side_index`) and the engagements
(`search.extract.engagements.context`) both read a transcript's "we" and "I" as its
speaker's.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from search.extract.gazetteer import fold
from search.extract.side_patterns import _BRIEFER_LABEL, _INTERPRETED, _NAME_SUFFIX, _TURN
from search.model import PersonRef


def speaker_turns(
    text: str, people: Sequence[PersonRef], publisher: str | None = None
) -> list[tuple[int, str, str]]:
    """Where each speaker's turn starts, with the speaker's side and name ("" and "" when
    the label names no one with a side: "QUESTION:", "MODERATOR:"; but a government's
    press briefing given by "MS PORTER:", whom the text names no further, is given by
    the publisher's spokesperson, and "UNDER SECRETARY ZEYA:" speaks for the publisher
    too)."""
    by_surname: dict[str, tuple[str, str]] = {}
    for first in (False, True):
        for person in people:
            side = person.country or (f"org:{person.org}" if person.org else None)
            words = person.name.split()
            while len(words) > 1 and _NAME_SUFFIX.match(words[-1]):
                words = words[:-1]  # "KING ABDULLAH:" for King Abdullah II
            if side is None or not words or first and len(words) < 2:
                continue
            # "FOREIGN MINISTER CHUNG:" for Chung Eui-yong: a family name written first
            # (after every surname written last).
            by_surname.setdefault(fold(words[0] if first else words[-1]), (side, person.name))
    turns = []
    for label in _TURN.finditer(text):
        found = by_surname.get(fold(label.group(1)))
        if (
            found is None
            and publisher
            and _BRIEFER_LABEL.match(label.group())
            and not _INTERPRETED.match(text, label.end())
        ):
            found = (publisher, "")
        turns.append((label.start(), *(found or ("", ""))))
    return turns


def speaker_at(turns: list[tuple[int, str, str]], position: int) -> tuple[str, str] | None:
    """The side and name of whoever speaks at ``position`` (from `speaker_turns`; "" for
    a speaker with none, as a journalist), or None before any turn (no transcript)."""
    index = bisect.bisect_right(turns, (position, "\uffff", "")) - 1
    return turns[index][1:] if index >= 0 else None
