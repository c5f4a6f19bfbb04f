""" "Did you mean": a close word for a query word the index does not hold.

The index holds stems ("norwai" for "Norway"), so a correction is found among stems
(Whoosh's edit-distance automaton over the term list, first letter fixed) and then
turned back into a word as articles write it: the surface form of the corrected stem
that is closest to what the user typed, with the user's capitalisation.  Only the
misspelled words of the query change; operators, phrases and filters stay as typed.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from search.index.words import (
    STOP_WORDS,
    STOP_WORDS_INDEXED,
    damerau_levenshtein,
    levenshtein,
)
from search.query.snippets import Highlighter, stem

if TYPE_CHECKING:
    from search.index.engine import Evaluator
    from search.query.parse import ParsedQuery
    from search.store import Store

_FIELDS = ("title", "body")
_LETTERS = re.compile(r"^[^\W\d_]{3,}$")


def suggest(searcher: Any, store: Store, evaluator: Evaluator, parsed: ParsedQuery) -> str | None:
    """The query text with unknown words replaced by close known ones, or None."""
    source = parsed.source
    replacements: list[tuple[int, int, str]] = []
    for start, end in parsed.words:
        word = source[start:end]
        lower = word.lower()
        if not _LETTERS.match(lower) or lower in STOP_WORDS_INDEXED or lower in STOP_WORDS:
            continue
        term = stem(lower)
        if any(evaluator.doc_frequency(f, term.encode("utf-8")) for f in _FIELDS):
            continue
        corrected = _closest(searcher, evaluator, term, lower)
        if corrected is None:
            continue
        form = _surface_form(searcher, store, evaluator, corrected, lower)
        if form is None or form == lower:
            continue
        replacements.append((start, end, _same_case(word, form)))
    if not replacements:
        return None
    pieces = []
    last = 0
    for start, end, form in replacements:
        pieces.append(source[last:start])
        pieces.append(form)
        last = end
    pieces.append(source[last:])
    return "".join(pieces)


def _closest(searcher: Any, evaluator: Evaluator, term: str, typed: str) -> str | None:
    """The nearest indexed stem to ``term``.

    Fewest edits (a swap of two letters is one), then the closest length (a typo more
    often swaps or replaces a letter than loses one), then the most documents.
    """
    reader = searcher.reader()
    maxdist = 2 if len(term) >= 3 else 1
    found: dict[str, tuple[int, int]] = {}
    for fieldname in _FIELDS:
        try:
            candidates = list(reader.terms_within(fieldname, term, maxdist, prefix=1))
        except Exception:  # a field without terms
            continue
        for candidate in candidates:
            if candidate == term or not candidate.isalpha():
                continue
            edits = min(damerau_levenshtein(form, typed) for form in _forms(candidate))
            edits = min(edits, damerau_levenshtein(candidate, term))
            if edits > maxdist:
                continue
            docs = evaluator.doc_frequency(fieldname, candidate.encode("utf-8"))
            before = found.get(candidate, (edits, 0))
            found[candidate] = (edits, before[1] + docs)
    if not found:
        return None
    return min(
        found.items(), key=lambda kv: (kv[1][0], abs(len(kv[0]) - len(term)), -kv[1][1], kv[0])
    )[0]


def _forms(stem_: str) -> tuple[str, ...]:
    """Words a Porter stem may come from, for comparing with what was typed."""
    forms = [stem_, stem_ + "e", stem_ + "s"]
    if stem_.endswith("i"):
        forms.append(stem_[:-1] + "y")
    return tuple(forms)


def _surface_form(
    searcher: Any, store: Store, evaluator: Evaluator, term: str, typed: str
) -> str | None:
    """A word as written in the archive whose stem is ``term``, closest to ``typed``."""
    highlighter = Highlighter({term: 1.0})
    forms: Counter[str] = Counter()
    for fieldname in _FIELDS:
        postings = evaluator.postings(fieldname, term.encode("utf-8"))
        for doc in postings.ids[:3]:
            article_id = searcher.stored_fields(doc).get("id")
            row = store.conn.execute(
                f"SELECT {fieldname} FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if row is None or not row[0]:
                continue
            text = row[0]
            for start, end, _ in highlighter.find(text):
                forms[text[start:end].lower()] += 1
        if forms:
            break
    if not forms:
        return None
    return min(forms, key=lambda f: (levenshtein(f, typed), -forms[f], f))


def _same_case(typed: str, form: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return form.upper()
    if typed[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
