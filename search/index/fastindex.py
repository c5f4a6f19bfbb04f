"""A one-pass term extractor for indexing title and body.

Whoosh analyses a field by chaining generator filters (tokenizer -> lower case -> stop
words -> stems), each touching a shared Token object, and then groups the tokens into
postings: about 40 % of its indexing time for news text.  `FastPositions` gives the
same postings as Whoosh's ``Positions`` format with `search.index.schema.text_analyzer` (same
tokens, same stop words, same stems, same renumbered positions; tested against it) in
one loop.  Any other analyzer, or a call that needs more than postings, goes through
Whoosh's own path.

`FastCodec` writes the postings in Whoosh's own layout, pickled in a protocol that
loads five times faster (see `FastPostingsWriter`).
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3PostingsWriter
from whoosh.formats import Positions

from search.index import whoosh_private as wp
from search.index.words import MIN_WORD, STOP_WORDS_INDEXED
from search.index.words import porter_stem as stem

# Whoosh's default RegexTokenizer pattern, with its group made non-capturing so that
# findall returns whole matches.
_TOKEN = re.compile(r"[\w\*]+(?:\.?[\w\*]+)*")
# Stems of the words indexed (`FastPositions.word_values`), cached per indexing process
# in two generations of at most this many words: when the newer one is full it becomes
# the older one (the oldest is dropped), and a word found in the older one moves to
# the newer one, so the common words stay cached while the rare ones, most of a
# vocabulary, go.  A word costs ~95 bytes (87,000 words, 8 MB: one sub-writer's half of
# the 100,000-article bench corpus), so at most ~19 MB per process, where one cache
# emptied at 500,000 words could grow to ~47 MB in each sub-writer (issue #12).
_STEM_CACHE_WORDS = 100_000
# Longer texts are tokenised lazily (``finditer``): the list ``findall`` makes of a 9 MB
# text without punctuation holds 1.5 million words, 90 MB (bench/hostile_inputs.py).
_FINDALL_MAX_CHARS = 1_000_000
_PROTOCOL = 5
_COMPRESS_MIN_BYTES = 512
POSITION_BYTES = 4
_BIG_ENDIAN = sys.byteorder == "big"


class FastPositions(Positions):  # type: ignore[misc]  # untyped Whoosh base class
    """Whoosh's ``Positions`` format with a fast path for the product's text analyzer."""

    _stems: dict[str, str] = {}
    _older_stems: dict[str, str] = {}

    def word_values(
        self, value: Any, analyzer: Any, **kwargs: Any
    ) -> Iterator[tuple[str, int, float, bytes]]:
        fast = getattr(analyzer, "briefroom_fast_terms", False)
        if not fast or not isinstance(value, str) or kwargs.get("start_pos"):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        stems = FastPositions._stems
        if len(stems) > _STEM_CACHE_WORDS:
            FastPositions._older_stems = stems
            stems = FastPositions._stems = {}
        older = FastPositions._older_stems
        stops = STOP_WORDS_INDEXED
        poses: dict[str, list[int]] = {}
        pos = -1
        first = True
        tokens: Iterable[str] = (
            _TOKEN.findall(value)
            if len(value) <= _FINDALL_MAX_CHARS
            else (match.group() for match in _TOKEN.finditer(value))
        )
        for index, token in enumerate(tokens):
            word = token.lower()
            if len(word) < MIN_WORD or word in stops:
                continue
            # StopFilter renumbers: the first kept token keeps its position, the next
            # kept tokens follow it one by one.
            if first:
                pos = index
                first = False
            else:
                pos += 1
            stemmed = stems.get(word)
            if stemmed is None:
                stemmed = older.get(word)
                if stemmed is None:
                    stemmed = stem(word)
                stems[word] = stemmed
            found = poses.get(stemmed)
            if found is None:
                poses[stemmed] = [pos]
            else:
                found.append(pos)
        boost = self.field_boost
        encode = self.encode
        for word, positions in poses.items():
            yield (word, len(positions), len(positions) * boost, encode(positions))

    # A posting's value is its positions as little-endian uint32s, not Whoosh's count
    # plus pickled deltas (4 bytes and a pickle frame per posting): the positions of
    # thousands of postings decode in one ``array.frombytes`` (`search.index.engine` phrase
    # matching).  With `FastCodec`, title+body of 100,000 articles take 161 MB on disk
    # against 331 MB written by Whoosh's own writer (bench/ingest.py).

    def encode(self, poslist: Any) -> bytes:
        positions = array("I", poslist)
        if _BIG_ENDIAN:
            positions.byteswap()
        return positions.tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return decode_positions(valuestring).tolist()

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // POSITION_BYTES

    def decode_weight(self, valuestring: bytes) -> float:
        boost: float = self.field_boost  # untyped Whoosh attribute
        return self.decode_frequency(valuestring) * boost

    def decode_position_boosts(self, valuestring: bytes) -> list[tuple[int, float]]:
        return [(pos, 1.0) for pos in self.decode_positions(valuestring)]


def decode_positions(data: bytes) -> array[int]:
    """The positions in a `FastPositions` value, or in many values joined together."""
    positions = array("I")
    positions.frombytes(data)
    if _BIG_ENDIAN:
        positions.byteswap()
    return positions


class FastPostingsWriter(W3PostingsWriter):  # type: ignore[misc]  # untyped Whoosh base class
    """Whoosh's postings writer, with blocks pickled in protocol 5 instead of 2.

    A block is ``(ids, weights, values)`` with one bytes object per posting (its
    positions).  Protocol 2 writes every bytes object as a call to ``_codecs.encode``
    on a latin-1 string, which costs five times more to load than protocol 5's raw
    bytes; phrase searches load every block of both words.  Blocks under 512 bytes are
    not compressed.  Whoosh's readers unpickle any protocol and read a block's
    compression from its header, so the files stay readable by Whoosh itself.  (The
    rest is Whoosh's ``W3PostingsWriter._write_block``.)
    """

    # Overrides Whoosh's private ``_write_block`` (see `search.index.whoosh_private`).
    def _write_block(self, last: bool = False) -> None:
        wp.write_posting_block(self, last, _PROTOCOL, _COMPRESS_MIN_BYTES)

    def add_postings(
        self,
        ids: Sequence[int],
        weights: Sequence[float],
        values: Sequence[bytes] | None,
        lengths: Sequence[int | None] | None,
    ) -> None:
        """``add_posting`` for each posting of the current term, in bulk (same bytes)."""
        wp.add_posting_run(self, ids, weights, values, lengths)


class FastCodec(W3Codec):  # type: ignore[misc]  # untyped Whoosh base class
    """Whoosh's default codec writing postings with `FastPostingsWriter`."""

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> FastPostingsWriter:
        return FastPostingsWriter(dbfile, byteids=byteids, **wp.codec_postings_options(self))
