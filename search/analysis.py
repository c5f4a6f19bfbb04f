"""One article's analysis: what `briefroom article ID` shows and the TUI's article view.

People (with the side the whole archive gives them and this article's own evidence),
engagements, commitments and events, each with the sentence it comes from, read back
from the store; the analyst's corrections are applied and marked.  Plain dataclasses;
`analysis_to_json` gives the ``--json`` document.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from search.ingest.corrections import Overlay
from search.ingest.person import Person
from search.ingest.registry import PeopleRegistry
from search.model import document_text
from search.store import Store


@dataclass(frozen=True, slots=True)
class PersonInArticle:
    """A person the article names.

    Attributes:
        name: The most complete form this article writes.
        known_as: The most complete form of the name in the whole archive (the registry's).
        aliases: Other forms this article writes.
        role: The role this article gives (None when it gives none), whole: one it cuts
            short ("Secretary Blinken") completed from the person's roles of that time in
            the archive ("Secretary of State").
        written_role: The role as this article writes it ("Secretary").
        country: The side the archive's evidence gives (`search.ingest.registry`), else this
            article's own.
        org: The international organisation they serve, for its officials.
        how: Why: the strongest evidence behind ``country``/``org`` (``analyst`` when
            the analyst set it).
        evidence: This article's own clue (``role``, ``office``, ``context`` ...), or None.
        latest_role: The latest role the archive has seen for them, and when.
        person: Registry id.
        sentence: The sentence that first names them.
        corrected: The analyst corrected this person.
    """

    name: str
    known_as: str
    aliases: tuple[str, ...]
    role: str | None
    country: str | None
    org: str | None
    how: str | None
    evidence: str | None
    latest_role: tuple[str | None, str | None]
    person: int | None
    sentence: str
    corrected: bool = False
    written_role: str | None = None


@dataclass(frozen=True, slots=True)
class EngagementInArticle:
    """An engagement the article reports (or that the analyst added from it)."""

    type: str
    status: str
    date: str | None
    place: str | None
    countries: tuple[str, ...]
    orgs: tuple[str, ...]
    participants: dict[str, tuple[str, ...]]
    sentence: str
    sentence_index: int
    trigger: str
    rejected: bool = False
    by_analyst: bool = False

    @property
    def name(self) -> str | None:
        """A forum's name, when the words that report it are one ("the U.S.-ASEAN
        Ministerial Meeting", "the ASEAN Regional Forum"): what tells apart the meetings
        of one trip that share their sides and days."""
        return self.trigger if " " in self.trigger and self.trigger[:1].isupper() else None


@dataclass(frozen=True, slots=True)
class CommitmentInArticle:
    """An intention, agreement, signature or request, with the side that makes it."""

    kind: str
    status: str
    side: tuple[str, ...]
    parties: tuple[str, ...]
    summary: str
    sentence: str
    sentence_index: int
    rejected: bool = False


@dataclass(frozen=True, slots=True)
class EventInArticle:
    """A coded event (heuristic), between its actor and its target."""

    type: str
    mode: str | None
    cameo: str
    score: float
    actors: tuple[str, ...]
    date: str | None
    place: str | None
    historical: bool
    hypothetical: bool
    negated: bool
    sentence: str
    sentence_index: int


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything extracted from one article, corrections applied."""

    id: str
    title: str
    date: str | None
    source: str | None
    url: str | None
    countries: tuple[str, ...]
    extractor: int
    current: bool
    people: tuple[PersonInArticle, ...] = ()
    engagements: tuple[EngagementInArticle, ...] = ()
    commitments: tuple[CommitmentInArticle, ...] = ()
    events: tuple[EventInArticle, ...] = field(default_factory=tuple)


def article_analysis(store: Store, article_id: str) -> ArticleAnalysis | None:
    """The analysis of one article (by id, or the id of a duplicate merged into it)."""
    from search.extract import EXTRACTOR_VERSION

    ref = store.find_by_id(article_id)
    if ref is None:
        return None
    row = store.conn.execute(
        "SELECT id, title, body, date, source, url, countries, extraction, extractor "
        "FROM articles WHERE rowid = ?",
        (ref.rowid,),
    ).fetchone()
    aid, title, body, date, source, url, countries, extraction, extractor = row
    text = document_text(title or None, body)
    sentences = json.loads(extraction or "{}").get("sentences", [])

    def said(n: int) -> str:
        if 0 <= n < len(sentences):
            start, end = sentences[n]
            return " ".join(text[start:end].split())
        return ""

    overlay = Overlay.load(store.conn)
    return ArticleAnalysis(
        id=str(aid),
        title=str(title),
        date=date,
        source=source,
        url=url,
        countries=tuple(c for c in (countries or "").split(",") if c),
        extractor=int(extractor or 0),
        current=int(extractor or 0) >= EXTRACTOR_VERSION,
        people=_people(store, ref.rowid, said, overlay, str(date or "")[:10]),
        engagements=_engagements(store, ref.rowid, str(aid), said, overlay),
        commitments=_commitments(store, ref.rowid, str(aid), said, overlay),
        events=_events(store, ref.rowid, said),
    )


def _people(
    store: Store, rowid: int, said: Any, overlay: Overlay, day: str
) -> tuple[PersonInArticle, ...]:
    rows = store.conn.execute(
        "SELECT name, role, country, org, how, person, sentence FROM person_mentions "
        "WHERE article = ? ORDER BY sentence, rowid",
        (rowid,),
    ).fetchall()
    extraction = store.conn.execute(
        "SELECT extraction FROM articles WHERE rowid = ?", (rowid,)
    ).fetchone()
    aliases = {
        p["name"]: tuple(p.get("aliases", ()))
        for p in json.loads(extraction[0] or "{}").get("people", [])
    }
    registry = PeopleRegistry(store.conn)
    known = registry.people(int(r[5]) for r in rows if r[5] is not None)
    roles_of: dict[int, list[tuple[str, str | None, str | None]]] = {}

    def whole(entry: Person, role: str | None, day: str) -> str | None:
        # Each person's roles are read once, though named several times in the article.
        if not role or not day:
            return role
        if entry.id not in roles_of:
            roles_of[entry.id] = registry.roles(entry.id)
        return _fuller_role(roles_of[entry.id], role, day)

    found = []
    for name, role, country, org, how, person, sentence in rows:
        entry: Person | None = known.get(int(person)) if person is not None else None
        if overlay.rejects_person(entry.id if entry else None, str(name)):
            continue
        side_country, side_org, side_how = country, org, how
        if entry is not None and (entry.country or entry.org):
            side_country, side_org, side_how = entry.country, entry.org, entry.how
        found.append(
            PersonInArticle(
                name=str(name),
                known_as=entry.name if entry else str(name),
                aliases=aliases.get(str(name), ()),
                role=whole(entry, role, day) if entry else role,
                country=side_country,
                org=side_org,
                how=side_how,
                evidence=how,
                latest_role=(
                    (whole(entry, entry.role, entry.role_seen or day), entry.role_seen)
                    if entry
                    else (role, None)
                ),
                person=entry.id if entry else None,
                sentence=said(int(sentence)),
                corrected=bool(entry and entry.id in overlay.corrected_people),
                written_role=role,
            )
        )
    return tuple(found)


# How far from the dates a fuller role was seen an article may be to take it: a year.
_ROLE_SLACK_DAYS = 366


def _fuller_role(roles: list[tuple[str, str | None, str | None]], role: str, day: str) -> str:
    """ "Secretary Blinken" in a readout is the Secretary of State the archive knows: a role
    the article cuts short (the first words of one the person held about then, of their
    ``roles`` from `PeopleRegistry.roles`) is given whole; the person's roles of other
    years ("Secretary" of another department) are not."""
    prefix = role.casefold() + " "
    for full, first, last in roles:
        if full.casefold().startswith(prefix) and first and last and _within(day, first, last):
            return full
    return role


def _within(day: str, first: str, last: str) -> bool:
    try:
        at = dt.date.fromisoformat(day[:10])
        since, until = dt.date.fromisoformat(first[:10]), dt.date.fromisoformat(last[:10])
    except ValueError:
        return False
    slack = dt.timedelta(days=_ROLE_SLACK_DAYS)
    return since - slack <= at <= until + slack


def _engagements(
    store: Store, rowid: int, article: str, said: Any, overlay: Overlay
) -> tuple[EngagementInArticle, ...]:
    found = []
    for sentence, type_, status, date, place, sides, participants, trigger in store.conn.execute(
        "SELECT sentence, type, status, date, place, sides, participants, trigger "
        "FROM engagements WHERE article = ? ORDER BY seq",
        (rowid,),
    ):
        found.append(
            engagement_entry(
                sentence,
                type_,
                status,
                date,
                place,
                sides,
                participants,
                trigger,
                said,
                rejected=overlay.rejects_engagement(article, int(sentence), str(type_)),
            )  # fmt: skip
        )
    for correction in overlay.added:
        if correction.target.get("article") != article:
            continue
        value = correction.value
        sides = ",".join(
            [*value.get("countries", []), *(f"org:{o}" for o in value.get("orgs", []))]
        )
        n = int(correction.target.get("sentence", 0))
        found.append(
            engagement_entry(
                n,
                value.get("type", "meeting"),
                value.get("status", "main"),
                value.get("date"),
                value.get("place"),
                sides,
                json.dumps(value.get("participants", [])),
                "",
                said,
                by_analyst=True,
            )  # fmt: skip
        )
    return tuple(found)


def engagement_entry(
    sentence: int,
    type_: str,
    status: str,
    date: str | None,
    place: str | None,
    sides: str,
    participants: str,
    trigger: str,
    said: Any,
    *,
    rejected: bool = False,
    by_analyst: bool = False,
) -> EngagementInArticle:
    """An engagement row of the store (or an analyst's addition) as shown."""
    codes = [s for s in str(sides).split(",") if s]
    named: dict[str, list[str]] = defaultdict(list)
    for side, name in json.loads(participants or "[]"):
        named[str(side)].append(str(name))
    return EngagementInArticle(
        type=str(type_),
        status=str(status),
        date=date,
        place=place,
        countries=tuple(c for c in codes if not c.startswith("org:")),
        orgs=tuple(c[4:] for c in codes if c.startswith("org:")),
        participants={side: tuple(names) for side, names in named.items()},
        sentence=said(int(sentence)),
        sentence_index=int(sentence),
        trigger=str(trigger),
        rejected=rejected,
        by_analyst=by_analyst,
    )


def _commitments(
    store: Store, rowid: int, article: str, said: Any, overlay: Overlay
) -> tuple[CommitmentInArticle, ...]:
    found = []
    for sentence, kind, status, parties, summary, side in store.conn.execute(
        "SELECT sentence, kind, status, parties, summary, side FROM commitments "
        "WHERE article = ? ORDER BY sentence",
        (rowid,),
    ):
        found.append(
            CommitmentInArticle(
                kind=str(kind),
                status=str(status),
                side=tuple(s for s in str(side or "").split(",") if s),
                parties=tuple(p for p in str(parties).split(",") if p),
                summary=str(summary),
                sentence=said(int(sentence)),
                sentence_index=int(sentence),
                rejected=overlay.rejects_commitment(article, int(sentence), str(kind)),
            )
        )
    return tuple(found)


def _events(store: Store, rowid: int, said: Any) -> tuple[EventInArticle, ...]:
    return tuple(
        EventInArticle(
            type=str(type_),
            mode=mode,
            cameo=str(cameo),
            score=float(score),
            actors=tuple(a for a in str(actors).split(",") if a),
            date=date,
            place=place,
            historical=bool(historical),
            hypothetical=bool(hypothetical),
            negated=bool(negated),
            sentence=said(int(sentence)),
            sentence_index=int(sentence),
        )
        for sentence, type_, mode, cameo, score, actors, date, place, historical, hypothetical,
        negated in store.conn.execute(
            "SELECT sentence, type, mode, cameo, score, actors, date, place, historical, "
            "hypothetical, negated FROM events WHERE article = ? ORDER BY sentence",
            (rowid,),
        )
    )  # fmt: skip


def analysis_to_json(analysis: ArticleAnalysis) -> dict[str, Any]:
    """The ``briefroom article ID --json`` document."""
    return {
        "id": analysis.id,
        "title": analysis.title,
        "date": analysis.date,
        "source": analysis.source,
        "url": analysis.url,
        "countries": list(analysis.countries),
        "extractor": analysis.extractor,
        "extraction_current": analysis.current,
        "people": [
            {
                "name": p.name,
                "known_as": p.known_as,
                "aliases": list(p.aliases),
                "role": p.role,
                "written_role": p.written_role,
                "country": p.country,
                "org": p.org,
                "how": p.how,
                "evidence": p.evidence,
                "latest_role": p.latest_role[0],
                "latest_role_seen": p.latest_role[1],
                "person": p.person,
                "sentence": p.sentence,
                "corrected": p.corrected,
            }
            for p in analysis.people
        ],
        "engagements": [
            {
                "type": e.type,
                "status": e.status,
                "date": e.date,
                "place": e.place,
                "countries": list(e.countries),
                "orgs": list(e.orgs),
                "participants": {side: list(names) for side, names in e.participants.items()},
                "sentence": e.sentence,
                "sentence_index": e.sentence_index,
                "trigger": e.trigger,
                "rejected": e.rejected,
                "by_analyst": e.by_analyst,
            }
            for e in analysis.engagements
        ],
        "commitments": [
            {
                "kind": c.kind,
                "status": c.status,
                "side": list(c.side),
                "parties": list(c.parties),
                "summary": c.summary,
                "sentence": c.sentence,
                "sentence_index": c.sentence_index,
                "rejected": c.rejected,
            }
            for c in analysis.commitments
        ],
        "events": [
            {
                "type": e.type,
                "mode": e.mode,
                "cameo": e.cameo,
                "score": e.score,
                "actors": list(e.actors),
                "date": e.date,
                "place": e.place,
                "historical": e.historical,
                "hypothetical": e.hypothetical,
                "negated": e.negated,
                "sentence": e.sentence,
                "sentence_index": e.sentence_index,
            }
            for e in analysis.events
        ],
    }
