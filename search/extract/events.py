"""Interactions between countries, one sentence at a time ("CAMEO-lite", heuristic).

A sentence reports an event when it holds a trigger from the lexicon below (``met``,
``consultations``, ``signed``, ``praised``, ``sanctions`` ...) and at least two
countries can be named as its actors.  Each trigger carries its PLOVER type, CAMEO
code and Goldstein score (values from REFERENCE.md §3; a code whose own value is not
listed there takes its root's).  Sentence-level codes are noisy (two open coders agree
on ~40 % of stories), so every event points at its sentence and is labelled heuristic
in the UI.

Actors: the subject of the trigger's clause and the sides it acts upon (`Sides`:
people with their sides, countries named as subject or object, "we" and "the
Secretary" for the publisher), never every country the sentence mentions; two-sided
phrases ("the two countries", "the sides") mean the article's main pair.  Flags mark what must not count as a new
engagement: *historical* (past perfect, "has acted as", "in 1992", "last year"),
*hypothetical* (could, would, if, and future "will visit"), *negated* ("did not meet",
"refused to sign", "no agreement").
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from search.dates import LOCALE_ORDER, MONTHS, DateSettings, date_parser
from search.extract.sides import Sides
from search.extract.topics import KeywordMatcher, lower_same_length, text_index
from search.model import Event, Mention, PersonRef, Span

# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class Code:
    """What a trigger means: PLOVER type, mode, CAMEO code and Goldstein score."""

    type: str
    mode: str | None
    cameo: str
    score: float


MEET = Code("CONSULT", "meet", "040", 1.0)
PHONE = Code("CONSULT", "phone", "041", 1.0)
VISIT = Code("CONSULT", "visit", "042", 1.9)
HOST = Code("CONSULT", "host", "043", 2.8)
THIRD_PLACE = Code("CONSULT", "meet", "044", 2.5)
MEDIATE = Code("CONSULT", "mediate", "045", 5.0)
NEGOTIATE = Code("CONSULT", "negotiate", "046", 7.0)
INTENT = Code("AGREE", "intent", "030", 4.0)
INTENT_ECONOMIC = Code("AGREE", "intent", "0311", 5.2)
AGREEMENT = Code("AGREE", "agree", "032", 4.5)
SIGN = Code("AGREE", "sign", "057", 8.0)
PRAISE = Code("SUPPORT", "praise", "051", 3.4)
COOPERATE = Code("COOPERATE", None, "060", 6.0)
AID = Code("AID", None, "070", 7.0)
AID_ECONOMIC = Code("AID", "economic", "071", 7.4)
APPEAL = Code("REQUEST", "appeal", "020", 3.0)
DEMAND = Code("REQUEST", "demand", "100", -5.0)
CRITICIZE = Code("ACCUSE", "criticize", "111", -2.0)
ACCUSE = Code("ACCUSE", "accuse", "112", -2.0)
SUMMON = Code("ACCUSE", "summon", "110", -2.0)
REJECT = Code("REJECT", None, "120", -4.0)
THREATEN = Code("THREATEN", None, "130", -4.4)
PROTEST = Code("PROTEST", None, "140", -6.5)
MOBILIZE = Code("MOBILIZE", None, "150", -7.2)
BREAK_RELATIONS = Code("SANCTION", "relations", "161", -4.0)
SANCTION = Code("SANCTION", "sanction", "163", -8.0)
COERCE = Code("COERCE", None, "170", -7.0)
EXPEL = Code("COERCE", "expel", "174", -5.0)
ASSAULT = Code("ASSAULT", None, "180", -9.0)
FIGHT = Code("ASSAULT", "fight", "190", -10.0)

TRIGGERS: dict[Code, tuple[str, ...]] = {
    MEET: (
        "met",
        "meet",
        "meets",
        "meeting",
        "talks",
        "held talks",
        "consultations",
        "consulted",
        "discussed",
        "discuss",
        "discusses",
        "discussion",
        "discussions",
        "exchanged views",
        "summit",
        "conferred",
    ),
    PHONE: (
        "phone call",
        "telephone call",
        "telephone conversation",
        "phone conversation",
        "spoke by phone",
        "spoke by telephone",
        "spoke with",
        "spoke to",
        "call with",
        "phoned",
        "telephoned",
    ),
    VISIT: (
        "visit",
        "visited",
        "visiting",
        "paid a visit",
        "trip to",
        "travel to",
        "traveled to",
        "travelled to",
        "arrived in",
        "official visit",
        "state visit",
    ),
    HOST: ("hosted", "hosting", "received a delegation", "welcomed the delegation"),
    MEDIATE: ("mediate", "mediated", "mediation", "mediating"),
    NEGOTIATE: ("negotiate", "negotiated", "negotiating", "negotiation", "negotiations"),
    INTENT: (
        "intend to",
        "intends to",
        "intention to",
        "plan to",
        "plans to",
        "pledged to",
        "pledge to",
        "committed to",
        "commit to",
        "expressed readiness",
        "expressed willingness",
        "ready to",
        "look forward to",
        "looks forward to",
        "vowed to",
        "promised to",
        "will cooperate",
        "will work together",
        "will deepen",
        "will strengthen",
        "will expand",
    ),
    AGREEMENT: (
        "agreed to",
        "agreed on",
        "agreed upon",
        "agreed that",
        "reached agreement",
        "reached agreements",
        "reached an agreement",
        "reached a consensus",
        "agreement on",
    ),
    SIGN: (
        "signed",
        "sign",
        "to sign",
        "will sign",
        "signing",
        "inked",
        "ratified",
        "concluded an agreement",
    ),
    PRAISE: (
        "praised",
        "praises",
        "praise",
        "hailed",
        "hails",
        "commended",
        "commends",
        "appreciates",
        "appreciated",
        "appreciation",
        "welcomed",
        "welcomes",
        "thanked",
        "congratulated",
        "congratulates",
        "endorsed",
        "endorses",
        "supported",
        "supports",
        "support for",
        "expressed support",
        "reaffirmed support",
        "unwavering support",
        "backing",
    ),
    COOPERATE: (
        "cooperated with",
        "joint exercise",
        "joint exercises",
        "joint military exercises",
        "shared intelligence",
        "extradited",
    ),
    AID: (
        "humanitarian assistance",
        "humanitarian aid",
        "provided aid",
        "provided assistance",
        "aid to",
        "assistance to",
        "military aid",
        "military assistance",
        "relief supplies",
    ),
    AID_ECONOMIC: (
        "donated",
        "donation",
        "donations",
        "donor",
        "donors",
        "economic aid",
        "financial assistance",
        "financial aid",
        "economic assistance",
        "grant aid",
        "loan to",
    ),
    APPEAL: (
        "called on",
        "calls on",
        "call on",
        "urged",
        "urges",
        "appealed to",
        "appeals to",
        "requested",
        "asked",
        "invited",
    ),
    DEMAND: ("demanded", "demands", "demand that", "ultimatum"),
    CRITICIZE: (
        "criticized",
        "criticised",
        "criticizes",
        "criticises",
        "criticism",
        "condemned",
        "condemns",
        "condemnation",
        "denounced",
        "denounces",
        "deplored",
    ),
    ACCUSE: ("accused", "accuses", "accusing", "blamed", "blames"),
    SUMMON: ("summoned",),
    REJECT: (
        "rejected",
        "rejects",
        "refused",
        "refuses",
        "dismissed",
        "vetoed",
        "turned down",
        "denied",
    ),
    THREATEN: ("threatened", "threatens", "threatening", "warned", "warns"),
    PROTEST: ("protested", "protests", "protest", "demonstrators", "demonstrations"),
    MOBILIZE: (
        "mobilized",
        "mobilised",
        "deployed troops",
        "massed troops",
        "military buildup",
        "troop buildup",
    ),
    BREAK_RELATIONS: (
        "broke off diplomatic relations",
        "severed ties",
        "severed diplomatic",
        "cut ties",
        "downgraded relations",
        "recalled its ambassador",
        "suspended diplomatic relations",
        "broke off relations",
    ),
    SANCTION: ("sanctions", "sanctioned", "embargo", "boycott", "tariffs on"),
    COERCE: ("arrested", "detained", "arrest warrant", "arrest warrants", "seized"),
    EXPEL: ("expelled", "expel", "expels", "expulsion", "deported", "persona non grata"),
    ASSAULT: (
        "attacked",
        "attack on",
        "attacks on",
        "bombed",
        "bombing",
        "airstrike",
        "airstrikes",
        "air strike",
        "air strikes",
        "shelled",
        "shelling",
        "invaded",
        "invasion",
        "killed",
    ),
    FIGHT: ("war against", "war on", "fighting between", "clashes between"),
}

# More specific CONSULT modes win over a plain meeting in the same sentence.
_CONSULT_RANK = {MEET: 0, PHONE: 1, VISIT: 2, HOST: 3, MEDIATE: 4, NEGOTIATE: 5}

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

# Clause boundaries inside a sentence: flags and first-choice actors are clause-local.
_CLAUSE = re.compile(r"[;:—–]| - |, (?:while|but|whereas|although|whilst) ")

# Auxiliary modes, decided on the clause's lower-case words (cheap set look-ups).
_WORDS = re.compile(r"[a-z0-9'’]+")
_CONDITIONAL = frozenset({"if", "unless", "whether"})
_NEGATIONS = frozenset({"not", "never", "no", "nor", "without", "neither", "cannot"})
_REFUSALS = frozenset({"refused", "failed", "declined", "refuses", "fails", "declines"})
_MODALS = frozenset({"could", "would", "might", "may", "should", "can", "will", "shall"})
_FUTURE_TO = frozenset(
    {
        "expected",
        "plan",
        "plans",
        "planning",
        "intend",
        "intends",
        "hope",
        "hopes",
        "want",
        "wants",
        "set",
        "scheduled",
        "going",
        "due",
        "possibility",
        "possible",
        "be",
    }
)
_PERFECT_PAST = frozenset(
    {
        "acted",
        "served",
        "long",
        "always",
        "already",
        "previously",
        "repeatedly",
        "consistently",
        "traditionally",
        "earlier",
    }
)
_PAST_WORDS = frozenset({"previously", "formerly", "ago", "once"})
_RECENT_VERBS = frozenset({"paid", "visited", "held", "signed", "met", "hosted", "made", "had"})
_HISTORY_HINTS = frozenset(
    {
        "had",
        "has",
        "have",
        "previously",
        "formerly",
        "ago",
        "once",
        "last",
        "acted",
        "served",
        "back",
        "recently",
        "past",
        "earlier",
    }
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_ECONOMIC_STEMS = ("econom", "trade", "invest", "business", "commerc", "financ")

# Where: "in Oslo", "at the Kremlin", "in San Jose, Costa Rica"; a visit's "to Kazakhstan".
_CAP = r"[^\W\d_a-z][\w'’.-]*"
_NAME = rf"{_CAP}(?:\s+(?:of\s+)?{_CAP}){{0,3}}"
_PLACE = re.compile(rf"\b(?:in|at)\s+((?:the\s+)?{_NAME}(?:,\s+{_CAP}(?:\s+{_CAP}){{0,2}})?)")
_VISIT_PLACE = re.compile(rf"\b(?:to|in)\s+((?:the\s+)?{_NAME})")
# Triggers after which "in X" is where people met; after "discussed" it is what about.
_MEETING_WORDS = frozenset(
    "met meet meets meeting talks consultations consulted summit conferred".split()
)
_NOT_PLACE = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That Ministry Department
    Office Council Committee Assembly Institute Centre Center Bank Fund Agency Commission
    Parliament Congress Senate House Conference Forum Meeting Summit Session Talks Framework
    Government Administration University Organization Organisation Initiative Process Union
    Nations Court State General Secretary President Minister UN OSCE NATO EU""".split()
)

# When: relative phrases anchored at the publication date.
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# Words a date phrase contains: found through the shared word index, then the full
# pattern runs on a few characters around each (on a whole sentence it costs ~80 µs).
_DATE_WORDS = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Jan Feb Mar Apr Jun Jul Aug "
    "Sep Sept Oct Nov Dec yesterday Yesterday today Today tonight Tonight day"
).split()
_DATE = re.compile(
    rf"\b(?:(?P<rel>last|this|next)\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<word>yesterday|today|tonight|the\s+same\s+day|that\s+day)\b"
    rf"|\b(?P<md>{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?)\b"
    rf"|\b(?P<dm>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?:19|20)\d\d)?)\b",
    re.I,
)


_DATE_HITS: list[tuple[str | None, list[tuple[int, int, tuple[Any, ...]]]]] = [(None, [])]


@functools.lru_cache(maxsize=1)
def _date_matcher() -> KeywordMatcher:
    return KeywordMatcher(((word, word) for word in _DATE_WORDS), case_sensitive=True)


@functools.lru_cache(maxsize=1)
def _matcher() -> KeywordMatcher:
    return KeywordMatcher(
        (phrase, code) for code, phrases in TRIGGERS.items() for phrase in phrases
    )


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


# --------------------------------------------------------------------------- events


def find_events(
    text: str,
    sentences: Sequence[tuple[int, int]],
    country_mentions: Sequence[Mention] = (),
    *,
    date: str | None = None,
    place: str | None = None,
    home: str | None = None,
    publisher: str | None = None,
    top_countries: Sequence[str] = (),
    people: Sequence[PersonRef] = (),
    title_end: int = 0,
) -> tuple[Event, ...]:
    """Code each sentence that reports an interaction between countries.

    Args:
        text: The document text.
        sentences: Its sentence spans.
        country_mentions: The country tagger's mentions.
        date: Publication date (ISO); relative dates ("on Tuesday") are anchored at it.
            Without it only dates with a year are resolved.
        place: The dateline city; where a meeting with no stated place happened.
        home: The publisher's country: who "our country" and "we" are.
        publisher: A government publisher's country: "the Secretary" is its official.
        top_countries: The article's most salient countries; the first two are the pair
            "the two countries", "the sides" and "bilateral" refer to.
        people: From `search.extract.people.find_people`; a person's country makes
            them an actor.
        title_end: ``len(title)`` (0 without a title): a headline event whose type the
            body also reports is dropped, so a readout is not counted twice.

    Returns:
        Events in text order; at most one per type per sentence.  A headline event
        repeated in the body is dropped.
    """
    if not text or not sentences:
        return ()
    lowered = lower_same_length(text)
    hits = _matcher().find(text, lowered)
    if not hits:
        return ()
    parties = Parties(text, country_mentions, people, top_countries, home)
    sides = Sides(text, country_mentions, people, top_countries, home, publisher)
    published = _parse_iso(date)
    by_sentence: dict[int, list[tuple[int, int, Code]]] = {}
    index = 0
    for start, end, codes in hits:
        while index + 1 < len(sentences) and sentences[index + 1][0] <= start:
            index += 1
        if codes[0] is SIGN and (signatory(text, end) or _sign_noun(lowered, start, end)):
            continue
        by_sentence.setdefault(index, []).append((start, end, codes[0]))
    events: list[Event] = []
    last_date: str | None = None
    for index, triggers in by_sentence.items():
        sentence = sentences[index]
        if len(parties.resolve(sentence, sentence, trigger=triggers[-1][0])) < 2:
            continue  # cheap early exit: the sentence names no two sides at all
        for start, end, code in _pick(triggers):
            event = _event(
                text,
                lowered,
                sentence,
                index,
                start,
                end,
                code,
                parties,
                sides,
                published,
                place,
                last_date,
            )
            if event is not None:
                events.append(event)
                last_date = event.date or last_date
    if title_end > 0:
        body_types = {event.type for event in events if event.span.sentence > 0}
        events = [e for e in events if e.span.sentence > 0 or e.type not in body_types]
    return tuple(events)


def signatory(text: str, end: int) -> bool:
    """ "signed for the United States": who signed for a side, not a new signature."""
    return text.startswith((" for ", " on behalf of "), end)


def _sign_noun(lowered: str, start: int, end: int) -> bool:
    """ "a sign of", "no sign that": the noun, not the verb."""
    if lowered[start:end] != "sign":
        return False
    before = lowered[max(0, start - 6) : start].split()
    return lowered.startswith((" of", " that"), end) or (
        bool(before) and before[-1] in ("a", "the", "no", "any")
    )


def _pick(triggers: list[tuple[int, int, Code]]) -> list[tuple[int, int, Code]]:
    """One trigger per event type; for CONSULT the most specific mode."""
    chosen: dict[str, tuple[int, int, Code]] = {}
    for trigger in triggers:
        code = trigger[2]
        current = chosen.get(code.type)
        if current is None or (
            code.type == "CONSULT" and _CONSULT_RANK.get(code, 0) > _CONSULT_RANK.get(current[2], 0)
        ):
            chosen[code.type] = trigger
    return sorted(chosen.values(), key=lambda trigger: trigger[0])


def _event(
    text: str,
    lowered: str,
    sentence: tuple[int, int],
    index: int,
    start: int,
    end: int,
    code: Code,
    parties: Parties,
    sides: Sides,
    published: dt.date | None,
    dateline: str | None,
    last_date: str | None,
) -> Event | None:
    clause = _clause(text, sentence, start, end)
    where, place_span, place_country = (None, None, None)
    trigger = lowered[start:end]
    meeting = code in (VISIT, HOST, MEDIATE, NEGOTIATE) or trigger.split()[-1] in _MEETING_WORDS
    if code.type == "CONSULT" and code is not PHONE:
        # After "discussed", only a place written before the verb ("In Oslo, ...") counts.
        where, place_span, place_country = _place(
            text, clause, start, end, code, parties, after=meeting
        )
    # Actors are the clause's subject and the sides acted upon, never every country the
    # sentence names: "sanctions on Russia ... partners, including Kazakhstan" is about
    # Russia alone.
    subject = sides.subject(sentence, clause[0], start)
    targets = sides.objects(end, clause[1])
    if place_span is not None and code is not VISIT:
        # "met with Ebrard in San Jose, Costa Rica": where, not who.
        inside = set(sides.objects(*place_span))
        targets = tuple(t for t in targets if t not in inside or t in subject)
    actors = tuple(dict.fromkeys((*subject, *targets)))
    if place_country is not None and place_country in targets and place_country not in subject:
        actors = tuple(a for a in actors if a != place_country) + (place_country,)
    if len(actors) < 2 and parties.both_sides(sentence) and len(parties.pair) == 2:
        actors = tuple(dict.fromkeys((*actors, *parties.pair)))  # "the two countries agreed"
    if len(actors) < 2:
        return None
    lead = _WORDS.findall(lowered, clause[0], start)
    words = lead + _WORDS.findall(lowered, start, clause[1])
    historical = _historical(words, published, bool(_YEAR.search(lowered, *clause)))
    future = text[start:end].lower().startswith(("to ", "will "))  # "to sign", "will sign"
    hypothetical = (
        not _CONDITIONAL.isdisjoint(lead)
        or (code is SIGN and future)
        or (code.mode != "intent" and _modal(lead[-3:]))
    )
    negated = _negated(lead[-3:])
    if code is INTENT and any(word.startswith(_ECONOMIC_STEMS) for word in words):
        code = INTENT_ECONOMIC
    if code.type == "CONSULT" and code is not PHONE:
        code, actors = _consult_mode(code, actors, place_country)
        if where is None and dateline and meeting and not historical and not hypothetical:
            where = dateline
    when = _date(text, sentence, start, published, last_date)
    return Event(
        type=code.type,
        mode=code.mode,
        cameo=code.cameo,
        score=code.score,
        actors=actors,
        span=Span(sentence[0], sentence[1], index),
        trigger=text[start:end],
        place=where,
        date=when,
        historical=historical,
        hypothetical=hypothetical,
        negated=negated,
    )


def _clause(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    clause_start, clause_end = sentence
    for match in _CLAUSE.finditer(text, sentence[0], sentence[1]):
        if match.end() <= start:
            clause_start = match.end()
        elif match.start() >= end:
            clause_end = match.start()
            break
    return clause_start, clause_end


def _modal(near: list[str]) -> bool:
    """ "could meet", "will visit", "is expected to sign", "the possibility of meeting"."""
    if not _MODALS.isdisjoint(near):
        return True
    return len(near) >= 2 and near[-1] in ("to", "of") and near[-2] in _FUTURE_TO


def _negated(near: list[str]) -> bool:
    """ "did not meet", "no agreement", "refused to sign"."""
    if not _NEGATIONS.isdisjoint(near) or any(word.endswith(("n't", "n’t")) for word in near):
        return True
    if near and near[-1] in _REFUSALS:
        return True  # "refused to sign": the trigger is "to sign"
    return len(near) >= 2 and near[-1] == "to" and near[-2] in _REFUSALS


def _historical(words: list[str], published: dt.date | None, has_year: bool) -> bool:
    """Past perfect, "has acted as", "previously", "in 1992", "last year", "recently paid"."""
    if not has_year and _HISTORY_HINTS.isdisjoint(words):
        return False
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if following.endswith("ly") and following not in _PERFECT_PAST and i + 2 < len(words):
            following = words[i + 2]  # skip an adverb: "has fully supported"
        if word == "had" and following and following != "to":
            return True
        if word in ("has", "have"):
            if following in _PERFECT_PAST:
                return True
            if following == "been" and "by" in words[i + 2 : i + 6]:
                return True  # "has been fully supported by Norway"
        if word in _PAST_WORDS:
            return True
        if (word, following) in (
            ("last", "year"),
            ("acted", "as"),
            ("served", "as"),
            ("back", "in"),
        ):
            return True
        if word == "recently" and following in _RECENT_VERBS:
            return True
        if word == "past" and i and words[i - 1] == "the" and i > 1 and words[i - 2] == "in":
            return True
        if len(word) == 4 and word.isdigit() and word[:2] in ("19", "20") and i:
            if words[i - 1] in ("in", "since", "until") and (
                published is None or int(word) < published.year
            ):
                return True
        if (
            word == "earlier"
            and following == "this"
            and i + 2 < len(words)
            and words[i + 2] == "year"
        ):
            return True
    return False


def _place(
    text: str,
    clause: tuple[int, int],
    start: int,
    end: int,
    code: Code,
    parties: Parties,
    *,
    after: bool,
) -> tuple[str | None, tuple[int, int] | None, str | None]:
    """The stated place of a meeting: nearest "in/at X" after the trigger, else before."""
    pattern = _VISIT_PLACE if code is VISIT else _PLACE
    candidates = [
        m for m in pattern.finditer(text, clause[0], clause[1]) if after or m.end() <= start
    ]
    candidates.sort(key=lambda m: (m.start() < end, abs(m.start() - end)))
    for match in candidates:
        name = match.group(1)
        if name.startswith("the "):
            name = name[4:]
        words = name.replace(",", " ").split()
        if not words or any(
            word.strip(".") in _NOT_PLACE or word.endswith(("’s", "'s")) for word in words
        ):
            continue
        span = (match.start(1), match.end(1))
        named = parties.mentions_in(*span)
        if any(how == "demonym" for _, how in named):
            continue  # "at the French Ambassador's residence"
        if code is VISIT and not named:
            continue  # "visit to Astana Hub" is not a place we can use
        return name.rstrip(".,"), span, named[-1][0] if named else None
    return None, None, None


def _consult_mode(
    code: Code, actors: tuple[str, ...], place_country: str | None
) -> tuple[Code, tuple[str, ...]]:
    """Visit or host when the meeting happened in one side's country; third place otherwise."""
    if code not in (MEET, VISIT, HOST) or place_country is None:
        return code, actors
    if place_country in actors[:2] and len(actors) >= 2:
        guest = next(actor for actor in actors if actor != place_country)
        if code is HOST:
            return HOST, (
                place_country,
                guest,
                *[a for a in actors if a not in (place_country, guest)],
            )
        return VISIT, (
            guest,
            place_country,
            *[a for a in actors if a not in (place_country, guest)],
        )
    if code is MEET:
        return THIRD_PLACE, actors
    return code, actors


# --------------------------------------------------------------------------- dates


def _parse_iso(date: str | None) -> dt.date | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None


def _date(
    text: str,
    sentence: tuple[int, int],
    position: int,
    published: dt.date | None,
    last_date: str | None,
) -> str | None:
    """The date a sentence gives its event, nearest phrase to the trigger."""
    matches = []
    entry = _DATE_HITS[0]
    if entry[0] is not text:
        # Found once per article, not once per event (a long text has many events).
        entry = (text, _date_matcher().find(text))
        _DATE_HITS[0] = entry  # one tuple swapped in: safe for threads to read meanwhile
    for hit_start, hit_end, _ in entry[1]:
        if hit_start >= sentence[1]:
            break
        if sentence[0] <= hit_start < sentence[1]:
            window = (max(sentence[0], hit_start - 16), min(sentence[1], hit_end + 14))
            match = _DATE.search(text, *window)
            if match is not None:
                matches.append(match)
    if not matches:
        return None
    match = min(matches, key=lambda m: abs(m.start() - position))
    if match.group("weekday"):
        if published is None:
            return None
        return resolve_weekday(match.group("weekday"), match.group("rel"), published).isoformat()
    word = (match.group("word") or "").lower()
    if word:
        if word in ("today", "tonight"):
            return published.isoformat() if published else None
        if word == "yesterday":
            return (published - dt.timedelta(days=1)).isoformat() if published else None
        return last_date  # "the same day": the day of the event before
    phrase = match.group("md") or match.group("dm")
    return resolve_calendar_date(phrase, published)


def resolve_weekday(name: str, relative: str | None, published: dt.date) -> dt.date:
    """The date a weekday names in a story published on ``published``.

    A bare weekday is the most recent one on or before publication ("said on Tuesday" in
    a Tuesday story is that day, where dateparser would answer a week earlier);
    ``last`` is strictly before, ``next`` strictly after.
    """
    target = _WEEKDAYS.index(name.lower())
    back = (published.weekday() - target) % 7
    rel = (relative or "").lower()
    if rel == "next":
        return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    if rel == "last" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


@functools.lru_cache(maxsize=2048)
def resolve_calendar_date(phrase: str, published: dt.date | None) -> str | None:
    """ "March 5", "5 December 2019": dateparser, anchored at the publication date.

    Without a publication date only phrases with a year are resolved (a bare "March 5"
    would otherwise be anchored at today).  Cached: dateparser costs ~1 ms a call.
    """
    has_year = re.search(r"(?:19|20)\d\d", phrase) is not None
    if published is None and not has_year:
        return None
    quick = _month_day(phrase, published)
    if quick is not None:
        return quick or None
    settings = DateSettings(published or dt.date(2000, 1, 1), ("en",), LOCALE_ORDER)
    stripped = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", phrase)
    try:
        # The start of the publication day, not midday as for dates typed by people:
        # the anchor every stored extraction was resolved against.
        parser = date_parser(settings, prefer="past", base_hour=0, require=("day", "month"))
        parsed = parser.read(stripped).date_obj
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat() if parsed else None


_MONTH_DAY = re.compile(
    r"\s*(?:(?P<m1>[A-Za-z]+)\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?|(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
    r"\s+(?:of\s+)?(?P<m2>[A-Za-z]+)\.?)(?:,?\s+(?P<y>(?:19|20)\d\d))?\s*"
)


def _month_day(phrase: str, published: dt.date | None) -> str | None:
    """ "March 5", "5 December 2019": resolved without dateparser, as it would.

    Returns the ISO date, ``""`` when the phrase is such a date but not a real one
    ("February 30"), or None when it is another kind of phrase (for dateparser).
    A date without a year is the last one on or before publication (dateparser's
    ``PREFER_DATES_FROM: past``).
    """
    match = _MONTH_DAY.fullmatch(phrase)
    if match is None:
        return None
    month = MONTHS.get((match.group("m1") or match.group("m2")).lower())
    if month is None:
        return None
    day = int(match.group("d1") or match.group("d2"))
    if match.group("y"):
        years = [int(match.group("y"))]
    elif published is not None:
        years = [published.year, published.year - 1]
    else:
        return None
    for year in years:
        try:
            found = dt.date(year, month, day)
        except ValueError:
            return "" if match.group("y") else None  # "Feb 29": dateparser finds the leap year
        if match.group("y") or published is None or found <= published:
            return found.isoformat()
    return ""
