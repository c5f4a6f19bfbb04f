"""Country profiles and pair summaries, computed from the store's extraction tables.

Everything here is read from SQLite tables filled at ingest (``article_countries``,
``events``, ``person_mentions``, ``commitments``, ``article_topics``,
``article_orgs`` and, when present, ``article_mentions``), so a summary over 100,000
articles is a handful of indexed queries.  Which articles concern a pair is decided
by `briefs.pairs`; the engagement ledger is built by `briefs.engagements`.  Every fact
carries its `Source`.  Event coding is heuristic; summaries say so in their caveats.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from briefs.engagements import Engagement, build_ledger
from briefs.evidence import Evidence, Source
from briefs.pairs import count_sql, has_table, pair_article_rowids
from search.store import Store

__all__ = [
    "ArticleRef",
    "CommitmentEntry",
    "CountryProfile",
    "Engagement",
    "EventCount",
    "EventEntry",
    "PairSummary",
    "PersonSeen",
    "Source",
    "Window",
    "count_pair_articles",
    "country_profile",
    "pair_summary",
]

LATEST = 8
TOP = 12
RECENT_EVENTS = 10


@dataclass(frozen=True, slots=True)
class Window:
    """Inclusive date window (None: open)."""

    since: date | None = None
    until: date | None = None

    def sql(self, column: str = "a.date") -> tuple[str, list[str]]:
        """A SQL condition and its parameters (undated articles only in an open window)."""
        clauses, params = [], []
        if self.since:
            clauses.append(f"{column} >= ?")
            params.append(self.since.isoformat())
        if self.until:
            clauses.append(f"{column} <= ?")
            params.append(self.until.isoformat() + "T99")
        return (" AND ".join(clauses) or "1"), params

    @property
    def open(self) -> bool:
        """Neither end is set (undated articles count)."""
        return self.since is None and self.until is None


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article as listed in a summary (DESIGN.md: id, title, date, source, countries)."""

    id: str
    title: str
    date: str | None
    source: str | None
    countries: tuple[str, ...]
    url: str | None = None


@dataclass(frozen=True, slots=True)
class PersonSeen:
    """A person in the corpus, with the latest role and when they were last seen."""

    name: str
    country: str | None
    role: str | None
    last_seen: str | None
    articles: int
    aliases: tuple[str, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class CommitmentEntry:
    """An intention, agreement or signature with its status and source."""

    kind: str
    status: str
    parties: tuple[str, ...]
    summary: str
    date: str | None
    source: Source


@dataclass(frozen=True, slots=True)
class EventCount:
    """How many events of one type, and their mean cooperation score."""

    type: str
    count: int
    mean_score: float


@dataclass(frozen=True, slots=True)
class EventEntry:
    """One coded event with its sentence."""

    type: str
    mode: str | None
    cameo: str
    score: float
    actors: tuple[str, ...]
    date: str | None
    place: str | None
    historical: bool
    source: Source


@dataclass(frozen=True)
class PairSummary:
    """What has happened between two countries (DESIGN.md, "Relationship summaries").

    ``articles`` holds every article id concerning both, oldest first; ``article_refs``
    the same articles with their metadata (added field).  ``sources`` counts articles
    per publisher.  ``undated`` counts the articles without a date (added field).
    """

    a: str
    b: str
    window: Window
    articles: tuple[str, ...]
    stories: int
    first_date: str | None
    last_date: str | None
    monthly_volume: tuple[tuple[str, int], ...]
    engagements: tuple[Engagement, ...]
    event_counts: tuple[EventCount, ...]
    cooperation_by_quarter: tuple[tuple[str, float, int], ...]
    people: dict[str, tuple[PersonSeen, ...]]
    orgs: tuple[tuple[str, int], ...]
    topics: tuple[tuple[str, int], ...]
    commitments: tuple[CommitmentEntry, ...]
    latest: tuple[Source, ...]
    sources: tuple[tuple[str, int], ...]
    caveats: tuple[str, ...]
    article_refs: tuple[ArticleRef, ...] = ()
    undated: int = 0


@dataclass(frozen=True)
class CountryProfile:
    """One country at a glance.

    ``partners`` are the countries most often concerned together with this one (by
    stories); ``sources`` counts articles per publisher, ``undated`` the articles
    without a date (added fields).
    """

    code: str
    window: Window
    articles: int
    stories: int
    first_date: str | None
    last_date: str | None
    monthly_volume: tuple[tuple[str, int], ...]
    partners: tuple[tuple[str, int], ...]
    people: tuple[PersonSeen, ...]
    topics: tuple[tuple[str, int], ...]
    orgs: tuple[tuple[str, int], ...]
    recent_events: tuple[EventEntry, ...]
    latest: tuple[Source, ...]
    caveats: tuple[str, ...] = field(default_factory=tuple)
    sources: tuple[tuple[str, int], ...] = ()
    undated: int = 0


# --------------------------------------------------------------------------- scope


class _Scope:
    """A set of article rowids held in a temporary table, for joins."""

    def __init__(self, store: Store, rowids: Iterable[int]) -> None:
        self.store = store
        conn = store.conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS scope (rowid INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.scope")
        conn.executemany("INSERT INTO temp.scope (rowid) VALUES (?)", ((r,) for r in rowids))

    def rows(self, sql: str, params: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        return self.store.conn.execute(sql, list(params)).fetchall()


def pair_rowids(store: Store, a: str, b: str, window: Window = Window()) -> list[int]:
    """Rowids of the articles concerning both countries (`briefs.pairs`), oldest first."""
    found = pair_article_rowids(store.conn, a, b)
    _Scope(store, found)
    condition, params = window.sql()
    rows = store.conn.execute(
        f"SELECT a.rowid FROM temp.scope s JOIN articles a ON a.rowid = s.rowid WHERE {condition} "
        "ORDER BY a.date, a.rowid",
        params,
    ).fetchall()
    return [int(r[0]) for r in rows]


def country_rowids(store: Store, code: str, window: Window = Window()) -> list[int]:
    """Rowids of the articles concerning one country, oldest first."""
    condition, params = window.sql()
    rows = store.conn.execute(
        "SELECT x.article FROM article_countries x JOIN articles a ON a.rowid = x.article "
        f"WHERE x.code = ? AND {condition} ORDER BY a.date, a.rowid",
        [code, *params],
    ).fetchall()
    return [int(r[0]) for r in rows]


# --------------------------------------------------------------------------- parts


def _refs(scope: _Scope) -> list[ArticleRef]:
    return [
        ArticleRef(
            id=str(aid),
            title=str(title),
            date=day,
            source=source,
            countries=tuple(c for c in (countries or "").split(",") if c),
            url=url,
        )
        for aid, title, day, source, countries, url in scope.rows(
            "SELECT a.id, a.title, a.date, a.source, a.countries, a.url FROM temp.scope s "
            "JOIN articles a ON a.rowid = s.rowid ORDER BY a.date, a.rowid"
        )
    ]


def _basics(scope: _Scope) -> tuple[int, str | None, str | None, tuple[tuple[str, int], ...]]:
    stories, first, last = scope.rows(
        "SELECT count(DISTINCT a.cluster), min(a.date), max(a.date) FROM temp.scope s "
        "JOIN articles a ON a.rowid = s.rowid"
    )[0]
    volume = scope.rows(
        "SELECT substr(a.date, 1, 7) AS month, count(DISTINCT a.cluster) FROM temp.scope s "
        "JOIN articles a ON a.rowid = s.rowid WHERE a.date IS NOT NULL GROUP BY month "
        "ORDER BY month"
    )
    return int(stories or 0), first, last, _fill_months([(str(m), int(n)) for m, n in volume])


def _fill_months(volume: list[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """Monthly counts with the empty months in between (for sparklines)."""
    if not volume:
        return ()
    counts = dict(volume)
    year, month = map(int, volume[0][0].split("-"))
    end = tuple(map(int, volume[-1][0].split("-")))
    out = []
    while (year, month) <= end and len(out) < 1200:
        key = f"{year:04d}-{month:02d}"
        out.append((key, counts.get(key, 0)))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return tuple(out)


def _counts(
    scope: _Scope, table: str, column: str, limit: int = TOP
) -> tuple[tuple[str, int], ...]:
    """The commonest values of an extraction table, counted in stories (wire copies once)."""
    rows = scope.rows(
        f"SELECT t.{column}, count(DISTINCT a.cluster) AS n FROM temp.scope s "
        f"JOIN {table} t ON t.article = s.rowid JOIN articles a ON a.rowid = s.rowid "
        f"GROUP BY t.{column} ORDER BY n DESC, t.{column} LIMIT ?",
        [limit],
    )
    return tuple((str(k), int(n)) for k, n in rows)


def _people(scope: _Scope, evidence: Evidence, countries: Sequence[str]) -> list[PersonSeen]:
    marks = ",".join("?" * len(countries))
    rows = scope.rows(
        "SELECT p.person_key, p.name, p.country, p.role, a.date, p.article, p.sentence "
        "FROM temp.scope s JOIN person_mentions p ON p.article = s.rowid "
        f"JOIN articles a ON a.rowid = s.rowid WHERE p.country IN ({marks}) "
        "ORDER BY a.date, a.rowid",
        countries,
    )
    grouped: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        grouped[str(row[0])].append(row)
    people = []
    for mentions in grouped.values():
        latest = mentions[-1]
        role = next((m[3] for m in reversed(mentions) if m[3]), None)
        country = next((m[2] for m in reversed(mentions) if m[2]), None)
        names = Counter(str(m[1]) for m in mentions)
        name = max(names, key=lambda n: (len(n.split()), names[n], len(n)))
        people.append(
            PersonSeen(
                name=name,
                country=country,
                role=role,
                last_seen=latest[4],
                articles=len({m[5] for m in mentions}),
                aliases=tuple(sorted(n for n in names if n != name)),
                source=evidence.cite(int(latest[5]), int(latest[6])),
            )
        )
    # Most articles first; among equals the most recently seen, then by name.
    people.sort(key=lambda p: p.name)
    people.sort(key=lambda p: p.last_seen or "", reverse=True)
    people.sort(key=lambda p: -p.articles)
    return people


def _latest(scope: _Scope, evidence: Evidence) -> tuple[Source, ...]:
    rows = scope.rows(
        "SELECT min(a.rowid), a.cluster, max(a.date) FROM temp.scope s "
        "JOIN articles a ON a.rowid = s.rowid GROUP BY a.cluster "
        "ORDER BY max(a.date) IS NULL, max(a.date) DESC, min(a.rowid) DESC LIMIT ?",
        [LATEST],
    )
    return tuple(evidence.lead(int(r[0])) for r in rows)


# --------------------------------------------------------------------------- events


_EVENT_COLUMNS = (
    "e.article, e.sentence, e.type, e.mode, e.cameo, e.score, e.actors, "
    "coalesce(e.date, a.date), e.place, e.historical, e.hypothetical, e.negated, a.cluster"
)


def _event_rows(scope: _Scope, code: str) -> list[tuple[Any, ...]]:
    """Events whose actors include ``code``, oldest first (LIKE prefilters; split checks)."""
    return [
        row
        for row in scope.rows(
            f"SELECT {_EVENT_COLUMNS} FROM temp.scope s JOIN events e ON e.article = s.rowid "
            "JOIN articles a ON a.rowid = s.rowid WHERE e.actors LIKE ? "
            "ORDER BY a.date, a.rowid, e.sentence",
            [f"%{code}%"],
        )
        if code in str(row[6]).split(",")
    ]


def _counted(rows: list[tuple[Any, ...]], needed: set[str]) -> list[tuple[Any, ...]]:
    """Events that count: between the countries, not hypothetical/negated/historical, one per story."""
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for row in rows:
        if row[9] or row[10] or row[11]:
            continue
        if not needed <= set(str(row[6]).split(",")):
            continue
        key = (row[12], row[2], row[4])
        if key in seen:
            continue  # the same event in a wire copy (or said again in the same story)
        seen.add(key)
        kept.append(row)
    return kept


def _event_counts(rows: list[tuple[Any, ...]]) -> tuple[EventCount, ...]:
    scores: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        scores[str(row[2])].append(float(row[5]))
    return tuple(
        EventCount(t, len(v), round(sum(v) / len(v), 2))
        for t, v in sorted(scores.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    )


def _by_quarter(rows: list[tuple[Any, ...]]) -> tuple[tuple[str, float, int], ...]:
    scores: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        when = row[7]
        if not when or len(str(when)) < 7:
            continue
        when = str(when)
        quarter = f"{when[:4]}-Q{(int(when[5:7]) - 1) // 3 + 1}"
        scores[quarter].append(float(row[5]))
    return tuple((q, round(sum(v) / len(v), 2), len(v)) for q, v in sorted(scores.items()))


def _entry(row: tuple[Any, ...], evidence: Evidence) -> EventEntry:
    return EventEntry(
        type=str(row[2]),
        mode=row[3],
        cameo=str(row[4]),
        score=float(row[5]),
        actors=tuple(str(row[6]).split(",")),
        date=row[7],
        place=row[8],
        historical=bool(row[9]),
        source=evidence.cite(int(row[0]), int(row[1])),
    )


def _engagements(scope: _Scope, evidence: Evidence, a: str, b: str) -> tuple[Engagement, ...]:
    rows = scope.rows(
        "SELECT e.article, e.sentence, e.mode, e.place, coalesce(e.date, a.date), e.actors, "
        "a.cluster FROM temp.scope s JOIN events e ON e.article = s.rowid "
        "JOIN articles a ON a.rowid = s.rowid WHERE e.type = 'CONSULT' AND e.historical = 0 "
        "AND e.hypothetical = 0 AND e.negated = 0 ORDER BY a.date, a.rowid, e.sentence"
    )
    if not rows:
        return ()
    wanted = {int(r[0]) for r in rows}
    busy: dict[int, set[int]] = defaultdict(set)
    for article, sentence in scope.rows(
        "SELECT e.article, e.sentence FROM temp.scope s JOIN events e ON e.article = s.rowid"
    ):
        if article in wanted:
            busy[int(article)].add(int(sentence))
    people = [
        row
        for row in scope.rows(
            "SELECT p.article, p.person_key, p.name, p.role, p.country, p.sentences "
            "FROM temp.scope s JOIN person_mentions p ON p.article = s.rowid "
            "WHERE p.country IN (?, ?)",
            [a, b],
        )
        if int(row[0]) in wanted
    ]
    events = [(*row, busy[int(row[0])]) for row in rows]
    return build_ledger(events, people, evidence, a, b)


# --------------------------------------------------------------------------- commitments


def _commitments(scope: _Scope, evidence: Evidence, a: str, b: str) -> tuple[CommitmentEntry, ...]:
    """Commitments between the two (or by one of them alone), newest first, once per story."""
    rows = scope.rows(
        "SELECT c.article, c.sentence, c.kind, c.status, c.parties, c.summary, a.date, a.cluster "
        "FROM temp.scope s JOIN commitments c ON c.article = s.rowid "
        "JOIN articles a ON a.rowid = s.rowid "
        "ORDER BY a.date IS NULL, a.date DESC, a.rowid DESC, c.sentence"
    )
    pair = {a, b}
    seen: set[tuple[Any, str]] = set()
    out = []
    for article, sentence, kind, status, parties, summary, when, cluster in rows:
        party_set = tuple(p for p in str(parties).split(",") if p)
        # Ours: both of them are parties, or one of them and no third country.
        if not (pair <= set(party_set) or (set(party_set) & pair and set(party_set) <= pair)):
            continue
        key = (cluster, " ".join(str(summary).lower().split()))
        if key in seen:
            continue
        seen.add(key)
        out.append(
            CommitmentEntry(
                kind=str(kind),
                status=str(status),
                parties=party_set,
                summary=str(summary),
                date=when,
                source=evidence.cite(int(article), int(sentence)),
            )
        )
    return tuple(out)


# --------------------------------------------------------------------------- caveats


def _source_counts(scope: _Scope) -> tuple[tuple[str, int], ...]:
    rows = scope.rows(
        "SELECT coalesce(a.source, 'unknown source'), count(*) AS n FROM temp.scope s "
        "JOIN articles a ON a.rowid = s.rowid GROUP BY 1 ORDER BY n DESC, 1"
    )
    return tuple((str(k), int(n)) for k, n in rows)


def _undated(scope: _Scope) -> int:
    return int(
        scope.rows(
            "SELECT count(*) FROM temp.scope s JOIN articles a ON a.rowid = s.rowid "
            "WHERE a.date IS NULL"
        )[0][0]
    )


def _caveats(
    articles: int, stories: int, sources: Sequence[tuple[str, int]], undated: int, pair: bool
) -> tuple[str, ...]:
    notes = [
        "Events, engagements and commitments are coded heuristically from single sentences "
        "(CAMEO/PLOVER-style lexicon): check each against its source sentence.",
    ]
    if pair:
        notes.append(
            "Which articles concern both countries is decided by a salience rule (headline, "
            "lead, mentions, the publisher's own country): passing mentions are left out."
        )
    if articles == 0:
        notes.append("No article in the archive concerns this selection.")
        return tuple(notes)
    n_sources = len(sources)
    notes.append(
        f"Based on {_plural(articles, 'article')} ({_plural(stories, 'distinct story')}) "
        f"from {_plural(n_sources, 'source')}."
    )
    if n_sources == 1:
        notes.append("Single-source picture: every fact here comes from one publisher.")
    if undated:
        verb = "carries" if undated == 1 else "carry"
        notes.append(
            f"{_plural(undated, 'article')} {verb} no publication date: left out of the "
            "timelines; their engagements are listed without a date."
        )
    return tuple(notes)


def _plural(n: int, noun: str) -> str:
    if n == 1:
        return f"1 {noun}"
    return f"{n} {noun[:-1] + 'ies' if noun.endswith('y') else noun + 's'}"


# --------------------------------------------------------------------------- public


def pair_summary(store: Store, a: str, b: str, window: Window = Window()) -> PairSummary:
    """Summarise the relationship of countries ``a`` and ``b`` (ISO alpha-3 codes)."""
    rowids = pair_rowids(store, a, b, window)
    evidence = Evidence(store)
    scope = _Scope(store, rowids)
    refs = _refs(scope)
    stories, first, last = 0, None, None
    volume: tuple[tuple[str, int], ...] = ()
    if refs:
        stories, first, last, volume = _basics(scope)
    counted = _counted(_event_rows(scope, a), {a, b})
    people = _people(scope, evidence, [a, b])
    sources = _source_counts(scope)
    undated = _undated(scope)
    return PairSummary(
        a=a,
        b=b,
        window=window,
        articles=tuple(r.id for r in refs),
        stories=stories,
        first_date=first,
        last_date=last,
        monthly_volume=volume,
        engagements=_engagements(scope, evidence, a, b),
        event_counts=_event_counts(counted),
        cooperation_by_quarter=_by_quarter(counted),
        people={side: tuple(p for p in people if p.country == side) for side in (a, b)},
        orgs=_counts(scope, "article_orgs", "org"),
        topics=_counts(scope, "article_topics", "topic"),
        commitments=_commitments(scope, evidence, a, b),
        latest=_latest(scope, evidence),
        sources=sources,
        caveats=_caveats(len(refs), stories, sources, undated, pair=True),
        article_refs=tuple(refs),
        undated=undated,
    )


def country_profile(store: Store, code: str, window: Window = Window()) -> CountryProfile:
    """Profile one country: volume, partners, people, topics, organisations, recent events."""
    rowids = country_rowids(store, code, window)
    evidence = Evidence(store)
    scope = _Scope(store, rowids)
    stories, first, last, volume = _basics(scope)
    partners = scope.rows(
        "SELECT c.code, count(DISTINCT a.cluster) AS n FROM temp.scope s "
        "JOIN article_countries c ON c.article = s.rowid JOIN articles a ON a.rowid = s.rowid "
        "WHERE c.code != ? GROUP BY c.code ORDER BY n DESC, c.code LIMIT ?",
        [code, TOP],
    )
    events = [row for row in _event_rows(scope, code) if not (row[10] or row[11])]
    recent = tuple(_entry(row, evidence) for row in reversed(events[-RECENT_EVENTS:]))
    sources = _source_counts(scope)
    undated = _undated(scope)
    return CountryProfile(
        code=code,
        window=window,
        articles=len(rowids),
        stories=stories,
        first_date=first,
        last_date=last,
        monthly_volume=volume,
        partners=tuple((str(c), int(n)) for c, n in partners),
        people=tuple(_people(scope, evidence, [code])[:TOP]),
        topics=_counts(scope, "article_topics", "topic"),
        orgs=_counts(scope, "article_orgs", "org"),
        recent_events=recent,
        latest=_latest(scope, evidence),
        caveats=_caveats(len(rowids), stories, sources, undated, pair=False),
        sources=sources,
        undated=undated,
    )


def count_pair_articles(store: Store, a: str, b: str) -> int:
    """Only the number of articles concerning both, in one SQL query (the benchmark's baseline).

    With the store's ``article_mentions`` table this is the pair rule's count; without
    it, the count of articles whose ``countries`` hold both (an approximation).
    """
    if has_table(store.conn):
        return int(store.conn.execute(count_sql(), {"a": a, "b": b}).fetchone()[0])
    return int(
        store.conn.execute(
            "SELECT count(*) FROM article_countries x JOIN article_countries y "
            "ON y.article = x.article AND y.code = ? WHERE x.code = ?",
            (b, a),
        ).fetchone()[0]
    )
