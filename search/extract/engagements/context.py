"""What every sentence of one article needs: the engagement being assembled, the
article's mentions by position, and the sentence's own offsets."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from search.extract import dateline_places
from search.extract.engagements.patterns import _QUOTED, _stays
from search.extract.events.dates import parse_published
from search.extract.memberships import DefinedGroup, groups_defined
from search.extract.speaker_turns import speaker_at, speaker_turns
from search.extract.topics import text_index
from search.model import Mention, PersonRef

# Who a speaker addresses: "welcome you to Estonia", "Your Majesty", "your visit".
_YOU = re.compile(r"\b(?:you|Your\s+(?:Majesty|Excellency|Highness)|[Yy]our\s+visit)\b")
# A line that is a place alone, or a name with a qualifier after a comma (a transcript's
# "Washington, D.C."; "Antony J. Blinken, Secretary of State" has the same shape).
_PLACE_LINE = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?:,\s*[A-Z][\w’'. -]{1,30})?")


@dataclass
class _Found:
    """An engagement being assembled within one article."""

    type: str
    status: str
    sides: list[str]
    people: dict[str, str]  # name -> side
    sentence: int
    trigger: str
    date: str | None
    place: str | None
    host: str | None = None  # a visit's destination country
    destinations: list[tuple[str, str, int]] = field(default_factory=list)
    title: bool = False  # reported by the headline
    headline: bool = False  # the headline's report, merged into the body's
    shared_date: bool = False  # a trip's stop dated by the whole trip's dates
    later_stop: bool = False  # not the trip's first stop: the trip's first day is not its own
    stay: bool = False  # dated by a range of days ("In Paris, France, June 12-13, ...")
    # A named dialogue ("the fifth U.S.-Algeria Strategic Dialogue", "U.S.-Tajikistan
    # Annual Bilateral Consultations"): an engagement of its own, not one of the meetings
    # of a visit or a meeting reported beside it.
    named: bool = False
    # The other sentences that report it (merged into this one).
    also: set[int] = field(default_factory=set)
    place_country: str | None = None  # where ``place`` is (set when merging)
    week: bool = False  # dated "next week": its Monday, which a later report may make a day
    forum: str | None = None  # the name the trigger is a word of ("the ASEAN Regional Forum")
    at: int = -1  # where its trigger is in the text
    known: bool = False  # a meeting of data/meetings.yaml (`known.KnownMeetings`)
    # "The next high-level meeting will take place in late 2022": the series' next meeting,
    # none of the others the article tells of (`implied._Implied._implied_sides`).
    next_of_series: bool = False


class _Context:
    """What every sentence of one article needs: mentions by position, people, the pair."""

    def __init__(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        country_mentions: Sequence[Mention],
        org_mentions: Sequence[Mention],
        people: Sequence[PersonRef],
        home: str | None,
        publisher: str | None,
        pair: Sequence[str],
        published: str | None,
    ) -> None:
        self.text = text
        self.sentences = sentences
        self.countries = sorted(
            (m.span.start, m.span.end, str(m.key), m.how)
            for m in country_mentions
            if m.kind == "country" and m.how != "dateline"
        )
        self.country_starts = [item[0] for item in self.countries]
        # An organisation's organ ("the UN General Assembly") takes part as the
        # organisation it is credited to (the UN): one side, not two.
        credited = {m.span.start for m in org_mentions if m.how == "parent"}
        self.orgs = sorted(
            (m.span.start, m.span.end, str(m.key))
            for m in org_mentions
            if m.kind == "org"
            and _international(str(m.key))
            and (m.how == "parent" or m.span.start not in credited)
        )
        self.org_starts = [item[0] for item in self.orgs]
        refs = []
        for person in people:
            side = person.country or (f"org:{person.org}" if person.org else None)
            for span in person.spans:
                refs.append((span.start, span.end, person, side))
        refs.sort(key=lambda item: item[0])
        self.people = refs
        self.people_starts = [item[0] for item in refs]
        self.home = home
        self.publisher = publisher
        self.pair = list(dict.fromkeys(pair))[:2]
        self.published = parse_published(published)
        # A wire dateline's place as a place is written ("LA PAZ" as La Paz; "UAE" stays).
        self.dateline = next(
            (
                (
                    m.surface.title() if m.surface.isupper() and len(m.surface) > 3 else m.surface,
                    str(m.key),
                )
                for m in country_mentions
                if m.how == "dateline"
            ),
            None,
        )
        # The sides of the last engagement found: "the parties" of a later sentence.
        self.previous_sides: list[str] = []
        # The sides of the article's first engagement held ("main"): its report's.
        self.first_sides: list[str] = []
        # May a sentence tell a stay without a trigger word (`_stays`)?  Not where the
        # whole text cannot (its ASCII substrings are in the lower-cased text wherever
        # they are in a sentence's), which spares most texts the test at each sentence.
        self.may_stay = _stays(text_index(text).lowered)
        self._people_refs = people

    def told(self, found: Sequence[_Found]) -> None:
        """Note the engagements a sentence told, for the sentences after it."""
        self.previous_sides = list(found[-1].sides)
        if not self.first_sides:
            held = [item for item in found if item.status == "main"]
            self.first_sides = list(held[0].sides) if held else []

    @functools.cached_property
    def turns(self) -> list[tuple[int, str, str]]:
        """A transcript's speaker turns (read when a "we" or "I" needs them)."""
        return speaker_turns(self.text, self._people_refs, self.publisher)

    @functools.cached_property
    def defined(self) -> tuple[DefinedGroup, ...]:
        """The groups the article defines by a list of members (`memberships`)."""
        return groups_defined(self.text, self.countries, self.orgs)

    def speaker(self, position: int) -> tuple[str, str] | None:
        """In a transcript, the side and name of whoever speaks at ``position`` ("" when
        the speaker has none, as a journalist); None outside a transcript."""
        return speaker_at(self.turns, position)

    def era(self, code: str) -> str:
        """The code of the state ``code`` was at publication (West Germany's in 1987)."""
        from search.extract.gazetteer import gazetteer

        published = self.published.isoformat() if self.published else None
        return gazetteer().era(code, published)

    def dateline_at(self, position: int) -> tuple[str, str] | None:
        """The dateline of the paragraph at ``position``: its own in a wire roundup of
        stories ("TOKYO - Japan's ruling ... Meanwhile, visiting British ..."), else the
        story's (place as written, country)."""
        line = self.text.rfind("\n", 0, position) + 1
        own = dateline_places.parse(self.text, line) if line > 0 else None
        if own is not None and own.end <= position:
            place = own.city.title()
            if (country := self.place_country(place, own.qualifiers)) is not None:
                return place, country
        return self.dateline

    def place_country(self, place: str, qualifiers: tuple[str, ...] = ()) -> str | None:
        """The country of a place as written ("Berne", "Washington, D.C."), as of
        publication (`dateline_places.resolve`)."""
        published = self.published.isoformat() if self.published else None
        found = dateline_places.resolve(place, qualifiers, published)
        if found is None and not qualifiers and "," in place:
            # "Paris, France", "Riga, Latvia": the city, qualified by what follows it.
            city, _, rest = place.partition(",")
            found = dateline_places.resolve(city.strip(), (rest.strip(),), published)
        return found

    def setting_line(self, after: int) -> tuple[str, str] | None:
        """A transcript's place line and its country: one of the few lines after sentence
        ``after`` (its headline) that are a known place alone, "Washington, D.C." right
        after it, or "Berlin, Germany" after the lines naming the speakers."""
        for start, end in self.sentences[after + 1 : after + 5]:
            line = self.text[start:end].split("\n", 1)[0].strip()
            if not _PLACE_LINE.fullmatch(line):
                return None
            if (code := self.place_country(line)) is not None:  # ("Berlin, Germany" too)
                return line, code
        return None

    def countries_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        return _slice(self.countries, self.country_starts, start, end)

    def orgs_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return _slice(self.orgs, self.org_starts, start, end)

    def people_in(self, start: int, end: int) -> list[tuple[int, int, PersonRef, str | None]]:
        return _slice(self.people, self.people_starts, start, end)

    def country_named_at(self, position: int) -> str | None:
        """The country a mention starting at ``position`` names ("in |Colombia")."""
        named = self.countries_in(position, position + 1)[:1]
        return named[0][2] if named else None

    def country_at(self, start: int, end: int) -> int | None:
        """The end of the country mention covering ``[start, end)``, if one does."""
        for s, e, _, _ in self.countries_in(start - 40, end):
            if s <= start and end <= e:
                return e
        return None


def _slice(items: list, starts: list[int], start: int, end: int) -> list:  # type: ignore[type-arg]
    i = bisect.bisect_left(starts, start)
    j = bisect.bisect_left(starts, end, lo=i)
    return items[i:j]


class _SentenceBase:
    """One sentence of the article: its offsets, words and the article's context."""

    def __init__(self, context: _Context, index: int, start: int, end: int, *, title: bool):
        self.c = context
        self.index = index
        self.start = start
        self.end = end
        self.title = title
        self.lowered = context.text[start:end].lower()
        self.excluded: list[tuple[int, int]] = []  # read once a trigger word is seen
        self.trip_host: str | None = None  # the country a trip this sentence reports goes to
        self.trip_at_home = False  # the trip just read is an official's at home
        self.next_of_series = False  # the trigger's sides are its series' (`_Found`)
        self.more_hosts: list[str] = []  # the other places' countries of named talks in several
        self.trip_place: str | None = None  # where a trip at home goes ("New York")
        self.forum_named = False  # the sentence names a forum ("the Doha Forum")

    @functools.cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """Where the sentence quotes someone: what they are quoted saying is theirs, not
        the report's (its tense, its dates, its "I")."""
        return [m.span() for m in _QUOTED.finditer(self.c.text, self.start, self.end)]

    def _speaker_and_you(self, start: int, cut: int) -> list[str]:
        """In a transcript of two who meet, the speaker's side and the other's when the
        speaker says "you": "It is my great honor to welcome you to Estonia", "thank you
        very much for coming to pay a visit"."""
        c = self.c
        # (the story's two countries, or the two of the meeting told before: a
        # government's own country is no country of its story's pair)
        two = c.pair if len(c.pair) == 2 else c.previous_sides
        if len(two) != 2 or not _YOU.search(c.text, start, cut):
            return []
        speaker = c.speaker(start)
        if speaker is None or speaker[0] not in two or not speaker[1]:
            # (a briefer the text names no further, "MR ICE:", welcomes reporters to a call)
            return []
        return [speaker[0], *(side for side in two if side != speaker[0])]


def _international(key: str) -> bool:
    from search.extract.orgs import international

    return international(key)
