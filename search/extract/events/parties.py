"""An event's parties: the countries a clause names, resolved to actors (people's
countries, "both sides", "we")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from search.extract.topics import text_index
from search.model import Mention, PersonRef

# Two-sided phrases: the article's main pair (checked with `in` on the lower-cased
# sentence: a regex with this many branches costs ~40 µs a sentence, these ~5 µs).
_BOTH_SIDES = (
    "the two countries",
    "both countries",
    "the countries",
    "the two nations",
    "both nations",
    "the sides",
    "both sides",
    "the two sides",
    "the parties",
    "both parties",
    "the two leaders",
    "both leaders",
    "the two ministers",
    "the delegations",
    "the two delegations",
    "the interlocutors",
    "the diplomats",
    "the two governments",
    "both governments",
    "the foreign ministries",
    "the two presidents",
    "bilateral",
    "mutual",
    "each other",
)
# "our country", "we": the publisher's side.  Literal-first alternatives let the regex
# engine skip ahead; the word boundary before is checked in Python.
_BOTH_SIDES_WORDS = frozenset(word for phrase in _BOTH_SIDES for word in phrase.split()) - {
    "the",
    "both",
    "two",
}
_OURS = re.compile(r"our (?:country|countries|nation|government|side|state|republic)\b|we\b")


# --------------------------------------------------------------------------- actors


class Parties:
    """Who a sentence or clause is about: countries, people's countries, "our", both sides.

    Shared by `find_events` and `search.extract.commitments`.
    """

    def __init__(
        self,
        text: str,
        country_mentions: Sequence[Mention],
        people: Sequence[PersonRef],
        top_countries: Sequence[str],
        home: str | None,
    ):
        # A dateline says where the story was filed, not who acted.
        named = sorted(
            (m.span.start, m.span.end, m.key, m.how)
            for m in country_mentions
            if m.kind == "country" and m.how != "dateline"
        )
        self.named = named
        self.named_starts = [item[0] for item in named]
        items = [item[:3] for item in named]
        # People the text gives no country: in a home agency's text, its own officials.
        self.unplaced = sorted(
            span.start
            for person in people
            if not person.country and person.role
            for span in person.spans
        )
        for person in people:
            if person.country:
                items.extend((span.start, span.end, person.country) for span in person.spans)
        items.sort()
        self.text = text
        index = text_index(text)
        self.lowered = index.lowered
        # Most articles have none of the words of a two-sided phrase: skip the search.
        self._two_sided = not _BOTH_SIDES_WORDS.isdisjoint(index.tokens)
        self.items = items
        self.starts = [item[0] for item in items]
        self.pair = tuple(dict.fromkeys(top_countries))[:2]
        self.home = home
        self._both: dict[tuple[int, int], bool] = {}

    def in_range(self, start: int, end: int, skip: tuple[int, int] | None = None) -> list[str]:
        """Countries named (or implied by a person, or "our") in ``text[start:end]``."""
        found: list[tuple[int, str]] = []
        index = bisect.bisect_left(self.starts, start)
        while index < len(self.items) and self.items[index][0] < end:
            item_start, item_end, key = self.items[index]
            if skip is None or not (skip[0] <= item_start and item_end <= skip[1]):
                found.append((item_start, key))
            index += 1
        if self.home:
            lowered = self.lowered
            for match in _OURS.finditer(lowered, start, end):
                if match.start() == 0 or not lowered[match.start() - 1].isalpha():
                    found.append((match.start(), self.home))
            found.sort()
        return list(dict.fromkeys(key for _, key in found))

    def mentions_in(self, start: int, end: int) -> list[tuple[str, str]]:
        """``(code, how)`` of the country mentions inside ``[start, end)``."""
        index = bisect.bisect_left(self.named_starts, start)
        found = []
        while index < len(self.named) and self.named[index][0] < end:
            if self.named[index][1] <= end:
                found.append((self.named[index][2], self.named[index][3]))
            index += 1
        return found

    def _first(self, sentence: tuple[int, int]) -> int:
        index = bisect.bisect_left(self.starts, sentence[0])
        return self.items[index][0] if index < len(self.items) else sentence[1]

    def both_sides(self, sentence: tuple[int, int]) -> bool:
        """Does the sentence speak of the two sides ("the two countries", "bilateral")?"""
        if not self._two_sided:
            return False
        cached = self._both.get(sentence)
        if cached is None:
            lowered = self.lowered[sentence[0] : sentence[1]]
            cached = self._both[sentence] = any(phrase in lowered for phrase in _BOTH_SIDES)
        return cached

    def resolve(
        self,
        clause: tuple[int, int],
        sentence: tuple[int, int],
        skip: tuple[int, int] | None = None,
        *,
        both_sides: bool | None = None,
        trigger: int | None = None,
    ) -> tuple[str, ...]:
        """Actors of a clause, completed from its sentence and the article's main pair.

        Args:
            clause: The clause span (first choice of actors).
            sentence: The sentence span (when the clause names fewer than two).
            skip: A span whose countries are not actors (the place of a meeting).
            both_sides: Whether a two-sided phrase applies; ``None``: look in the sentence.
            trigger: Where the trigger starts; an official named before it is the subject.
        """
        actors = self.in_range(*clause, skip=skip)
        if len(actors) < 2:
            actors = list(dict.fromkeys(self.in_range(*sentence, skip=skip) + actors))
        if self.home and self.home not in actors:
            # "Secretary Blinken met with Colombian Vice President Ramírez": an official
            # the text gives no country, in a home agency's text, is on its side: as the
            # subject (named before the trigger), or as the other party of a lone actor.
            index = bisect.bisect_left(self.unplaced, sentence[0])
            official = self.unplaced[index] if index < len(self.unplaced) else sentence[1]
            if official < sentence[1]:
                if trigger is not None and clause[0] <= official < trigger:
                    actors = [self.home, *actors]
                elif len(actors) == 1:
                    actors = (
                        [self.home, *actors]
                        if official < self._first(sentence)
                        else [*actors, self.home]
                    )
        if both_sides is None:
            both_sides = self.both_sides(sentence)
        if len(self.pair) == 2 and (both_sides or (len(actors) == 1 and actors[0] in self.pair)):
            actors = list(dict.fromkeys(actors + list(self.pair)))
        return tuple(actors)
