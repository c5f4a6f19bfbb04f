"""The events of a summary's articles (`briefs.relations`): counts by type, cooperation
by quarter, and the most recent ones, each citing its source."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from briefs.evidence import Evidence
from briefs.relations_model import EventCount, EventEntry
from briefs.relations_scope import Scope

RECENT_EVENTS = 10


# The last, ``rowid``, orders the events of one sentence as they were stored (as SQLite's
# index on the article returns them), whatever order a plan returns them in (a team
# store's hash join): which of a story's repeated events counts, and which is listed.
_EVENT_COLUMNS = (
    "e.article, e.sentence, e.type, e.mode, e.cameo, e.score, e.actors, "
    "e.date, e.place, e.historical, e.hypothetical, e.negated, e.trigger, e.rowid"
)


def event_rows(scope: Scope, codes: Sequence[str]) -> list[tuple[Any, ...]]:
    """Events whose actors include any of the codes, oldest first.

    Rows: ``(rowid, sentence, type, mode, cameo, score, actors, date, place, historical,
    hypothetical, negated, cluster, trigger)``; ``date`` is the event's, else its
    article's.
    """
    # A prefilter: every row the exact test below keeps contains one of the codes as it
    # is.  (Not LIKE, which ignores case: PostgreSQL's ILIKE costs 2-3 times as much per
    # row, and its plan tests every event of the archive, not only the scope's.)
    found = " OR ".join("instr(e.actors, ?) > 0" for _ in codes)
    rows = scope.rows(
        f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.article IN "
        f"(SELECT rowid FROM temp.scope) AND ({found})",
        list(codes),
    )
    rows.sort(key=lambda r: (scope.order(int(r[0])), r[1], r[13]))
    wanted = set(codes)
    out = []
    for row in rows:
        if not wanted & set(str(row[6]).split(",")):
            continue  # the query only prefilters
        rowid = int(row[0])
        out.append(
            (*row[:7], row[7] or scope.date(rowid), *row[8:12], scope.cluster(rowid), row[12])
        )
    return out


def events_that_count(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
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


def event_counts(rows: list[tuple[Any, ...]]) -> tuple[EventCount, ...]:
    scores: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        scores[str(row[2])].append(float(row[5]))
    return tuple(
        EventCount(t, len(v), round(sum(v) / len(v), 2))
        for t, v in sorted(scores.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    )


def by_quarter(rows: list[tuple[Any, ...]]) -> tuple[tuple[str, float, int], ...]:
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


def recent_events(scope: Scope, evidence: Evidence, code: str) -> tuple[EventEntry, ...]:
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
                found.append((*row[:7], row[7] or scope.date(rowid), *row[8:12], row[13]))
        if len(found) >= RECENT_EVENTS:
            break
    found.sort(key=lambda r: (-scope.order(int(r[0])), -r[1], r[12]))
    return tuple(_entry(row, evidence) for row in found[:RECENT_EVENTS])
