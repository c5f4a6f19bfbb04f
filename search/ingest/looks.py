"""What the store holds already of the articles an ingest reads: the same article (by its
id, or a copy's id merged into it), the same text (an exact copy), and near-duplicates
(wire copies of one story, found by their sketches' bands).

The ingest looks these up for a chunk of read articles at once (`Looks.take`): one query
for the ids and texts and one for the bands, where asking article by article costs two
round trips each to a team store's server, and each round trip waits for everything the
ingest sent before it.  An article is stored later than it was looked up (up to
`search.ingest.extraction.IN_FLIGHT` articles later with the extraction worker, or after
the others of its chunk): its look still holds unless an article of its id or text was
stored since (`Looks.holds`), and its near-duplicate candidates are those of the look
plus the articles stored since that share a band (`Looks.near`).  A look from an earlier
transaction never holds: other analysts may have written in between.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from search.ingest import dedup
from search.model import RawArticle
from search.store import Store, sharing_bands

# Articles looked up at once; it divides the store's batch (`search.ingest.pipeline.BATCH`)
# so that a chunk rarely spans a commit, after which its looks no longer hold.
LOOK_CHUNK = 25

# A stored article a near-duplicate is compared with: ``(rowid, sketch, date, cluster)``.
NearRow = tuple[int, bytes | None, str | None, int]


@dataclass(slots=True)
class Candidate:
    """A read article, normalised, with what its look found."""

    raw: RawArticle
    title: str
    body: str
    chash: str
    article_id: str
    existing: Any = None  # the stored article of its id (it replaces it), as looked up
    twin: Any = None  # the stored article of its text, as looked up
    seen_at: tuple[int, int] = (-1, -1)  # `Looks.moment` of the look
    # Its sketch and bands (`search.ingest.dedup`), made when the look found it is to be
    # written (False: not made; an article stored as it is needs none).
    signature: bytes | None | Literal[False] = False
    bands: tuple[int, ...] = ()
    near: dict[int, NearRow] | None = None  # by rowid, as looked up with its bands
    waits_on: tuple[str, ...] = ()  # its keys while it waits to be stored

    def keys(self) -> tuple[str, ...]:
        """What decides its look: its id, its text, the text it replaces."""
        replaced = () if self.existing is None else (str(self.existing.content_hash),)
        return (self.article_id, self.chash, *replaced)


def read_candidate(raw: RawArticle) -> Candidate:
    """``raw`` with its text normalised (NFC, stripped) and its id."""
    title = _clean(raw.title or "")
    body = _clean(raw.body)
    chash = dedup.content_hash(title, body)
    return Candidate(raw, title, body, chash, raw.source_id or f"h-{chash[:20]}")


def to_write(candidate: Candidate) -> bool:
    """Whether its look says ``candidate`` is to be written: not stored as it is, and not
    a copy of a stored article's text (`search.ingest.pipeline._triage`)."""
    if candidate.existing is not None:
        return bool(candidate.existing.content_hash != candidate.chash)
    return candidate.twin is None


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


class Looks:
    """The looks of one ingest run, and what it stored since each (within a transaction).

    ``moment`` is ``(transaction, stored)``: which store transaction of the run this is,
    and how many articles and copies it stored so far (the caller's count).
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        # Keys (`Candidate.keys`) of what was stored in this transaction: the count after.
        self._keys: dict[str, int] = {}
        # Articles stored in this transaction by their bands: ``(count after, row)``.
        self._bands: dict[tuple[int, int], list[tuple[int, NearRow]]] = {}
        self._replaced = 0  # the count after the last article replaced (its bands changed)

    def take(self, candidates: Sequence[Candidate], moment: tuple[int, int]) -> None:
        """Look ``candidates`` up, all at once."""
        found = self.store.find_for_ingest_many([(c.article_id, c.chash) for c in candidates])
        new: list[Candidate] = []
        for candidate, (existing, twin) in zip(candidates, found, strict=True):
            candidate.existing, candidate.twin, candidate.seen_at = existing, twin, moment
            if to_write(candidate):
                candidate.signature = signature = dedup.sketch(candidate.body)
                candidate.bands = tuple(dedup.bands(signature)) if signature else ()
                new.append(candidate)
        near = self.store.sketch_candidates_many([c.bands for c in new if c.bands])
        for candidate in new:
            candidate.near = dict(sharing_bands(near, candidate.bands))

    def holds(self, candidate: Candidate, moment: tuple[int, int]) -> bool:
        """Whether ``candidate``'s look of its id and text holds at ``moment``."""
        transaction, seen = candidate.seen_at
        return transaction == moment[0] and all(
            self._keys.get(key, 0) <= seen for key in candidate.keys()
        )

    def near(self, candidate: Candidate, moment: tuple[int, int]) -> list[NearRow] | None:
        """The stored articles sharing a band with ``candidate`` at ``moment``, or None
        when its look no longer tells (another transaction; an article replaced since)."""
        transaction, seen = candidate.seen_at
        if candidate.near is None or transaction != moment[0] or self._replaced > seen:
            return None
        rows = dict(candidate.near)
        for band, value in enumerate(candidate.bands):
            for count, row in self._bands.get((band, value), ()):
                if count > seen:
                    rows[row[0]] = row
        return list(rows.values())

    def stored(
        self,
        before: tuple[int, int],
        after: tuple[int, int],
        candidate: Candidate,
        row: NearRow | None = None,
        bands: Sequence[int] = (),
        *,
        replaced: bool = False,
    ) -> None:
        """Note what storing ``candidate`` did between the moments ``before`` and
        ``after``: nothing, a copy merged, a new article (``row``, with its ``bands``) or
        a replaced one."""
        if after == before:
            return
        count = after[1]
        for key in candidate.keys():
            self._keys[key] = count
        if replaced:
            self._replaced = count
        elif row is not None:
            for band, value in enumerate(bands):
                self._bands.setdefault((band, value), []).append((count, row))

    def committed(self) -> None:
        """A transaction ended: nothing looked up in it holds any more."""
        self._keys.clear()
        self._bands.clear()
        self._replaced = 0
