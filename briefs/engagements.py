"""The engagement ledger: one entry per real meeting, visit or call between two countries.

Input: the CONSULT events (meet, visit, host, phone, negotiate...) coded at ingest in
the pair's articles, with the people each sentence names.  Within an article, the
events are read in order: the first opens an engagement; a later sentence that names
a counterpart not in the current engagement opens another one ("The same day the
Kazakh diplomat held a meeting with ... Anniken Huitfeldt"); any other sentence
("the sides discussed ...") belongs to the current one.  A side that nobody is named
for in a follow-up meeting keeps the delegation of the article's previous engagement
(the visiting diplomat meets several hosts).  Across articles, two reports are the
same engagement when they are copies of one story (one cluster), or when their dates
are at most `SAME_DAYS` apart and they share a participant, or the place and type.
An undated report merges with copies, or with the one entry naming the same people
of the same type at the same place.

Everything here is heuristic and labelled so in the summary's caveats.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from briefs.evidence import Evidence, Source

# Two reports of the same engagement are at most this many days apart.
SAME_DAYS = 2
TOPICS = 6
LIMIT = 60  # engagements cited and listed (the newest)

# The engagement's kind, from the words of its first sentence, most specific first.
_KINDS = (
    ("consultations", re.compile(r"\bconsult(?:ations?|ed|ing)\b", re.I)),
    (
        "call",
        re.compile(r"\b(?:(?:tele)?phone|call(?:ed)? with|spoke (?:with|to|by phone))\b", re.I),
    ),
    ("summit", re.compile(r"\bsummit\b", re.I)),
    ("talks", re.compile(r"\b(?:talks|negotiat\w+)\b", re.I)),
    ("meeting", re.compile(r"\b(?:meeting|met|meets?)\b", re.I)),
    ("visit", re.compile(r"\b(?:visit\w*|trip|travel\w*|arrived)\b", re.I)),
)
_MODE_KINDS = {
    "phone": "call",
    "visit": "visit",
    "host": "visit",
    "negotiate": "talks",
    "mediate": "mediation",
}


@dataclass(frozen=True, slots=True)
class Engagement:
    """One real meeting, visit or call, merged across the articles that report it.

    Attributes:
        date: ISO date (the event's own date, else its article's), or None.
        type: consultations, call, summit, talks, meeting, visit or mediation.
        place: Where, when the text says.
        participants: Side (alpha-3) -> names of the people there for it.
        topics: Topic keys discussed (from the sentences about this engagement).
        sources: The first sentence of each report, oldest first.
        roles: Name -> the role given in the reports (added field).
        articles: Ids of the articles that report it (added field).
    """

    date: str | None
    type: str
    place: str | None
    participants: dict[str, tuple[str, ...]]
    topics: tuple[str, ...]
    sources: tuple[Source, ...]
    roles: dict[str, str] = field(default_factory=dict)
    articles: tuple[str, ...] = ()


@dataclass
class _Draft:
    """An engagement being assembled."""

    date: str | None
    type: str
    place: str | None
    clusters: set[int] = field(default_factory=set)
    people: dict[str, dict[str, str]] = field(default_factory=dict)  # side -> key -> name
    own: set[str] = field(default_factory=set)  # people named in the reports themselves
    rowids: set[int] = field(default_factory=set)
    roles: dict[str, str] = field(default_factory=dict)
    reports: list[_Report] = field(default_factory=list)
    index: int = 0


@dataclass
class _Report:
    """One article's account of one engagement: its sentences and named people."""

    rowid: int
    cluster: int
    first: int  # sentence that opens it
    last: int | None  # last sentence about it (None: to the end of the article)
    date: str | None
    type: str
    place: str | None
    people: dict[str, dict[str, tuple[str, str | None]]]  # side -> key -> (name, role)
    own: set[str] = field(default_factory=set)  # keys named in its own sentences


def build_ledger(
    events: Sequence[tuple[Any, ...]],
    people: Sequence[tuple[Any, ...]],
    evidence: Evidence,
    a: str,
    b: str,
    limit: int | None = None,
) -> tuple[tuple[Engagement, ...], int]:
    """The ledger, newest first, and how many engagements there are in all.

    Only the ``limit`` newest engagements are cited and returned: reading the cited
    sentences is what costs time on a pair with thousands of articles.

    Args:
        events: ``(rowid, sentence, mode, place, date, actors, cluster, trigger,
            all_sentences)`` of the pair articles' CONSULT events that are not
            historical, hypothetical or negated, oldest article first;
            ``all_sentences`` is the set of the article's sentences holding any event
            (so a sentence does not borrow the next one's people when that one reports
            something else).
        people: ``(rowid, person_key, name, role, country, sentences)`` of the people of
            either side named in those articles (``sentences`` comma-separated).
        evidence: Reads the cited sentences.
        a: One side (alpha-3).
        b: The other side.
        limit: How many engagements to return at most (the newest); default `LIMIT`.
    """
    named: dict[int, list[tuple[str, str, str | None, str, frozenset[int]]]] = defaultdict(list)
    for rowid, key, name, role, country, sentences in people:
        nums = frozenset(int(n) for n in str(sentences).split(",") if n)
        named[int(rowid)].append((str(key), str(name), role, str(country), nums))
    by_article: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    order: list[int] = []
    for row in events:
        if int(row[0]) not in by_article:
            order.append(int(row[0]))
        by_article[int(row[0])].append(row)
    ledger = _Ledger()
    for rowid in order:
        for report in _reports(by_article[rowid], named[rowid], a, b):
            draft = _match(ledger.candidates(report), report)
            if draft is None:
                draft = ledger.add(_Draft(report.date, report.type, report.place))
            _absorb(draft, report)
            ledger.index(draft)
    newest = sorted(
        ledger.drafts, key=lambda d: (d.date or "", max(d.rowids), -d.index), reverse=True
    )
    entries = tuple(_engagement(d, evidence, a, b) for d in newest[: limit or LIMIT])
    return entries, len(ledger.drafts)


def _reports(
    rows: list[tuple[Any, ...]],
    people: list[tuple[str, str, str | None, str, frozenset[int]]],
    a: str,
    b: str,
) -> list[_Report]:
    """Split one article's CONSULT sentences into the engagements it reports."""
    reports: list[_Report] = []
    for rowid, sentence, mode, place, when, actors, cluster, trigger, busy in rows:
        sides = set(str(actors).split(","))
        if not ({a, b} <= sides or (sides & {a, b} and _names_other(people, sentence, sides))):
            continue
        here = {p for p in people if sentence in p[4]}
        if not here and sentence + 1 not in busy:
            # "... held consultations. The delegation was led by X, while ... by Y."
            here = {p for p in people if sentence + 1 in p[4]}
        found: dict[str, dict[str, tuple[str, str | None]]] = {a: {}, b: {}}
        for key, name, role, country, _nums in here:
            if country in found:
                found[country][key] = (name, role)
        keys = {k for side in found.values() for k in side}
        current = reports[-1] if reports else None
        known = set() if current is None else {k for s in current.people.values() for k in s}
        if current is not None and not (keys - known and known):
            current.last = sentence
            for side, members in found.items():
                current.people.setdefault(side, {}).update(members)
            current.own |= keys
            current.place = current.place or place
            continue
        kind = _kind(str(trigger or ""), mode)
        report = _Report(rowid, cluster, sentence, sentence, when, kind, place, found, keys)
        if current is not None:
            for side in (a, b):
                if not report.people.get(side):  # "the Kazakh diplomat": the same delegation
                    report.people[side] = dict(current.people.get(side, {}))
            report.place = report.place or current.place
        reports.append(report)
    for i, report in enumerate(reports):
        report.last = reports[i + 1].first - 1 if i + 1 < len(reports) else None
    return reports


def _names_other(
    people: list[tuple[str, str, str | None, str, frozenset[int]]], sentence: int, sides: set[str]
) -> bool:
    """The sentence names a person of the side its actors lack (a readout's counterpart)."""
    return any(sentence in p[4] and p[3] not in sides for p in people)


def _kind(text: str, mode: str | None) -> str:
    """The engagement's kind from its trigger or its sentence (see `_KINDS`)."""
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
    return _MODE_KINDS.get(str(mode), "meeting")


def _named_kind(sentence: str) -> str | None:
    """The kind a sentence names, if it names one."""
    return next((kind for kind, pattern in _KINDS if pattern.search(sentence)), None)


class _Ledger:
    """The drafts so far, indexed by cluster, day and people (matching stays linear)."""

    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.by_cluster: dict[int, set[int]] = defaultdict(set)
        self.by_day: dict[int, set[int]] = defaultdict(set)
        self.by_person: dict[str, set[int]] = defaultdict(set)

    def add(self, draft: _Draft) -> _Draft:
        draft.index = len(self.drafts)
        self.drafts.append(draft)
        return draft

    def index(self, draft: _Draft) -> None:
        for cluster in draft.clusters:
            self.by_cluster[cluster].add(draft.index)
        day = _day(draft.date)
        if day is not None:
            self.by_day[day].add(draft.index)
        for key in draft.own:
            self.by_person[key].add(draft.index)

    def candidates(self, report: _Report) -> list[_Draft]:
        found = set(self.by_cluster.get(report.cluster, ()))
        day = _day(report.date)
        if day is not None:
            for near in range(day - SAME_DAYS, day + SAME_DAYS + 1):
                found |= self.by_day.get(near, set())
        for key in report.own:
            found |= self.by_person.get(key, set())
        return [self.drafts[i] for i in sorted(found)]


def _match(drafts: list[_Draft], report: _Report) -> _Draft | None:
    """The ledger entry this report belongs to, if it is already there.

    Reports of one article are never merged with each other; among the entries a
    report may belong to, the one sharing most of its named people wins.  A report
    without a date joins an entry only when exactly one entry has the same people, the
    same type and the same place (annual consultations must not collapse into one).
    """
    best: tuple[int, int, int] | None = None
    chosen = None
    undated: list[_Draft] = []
    for draft in drafts:
        if report.rowid in draft.rowids:
            continue
        shared = len(report.own & draft.own)
        same_place = bool(
            report.place and draft.place and report.place.lower() == draft.place.lower()
        )
        if report.cluster in draft.clusters:
            # A copy of a story already in: the same people, or one side nobody is named for.
            eligible = shared > 0 or not report.own or not draft.own
        elif not report.date or not draft.date:
            if report.own and report.own == draft.own and same_place and report.type == draft.type:
                undated.append(draft)
            continue
        else:
            eligible = _close(report.date, draft.date) and (
                shared > 0 or (same_place and report.type == draft.type)
            )
        if not eligible:
            continue
        rank = (shared, int(report.type == draft.type), draft.index)
        if best is None or rank > best:
            best, chosen = rank, draft
    if chosen is None and len(undated) == 1:
        return undated[0]
    return chosen


def _absorb(draft: _Draft, report: _Report) -> None:
    draft.clusters.add(report.cluster)
    draft.rowids.add(report.rowid)
    draft.own |= report.own
    draft.place = draft.place or report.place
    if draft.date is None:
        draft.date = report.date
    for side, members in report.people.items():
        for key, (name, role) in members.items():
            draft.people.setdefault(side, {}).setdefault(key, name)
            if role:
                draft.roles.setdefault(draft.people[side][key], role)
    draft.reports.append(report)


def _engagement(draft: _Draft, evidence: Evidence, a: str, b: str) -> Engagement:
    """The ledger entry: cited, with its topics and the kind its first sentence names."""
    sources: list[Source] = []
    topics: Counter[str] = Counter()
    for report in draft.reports:
        source = evidence.cite(report.rowid, report.first)
        if any(s.article == source.article for s in sources):
            continue
        sources.append(source)
        last = report.last
        if last is None:
            last = evidence.sentence_count(report.rowid) - 1
        found = evidence.topics(report.rowid, range(report.first, last + 1))
        # Weighted by rank, so one report's main topics lead and every report counts.
        topics.update({t: len(found) - i for i, t in enumerate(found)})
    # The first sentence's words ("held a meeting") over the coded trigger ("the visit").
    kind = (_named_kind(sources[0].sentence) if sources else None) or draft.type
    return Engagement(
        date=draft.date,
        type=kind,
        place=draft.place,
        participants={side: tuple(draft.people.get(side, {}).values()) for side in (a, b)},
        topics=tuple(t for t, _ in topics.most_common(TOPICS)),
        sources=tuple(sources),
        roles=dict(draft.roles),
        articles=tuple(s.article for s in sources),
    )


def _close(x: str, y: str) -> bool:
    dx, dy = _day(x), _day(y)
    if dx is None or dy is None:
        return x[:10] == y[:10]
    return abs(dx - dy) <= SAME_DAYS


@lru_cache(maxsize=4096)
def _day(value: str | None) -> int | None:
    """An ISO date as a day number (None when missing or not a date)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None
