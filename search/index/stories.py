"""Stories over the engine's scores: date filters, the order of stories (one copy of
each near-duplicate cluster), and how many stories matched.

`search.query.ranking` breaks ties by the store's ingest order; `top_stories` here is
the same order with ties broken by document number.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence

from search.index.docdata import DocData
from search.index.engine import Scores


def filter_days(scores: Scores, day: Sequence[int], ranges: Iterable[tuple[int, int]]) -> Scores:
    """Keep documents whose day is in every ``(first, last)`` range (undated ones never)."""
    for first, last in ranges:
        first = max(first, 1)
        scores = {d: s for d, s in scores.items() if first <= day[d] <= last}
    return scores


# --------------------------------------------------------------------------- ranking


def top_stories(
    scores: Scores,
    data: DocData,
    *,
    by_date: bool,
    count: int | None,
) -> list[int]:
    """The best document of each of the top ``count`` stories (all when None), in order.

    Relevance order is score, then day (recent first on ties); date order is day (undated
    last), then score.  A story (near-duplicate cluster) appears once, as its best copy.
    """
    if not scores:
        return []
    day = data.day
    cluster = data.cluster
    score_of = scores.__getitem__
    primary: Callable[[int], float]
    secondary: Callable[[int], float]
    if by_date:
        primary, secondary = day.__getitem__, score_of
    else:
        primary, secondary = score_of, day.__getitem__

    def key(d: int) -> tuple[float, float, int]:
        return (primary(d), secondary(d), d)

    want = len(scores) if count is None else count
    need = want + 8
    while True:
        if need >= len(scores):
            ordered = sorted(scores, key=key, reverse=True)
            return _dedupe(ordered, cluster, want)
        candidates = heapq.nlargest(need, scores, key=primary)
        threshold = primary(candidates[-1])
        group = [d for d in scores if primary(d) >= threshold]
        group.sort(key=key, reverse=True)
        picked = _dedupe(group, cluster, want)
        if len(picked) >= want:
            return picked
        need *= 4


def _dedupe(ordered: list[int], cluster: Sequence[int], want: int) -> list[int]:
    seen: set[int] = set()
    out: list[int] = []
    for d in ordered:
        c = cluster[d]
        if c in seen:
            continue
        seen.add(c)
        out.append(d)
        if len(out) >= want:
            break
    return out


def story_extras(scores: Scores, data: DocData) -> list[int]:
    """Matching documents that are extra copies of a matching story (one copy is kept)."""
    if not data.copies:
        return []
    inside = [d for d in data.copies if d in scores]
    if not inside:
        return []
    cluster = data.cluster
    keep: dict[int, int] = {}
    for d in inside:
        keep.setdefault(cluster[d], d)
    kept = set(keep.values())
    return [d for d in inside if d not in kept]


def story_count(scores: Scores, data: DocData) -> int:
    """Stories (near-duplicate clusters) among the matching documents."""
    return len(scores) - len(story_extras(scores, data))
