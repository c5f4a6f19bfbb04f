"""A government's own officials by how its text names them: the people the speaker
thanks by name in remarks to the staff of one of its missions ("Secretary Antony J.
Blinken Meet and Greet with Embassy San Jose Staff", "... Remarks to Mission India
Staff"), and those it calls "our" ambassador, envoy or coordinator. They are the
publisher's, unless the text ties them to another side."""

from __future__ import annotations

import re

from search.extract.affiliation import Affiliation
from search.extract.people.mentions import _Person

# The headline of such remarks: a mission's staff, or a meet and greet (always with one's
# own: "Meet and Greet with U.S. Tri-Mission Italy").
_STAFF_HEADLINE = re.compile(
    r"\b(?:Embassy|Mission|Tri-Mission|Consulate)\b[^\n]*\b(?:Staff|Personnel|Employees)\b"
    r"|\bMeet[- ]and[- ]Greet\b"
    # "Secretary Antony J. Blinken Remarks to Mission Morocco": to the mission's people
    r"|\bRemarks\s+(?:to|With)\s+(?:the\s+)?(?:U\.S\.\s+)?(?:Mission|Embassy|Tri-Mission)\b",
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


# An office a government gives its own: "our new ambassador here, Tom Nides", "Erin
# Barclay, our coordinator for global democratic renewal".
_OUR_OFFICE = (
    r"\b[Oo]ur\s+(?:new\s+|own\s+|acting\s+|special\s+)?(?:[A-Z][\w-]*\s+){0,3}"
    r"(?:[Aa]mbassador|[Ee]nvoy|[Cc]oordinator|[Cc]harg[ée]\s+d[’']affaires|[Cc]onsul\s+[Gg]eneral)"
)
_OUR_OFFICE_BEFORE = re.compile(
    _OUR_OFFICE + r"(?:\s+(?:here|there|in\s+[A-Z][\w-]*))?,\s+$"
    # "We appointed, very early on as well, a senior special envoy to lead our diplomacy,
    # Tim Lenderking": the one the government appointed
    r"|\b[Ww]e\s+(?:have\s+)?(?:also\s+)?(?:appointed|named|nominated)\b[^.;:]{0,60}?\b"
    r"(?:envoy|ambassador|coordinator|representative)\b[^.;:]{0,40},\s+$"
)
_OUR_OFFICE_AFTER = re.compile(r",\s+" + _OUR_OFFICE + r"\b")
# A speaker's turn in a transcript ("FOREIGN MINISTER LAPID:"): another government's "our"
# may be speaking.
_FOREIGN_TURN = re.compile(r"[A-Z][A-Z .’'-]*(?:FOREIGN|PRIME|PRESIDENT|KING|MINISTER)[A-Z .’'-]*:")


def our_officials(text: str, people: list[_Person], publisher: str | None) -> None:
    """Give the publisher's side to those with none its text calls "our" ambassador,
    envoy or coordinator (not in a turn another government's official speaks)."""
    if publisher is None:
        return
    for person in people:
        if person.side is not None:
            continue
        for start, end in person.spans:
            if not (
                _OUR_OFFICE_BEFORE.search(text, max(0, start - 140), start)
                or _OUR_OFFICE_AFTER.match(text, end)
            ):
                continue
            turn = text.rfind(":", 0, start)
            label = text.rfind("\n", 0, turn) + 1  # (the line the turn's label opens)
            if turn >= 0 and _FOREIGN_TURN.fullmatch(text, label, turn + 1):
                continue
            person.side = Affiliation(publisher, None, "our")
            break
