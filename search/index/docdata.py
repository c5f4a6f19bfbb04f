"""Per-document values of a Whoosh index, read in bulk and cached (`DocData`).

Ranking, date filters, collapsing near-duplicate copies and facets need a few values of
every document (day, story, publisher, countries).  They are read once per segment from
Whoosh columns, a whole column at a time (`search.index.whoosh_private`), and cached:
a segment never changes; its deletions are part of the cache key.
"""

from __future__ import annotations

import struct
import threading
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Any

from search.index import whoosh_private as wp


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


CACHE_LOCK = threading.Lock()
_SEGMENT_CACHE: dict[tuple[str, int], DocData] = {}
_INDEX_CACHE: dict[tuple[tuple[str, int], ...], DocData] = {}
_LENGTH_CACHE: dict[tuple[str, str], bytes] = {}
CACHE_SEGMENTS = 64
_BIG_ENDIAN = struct.pack("=H", 1) == struct.pack("!H", 1)


def segment_key(reader: Any) -> tuple[str, int]:
    """What identifies a segment's cached data: its id and its count of deletions."""
    segment = reader.segment()
    return (segment.segment_id(), segment.deleted_count())


def _numeric_column(reader: Any, fieldname: str, typecode: str, count: int) -> list[int]:
    """A NumericColumn as a list (one bulk read; Whoosh writes it big-endian)."""
    from whoosh.columns import NumericColumn

    perdoc = wp.per_document_columns(reader)
    if not perdoc.has_column(fieldname):
        return [0] * count
    column = perdoc.column_reader(fieldname, NumericColumn(typecode, default=0))
    values = array(typecode)
    raw = wp.fixed_column_bytes(column, values.itemsize)
    if raw is None:
        return [column[i] for i in range(count)]
    values.frombytes(raw)
    if not _BIG_ENDIAN:
        values.byteswap()
    out = values.tolist()
    if len(out) < count:
        out.extend([0] * (count - len(out)))
    return out[:count]


def _bytes_column(reader: Any, fieldname: str, count: int) -> list[bytes]:
    """A VarBytesColumn of newline-terminated values as a list (one read, one split)."""
    from whoosh.columns import VarBytesColumn

    perdoc = wp.per_document_columns(reader)
    if not perdoc.has_column(fieldname):
        return [b""] * count
    column = perdoc.column_reader(fieldname, VarBytesColumn())
    found = wp.var_bytes_column(column)
    if found is None:
        values = [column[i] for i in range(count)]
    else:
        blob, offsets, lengths = found
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
    perdoc = wp.per_document_columns(reader)
    if not perdoc.has_column(name):
        return bytes(count)
    column = perdoc.column_reader(name, LENGTHS_COLUMN)
    raw = wp.fixed_column_bytes(column, 1)
    if raw is None:
        raw = bytes(column[i] for i in range(count))
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
    leaves = segment_readers(searcher)
    keys = tuple(segment_key(r) for r, _ in leaves)
    with CACHE_LOCK:
        cached = _INDEX_CACHE.get(keys)
    if cached is not None:
        return cached
    parts = []
    for (reader, _offset), key in zip(leaves, keys, strict=True):
        with CACHE_LOCK:
            part = _SEGMENT_CACHE.get(key)
        if part is None:
            part = _load_segment(reader)
            with CACHE_LOCK:
                if len(_SEGMENT_CACHE) >= CACHE_SEGMENTS:
                    _SEGMENT_CACHE.clear()
                _SEGMENT_CACHE[key] = part
        parts.append(part)
    data = _with_copies(parts[0] if len(parts) == 1 else _combine(leaves, parts))
    with CACHE_LOCK:
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
    for reader, _offset in segment_readers(searcher):
        key = (reader.segment().segment_id(), fieldname)
        with CACHE_LOCK:
            raw = _LENGTH_CACHE.get(key)
        if raw is None:
            raw = _length_bytes(reader, fieldname, reader.doc_count_all())
            with CACHE_LOCK:
                if len(_LENGTH_CACHE) >= CACHE_SEGMENTS * 4:
                    _LENGTH_CACHE.clear()
                _LENGTH_CACHE[key] = raw
        pieces.append(raw)
    return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def segment_readers(searcher: Any) -> list[tuple[Any, int]]:
    """``(segment reader, first document number)`` of each segment behind ``searcher``."""
    return list(searcher.reader().leaf_readers())
