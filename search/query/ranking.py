"""Which copy stands for each story of a result, and in what order: reproducibly.

A story (a cluster of near-duplicate wire copies, `search.ingest.dedup`) is shown once, as its
best-matching copy.  Copies often tie: same length, same words, same day.  Whoosh's
document numbers depend on how the index was written (which sub-writer took which
batch, how many commits, what was re-indexed), so breaking ties by document number
(`search.index.stories.top_stories`) made two clean ingests of the same files show different
copies of 4 stories in 15,766, and order tied stories differently.  Here ties are
broken by keys that depend on the store alone, which a clean ingest of the same inputs
reproduces:

- between stories, the story number (the store rowid of the story's first article,
  in ingest order; `search.index.manage.document_fields`' ``story``): lower first;
- between tied copies of one story, the copy's own store rowid, lower first (the copy
  ingested first), looked up only for the copies that tie.

Facets count each story once, with the values of the same copy (`one_copy_per_story`).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from typing import Any

from search.index.docdata import DocData
from search.index.engine import Scores
from search.store import Store

# Chooses, among tied copies of one story (document numbers), the one that stands for it.
Choose = Callable[[Sequence[int]], int]


def _keys(
    scores: Scores, data: DocData, by_date: bool
) -> tuple[Callable[[int], float], Callable[[int], tuple[float, float]]]:
    """The primary sort key and the (primary, secondary) rank of a document."""
    day = data.day
    score_of = scores.__getitem__
    if by_date:
        return day.__getitem__, lambda d: (day[d], scores[d])
    return score_of, lambda d: (scores[d], day[d])


def top_stories(
    scores: Scores, data: DocData, *, by_date: bool, count: int | None, choose: Choose
) -> list[int]:
    """The copy standing for each of the top ``count`` stories (all when None), in order.

    Relevance order is score, then day (recent first on ties); date order is day (undated
    last), then score; then the story number.  The same order as
    `search.index.stories.top_stories` except for ties, which are broken as the module says.
    """
    if not scores:
        return []
    cluster = data.cluster
    day = data.day
    primary, _rank = _keys(scores, data, by_date)
    key: Callable[[int], tuple[float, float, int]]
    if by_date:
        key = lambda d: (day[d], scores[d], -cluster[d])  # noqa: E731
    else:
        key = lambda d: (scores[d], day[d], -cluster[d])  # noqa: E731

    want = len(scores) if count is None else count
    need = want + 8
    while True:
        if need >= len(scores):
            ordered = sorted(scores, key=key, reverse=True)
            return _dedupe(ordered, key, cluster, want, choose)
        candidates = heapq.nlargest(need, scores, key=primary)
        threshold = primary(candidates[-1])
        # Every document at or above the threshold: a story's best copies are all in.
        group = [d for d in scores if primary(d) >= threshold]
        group.sort(key=key, reverse=True)
        picked = _dedupe(group, key, cluster, want, choose)
        if len(picked) >= want:
            return picked
        need *= 4


def _dedupe(
    ordered: list[int],
    key: Callable[[int], tuple[float, float, int]],
    cluster: Sequence[int],
    want: int,
    choose: Choose,
) -> list[int]:
    """The first copy of each story in ``ordered``; tied copies (adjacent: the story is
    part of the key) go to ``choose``."""
    seen: set[int] = set()
    out: list[int] = []
    i = 0
    n = len(ordered)
    while i < n and len(out) < want:
        d = ordered[i]
        story = cluster[d]
        if story in seen:
            i += 1
            continue
        seen.add(story)
        j = i + 1
        if j < n and cluster[ordered[j]] == story:
            first = key(d)
            while j < n and cluster[ordered[j]] == story and key(ordered[j]) == first:
                j += 1
        out.append(d if j == i + 1 else choose(ordered[i:j]))
        i = j
    return out


def one_copy_per_story(scores: Scores, data: DocData, *, by_date: bool, choose: Choose) -> Scores:
    """``scores`` without the matching copies that do not stand for their story.

    The copy kept is the one `top_stories` shows, so facets (`search.index.facets.facet_counts`
    counts each story with one of its matching copies) do not depend on document numbers.
    """
    if not data.copies:
        return scores
    inside = [d for d in data.copies if d in scores]
    if not inside:
        return scores
    _primary, rank = _keys(scores, data, by_date)
    cluster = data.cluster
    best: dict[int, tuple[tuple[float, float], list[int]]] = {}
    for d in inside:
        here = rank(d)
        found = best.get(cluster[d])
        if found is None or here > found[0]:
            best[cluster[d]] = (here, [d])
        elif here == found[0]:
            found[1].append(d)
    kept = {docs[0] if len(docs) == 1 else choose(docs) for _rank, docs in best.values()}
    dropped = [d for d in inside if d not in kept]
    if not dropped:
        return scores
    trimmed = dict(scores)
    for d in dropped:
        del trimmed[d]
    return trimmed


def by_ingest_order(searcher: Any, store: Store) -> Choose:
    """A `Choose` that keeps the copy stored first (lowest store rowid; then lowest id).

    Reads the stored ids of the tied documents only, and their rowids in one query.
    """

    def choose(docs: Sequence[int]) -> int:
        ids = {d: str(searcher.stored_fields(d).get("id", "")) for d in docs}
        marks = ",".join("?" * len(ids))
        rowids = dict(
            store.conn.execute(
                f"SELECT id, rowid FROM articles WHERE id IN ({marks})", list(ids.values())
            ).fetchall()
        )
        missing = 1 << 62  # indexed but gone from the store: after every stored copy
        return min(docs, key=lambda d: (rowids.get(ids[d], missing), ids[d]))

    return choose
