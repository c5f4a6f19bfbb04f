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
from itertools import chain, groupby, pairwise
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
        for key, docnums, weights, values, ends, ordered in self._terms_in_order():
            yield from _expand(key, docnums, weights, values, ends, ordered)

    def write_postings(self, fieldwriter: Any, schema: Any, lengths: Any) -> None:
        """Write every posting to a segment's field writer: what Whoosh's
        ``fieldwriter.add_postings(schema, lengths, self.iter_postings())`` writes, a term
        at a time into postings writers that take a term in bulk (`search.index.fastindex.
        FastPostingsWriter.add_postings`), not a Python call per posting (issue #12)."""
        lastfield: str | None = None
        postings: Any = None
        table: list[int | None] | None = None
        for key, docnums, weights, values, ends, ordered in self._terms_in_order():
            fieldname, tbytes = key
            if fieldname != lastfield:
                if lastfield is not None:
                    fieldwriter.finish_field()
                fieldwriter.start_field(fieldname, schema[fieldname])
                postings = wp.field_postings_writer(fieldwriter)
                table = _field_lengths(lengths, fieldname)
                lastfield = fieldname
            fieldwriter.start_term(tbytes)
            vals = _split(values, ends) if values is not None and ends is not None else None
            if not ordered:
                order = sorted(range(len(docnums)), key=docnums.__getitem__)
                docnums = array("I", [docnums[i] for i in order])
                weights = array("f", [weights[i] for i in order])
                vals = [vals[i] for i in order] if vals is not None else None
            lens = [table[d] for d in docnums] if table is not None else None
            if hasattr(postings, "add_postings"):
                postings.add_postings(docnums, weights, vals, lens)
            else:  # another codec's postings writer: one posting at a time, as Whoosh does
                for i, docnum in enumerate(docnums):
                    fieldwriter.add(docnum, weights[i], vals[i] if vals is not None else b"",
                                    lens[i] if lens is not None else 0)  # fmt: skip
            fieldwriter.finish_term()
        if lastfield is not None:
            fieldwriter.finish_field()

    def _terms_in_order(self) -> Iterator[_Merged]:
        """Each term's postings as arrays, in term order (document order within a term
        unless ``ordered`` is false), from memory or merged from the spilled runs."""
        if not self.runs:
            for key in sorted(self._terms):
                term = self._terms[key]
                yield key, term.docnums, term.weights, term.values, term.ends, term.ordered
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
            yield key, docnums, weights, values, ends, ordered


# A term's postings as `CompactPool._terms_in_order` yields them: (key, docnums, weights,
# values or None, value ends or None, ordered).
_Merged = tuple[
    tuple[str, bytes], "array[int]", "array[float]", bytearray | None, "array[int] | None", bool
]


def _split(values: bytearray | bytes, ends: array[int]) -> list[bytes]:
    """The values concatenated in ``values``, cut at ``ends``."""
    data = bytes(values)
    return [data[start:end] for start, end in pairwise(chain((0,), ends))]


def _field_lengths(lengths: Any, fieldname: str) -> list[int | None] | None:
    """Each document's length of ``fieldname`` as Whoosh's ``add_postings`` asks it of
    ``lengths`` (a per-document reader, or None), read once per field: None when every
    one is 0 (a field without lengths)."""
    if lengths is None:
        return None
    table = [lengths.doc_field_length(d, fieldname) for d in range(lengths.doc_count_all())]
    return table if any(table) else None


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
    """Whoosh's ``SegmentWriter`` with a `CompactPool`, whose postings it writes a term at
    a time (`CompactPool.write_postings`)."""

    pool: CompactPool

    def __init__(self, ix: Any, limitmb: int = 128, **kwargs: Any) -> None:
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = CompactPool(wp.temp_storage(self), self.newsegment, limitmb=limitmb)

    # Overrides Whoosh's private ``SegmentWriter._flush_segment`` (see
    # `search.index.whoosh_private`).
    def _flush_segment(self) -> None:
        wp.flush_segment(self, self.pool.write_postings)
