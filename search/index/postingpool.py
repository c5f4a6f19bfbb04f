"""A compact posting pool for Whoosh's segment writer.

Whoosh's ``PostingPool`` keeps every posting as a Python tuple ``(field, term, docnum,
weight, value)`` (about 200 bytes each), sorts them, spills a sorted run to disk each
time it holds ``limitmb`` of them, and at commit merges the runs posting by posting
through a Python heap.  At 100,000 news articles (25 million postings) that merge is
most of the indexing time, and the tuples most of its memory.

`CompactPool` keeps one entry per term instead: the document numbers (``array('I')``),
weights (``array('f')``, the precision Whoosh's postings writer stores them in) and the
encoded values concatenated in one ``bytearray`` with their end offsets: about 12
bytes per posting plus the value itself.  Documents reach a writer in increasing
document number order, so a term's postings are already sorted; a spilled run is
the terms in order with their arrays, and merging runs is a merge over terms (not
postings) that concatenates arrays.  It yields exactly the postings, in exactly the
order, that ``PostingPool`` yields (tested against it).
"""

from __future__ import annotations

import heapq
import pickle
from array import array
from collections.abc import Iterator
from itertools import groupby
from typing import Any

from whoosh.writing import SegmentWriter

from search.index import whoosh_private as wp

Posting = tuple[str, bytes, int, float, bytes | None]
# (key, docnums, weights, values or None, value ends or None, ordered) in a run file.
_Entry = tuple[tuple[str, bytes], bytes, bytes, bytes | None, bytes | None, bool]

# Bytes of Python bookkeeping per term (dict slot, key tuple, list, three arrays).
_TERM_OVERHEAD = 400
_POSTING_BYTES = 12  # docnum + weight + value end


class _Term:
    __slots__ = ("docnums", "weights", "values", "ends", "ordered")

    def __init__(self, with_values: bool) -> None:
        self.ordered = True  # document numbers arrived in increasing order
        self.docnums = array("I")
        self.weights = array("f")
        self.values: bytearray | None = bytearray() if with_values else None
        self.ends: array[int] | None = array("I") if with_values else None


class CompactPool:
    """Drop-in replacement for a ``SegmentWriter``'s ``PostingPool`` (see module doc).

    Supports what a segment writer and a multi-segment ``MpWriter`` use: ``add``,
    ``iter_postings``, ``save``, ``cleanup`` and ``fieldnames``; not the run handover
    of a merging ``MpWriter`` (``reduce_to``), which briefroom does not use.
    """

    def __init__(self, tempstore: Any, segment: Any, limitmb: int = 128) -> None:
        self.tempstore = tempstore
        self.segment = segment
        self.limit = limitmb * 1024 * 1024
        self.fieldnames: set[str] = set()
        self.runs: list[str] = []
        self._terms: dict[tuple[str, bytes], _Term] = {}
        self._size = 0
        self._serial = 0

    def add(self, item: Posting) -> None:
        """Add one posting ``(fieldname, term bytes, docnum, weight, value bytes)``."""
        fieldname, tbytes, docnum, weight, vbytes = item
        key = (fieldname, tbytes)
        term = self._terms.get(key)
        if term is None:
            term = self._terms[key] = _Term(vbytes is not None)
            self.fieldnames.add(fieldname)
            self._size += _TERM_OVERHEAD + len(tbytes)
        elif docnum <= term.docnums[-1]:
            # Only a merge policy adding an older segment's postings does this.
            term.ordered = False
        term.docnums.append(docnum)
        term.weights.append(weight)
        # A value-less format's postings come as b"" from a document and as None from a
        # merged segment (Whoosh writes both as b""): one stands for the other.
        if term.values is not None:
            if vbytes is None:
                vbytes = b""
            term.values += vbytes
            term.ends.append(len(term.values))  # type: ignore[union-attr]  # set with values
            self._size += _POSTING_BYTES + len(vbytes)
        elif vbytes:
            raise ValueError(f"{fieldname}: a posting with a value among value-less ones")
        else:
            self._size += _POSTING_BYTES
        if self._size > self.limit:
            self.save()

    # ------------------------------------------------------------------ runs

    def save(self) -> None:
        """Spill the terms held in memory to a run file, in term order."""
        if not self._terms:
            return
        self._serial += 1
        name = f"{self.segment.segment_id()}_{self._serial}.cpool"
        with self.tempstore.create_file(name).raw_file() as f:
            for key in sorted(self._terms):
                term = self._terms[key]
                entry: _Entry = (
                    key,
                    term.docnums.tobytes(),
                    term.weights.tobytes(),
                    bytes(term.values) if term.values is not None else None,
                    term.ends.tobytes() if term.ends is not None else None,
                    term.ordered,
                )
                pickle.dump(entry, f, 5)
        self.runs.append(name)
        self._terms = {}
        self._size = 0

    def _read_run(self, name: str) -> Iterator[_Entry]:
        with self.tempstore.open_file(name).raw_file() as f:
            while True:
                try:
                    yield pickle.load(f)
                except EOFError:
                    return

    def cleanup(self) -> None:
        """Delete the run files."""
        for name in self.runs:
            try:
                self.tempstore.delete_file(name)
            except OSError:
                pass
        self.runs = []

    # ------------------------------------------------------------------ output

    def iter_postings(self) -> Iterator[Posting]:
        """Every posting, ordered by field, term and document number."""
        if not self.runs:
            for key in sorted(self._terms):
                term = self._terms[key]
                yield from _expand(key, term.docnums, term.weights, term.values, term.ends,
                                   term.ordered)  # fmt: skip
            return
        self.save()
        # heapq.merge is stable: a term's entries come in run order, which is document
        # order because runs are written as documents arrive.
        merged = heapq.merge(*(self._read_run(n) for n in self.runs), key=lambda e: e[0])
        for key, entries in groupby(merged, key=lambda e: e[0]):
            docnums, weights = array("I"), array("f")
            values: bytearray | None = None
            ends: array[int] | None = None
            ordered = True
            for _key, ids, ws, vals, stops, in_order in entries:
                last = docnums[-1] if docnums else -1
                before = len(docnums)
                docnums.frombytes(ids)
                ordered = ordered and in_order and docnums[before] > last
                weights.frombytes(ws)
                if vals is not None and stops is not None:
                    if values is None:  # earlier runs had value-less postings: empty ones
                        values, ends = bytearray(), array("I", [0]) * before
                    shift = len(values)
                    values += vals
                    part = array("I")
                    part.frombytes(stops)
                    ends.extend(e + shift for e in part)  # type: ignore[union-attr]  # set with values
                elif values is not None and ends is not None:
                    ends.extend([len(values)] * (len(docnums) - before))
            yield from _expand(key, docnums, weights, values, ends, ordered)


def _expand(
    key: tuple[str, bytes],
    docnums: array[int],
    weights: array[float],
    values: bytearray | bytes | None,
    ends: array[int] | None,
    ordered: bool,
) -> Iterator[Posting]:
    """One term's postings as Whoosh's pool items, sorted by document number."""
    fieldname, tbytes = key
    order: Any = range(len(docnums))
    if not ordered:
        order = sorted(order, key=docnums.__getitem__)
    if values is None or ends is None:
        for i in order:
            yield (fieldname, tbytes, docnums[i], weights[i], None)
        return
    data = bytes(values)
    for i in order:
        start = ends[i - 1] if i else 0
        yield (fieldname, tbytes, docnums[i], weights[i], data[start : ends[i]])


class CompactSegmentWriter(SegmentWriter):  # type: ignore[misc]  # untyped Whoosh base class
    """Whoosh's ``SegmentWriter`` with a `CompactPool`."""

    def __init__(self, ix: Any, limitmb: int = 128, **kwargs: Any) -> None:
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = CompactPool(wp.temp_storage(self), self.newsegment, limitmb=limitmb)
