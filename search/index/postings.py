"""A term's postings over the whole index, and the positions phrase matching reads.

The postings are read from Whoosh's on-disk blocks by
`search.index.whoosh_private.read_postings`; phrase matching decodes the positions of
all candidate documents at once (`position_keys`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, islice, repeat
from operator import add, floordiv

from search.index.fastindex import POSITION_BYTES
from search.index.fastindex import decode_positions as fast_decode_positions
from search.index.whoosh_private import position_deltas


@dataclass(slots=True)
class Postings:
    """One term's postings over the whole index (global document numbers, ascending)."""

    ids: list[int]
    weights: Sequence[float] | None  # None: every weight is 1.0
    values: list[bytes] | None  # encoded positions, when asked for


def position_keys(fast: bool, docs: list[int], values: list[bytes], shift: int) -> Iterable[int]:
    """``(document << 32) + position - shift`` for every position of these postings."""
    if fast:
        # One decode for all postings, and every step a C loop: the positions, each
        # document's key base repeated once per position it has, added pairwise.
        flat = fast_decode_positions(b"".join(values))
        counts = map(floordiv, map(len, values), repeat(POSITION_BYTES))
        bases = [(d << 32) - shift for d in docs]
        return map(add, flat, chain.from_iterable(map(repeat, bases, counts)))
    # (accumulate() yields its initial value first: islice drops it.)
    return chain.from_iterable(
        islice(accumulate(ds, initial=(d << 32) - shift), 1, None)
        for d, ds in zip(docs, position_deltas(values), strict=True)
    )


def positions_by_doc(fast: bool, docs: list[int], values: list[bytes]) -> dict[int, list[int]]:
    """Each document's positions."""
    if fast:
        return {d: fast_decode_positions(v).tolist() for d, v in zip(docs, values, strict=True)}
    return {d: list(accumulate(ds)) for d, ds in zip(docs, position_deltas(values), strict=True)}
