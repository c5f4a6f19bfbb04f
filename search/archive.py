"""An archive: the store and the index under one home folder, and the write lock.

Also what needs both: repairing the index from the store (`ensure_index`), comparing
them (`check`), their counts (`archive_stats`) and a search (`run_search`).

Layout of ``home``::

    archive.sqlite3      the store (system of record)
    index/               the Whoosh index (derived; safe to delete)
    write.lock           held by the one process that may write (ingest, rebuild)

A team keeps its store on a PostgreSQL server instead (`store_location`: the
``BRIEFROOM_STORE`` URL, which the command line's ``--store`` and config.yaml's ``store:``
set); the home then holds each analyst's own index of it, the local copy of the
articles a search shows (`search.index.team_sync`) and the lock.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from search.index import IndexUnavailable, SearchIndex, index_segments
from search.index.team_sync import (
    copy_path,
    open_copy,
    store_identity,
    sync_state,
    sync_team_index,
)
from search.store import STORE_ENV, Store, StoreError, StoreUnreachable
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

    def __init__(self, home: Path, store: Store, *, offline: str | None = None) -> None:
        self.home = home
        self.store = store
        self.index = SearchIndex(home / INDEX_DIR)
        # Searching a team store's local copy away from its server: why, for users.
        self.offline = offline
        self._copy: Store | None = None

    @classmethod
    def open(cls, home: Path, *, readonly: bool = False, offline_ok: bool = False) -> Archive:
        """Open (creating if needed, unless ``readonly``) the archive in ``home``.

        Args:
            offline_ok: When the team store's server cannot be reached, open this
                analyst's last synced copy instead (searching only: see `offline`).

        Raises:
            StoreError: the store cannot be opened (`StoreUnreachable`: its server).
        """
        location = store_location(home)
        try:
            if readonly:
                return cls(home, Store.open(location, readonly=True))
            home.mkdir(parents=True, exist_ok=True)
            return cls(home, Store.open(location, backfill_pairs=_backfill_pairs))
        except StoreUnreachable as exc:
            index = SearchIndex(home / INDEX_DIR)
            state = sync_state(index)
            if not offline_ok or state is None:
                raise
            return cls(home, open_copy(index), offline=_offline(exc, state.synced_at))

    @property
    def team(self) -> bool:
        """Whether this analyst's index is synced from a team store (or its copy)."""
        return self.store.shared or self.offline is not None

    def search_store(self) -> Store:
        """What searches read article rows from: the store, or for a team store this
        analyst's local copy of it (kept by `refresh_index`), never waiting for a server."""
        if not self.store.shared:
            return self.store
        if self._copy is None:
            if not copy_path(self.index).is_file():
                return self.store  # an index not synced (yet): its rows are the server's
            self._copy = open_copy(self.index)
        return self._copy

    def release_copy(self) -> None:
        """Close the local copy, if open (a sync may replace its file)."""
        if self._copy is not None:
            self._copy.close()
            self._copy = None

    def close(self) -> None:
        """Close the store connection (and the local copy)."""
        self.release_copy()
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
        self.home.mkdir(parents=True, exist_ok=True)  # a team analyst's first sync
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


def refresh_index(
    archive: Archive,
    *,
    rebuild: bool = False,
    update: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Bring the index up to date with the store; the documents written.

    A file store's articles carry ``indexed`` flags (`search.index.sync`; ``update``:
    re-extracted articles the index may hold).  A team store's index and local copy
    are synced by its change sequence (`search.index.team_sync`), which finds
    re-extracted articles by their new numbers.  The caller holds the write lock.

    Raises:
        StoreUnreachable: a team store's server stopped answering (nothing was lost).
    """
    from search.index import sync

    if archive.store.shared:
        archive.release_copy()
        return sync_team_index(archive.store, archive.index, rebuild=rebuild,
                               progress=progress).written  # fmt: skip
    return sync(archive.store, archive.index, rebuild=rebuild, update=update, progress=progress)


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
    if archive.team:
        return _ensure_team_index(archive, wait)
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
            refresh_index(archive, rebuild=not usable)
    except ArchiveBusy as exc:
        if usable:
            notices.append(f"{pending} articles are not searchable yet: another briefroom is "
                           "writing to the archive and indexes them as it goes")  # fmt: skip
        elif notices:
            notices.append(str(exc))
    return notices


def _ensure_team_index(archive: Archive, wait: float) -> list[str]:
    """`ensure_index` of a team analyst: sync from the team store when it has changed
    since the last sync; away from the server, say since when the copy searched is."""
    if archive.offline is not None:
        return [archive.offline]
    state = sync_state(archive.index)
    try:
        latest = archive.store.conn.execute("SELECT max(changed) FROM articles").fetchone()[0]
        if state is not None and state.change == (latest or 0) and _usable(archive.index):
            return []
        with archive.write_lock(wait if state is None else 0.0):
            written = refresh_index(archive)
    except ArchiveBusy:
        # This analyst's own ingest (or sync) is writing the index and syncs it as it goes.
        return [] if state is not None else [f"{archive.home}: the search index is being "
                                             "built by another briefroom; try again soon"]  # fmt: skip
    except (StoreError, sqlite3.Error) as exc:  # the server went away
        return [str(exc) if state is None else _offline(exc, state.synced_at)]
    return [f"synced {written:,} new or changed articles from the team store"] if written else []


def _offline(reason: object, synced_at: str | None) -> str:
    """What a team analyst away from the server is told: why, and how old the copy is."""
    since = synced_at or "an unknown time"
    return f"{reason}; searching this machine's copy of the archive as last synced, at {since}"


def _usable(index: SearchIndex) -> bool:
    try:
        index.open().close()
    except IndexUnavailable:
        return False
    return copy_path(index).is_file()


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
    health = check_archive(archive, thorough=False)
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
        if archive.store.count() if archive.team else archive.store.indexed_count():
            raise
        return empty_result(request, parser)
    try:
        with ix.searcher() as searcher:
            return search(searcher, archive.search_store(), request, parser=parser)
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
        fix: The command that repairs them.
    """

    ok: bool
    documents: int | None
    stored: int
    pending: int
    segments: int
    problems: tuple[str, ...]
    fix: str = "briefroom index rebuild"


REBUILD_FIX = "briefroom index rebuild"
SYNC_FIX = "briefroom index sync"


def check_archive(archive: Archive, *, thorough: bool = True) -> IndexHealth:
    """`check` of an archive's index against its store: for a team analyst, against what
    the team store holds, and said when the server cannot be reached."""
    if not archive.team:
        return check(archive.store, archive.index, thorough=thorough)
    state = sync_state(archive.index)
    if state is None:
        stored = archive.store.count()
        return IndexHealth(False, None, stored, stored, 0, (
            f"{archive.index.path}: not synced from the team store yet", ), SYNC_FIX)  # fmt: skip
    health = check(archive.store, archive.index, thorough=thorough,
                   copy=archive.search_store(), synced=state.change)  # fmt: skip
    problems = list(health.problems)
    if archive.offline is not None:
        problems.insert(0, archive.offline)
    elif state.store_id != store_identity(archive.store):
        problems.insert(0, f"{archive.index.path}: synced from another store than "
                        f"{archive.store.location}")  # fmt: skip
    return replace(health, ok=not problems, problems=tuple(problems))


def check(
    store: Store,
    search_index: SearchIndex,
    *,
    thorough: bool = True,
    copy: Store | None = None,
    synced: int = 0,
) -> IndexHealth:
    """Compare the index with the store without changing either.

    ``thorough`` compares every article id and runs one search the way ``briefroom
    search`` does, so that a healthy index is one search can use (``briefroom index
    check``: half a second at 100,000 articles); otherwise only the counts are compared
    (the dashboard, ``index stats``), which finds a partly written or partly lost index
    but not swapped ids.  A team analyst's index (``copy``: their local copy of the
    articles, searched instead of the store) holds the articles numbered up to
    ``synced`` in the change sequence; a file's, the articles flagged ``indexed``.
    """
    pending_where, params = ("changed > ?", (synced,)) if copy is not None else ("indexed = 0", ())
    stored = store.count()
    pending = int(
        store.conn.execute(
            f"SELECT count(*) FROM articles WHERE {pending_where}", params
        ).fetchone()[0]
    )
    fix = SYNC_FIX if copy is not None and pending else REBUILD_FIX
    problems: list[str] = []
    try:
        ix = search_index.open()
    except IndexUnavailable as exc:
        return IndexHealth(False, None, stored, stored, 0, (str(exc),), REBUILD_FIX)
    try:
        with ix.searcher() as searcher:
            documents = searcher.doc_count()
            segments = len(index_segments(ix))
            ids = {fields["id"] for fields in searcher.all_stored_fields()} if thorough else None
            if thorough:
                failure = _trial_search(searcher, copy or store)
                if failure:
                    problems.append(failure)
    except Exception as exc:  # a damaged segment shows up only when read
        return IndexHealth(False, None, stored, stored, 0,
                           (f"{search_index.path}: unreadable ({exc})",), REBUILD_FIX)  # fmt: skip
    finally:
        ix.close()
    indexed = stored - pending
    if pending:
        problems.append(f"{pending} articles of the team store changed since this index was "
                        "last synced" if copy is not None else
                        f"{pending} stored articles are not indexed yet")  # fmt: skip
    if ids is None:
        if documents > indexed:
            problems.append(f"the index holds {documents - indexed} documents more than "
                            "the store has indexed articles")  # fmt: skip
        elif documents < indexed:
            problems.append(f"{indexed - documents} articles marked indexed are missing "
                            "from the index")  # fmt: skip
        return IndexHealth(not problems, documents, stored, pending, segments, tuple(problems), fix)
    if documents != len(ids):
        problems.append(f"{documents - len(ids)} duplicate documents in the index")
    stored_ids = {
        row[0]
        for row in store.conn.execute(
            f"SELECT id FROM articles WHERE NOT ({pending_where})", params
        )
    }
    missing = len(stored_ids - ids)
    extra = len(ids - stored_ids)
    if missing:
        problems.append(f"{missing} articles marked indexed are missing from the index")
    if extra:
        problems.append(f"{extra} documents in the index are not in the store as indexed")
    if missing or extra:
        fix = REBUILD_FIX
    return IndexHealth(not problems, documents, stored, pending, segments, tuple(problems), fix)


def _trial_search(searcher: Any, store: Store) -> str | None:
    """Why a search (every article, with facets) fails on this index, or None."""
    from search.query import SearchRequest, search

    try:
        search(searcher, store, SearchRequest(limit=1, snippets=False))
    except Exception as exc:  # what a user's search would meet
        return f"searching fails ({type(exc).__name__}: {exc})"
    return None
