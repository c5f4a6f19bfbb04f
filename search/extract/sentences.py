"""Sentence boundaries for news text.

One compiled regex finds candidate boundaries (``.``, ``!``, ``?`` followed by space and
an upper-case letter or a quote, four dots straight before an upper-case letter, or a
blank line); candidates after known abbreviations
(``Mr.``, ``Dr.``, ``U.S.``, ``Feb.``, single initials) are skipped.  Offsets are into
the text given, so every extracted item can point back at its sentence.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence

# Abbreviations after which a period does not end a sentence (lower-cased, no period).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cmdr adm sgt rep sen gov pres amb rev hon st jr sr
    no nos vol fig art sec dept corp inc ltd co plc bros est approx vs etc al
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    u.s u.k u.n e.u u.s.s.r d.c a.m p.m
    """.split()
)

# A boundary: sentence punctuation (optionally closed by quotes/brackets) then whitespace
# before something that can start a sentence; or a paragraph break.
# (Its first character as one class, each branch then checking which it was: a pattern
# that starts with a class lets the scan skip to the next candidate in C.)
_BOUNDARY = re.compile(
    r"""[.!?\n](?:(?<=[.!?])['"\u2019\u201d)\]]*(?=\s+['"\u2018\u201c(\[]?[A-Z0-9\u0400-\u042f])"""
    # A wire brief's items joined by dots: "... export quotas again....Brazil's seamen".
    r"""|(?<=\.\.\.\.)(?=[A-Z])"""
    r"""|(?<=\n)\s*\n)"""
)
# Abbreviations that often end a sentence ("... in Washington, D.C. The Secretary ..."):
# a boundary after them when the next word is one that starts sentences.
_PLACE_ABBREVIATIONS = frozenset({"d.c", "u.s", "u.k", "u.n"})
_STARTER = re.compile(
    r"\s+(?:The|He|She|They|We|It|In|On|During|This|These|Both|Following|After|Before)\b"
)
# A phrase too short to be a sentence of its own: a wire's capitalised preposition after
# "U.S." ("when he visits the U.S. On April 19.") is the same sentence's ("He said so." is
# a sentence).
_NO_CLAUSE = re.compile(
    r"\s+(?:In|On|During|After|Before|Following)\s+\S+(?:\s+\S+){0,2}?[.!?](?:\s|$)"
)
# After "Washington, D.C." (never before an office, as "U.S." is): an office opens the
# next sentence ("... in Washington, D.C. Deputy Secretary Sherman condemned ...").
_OFFICE_STARTER = re.compile(
    r"\s+(?:Deputy|Secretary|Under|Assistant|Ambassador|Special|Acting|President|Foreign|"
    r"Prime|Minister|Senior|Both|Also)\b"
)
_DATELINE_HEAD = re.compile(r"\s*[A-Z][A-Z .'-]*$")
# Letters of any script: "Wilmès." ends a sentence; its "s" is no initial.  Matched on
# the reversed text before a period (`_word_before`): searching for the word with "$"
# tried every position of the stretch.
_WORD_BEFORE_REVERSED = re.compile(r"\n?((?:[^\W\d_]|\.)+)")


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Split ``text`` into sentences.

    Args:
        text: The text to split.
        offset: Added to every position (to split a part of a larger document).

    Returns:
        ``(start, end)`` pairs, in order, with surrounding whitespace trimmed; empty
        stretches are dropped.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if text[match.start()] == ".":
            if match.start() < 40 and _DATELINE_HEAD.match(text, 0, match.start()):
                continue  # "OSLO. KAZINFORM - ..." is one dateline, not a sentence
            word = _word_before(text, max(0, match.start() - 12), match.start())
            if word is not None:
                token = text[word[0] : word[1]].lower().strip(".")
                # "Mr." or an initial ("J.") or an abbreviation like "U.S.": keep going.
                initials = "." in token and all(len(part) == 1 for part in token.split("."))
                # "Sana’a." ends a word, not an initial.
                elided = word[0] > 0 and text[word[0] - 1] in "’'"
                single = len(token) == 1 and token.isalpha() and not elided
                if token in _ABBREVIATIONS or single or initials:
                    if not (
                        token in _PLACE_ABBREVIATIONS
                        and (
                            (
                                _STARTER.match(text, end)
                                and not (token != "d.c" and _NO_CLAUSE.match(text, end))
                            )
                            or (token == "d.c" and _OFFICE_STARTER.match(text, end))
                        )
                    ):
                        continue
        _append(spans, text, start, end, offset)
        start = end
    _append(spans, text, start, len(text), offset)
    return spans


def _word_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the letters and periods that end ``text[start:end]`` (or end it but
    for a last newline, as "$" reads it); None when there are none."""
    match = _WORD_BEFORE_REVERSED.match(text[start:end][::-1])
    if match is None:
        return None
    stop = end - match.start(1)
    return stop - (match.end(1) - match.start(1)), stop


# A "sentence" longer than this (text without punctuation: a table, a transcript dump,
# hostile input) is cut at spaces into pieces of at most this many characters, so that
# what the extract stage does per sentence stays bounded and an article costs time
# linear in its length.  Real sentences are far shorter (news: ~25 words).
MAX_SENTENCE = 1500


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int, offset: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        spans.append((start + offset, cut + offset))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start + offset, end + offset))


def document_sentences(title: str | None, body: str) -> list[tuple[int, int]]:
    """Sentences of the document text (`search.model.document_text`): the title is sentence 0."""
    if not title:
        return split_sentences(body)
    head = [(0, len(title))] if title.strip() else []
    return head + split_sentences(body, offset=len(title) + 2)


_START = operator.itemgetter(0)


def sentence_at(sentences: Sequence[tuple[int, int]], pos: int) -> int:
    """Index of the sentence containing ``pos`` (the nearest one before it, else 0)."""
    # (The same halving as a loop over the starts would do, in C: it runs per mention.)
    return max(0, bisect.bisect_right(sentences, pos, key=_START) - 1)
