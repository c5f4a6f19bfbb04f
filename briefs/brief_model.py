"""The brief document (schema ``briefroom.brief/v1``): plain frozen dataclasses.

The YAML file is this structure, field for field (see docs/brief-schema.md and
`briefs.brief_yaml`).  Every generated bullet is an `Item` whose ``cite`` numbers point
into ``Brief.sources``; a section the archive cannot fill carries a ``todo`` that says
what the author must add, instead of invented text.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA = "briefroom.brief/v1"


@dataclass(frozen=True)
class SourceRef:
    """A numbered source: one sentence of one article.

    Attributes:
        n: The citation number (``[n]`` in the text).
        article: The article id in the archive.
        title: The article's title.
        source: The publisher, if known.
        date: The publication date (ISO), None when the article is undated.
        url: Where it was published, if known.
        sentence: The cited sentence, as written.
    """

    n: int
    article: str
    title: str
    sentence: str
    source: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Item:
    """One bullet: a fact or a point, with its citations.

    Attributes:
        text: What the bullet says.
        cite: Citation numbers (into ``Brief.sources``).
        date: When it happened (ISO, or ``undated``), shown first.
        label: A short kind ("Last meeting", "Agreed", "Request"), shown in bold.
    """

    text: str
    cite: tuple[int, ...] = ()
    date: str | None = None
    label: str | None = None


@dataclass(frozen=True)
class Section:
    """A list of bullets, a note on where they come from, and what is left to the author."""

    items: tuple[Item, ...] = ()
    note: str | None = None
    todo: str | None = None


@dataclass(frozen=True)
class Person:
    """A participant.

    Attributes:
        name: Full name.
        role: Latest role reported in the archive (or written by the author).
        last_contact: The last engagement they took part in, or when last seen.
        cite: Citation numbers for the role and the last contact.
        note: Anything the author must check ("not found in the archive").
    """

    name: str
    role: str | None = None
    last_contact: str | None = None
    cite: tuple[int, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Participants:
    """Who takes part, per side."""

    ours: tuple[Person, ...] = ()
    theirs: tuple[Person, ...] = ()
    note: str | None = None
    todo: str | None = None


@dataclass(frozen=True)
class Issue:
    """A key issue: what is on record, and the points to make."""

    issue: str
    facts: tuple[Item, ...] = ()
    points: tuple[Item, ...] = ()
    todo: str | None = None


@dataclass(frozen=True)
class Issues:
    """The key issues section."""

    items: tuple[Issue, ...] = ()
    note: str | None = None
    todo: str | None = None


@dataclass(frozen=True)
class Commitments:
    """Who promised what, and what to follow up (first: what the last meeting's recorded
    outcome left to follow up)."""

    ours: tuple[Item, ...] = ()
    theirs: tuple[Item, ...] = ()
    joint: tuple[Item, ...] = ()
    follow_ups: tuple[Item, ...] = ()
    note: str | None = None
    todo: str | None = None
    last_meeting: Section = Section()
    """Follow-ups from the last meeting: what its recorded outcome agreed and gave to
    follow up, with owner and due date (`briefs.brief_record.follow_ups`)."""


@dataclass(frozen=True)
class MeetingInfo:
    """The meeting the brief is for.

    Attributes:
        country: The counterpart (ISO alpha-3).
        country_name: Its name.
        home: Our side (ISO alpha-3).
        home_name: Our side's name.
        date: The meeting day (ISO), as resolved.
        date_text: The date as the user typed it.
        place: Where.
        format: consultations, visit, call ...
        attendees: The names the user said we meet.
    """

    country: str
    country_name: str
    home: str
    home_name: str
    date: str | None = None
    date_text: str | None = None
    place: str | None = None
    format: str | None = None
    attendees: tuple[str, ...] = ()


@dataclass(frozen=True)
class Prepared:
    """When and from what the brief was prepared."""

    as_of: str
    generator: str = "briefroom"
    articles: int = 0
    stories: int = 0
    first_date: str | None = None
    last_date: str | None = None


@dataclass(frozen=True)
class Profile:
    """The counterpart on its own, for a pair the archive says little about.

    Attributes:
        developments: Recent news of the counterpart (one line per story).
        leaders: Its people in the archive, with their role as of the meeting date.
        engagements: Its meetings, visits and calls with other countries.
        note: Why the section is there (thin coverage of the pair).
        todo: What the author must add.
    """

    developments: tuple[Item, ...] = ()
    leaders: tuple[Person, ...] = ()
    engagements: tuple[Item, ...] = ()
    note: str | None = None
    todo: str | None = None


@dataclass(frozen=True)
class Brief:
    """A briefing note for one meeting (schema ``briefroom.brief/v1``).

    The fields are in document order: ``glance`` (added) is rendered first, and
    ``counterpart`` (added; absent unless the pair's coverage is thin) after the
    background.
    """

    schema: str
    title: str
    meeting: MeetingInfo
    prepared: Prepared
    glance: Section = Section()
    purpose: Section = Section()
    participants: Participants = Participants()
    background: Section = Section()
    counterpart: Profile | None = None
    engagements: Section = Section()
    upcoming: Section = Section()
    issues: Issues = Issues()
    asks: Section = Section()
    commitments: Commitments = Commitments()
    sensitivities: Section = Section()
    sources: tuple[SourceRef, ...] = ()
    caveats: tuple[str, ...] = ()
