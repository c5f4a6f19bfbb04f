"""Snippets: the sentences of an article that best match a query, in its own words.

The index holds stems ("minist" for "minister", "ministers"); a snippet must show the
words as written and mark them.  Running the full analyzer over every hit's body is
too slow for long texts (a UN General Debate speech has thousands of words), so a
regular expression first finds the words that *could* stem to a query term (a Porter
stem keeps all but at most the last letter of the word it came from), and only those
are stemmed and compared.  Tokens are found with the indexing tokenizer's pattern
(`search.index.fastindex`), so what is marked is exactly what matched.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from search.extract.sentences import split_sentences
from search.index.words import porter_stem

# The indexing tokenizer's pattern (Whoosh's default RegexTokenizer), for the rest of a
# token once its start has matched.
_TOKEN_REST = r"[\w\*]*(?:\.[\w\*]+)*"
_NOT_AFTER_WORD = r"(?<![\w\*])"
# A snippet longer than this is cut around its matches.
MAX_SNIPPET_CHARS = 280
ELLIPSIS = "…"
# Texts longer than this are split into sentences only around their matches (a UN
# General Debate speech runs to 100,000 characters: splitting it all takes ~10 ms).
WHOLE_TEXT_CHARS = 6000
# Context read around a match to find its sentence.
AROUND_MATCH_CHARS = 600
# Occurrences of each term that get a window.
WINDOWS_PER_TERM = 12
LEAD_CHARS = 2000


@dataclass(frozen=True, slots=True)
class Snippet:
    """A sentence of the article in its original words.

    Attributes:
        text: The sentence (cut to a window around the matches when very long, with
            ``…`` marking the cut).
        matches: ``(start, end)`` character offsets in ``text`` of the matched words.
    """

    text: str
    matches: tuple[tuple[int, int], ...]


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The index term of one lower-cased token (Porter stem, as indexing does)."""
    return str(porter_stem(word))


class Highlighter:
    """Finds the words of a text that match a query's terms.

    Args:
        stems: Index terms of the stemmed fields (title, body), with a weight each
            (rarer terms weigh more when sentences are ranked).
        words: Lower-case words of the name fields (people, organisations, places,
            sources), matched as whole words without stemming.
    """

    def __init__(self, stems: Mapping[str, float], words: Iterable[str] = ()) -> None:
        self.stems = dict(stems)
        self.words = {w.lower(): 1.0 for w in words if w}
        alternatives = []
        prefixes = {s[:-1] if len(s) > 1 else s for s in self.stems}
        if prefixes:
            body = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
            alternatives.append(f"{_NOT_AFTER_WORD}(?:{body}){_TOKEN_REST}")
        if self.words:
            body = "|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True))
            alternatives.append(f"{_NOT_AFTER_WORD}(?:{body})(?![\\w\\*])")
        self._pattern = re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None

    def __bool__(self) -> bool:
        return self._pattern is not None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, term)`` of every matching word, in order."""
        if self._pattern is None:
            return []
        found = []
        stems = self.stems
        words = self.words
        for match in self._pattern.finditer(text):
            token = match.group(0).lower()
            if token in words:
                found.append((match.start(), match.end(), token))
                continue
            term = stem(token)
            if term in stems:
                found.append((match.start(), match.end(), term))
        return found

    def weight(self, term: str) -> float:
        """How much one distinct matched term adds to a sentence's rank."""
        return self.stems.get(term) or self.words.get(term) or 1.0

    def matches(self, text: str) -> tuple[tuple[int, int], ...]:
        """Offsets of the matching words of a short text (a title)."""
        return tuple((s, e) for s, e, _ in self.find(text))

    def snippets(self, body: str, count: int = 2) -> tuple[Snippet, ...]:
        """The ``count`` best matching sentences of ``body``, in document order.

        A sentence ranks by the weights of the distinct terms it holds, then by how
        many matches it has, then by how early it comes.  With no match in the body
        (the title matched, or a filter alone), the lead sentence is given unmarked.
        """
        found = self.find(body)
        if not found:
            lead = split_sentences(body[:LEAD_CHARS])
            if not lead:
                return ()
            start, end = lead[0]
            return (_cut(body, start, end, []),)
        sentences = _sentences_near(body, found)
        if not sentences:
            return ()
        starts = [s for s, _ in sentences]
        per_sentence: dict[int, list[tuple[int, int, str]]] = {}
        for item in found:
            index = bisect_right(starts, item[0]) - 1
            if index < 0:
                continue
            s, e = sentences[index]
            if item[1] <= e:
                per_sentence.setdefault(index, []).append(item)
        if not per_sentence:
            start, end = sentences[0]
            return (_cut(body, start, end, []),)
        ranked = sorted(
            per_sentence.items(),
            key=lambda kv: (
                -sum(self.weight(t) for t in {term for _, _, term in kv[1]}),
                -len(kv[1]),
                kv[0],
            ),
        )
        best = sorted(ranked[:count])
        out = []
        for index, items in best:
            start, end = sentences[index]
            out.append(_cut(body, start, end, [(s, e) for s, e, _ in items]))
        return tuple(out)


def _sentences_near(body: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Sentence spans of ``body`` that hold (some of) the matches, in order.

    A short text is split whole.  A long one is split in windows around the first
    occurrences of each term; the first and last sentence of a window may be cut off by
    the window, so they are dropped unless they are all the window has.
    """
    size = len(body)
    if size <= WHOLE_TEXT_CHARS:
        return split_sentences(body)
    per_term: dict[str, int] = {}
    windows: list[list[int]] = []
    for start, end, term in found:
        seen = per_term.get(term, 0)
        if seen >= WINDOWS_PER_TERM:
            continue
        per_term[term] = seen + 1
        lo, hi = max(0, start - AROUND_MATCH_CHARS), min(size, end + AROUND_MATCH_CHARS)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    spans: list[tuple[int, int]] = []
    for lo, hi in windows:
        part = split_sentences(body[lo:hi], offset=lo)
        if lo > 0 and len(part) > 1:
            part = part[1:]
        if hi < size and len(part) > 1:
            part = part[:-1]
        if spans and part and part[0][0] < spans[-1][1]:
            part = [p for p in part if p[0] >= spans[-1][1]]
        spans.extend(part)
    return spans


def _cut(body: str, start: int, end: int, spans: list[tuple[int, int]]) -> Snippet:
    """The sentence ``body[start:end]``, cut to a window around its matches if too long."""
    if end - start <= MAX_SNIPPET_CHARS:
        text = body[start:end]
        return Snippet(_one_line(text), tuple((s - start, e - start) for s, e in spans))
    # Window: from a little before the first match, as far as the limit allows.
    first = spans[0][0] if spans else start
    lo = max(start, first - MAX_SNIPPET_CHARS // 4)
    if lo > start:
        space = body.rfind(" ", start, lo + 1)
        lo = space + 1 if space >= start else start
    hi = min(end, lo + MAX_SNIPPET_CHARS)
    if hi < end:
        space = body.rfind(" ", lo, hi + 1)
        hi = space if space > lo else hi
    prefix = ELLIPSIS if lo > start else ""
    suffix = ELLIPSIS if hi < end else ""
    shift = len(prefix) - lo
    kept = tuple((s + shift, e + shift) for s, e in spans if s >= lo and e <= hi)
    return Snippet(_one_line(prefix + body[lo:hi].rstrip() + suffix), kept)


def _one_line(text: str) -> str:
    """Line breaks become spaces (same length, so offsets hold)."""
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")
