"""An archive: the store and the index under one home folder, and the write lock.

Also what needs both: repairing the index from the store (`ensure_index`), comparing
them (`check`), their counts (`archive_stats`) and a search (`run_search`).

Layout of ``home``::

    archive.sqlite3      the store (system of record)
    index/               the Whoosh index (derived; safe to delete)
    write.lock           held by the one process that may write (ingest, rebuild)

A team keeps its store on a PostgreSQL server instead (`store_location`: the
``BRIEFROOM_STORE`` URL, which the command line's ``--store`` and config.yaml's ``store:``
set); the home then holds each analyst's own index of it and the lock.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from search.index import IndexUnavailable, SearchIndex, index_segments
from search.store import STORE_ENV, Store
from search.store.engine import Connection

if TYPE_CHECKING:
    from search.query import QueryParser, SearchRequest, SearchResult

STORE_FILE = "archive.sqlite3"
INDEX_DIR = "index"
LOCK_FILE = "write.lock"


_HELD: set[str] = set()
_HELD_GUARD = threading.Lock()


def store_location(home: Path) -> Path | str:
    """Where the store of ``home`` is: the team store's URL when ``BRIEFROOM_STORE`` names
    one, else the file in ``home``."""
    url = os.environ.get(STORE_ENV, "").strip()
    return url if url else home / STORE_FILE


class ArchiveBusy(Exception):
    """Another process is writing to the archive."""


class Archive:
    """The store and index of one briefroom home folder."""

    def __init__(self, home: Path, store: Store) -> None:
        self.home = home
        self.store = store
        self.index = SearchIndex(home / INDEX_DIR)

    @classmethod
    def open(cls, home: Path, *, readonly: bool = False) -> Archive:
        """Open (creating if needed, unless ``readonly``) the archive in ``home``."""
        if readonly:
            return cls(home, Store.open(store_location(home), readonly=True))
        home.mkdir(parents=True, exist_ok=True)
        return cls(home, Store.open(store_location(home), backfill_pairs=_backfill_pairs))

    def close(self) -> None:
        """Close the store connection."""
        self.store.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write_lock(self, wait: float = 0.0) -> Iterator[None]:
        """Hold the archive's write lock.

        The lock is a POSIX record lock (``lockf``) on ``write.lock``: the kernel
        releases it when the holder dies, so a killed ingest never leaves the archive
        locked, and unlike ``flock`` it is not inherited by forked children (Whoosh's
        indexing sub-processes), which could outlive a killed parent.

        Args:
            wait: Seconds to wait for another writer to finish before giving up.

        Raises:
            ArchiveBusy: another process holds the lock after ``wait`` seconds.
        """
        path = self.home / LOCK_FILE
        key = str(path.resolve())
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        deadline = time.monotonic() + wait
        held = False
        try:
            while True:
                try:
                    # POSIX locks do not exclude threads of one process: _HELD does.
                    with _HELD_GUARD:
                        if key in _HELD:
                            raise BlockingIOError
                        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        _HELD.add(key)
                        held = True
                    break
                except (BlockingIOError, PermissionError):
                    if time.monotonic() >= deadline:
                        holder = _read_pid(fd)
                        who = f" (process {holder})" if holder else ""
                        raise ArchiveBusy(
                            f"{self.home}: the archive is busy: another briefroom is writing "
                            f"to it{who}; try again when it has finished"
                        ) from None
                    time.sleep(0.2)
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
            yield
        finally:
            if held:
                with _HELD_GUARD:
                    _HELD.discard(key)
            os.close(fd)


def _backfill_pairs(conn: Connection) -> int:
    """Fill the pair rule's table of a store written before it (`search.pairs.backfill`;
    imported only then: it needs the gazetteer)."""
    from search.pairs import backfill

    return backfill(conn)


def _read_pid(fd: int) -> str:
    try:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""


def ensure_index(archive: Archive, *, wait: float = 5.0) -> list[str]:
    """Make the index searchable, repairing it from the store if needed.

    A missing, broken or out-of-date index, or articles stored but not indexed (an
    interrupted ingest), are repaired under the write lock.  If another process holds
    the lock, the index is left as it is: it is searchable or will be repaired by that
    process.  Articles merely waiting for a running ingest to commit its next batch
    are not waited for (`search.ingest.indexing.INDEX_COMMIT_ARTICLES`); an unusable index is
    waited for up to ``wait`` seconds.  An empty archive gets an empty index, quietly.
    Returns notices for users (empty when nothing was wrong).
    """
    from search.index import sync

    notices: list[str] = []
    try:
        archive.index.open().close()
        usable = True
    except IndexUnavailable as exc:
        usable = False
        if archive.store.count():
            notices.append(f"search index unusable ({exc}); rebuilding it from the archive")
    pending = archive.store.conn.execute(
        "SELECT count(*) FROM articles WHERE indexed = 0"
    ).fetchone()[0]
    if usable and not pending:
        return notices
    try:
        with archive.write_lock(0.0 if usable or not notices else wait):
            if usable:
                notices.append(f"indexing {pending} articles an earlier run left unindexed")
            sync(archive.store, archive.index, rebuild=not usable)
    except ArchiveBusy as exc:
        if usable:
            notices.append(f"{pending} articles are not searchable yet: another briefroom is "
                           "writing to the archive and indexes them as it goes")  # fmt: skip
        elif notices:
            notices.append(str(exc))
    return notices


@dataclass(frozen=True, slots=True)
class ArchiveStats:
    """Corpus health for the dashboard and ``briefroom index stats``."""

    home: str
    articles: int
    stories: int
    sources: int
    countries: int
    first_date: str | None
    last_date: str | None
    last_ingest: str | None
    index_documents: int | None
    index_segments: int
    index_ok: bool
    index_problems: tuple[str, ...]
    # Articles an older extract stage analysed: `briefroom reextract` brings them up to date.
    outdated_extractions: int = 0


def archive_stats(archive: Archive) -> ArchiveStats:
    """Counts of the store and the state of the index."""
    from search.extract import EXTRACTOR_VERSION

    store = archive.store
    health = check(store, archive.index, thorough=False)
    conn = store.conn

    def one(sql: str) -> Any:
        return conn.execute(sql).fetchone()[0]

    return ArchiveStats(
        home=str(archive.home),
        articles=store.count(),
        # (Distinct values in a subquery: SQLite then walks the covering index.)
        stories=one(
            "SELECT count(*) FROM (SELECT DISTINCT cluster FROM articles WHERE cluster IS NOT NULL) c"
        ),
        sources=one(
            "SELECT count(*) FROM (SELECT DISTINCT source FROM articles WHERE source IS NOT NULL) s"
        ),
        countries=one("SELECT count(DISTINCT code) FROM article_countries"),
        first_date=one("SELECT min(date) FROM articles"),
        last_date=one("SELECT max(date) FROM articles"),
        last_ingest=store.get_meta("last_ingest"),
        index_documents=health.documents,
        index_segments=health.segments,
        index_ok=health.ok,
        index_problems=health.problems,
        outdated_extractions=store.extracted_before(EXTRACTOR_VERSION),
    )


def run_search(
    archive: Archive, request: SearchRequest, parser: QueryParser | None = None
) -> SearchResult:
    """Search with a searcher of its own (safe to call from any one thread at a time).

    An archive with nothing indexed yet (new, or its first ingest not yet committed,
    with or without an index) answers an empty result with ``archive_empty`` set.

    Raises:
        search.query.QueryError: a filter value cannot be read.
        search.index.IndexUnavailable: the index cannot be opened even after repair.
    """
    from search.query import empty_result, search

    try:
        ix = archive.index.open()
    except IndexUnavailable:
        if archive.store.indexed_count():
            raise
        return empty_result(request, parser)
    try:
        with ix.searcher() as searcher:
            return search(searcher, archive.store, request, parser=parser)
    finally:
        ix.close()


@dataclass(frozen=True, slots=True)
class IndexHealth:
    """What `check` found.

    Attributes:
        ok: The index can be searched and matches the store.
        documents: Documents in the index (None when it cannot be opened).
        stored: Articles in the store.
        pending: Stored articles not yet in the index.
        problems: One line per problem found, for users.
    """

    ok: bool
    documents: int | None
    stored: int
    pending: int
    segments: int
    problems: tuple[str, ...]


def check(store: Store, search_index: SearchIndex, *, thorough: bool = True) -> IndexHealth:
    """Compare the index with the store without changing either.

    ``thorough`` compares every article id and runs one search the way ``briefroom
    search`` does, so that a healthy index is one search can use (``briefroom index
    check``: half a second at 100,000 articles); otherwise only the counts are compared
    (the dashboard, ``index stats``), which finds a partly written or partly lost index
    but not swapped ids.
    """
    stored = store.count()
    pending = int(
        store.conn.execute("SELECT count(*) FROM articles WHERE indexed = 0").fetchone()[0]
    )
    problems: list[str] = []
    try:
        ix = search_index.open()
    except IndexUnavailable as exc:
        return IndexHealth(False, None, stored, stored, 0, (str(exc),))
    try:
        with ix.searcher() as searcher:
            documents = searcher.doc_count()
            segments = len(index_segments(ix))
            ids = {fields["id"] for fields in searcher.all_stored_fields()} if thorough else None
            if thorough:
                failure = _trial_search(searcher, store)
                if failure:
                    problems.append(failure)
    except Exception as exc:  # a damaged segment shows up only when read
        return IndexHealth(
            False, None, stored, stored, 0, (f"{search_index.path}: unreadable ({exc})",)
        )
    finally:
        ix.close()
    indexed = stored - pending
    if pending:
        problems.append(f"{pending} stored articles are not indexed yet")
    if ids is None:
        if documents > indexed:
            problems.append(f"the index holds {documents - indexed} documents more than "
                            "the store has indexed articles")  # fmt: skip
        elif documents < indexed:
            problems.append(f"{indexed - documents} articles marked indexed are missing "
                            "from the index")  # fmt: skip
        return IndexHealth(not problems, documents, stored, pending, segments, tuple(problems))
    if documents != len(ids):
        problems.append(f"{documents - len(ids)} duplicate documents in the index")
    stored_ids = {row[0] for row in store.conn.execute("SELECT id FROM articles WHERE indexed = 1")}
    missing = len(stored_ids - ids)
    extra = len(ids - stored_ids)
    if missing:
        problems.append(f"{missing} articles marked indexed are missing from the index")
    if extra:
        problems.append(f"{extra} documents in the index are not in the store as indexed")
    return IndexHealth(not problems, documents, stored, pending, segments, tuple(problems))


def _trial_search(searcher: Any, store: Store) -> str | None:
    """Why a search (every article, with facets) fails on this index, or None."""
    from search.query import SearchRequest, search

    try:
        search(searcher, store, SearchRequest(limit=1, snippets=False))
    except Exception as exc:  # what a user's search would meet
        return f"searching fails ({type(exc).__name__}: {exc})"
    return None
