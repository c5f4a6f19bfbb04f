"""Archive reads the screens need, as plain functions run inside thread workers.

Every function opens the archive itself (SQLite connections belong to one thread) and
returns frozen dataclasses, so results can be posted to the UI thread safely.  Nothing
here imports Textual.

The SQL below (recent activity by country, country counts, latest dates) belongs in
`search/` next to `archive_stats`; it lives here until that API exists.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from search.archive import STORE_FILE, Archive, ArchiveStats, archive_stats, run_search
from search.model import Article
from search.query import Hit, QueryParser, SearchRequest, SearchResult
from search.store import Store

RECENT_DAYS = 90
"""Recent activity covers this many days up to the newest article in the archive."""


@contextmanager
def open_archive(home: Path, *, readonly: bool = True) -> Iterator[Archive]:
    """The archive in ``home``, closed on exit (one per thread).

    Readers open the store read-only: they never wait for an ingest's write lock
    and cannot change anything by mistake.
    """
    if readonly:
        archive = Archive(home, Store.open(home / STORE_FILE, readonly=True))
    else:
        archive = Archive.open(home)
    try:
        yield archive
    finally:
        archive.close()


# --------------------------------------------------------------------------- countries


@cache
def _country_module() -> Any:
    try:
        from search.extract import countries
    except ImportError:  # the gazetteer is not installed yet: fall back to pycountry
        return None
    return countries


def country_name(code: str) -> str:
    """A readable name for an ISO alpha-3 code (the code itself when unknown)."""
    module = _country_module()
    if module is not None and hasattr(module, "country_name"):
        try:
            name = module.country_name(code)
        except Exception:  # a gap in the gazetteer must not break a screen
            name = None
        if name:
            return str(name)
    try:
        import pycountry

        found = pycountry.countries.get(alpha_3=code)
    except (ImportError, KeyError, LookupError):
        found = None
    if found is None:
        return code
    return str(getattr(found, "common_name", None) or found.name)


def resolve_country(text: str) -> str | None:
    """The ISO alpha-3 code of a country name or code, or None."""
    module = _country_module()
    if module is not None and hasattr(module, "resolve_country"):
        code = module.resolve_country(text)
        return None if code is None else str(code)
    import pycountry

    try:
        return str(pycountry.countries.lookup(text.strip()).alpha_3)
    except LookupError:
        return None


def make_parser() -> QueryParser:
    """A query parser for one worker (parsers are not shared between threads)."""
    return QueryParser(resolve_country=resolve_country)


# --------------------------------------------------------------------------- first run


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What opening the archive found."""

    articles: int
    notices: tuple[str, ...]


def check_archive(home: Path) -> OpenReport:
    """Open (creating) the archive, repair its index if needed, count its articles."""
    from search.archive import ensure_index

    with open_archive(home, readonly=False) as archive:
        count = archive.store.count()
        notices = tuple(ensure_index(archive)) if count else ()
        return OpenReport(count, notices)


# --------------------------------------------------------------------------- dashboard


@dataclass(frozen=True, slots=True)
class CountryActivity:
    """How often a country appeared in the recent window."""

    code: str
    name: str
    stories: int
    last_date: str | None


@dataclass(frozen=True, slots=True)
class DashboardData:
    """Everything the dashboard shows."""

    stats: ArchiveStats
    window_start: str | None
    window_end: str | None
    activity: tuple[CountryActivity, ...]
    latest: tuple[Hit, ...]
    excluded: str | None = None


def recent_activity(
    archive: Archive, *, days: int = RECENT_DAYS, limit: int = 12, exclude: str | None = None
) -> tuple[str | None, str | None, tuple[CountryActivity, ...]]:
    """Countries most written about in the last ``days`` days of the archive.

    Counts stories (near-duplicate copies count once).  ``exclude`` (our own country's
    ISO code) is left out: it is in almost every story.  Returns the window's first
    and last dates and the countries, busiest first.
    """
    conn = archive.store.conn
    last = conn.execute("SELECT max(date) FROM articles WHERE date IS NOT NULL").fetchone()[0]
    if not last:
        return None, None, ()
    try:
        end = date.fromisoformat(last[:10])
    except ValueError:
        return None, None, ()
    start = (end - timedelta(days=days - 1)).isoformat()
    rows = conn.execute(
        "SELECT ac.code, count(DISTINCT coalesce(a.cluster, -a.rowid)) AS n, max(a.date) "
        "FROM article_countries ac JOIN articles a ON a.rowid = ac.article "
        "WHERE a.date >= ? AND a.date <= ? AND ac.code != ? "
        "GROUP BY ac.code ORDER BY n DESC, max(a.date) DESC, ac.code LIMIT ?",
        (start, end.isoformat() + "\uffff", exclude or "", limit),
    ).fetchall()
    activity = tuple(CountryActivity(code, country_name(code), n, d) for code, n, d in rows)
    return start, end.isoformat(), activity


def load_dashboard(
    home: Path, *, home_country: str | None = None, latest: int = 12
) -> DashboardData:
    """Corpus health, recent activity by country (without ``home_country``), latest stories."""
    exclude = resolve_country(home_country) if home_country else None
    with open_archive(home) as archive:
        stats = archive_stats(archive)
        start, end, activity = recent_activity(archive, exclude=exclude)
        hits: tuple[Hit, ...] = ()
        if stats.articles and stats.index_ok:
            request = SearchRequest(limit=latest, sort="date", snippets=False, facets=False)
            hits = run_search(archive, request, make_parser()).hits
    return DashboardData(stats, start, end, activity, hits, exclude)


@dataclass(frozen=True, slots=True)
class CountryCount:
    """A country and the number of stored articles concerning it."""

    code: str
    name: str
    articles: int


def country_counts(home: Path) -> list[CountryCount]:
    """Every country in the archive with its article count, busiest first."""
    with open_archive(home) as archive:
        rows = archive.store.conn.execute(
            "SELECT code, count(*) FROM article_countries GROUP BY code "
            "ORDER BY count(*) DESC, code"
        ).fetchall()
    return [CountryCount(code, country_name(code), n) for code, n in rows]


# --------------------------------------------------------------------------- search


def search_archive(home: Path, request: SearchRequest) -> SearchResult:
    """Run one search with a searcher and store connection of its own."""
    with open_archive(home) as archive:
        return run_search(archive, request, make_parser())


# --------------------------------------------------------------------------- article reader


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One highlighted stretch of the document text."""

    kind: str
    key: str
    start: int
    end: int
    how: str


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity of the article, for the side panel."""

    kind: str
    key: str
    label: str
    detail: str | None
    mentions: int
    first: int | None


@dataclass(frozen=True, slots=True)
class ArticleView:
    """An article with what the reader shows of its extraction."""

    article: Article
    mentions: tuple[EntityMention, ...]
    entities: tuple[Entity, ...]
    country_names: dict[str, str] = field(default_factory=dict)


ENTITY_KINDS = ("country", "person", "org", "topic")


def load_article(home: Path, article_id: str) -> ArticleView | None:
    """The article and its entities (None when the id is not in the archive)."""
    with open_archive(home) as archive:
        article = archive.store.get(article_id)
        if article is None:
            return None
        extraction = archive.store.extraction(article.id)
    return build_view(article, extraction)


def build_view(article: Article, extraction: dict[str, Any]) -> ArticleView:
    """Validate the stored extraction against the text and group it into entities."""
    text_length = len(article.text)
    mentions: list[EntityMention] = []
    for item in extraction.get("mentions", ()):
        try:
            kind, key, start, end = str(item[0]), str(item[1]), int(item[2]), int(item[3])
            how = str(item[5]) if len(item) > 5 else "name"
        except (TypeError, ValueError, IndexError):
            continue  # a malformed record must not break the reader
        if kind in ENTITY_KINDS and 0 <= start < end <= text_length:
            mentions.append(EntityMention(kind, key, start, end, how))
    mentions.sort(key=lambda m: (m.start, -m.end))

    roles: dict[str, str] = {}
    for person in extraction.get("people", ()):
        if isinstance(person, dict) and person.get("name"):
            country = person.get("country")
            where = country_name(str(country)) if country else None
            detail = ", ".join(str(v) for v in (person.get("role"), where) if v)
            if detail:
                roles[str(person["name"])] = detail

    names: dict[str, str] = {}
    counts: dict[tuple[str, str], int] = {}
    firsts: dict[tuple[str, str], int] = {}
    for m in mentions:
        counts[(m.kind, m.key)] = counts.get((m.kind, m.key), 0) + 1
        firsts.setdefault((m.kind, m.key), m.start)
    order: list[tuple[str, str]] = []
    order += [("country", code) for code in article.countries]
    order += [("person", name) for name in article.people]
    order += [("org", name) for name in article.orgs]
    order += [("topic", name) for name in article.topics]
    order += sorted(counts, key=lambda k: (ENTITY_KINDS.index(k[0]), firsts[k]))
    entities: list[Entity] = []
    seen: set[tuple[str, str]] = set()
    for kind, key in order:
        if (kind, key) in seen:
            continue
        seen.add((kind, key))
        label = key
        if kind == "country":
            label = names.setdefault(key, country_name(key))
        entities.append(
            Entity(
                kind=kind,
                key=key,
                label=label,
                detail=roles.get(key) if kind == "person" else None,
                mentions=counts.get((kind, key), 0),
                first=firsts.get((kind, key)),
            )
        )
    entities.sort(key=lambda e: ENTITY_KINDS.index(e.kind))
    return ArticleView(article, tuple(mentions), tuple(entities), names)
