"""The extract stage's work (see `search.extract`): the extractors run in order over one
article, each handed what the earlier ones found."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from search.extract import EXTRACTOR_VERSION
from search.extract.affiliation import is_speaker, own_office
from search.extract.commitments import find_commitments
from search.extract.countries import (
    agency_country,
    dateline_country,
    find_countries,
    publisher_home,
)
from search.extract.engagements import find_engagements
from search.extract.events import find_events
from search.extract.gazetteer import gazetteer
from search.extract.local_places import local_countries
from search.extract.orgs import find_orgs, org_keys
from search.extract.people import Known, find_people, person_mentions
from search.extract.sentences import document_sentences
from search.extract.topics import Taxonomy, find_topics, load_taxonomy, topic_mentions
from search.model import (
    EngagementRef,
    Event,
    Extraction,
    Mention,
    PersonRef,
    RawArticle,
    document_text,
)

__all__ = ["EXTRACTOR_VERSION", "Extractor", "extract", "extract_article"]

# Characters of an article read for people, engagements, commitments and events (the
# longest real article of the development corpora has 103,000; a 9 MB text without
# punctuation would otherwise cost minutes).
MAX_ANALYSED = 200_000

# Characters of an article in which countries, organisations and topics are tagged:
# ten times the longest real article of the development corpora, so no real story
# loses a mention.  In a 9 MB text without punctuation they found 173,000 country
# mentions and more organisations, and the shared word index (`topics.text_index`)
# of the whole text listed 1.5 million words: extraction raised the peak by 166 MB
# (49 MB for a small article), storing the mentions by 48 MB more
# (bench/hostile_inputs.py).
MAX_TAGGED = 1_000_000

# A story names its setting this many times as often as any other country.
SETTING_MARGIN = 2


class Extractor:
    """The extract stage, with its (user-editable) topic taxonomy loaded once.

    Args:
        taxonomy_path: A topics YAML file replacing the bundled one (see
            ``search/extract/data/topics.yaml``); None for the bundled taxonomy.
        known: The people registry's answer for a name the article gives no side.
    """

    def __init__(self, taxonomy_path: Path | None = None, known: Known | None = None) -> None:
        self.taxonomy: Taxonomy = load_taxonomy(taxonomy_path)
        # What the archive already knows of people (`search.ingest.known_people.KnownPeople.side_of`).
        self.known = known

    def __call__(self, raw: RawArticle) -> Extraction:
        return self.extract(
            raw.title, raw.body, date=raw.date, city=raw.city, agency=raw.agency, source=raw.source
        )

    def extract(
        self,
        title: str | None,
        body: str,
        *,
        date: str | None = None,
        city: str | None = None,
        agency: str | None = None,
        source: str | None = None,
    ) -> Extraction:
        """Everything found in one article.

        Args:
            title: The headline (None when the source has none).
            body: The text.
            date: ISO publication date: relative dates are anchored at it, and
                historical states are told apart by it.
            city: The dateline city the reader found.
            agency: The dateline agency, which tells who "our country" is.
            source: The publisher; a government publisher's country is "ours" too.
        """
        title = title or None
        text = document_text(title, body)
        sentences = document_sentences(title, body)
        title_end = len(title) if title else 0
        # Mentions are tagged in the first `MAX_TAGGED` characters, the rest of the
        # analysis reads the first `MAX_ANALYSED`: a longer text is no news story, and
        # the work and memory per article must stay bounded.
        full_sentences = sentences
        text, sentences = _bounded(text, sentences, MAX_TAGGED)
        tagged_text = text
        countries, concerned = find_countries(
            text, sentences, title_end=title_end, city=city, agency=agency, date=date
        )
        home = _home(countries, agency or source, date)
        publisher = publisher_home(source)  # (a pattern and a look-up: read it once)
        orgs = find_orgs(text, sentences, countries)
        topics = find_topics(text, sentences, self.taxonomy, title_end=title_end)
        text, sentences = _bounded(text, sentences, MAX_ANALYSED)
        setting, main = _defaults(countries, concerned, home, publisher, text)
        people = _in_era(find_people(
            text, sentences, countries, home=home, publisher=publisher,
            context=setting, main=main, org_mentions=orgs,
            known=self.known, title_end=title_end,
        ), date)  # fmt: skip
        place = city or next((m.surface for m in countries if m.how == "dateline"), None)
        events = find_events(
            text, sentences, countries, date=date, place=place, home=home,
            publisher=publisher, top_countries=concerned, people=people,
            title_end=title_end,
        )  # fmt: skip
        engagements = find_engagements(
            text, sentences, countries, people=people, org_mentions=orgs, home=home,
            publisher=publisher, pair=concerned, date=date, place=place,
            title_end=title_end,
        )  # fmt: skip
        people = _sides_met(people, engagements, publisher)
        people = _sides_at_stops(people, text, countries, publisher)
        commitments = find_commitments(
            text, sentences, countries, top_countries=concerned, people=people, home=home,
            publisher=publisher, engagements=engagements, org_mentions=orgs,
            date=date,
        )  # fmt: skip
        concerned = _with_home(concerned, home, events)
        mentions = [*countries, *person_mentions(people, tagged_text), *orgs]
        mentions += topic_mentions(tagged_text, topics)
        mentions.sort(key=lambda m: (m.span.start, m.span.end))
        return Extraction(
            sentences=tuple(full_sentences),
            countries=concerned,
            mentions=tuple(mentions),
            people=people,
            orgs=org_keys(orgs),
            topics=tuple(hit.topic for hit in topics),
            events=events,
            commitments=commitments,
            city=city,
            engagements=engagements,
            version=EXTRACTOR_VERSION,
        )


def _bounded(
    text: str, sentences: list[tuple[int, int]], limit: int
) -> tuple[str, list[tuple[int, int]]]:
    """The first ``limit`` characters of a text, and the sentences that end within them."""
    if len(text) > limit:
        text = text[:limit]
        sentences = [span for span in sentences if span[1] <= limit]
    return text, sentences


def _home(countries: list[Mention], agency: str | None, date: str | None) -> str | None:
    """The publisher's country: who "our country" and "we" are."""
    for mention in countries:
        if mention.how == "our-country":
            return str(mention.key)
    return agency_country(agency, date) if agency else None


def _in_era(people: tuple[PersonRef, ...], date: str | None) -> tuple[PersonRef, ...]:
    """People's countries as states of the article's time: an office, a notable or the
    registry names today's state ("Bundesbank president" is German), but in a 1987 story
    the Bundesbank's president is West German, as the country tagger reads "Bonn"."""
    if not date:
        return people
    era = gazetteer().era
    return tuple(
        replace(person, country=then)
        if person.country is not None and (then := era(person.country, date)) != person.country
        else person
        for person in people
    )


def _sides_met(
    people: tuple[PersonRef, ...], engagements: tuple[EngagementRef, ...], publisher: str | None
) -> tuple[PersonRef, ...]:
    """Foreign officials a government publisher's readout gives no side, from whom they met
    (evidence ``met``, the weakest): the hosts of a visit to X, or the officials named in
    an engagement between the publisher and X alone ("The State Department hosted Foreign
    Minister Muhriddin and a delegation from the Government of Tajikistan")."""
    if publisher is None:
        return people
    found: dict[str, str] = {}
    for engagement in engagements:
        for side, name in engagement.participants:
            if len(side) == 3 and side != publisher:
                found.setdefault(name, side)
        others = [c for c in engagement.countries if c != publisher]
        if engagement.orgs or len(others) != 1 or publisher not in engagement.countries:
            continue
        sentence = engagement.span
        for person in people:
            if any(sentence.start <= span.start < sentence.end for span in person.spans):
                found.setdefault(person.name, others[0])
    if not found:
        return people
    return tuple(
        replace(person, country=found[person.name], how="met")
        if person.name in found
        and person.country is None
        and person.org is None
        and person.role is not None
        and not own_office(person.role)
        and not is_speaker(person.role)
        else person
        for person in people
    )


def _sides_at_stops(
    people: tuple[PersonRef, ...], text: str, countries: list[Mention], publisher: str | None
) -> tuple[PersonRef, ...]:
    """Foreign officials a government's trip announcement gives no side, from the stop
    their paragraph is at: "In Hanoi, the Deputy Secretary will meet ... together with
    Minister for Agriculture and Rural Development Le Minh Hoan" (evidence ``met``)."""
    if publisher is None:
        return people
    stops = [
        (m.span.start, str(m.key))
        for m in countries
        if m.how == "capital"
        and m.key != publisher
        and text.startswith(",", m.span.end)
        and _AT_STOP.search(text, max(0, m.span.start - 12), m.span.start)
    ]
    if not stops:
        return people
    updated = []
    for person in people:
        first = min(span.start for span in person.spans)
        stop = next((code for start, code in reversed(stops) if start < first), None)
        paragraph = text.rfind("\n", 0, first)
        if (
            stop is not None
            and person.country is None
            and person.org is None
            and person.role is not None
            and not own_office(person.role)
            and not is_speaker(person.role)
            and max(start for start, _ in stops if start < first) > paragraph
        ):
            person = replace(person, country=stop, how="met")
        updated.append(person)
    return tuple(updated)


# A trip's stop opening a sentence: "In Hanoi, ...", "Also in Seoul, ...".
_AT_STOP = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:Also\s+|While\s+|Then\s+)?[Ii]n\s+$")


def _defaults(
    countries: list[Mention],
    concerned: tuple[str, ...],
    home: str | None,
    publisher: str | None,
    text: str,
) -> tuple[str | None, str | None]:
    """The story's setting (`_setting`, or where its local places are), and its main
    country when it has no setting, no home and no government publisher (for ministers
    alone: `find_people`'s ``main``)."""
    setting = _setting(countries, concerned, publisher, text)
    main = concerned[0] if concerned and not (home or publisher or setting) else None
    return setting, main


def _setting(
    countries: list[Mention], concerned: tuple[str, ...], publisher: str | None, text: str
) -> str | None:
    """The one country a story is set in, if there is one.

    Its dateline country when that is the story's main country (a story filed from one
    place is set there, or nowhere); else the country it names (`_named_setting`), or
    where its local places are (`_local_setting`).
    """
    dateline = dateline_country(countries)
    if dateline is not None:
        # Filed from abroad ("WASHINGTON - Reagan will visit Rome"): no one setting.
        return dateline if concerned[:1] == (dateline,) and dateline != publisher else None
    return _local_setting(_named_setting(countries, concerned, publisher), text, publisher)


def _named_setting(
    countries: list[Mention], concerned: tuple[str, ...], publisher: str | None
) -> str | None:
    """The country a story names `SETTING_MARGIN` times as often as any other (a government
    publisher's own country left out: a readout of a visit to Tunisia is set in Tunisia)."""
    counts: dict[str, int] = {}
    for mention in countries:
        if mention.how in ("name", "alias", "demonym") and mention.key != publisher:
            counts[str(mention.key)] = counts.get(str(mention.key), 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][0] not in concerned:
        return None
    if len(ranked) > 1 and ranked[0][1] < SETTING_MARGIN * ranked[1][1]:
        return None
    return ranked[0][0]


def _local_setting(setting: str | None, text: str, publisher: str | None) -> str | None:
    """The setting the story's local places give (`local_countries`): with no setting by
    its country names, two places or more, more than twice as many in one country as in
    any other ("Wilmington, Delaware" in a State Department release naming no country);
    over the setting its names give, three or more places and none of that setting's own
    (a story of London and Watford naming "the US" ten times over a diplomat's wife).
    A government's own text is set by its places only at home ("a trip to Wilmington,
    Delaware" for the State Department): abroad, its readouts name the places of the
    officials they meet, whose countries their offices tell.
    """
    if publisher is not None and setting is not None:
        return setting  # (a government's text is set by its places only when nothing else)
    counts = local_countries(text)
    local = counts.most_common(2)
    if not local:
        return setting
    where, count = local[0]
    if len(local) > 1 and count <= SETTING_MARGIN * local[1][1]:
        return setting
    if publisher is not None:
        return where if setting is None and where == publisher and count >= 2 else setting
    if setting is None:
        return where if count >= 2 else None
    if where != setting and count >= 3 and counts[setting] == 0:
        return where
    return setting


def _with_home(
    concerned: tuple[str, ...], home: str | None, events: tuple[Event, ...]
) -> tuple[str, ...]:
    """The publisher's own country is concerned by a story of it taking part in an event.

    A State Department readout of "Secretary Blinken's Meeting with Kazakhstani Foreign
    Minister Tileuberdi" names Kazakhstan but concerns the pair USA-KAZ.
    """
    if home is None or home in concerned:
        return concerned
    for event in events:
        if home in event.actors and not (event.historical or event.hypothetical or event.negated):
            return (*concerned, home)
    return concerned


_default: Extractor | None = None


def extract_article(raw: RawArticle) -> Extraction:
    """Run the extract stage with the bundled taxonomy."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default(raw)


def extract(title: str | None, body: str, **kwargs: str | None) -> Extraction:
    """`Extractor.extract` with the bundled taxonomy."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(title, body, **kwargs)
