"""Who travels on a trip an engagement reports: the travellers a sentence names around the
trip's word, and whose trip a possessive says it is."""

from __future__ import annotations

import re

from search.extract.affiliation import is_speaker, own_office
from search.extract.engagements.implied import _Implied
from search.extract.engagements.patterns import (
    _PARTICIPLE_LEAD,
    _PRONOUN_AFTER,
    _SENDS,
    GLAD_TO,
    _possessive,
)

# The maker of a trip named after its destinations: "... to Kuwait, and Qatar by".
# ("the visit to the United States by Afghan President Ghani": "the" before a country)
_BY_AFTER_PLACES = re.compile(r"\s+to\s+(?:the\s+)?[A-Z][^.;:()]{0,120}?\s+by\s+(?=[A-Z])")
# What a speaker is glad of before the place: "It's wonderful to be back in".
# ("It was a pleasure to visit you in Kuwait last July": the speaker's trip too)
_GLAD_TO_BE_BEFORE = re.compile(rf"{GLAD_TO}(?:be\s+(?:back\s+)?)?$")
# Who travels, named right after the trip's word: "the arrival of Baldrige", "a tour that
# has taken Herrington to Iraq" (a person named within the reach, for the trip to be theirs).
_WHO_REACH = 30
_WHO_AFTER = re.compile(r"\s+(?:(?:of|by)\b|[A-Z][\w.’'-]+\s+to\s+(?:the\s+)?[A-Z])")


class _Travellers(_Implied):
    """A visit's sides: who travels, as the sentence names them, and to whom."""

    def _visit_sides(
        self,
        match: re.Match[str],
        window: int,
        cut: int,
        host: str,
        sides: list[str],
        people: dict[str, str],
    ) -> list[str] | None:
        """A visit's sides: the travellers, the sides named, then the host (the hosts met
        there join ``people``); None when no official of another side travels."""
        owner = self._trip_owner(match)
        if owner is not None:
            people.setdefault(*owner)
        travellers = [owner[1]] if owner else self._travellers(window, match.start())
        if owner is None and (owner := self._pronoun_owner(match, host, people)) is not None:
            travellers = [owner[1]]  # "after talks with Kohl ahead of her visit": the subject's
        if not travellers and _SENDS.match(match.group()):
            travellers = self._senders(window, match.start())
        named_after = bool(not travellers and _WHO_AFTER.match(self.c.text, match.end()))
        if named_after:
            travellers = self._travellers(match.end(), cut)  # "the arrival of Baldrige"
            # (who, if a person is named there: not "a tour of Europe and debt discussions")
            named_after = bool(self.c.people_in(match.end(), match.end() + _WHO_REACH))
        if not travellers and (agent := _BY_AFTER_PLACES.match(self.c.text, match.end(), cut)):
            # "a three-week trip to Saudi Arabia, Jordan, ... and Qatar by U.S. Special
            # Envoy for Yemen Tim Lenderking": who made it, after where.
            travellers = self._travellers(agent.end(), cut)[:1]
        if not [s for s in travellers if s != host] and match.group().lower() == "visiting":
            travellers = self._travellers(match.end(), cut)[:1]  # "told visiting ... Shultz"
        if not travellers and (
            re.search(
                r"(?:\b(?:her|his|their)|(?:^|[-–—])\s*During\s+an?)\s+(?:[\w-]+\s+){0,3}$",
                self.c.text[self.start : match.start()],
                re.I,
            )
            or _PARTICIPLE_LEAD.fullmatch(self.c.text, self.start, match.start())
        ):
            # "During her August 2021 visit to Vietnam, Vice President Harris ...", "After
            # visiting the U.S., England, ..., Funaro is now on his way to Tokyo" (or "During
            # a visit to the U.S."): the traveller is the subject after the phrase.
            travellers = self._travellers(match.end(), self.end)[:1]  # the subject's
            for _s, _e, person, side in self.c.people_in(match.end(), self.end):
                if side in travellers:
                    people.setdefault(person.name, side)
        if not [s for s in travellers if s != host] and _PRONOUN_AFTER.match(
            self.c.text, match.end()
        ):
            # "a state visit he will make to Britain": the one "he" is, found by _sides.
            travellers = [side for side in sides if side != host][:1]
        if not [s for s in travellers if s != host]:
            travellers = self._subject_traveller(match, host, people) or travellers
        glad = self._glad_to_be(match, host, travellers, people)
        if glad is None:
            return None  # a guest's "It's great to be in Washington": the meeting's remarks
        travellers = glad
        if not [s for s in travellers if s != host]:
            travellers = self._traveller_around(match, window, host, people, travellers)
        if not [s for s in travellers if s != host]:
            # "thank you very much for coming to pay a visit", said by the host: "you"
            travellers = self._speaker_and_you(window, match.end())[1:] or travellers
        if not [s for s in travellers if s != host]:
            self.trip_at_home = bool(travellers)
            return None  # no official travelling, or a trip at home
        # (a trip whose owner the sentence names, "the Foreign Minister's recent visits to
        # Indonesia, Fiji", or "the arrival of Baldrige", is theirs, not also of those who
        # "reviewed" it, nor of the stop that "is the last of a tour")
        sides = [*travellers, *(sides if owner is None and not named_after else [])]
        sides.append(host)
        for _, _, person, side in self.c.people_in(match.end(), self.end):
            if side is None and person.role and not own_office(person.role):
                people.setdefault(person.name, host)  # the hosts met there
        return sides

    def _subject_traveller(
        self, match: re.Match[str], host: str, people: dict[str, str]
    ) -> list[str]:
        """ "Johnson said in a statement released in conjunction with a visit to Ireland":
        a trip noun's traveller is the sentence's subject, when a person of another side
        (their name into ``people``)."""
        if match.group().lower() not in ("visit", "trip", "tour"):
            return []
        first = self.c.people_in(self.start, match.start())[:1]
        if not first or first[0][3] in (None, host) or is_speaker(first[0][2].role):
            return []
        people.setdefault(first[0][2].name, first[0][3])
        return [first[0][3]]

    def _glad_to_be(
        self, match: re.Match[str], host: str, travellers: list[str], people: dict[str, str]
    ) -> list[str] | None:
        """Who travels to a place a speaker is glad to be (back) in ("It's wonderful to be
        back in Berlin"): the speaker of a transcript's turn (their name into ``people``),
        or a government's own official in its statement; None for a guest at the
        publisher's home, whose remarks are their meeting's. Other stays: ``travellers``."""
        if not _GLAD_TO_BE_BEFORE.search(
            self.c.text, max(self.start, match.start() - 30), match.start()
        ):
            return travellers
        if host == self.c.publisher:
            return None
        if [side for side in travellers if side != host]:
            return travellers
        speaker = self.c.speaker(match.start())
        if speaker is None:
            return [self.c.publisher] if self.c.publisher else travellers
        side, name = speaker
        if name and side:
            people.setdefault(name, side)
        return [side] if side else travellers

    def _trip_owner(self, match: re.Match[str]) -> tuple[str, str] | None:
        """Whose trip it is (name and side), named just before the noun: "welcomed
        Griffiths’ latest trip to Sana’a" (Griffiths travels, not who welcomed it)."""
        before = self.c.people_in(max(self.start, match.start() - 40), match.start())
        if not before or before[-1][3] is None or not _possessive(self.c.text, before[-1][1]):
            return self._office_traveller(match)  # "the High Commissioner's recent travel"
        _s, end, person, side = before[-1]
        if not re.fullmatch(r"[’']s?\s+(?:[\w-]+\s+){0,2}", self.c.text[end : match.start()]):
            return None
        return (person.name, side) if side else None
