"""What a definite noun phrase as a clause's subject refers back to: "The King" (the monarch
the story named before with that title), "the Kingdom" (the country named last whose
official name fits), "the trade representative" (the official named last)."""

from __future__ import annotations

from search.extract.gazetteer import official_name
from search.extract.side_index import SideIndex
from search.extract.side_patterns import _DEFINITE, _MONARCH_SUBJECT


class ReferentIndex(SideIndex):
    """The side index, with what "the King" and "the Kingdom" refer back to."""

    def _titled_subject(
        self, sentence: tuple[int, int], start: int, end: int
    ) -> tuple[str, ...] | None:
        """ "The King also urged the world community ...": the monarch the story named
        before with that title (King Fahd), when it named one."""
        titled = _MONARCH_SUBJECT.match(self.text, start, end)
        if titled is None:
            return None
        title = titled.group(1).lower()
        for person in reversed(self._people_refs):
            side = person.country or (f"org:{person.org}" if person.org else None)
            if (
                side is not None
                and person.role is not None
                and person.role.lower().endswith(title)
                and person.spans
                and person.spans[0].start < start
            ):
                return (side,)
        return None

    def _referred(self, start: int, end: int) -> tuple[str, ...]:
        """ "the Kingdom" or "the diplomat": the country or official named last before."""
        matches = list(_DEFINITE.finditer(self.text, start, end))
        if not matches:
            return ()
        match = matches[-1]
        if match.group("state"):
            kind = match.group("state").lower()
            before = self._countries_in(0, start)
            names = [c[2] for c in before if c[3] in ("name", "alias")]
            fitting = [code for code in names if kind in official_name(code).lower()]
            chosen = fitting or names
            return (chosen[-1],) if chosen else ()
        before_people = [p for p in self.people if p[1] <= start]
        return (before_people[-1][2],) if before_people else ()
