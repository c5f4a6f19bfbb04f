"""Country profiles and pair summaries, computed from the store's extraction tables.

Everything here is read from SQLite tables filled at ingest (`article_countries`,
`events`, `person_mentions`, `commitments`, `article_topics`, `article_orgs`), so a
summary over 100,000 articles is a handful of indexed queries.  Every fact carries its
`Source`.  Event coding is heuristic; summaries say so in their caveats.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from briefs.evidence import Evidence, Source
from search.store import Store

# Event types that are an engagement between the two sides (a meeting, visit, call...).
ENGAGEMENT_TYPES = frozenset({"CONSULT"})
ENGAGEMENT_NAMES = {
    "meet": "meeting",
    "phone": "call",
    "visit": "visit",
    "host": "visit",
    "mediate": "mediation",
    "negotiate": "negotiations",
}
# Two reports of the same engagement are at most this many days apart.
SAME_ENGAGEMENT_DAYS = 2
LATEST = 8
TOP = 12


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
class Engagement:
    """One real meeting, visit or call, merged across the articles that report it."""

    date: str | None
    type: str
    place: str | None
    participants: dict[str, tuple[str, ...]]
    topics: tuple[str, ...]
    sources: tuple[Source, ...]


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
    """What has happened between two countries (DESIGN.md, "Relationship summaries")."""

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


@dataclass(frozen=True)
class CountryProfile:
    """One country at a glance."""

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


# --------------------------------------------------------------------------- queries


class _Scope:
    """A set of article rowids held in a temporary table, for joins."""

    def __init__(self, store: Store, rowids: Sequence[int]) -> None:
        self.store = store
        conn = store.conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS scope (rowid INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.scope")
        conn.executemany("INSERT INTO temp.scope (rowid) VALUES (?)", ((r,) for r in rowids))

    def rows(self, sql: str, params: Iterable[object] = ()) -> list[tuple[object, ...]]:
        return self.store.conn.execute(sql, list(params)).fetchall()


def pair_rowids(store: Store, a: str, b: str, window: Window = Window()) -> list[int]:
    """Rowids of the articles concerning both countries, oldest first."""
    condition, params = window.sql()
    rows = store.conn.execute(
        "SELECT x.article FROM article_countries x "
        "JOIN article_countries y ON y.article = x.article AND y.code = ? "
        f"JOIN articles a ON a.rowid = x.article WHERE x.code = ? AND {condition} "
        "ORDER BY a.date, a.rowid",
        [b, a, *params],
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


def _basics(scope: _Scope) -> tuple[int, str | None, str | None, tuple[tuple[str, int], ...]]:
    stories, first, last = scope.rows(
        "SELECT count(DISTINCT a.cluster), min(a.date), max(a.date) FROM temp.scope s "
        "JOIN articles a ON a.rowid = s.rowid"
    )[0]
    volume = scope.rows(
        "SELECT substr(a.date, 1, 7) AS month, count(DISTINCT a.cluster) FROM temp.scope s "
        "JOIN articles a ON a.rowid = s.rowid WHERE a.date IS NOT NULL GROUP BY month ORDER BY month"
    )
    return int(stories or 0), first, last, _fill_months([(str(m), int(n)) for m, n in volume])  # type: ignore[arg-type]


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
    rows = scope.rows(
        f"SELECT t.{column}, count(DISTINCT a.cluster) AS n FROM temp.scope s "
        f"JOIN {table} t ON t.article = s.rowid JOIN articles a ON a.rowid = s.rowid "
        f"GROUP BY t.{column} ORDER BY n DESC, t.{column} LIMIT ?",
        [limit],
    )
    return tuple((str(k), int(n)) for k, n in rows)  # type: ignore[call-overload]


def _people(scope: _Scope, evidence: Evidence, countries: Sequence[str] | None) -> list[PersonSeen]:
    where = ""
    params: list[object] = []
    if countries is not None:
        where = f"WHERE p.country IN ({','.join('?' * len(countries))})"
        params = list(countries)
    rows = scope.rows(
        "SELECT p.person_key, p.name, p.country, p.role, a.date, p.article, p.sentence "
        "FROM temp.scope s JOIN person_mentions p ON p.article = s.rowid "
        f"JOIN articles a ON a.rowid = s.rowid {where} ORDER BY a.date, a.rowid",
        params,
    )
    grouped: dict[str, list[tuple[object, ...]]] = defaultdict(list)
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
                country=country,  # type: ignore[arg-type]
                role=role,  # type: ignore[arg-type]
                last_seen=latest[4],  # type: ignore[arg-type]
                articles=len({m[5] for m in mentions}),
                aliases=tuple(sorted(n for n in names if n != name)),
                source=evidence.cite(int(latest[5]), int(latest[6])),  # type: ignore[call-overload]
            )
        )
    people.sort(key=lambda p: (-p.articles, p.last_seen or "", p.name))
    return people


def _latest(scope: _Scope, evidence: Evidence) -> tuple[Source, ...]:
    rows = scope.rows(
        "SELECT min(a.rowid), a.cluster, max(a.date) FROM temp.scope s JOIN articles a ON a.rowid = s.rowid "
        "GROUP BY a.cluster ORDER BY max(a.date) DESC, min(a.rowid) DESC LIMIT ?",
        [LATEST],
    )
    return tuple(evidence.lead(int(r[0])) for r in rows)  # type: ignore[call-overload]


# --------------------------------------------------------------------------- engagements


@dataclass
class _Draft:
    date: str | None
    type: str
    place: str | None
    clusters: set[int]
    people: dict[str, dict[str, str]]  # side -> person_key -> name
    topics: Counter[str]
    sources: list[Source]
    first: tuple[int, int]  # (rowid, sentence) of the first report


def _engagements(scope: _Scope, evidence: Evidence, a: str, b: str) -> tuple[Engagement, ...]:
    rows = scope.rows(
        "SELECT e.article, e.sentence, e.mode, e.place, coalesce(e.date, a.date), e.actors, a.cluster "
        "FROM temp.scope s JOIN events e ON e.article = s.rowid JOIN articles a ON a.rowid = s.rowid "
        "WHERE e.type = 'CONSULT' AND e.historical = 0 AND e.hypothetical = 0 AND e.negated = 0 "
        "ORDER BY a.date, a.rowid, e.sentence"
    )
    people_rows = scope.rows(
        "SELECT p.article, p.person_key, p.name, p.country, p.sentences FROM temp.scope s "
        "JOIN person_mentions p ON p.article = s.rowid WHERE p.country IN (?, ?)",
        [a, b],
    )
    people: dict[int, list[tuple[str, str, str, set[int]]]] = defaultdict(list)
    for article, key, name, country, sentences in people_rows:
        nums = {int(n) for n in str(sentences).split(",") if n}
        people[int(article)].append((str(key), str(name), str(country), nums))  # type: ignore[call-overload]
    topics = defaultdict(list)
    for article, topic in scope.rows(
        "SELECT t.article, t.topic FROM temp.scope s JOIN article_topics t ON t.article = s.rowid"
    ):
        topics[int(article)].append(str(topic))  # type: ignore[call-overload]

    drafts: list[_Draft] = []
    per_article: dict[int, list[_Draft]] = defaultdict(list)
    for article, sentence, mode, place, when, actors, cluster in rows:
        sides = set(str(actors).split(","))
        if not {a, b} <= sides:
            continue
        article, sentence, cluster = int(article), int(sentence), int(cluster)  # type: ignore[call-overload]
        kind = ENGAGEMENT_NAMES.get(str(mode), "meeting")
        # People named in this sentence or the next (delegation lists follow the lead).
        named = {
            (key, name, country)
            for key, name, country, nums in people[article]
            if sentence in nums or sentence + 1 in nums
        }
        draft = _match(per_article[article], drafts, cluster, when, kind, place, named)  # type: ignore[arg-type]
        if draft is None:
            draft = _Draft(
                when, kind, place, set(), {a: {}, b: {}}, Counter(), [], (article, sentence)
            )  # type: ignore[arg-type]
            drafts.append(draft)
        if draft not in per_article[article]:
            per_article[article].append(draft)
            draft.topics.update(topics[article])
            draft.sources.append(evidence.cite(article, sentence))
        draft.clusters.add(cluster)
        draft.place = draft.place or place  # type: ignore[assignment]
        for key, name, country in named:
            draft.people.setdefault(country, {}).setdefault(key, name)
    ledger = [
        Engagement(
            date=d.date,
            type=d.type,
            place=d.place,
            participants={
                side: tuple(names.values()) for side, names in d.people.items() if side in (a, b)
            },
            topics=tuple(t for t, _ in d.topics.most_common(6)),
            sources=tuple(d.sources),
        )
        for d in drafts
    ]
    ledger.sort(key=lambda e: (e.date or "", e.sources[0].article), reverse=True)
    return tuple(ledger)


def _match(
    same_article: list[_Draft],
    drafts: list[_Draft],
    cluster: int,
    when: str | None,
    kind: str,
    place: str | None,
    named: set[tuple[str, str, str]],
) -> _Draft | None:
    """The engagement this report belongs to, if it is one already in the ledger."""
    keys = {k for k, _, _ in named}
    for draft in reversed(same_article):
        known = {k for side in draft.people.values() for k in side}
        # A sentence naming a counterpart not yet in the engagement starts another one
        # ("The same day the diplomat held a meeting with ... Huitfeldt").
        if keys - known and known:
            continue
        return draft
    for draft in reversed(drafts):
        if cluster in draft.clusters:
            return draft
        if not when or not draft.date or not _close(when, draft.date):
            continue
        known = {k for side in draft.people.values() for k in side}
        same_place = place and draft.place and place.lower() == draft.place.lower()
        if (keys & known) or (same_place and draft.type == kind):
            return draft
    return None


def _close(x: str, y: str) -> bool:
    try:
        return (
            abs((date.fromisoformat(x[:10]) - date.fromisoformat(y[:10])).days)
            <= SAME_ENGAGEMENT_DAYS
        )
    except ValueError:
        return x[:10] == y[:10]


# --------------------------------------------------------------------------- events, commitments


def _event_rows(scope: _Scope, codes: Sequence[str]) -> list[tuple[object, ...]]:
    return scope.rows(
        "SELECT e.article, e.sentence, e.type, e.mode, e.cameo, e.score, e.actors, "
        "coalesce(e.date, a.date), e.place, e.historical, e.hypothetical, e.negated, a.cluster "
        "FROM temp.scope s JOIN events e ON e.article = s.rowid JOIN articles a ON a.rowid = s.rowid "
        "ORDER BY a.date, a.rowid, e.sentence"
    )


def _counted(rows: list[tuple[object, ...]], needed: set[str]) -> list[tuple[object, ...]]:
    """Events that count: between the countries, not hypothetical/negated/historical, one per story."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for row in rows:
        if row[9] or row[10] or row[11]:
            continue
        if not needed <= set(str(row[6]).split(",")):
            continue
        key = (row[12], row[2], row[4])
        if key in seen:
            continue  # the same event in a wire copy
        seen.add(key)
        kept.append(row)
    return kept


def _event_counts(rows: list[tuple[object, ...]]) -> tuple[EventCount, ...]:
    scores: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        scores[str(row[2])].append(float(row[5]))  # type: ignore[arg-type]
    return tuple(
        EventCount(t, len(v), round(sum(v) / len(v), 2))
        for t, v in sorted(scores.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    )


def _by_quarter(rows: list[tuple[object, ...]]) -> tuple[tuple[str, float, int], ...]:
    scores: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        when = row[7]
        if not when:
            continue
        when = str(when)
        quarter = f"{when[:4]}-Q{(int(when[5:7]) - 1) // 3 + 1}"
        scores[quarter].append(float(row[5]))  # type: ignore[arg-type]
    return tuple((q, round(sum(v) / len(v), 2), len(v)) for q, v in sorted(scores.items()))


def _entry(row: tuple[object, ...], evidence: Evidence) -> EventEntry:
    return EventEntry(
        type=str(row[2]),
        mode=row[3],  # type: ignore[arg-type]
        cameo=str(row[4]),
        score=float(row[5]),  # type: ignore[arg-type]
        actors=tuple(str(row[6]).split(",")),
        date=row[7],  # type: ignore[arg-type]
        place=row[8],  # type: ignore[arg-type]
        historical=bool(row[9]),
        source=evidence.cite(int(row[0]), int(row[1])),  # type: ignore[call-overload]
    )


def _commitments(
    scope: _Scope, evidence: Evidence, wanted: set[str]
) -> tuple[CommitmentEntry, ...]:
    rows = scope.rows(
        "SELECT c.article, c.sentence, c.kind, c.status, c.parties, c.summary, a.date, a.cluster "
        "FROM temp.scope s JOIN commitments c ON c.article = s.rowid JOIN articles a ON a.rowid = s.rowid "
        "ORDER BY a.date DESC, a.rowid DESC, c.sentence"
    )
    seen: set[tuple[object, str]] = set()
    out = []
    for article, sentence, kind, status, parties, summary, when, cluster in rows:
        party_set = tuple(p for p in str(parties).split(",") if p)
        if wanted and not wanted & set(party_set):
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
                date=when,  # type: ignore[arg-type]
                source=evidence.cite(int(article), int(sentence)),  # type: ignore[call-overload]
            )
        )
    return tuple(out)


def _source_counts(scope: _Scope) -> tuple[tuple[str, int], ...]:
    rows = scope.rows(
        "SELECT coalesce(a.source, 'unknown source'), count(*) AS n FROM temp.scope s "
        "JOIN articles a ON a.rowid = s.rowid GROUP BY 1 ORDER BY n DESC"
    )
    return tuple((str(k), int(n)) for k, n in rows)  # type: ignore[call-overload]


def _caveats(
    articles: int, stories: int, sources: Sequence[tuple[str, int]], undated: int
) -> tuple[str, ...]:
    notes = [
        "Events, engagements and commitments are coded heuristically from single sentences "
        "(CAMEO/PLOVER-style lexicon): check each against its source sentence.",
    ]
    if articles == 0:
        notes.append("No article in the archive concerns this selection.")
        return tuple(notes)
    n_sources = len(sources)
    notes.append(
        f"Based on {articles} articles ({stories} distinct stories) from {n_sources} "
        f"source{'s' if n_sources != 1 else ''}."
    )
    if n_sources == 1:
        notes.append("Single-source picture: every fact here comes from one publisher.")
    if undated:
        notes.append(f"{undated} articles carry no publication date and are left out of timelines.")
    return tuple(notes)


def _undated(scope: _Scope) -> int:
    return int(
        scope.rows(
            "SELECT count(*) FROM temp.scope s JOIN articles a ON a.rowid = s.rowid WHERE a.date IS NULL"
        )[0][0]
    )  # type: ignore[call-overload]


# --------------------------------------------------------------------------- public


def pair_summary(store: Store, a: str, b: str, window: Window = Window()) -> PairSummary:
    """Summarise the relationship of countries ``a`` and ``b`` (ISO alpha-3 codes)."""
    rowids = pair_rowids(store, a, b, window)
    evidence = Evidence(store)
    scope = _Scope(store, rowids)
    stories, first, last, volume = _basics(scope)
    ids = [
        str(r[0])
        for r in scope.rows(
            "SELECT a.id FROM temp.scope s JOIN articles a ON a.rowid = s.rowid ORDER BY a.date, a.rowid"
        )
    ]
    counted = _counted(_event_rows(scope, (a, b)), {a, b})
    people = _people(scope, evidence, [a, b])
    sources = _source_counts(scope)
    return PairSummary(
        a=a,
        b=b,
        window=window,
        articles=tuple(ids),
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
        commitments=_commitments(scope, evidence, {a, b}),
        latest=_latest(scope, evidence),
        sources=sources,
        caveats=_caveats(len(ids), stories, sources, _undated(scope)),
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
    events = [
        row
        for row in _event_rows(scope, (code,))
        if code in str(row[6]).split(",") and not (row[10] or row[11])
    ]
    recent = tuple(_entry(row, evidence) for row in reversed(events[-LATEST:]))
    sources = _source_counts(scope)
    return CountryProfile(
        code=code,
        window=window,
        articles=len(rowids),
        stories=stories,
        first_date=first,
        last_date=last,
        monthly_volume=volume,
        partners=tuple((str(c), int(n)) for c, n in partners),  # type: ignore[call-overload]
        people=tuple(_people(scope, evidence, [code])[:TOP]),
        topics=_counts(scope, "article_topics", "topic"),
        orgs=_counts(scope, "article_orgs", "org"),
        recent_events=recent,
        latest=_latest(scope, evidence),
        caveats=_caveats(len(rowids), stories, sources, _undated(scope)),
    )


def count_pair_articles(store: Store, a: str, b: str) -> int:
    """Only the number of articles concerning both (the benchmark's baseline query)."""
    return int(
        store.conn.execute(
            "SELECT count(*) FROM article_countries x JOIN article_countries y "
            "ON y.article = x.article AND y.code = ? WHERE x.code = ?",
            (b, a),
        ).fetchone()[0]
    )
