"""Exact and near-duplicate detection for wire copies.

Exact duplicates share a content hash of their normalised text.  Near duplicates (the
same story re-published with small edits) are found the way news databases do it:
word shingles of the first words of the story, a one-permutation MinHash sketch, and
locality-sensitive hashing bands to find candidates, confirmed by the estimated
overlap (Jaccard >= `NEAR_DUPLICATE_JACCARD`) within `WINDOW_DAYS` of each other.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from array import array
from collections.abc import Iterator
from datetime import date

SHINGLE_WORDS = 5
LEAD_WORDS = 300
SKETCH_BINS = 32
BAND_ROWS = 4  # 8 bands of 4 bins: ~98% of 0.8-similar pairs become candidates
NEAR_DUPLICATE_JACCARD = 0.8
WINDOW_DAYS = 42  # six weeks, as Nexis and FP Infomart do

_WORD = re.compile(r"\w+")
_EMPTY_BIN = 0xFFFFFFFF
# Enough characters for LEAD_WORDS words of news text; only the lead is shingled.
_LEAD_CHARS = LEAD_WORDS * 16
# `content_hash` lowers and splits a text this many characters at a time.
_HASH_PIECE_CHARS = 65_536
_BREAK = re.compile(r"[ \t\n\r]")
# Runs of characters beyond ASCII (`_lower_words`).
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
# Each byte: lower-cased when it is an ASCII word character (``\w``), else a space.
_LOWER_WORD_BYTES = bytes(
    ord(chr(c).lower()) if c < 128 and (chr(c).isalnum() or chr(c) == "_") else 32
    for c in range(256)
)


def content_hash(title: str | None, body: str) -> str:
    """Hash of the article's words, ignoring case, whitespace and punctuation.

    The BLAKE2b of ``" ".join(re.findall(r"\\w+", f"{title} {body}".lower()))`` (stored
    hashes depend on it), computed piece by piece: a 9 MB text without punctuation has
    1.5 million words, whose list took 110 MB (bench/hostile_inputs.py).
    """
    digest = hashlib.blake2b(digest_size=16)
    started = False
    for text in (title or "", body):
        for piece in _pieces(text):
            words = _lower_words(piece)
            if words:
                if started:
                    digest.update(b" ")
                digest.update(b" ".join(words))
                started = True
    return digest.hexdigest()


def _lower_words(text: str) -> list[bytes]:
    """``re.findall(r"\\w+", text.lower())``, each word in UTF-8.

    Most news text has no word character beyond ASCII (its curly quotes and dashes are
    none): its words are then split in C, from the ASCII bytes with every other byte a
    space, in a third of the regex's time (on content hashes and sketches, which read
    every article, in the ingest's busiest process).
    """
    if text.isascii() or not any(
        ch.isalnum() or ch == "_" for run in _NOT_ASCII.findall(text) for ch in run
    ):
        # (``\w`` is ``isalnum()`` or "_", and lower-casing leaves what is neither alone.)
        return text.encode("ascii", "replace").translate(_LOWER_WORD_BYTES).split()
    return [word.encode("utf-8") for word in _WORD.findall(text.lower())]


def _pieces(text: str) -> Iterator[str]:
    """``text`` in pieces of about `_HASH_PIECE_CHARS`, cut just before an ASCII space,
    tab or line break.

    No word spans such a cut, and ``lower()`` of the pieces is ``lower()`` of the whole:
    its one context-dependent rule (a final sigma) looks past case-ignorable characters
    only, which these are not.  A text with no such character is one piece.
    """
    if len(text) <= _HASH_PIECE_CHARS:
        yield text
        return
    start = 0
    while start < len(text):
        cut = _BREAK.search(text, start + _HASH_PIECE_CHARS)
        end = len(text) if cut is None else cut.start()
        yield text[start:end]
        start = end


def sketch(body: str) -> bytes | None:
    """A one-permutation MinHash sketch of the story's lead, or None if it is too short.

    Each shingle's CRC-32 picks a bin (low bits) and competes for that bin's minimum
    (high bits); empty bins are filled from the next non-empty one (densification) so
    short texts still compare well.
    """
    words = _lower_words(body[:_LEAD_CHARS])
    if len(body) > _LEAD_CHARS and words:
        words.pop()  # the cut may have split the last word
    words = words[:LEAD_WORDS]
    if len(words) < SHINGLE_WORDS * 2:
        return None
    # Shingles are slices of one joined string (not a join per shingle): the same
    # bytes as " ".join(words[i:i + 5]) in UTF-8, hashed from a memoryview.
    data = memoryview(b" ".join(words))
    starts = [0]
    for word in words:
        starts.append(starts[-1] + len(word) + 1)
    mins = [_EMPTY_BIN] * SKETCH_BINS
    crc32 = zlib.crc32
    for i in range(len(words) - SHINGLE_WORDS + 1):
        h = crc32(data[starts[i] : starts[i + SHINGLE_WORDS] - 1])
        slot = h % SKETCH_BINS
        v = h // SKETCH_BINS
        if v < mins[slot]:
            mins[slot] = v
    filled = [m for m in mins if m != _EMPTY_BIN]
    if not filled:
        return None
    for i in range(SKETCH_BINS):
        if mins[i] == _EMPTY_BIN:
            j = i
            while mins[j % SKETCH_BINS] == _EMPTY_BIN:
                j += 1
            mins[i] = mins[j % SKETCH_BINS] ^ (0x9E3779B1 * (j - i) & 0x07FFFFFF)
    return array("I", mins).tobytes()


def bands(signature: bytes) -> list[int]:
    """LSH band values of a sketch (one int per band)."""
    values = array("I")
    values.frombytes(signature)
    out = []
    for start in range(0, SKETCH_BINS, BAND_ROWS):
        chunk = values[start : start + BAND_ROWS].tobytes()
        # 63-bit so it fits SQLite's signed INTEGER.
        out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big") >> 1)
    return out


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard overlap of two sketches."""
    va, vb = array("I"), array("I")
    va.frombytes(a)
    vb.frombytes(b)
    same = sum(1 for x, y in zip(va, vb, strict=True) if x == y)
    return same / SKETCH_BINS


def within_window(a: str | None, b: str | None) -> bool:
    """Whether two ISO dates are close enough for copies (undated copies always are)."""
    if not a or not b:
        return True
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= WINDOW_DAYS
    except ValueError:
        return True
