"""What the interfaces ask of the search core: one function per question.

The TUI and the CLI (`tui/`) import the core only from here and `briefs.api` (an
import-linter contract in pyproject.toml holds them to it).  Every function takes
``where``: the archive folder (a `Path`: the function opens the archive itself, read-only
for reads, and closes it; SQLite connections belong to one thread, so a thread worker
passes the folder) or an `Archive` already open (the CLI opens one per command and asks
several questions of it).  Results are frozen dataclasses, safe to post across threads.

Heavy modules (Whoosh, the gazetteer, dateparser) load on first use: importing this
module costs nothing, and the names re-exported below (types, and small helpers such as
`country_name` or `neutral_bidi`) import their module when first looked up (PEP 562), so
the app's first paint does not wait for them.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from search.lazy import lazy_exports

if TYPE_CHECKING:
    from search.store.engine import Connection

if TYPE_CHECKING:
    from search.activity import RECENT_DAYS, CountryActivity, CountryCount, RecentActivity
    from search.analysis import ArticleAnalysis, analysis_to_json
    from search.archive import Archive, ArchiveBusy, ArchiveStats, IndexHealth
    from search.article_view import ArticleView, Entity, EntityMention
    from search.bidi import drop_bidi, dumps_json, has_bidi, neutral_bidi, neutral_bidi_spans
    from search.dates import DateError, DateRange
    from search.extract.countries import all_countries, country_name, resolve_country
    from search.extract.gazetteer import fold
    from search.index import IndexUnavailable
    from search.index.team_sync import SyncReport
    from search.ingest import Extractor, IngestProgress, IngestReport
    from search.ingest.corrections import Correction, CorrectionError
    from search.ingest.reextract import ReextractProgress, ReextractReport
    from search.ingest.sample import sample_corpus, sample_notice
    from search.model import Article
    from search.query import Hit, QueryError, SearchRequest, SearchResult, hits_to_json
    from search.readers import problem_count
    from search.store import STORE_ENV, StoreError, StoreReadOnly, StoreUnreachable
    from search.store.copy import COPY_BATCH, CopyReport
    from search.store.engine import is_store_url
    from search.store.keep import keep_connections
    from search.store.roles import ROLES_SQL

T = TypeVar("T")

_EXPORTS = {
    "search.activity": ("RECENT_DAYS", "CountryActivity", "CountryCount", "RecentActivity"),
    "search.analysis": ("ArticleAnalysis", "analysis_to_json"),
    "search.archive": ("Archive", "ArchiveBusy", "ArchiveStats", "IndexHealth"),
    "search.article_view": ("ArticleView", "Entity", "EntityMention"),
    "search.bidi": ("drop_bidi", "dumps_json", "has_bidi", "neutral_bidi", "neutral_bidi_spans"),
    "search.ingest.corrections": ("Correction", "CorrectionError"),
    "search.dates": ("DateError", "DateRange"),
    "search.extract.countries": ("all_countries", "country_name", "resolve_country"),
    "search.extract.gazetteer": ("fold",),
    "search.index": ("IndexUnavailable",),
    "search.index.team_sync": ("SyncReport",),
    "search.ingest": ("Extractor", "IngestProgress", "IngestReport"),
    "search.model": ("Article",),
    "search.query": ("Hit", "QueryError", "SearchRequest", "SearchResult", "hits_to_json"),
    "search.readers": ("problem_count",),
    "search.ingest.reextract": ("ReextractProgress", "ReextractReport"),
    "search.ingest.sample": ("sample_corpus", "sample_notice"),
    "search.store": ("STORE_ENV", "StoreError", "StoreReadOnly", "StoreUnreachable"),
    "search.store.roles": ("ROLES_SQL",),
    "search.store.copy": ("COPY_BATCH", "CopyReport"),
    "search.store.engine": ("is_store_url",),
    "search.store.keep": ("keep_connections",),
}
_MODULE_OF, __getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)

__all__ = [
    "all_countries",
    "all_country_names",
    "analysis_to_json",
    "Archive",
    "archive_overview",
    "archive_stats",
    "ArchiveBusy",
    "ArchiveStats",
    "Article",
    "ArticleAnalysis",
    "ArticleView",
    "check_archive",
    "check_index",
    "closest_countries",
    "Correction",
    "CorrectionError",
    "Corrections",
    "country_counts",
    "country_name",
    "CountryActivity",
    "CountryCount",
    "DateError",
    "DateRange",
    "drop_bidi",
    "dumps_json",
    "ensure_index",
    "Entity",
    "EntityMention",
    "expected_error",
    "Extractor",
    "fold",
    "has_bidi",
    "Hit",
    "hits_to_json",
    "is_store_url",
    "home_code",
    "IndexHealth",
    "IndexUnavailable",
    "keep_connections",
    "ingest",
    "IngestProgress",
    "IngestReport",
    "list_corrections",
    "load_analysis",
    "load_article",
    "neutral_bidi",
    "neutral_bidi_spans",
    "open_archive",
    "OpenReport",
    "outdated_count",
    "Overview",
    "parse_range",
    "problem_count",
    "QueryError",
    "rebuild_index",
    "RECENT_DAYS",
    "RecentActivity",
    "record_correction",
    "reextract",
    "ReextractProgress",
    "ReextractReport",
    "resolve_country",
    "sample_corpus",
    "sample_notice",
    "search_archive",
    "SearchRequest",
    "SearchResult",
    "ROLES_SQL",
    "COPY_BATCH",
    "CopyReport",
    "STORE_ENV",
    "StoreError",
    "StoreReadOnly",
    "StoreUnreachable",
    "sync_index",
    "SyncReport",
    "using",
    "warm_countries",
]


# --------------------------------------------------------------------------- opening


@contextmanager
def open_archive(
    home: Path, *, readonly: bool = True, offline_ok: bool = False
) -> Iterator[Archive]:
    """The archive in ``home``, closed on exit (one per thread).

    Readers open the store read-only: they never wait for an ingest's write lock and
    cannot change anything by mistake.  Writers open it as `Archive.open` does
    (creating the folder and the store when missing).  With ``offline_ok`` (searches),
    a team store whose server cannot be reached is searched in this analyst's last
    synced copy (`Archive.offline` says so).

    Raises:
        StoreError: the store is damaged or from a newer briefroom, or a team store's
            server cannot be reached (and there is no copy, or no ``offline_ok``).
        OSError: the folder or the store cannot be opened.
    """
    from search.archive import Archive

    archive = Archive.open(home, readonly=readonly, offline_ok=offline_ok)
    try:
        yield archive
    finally:
        archive.close()


@contextmanager
def using(
    where: Path | Archive, *, readonly: bool = True, offline_ok: bool = False
) -> Iterator[Archive]:
    """``where`` as an open archive: opened (and closed) here when it is a folder."""
    if isinstance(where, Path):
        with open_archive(where, readonly=readonly, offline_ok=offline_ok) as archive:
            yield archive
    else:
        yield where


def expected_error(error: BaseException) -> bool:
    """Whether ``error`` carries a message for users (busy archive, unusable index, damaged
    store, a file problem, a bad value) rather than being a bug."""
    from search.archive import ArchiveBusy
    from search.index import IndexUnavailable
    from search.store import StoreError

    return isinstance(error, ArchiveBusy | IndexUnavailable | StoreError | OSError | ValueError)


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What opening the archive found."""

    articles: int
    notices: tuple[str, ...]


def check_archive(home: Path) -> OpenReport:
    """Open (creating) the archive, repair its index if needed, count its articles."""
    from search.archive import ensure_index as repair

    with open_archive(home, readonly=False) as archive:
        count = archive.store.count()
        notices = tuple(repair(archive)) if count else ()
        return OpenReport(count, notices)


def ensure_index(where: Path | Archive) -> list[str]:
    """Make the index searchable, repairing it if needed (`search.archive.ensure_index`);
    notices for users."""
    from search.archive import ensure_index as repair

    with using(where, readonly=False) as archive:
        return repair(archive)


# --------------------------------------------------------------------------- figures


@dataclass(frozen=True, slots=True)
class Overview:
    """Corpus health, recent activity by country and the latest stories.

    Attributes:
        stats: Counts of the store and the state of the index.
        window_start: First day of the recent window (None: no dated article).
        window_end: Last day of the recent window (the newest article's).
        activity: Countries of the recent window, busiest first.
        latest: The newest stories.
        excluded: Our own country's code, left out of the activity.
    """

    stats: ArchiveStats
    window_start: str | None
    window_end: str | None
    activity: tuple[CountryActivity, ...]
    latest: tuple[Hit, ...]
    excluded: str | None = None


def archive_overview(
    where: Path | Archive, *, home_country: str | None = None, latest: int = 12
) -> Overview:
    """Corpus health, recent activity by country (without ``home_country``), latest stories."""
    from search.activity import recent_activity
    from search.archive import archive_stats as stats_of
    from search.archive import run_search
    from search.query import SearchRequest, default_parser

    exclude = home_code(home_country)
    with using(where) as archive:
        stats = stats_of(archive)
        recent = recent_activity(archive.store, exclude=exclude)
        hits: tuple[Hit, ...] = ()
        if stats.articles and stats.index_ok:
            request = SearchRequest(limit=latest, sort="date", snippets=False, facets=False)
            hits = run_search(archive, request, default_parser()).hits
    return Overview(stats, recent.start, recent.end, recent.countries, hits, exclude)


def archive_stats(where: Path | Archive) -> ArchiveStats:
    """Counts of the store and the state of the index (`briefroom index stats`)."""
    from search.archive import archive_stats as stats_of

    with using(where) as archive:
        return stats_of(archive)


def country_counts(where: Path | Archive) -> list[CountryCount]:
    """Every country in the archive with its article count, busiest first."""
    from search.activity import country_counts as counts

    with using(where) as archive:
        return counts(archive.store)


def check_index(where: Path | Archive) -> IndexHealth:
    """Compare the index with the archive, thoroughly, changing neither."""
    from search.archive import check_archive

    with using(where, offline_ok=True) as archive:
        return check_archive(archive)


# --------------------------------------------------------------------------- search and read


def search_archive(
    where: Path | Archive,
    request: SearchRequest,
    *,
    languages: tuple[str, ...] = ("en",),
    day_order: str = "DMY",
) -> SearchResult:
    """Run one search with a searcher of its own; dates in the query and filters read with
    the settings' ``languages`` and ``day_order``.

    Raises:
        QueryError: a filter value cannot be read.
        IndexUnavailable: the index cannot be opened.
    """
    from search.archive import ensure_index, run_search
    from search.query import default_parser

    with using(where, offline_ok=True) as archive:
        # A team analyst's index is synced before each search (one query when nothing
        # changed); the command line does it itself, before opening the search.
        notices = ensure_index(archive) if isinstance(where, Path) and archive.team else []
        result = run_search(archive, request, default_parser(languages, day_order))
    if notices:
        result = replace(result, notices=(*notices, *result.notices))
    return result


def load_article(where: Path | Archive, article_id: str) -> ArticleView | None:
    """The article and its entities (None when the id is not in the archive)."""
    from search.article_view import build_view

    with using(where) as archive:
        article = archive.store.get(article_id)
        if article is None:
            return None
        extraction = archive.store.extraction(article.id)
    return build_view(article, extraction)


def load_analysis(where: Path | Archive, article_id: str) -> ArticleAnalysis | None:
    """One article's extraction with the analyst's corrections (`search.analysis`)."""
    from search.analysis import article_analysis

    with using(where) as archive:
        return article_analysis(archive.store, article_id)


# --------------------------------------------------------------------------- writing


def ingest(
    where: Path | Archive,
    paths: Sequence[Path],
    *,
    progress: Callable[[IngestProgress], None] | None = None,
    **options: Any,
) -> IngestReport:
    """Read, extract, store and index everything under ``paths``, calling ``progress``
    after each batch and file (`search.ingest.ingest`: ``source``, ``date``, ``lang``,
    ``extractor``, ``lock_wait``, ``on_problem``).

    Raises:
        ArchiveBusy: another process is writing and did not finish within ``lock_wait``.
    """
    from search.ingest import ingest as run

    with using(where, readonly=False) as archive:
        return run(archive, paths, progress=progress, **options)


def rebuild_index(where: Path | Archive, *, wait: float = 5.0) -> int:
    """Rebuild the search index from the store; the documents written.

    Raises:
        ArchiveBusy: another process kept the write lock for ``wait`` seconds.
    """
    from search.archive import refresh_index

    with using(where, readonly=False) as archive, archive.write_lock(wait):
        return refresh_index(archive, rebuild=True)


def sync_index(where: Path | Archive, *, wait: float = 5.0) -> SyncReport:
    """Sync a team analyst's index and local copy from the team store (`briefroom index
    sync`); what it did.

    Raises:
        ArchiveBusy: another process kept the write lock for ``wait`` seconds.
        StoreError: the store is not a team store, or its server stopped answering.
    """
    from search.index.team_sync import sync_team_index
    from search.store import StoreError

    with using(where, readonly=True) as archive:
        if not archive.store.shared:
            raise StoreError(
                f"{archive.store.location}: not a team store; a file store's index is kept "
                "up to date as it is written (briefroom index check, briefroom index rebuild)"
            )
        with archive.write_lock(wait):
            return sync_team_index(archive.store, archive.index)


def outdated_count(where: Path | Archive) -> int:
    """Articles an older extract stage analysed (`briefroom reextract` updates them)."""
    from search.ingest.reextract import outdated

    with using(where) as archive:
        return outdated(archive)


def reextract(
    where: Path | Archive,
    *,
    progress: Callable[[ReextractProgress], None] | None = None,
    **options: Any,
) -> ReextractReport:
    """Re-run extraction from the stored text (`search.ingest.reextract.reextract`:
    ``everything``, ``processes``, ``lock_wait``)."""
    from search.ingest.reextract import reextract as run

    with using(where, readonly=False) as archive:
        return run(archive, progress=progress, **options)


# --------------------------------------------------------------------------- corrections


class Corrections:
    """The analyst's corrections (`search.ingest.corrections`) on one store, under its
    write lock (`record_correction` hands one to its function)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def reject_engagement(self, article: str, sentence: int, type_: str, **note: Any) -> int:
        """The engagement this sentence reports did not happen as coded."""
        from search.ingest.corrections import reject_engagement

        return reject_engagement(self._conn, article, sentence, type_, **note)

    def reject_commitment(self, article: str, sentence: int, kind: str, **note: Any) -> int:
        """This commitment (or ask) is not one."""
        from search.ingest.corrections import reject_commitment

        return reject_commitment(self._conn, article, sentence, kind, **note)

    def reject_person(self, name: str, **note: Any) -> int:
        """This name is not a person (or not worth listing)."""
        from search.ingest.corrections import reject_person

        return reject_person(self._conn, name, **note)

    def correct_person(self, name: str, **fields: Any) -> list[int]:
        """Set a person's ``country`` (or ``org``) and/or ``role``."""
        from search.ingest.corrections import correct_person

        return correct_person(self._conn, name, **fields)

    def merge_people(self, name: str, other: str, **note: Any) -> int:
        """Make ``other`` the same person as ``name``."""
        from search.ingest.corrections import merge_people

        return merge_people(self._conn, name, other, **note)

    def add_engagement(self, article: str, sentence: int, **fields: Any) -> int:
        """Record an engagement the extraction missed
        (`search.ingest.corrections.add_engagement`)."""
        from search.ingest.corrections import add_engagement

        return add_engagement(self._conn, article, sentence, **fields)

    def undo(self, correction: int) -> Correction:
        """Withdraw a correction (kept, marked undone); the people registry follows."""
        from search.ingest.corrections import undo_and_refresh

        return undo_and_refresh(self._conn, correction)


def record_correction(
    where: Path | Archive, do: Callable[[Corrections], T], *, wait: float = 5.0
) -> T:
    """Run ``do`` with the archive's corrections, under its write lock (waiting up to
    ``wait`` seconds for an ingest to finish a batch).

    Raises:
        CorrectionError: the correction was refused (one line).
        ArchiveBusy: another process kept the write lock.
        StoreReadOnly: the team store's role of this analyst may not write.
    """
    with using(where, readonly=False) as archive, archive.write_lock(wait):
        archive.store.require_writable("a correction")
        return do(Corrections(archive.store.conn))


def list_corrections(where: Path | Archive, *, include_undone: bool = False) -> list[Correction]:
    """The corrections in force (``include_undone``: withdrawn ones too), oldest first."""
    from search.ingest.corrections import in_force

    with using(where) as archive:
        return in_force(archive.store.conn, include_undone=include_undone)


# --------------------------------------------------------------------------- countries, dates


def home_code(home_country: str | None) -> str | None:
    """Our side's ISO code from the configured name or code (None when unset or unknown)."""
    from search.extract.countries import resolve_country

    return resolve_country(home_country) if home_country else None


def all_country_names() -> list[str]:
    """Every country name the gazetteer knows (for completion), sorted."""
    from search.extract.countries import all_countries

    return sorted({name for _code, name in all_countries()})


def warm_countries() -> None:
    """Build the gazetteer now (in a worker), not at the first keystroke that needs it."""
    from search.extract.gazetteer import gazetteer

    gazetteer()


def closest_countries(text: str, limit: int = 5) -> list[str]:
    """Country names closest to ``text`` (names, codes, demonyms and aliases compared).

    ``"Kazakstan"`` -> ``["Kazakhstan", ...]``; an empty list when nothing is close.
    """
    from search.extract.countries import all_countries, country_name
    from search.extract.gazetteer import fold, gazetteer

    wanted = fold(text)
    if not wanted:
        return []
    candidates: dict[str, str] = {}
    for code, name in all_countries():
        candidates.setdefault(fold(name), code)
        candidates.setdefault(code.lower(), code)
    for form, code in gazetteer().lookup.items():
        candidates.setdefault(form, code)
    names: list[str] = []
    for form in difflib.get_close_matches(wanted, list(candidates), n=limit * 4, cutoff=0.75):
        name = country_name(candidates[form])
        if name not in names:
            names.append(name)
    return names[:limit]


def parse_range(text: str, **settings: Any) -> DateRange:
    """The days a date phrase covers ("2019-05", "last month": `search.dates.parse_range`,
    with ``as_of``, ``languages`` and ``day_order``).

    Raises:
        DateError: the phrase is not a date (one line).
    """
    from search.dates import parse_range as parse

    return parse(text, **settings)
