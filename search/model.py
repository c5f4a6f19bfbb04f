"""Plain dataclasses that cross the package boundary.

Nothing here knows about SQLite, Whoosh or Textual: readers produce `RawArticle`s,
the extract stage produces an `Extraction`, the store returns `Article`s and queries
return `Hit`s.  All are frozen so they can be handed between threads safely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as a reader found it, before normalisation and extraction.

    Attributes:
        body: The article text (paragraphs separated by blank lines).
        title: The headline, when the source has one.
        date: Publication date as ISO ``YYYY-MM-DD``; ``None`` when unknown (never invented).
        source: Publisher or agency name.
        url: Canonical address of the article.
        lang: ISO 639-1 language code.
        source_id: The source's own identifier (JSON ``id``, RSS guid, URL).
        city: Dateline city (``Oslo`` for ``OSLO. KAZINFORM -``), in title case.
        agency: Dateline agency (``KAZINFORM``), as written.
        tags: Free tags from front matter or feeds.
        origin: Where the article came from: a path, plus ``:LINE`` for JSON Lines/CSV.
        meta: Anything else the source carried (JSON-serialisable).
    """

    body: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    lang: str | None = None
    source_id: str | None = None
    city: str | None = None
    agency: str | None = None
    tags: tuple[str, ...] = ()
    origin: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReadError:
    """A file (or one record of it) that could not be read.

    ``str()`` gives the one-line message shown to users: ``path[:line]: reason``.
    """

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's text: ``text[start:end]``; ``sentence`` indexes `Extraction.sentences`."""

    start: int
    end: int
    sentence: int


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in the text.

    Attributes:
        kind: ``country``, ``person``, ``org`` or ``topic``.
        key: Normalised identity: ISO alpha-3 for countries, the canonical name for
            people and organisations, the taxonomy id for topics.
        surface: The words as written.
        span: Where they are.
        how: Why this counts as a mention (``name``, ``demonym``, ``capital``,
            ``dateline``, ``alias`` ...), for explanations in the UI.
    """

    kind: str
    key: str
    surface: str
    span: Span
    how: str = "name"


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person named in an article, with what the article says of them.

    Attributes:
        name: The most complete form of the name written.
        role: The role or title given, without the country word.
        country: ISO alpha-3 of the country they serve, when the article shows it.
        aliases: Other forms written ("Mr.Vassilenko").
        spans: Every reference.
        org: The international organisation they serve ("NATO"), for its officials.
        how: How the article shows their side (``role``, ``org``, ``led-by``,
            ``office``, ``home``; see `search.extract.affiliation`), None without one.
    """

    name: str
    role: str | None
    country: str | None
    aliases: tuple[str, ...]
    spans: tuple[Span, ...]
    org: str | None = None
    how: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """An interaction between countries reported by one sentence (heuristic coding).

    Attributes:
        type: PLOVER-style family: CONSULT, AGREE, SUPPORT, AID, COOPERATE, REQUEST,
            ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, COERCE, ASSAULT ...
        mode: Sub-type where known (``visit``, ``phone``, ``sign``, ``meet``, ``host``).
        cameo: CAMEO code of the closest sub-category (``042``).
        score: Goldstein-style cooperation score, -10..+10.
        actors: ISO alpha-3 codes of the countries involved, actor first when known.
        place: Where it happened (city or country name as written), if stated.
        date: ISO date the event happened, anchored at the publication date, if known.
        historical / hypothetical / negated: auxiliary modes; such events are shown
            but not counted as new engagements.
    """

    type: str
    mode: str | None
    cameo: str
    score: float
    actors: tuple[str, ...]
    span: Span
    trigger: str
    place: str | None = None
    date: str | None = None
    historical: bool = False
    hypothetical: bool = False
    negated: bool = False


@dataclass(frozen=True, slots=True)
class EngagementRef:
    """One meeting, call, visit, consultations, signing or multilateral meeting an article
    reports (heuristic; see `search.extract.engagements`).

    Attributes:
        type: ``meeting``, ``call``, ``visit``, ``consultations``, ``signing`` or
            ``multilateral``.
        status: ``main`` (what the article reports), ``background`` (history it recalls)
            or ``planned`` (announced).
        countries: ISO alpha-3 codes of the countries whose officials take part.
        orgs: Keys of the international organisations taking part (``NATO``).
        participants: ``(side, name)`` of the people named for each side; a side is a
            country code or ``org:KEY``.
        span: The sentence that reports it.
        trigger: The words that name it ("spoke with", "visited").
        date: When (``YYYY-MM-DD``, or ``YYYY-MM``), resolved against the publication
            date; None when the text does not say.
        place: Where, as written, when the text says.
    """

    type: str
    status: str
    countries: tuple[str, ...]
    orgs: tuple[str, ...]
    participants: tuple[tuple[str, str], ...]
    span: Span
    trigger: str
    date: str | None = None
    place: str | None = None


@dataclass(frozen=True, slots=True)
class Commitment:
    """An intention, agreement, signature or request with its parties and source sentence.

    ``kind`` is ``intent``, ``agreement``, ``signature`` or ``request``; ``status`` is
    ``stated``, ``agreed``, ``signed``, ``in_progress`` or ``proposed``.  ``side`` holds
    the countries (or ``org:KEY``) that commit or ask: the cue's subject; ``parties``
    every country of the clause.
    """

    kind: str
    status: str
    parties: tuple[str, ...]
    summary: str
    span: Span
    side: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extract stage found in one article.

    Offsets refer to the article's *document text*: ``title + "\\n\\n" + body`` when it
    has a title, else ``body`` (see `document_text`).

    Attributes:
        sentences: ``(start, end)`` of each sentence; the title is sentence 0 when present.
        countries: ISO alpha-3 codes of the countries the article concerns, most salient first.
        city: Dateline or main place, normalised, when found.
        engagements: The engagements it reports (`search.extract.engagements`).
        version: The version of the extract stage that produced it (0: not the product's).
    """

    sentences: tuple[tuple[int, int], ...] = ()
    countries: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    people: tuple[PersonRef, ...] = ()
    orgs: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    city: str | None = None
    engagements: tuple[EngagementRef, ...] = ()
    version: int = 0


def document_text(title: str | None, body: str) -> str:
    """The text extraction offsets refer to: the title, a blank line, then the body."""
    return f"{title}\n\n{body}" if title else body


# --------------------------------------------------------------------------- stored articles


@dataclass(frozen=True, slots=True)
class Article:
    """An article as stored: the system of record's view, with its extraction summary."""

    id: str
    title: str
    body: str
    date: str | None
    source: str | None
    url: str | None
    lang: str | None
    city: str | None
    agency: str | None
    countries: tuple[str, ...]
    people: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    origin: str = ""
    cluster: str | None = None
    copies: int = 1
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The document text extraction offsets refer to."""
        return document_text(self.title, self.body)
