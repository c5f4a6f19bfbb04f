"""What the relations summaries return (`briefs.relations`): a country's profile, a
pair's summary, and the pieces they are made of, each citing its `Source`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from briefs.commitments import CommitmentEntry
from briefs.engagements import Engagement
from briefs.evidence import Source


@dataclass(frozen=True, slots=True)
class Window:
    """Inclusive date window (None: open)."""

    since: date | None = None
    until: date | None = None

    def sql(self, column: str = "a.date") -> tuple[str, list[str]]:
        """A SQL condition and its parameters (undated articles only in an open window)."""
        clauses, params = [], []
        if self.since:
            clauses.append(f"{column} >= ?")
            params.append(self.since.isoformat())
        if self.until:
            clauses.append(f"{column} <= ?")
            params.append(self.until.isoformat() + "T99")
        return (" AND ".join(clauses) or "1 = 1"), params

    def holds(self, day: str | None) -> bool:
        """Whether an article of this date is in the window (undated: only in an open one)."""
        if self.since is None and self.until is None:
            return True
        if not day:
            return False
        if self.since and day[:10] < self.since.isoformat():
            return False
        return not (self.until and day[:10] > self.until.isoformat())

    @property
    def open(self) -> bool:
        """Neither end is set (undated articles count)."""
        return self.since is None and self.until is None


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article as listed in a summary (docs/relations.md: id, title, date, source, countries)."""

    id: str
    title: str
    date: str | None
    source: str | None
    countries: tuple[str, ...]
    url: str | None = None


@dataclass(frozen=True, slots=True)
class PersonSeen:
    """A person in the corpus, with the latest role and when they were last seen."""

    name: str
    country: str | None
    role: str | None
    last_seen: str | None
    articles: int
    aliases: tuple[str, ...]
    source: Source
    corrected: bool = False


@dataclass(frozen=True, slots=True)
class EventCount:
    """How many events of one type, and their mean cooperation score."""

    type: str
    count: int
    mean_score: float


@dataclass(frozen=True, slots=True)
class EventEntry:
    """One coded event with its sentence."""

    type: str
    mode: str | None
    cameo: str
    score: float
    actors: tuple[str, ...]
    date: str | None
    place: str | None
    historical: bool
    source: Source


@dataclass(frozen=True)
class PairSummary:
    """What has happened between two countries (README.md, "Relationship summaries").

    ``articles`` holds every article id concerning both, oldest first; ``article_refs``
    the same articles with their metadata (added field).  ``sources`` counts articles
    per publisher.  ``undated`` counts the articles without a date (added field).
    ``engagements`` and ``commitments`` hold the newest 60 (cited); their totals are
    ``engagements_total`` and ``commitments_total`` (added fields).  ``planned`` holds
    the announced engagements, soonest first ("coming up").  ``people`` holds the 25 most
    mentioned per side, each on the side the people registry gives them.
    """

    a: str
    b: str
    window: Window
    articles: tuple[str, ...]
    stories: int
    first_date: str | None
    last_date: str | None
    monthly_volume: tuple[tuple[str, int], ...]
    engagements: tuple[Engagement, ...]
    event_counts: tuple[EventCount, ...]
    cooperation_by_quarter: tuple[tuple[str, float, int], ...]
    people: dict[str, tuple[PersonSeen, ...]]
    orgs: tuple[tuple[str, int], ...]
    topics: tuple[tuple[str, int], ...]
    commitments: tuple[CommitmentEntry, ...]
    latest: tuple[Source, ...]
    sources: tuple[tuple[str, int], ...]
    caveats: tuple[str, ...]
    article_refs: tuple[ArticleRef, ...] = ()
    undated: int = 0
    engagements_total: int = 0
    commitments_total: int = 0
    planned: tuple[Engagement, ...] = ()


@dataclass(frozen=True)
class CountryProfile:
    """One country at a glance.

    ``partners`` are the countries most often concerned together with this one (by
    stories); ``sources`` counts articles per publisher, ``undated`` the articles
    without a date (added fields).
    """

    code: str
    window: Window
    articles: int
    stories: int
    first_date: str | None
    last_date: str | None
    monthly_volume: tuple[tuple[str, int], ...]
    partners: tuple[tuple[str, int], ...]
    people: tuple[PersonSeen, ...]
    topics: tuple[tuple[str, int], ...]
    orgs: tuple[tuple[str, int], ...]
    recent_events: tuple[EventEntry, ...]
    latest: tuple[Source, ...]
    caveats: tuple[str, ...] = field(default_factory=tuple)
    sources: tuple[tuple[str, int], ...] = ()
    undated: int = 0
