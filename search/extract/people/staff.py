"""A government's remarks to the staff of one of its own missions ("Secretary Antony J.
Blinken Meet and Greet with Embassy San Jose Staff", "... Remarks to Mission India
Staff"): the people the speaker thanks there by name are the mission's, so the
publisher's, unless the text ties them to another side."""

from __future__ import annotations

import re

from search.extract.affiliation import Affiliation
from search.extract.people.mentions import _Person

# The headline of such remarks: a mission's staff, or a meet and greet (always with one's
# own: "Meet and Greet with U.S. Tri-Mission Italy").
_STAFF_HEADLINE = re.compile(
    r"\b(?:Embassy|Mission|Tri-Mission|Consulate)\b[^\n]*\b(?:Staff|Personnel|Employees)\b"
    r"|\bMeet[- ]and[- ]Greet\b",
    re.I,
)


def mission_staff(text: str, people: list[_Person], publisher: str | None, title_end: int) -> None:
    """Give the publisher's side to the people with none in remarks to its own mission's
    staff (see the module docstring)."""
    if publisher is None or not _STAFF_HEADLINE.search(text, 0, title_end):
        return
    for person in people:
        if person.side is None:
            person.side = Affiliation(publisher, None, "staff")
