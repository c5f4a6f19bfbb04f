"""How a brief's citations are shown: sources grouped by article, sentences lettered.

In the brief's data (and its YAML) each cited sentence is one numbered `SourceRef`, and a
bullet cites those numbers (``cite: [4, 7]``).  Shown to a reader, one article with
eight cited sentences must be one source, not eight (issue 13): the renderings
(Markdown, Word) number the *articles* in the order they are first cited and letter
their sentences, so sentence 7 above reads ``[3b]``: article 3, its second cited
sentence.  An article cited for one sentence only is just ``[3]``.  These functions
are pure, so a hand-edited YAML (any numbering) renders the same way.

`renumber` is for the drafting side: after sections are cut (``--max-items``) it drops
the sources no bullet cites any longer and numbers the rest in document order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from briefs.brief_model import Brief, Commitments, Item, Participants, Person, SourceRef

__all__ = ["ArticleGroup", "citation_labels", "format_cites", "group_sources", "renumber"]


@dataclass(frozen=True)
class ArticleGroup:
    """One cited article and its cited sentences, as a reader sees them.

    Attributes:
        number: The article's number in the sources list (from 1).
        ref: The first `SourceRef` of the article (title, publisher, date, url).
        sentences: ``(label, source number, sentence)`` of each cited sentence, in the
            order they are first cited; the label is ``3a`` (``3`` for a lone sentence).
    """

    number: int
    ref: SourceRef
    sentences: tuple[tuple[str, int, str], ...]


def _letters(index: int) -> str:
    """``a`` .. ``z``, ``aa``, ``ab`` ... for the 0-based ``index``."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def group_sources(sources: Sequence[SourceRef]) -> list[ArticleGroup]:
    """The sources grouped by article, articles in order of first appearance.

    Two entries with the same article id and the same sentence are one sentence (a
    hand edit may repeat one); their numbers share its label.
    """
    order: dict[str, list[SourceRef]] = {}
    for ref in sorted(sources, key=lambda r: r.n):
        order.setdefault(ref.article, []).append(ref)
    groups = []
    for number, refs in enumerate(order.values(), 1):
        texts: dict[str, int] = {}
        for ref in refs:
            texts.setdefault(" ".join(ref.sentence.split()), len(texts))
        lone = len(texts) == 1
        sentences = tuple(
            (
                str(number)
                if lone
                else f"{number}{_letters(texts[' '.join(ref.sentence.split())])}",
                ref.n,
                ref.sentence,
            )
            for ref in refs
        )
        groups.append(ArticleGroup(number, refs[0], sentences))
    return groups


def citation_labels(sources: Sequence[SourceRef]) -> dict[int, str]:
    """Source number -> the label a reader sees (``3a``, or ``3``)."""
    return {n: label for g in group_sources(sources) for label, n, _ in g.sentences}


def format_cites(numbers: Sequence[int], labels: dict[int, str]) -> str:
    """``1a, 1c, 2`` for these source numbers (each label once; unknown numbers as is)."""
    shown = dict.fromkeys(labels.get(n, str(n)) for n in numbers)
    return ", ".join(shown)


# --------------------------------------------------------------------------- renumbering

# Participants are rendered their side first.
_ORDER: dict[type, tuple[str, ...]] = {
    Participants: ("theirs", "ours"),
    Commitments: ("last_meeting",),
}


def _walk(value: Any) -> Iterator[Item | Person]:
    """Every citing bullet in document order."""
    if isinstance(value, (Item, Person)):
        yield value
        return
    if isinstance(value, tuple):
        for v in value:
            yield from _walk(v)
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        every = [f.name for f in dataclasses.fields(value)]
        first = [name for name in _ORDER.get(type(value), ()) if name in every]
        names = [*first, *(name for name in every if name not in first)]
        for name in names:
            if name != "sources":
                yield from _walk(getattr(value, name))


def _rewrite(value: Any, mapping: dict[int, int]) -> Any:
    if isinstance(value, (Item, Person)):
        cite = tuple(dict.fromkeys(mapping[n] for n in value.cite if n in mapping))
        return dataclasses.replace(value, cite=cite)
    if isinstance(value, tuple):
        return tuple(_rewrite(v, mapping) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _rewrite(getattr(value, f.name), mapping)
            for f in dataclasses.fields(value)
            if f.name != "sources"
        }
        return dataclasses.replace(value, **changes)
    return value


def renumber(brief: Brief) -> Brief:
    """The brief with its sources numbered 1.. in the order the document cites them,
    grouped so each article's sentences are listed together; sources no bullet cites
    are dropped."""
    by_n = {ref.n: ref for ref in brief.sources}
    first_seen: list[int] = []
    seen: set[int] = set()
    for bullet in _walk(brief):
        for n in bullet.cite:
            if n in by_n and n not in seen:
                seen.add(n)
                first_seen.append(n)
    # Articles in order of first citation; within one, its sentences in citation order.
    articles: dict[str, list[int]] = {}
    for n in first_seen:
        articles.setdefault(by_n[n].article, []).append(n)
    ordered = [n for numbers in articles.values() for n in numbers]
    mapping = {old: new for new, old in enumerate(ordered, 1)}
    sources = tuple(dataclasses.replace(by_n[old], n=mapping[old]) for old in ordered)
    rewritten: Brief = _rewrite(brief, mapping)
    return dataclasses.replace(rewritten, sources=sources)
