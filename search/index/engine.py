"""Fast evaluation of parsed queries over the segments of a Whoosh index.

Whoosh's own search path walks posting lists one posting at a time through a tree of
Python matcher objects, asks a scorer object for every posting's score, and collects
facets with more per-document Python calls (``groupedby`` with ``allow_overlap`` reads
each document's terms back from the index).  On 100,000 news articles that puts a plain
word search at 60-150 ms before any facet or snippet is made.

This module reads the same on-disk postings a block at a time (one ``pickle`` load per
128 postings, and a ``zlib`` call for blocks big enough to be compressed; the blocks
are written by `search.index.fastindex.FastCodec`) and then works on whole lists:
document numbers are rebuilt with ``itertools.accumulate``, BM25F scores are computed
in one comprehension per term from a per-document length byte, and ``AND``/``OR``/
``NOT`` become dictionary and set operations.  Per-document values that ranking,
filters, collapsing and facets need (day, cluster, publisher, countries) are
read once per segment from Whoosh columns and cached (they are immutable: a segment
never changes; deletions are tracked by count).  Scores are Whoosh's BM25F (same
``B``, ``K1``, IDF and field boosts), so rankings agree with Whoosh's.  Phrases are
matched on the positions of all candidate documents at once
(`search.index.postings.position_keys`), and facet data is loaded from a file saved
beside each segment when it was written (`search.index.facets.save_facets`), so the
first search after opening an index does not build it.

Query node types this module does not know are evaluated with Whoosh's own matchers,
so every query Whoosh can run still runs.  Per-document values are in
`search.index.docdata`, story ranking in `search.index.stories`, facets in
`search.index.facets`; what is read beneath Whoosh's API is named in
`search.index.whoosh_private`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from math import log
from typing import Any

from whoosh import query as wq
from whoosh.util.numeric import byte_to_length

from search.index import whoosh_private as wp
from search.index.docdata import doc_data, field_lengths, segment_readers
from search.index.fastindex import FastPositions
from search.index.postings import Postings, position_keys, positions_by_doc
from search.index.whoosh_private import Unsupported

__all__ = ["B", "K1", "MAX_EXPANSION", "Evaluator", "Expansion", "Scores", "Unsupported"]

# BM25F parameters: Whoosh's defaults (`whoosh.scoring.BM25F`).
B = 0.75
K1 = 1.2
# A prefix or wildcard expands to at most this many index terms (the most frequent).
MAX_EXPANSION = 256
_LENGTH_TABLE = [byte_to_length(i) for i in range(256)]

Scores = dict[int, float]


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
        self.leaves = segment_readers(searcher)
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
                terms = wp.terms_table(reader)
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
        weights: list[float] = []  # only kept once a weight is not 1.0
        values: list[bytes] | None = [] if want_values else None
        uniform = True
        for terms, info, offset in self._infos(fieldname, btext):
            i, w, v = wp.read_postings(terms, info, offset, want_values, restrict)
            if w is not None and uniform:
                uniform = False
                weights = [1.0] * len(ids)
            if not uniform:
                weights.extend(w if w is not None else repeat(1.0, len(i)))
            ids.extend(i)
            if values is not None and v is not None:
                values.extend(v)
        return Postings(ids, None if uniform else weights, values)

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
        read: dict[int, tuple[list[int], Sequence[float] | None, list[bytes]]] = {}
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
                keys = position_keys(fast, docs, values, i)
                starts = set(keys) if starts is None else starts.intersection(keys)
                if not starts:
                    return {}
            matched = sorted({key >> 32 for key in starts or ()})
        else:
            positions = [positions_by_doc(fast, docs, values) for docs, values in kept]
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
        for btext in wp.expanded_terms(q, reader):
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
