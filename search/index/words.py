"""How the index reads words: the stop words it drops, the shortest word it keeps, its
Porter stems, and the edit distances "did you mean" compares words with.

The query package (`search.query`) reads words the same way the index wrote them; it
takes these from here rather than from Whoosh (only `search.index` imports Whoosh).
"""

from __future__ import annotations

from whoosh.analysis import STOP_WORDS as WHOOSH_STOP_WORDS
from whoosh.lang.porter import stem as porter_stem
from whoosh.support.levenshtein import damerau_levenshtein, levenshtein

__all__ = [
    "MIN_WORD",
    "STOP_WORDS",
    "STOP_WORDS_INDEXED",
    "damerau_levenshtein",
    "levenshtein",
    "porter_stem",
]

# Whoosh's English stop words (what its analyzers drop by default).
STOP_WORDS = frozenset(WHOOSH_STOP_WORDS)
# "US" is a country here, and "not"/"no" matter in diplomatic text ("did not sign").
STOP_WORDS_INDEXED = STOP_WORDS - {"us", "not", "no", "will", "may"}
MIN_WORD = 2
