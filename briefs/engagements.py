"""The engagement ledger: one entry per real meeting, visit or call between two countries.

Input: the engagements extracted per article (`search.extract.engagements`, the store's
``engagements`` table) whose sides include both countries, from every article that
reports one (not only those the pair rule says concern both: a readout of a call with
five foreign ministers records each of the five).  Across articles, two reports are the
same engagement when they are copies of one story (one cluster), or when they are of the
same kind, their dates are at most `SAME_DAYS` apart, and they share a participant or a
place (or name no one).  An undated report merges with a copy, or with the one entry
naming the same people of the same kind at the same place.

Planned engagements (announced visits, scheduled talks) form their own list, "coming
up"; background ones (history an article recalls) join the ledger with their own date.
Engagements the analyst rejected are left out; the ones the analyst added are in,
marked as theirs.  Everything else here is heuristic and labelled so in the caveats.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from briefs.evidence import Evidence, Source

# Two reports of the same engagement are at most this many days apart.
SAME_DAYS = 2
TOPICS = 6
TOPIC_SENTENCES = 10  # sentences after an engagement's own read for what it discussed
LIMIT = 60  # engagements cited and listed (the newest)
# Kinds that may be one engagement told two ways ("talks" in one story, "met" in another).
_ALIKE = {"meeting": "meeting", "consultations": "meeting", "multilateral": "multilateral"}


@dataclass(frozen=True, slots=True)
class Engagement:
    """One real meeting, visit or call, merged across the articles that report it.

    Attributes:
        date: ISO date (the engagement's own date, else its first report's), or None.
        type: meeting, call, visit, consultations, signing or multilateral.
        place: Where, when the text says.
        participants: Side (alpha-3) -> names of the people there for it.
        topics: Topic keys discussed (from the sentences about this engagement).
        sources: The reporting sentence of each article, oldest first.
        roles: Name -> the role given in the reports.
        articles: Ids of the articles that report it.
        status: ``main`` (reported), ``background`` (recalled) or ``planned`` (announced).
        sides: Every side taking part: country codes and ``org:KEY``.
        by_analyst: Added by the analyst (not extracted).
        reports: ``(article id, sentence, type)`` of every report merged into it: what the
            analyst rejects when rejecting it (`search.ingest.corrections`).
        recorded: A meeting the user recorded as held (`briefs.outcomes`), cited to the
            meeting record (``meeting:ID``); ``by_analyst`` is true too.
    """

    date: str | None
    type: str
    place: str | None
    participants: dict[str, tuple[str, ...]]
    topics: tuple[str, ...]
    sources: tuple[Source, ...]
    roles: dict[str, str] = field(default_factory=dict)
    articles: tuple[str, ...] = ()
    status: str = "main"
    sides: tuple[str, ...] = ()
    by_analyst: bool = False
    reports: tuple[tuple[str, int, str], ...] = ()
    recorded: bool = False


@dataclass(frozen=True, slots=True)
class Report:
    """One article's account of one engagement (a row of the ``engagements`` table)."""

    rowid: int
    cluster: int
    sentence: int
    type: str
    status: str
    date: str | None
    place: str | None
    sides: tuple[str, ...]
    people: tuple[tuple[str, str], ...]  # (side, name)
    article_date: str | None
    next_sentence: int = 1 << 30  # where the article's next engagement is reported

    @property
    def when(self) -> str | None:
        """The engagement's own date, else (for what the article reports) its article's."""
        if self.date:
            return self.date
        return self.article_date if self.status == "main" else None


@dataclass
class _Draft:
    reports: list[Report]
    date: str | None
    type: str
    place: str | None
    status: str
    clusters: set[int] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    sides: set[str] = field(default_factory=set)
    index: int = 0


def report_from_row(row: Sequence[Any], cluster: int, article_date: str | None) -> Report:
    """A `Report` from ``(article, seq, sentence, type, status, date, place, sides,
    participants)``."""
    _article, _seq, sentence, type_, status, when, place, sides, participants = row[:9]
    return Report(
        rowid=int(row[0]),
        cluster=cluster,
        sentence=int(sentence),
        type=str(type_),
        status=str(status),
        date=when,
        place=place,
        sides=tuple(s for s in str(sides).split(",") if s),
        people=tuple((str(side), str(name)) for side, name in json.loads(participants or "[]")),
        article_date=article_date,
    )


def build_ledger(
    reports: Sequence[Report],
    evidence: Evidence,
    a: str,
    b: str,
    limit: int | None = None,
    roles: dict[str, str] | None = None,
) -> tuple[tuple[Engagement, ...], int, tuple[Engagement, ...]]:
    """The ledger (newest first), its size, and the planned engagements (soonest first).

    Args:
        reports: The pair's engagement reports, in any order.
        evidence: Reads the cited sentences.
        a: One side (alpha-3).
        b: The other side.
        limit: How many ledger entries to cite and return (the newest); default `LIMIT`.
        roles: Name -> latest role, from the people registry.
    """
    ledger = _Ledger()
    reports = _bounded(reports)
    for report in sorted(reports, key=lambda r: (r.article_date or "", r.rowid, r.sentence)):
        draft = _match(ledger.candidates(report), report)
        if draft is None:
            draft = ledger.add(_Draft([], report.when, report.type, report.place, report.status))
        _absorb(draft, report)
        ledger.index(draft)
    held = [d for d in ledger.drafts if d.status != "planned"]
    planned = [d for d in ledger.drafts if d.status == "planned"]
    newest = sorted(
        held, key=lambda d: (d.date or "", max(r.rowid for r in d.reports), -d.index), reverse=True
    )
    soonest = sorted(planned, key=lambda d: (d.date or "9999", d.index))
    cited = [*newest[: limit or LIMIT], *soonest[: limit or LIMIT]]
    evidence.prefetch([report.rowid for draft in cited for report in draft.reports])
    entries = tuple(_engagement(d, evidence, a, b, roles or {}) for d in newest[: limit or LIMIT])
    coming = tuple(_engagement(d, evidence, a, b, roles or {}) for d in soonest[: limit or LIMIT])
    return entries, len(held), coming


def _bounded(reports: Sequence[Report]) -> list[Report]:
    """Each report knows where its article's next engagement starts (its topics end there)."""
    by_article: dict[int, list[Report]] = defaultdict(list)
    for report in reports:
        by_article[report.rowid].append(report)
    out = []
    for group in by_article.values():
        group.sort(key=lambda r: r.sentence)
        for i, report in enumerate(group):
            following = [r.sentence for r in group[i + 1 :] if r.sentence > report.sentence]
            out.append(replace(report, next_sentence=following[0]) if following else report)
    return out


class _Ledger:
    """The drafts so far, indexed by cluster, day and people (matching stays linear)."""

    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.by_cluster: dict[int, set[int]] = defaultdict(set)
        self.by_day: dict[int, set[int]] = defaultdict(set)
        self.by_person: dict[str, set[int]] = defaultdict(set)
        self.undated: set[int] = set()

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
        else:
            self.undated.add(draft.index)
        for name in draft.people:
            self.by_person[name].add(draft.index)

    def candidates(self, report: Report) -> list[_Draft]:
        found = set(self.by_cluster.get(report.cluster, ()))
        day = _day(report.when)
        if day is not None:
            for near in range(day - SAME_DAYS, day + SAME_DAYS + 1):
                found |= self.by_day.get(near, set())
        for _side, name in report.people:
            found |= self.by_person.get(_key(name), set())
        return [self.drafts[i] for i in sorted(found)]


def _match(drafts: list[_Draft], report: Report) -> _Draft | None:
    """The ledger entry this report belongs to, if it is already there.

    Reports of one article are never merged with each other (the article's own
    extraction already did); among the entries a report may belong to, the one sharing
    most of its named people wins.
    """
    people = {_key(name) for _side, name in report.people}
    best: tuple[int, int, int] | None = None
    chosen = None
    for draft in drafts:
        if any(r.rowid == report.rowid for r in draft.reports):
            continue
        if draft.status != report.status and "planned" in (draft.status, report.status):
            continue
        shared = len(people & draft.people)
        alike = _ALIKE.get(report.type, report.type) == _ALIKE.get(draft.type, draft.type)
        same_place = bool(
            report.place and draft.place and report.place.lower() == draft.place.lower()
        )
        if report.cluster in draft.clusters:
            eligible = shared > 0 or not people or not draft.people
        elif not report.when or not draft.date:
            eligible = bool(people) and people == draft.people and alike and same_place
        else:
            eligible = (
                _close(report.when, draft.date)
                and alike
                and (shared > 0 or same_place or not people or not draft.people)
            )
        if not eligible:
            continue
        rank = (shared, int(report.type == draft.type), draft.index)
        if best is None or rank > best:
            best, chosen = rank, draft
    return chosen


def _absorb(draft: _Draft, report: Report) -> None:
    draft.reports.append(report)
    draft.clusters.add(report.cluster)
    draft.people |= {_key(name) for _side, name in report.people}
    draft.sides |= set(report.sides)
    draft.place = draft.place or report.place
    if draft.date is None or (report.date and len(report.date) > len(draft.date or "")):
        draft.date = report.when or draft.date
    if report.status == "main":
        draft.status = "main" if draft.status != "planned" else draft.status


def _engagement(
    draft: _Draft, evidence: Evidence, a: str, b: str, roles: dict[str, str]
) -> Engagement:
    """The ledger entry: cited, with its topics and its participants per side."""
    sources: list[Source] = []
    topics: Counter[str] = Counter()
    named: dict[str, dict[str, str]] = defaultdict(dict)
    reports: list[tuple[str, int, str]] = []
    for report in draft.reports:
        for side, name in report.people:
            named[side].setdefault(_key(name), name)
        source = evidence.cite(report.rowid, report.sentence)
        reports.append((source.article, report.sentence, report.type))
        if any(s.article == source.article for s in sources):
            continue
        sources.append(source)
        # What was discussed: the sentences about it, up to the article's next engagement.
        end = min(report.next_sentence, report.sentence + TOPIC_SENTENCES)
        found = evidence.topics(report.rowid, range(report.sentence, end))
        # Weighted by rank, so one report's main topics lead and every report counts.
        topics.update({t: len(found) - i for i, t in enumerate(found)})
    participants = {side: _one_each(named.get(side, {}).values()) for side in (a, b)}
    people_roles = {
        name: roles[name] for side in participants.values() for name in side if name in roles
    }
    sides = tuple(sorted(draft.sides, key=lambda s: (s not in (a, b), s)))
    return Engagement(
        date=draft.date,
        type=_kind(draft),
        place=draft.place,
        participants=participants,
        topics=tuple(t for t, _ in topics.most_common(TOPICS)),
        sources=tuple(sources),
        roles=people_roles,
        articles=tuple(s.article for s in sources),
        status=draft.status,
        sides=sides,
        reports=tuple(reports),
    )


def _kind(draft: _Draft) -> str:
    """The most specific kind its reports give (a call or a visit over a "meeting")."""
    order = ("signing", "call", "visit", "consultations", "multilateral", "meeting")
    kinds = {r.type for r in draft.reports}
    return next((k for k in order if k in kinds), draft.type)


def analyst_engagement(value: dict[str, Any], source: Source, a: str, b: str) -> Engagement:
    """An engagement the analyst added (`search.ingest.corrections`), cited to its article."""
    named: dict[str, list[str]] = defaultdict(list)
    for side, name in value.get("participants", []):
        named[str(side)].append(str(name))
    sides = (*value.get("countries", []), *(f"org:{o}" for o in value.get("orgs", [])))
    return Engagement(
        date=value.get("date"),
        type=str(value.get("type", "meeting")),
        place=value.get("place"),
        participants={side: tuple(named.get(side, ())) for side in (a, b)},
        topics=(),
        sources=(source,),
        articles=(source.article,),
        status=str(value.get("status", "main")),
        sides=tuple(sides),
        by_analyst=True,
    )


def _one_each(names: Iterable[str]) -> tuple[str, ...]:
    """One name per person of a side, the fullest: the reports of one engagement write
    "Lloyd J. Austin III", "Austin" and "Blinken" beside "Antony J. Blinken"."""
    from search.extract.aliases import fullness, same_person

    listed = list(dict.fromkeys(names))
    return tuple(
        name
        for name in listed
        if not any(
            fullness(other) > fullness(name) and same_person(name, other) for other in listed
        )
    )


def _key(name: str) -> str:
    from search.extract.aliases import person_key

    return person_key(name)


def _close(x: str, y: str) -> bool:
    dx, dy = _day(x), _day(y)
    if dx is None or dy is None:
        return x[:7] == y[:7]
    return abs(dx - dy) <= SAME_DAYS


@lru_cache(maxsize=4096)
def _day(value: str | None) -> int | None:
    """An ISO date as a day number (None when missing or not a full date)."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def is_ledger_date(value: str | None) -> bool:
    """Whether a ledger date is a full day (month-only dates sort but do not match)."""
    return _day(value) is not None
