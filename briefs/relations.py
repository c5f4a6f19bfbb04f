"""Country profiles and pair summaries, computed from the store's extraction tables.

Everything here is read from SQLite tables filled at ingest (``article_countries``,
``events``, ``person_mentions``, ``commitments``, ``article_topics``,
``article_orgs`` and, when present, ``article_mentions``), so a summary over 100,000
articles is a handful of indexed queries.  Which articles concern a pair is decided
by `search.pairs`; the engagement ledger is built by `briefs.engagements`.  Every fact
carries its `Source`.  Event coding is heuristic; summaries say so in their caveats.

The result types are in `briefs.relations_model`, the articles a summary covers in
`briefs.relations_scope`, its events in `briefs.relations_events`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from briefs.commitments import CommitmentEntry
from briefs.engagements import Engagement, Report, analyst_engagement, build_ledger
from briefs.evidence import Evidence, Source
from briefs.relations_events import (
    by_quarter,
    event_counts,
    event_rows,
    events_that_count,
    recent_events,
)
from briefs.relations_model import (
    ArticleRef,
    CountryProfile,
    EventCount,
    EventEntry,
    PairSummary,
    PersonSeen,
    Window,
)
from briefs.relations_scope import ArticleMeta, Scope, country_rowids, pair_rowids, pair_scope
from search.extract.affiliation import is_past_role
from search.ingest.corrections import Overlay
from search.pairs import count_sql, driving_order, has_table
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
    "country_rowids",
    "pair_rowids",
    "pair_summary",
]

LATEST = 8
TOP = 12
PEOPLE = 25  # per side in a pair summary
COMMITMENTS = 60  # newest commitments cited in a pair summary


# --------------------------------------------------------------------------- parts


def _basics(scope: Scope) -> tuple[int, str | None, str | None, tuple[tuple[str, int], ...]]:
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
    out: list[tuple[str, int]] = []
    while (year, month) <= end and len(out) < 1200:
        key = f"{year:04d}-{month:02d}"
        out.append((key, counts.get(key, 0)))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return tuple(out)


def _counts(scope: Scope, table: str, column: str, limit: int = TOP) -> tuple[tuple[str, int], ...]:
    """The commonest values of an extraction table, counted in stories (wire copies once)."""
    rows = scope.rows(
        f"SELECT t.{column}, count(DISTINCT s.cluster) AS n FROM temp.scope s "
        f"CROSS JOIN {table} t ON t.article = s.rowid GROUP BY t.{column} "
        f"ORDER BY n DESC, t.{column} LIMIT ?",
        [limit],
    )
    return tuple((str(k), int(n)) for k, n in rows)


def _person_rows(
    scope: Scope, countries: Sequence[str], overlay: Overlay | None = None
) -> list[tuple[Any, ...]]:
    """``(identity, name, country, role, rowid, sentence, sentences)`` of these countries'
    people, oldest article first, an article's in the order they were stored.

    A person's country is the people registry's (`search.ingest.registry`), decided from every
    article that names them, not this article's guess; ``identity`` is the registry id.
    """
    marks = ",".join("?" * len(countries))
    rows = scope.rows(
        # The registry id (an int) or the mention's own key (a string): selected apart,
        # as a team store's columns hold one type each.
        "SELECT r.id, p.person_key, coalesce(r.name, p.name), "
        "coalesce(r.country, p.country), p.role, p.article, p.sentence, p.sentences, "
        "(r.country IS NULL AND r.org IS NOT NULL), p.rowid "
        "FROM person_mentions p LEFT JOIN people r ON r.id = p.person "
        "WHERE p.article IN (SELECT rowid FROM temp.scope) "
        f"AND coalesce(r.country, p.country) IN ({marks})",
        countries,
    )
    # The order of an article's mentions breaks ties between people (`_people`): the
    # mentions' own (their rowids, as SQLite's index on the article returns them), not
    # the order a plan happens to return (a team store's hash join).  Two stable sorts
    # by int keys: a tuple key per mention made Python's collector run in the middle
    # of the summary's largest reads (3 ms a summary of 4,000 articles).
    rows.sort(key=lambda r: r[9])
    rows.sort(key=lambda r: scope.order(int(r[5])))
    found = [(r[1] if r[0] is None else r[0], *r[2:8]) for r in rows if not r[8]]
    if overlay is not None and overlay.people:
        found = [r for r in found if not (isinstance(r[0], int) and r[0] in overlay.people)]
    return found


def _people(
    scope: Scope,
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
    chosen = []
    for item in found:
        if kept[item[2]] < limit:
            kept[item[2]] += 1
            chosen.append(item)
    evidence.prefetch([int(mentions[-1][4]) for *_rest, mentions in chosen])
    people = []
    for negative, _order, country, mentions in chosen:
        identity = mentions[0][0]
        latest = mentions[-1]
        names = Counter(str(m[1]) for m in mentions)
        name = max(names, key=lambda n: (len(n.split()), names[n], len(n)))
        with_role = [m for m in mentions if m[3]]
        # "then-Deputy Secretary of State": what they were; any other role is newer.
        with_role = [m for m in with_role if not is_past_role(str(m[3]))] or with_role
        people.append(
            PersonSeen(
                name=name,
                country=country,
                role=_current_role([str(m[3]) for m in with_role]),
                last_seen=scope.date(int(latest[4])),
                articles=-negative,
                aliases=tuple(sorted(n for n in names if n != name)),
                source=evidence.cite(int(latest[4]), int(latest[5])),
                corrected=isinstance(identity, int) and identity in corrected,
            )
        )
    return people


# How many of a person's latest roles vote for the one shown.
_ROLE_VOTES = 5


def _current_role(roles: list[str]) -> str | None:
    """The role most of the latest mentions give (oldest first in ``roles``), the latest
    of those on a tie: one headline's misreading ("State and Secretary") does not replace
    the "Secretary of State" the other stories say, and a new office wins as it recurs."""
    if not roles:
        return None
    recent = roles[-_ROLE_VOTES:]
    votes = Counter(recent)
    last = {role: i for i, role in enumerate(recent)}
    return max(votes, key=lambda role: (votes[role], last[role]))


def _latest(scope: Scope, evidence: Evidence) -> tuple[Source, ...]:
    """The leads of the newest stories (one per cluster)."""
    newest: dict[int, ArticleMeta] = {}
    first: dict[int, int] = {}
    for rowid, m in scope.meta.items():
        if m.cluster not in newest or m.order > newest[m.cluster].order:
            newest[m.cluster] = m
        first[m.cluster] = min(first.get(m.cluster, rowid), rowid)
    stories = sorted(newest, key=lambda c: newest[c].order, reverse=True)[:LATEST]
    evidence.prefetch([first[c] for c in stories])
    return tuple(evidence.lead(first[c]) for c in stories)


# --------------------------------------------------------------------------- engagements


def engagement_reports(
    store: Store, a: str, b: str, window: Window = Window(), overlay: Overlay | None = None
) -> list[Report]:
    """Every engagement report with both ``a`` and ``b`` among its sides (any article),
    in the window (by the engagement's own date, else its article's), analyst-rejected
    ones left out (``overlay``: the corrections, when the caller has read them)."""
    from search.store import table_exists

    conn = store.conn
    if not table_exists(conn, "engagement_sides"):
        return []
    row = conn.execute(
        "SELECT (SELECT count(*) FROM engagement_sides WHERE side = ?), "
        "(SELECT count(*) FROM engagement_sides WHERE side = ?)",
        (a, b),
    ).fetchone()
    counts = {a: int(row[0]), b: int(row[1])}
    first, second = sorted((a, b), key=lambda side: counts[side])
    # In the order of the rarer side's key, which SQLite reads them in: the ledger
    # depends on it (`briefs.engagements.build_ledger`), and a team store's plan may
    # return them in any order.
    rows = conn.execute(
        "SELECT e.article, e.seq, e.sentence, e.type, e.status, e.date, e.place, e.sides, "
        "e.participants, art.cluster, art.date, art.id FROM engagement_sides x "
        "CROSS JOIN engagement_sides y ON y.side = ? AND y.article = x.article AND y.seq = x.seq "
        "CROSS JOIN engagements e ON e.article = x.article AND e.seq = x.seq "
        "CROSS JOIN articles art ON art.rowid = x.article WHERE x.side = ? "
        "ORDER BY x.article, x.seq",
        (second, first),
    ).fetchall()
    overlay = overlay or Overlay.load(conn)
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
    store: Store,
    evidence: Evidence,
    pair: tuple[str, str],
    window: Window,
    roles: dict[str, str],
    overlay: Overlay,
) -> tuple[tuple[Engagement, ...], int, tuple[Engagement, ...]]:
    """The ledger and the planned engagements of the pair, with the analyst's additions."""
    a, b = pair
    reports = engagement_reports(store, a, b, window, overlay)
    ledger, total, planned = build_ledger(reports, evidence, a, b, roles=roles)
    added = _added(store, evidence, pair, window, overlay)
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


def _added(
    store: Store, evidence: Evidence, pair: tuple[str, str], window: Window, overlay: Overlay
) -> list[Engagement]:
    """Engagements the analyst added between the two."""
    a, b = pair
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
    scope: Scope,
    evidence: Evidence,
    pair: tuple[str, str],
    overlay: Overlay,
    limit: int = COMMITMENTS,
) -> tuple[tuple[CommitmentEntry, ...], int]:
    """Commitments between the two (or by one of them alone), newest first, once per story.

    Returns the ``limit`` newest (cited) and how many there are in all.
    """
    a, b = pair
    # The parties name one of them, ignoring the case of ASCII letters as SQLite's LIKE
    # does; upper() folds only those on both engines (the team store's text compares as
    # "C"), and costs PostgreSQL a third of its ILIKE, which its plan runs on every
    # commitment of the archive.
    rows = scope.rows(
        "SELECT c.article, c.sentence, c.kind, c.status, c.parties, c.summary, c.side, "
        "c.rowid FROM commitments c WHERE c.article IN (SELECT rowid FROM temp.scope) "
        "AND (instr(upper(c.parties), ?) > 0 OR instr(upper(c.parties), ?) > 0)",
        [_ascii_upper(a), _ascii_upper(b)],
    )
    # A sentence's commitments in the order they were stored, not a plan's (which of a
    # story's repeated ones is kept; as for events, `briefs.relations_events`).
    rows.sort(key=lambda r: (-scope.order(int(r[0])), r[1], r[7]))
    pair_set = {a, b}
    seen: set[tuple[Any, str]] = set()
    kept: list[tuple[Any, ...]] = []
    total = 0
    for article, sentence, kind, status, parties, summary, side, _stored in rows:
        party_set = tuple(p for p in str(parties).split(",") if p)
        sides = {s for s in str(side or "").split(",") if s}
        # Ours: one of them commits (or asks), and no third country is a party to it;
        # without a known side, both of them are parties and nobody else is.
        others = set(party_set) - pair_set - sides
        if sides:
            if (
                not (sides & pair_set)
                or (sides - pair_set)
                or any(not o.startswith("org:") for o in others)
            ):
                continue
        elif not (pair_set <= set(party_set) and set(party_set) <= pair_set):
            continue
        if overlay.rejects_commitment(scope.meta[int(article)].ref.id, int(sentence), str(kind)):
            continue
        key = (scope.cluster(int(article)), " ".join(str(summary).lower().split()))
        if key in seen:
            continue
        seen.add(key)
        total += 1
        if len(kept) < limit:
            kept.append((article, sentence, kind, status, party_set, summary, sides))
    evidence.prefetch([int(row[0]) for row in kept])
    out = [
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
        for article, sentence, kind, status, party_set, summary, sides in kept
    ]
    return tuple(out), total


def _ascii_upper(text: str) -> str:
    """``text`` with its ASCII letters in capitals (SQL's upper(), not Python's)."""
    return "".join(c.upper() if c.isascii() else c for c in text)


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


def _source_counts(scope: Scope) -> tuple[tuple[str, int], ...]:
    counts = Counter(m.ref.source or "unknown source" for m in scope.meta.values())
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _undated(scope: Scope) -> int:
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
    scope = pair_scope(store, a, b, window)
    refs = scope.refs()
    stories, first, last, volume = _basics(scope)
    events = event_rows(scope, (a, b))
    pair = {a, b}
    counted = events_that_count([e for e in events if pair <= set(str(e[6]).split(","))])
    overlay = Overlay.load(store.conn)
    person_rows = _person_rows(scope, [a, b], overlay)
    people = _people(scope, evidence, person_rows, corrected=overlay.corrected_people)
    sources = _source_counts(scope)
    undated = _undated(scope)
    roles = {p.name: p.role for p in people if p.role}
    # The corrections are read once for the whole summary (each read is a query).
    ledger, total, planned = _engagements(store, evidence, (a, b), window, roles, overlay)
    commitments, promised = _commitments(scope, evidence, (a, b), overlay)
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
        event_counts=event_counts(counted),
        cooperation_by_quarter=by_quarter(counted),
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
    scope = Scope(store, country_rowids(store, code, window))
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
        recent_events=recent_events(scope, evidence, code),
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
