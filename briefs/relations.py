"""Country profiles and pair summaries, computed from the store's extraction tables.

Everything here is read from SQLite tables filled at ingest (``article_countries``,
``events``, ``person_mentions``, ``commitments``, ``article_topics``,
``article_orgs`` and, when present, ``article_mentions``), so a summary over 100,000
articles is a handful of indexed queries.  Which articles concern a pair is decided
by `search.pairs`; the engagement ledger is built by `briefs.engagements`.  Every fact
carries its `Source`.  Event coding is heuristic; summaries say so in their caveats.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from briefs.engagements import Engagement, Report, analyst_engagement, build_ledger
from briefs.evidence import Evidence, Source
from search.corrections import Overlay
from search.pairs import count_sql, driving_order, has_table, pair_article_rowids
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
PEOPLE = 25  # per side in a pair summary
COMMITMENTS = 60  # newest commitments cited in a pair summary
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

    def holds(self, day: str | None) -> bool:
        """Whether an article of this date is in the window (undated: only in an open one)."""
        if self.since is None and self.until is None:
            return True
        if not day:
            return False
        if self.since and day[:10] < self.since.isoformat():
            return False
        return not (self.until and day[:10] > self.until.isoformat())

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
    corrected: bool = False


@dataclass(frozen=True, slots=True)
class CommitmentEntry:
    """An intention, agreement, signature or request with its status and source; ``side``
    holds the countries that commit or ask."""

    kind: str
    status: str
    parties: tuple[str, ...]
    summary: str
    date: str | None
    source: Source
    side: tuple[str, ...] = ()
    sentence: int = -1  # its sentence's number in the article (for the analyst's rejection)
    # An item agreed at a meeting the user recorded (`briefs.outcomes`): who follows it up,
    # by when (ISO), and the mark that it is the user's record.
    owner: str | None = None
    due: str | None = None
    recorded: bool = False


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
    ``engagements`` and ``commitments`` hold the newest 60 (cited); their totals are
    ``engagements_total`` and ``commitments_total`` (added fields).  ``planned`` holds
    the announced engagements, soonest first ("coming up").  ``people`` holds the 25 most
    mentioned per side, each on the side the people registry gives them.
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
    engagements_total: int = 0
    commitments_total: int = 0
    planned: tuple[Engagement, ...] = ()


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


@dataclass(frozen=True, slots=True)
class _Meta:
    """What the summaries need of one article (read once per summary)."""

    order: int  # position in (date, rowid) order, undated first
    ref: ArticleRef
    cluster: int


class _Scope:
    """A set of articles: a temporary table ``scope (rowid, cluster)`` and their metadata.

    How the queries use it (each choice measured on 100,000 articles): a join starts from
    the scope with CROSS JOIN, which fixes SQLite's join order (the temporary table has
    no statistics, and the planner otherwise scans ``articles`` or ``events`` in full:
    0.3-0.5 s); a filtered read of another table is written ``WHERE t.article IN
    (SELECT rowid FROM temp.scope) AND ...`` (a WHERE on the inner table of a join makes
    SQLite build a Bloom filter over that whole table first: ~25 ms whatever the scope);
    dates and clusters come from ``meta`` or ``scope.cluster`` rather than from joins
    with ``articles``, whose rows are large (body and extraction).
    """

    def __init__(self, store: Store, rowids: Iterable[int], window: Window = Window()) -> None:
        self.store = store
        conn = store.conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS ids (rowid INTEGER PRIMARY KEY)")
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS scope (rowid INTEGER PRIMARY KEY, cluster INTEGER)"
        )
        conn.execute("DELETE FROM temp.ids")
        conn.execute("DELETE FROM temp.scope")
        conn.executemany("INSERT INTO temp.ids (rowid) VALUES (?)", ((r,) for r in rowids))
        rows = [
            row
            for row in conn.execute(
                "SELECT a.rowid, a.id, a.title, a.date, a.source, a.countries, a.url, a.cluster "
                "FROM temp.ids s CROSS JOIN articles a ON a.rowid = s.rowid"
            )
            if window.holds(row[3])
        ]
        rows.sort(key=lambda r: (r[3] is not None, r[3] or "", r[0]))
        self.meta: dict[int, _Meta] = {}
        for order, (rowid, aid, title, day, source, countries, url, cluster) in enumerate(rows):
            ref = ArticleRef(
                id=str(aid),
                title=str(title),
                date=day,
                source=source,
                countries=tuple(c for c in (countries or "").split(",") if c),
                url=url,
            )
            self.meta[int(rowid)] = _Meta(
                order, ref, int(cluster if cluster is not None else rowid)
            )
        conn.executemany(
            "INSERT INTO temp.scope (rowid, cluster) VALUES (?, ?)",
            ((r, m.cluster) for r, m in self.meta.items()),
        )

    def rows(self, sql: str, params: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        return self.store.conn.execute(sql, list(params)).fetchall()

    def date(self, rowid: int) -> str | None:
        return self.meta[rowid].ref.date

    def cluster(self, rowid: int) -> int:
        return self.meta[rowid].cluster

    def order(self, rowid: int) -> int:
        return self.meta[rowid].order

    def refs(self) -> list[ArticleRef]:
        """The articles, oldest first (undated first)."""
        return [m.ref for m in sorted(self.meta.values(), key=lambda m: m.order)]


def pair_rowids(store: Store, a: str, b: str, window: Window = Window()) -> list[int]:
    """Rowids of the articles concerning both countries (`search.pairs`), oldest first."""
    scope = _Scope(store, pair_article_rowids(store.conn, a, b), window)
    return sorted(scope.meta, key=scope.order)


def country_rowids(store: Store, code: str, window: Window = Window()) -> list[int]:
    """Rowids of the articles concerning one country, oldest first."""
    condition, params = window.sql()
    rows = store.conn.execute(
        "SELECT x.article FROM article_countries x CROSS JOIN articles a ON a.rowid = x.article "
        f"WHERE x.code = ? AND {condition} ORDER BY a.date, a.rowid",
        [code, *params],
    ).fetchall()
    return [int(r[0]) for r in rows]


# --------------------------------------------------------------------------- parts


def _basics(scope: _Scope) -> tuple[int, str | None, str | None, tuple[tuple[str, int], ...]]:
    """Stories, first and last date, monthly volume (in stories)."""
    dates = [m.ref.date for m in scope.meta.values() if m.ref.date]
    months: dict[str, set[int]] = defaultdict(set)
    for m in scope.meta.values():
        if m.ref.date:
            months[m.ref.date[:7]].add(m.cluster)
    volume = sorted((month, len(clusters)) for month, clusters in months.items())
    stories = len({m.cluster for m in scope.meta.values()})
    return stories, min(dates, default=None), max(dates, default=None), _fill_months(volume)


def _fill_months(volume: list[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """Monthly counts with the empty months in between (for sparklines)."""
    if not volume:
        return ()
    counts = dict(volume)
    try:
        year, month = map(int, volume[0][0].split("-"))
        end = tuple(map(int, volume[-1][0].split("-")))
    except ValueError:
        return tuple(volume)
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
        f"SELECT t.{column}, count(DISTINCT s.cluster) AS n FROM temp.scope s "
        f"CROSS JOIN {table} t ON t.article = s.rowid GROUP BY t.{column} "
        f"ORDER BY n DESC, t.{column} LIMIT ?",
        [limit],
    )
    return tuple((str(k), int(n)) for k, n in rows)


def _person_rows(
    scope: _Scope, countries: Sequence[str], overlay: Overlay | None = None
) -> list[tuple[Any, ...]]:
    """``(identity, name, country, role, rowid, sentence, sentences)`` of these countries'
    people, oldest article first.

    A person's country is the people registry's (`search.registry`), decided from every
    article that names them, not this article's guess; ``identity`` is the registry id.
    """
    marks = ",".join("?" * len(countries))
    rows = scope.rows(
        "SELECT coalesce(r.id, p.person_key), coalesce(r.name, p.name), "
        "coalesce(r.country, p.country), p.role, p.article, p.sentence, p.sentences, "
        "(r.country IS NULL AND r.org IS NOT NULL) "
        "FROM person_mentions p LEFT JOIN people r ON r.id = p.person "
        "WHERE p.article IN (SELECT rowid FROM temp.scope) "
        f"AND coalesce(r.country, p.country) IN ({marks})",
        countries,
    )
    rows = [r[:7] for r in rows if not r[7]]
    if overlay is not None and overlay.people:
        rows = [r for r in rows if not (isinstance(r[0], int) and r[0] in overlay.people)]
    rows.sort(key=lambda r: scope.order(int(r[4])))
    return rows


def _people(
    scope: _Scope,
    evidence: Evidence,
    rows: list[tuple[Any, ...]],
    limit: int = PEOPLE,
    corrected: frozenset[int] | set[int] = frozenset(),
) -> list[PersonSeen]:
    """People (from `_person_rows`), most mentioned first (at most ``limit`` per country)."""
    grouped: dict[Any, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row)
    found = []
    for mentions in grouped.values():
        latest = mentions[-1]
        country = next((m[2] for m in reversed(mentions) if m[2]), None)
        articles = len({m[4] for m in mentions})
        found.append((-articles, scope.order(int(latest[4])), country, mentions))
    # Most articles first; among equals the most recently seen.
    found.sort(key=lambda f: (f[0], -f[1]))
    kept: dict[str | None, int] = defaultdict(int)
    people = []
    for negative, _order, country, mentions in found:
        if kept[country] >= limit:
            continue
        identity = mentions[0][0]
        kept[country] += 1
        latest = mentions[-1]
        names = Counter(str(m[1]) for m in mentions)
        name = max(names, key=lambda n: (len(n.split()), names[n], len(n)))
        with_role = [m for m in mentions if m[3]]
        people.append(
            PersonSeen(
                name=name,
                country=country,
                role=with_role[-1][3] if with_role else None,
                last_seen=scope.date(int(latest[4])),
                articles=-negative,
                aliases=tuple(sorted(n for n in names if n != name)),
                source=evidence.cite(int(latest[4]), int(latest[5])),
                corrected=isinstance(identity, int) and identity in corrected,
            )
        )
    return people


def _latest(scope: _Scope, evidence: Evidence) -> tuple[Source, ...]:
    """The leads of the newest stories (one per cluster)."""
    newest: dict[int, _Meta] = {}
    first: dict[int, int] = {}
    for rowid, m in scope.meta.items():
        if m.cluster not in newest or m.order > newest[m.cluster].order:
            newest[m.cluster] = m
        first[m.cluster] = min(first.get(m.cluster, rowid), rowid)
    stories = sorted(newest, key=lambda c: newest[c].order, reverse=True)[:LATEST]
    return tuple(evidence.lead(first[c]) for c in stories)


# --------------------------------------------------------------------------- events


_EVENT_COLUMNS = (
    "e.article, e.sentence, e.type, e.mode, e.cameo, e.score, e.actors, "
    "e.date, e.place, e.historical, e.hypothetical, e.negated, e.trigger"
)


def _event_rows(scope: _Scope, codes: Sequence[str]) -> list[tuple[Any, ...]]:
    """Events whose actors include any of the codes, oldest first.

    Rows: ``(rowid, sentence, type, mode, cameo, score, actors, date, place, historical,
    hypothetical, negated, cluster, trigger)``; ``date`` is the event's, else its
    article's.
    """
    likes = " OR ".join("e.actors LIKE ?" for _ in codes)
    rows = scope.rows(
        f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.article IN "
        f"(SELECT rowid FROM temp.scope) AND ({likes})",
        [f"%{c}%" for c in codes],
    )
    wanted = set(codes)
    out = []
    for row in rows:
        if not wanted & set(str(row[6]).split(",")):
            continue  # LIKE only prefilters
        rowid = int(row[0])
        out.append(
            (*row[:7], row[7] or scope.date(rowid), *row[8:12], scope.cluster(rowid), row[12])
        )
    out.sort(key=lambda r: (scope.order(int(r[0])), r[1]))
    return out


def _counted(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Events that count: not hypothetical/negated/historical, one per story."""
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for row in rows:
        if row[9] or row[10] or row[11]:
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
        when = str(row[7] or "")
        if len(when) < 7 or not when[5:7].isdigit():
            continue
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


def _recent_events(scope: _Scope, evidence: Evidence, code: str) -> tuple[EventEntry, ...]:
    """The newest events involving ``code`` (newest articles are read first, in chunks)."""
    newest = sorted(scope.meta, key=scope.order, reverse=True)
    found: list[tuple[Any, ...]] = []
    chunk = 200
    for start in range(0, len(newest), chunk):
        rowids = newest[start : start + chunk]
        marks = ",".join("?" * len(rowids))
        rows = scope.rows(
            f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.article IN ({marks}) "
            "AND e.actors LIKE ? AND e.hypothetical = 0 AND e.negated = 0",
            [*rowids, f"%{code}%"],
        )
        for row in rows:
            if code in str(row[6]).split(","):
                rowid = int(row[0])
                found.append((*row[:7], row[7] or scope.date(rowid), *row[8:12]))
        if len(found) >= RECENT_EVENTS:
            break
    found.sort(key=lambda r: (scope.order(int(r[0])), r[1]), reverse=True)
    return tuple(_entry(row, evidence) for row in found[:RECENT_EVENTS])


def engagement_reports(store: Store, a: str, b: str, window: Window = Window()) -> list[Report]:
    """Every engagement report with both ``a`` and ``b`` among its sides (any article),
    in the window (by the engagement's own date, else its article's), analyst-rejected
    ones left out."""
    from search.store import table_exists

    conn = store.conn
    if not table_exists(conn, "engagement_sides"):
        return []
    counts = {
        side: int(
            conn.execute(
                "SELECT count(*) FROM engagement_sides WHERE side = ?", (side,)
            ).fetchone()[0]
        )
        for side in (a, b)
    }
    first, second = sorted((a, b), key=lambda side: counts[side])
    rows = conn.execute(
        "SELECT e.article, e.seq, e.sentence, e.type, e.status, e.date, e.place, e.sides, "
        "e.participants, art.cluster, art.date, art.id FROM engagement_sides x "
        "CROSS JOIN engagement_sides y ON y.side = ? AND y.article = x.article AND y.seq = x.seq "
        "CROSS JOIN engagements e ON e.article = x.article AND e.seq = x.seq "
        "CROSS JOIN articles art ON art.rowid = x.article WHERE x.side = ?",
        (second, first),
    ).fetchall()
    overlay = Overlay.load(conn)
    from briefs.engagements import report_from_row

    reports = []
    for row in rows:
        if overlay.rejects_engagement(str(row[11]), int(row[2]), str(row[3])):
            continue
        report = report_from_row(row, int(row[9] if row[9] is not None else row[0]), row[10])
        if window.open or window.holds(report.when or report.article_date):
            reports.append(report)
    return reports


def _engagements(
    store: Store, evidence: Evidence, a: str, b: str, window: Window, roles: dict[str, str]
) -> tuple[tuple[Engagement, ...], int, tuple[Engagement, ...]]:
    """The ledger and the planned engagements of the pair, with the analyst's additions."""
    reports = engagement_reports(store, a, b, window)
    ledger, total, planned = build_ledger(reports, evidence, a, b, roles=roles)
    added = _added(store, evidence, a, b, window)
    if added:
        held = [e for e in added if e.status != "planned"]
        ledger = tuple(sorted((*held, *ledger), key=lambda e: e.date or "", reverse=True))
        planned = tuple(
            sorted(
                (*planned, *(e for e in added if e.status == "planned")),
                key=lambda e: e.date or "9999",
            )
        )
        total += len(held)
    from briefs.outcomes import merge_recorded, recorded_engagements

    recorded = recorded_engagements(store, a, b, None if window.open else window.holds)
    ledger, added_count = merge_recorded(ledger, recorded)
    return ledger, total + added_count, planned


def _added(store: Store, evidence: Evidence, a: str, b: str, window: Window) -> list[Engagement]:
    """Engagements the analyst added between the two."""
    overlay = Overlay.load(store.conn)
    found = []
    for correction in overlay.added_between(a, b):
        ref = store.find_by_id(str(correction.target.get("article", "")))
        if ref is None:
            continue
        source = evidence.cite(ref.rowid, int(correction.target.get("sentence", 0)))
        entry = analyst_engagement(correction.value, source, a, b)
        if window.open or window.holds(entry.date):
            found.append(entry)
    return found


# --------------------------------------------------------------------------- commitments


def _commitments(
    scope: _Scope, evidence: Evidence, a: str, b: str, limit: int = COMMITMENTS
) -> tuple[tuple[CommitmentEntry, ...], int]:
    """Commitments between the two (or by one of them alone), newest first, once per story.

    Returns the ``limit`` newest (cited) and how many there are in all.
    """
    rows = scope.rows(
        "SELECT c.article, c.sentence, c.kind, c.status, c.parties, c.summary, c.side "
        "FROM commitments c WHERE c.article IN (SELECT rowid FROM temp.scope) "
        "AND (c.parties LIKE ? OR c.parties LIKE ?)",
        [f"%{a}%", f"%{b}%"],
    )
    rows.sort(key=lambda r: (-scope.order(int(r[0])), r[1]))
    pair = {a, b}
    seen: set[tuple[Any, str]] = set()
    out = []
    total = 0
    overlay = Overlay.load(scope.store.conn)
    for article, sentence, kind, status, parties, summary, side in rows:
        party_set = tuple(p for p in str(parties).split(",") if p)
        sides = {s for s in str(side or "").split(",") if s}
        # Ours: one of them commits (or asks), and no third country is a party to it;
        # without a known side, both of them are parties and nobody else is.
        others = set(party_set) - pair - sides
        if sides:
            if (
                not (sides & pair)
                or (sides - pair)
                or any(not o.startswith("org:") for o in others)
            ):
                continue
        elif not (pair <= set(party_set) and set(party_set) <= pair):
            continue
        if overlay.rejects_commitment(scope.meta[int(article)].ref.id, int(sentence), str(kind)):
            continue
        key = (scope.cluster(int(article)), " ".join(str(summary).lower().split()))
        if key in seen:
            continue
        seen.add(key)
        total += 1
        if len(out) >= limit:
            continue
        out.append(
            CommitmentEntry(
                kind=str(kind),
                status=str(status),
                parties=party_set,
                summary=str(summary),
                date=scope.date(int(article)),
                source=evidence.cite(int(article), int(sentence)),
                side=tuple(sorted(sides)),
                sentence=int(sentence),
            )
        )
    return tuple(out), total


def _with_recorded(
    store: Store,
    a: str,
    b: str,
    window: Window,
    commitments: tuple[CommitmentEntry, ...],
    total: int,
) -> tuple[tuple[CommitmentEntry, ...], int]:
    """The register with the items agreed at the meetings the user recorded as held."""
    from briefs.outcomes import recorded_commitments

    recorded = recorded_commitments(store, a, b, None if window.open else window.holds)
    if not recorded:
        return commitments, total
    both = list(commitments)
    for entry in reversed(recorded):  # oldest first, each before the first older one
        at = next((i for i, c in enumerate(both) if (c.date or "")[:10] <= str(entry.date)),
                  len(both))  # fmt: skip
        both.insert(at, entry)
    return tuple(both[: max(COMMITMENTS, len(recorded))]), total + len(recorded)


# --------------------------------------------------------------------------- caveats


def _source_counts(scope: _Scope) -> tuple[tuple[str, int], ...]:
    counts = Counter(m.ref.source or "unknown source" for m in scope.meta.values())
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _undated(scope: _Scope) -> int:
    return sum(1 for m in scope.meta.values() if not m.ref.date)


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
    evidence = Evidence(store)
    scope = _Scope(store, pair_article_rowids(store.conn, a, b), window)
    refs = scope.refs()
    stories, first, last, volume = _basics(scope)
    events = _event_rows(scope, (a, b))
    pair = {a, b}
    counted = _counted([e for e in events if pair <= set(str(e[6]).split(","))])
    overlay = Overlay.load(store.conn)
    person_rows = _person_rows(scope, [a, b], overlay)
    people = _people(scope, evidence, person_rows, corrected=overlay.corrected_people)
    sources = _source_counts(scope)
    undated = _undated(scope)
    roles = {p.name: p.role for p in people if p.role}
    ledger, total, planned = _engagements(store, evidence, a, b, window, roles)
    commitments, promised = _commitments(scope, evidence, a, b)
    commitments, promised = _with_recorded(store, a, b, window, commitments, promised)
    caveats = _caveats(len(refs), stories, sources, undated, pair=True)
    if total > len(ledger):
        caveats += (f"The ledger lists the {len(ledger)} most recent of {total} engagements.",)
    if promised > len(commitments):
        caveats += (
            f"The register lists the {len(commitments)} most recent of {promised} commitments.",
        )
    return PairSummary(
        a=a,
        b=b,
        window=window,
        articles=tuple(r.id for r in refs),
        stories=stories,
        first_date=first,
        last_date=last,
        monthly_volume=volume,
        engagements=ledger,
        event_counts=_event_counts(counted),
        cooperation_by_quarter=_by_quarter(counted),
        people={side: tuple(p for p in people if p.country == side) for side in (a, b)},
        orgs=_counts(scope, "article_orgs", "org"),
        topics=_counts(scope, "article_topics", "topic"),
        commitments=commitments,
        latest=_latest(scope, evidence),
        sources=sources,
        caveats=caveats,
        article_refs=tuple(refs),
        undated=undated,
        engagements_total=total,
        commitments_total=promised,
        planned=planned,
    )


def country_profile(store: Store, code: str, window: Window = Window()) -> CountryProfile:
    """Profile one country: volume, partners, people, topics, organisations, recent events."""
    evidence = Evidence(store)
    scope = _Scope(store, country_rowids(store, code, window))
    stories, first, last, volume = _basics(scope)
    ranked = [(c, n) for c, n in _counts(scope, "article_countries", "code", TOP + 1) if c != code]
    sources = _source_counts(scope)
    undated = _undated(scope)
    return CountryProfile(
        code=code,
        window=window,
        articles=len(scope.meta),
        stories=stories,
        first_date=first,
        last_date=last,
        monthly_volume=volume,
        partners=tuple(ranked[:TOP]),
        people=tuple(
            _people(scope, evidence, _person_rows(scope, [code], Overlay.load(store.conn)), TOP)
        ),
        topics=_counts(scope, "article_topics", "topic"),
        orgs=_counts(scope, "article_orgs", "org"),
        recent_events=_recent_events(scope, evidence, code),
        latest=_latest(scope, evidence),
        caveats=_caveats(len(scope.meta), stories, sources, undated, pair=False),
        sources=sources,
        undated=undated,
    )


def count_pair_articles(store: Store, a: str, b: str) -> int:
    """Only the number of articles concerning both, in one SQL query (the benchmark's baseline).

    With the store's ``article_mentions`` table this is the pair rule's count; without
    it, the count of articles whose ``countries`` hold both (an approximation).
    """
    if has_table(store.conn):
        order = driving_order(store.conn, a, b)
        return int(store.conn.execute(count_sql(), order).fetchone()[0])
    return int(
        store.conn.execute(
            "SELECT count(*) FROM article_countries x JOIN article_countries y "
            "ON y.article = x.article AND y.code = ? WHERE x.code = ?",
            (b, a),
        ).fetchone()[0]
    )
