"""One article's people: the role parser over the sentences with role words, then the
article-wide passes (sides shared, merging, references)."""

from __future__ import annotations

from collections.abc import Sequence

from search.extract.people.candidates import _NAMED_AFTER, _bare, _trim_headline
from search.extract.people.counterparts import (
    _counterpart_roles,
    _counterparts,
    _press_contacts,
    _share_including_country,
    _share_lead_official,
    _share_listed_country,
    _share_others_country,
    _share_plural_role,
)
from search.extract.people.headings import _share_heading_country
from search.extract.people.lexicon import _AS_OFFICE, _PROMISING, Known, _lexicon
from search.extract.people.mentions import _Candidate, _Countries, _Orgs, _Person, _sentence_span
from search.extract.people.merging import _add_references, _merge
from search.extract.people.roles import _Parser
from search.extract.people.schedule_heads import _heading_offices
from search.extract.people.staff import mission_staff, our_officials
from search.extract.sentences import sentence_at
from search.model import Mention, PersonRef, Span


def find_people(
    text: str,
    sentences: Sequence[tuple[int, int]],
    country_mentions: Sequence[Mention] = (),
    *,
    home: str | None = None,
    publisher: str | None = None,
    context: str | None = None,
    main: str | None = None,
    org_mentions: Sequence[Mention] = (),
    known: Known | None = None,
    title_end: int = 0,
) -> tuple[PersonRef, ...]:
    """Find the people an article names, with role, country and every reference.

    Args:
        text: The document text (title, blank line, body).
        sentences: Its sentence spans.
        country_mentions: The country tagger's mentions (names, demonyms, capitals).
        home: ISO alpha-3 of a national news agency's country; officials the text gives
            no country ("President Nursultan Nazarbayev" in a Kazinform story) are taken
            to be its, unless a sentence naming them names another country.
        publisher: ISO alpha-3 of a government publisher: its own offices ("Deputy
            Secretary Sherman" in a State Department release) are its officials; other
            roles without a country are not (see `search.extract.affiliation`).
        context: ISO alpha-3 of the one country a news story is set in (its dateline
            country, or the only country it concerns); like ``home``, the weakest clue,
            but given to people named without a role too (``home`` only to officials).
        main: The main country of a story with no setting or home: for ministers alone.
        org_mentions: Organisation mentions; an international one in a role ("NATO
            Secretary General") makes the person its official.
        known: Asked for the ``(country, org)`` the archive trusts for a name, when this
            article gives a person no side of its own (`search.ingest.known_people.KnownPeople`).
        title_end: ``len(title)`` (0 without a title); in a Title Case headline only the
            name words the body also uses are kept ("President Biden Meets Leaders").

    Returns:
        One `PersonRef` per person, in order of first mention.  ``name`` is the most
        complete form, ``aliases`` the other forms written (``Mr.Vassilenko``), ``spans``
        every reference (name and short forms).
    """
    if not text:
        return ()
    lexicon = _lexicon()
    hits = lexicon.matcher.find(text)
    countries = _Countries(country_mentions, text, org_mentions)
    parser = _Parser(text, sentences, lexicon, countries, _Orgs(org_mentions), publisher, title_end)
    candidates: list[_Candidate] = []
    consumed = -1
    for start, end, payloads in hits:
        if start < consumed:
            continue
        candidate = _candidate_at(parser, text, start, end, payloads)
        if candidate is not None:
            candidate.surface = " ".join(text[candidate.start : candidate.end].split())
            candidate.sentence = _sentence_span(text, sentences, candidate.start)
            candidates.append(candidate)
            consumed = max(consumed, candidate.consumed, end)
    candidates.extend(_bare(text, sentences, candidates, parser))
    candidates = _trim_headline(text, title_end, candidates)
    candidates = [c for c in candidates if not _NAMED_AFTER.match(text, c.end)]
    if not candidates:
        return ()
    candidates.sort(key=lambda c: c.start)
    _share_plural_role(text, candidates, parser.side_in)
    _counterparts(text, candidates, countries)
    _counterpart_roles(text, candidates)
    _share_listed_country(text, candidates, publisher, countries)
    _share_others_country(text, candidates, countries)
    _share_including_country(text, candidates, countries)
    _share_heading_country(text, candidates, countries)
    _heading_offices(text, candidates)
    _share_lead_official(text, sentences, candidates, countries, title_end)
    _press_contacts(text, candidates, publisher)
    home = None if publisher else home
    people = _merge(candidates, home, context, publisher, countries, known, main)
    mission_staff(text, people, publisher, title_end)
    our_officials(text, people, publisher)
    _add_references(text, people)
    return tuple(_person_ref(text, sentences, person) for person in people)


def _candidate_at(
    parser: _Parser, text: str, start: int, end: int, payloads: Sequence[str]
) -> _Candidate | None:
    """The person a form of address, short title or role word found at ``[start, end)``
    introduces, if one."""
    if "honorific" in payloads:
        return parser.honorific(start, end)
    if "short" in payloads:
        return parser.short_title(start, end)
    before = text[max(0, start - 40) : start]
    if _PROMISING.match(text, end) or "," in before or _AS_OFFICE.search(before):
        return parser.role(start, end)
    return None  # "the Kazakh diplomat held ...": no name can follow


def person_mentions(people: Sequence[PersonRef], text: str) -> list[Mention]:
    """Every reference to the people of `find_people` as ``kind="person"`` mentions."""
    mentions = [
        Mention("person", person.name, text[span.start : span.end], span, "name")
        for person in people
        for span in person.spans
    ]
    mentions.sort(key=lambda mention: mention.span.start)
    return mentions


def _person_ref(text: str, sentences: Sequence[tuple[int, int]], person: _Person) -> PersonRef:
    ordered = sorted(set(person.spans))
    spans = tuple(
        Span(start, end, sentence_at(sentences, start) if sentences else 0)
        for start, end in ordered
    )
    aliases = tuple(dict.fromkeys(surface for surface in person.surfaces if surface != person.name))
    side = person.side
    return PersonRef(
        person.name,
        person.role,
        side.country if side else None,
        aliases,
        spans,
        org=side.org if side else None,
        how=side.how if side else None,
    )
