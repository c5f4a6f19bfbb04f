"""Facet counts (country, source, topic, year) over the matching stories.

Topics are counted as bitmaps (one per topic, a byte per document) ANDed with the
matching documents; countries as one tuple per document.  Both are built once per
index from the topic postings, or loaded from the file saved beside each segment when
it was written (`save_facets`).
"""

from __future__ import annotations

import pickle
import sys
from array import array
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain, repeat
from typing import Any

from search.index import whoosh_private as wp
from search.index.docdata import CACHE_LOCK, segment_key
from search.index.engine import Evaluator, Scores
from search.index.stories import story_extras


@dataclass(slots=True)
class _FacetData:
    """What facet counting needs beyond `DocData`, built on first use per index."""

    countries: list[tuple[str, ...]]
    topic_bitmaps: dict[str, int]


_FACET_CACHE: dict[tuple[tuple[str, int], ...], _FacetData] = {}


def _facet_data(evaluator: Evaluator) -> _FacetData:
    key = tuple(segment_key(reader) for reader, _ in evaluator.leaves)
    with CACHE_LOCK:
        found = _FACET_CACHE.get(key)
    if found is not None:
        return found
    facet = _load_facets(evaluator.leaves) or _compute_facets(evaluator)
    with CACHE_LOCK:
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
    counts: list[int] = []
    for reader, _offset in leaves:
        count = reader.doc_count_all()
        try:
            with wp.segment_storage(reader).open_file(_facets_name(reader)).raw_file() as f:
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
    extras = story_extras(scores, data)
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
