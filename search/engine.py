"""Fast evaluation of parsed queries over the segments of a Whoosh index.

Whoosh's own search path walks posting lists one posting at a time through a tree of
Python matcher objects, asks a scorer object for every posting's score, and collects
facets with more per-document Python calls (``groupedby`` with ``allow_overlap`` reads
each document's terms back from the index).  On 100,000 news articles that puts a plain
word search at 60-150 ms before any facet or snippet is made.

This module reads the same on-disk postings a block at a time (one ``pickle`` load per
128 postings, and a ``zlib`` call for blocks big enough to be compressed; the blocks
are written by `search.fastindex.FastCodec`) and then works on whole lists:
document numbers are rebuilt with ``itertools.accumulate``, BM25F scores are computed
in one comprehension per term from a per-document length byte, and ``AND``/``OR``/
``NOT`` become dictionary and set operations.  Per-document values that ranking,
filters, collapsing and facets need (day, cluster, publisher, countries) are
read once per segment from Whoosh columns and cached (they are immutable: a segment
never changes; deletions are tracked by count).  Scores are Whoosh's BM25F (same
``B``, ``K1``, IDF and field boosts), so rankings agree with Whoosh's.  Phrases are
matched on the positions of all candidate documents at once (`_position_keys`), and
facet data is loaded from a file saved beside each segment when it was written
(`save_facets`), so the first search after opening an index does not build it.

Query node types this module does not know are evaluated with Whoosh's own matchers,
so every query Whoosh can run still runs.
"""

from __future__ import annotations

import heapq
import io
import pickle
import struct
import sys
import threading
import zlib
from array import array
from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, compress, islice, repeat
from math import log
from operator import add, floordiv
from typing import Any

from whoosh import query as wq
from whoosh.util.numeric import byte_to_length

from search.fastindex import POSITION_BYTES, FastPositions
from search.fastindex import decode_positions as fast_decode_positions

# BM25F parameters: Whoosh's defaults (`whoosh.scoring.BM25F`).
B = 0.75
K1 = 1.2
# A prefix or wildcard expands to at most this many index terms (the most frequent).
MAX_EXPANSION = 256
_INT = struct.Struct("!i")
_LENGTH_TABLE = [byte_to_length(i) for i in range(256)]

Scores = dict[int, float]


def _posting_magic() -> bytes:
    from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC

    return bytes(WHOOSH3_HEADER_MAGIC)


# The tag that starts every on-disk posting list.
_MAGIC = _posting_magic()


class Unsupported(Exception):
    """The index is not laid out as this module expects (another codec or schema)."""


# --------------------------------------------------------------------------- per-doc data


@dataclass(frozen=True, slots=True)
class DocData:
    """Per-document values of the whole index, by global document number.

    Attributes:
        count: Documents in the index, deleted ones included (Whoosh's ``doc_count_all``).
        live: Document numbers that are not deleted, ascending.
        deleted: Deleted document numbers.
        day: ``YYYYMMDD`` per document, 0 when undated.
        cluster: Story (near-duplicate cluster) per document.
        publisher: Source name per document (UTF-8; ``b""`` when unknown).
        countries: Comma-separated ISO codes per document (UTF-8).
        copies: Documents that share their story with another document, ascending
            (usually few: most stories have one copy).
    """

    count: int
    live: Sequence[int]
    deleted: frozenset[int]
    day: Sequence[int]
    cluster: Sequence[int]
    publisher: Sequence[bytes]
    countries: Sequence[bytes]
    copies: Sequence[int]


_CACHE_LOCK = threading.Lock()
_SEGMENT_CACHE: dict[tuple[str, int], DocData] = {}
_INDEX_CACHE: dict[tuple[tuple[str, int], ...], DocData] = {}
_LENGTH_CACHE: dict[tuple[str, str], bytes] = {}
_CACHE_SEGMENTS = 64
_BIG_ENDIAN = struct.pack("=H", 1) == struct.pack("!H", 1)


def _segment_key(reader: Any) -> tuple[str, int]:
    segment = reader.segment()
    return (segment.segment_id(), segment.deleted_count())


def _numeric_column(reader: Any, fieldname: str, typecode: str, count: int) -> list[int]:
    """A NumericColumn as a list (one bulk read; Whoosh writes it big-endian)."""
    from array import array

    from whoosh.columns import NumericColumn

    perdoc = reader._perdoc
    if not perdoc.has_column(fieldname):
        return [0] * count
    column = perdoc.column_reader(fieldname, NumericColumn(typecode, default=0))
    rows = getattr(column, "_count", None)
    dbfile = getattr(column, "_dbfile", None)
    basepos = getattr(column, "_basepos", None)
    if rows is None or dbfile is None or basepos is None:
        return [column[i] for i in range(count)]
    values = array(typecode)
    values.frombytes(dbfile.get(basepos, rows * values.itemsize))
    if not _BIG_ENDIAN:
        values.byteswap()
    out = values.tolist()
    if len(out) < count:
        out.extend([0] * (count - len(out)))
    return out[:count]


def _bytes_column(reader: Any, fieldname: str, count: int) -> list[bytes]:
    """A VarBytesColumn of newline-terminated values as a list (one read, one split)."""
    from whoosh.columns import VarBytesColumn

    perdoc = reader._perdoc
    if not perdoc.has_column(fieldname):
        return [b""] * count
    column = perdoc.column_reader(fieldname, VarBytesColumn())
    lengths = getattr(column, "_lengths", None)
    offsets = getattr(column, "_offsets", None)
    dbfile = getattr(column, "_dbfile", None)
    basepos = getattr(column, "_basepos", None)
    if lengths is None or offsets is None or dbfile is None or basepos is None:
        values = [column[i] for i in range(count)]
    else:
        total = (offsets[-1] + lengths[-1]) if len(lengths) else 0
        blob = dbfile.get(basepos, total)
        if len(lengths) == count and blob.count(b"\n") == count and blob.endswith(b"\n"):
            values = blob.split(b"\n")
            values.pop()
            return values
        values = [blob[o : o + n] for o, n in zip(offsets, lengths, strict=False)]
    values = [v[:-1] if v.endswith(b"\n") else v for v in values]
    if len(values) < count:
        values.extend([b""] * (count - len(values)))
    return values[:count]


def _length_bytes(reader: Any, fieldname: str, count: int) -> bytes:
    """Whoosh's one-byte length per document of a scorable field."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN

    name = f"_{fieldname}_len"
    perdoc = reader._perdoc
    if not perdoc.has_column(name):
        return bytes(count)
    column = perdoc.column_reader(name, LENGTHS_COLUMN)
    rows = getattr(column, "_count", None)
    dbfile = getattr(column, "_dbfile", None)
    basepos = getattr(column, "_basepos", None)
    if rows is None or dbfile is None or basepos is None:
        raw = bytes(column[i] for i in range(count))
    else:
        raw = dbfile.get(basepos, rows)
    if len(raw) < count:
        raw += bytes(count - len(raw))
    return raw[:count]


def _load_segment(reader: Any) -> DocData:
    count = reader.doc_count_all()
    deleted: frozenset[int] = frozenset()
    if reader.has_deletions():
        found = reader.segment().deleted_docs()
        if found is None:
            found = [d for d in range(count) if reader.is_deleted(d)]
        deleted = frozenset(found)
    day = _numeric_column(reader, "day", "i", count)
    live: Sequence[int] = (
        range(count) if not deleted else [d for d in range(count) if d not in deleted]
    )
    return DocData(
        count=count,
        live=live,
        deleted=deleted,
        day=day,
        cluster=_numeric_column(reader, "story", "q", count),
        publisher=_bytes_column(reader, "publisher", count),
        countries=_bytes_column(reader, "country_set", count),
        copies=(),
    )


def _with_copies(data: DocData) -> DocData:
    """``data`` with `DocData.copies` filled in (live documents of multi-copy stories)."""
    cluster = data.cluster
    if len(set(cluster)) == len(cluster):
        return data  # every document is a story of its own
    sizes = Counter(cluster)
    shared = {c for c, n in sizes.items() if n > 1}
    copies = list(compress(range(len(cluster)), map(shared.__contains__, cluster)))
    if data.deleted:
        alive = Counter(cluster[d] for d in copies if d not in data.deleted)
        copies = [d for d in copies if d not in data.deleted and alive[cluster[d]] > 1]
    return DocData(data.count, data.live, data.deleted, data.day, data.cluster, data.publisher,
                   data.countries, copies)  # fmt: skip


def doc_data(searcher: Any) -> DocData:
    """The per-document values of the index behind ``searcher``.

    Cached per segment (a segment never changes; its deletions are part of the key), so
    only the first search after opening an index, or after an ingest added a segment,
    reads columns.
    """
    leaves = _leaves(searcher)
    keys = tuple(_segment_key(r) for r, _ in leaves)
    with _CACHE_LOCK:
        cached = _INDEX_CACHE.get(keys)
    if cached is not None:
        return cached
    parts = []
    for (reader, _offset), key in zip(leaves, keys, strict=True):
        with _CACHE_LOCK:
            part = _SEGMENT_CACHE.get(key)
        if part is None:
            part = _load_segment(reader)
            with _CACHE_LOCK:
                if len(_SEGMENT_CACHE) >= _CACHE_SEGMENTS:
                    _SEGMENT_CACHE.clear()
                _SEGMENT_CACHE[key] = part
        parts.append(part)
    data = _with_copies(parts[0] if len(parts) == 1 else _combine(leaves, parts))
    with _CACHE_LOCK:
        if len(_INDEX_CACHE) >= 4:
            _INDEX_CACHE.clear()
        _INDEX_CACHE[keys] = data
    return data


def _combine(leaves: list[tuple[Any, int]], parts: list[DocData]) -> DocData:
    day: list[int] = []
    cluster: list[int] = []
    publisher: list[bytes] = []
    countries: list[bytes] = []
    deleted_all: set[int] = set()
    for (_reader, offset), part in zip(leaves, parts, strict=True):
        day.extend(part.day)
        cluster.extend(part.cluster)
        publisher.extend(part.publisher)
        countries.extend(part.countries)
        deleted_all.update(offset + d for d in part.deleted)
    count = len(day)
    live = range(count) if not deleted_all else [d for d in range(count) if d not in deleted_all]
    return DocData(count, live, frozenset(deleted_all), day, cluster, publisher, countries,
                   ())  # fmt: skip


def field_lengths(searcher: Any, fieldname: str) -> bytes:
    """Length bytes of ``fieldname`` for every global document number (cached per segment)."""
    pieces = []
    for reader, _offset in _leaves(searcher):
        key = (reader.segment().segment_id(), fieldname)
        with _CACHE_LOCK:
            raw = _LENGTH_CACHE.get(key)
        if raw is None:
            raw = _length_bytes(reader, fieldname, reader.doc_count_all())
            with _CACHE_LOCK:
                if len(_LENGTH_CACHE) >= _CACHE_SEGMENTS * 4:
                    _LENGTH_CACHE.clear()
                _LENGTH_CACHE[key] = raw
        pieces.append(raw)
    return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def _leaves(searcher: Any) -> list[tuple[Any, int]]:
    return list(searcher.reader().leaf_readers())


# --------------------------------------------------------------------------- postings


@dataclass(slots=True)
class Postings:
    """One term's postings over the whole index (global document numbers, ascending)."""

    ids: list[int]
    weights: Sequence[float] | None  # None: every weight is 1.0
    values: list[bytes] | None  # encoded positions, when asked for


def _read_postings(
    terms: Any, terminfo: Any, offset: int, want_values: bool, restrict: list[int] | None
) -> tuple[list[int], list[float] | None, list[bytes] | None]:
    if terminfo.is_inlined():
        ids, weights, values = terminfo.inlined_postings()
        return (
            [offset + i for i in ids],
            list(weights),
            list(values) if want_values else None,
        )
    start, length = terminfo.extent()
    if isinstance(length, tuple):  # Whoosh's W3TermInfo.from_bytes leaves a 1-tuple
        length = length[0]
    raw = terms._postfile.get(start, length)
    if raw[:4] != _MAGIC:
        raise Unsupported("unexpected posting block header")
    stream = io.BytesIO(raw)
    pos = 4
    all_ids: list[int] = []
    all_weights: list[float] | None = []
    all_values: list[bytes] | None = [] if want_values else None
    uniform = True
    prev_max = offset - 1
    end_all = len(raw)
    while pos < end_all:
        (blen,) = _INT.unpack_from(raw, pos)
        pos += 4
        last = blen < 0
        blen = -blen if last else blen
        end = pos + blen
        stream.seek(pos)
        count, maxid, _maxweight, comp, _mnlen, _mxlen = pickle.load(stream)
        gmax = offset + maxid
        skip = False
        if restrict is not None:
            i = _bisect_left(restrict, prev_max + 1)
            skip = i >= len(restrict) or restrict[i] > gmax
        prev_max = gmax
        if not skip:
            data = raw[stream.tell() : end]
            if comp:
                data = zlib.decompress(data)
            deltas, weights, values = _load_block(data, want_values)
            ids = list(accumulate(deltas, initial=offset))
            del ids[0]
            all_ids.extend(ids)
            if weights is None:
                if not uniform:
                    all_weights.extend(repeat(1.0, count))  # type: ignore[union-attr]
            else:
                if uniform:
                    uniform = False
                    all_weights = [1.0] * (len(all_ids) - len(ids))
                if isinstance(weights, float):
                    all_weights.extend(repeat(weights, count))  # type: ignore[union-attr]
                else:
                    all_weights.extend(weights)  # type: ignore[union-attr]
            if all_values is not None:
                all_values.extend(values)
        pos = end
        if last:
            break
    return all_ids, (None if uniform else all_weights), all_values


def _load_block(data: bytes, want_values: bool) -> tuple[Any, Any, Any]:
    """A block's ``(deltas, weights, values)``; values are None unless wanted.

    Blocks are pickled in protocol 5 (`search.fastindex.FastPostingsWriter`), whose
    values load as plain bytes: unpickling the whole block is cheaper than cutting it.
    """
    deltas, weights, values = pickle.loads(data)
    return deltas, weights, (values if want_values else None)


def _bisect_left(seq: list[int], x: int) -> int:
    from bisect import bisect_left

    return bisect_left(seq, x)


_LIST_HEAD = b"\x80\x02]q\x00"


def _position_deltas(values: Sequence[bytes]) -> list[list[int]]:
    """Position deltas of many Whoosh ``Positions`` postings with one unpickling.

    Each value is ``count + pickle(deltas)`` (a list: ``PROTO 2, EMPTY_LIST, BINPUT 0,
    items, STOP``); their middles are spliced into one outer list's pickle, each
    followed by ``APPEND``.  (Title and body use `FastPositions`; this is for the
    name fields.)
    """
    if not values:
        return []
    # Whoosh writes every value the same way: checking the ends is enough (a value
    # of another shape makes the joined pickle fail or come out the wrong length).
    if all(v[4:9] == _LIST_HEAD and v[-1:] == b"." for v in (values[0], values[-1])):
        try:
            lists = pickle.loads(b"\x80\x02]" + b"a".join([v[6:-1] for v in values]) + b"a.")
        except Exception:  # not the layout expected: one by one
            lists = None
        if lists is not None and len(lists) == len(values):
            return list(lists)
    return [pickle.loads(v[4:] if v.endswith(b".") else v[4:] + b".") for v in values]


def _position_keys(fast: bool, docs: list[int], values: list[bytes], shift: int) -> Iterable[int]:
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
        for d, ds in zip(docs, _position_deltas(values), strict=True)
    )


def _positions_by_doc(fast: bool, docs: list[int], values: list[bytes]) -> dict[int, list[int]]:
    """Each document's positions."""
    if fast:
        return {d: fast_decode_positions(v).tolist() for d, v in zip(docs, values, strict=True)}
    return {d: list(accumulate(ds)) for d, ds in zip(docs, _position_deltas(values), strict=True)}


# --------------------------------------------------------------------------- evaluation


@dataclass(frozen=True, slots=True)
class Expansion:
    """A prefix or wildcard that matched more index terms than are searched."""

    pattern: str
    matched: int
    used: int


class Evaluator:
    """Evaluates a Whoosh query over one open searcher.

    Results are ``{global docnum: score}`` dicts; deleted documents are removed by
    `run`.  Not thread-safe (one per search).
    """

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.leaves = _leaves(searcher)
        self.data = doc_data(searcher)
        self.schema = searcher.schema
        self.doc_count_all = searcher.doc_count_all()
        self._terminfos: dict[tuple[str, bytes], list[tuple[Any, Any, int]]] = {}
        self._df: dict[tuple[str, bytes], int] = {}
        self._tables: dict[str, tuple[list[float], bytes] | None] = {}
        self.expansions: list[Expansion] = []
        self.terms: list[tuple[str, bytes]] = []  # positive terms matched (for highlighting)

    # ------------------------------------------------------------------ terms

    def _infos(self, fieldname: str, btext: bytes) -> list[tuple[Any, Any, int]]:
        key = (fieldname, btext)
        found = self._terminfos.get(key)
        if found is None:
            found = []
            df = 0
            for reader, offset in self.leaves:
                terms = getattr(reader, "_terms", None)
                if terms is None:
                    raise Unsupported("reader without a terms table")
                try:
                    info = terms.term_info(fieldname, btext)
                except Exception:  # TermNotFound, or a field this segment lacks
                    continue
                found.append((terms, info, offset))
                df += info.doc_frequency()
            self._terminfos[key] = found
            self._df[key] = df
        return found

    def doc_frequency(self, fieldname: str, btext: bytes) -> int:
        """Documents containing the term (deleted ones included, as Whoosh counts)."""
        self._infos(fieldname, btext)
        return self._df[(fieldname, btext)]

    def postings(
        self,
        fieldname: str,
        btext: bytes,
        *,
        want_values: bool = False,
        restrict: list[int] | None = None,
    ) -> Postings:
        """The postings of one term (restricted to blocks that may hold ``restrict``)."""
        ids: list[int] = []
        weights: list[float] | None = None
        values: list[bytes] | None = [] if want_values else None
        uniform = True
        for terms, info, offset in self._infos(fieldname, btext):
            i, w, v = _read_postings(terms, info, offset, want_values, restrict)
            if w is not None and uniform:
                uniform = False
                weights = [1.0] * len(ids)
            if not uniform:
                weights.extend(w if w is not None else repeat(1.0, len(i)))  # type: ignore[union-attr]
            ids.extend(i)
            if values is not None and v is not None:
                values.extend(v)
        return Postings(ids, weights, values)

    def _bm25_table(self, fieldname: str) -> tuple[list[float], bytes] | None:
        """``K1 * (1 - B + B * length / average)`` per length byte, and the length bytes."""
        if fieldname in self._tables:
            return self._tables[fieldname]
        field = self.schema[fieldname] if fieldname in self.schema else None
        table: tuple[list[float], bytes] | None = None
        if field is not None and field.scorable:
            average = self.searcher.avg_field_length(fieldname) or 1.0
            norms = [K1 * ((1 - B) + B * length / average) for length in _LENGTH_TABLE]
            table = (norms, field_lengths(self.searcher, fieldname))
        self._tables[fieldname] = table
        return table

    def idf(self, fieldname: str, btext: bytes) -> float:
        """Whoosh's IDF: ``log(N / (df + 1)) + 1``."""
        return log(self.doc_count_all / (self.doc_frequency(fieldname, btext) + 1)) + 1

    def term_scores(
        self, fieldname: str, btext: bytes, boost: float = 1.0, restrict: list[int] | None = None
    ) -> Scores:
        """BM25F scores of the documents containing one term."""
        postings = self.postings(fieldname, btext, restrict=restrict)
        if not postings.ids:
            return {}
        self.terms.append((fieldname, btext))
        return self._score(fieldname, btext, postings.ids, postings.weights, boost)

    def _score(self, fieldname: str, btext: bytes, ids: list[int],
               weights: Sequence[float] | None, boost: float) -> Scores:  # fmt: skip
        table = self._bm25_table(fieldname)
        if table is None:  # not scorable (keywords): Whoosh scores the weight
            if weights is None:
                return dict.fromkeys(ids, 1.0 * boost)
            return {d: w * boost for d, w in zip(ids, weights, strict=True)}
        norms, lengths = table
        c = self.idf(fieldname, btext) * (K1 + 1) * boost
        if weights is None:
            # tf = 1: c * 1 / (1 + norm)
            inverse = [c / (1.0 + n) for n in norms]
            return {d: inverse[lengths[d]] for d in ids}
        return {d: c * w / (w + norms[lengths[d]]) for d, w in zip(ids, weights, strict=True)}

    # ------------------------------------------------------------------ queries

    def estimate(self, q: Any) -> int:
        """A rough count of the documents ``q`` matches (to order intersections)."""
        kind = type(q)
        if kind is wq.Term:
            btext = self._btext(q)
            return self.doc_frequency(q.fieldname, btext) if btext is not None else 0
        if kind is wq.Phrase:
            sizes = [self.estimate(wq.Term(q.fieldname, w)) for w in q.words]
            return min(sizes) if sizes else 0
        if kind is wq.And:
            sizes = [self.estimate(s) for s in q.subqueries if not isinstance(s, wq.Not)]
            return min(sizes) if sizes else self.data.count
        if kind is wq.Or:
            return min(self.data.count, sum(self.estimate(s) for s in q.subqueries))
        if kind in (wq.AndNot, wq.Require, wq.AndMaybe):
            return self.estimate(q.a)
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return 0
        return self.data.count

    def _btext(self, q: Any) -> bytes | None:
        if q.fieldname not in self.schema:
            return None
        try:
            return bytes(self.schema[q.fieldname].to_bytes(q.text))
        except Exception:  # a value the field cannot hold
            return None

    def evaluate(self, q: Any, restrict: list[int] | None = None) -> Scores:
        """Scores of the documents matching ``q`` (only among ``restrict`` if given)."""
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return {}
        kind = type(q)
        if kind is wq.Term:
            btext = self._btext(q)
            if btext is None:
                return {}
            return self.term_scores(q.fieldname, btext, q.boost, restrict)
        if kind is wq.And:
            return self._and(q, restrict)
        if kind is wq.Or:
            return self._or([self.evaluate(s, restrict) for s in q.subqueries], q.boost)
        if kind is wq.Phrase:
            return self._phrase(q, restrict)
        if kind is wq.Every:
            return self._every(restrict, q.boost)
        if kind is wq.Not:
            mark = len(self.terms)
            excluded = self.evaluate(q.query, restrict)
            del self.terms[mark:]
            universe = self._every(restrict, 0.0)
            for d in excluded:
                universe.pop(d, None)
            return universe
        if kind is wq.AndNot:
            positive = self.evaluate(q.a, restrict)
            if not positive:
                return positive
            mark = len(self.terms)
            negative = self.evaluate(q.b, self._scope(positive, q.b))
            del self.terms[mark:]
            return {d: s for d, s in positive.items() if d not in negative}
        if kind is wq.AndMaybe:
            required = self.evaluate(q.a, restrict)
            if not required:
                return required
            optional = self.evaluate(q.b, self._scope(required, q.b))
            return {d: s + optional.get(d, 0.0) for d, s in required.items()}
        if kind is wq.Require:
            required = self.evaluate(q.a, restrict)
            if not required:
                return required
            scope = self.evaluate(q.b, self._scope(required, q.b))
            return {d: s for d, s in required.items() if d in scope}
        if kind is wq.Otherwise:
            first = self.evaluate(q.a, restrict)
            return first if first else self.evaluate(q.b, restrict)
        if kind in (wq.Prefix, wq.Wildcard, wq.FuzzyTerm, wq.Variations):
            return self._expand(q, restrict)
        return self._generic(q, restrict)

    def _scope(self, found: Scores, q: Any) -> list[int] | None:
        """``found`` as a restriction for evaluating ``q``, when it can save work.

        Postings come in blocks of 128; a block is skipped only when no wanted document
        falls in it, so a restriction denser than that saves nothing and costs a sort.
        """
        if len(found) * 64 > self.estimate(q):
            return None
        return sorted(found)

    def _and(self, q: Any, restrict: list[int] | None) -> Scores:
        positives = [s for s in q.subqueries if not isinstance(s, wq.Not)]
        negatives = [s.query for s in q.subqueries if isinstance(s, wq.Not)]
        if not positives:
            result = self._every(restrict, 0.0)
        else:
            ordered = sorted(positives, key=self.estimate)
            result = self.evaluate(ordered[0], restrict)
            for sub in ordered[1:]:
                if not result:
                    return {}
                scores = self.evaluate(sub, self._scope(result, sub))
                result = {d: s + scores[d] for d, s in result.items() if d in scores}
        for sub in negatives:
            if not result:
                break
            mark = len(self.terms)
            excluded = self.evaluate(sub, self._scope(result, sub))
            del self.terms[mark:]
            for d in excluded:
                result.pop(d, None)
        if q.boost != 1.0:
            result = {d: s * q.boost for d, s in result.items()}
        return result

    def _or(self, parts: list[Scores], boost: float = 1.0) -> Scores:
        parts = [p for p in parts if p]
        if not parts:
            return {}
        parts.sort(key=len, reverse=True)
        result = dict(parts[0])
        for part in parts[1:]:
            get = result.get
            for d, s in part.items():
                result[d] = get(d, 0.0) + s
        if boost != 1.0:
            result = {d: s * boost for d, s in result.items()}
        return result

    def _every(self, restrict: list[int] | None, score: float) -> Scores:
        if restrict is not None:
            deleted = self.data.deleted
            return {d: score for d in restrict if d not in deleted}
        return dict.fromkeys(self.data.live, score)

    def _phrase(self, q: Any, restrict: list[int] | None) -> Scores:
        words = list(q.words)
        if not words:
            return {}
        if len(words) == 1:
            return self.evaluate(wq.Term(q.fieldname, words[0], boost=q.boost), restrict)
        field = self.schema[q.fieldname] if q.fieldname in self.schema else None
        if field is None or not field.format.supports("positions"):
            return {}
        btexts = []
        for word in words:
            btext = self._btext(wq.Term(q.fieldname, word))
            if btext is None or not self.doc_frequency(q.fieldname, btext):
                return {}
            btexts.append(btext)
        fieldname = q.fieldname
        order = sorted(range(len(btexts)), key=lambda i: self.doc_frequency(fieldname, btexts[i]))
        # Each word's postings with positions, rarest word first, each read only in the
        # blocks that can hold documents with all the words so far.
        candidates: list[int] | None = restrict
        read: dict[int, tuple[list[int], list[float] | None, list[bytes]]] = {}
        for i in order:
            p = self.postings(fieldname, btexts[i], want_values=True, restrict=candidates)
            assert p.values is not None
            read[i] = (p.ids, p.weights, p.values)
            candidates = sorted(set(p.ids).intersection(candidates) if candidates is not None
                                else p.ids)  # fmt: skip
            if not candidates:
                return {}
        assert candidates is not None
        wanted = set(candidates)
        slop = max(1, int(q.slop or 1))
        fast = isinstance(field.format, FastPositions)
        weights: list[dict[int, float]] = []
        kept: list[tuple[list[int], list[bytes]]] = []
        for i in range(len(btexts)):
            ids, w, values = read[i]
            mask = list(map(wanted.__contains__, ids))
            docs = list(compress(ids, mask))
            kept.append((docs, list(compress(values, mask))))
            weights.append(dict(zip(docs, compress(w, mask) if w is not None else repeat(1.0),
                                    strict=False)))  # fmt: skip
        if slop == 1:
            # Word i of a phrase starting at position p is at p + i: key every position
            # as (document << 32) + position - i, and the phrase starts are the keys
            # all the words share, found with set intersections in C (rarest word
            # first: the other words' keys are only tested against it, never stored).
            starts: set[int] | None = None
            for i in order:
                docs, values = kept[i]
                keys = _position_keys(fast, docs, values, i)
                starts = set(keys) if starts is None else starts.intersection(keys)
                if not starts:
                    return {}
            matched = sorted({key >> 32 for key in starts or ()})
        else:
            positions = [_positions_by_doc(fast, docs, values) for docs, values in kept]
            matched = []
            for d in candidates:
                current: Iterable[int] = positions[0][d]
                for i in range(1, len(btexts)):
                    following = positions[i][d]
                    current = {p for p in following if any(0 < p - c <= slop for c in current)}
                    if not current:
                        break
                if current:
                    matched.append(d)
        if not matched:
            return {}
        result: Scores = {}
        for i, btext in enumerate(btexts):
            part = self._score(fieldname, btext, matched, [weights[i][d] for d in matched],
                               q.boost)  # fmt: skip
            self.terms.append((fieldname, btext))
            for d, score in part.items():
                result[d] = result.get(d, 0.0) + score
        return result

    def _expand(self, q: Any, restrict: list[int] | None) -> Scores:
        reader = self.searcher.reader()
        fieldname = q.fieldname
        if fieldname not in self.schema:
            return {}
        if isinstance(q, wq.Prefix) and not q.text:
            return self._every(restrict, q.boost)
        found: list[bytes] = []
        for btext in q._btexts(reader):
            found.append(btext)
            if len(found) > MAX_EXPANSION * 40:
                break
        if len(found) > MAX_EXPANSION:
            ranked = sorted(found, key=lambda b: -self.doc_frequency(fieldname, b))
            self.expansions.append(Expansion(str(q), len(found), MAX_EXPANSION))
            found = ranked[:MAX_EXPANSION]
        parts = [self.term_scores(fieldname, btext, q.boost, restrict) for btext in found]
        return self._or(parts)

    def _generic(self, q: Any, restrict: list[int] | None) -> Scores:
        """Any other query node, through Whoosh's own matchers."""
        result: Scores = {}
        for subsearcher, offset in self.searcher.leaf_searchers():
            try:
                matcher = q.matcher(subsearcher)
            except Exception:  # a field or term this segment lacks
                continue
            while matcher.is_active():
                result[offset + matcher.id()] = matcher.score()
                matcher.next()
        try:
            self.terms.extend(
                (f, t if isinstance(t, bytes) else str(t).encode("utf-8"))
                for f, t in q.existing_terms(self.searcher.reader(), expand=True)
            )
        except Exception:  # highlighting is a courtesy
            pass
        if restrict is not None:
            allowed = set(restrict)
            result = {d: s for d, s in result.items() if d in allowed}
        return result

    def run(self, q: Any) -> Scores:
        """Evaluate ``q`` over the whole index, without deleted documents."""
        scores = self.evaluate(q)
        deleted = self.data.deleted
        if deleted and scores:
            for d in deleted:
                scores.pop(d, None)
        return scores


# --------------------------------------------------------------------------- filters


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


def _story_extras(scores: Scores, data: DocData) -> list[int]:
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
    return len(scores) - len(_story_extras(scores, data))


@dataclass(slots=True)
class _FacetData:
    """What facet counting needs beyond `DocData`, built on first use per index."""

    countries: list[tuple[str, ...]]
    topic_bitmaps: dict[str, int]


_FACET_CACHE: dict[tuple[tuple[str, int], ...], _FacetData] = {}


def _facet_data(evaluator: Evaluator) -> _FacetData:
    key = tuple(_segment_key(reader) for reader, _ in evaluator.leaves)
    with _CACHE_LOCK:
        found = _FACET_CACHE.get(key)
    if found is not None:
        return found
    facet = _load_facets(evaluator.leaves) or _compute_facets(evaluator)
    with _CACHE_LOCK:
        if len(_FACET_CACHE) >= 4:
            _FACET_CACHE.clear()
        _FACET_CACHE[key] = facet
    return facet


# Each segment's facet data is saved next to it when it is written (`save_facets`), so
# that the first search after opening an index loads it instead of computing it from
# the topic postings (~100 ms at 100,000 articles).  The name follows Whoosh's segment
# file pattern: Whoosh deletes the file with its segment.
_FACETS_EXT = "bfacets"
_FACETS_FORMAT = 1


def _facets_name(reader: Any) -> str:
    return f"{reader.segment().segment_id()}.{_FACETS_EXT}"


def save_facets(searcher: Any, storage: Any) -> int:
    """Save the facet data of each segment of the index that lacks it; returns how many.

    ``storage`` is the index's Whoosh storage (the folder).
    """
    evaluator = Evaluator(searcher)
    missing = [
        (reader, offset)
        for reader, offset in evaluator.leaves
        if not storage.file_exists(_facets_name(reader))
    ]
    if not missing:
        return 0
    facet = _facet_data(evaluator)
    for reader, offset in missing:
        count = reader.doc_count_all()
        countries = facet.countries[offset : offset + count]
        distinct = sorted(set(countries))
        number = {combination: i for i, combination in enumerate(distinct)}
        index = array("I", map(number.__getitem__, countries))
        mask = (1 << (8 * count)) - 1
        payload = {
            "format": _FACETS_FORMAT,
            "count": count,
            "countries": [",".join(c) for c in distinct],
            "index": index.tobytes(),
            "topics": {
                topic: ((bitmap >> (8 * offset)) & mask).to_bytes(count, "little")
                for topic, bitmap in facet.topic_bitmaps.items()
            },
        }
        name = _facets_name(reader)
        with storage.create_file(name + ".part").raw_file() as f:
            f.write(pickle.dumps(payload, 5))
        storage.rename_file(name + ".part", name, safe=False)
    return len(missing)


def _load_facets(leaves: list[tuple[Any, int]]) -> _FacetData | None:
    """The saved facet data of every segment, combined; None when any is missing."""
    countries: list[tuple[str, ...]] = []
    flags: dict[str, list[bytes]] = {}
    counts = []
    for reader, _offset in leaves:
        count = reader.doc_count_all()
        try:
            with reader._storage.open_file(_facets_name(reader)).raw_file() as f:
                payload = pickle.loads(f.read())
        except Exception:  # missing (written before facets were saved) or unreadable
            return None
        if payload.get("format") != _FACETS_FORMAT or payload.get("count") != count:
            return None
        table = [tuple(map(sys.intern, c.split(","))) if c else () for c in payload["countries"]]
        index = array("I")
        index.frombytes(payload["index"])
        countries.extend(map(table.__getitem__, index))
        for topic, raw in payload["topics"].items():
            flags.setdefault(topic, [bytes(c) for c in counts]).append(raw)
        for parts in flags.values():
            if len(parts) == len(counts):  # a topic this segment does not have
                parts.append(bytes(count))
        counts.append(count)
    bitmaps = {topic: int.from_bytes(b"".join(parts), "little") for topic, parts in flags.items()}
    return _FacetData(countries, bitmaps)


def _compute_facets(evaluator: Evaluator) -> _FacetData:
    data = evaluator.data
    # Countries: few codes per document, few distinct combinations: a tuple each.
    table: dict[bytes, tuple[str, ...]] = {}
    distinct = list(set(data.countries))
    texts = b"\n".join(distinct).decode("utf-8", "replace").split("\n")
    for raw, text in zip(distinct, texts, strict=True):
        table[raw] = tuple(map(sys.intern, text.split(","))) if text else ()
    countries = list(map(table.__getitem__, data.countries))
    # Topics: many per document and tens of thousands of combinations, but few topics:
    # one bitmap each (a byte per document, as a Python int), from the topic postings.
    bitmaps: dict[str, int] = {}
    try:
        lexicon = list(evaluator.searcher.reader().lexicon("topics"))
    except Exception:  # no topics field: no topic facet
        lexicon = []
    size = data.count
    for btext in lexicon:
        ids = evaluator.postings("topics", btext).ids
        if not ids:
            continue
        flags = bytearray(size)
        deque(map(flags.__setitem__, ids, repeat(1)), maxlen=0)
        bitmaps[btext.decode("utf-8", "replace")] = int.from_bytes(flags, "little")
    return _FacetData(countries, bitmaps)


def facet_counts(scores: Scores, evaluator: Evaluator) -> dict[str, dict[str, int]]:
    """Counts of country, source, topic and year over the matching stories.

    Each story counts once, with the values of one of its copies.
    """
    data = evaluator.data
    facet = _facet_data(evaluator)
    extras = _story_extras(scores, data)
    docs: Iterable[int] = scores

    def without_extras(counter: Counter[Any], values: Iterable[Any]) -> Counter[Any]:
        for value in values:
            counter[value] -= 1
        return counter

    # Sources and years: one value per document.
    sources: dict[str, int] = {}
    publishers = Counter(map(data.publisher.__getitem__, docs))
    for raw, n in without_extras(publishers, [data.publisher[d] for d in extras]).items():
        if raw and n > 0:
            name = raw.decode("utf-8", "replace")
            sources[name] = sources.get(name, 0) + n
    years: dict[str, int] = {}
    days = Counter(map(data.day.__getitem__, docs))
    for day, n in without_extras(days, [data.day[d] for d in extras]).items():
        if day and n > 0:
            year = str(day // 10000)
            years[year] = years.get(year, 0) + n
    # Countries: a few per document.
    countries = without_extras(
        Counter(chain.from_iterable(map(facet.countries.__getitem__, docs))),
        [code for d in extras for code in facet.countries[d]],
    )
    # Topics: the matching documents as a bitmap, ANDed with each topic's.
    topics: dict[str, int] = {}
    if facet.topic_bitmaps:
        flags = bytearray(data.count)
        deque(map(flags.__setitem__, docs, repeat(1)), maxlen=0)
        for d in extras:
            flags[d] = 0
        found = int.from_bytes(flags, "little")
        for topic, bitmap in facet.topic_bitmaps.items():
            n = (found & bitmap).bit_count()
            if n:
                topics[topic] = n
    return {
        "country": {c: n for c, n in countries.items() if n > 0},
        "source": sources,
        "topic": topics,
        "year": years,
    }
