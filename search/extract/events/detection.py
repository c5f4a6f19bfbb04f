"""Event detection: the trigger phrases of each sentence, the clause and actors of each,
the event's code, place, mood and date."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence

from search.extract.events.codes import (
    _CONSULT_RANK,
    HOST,
    INTENT,
    INTENT_ECONOMIC,
    MEDIATE,
    MEET,
    NEGOTIATE,
    PHONE,
    SIGN,
    THIRD_PLACE,
    TRIGGERS,
    VISIT,
    Code,
)
from search.extract.events.dates import _date, parse_published
from search.extract.events.parties import Parties
from search.extract.events.tense import _historical, _modal, _negated
from search.extract.sides import Sides
from search.extract.topics import KeywordMatcher, lower_same_length
from search.model import Event, Mention, PersonRef, Span

# Clause boundaries inside a sentence: flags and first-choice actors are clause-local.
_CLAUSE = re.compile(r"[;:—–]| - |, (?:while|but|whereas|although|whilst) ")

# Auxiliary modes, decided on the clause's lower-case words (cheap set look-ups).
_WORDS = re.compile(r"[a-z0-9'’]+")
_CONDITIONAL = frozenset({"if", "unless", "whether"})
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


@functools.lru_cache(maxsize=1)
def _matcher() -> KeywordMatcher:
    return KeywordMatcher(
        (phrase, code) for code, phrases in TRIGGERS.items() for phrase in phrases
    )


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
    published = parse_published(date)
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
