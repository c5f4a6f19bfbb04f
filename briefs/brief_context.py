"""What every section builder of a brief shares: the pair, the date, the citations.

`Citations` numbers sources in the order the brief first cites them; `BriefContext`
carries the pair summary, the corpus look-ups and the as-of date (facts dated after it
are left out: a brief prepared "as of" a day knows nothing later).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from briefs.brief_corpus import PairCorpus, TopicPlace
from briefs.brief_model import SourceRef
from briefs.evidence import Source
from briefs.relations import Engagement, PairSummary
from briefs.wording import end_sentence

UNDATED = "undated"
TopicIndex = tuple[Counter[str], dict[str, list[TopicPlace]]]


class Citations:
    """Numbers sources in order of first citation; one number per cited sentence."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, str], int] = {}
        self._refs: list[SourceRef] = []

    def __call__(self, *sources: Source) -> tuple[int, ...]:
        """The numbers of these sources (new ones are appended)."""
        numbers: list[int] = []
        for source in sources:
            key = (source.article, source.sentence)
            number = self._numbers.get(key)
            if number is None:
                number = len(self._refs) + 1
                self._numbers[key] = number
                self._refs.append(
                    SourceRef(
                        n=number,
                        article=source.article,
                        title=source.title,
                        sentence=source.sentence,
                        source=source.source,
                        date=source.date,
                        url=source.url,
                    )
                )
            numbers.append(number)
        return tuple(dict.fromkeys(numbers))

    def refs(self) -> tuple[SourceRef, ...]:
        """The numbered sources."""
        return tuple(self._refs)


@dataclass
class BriefContext:
    """The inputs of every section builder."""

    home: str
    counterpart: str
    home_name: str
    name: str
    as_of: date
    summary: PairSummary
    corpus: PairCorpus
    cite: Citations = field(default_factory=Citations)
    shown: set[tuple[str, str]] = field(default_factory=set)
    _topics: TopicIndex | None = field(default=None, repr=False)
    _ledger: list[Engagement] | None = field(default=None, repr=False)

    def topic_index(self) -> TopicIndex:
        """Topic mentions in the latest stories of the pair (read once)."""
        if self._topics is None:
            self._topics = self.corpus.topic_sentences()
        return self._topics

    @property
    def pair(self) -> tuple[str, str]:
        """Our side and the counterpart."""
        return (self.home, self.counterpart)

    def known(self, when: str | None) -> bool:
        """True when a fact dated ``when`` is not after the as-of date (undated: kept)."""
        return not when or when[:10] <= self.as_of.isoformat()

    def side_name(self, code: str) -> str:
        """The name of one side."""
        return self.home_name if code == self.home else self.name

    def engagements(self) -> list[Engagement]:
        """The engagement ledger up to the as-of date: dated ones newest first, then undated."""
        if self._ledger is None:
            known = [e for e in self.summary.engagements if self.known(e.date)]
            dated = sorted((e for e in known if e.date), key=lambda e: str(e.date), reverse=True)
            self._ledger = dated + [e for e in known if not e.date]
        return self._ledger

    def last_meeting(self) -> Engagement | None:
        """The most recent engagement (an undated one only when none is dated)."""
        ledger = self.engagements()
        return ledger[0] if ledger else None


def said(source: Source) -> str:
    """A cited sentence as a key: the same words in two copies of a story are one fact."""
    return " ".join(source.sentence.lower().split())


def possessive(name: str) -> str:
    """``Norway's``, ``United States'``."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def day(when: str | None) -> str:
    """A fact's date for display: its ISO day, or ``undated``."""
    return when[:10] if when else UNDATED


def clip(text: str, width: int = 240) -> str:
    """One line of at most ``width`` characters, cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def engagement_label(engagement: Engagement) -> str:
    """What kind of engagement: consultations, call, summit, talks, meeting, visit..."""
    return engagement.type


def engagement_text(ctx: BriefContext, engagement: Engagement) -> str:
    """``Consultations in Oslo. Kazakhstan: Roman Vassilenko; Norway: Audun Halvorsen``."""
    text = engagement_label(engagement).capitalize()
    if engagement.place:
        text += f" in {engagement.place}"
    sides = [
        f"{ctx.side_name(side)}: {', '.join(engagement.participants[side])}"
        for side in (ctx.home, ctx.counterpart)
        if engagement.participants.get(side)
    ]
    if sides:
        text = end_sentence(text) + " " + "; ".join(sides)
    others = [s for s in engagement.sides if s not in (ctx.home, ctx.counterpart)]
    if others:
        text += f" (with {', '.join(o.removeprefix('org:') for o in others[:6])})"
    if engagement.recorded:
        text += " (outcome recorded in briefroom)"
    elif engagement.by_analyst:
        text += " (recorded by the analyst)"
    return text


@lru_cache(maxsize=256)
def topic_label(topic: str) -> str:
    """The taxonomy's label for a topic id (the id when the taxonomy cannot be read)."""
    try:
        from search.extract.topics import load_taxonomy

        return load_taxonomy().label(topic)
    except Exception:  # a broken taxonomy file must not stop a brief
        return topic.replace("_", " ")
