"""The Whoosh index, derived from the store.

The index can always be rebuilt from SQLite (`rebuild`), and a missing, broken, stale
or out-of-date index is detected (`check`) and repaired rather than being fatal: Whoosh's
multi-file index is not crash safe (whoosh-community/whoosh#323, #447), so the store
keeps an ``indexed`` flag per article and the index a schema version stamp.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import FileIndex
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import IndexWriter

from search.fastindex import FastCodec
from search.postingpool import CompactPool, CompactSegmentWriter
from search.schema import SCHEMA_VERSION, build_schema
from search.store import Store

INDEX_NAME = "MAIN"
_VERSION_FILE = "briefroom-schema-version"
# Whoosh's own lock is an flock; a second writer waits this long before giving up.
WRITER_TIMEOUT_S = 60.0
# Per sub-writer posting-pool memory (search.postingpool estimates it); two sub-writers
# run, one per core. 96 rather than 128 keeps a 100,000-article ingest under 600 MB
# in all (bench/ingest.py); a smaller pool only means more, cheaply merged, runs.
WRITER_LIMIT_MB = 96
# Batches smaller than this are indexed in-process: starting sub-processes costs more.
MULTIPROCESS_MIN_DOCS = 2000


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (PR_SET_PDEATHSIG).

    Whoosh's indexing sub-processes block on a queue forever if the parent is killed,
    and they hold the index lock they inherited; without this a SIGKILLed ingest would
    leave the index locked until they are killed by hand.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)
    except (OSError, AttributeError):  # not Linux: nothing to ask
        pass


class _SubWriterTask(SubWriterTask):  # type: ignore[misc]
    """Whoosh's indexing sub-process (multi-segment mode only), dying with its parent
    and writing through a `CompactSegmentWriter`.  (Whoosh's ``SubWriterTask.run``
    with those two changes.)"""

    def run(self) -> None:
        _die_with_parent()
        if not self.multisegment:
            raise RuntimeError("briefroom's sub-writers only write whole segments")
        ix = self.storage.open_index(self.indexname)
        writer = self.writer = CompactSegmentWriter(ix, _lk=False, **self.kwargs)
        while self.running:
            job = self.jobqueue.get()
            if job is None:
                break
            self._process_file(*job)
        if not self.running:
            writer.cancel()
            return
        fieldnames = writer.pool.fieldnames
        segment = writer._finalize_segment()
        self.resultqueue.put((None, fieldnames, segment), timeout=5)


class _MpWriter(MpWriter):  # type: ignore[misc]
    """Whoosh's multi-process writer whose sub-processes die with their parent; it and
    they pool postings with `search.postingpool.CompactPool`."""

    def __init__(self, ix: FileIndex, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        # Merges of older segments at commit go through the parent's pool.
        self.pool = CompactPool(self._tempstorage, self.newsegment,
                                limitmb=kwargs.get("limitmb", WRITER_LIMIT_MB))  # fmt: skip

    def start_workers(self) -> None:
        """Fork the sub-writers now rather than at the first batch of documents.

        A forked process shares its parent's memory until either writes to it, and
        resident-set figures count shared pages in both: forked before the caller has
        loaded the extraction data (50 MB) and filled its caches, each sub-writer
        starts small.
        """
        while len(self.tasks) < self.procs:
            self._new_task()

    def commit(self, *args: Any, **kwargs: Any) -> None:
        if self.tasks and not self._added_sub:
            self._stop_tasks()  # started early, never given a document
        super().commit(*args, **kwargs)

    def cancel(self) -> None:
        # Whoosh's cancel only flags its own copies of the task objects; the
        # sub-processes would wait for work until the parent exits.
        for task in self.tasks:
            if task.is_alive():
                task.terminate()
                task.join()
        self.tasks = []
        super().cancel()

    def _stop_tasks(self) -> None:
        for _task in self.tasks:
            self.jobqueue.put(None)
        for task in self.tasks:
            task.join()
        while True:  # their empty segments are never listed, and Whoosh cleans them up
            try:
                self.resultqueue.get(timeout=0.1)
            except queue.Empty:
                break
        self.tasks = []

    def _new_task(self) -> SubWriterTask:
        task = _SubWriterTask(self.storage, self.indexname, self.jobqueue, self.resultqueue,
                              self.subargs, self.multisegment)  # fmt: skip
        self.tasks.append(task)
        task.start()
        return task


class IndexUnavailable(Exception):
    """The index cannot be opened (missing, broken, or another schema version)."""


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


def document_fields(row: dict[str, Any]) -> dict[str, Any]:
    """Whoosh fields of a stored article row (see `Store.iter_for_index`).

    Besides the searchable fields, every document gets the per-document columns that
    `search.engine` reads in bulk: ``day`` (YYYYMMDD, 0 when undated), ``story`` (the
    near-duplicate cluster), ``publisher`` and ``country_set``.
    """
    countries = row["countries"] or ""
    topics = row["topics"] or ""
    source = row["source"] or ""
    fields: dict[str, Any] = {
        "id": row["id"],
        "title": row["title"] or "",
        "body": row["body"] or "",
        "countries": countries,
        "people": (row["people"] or "").replace("|", "\n"),
        "orgs": (row["orgs"] or "").replace("|", "\n"),
        "topics": topics,
        "story": _story(row),
        # Newline-terminated, so that a whole column splits in one call (search.engine).
        "publisher": (" ".join(source.split()) + "\n").encode("utf-8"),
        "country_set": (countries + "\n").encode("utf-8"),
    }
    date = row["date"]
    if date and len(date) >= 10 and date[4] == "-" and date[7] == "-":
        digits = date[:4] + date[5:7] + date[8:10]
        if digits.isdigit():
            fields["day"] = int(digits)
    for key in ("source", "city", "lang"):
        if row[key]:
            fields[key] = row[key]
    return fields


def _story(row: dict[str, Any]) -> int:
    """The near-duplicate cluster as a number (stored clusters are article rowids)."""
    cluster = row["cluster"]
    if cluster is not None:
        try:
            return int(cluster)
        except (TypeError, ValueError):
            pass
    # No cluster recorded: a story of its own, numbered apart from every rowid.
    return -1 - zlib.crc32(str(row["id"]).encode("utf-8"))


class SearchIndex:
    """The Whoosh index in one folder."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def exists(self) -> bool:
        """Whether an index (of any version) is there."""
        return self.path.is_dir() and whoosh_index.exists_in(str(self.path), INDEX_NAME)

    def version(self) -> int | None:
        """The schema version the index was built with."""
        try:
            return int((self.path / _VERSION_FILE).read_text().strip())
        except (OSError, ValueError):
            return None

    def open(self) -> FileIndex:
        """Open the index for searching.

        Raises:
            IndexUnavailable: missing, unreadable, or built with another schema version.
        """
        if not self.exists():
            raise IndexUnavailable(f"{self.path}: no index")
        if self.version() != SCHEMA_VERSION:
            raise IndexUnavailable(f"{self.path}: built with another schema version")
        try:
            return whoosh_index.open_dir(str(self.path), indexname=INDEX_NAME)
        except Exception as exc:  # Whoosh raises many kinds on a damaged index
            raise IndexUnavailable(f"{self.path}: cannot open ({exc})") from exc

    def create(self) -> FileIndex:
        """Create an empty index (replacing whatever is there)."""
        if self.path.exists():
            shutil.rmtree(self.path)
        self.path.mkdir(parents=True)
        ix = whoosh_index.create_in(str(self.path), build_schema(), indexname=INDEX_NAME)
        (self.path / _VERSION_FILE).write_text(f"{SCHEMA_VERSION}\n")
        return ix

    def open_or_create(self) -> tuple[FileIndex, bool]:
        """Open the index, or create an empty one if it cannot be used. Returns (index, created)."""
        try:
            return self.open(), False
        except IndexUnavailable:
            return self.create(), True

    def writer(self, ix: FileIndex, expected_docs: int) -> IndexWriter:
        """A writer sized for the batch: two sub-processes for big batches (one per core).

        Segments are written as separate files, not Whoosh's compound ``.seg`` file:
        opening a compound segment copies its whole postings file into memory
        (``BufferFile`` wraps the mmap in a ``BytesIO``), 0.4 s for 100,000 articles on
        every search; separate files are read in place.  Postings are written with
        `search.fastindex.FastCodec` (merged segments too: Whoosh merges in the writer),
        pooled in memory by `search.postingpool.CompactPool`.
        """
        options = {"limitmb": WRITER_LIMIT_MB, "timeout": WRITER_TIMEOUT_S, "compound": False,
                   "codec": FastCodec()}  # fmt: skip
        if expected_docs >= MULTIPROCESS_MIN_DOCS:
            return _MpWriter(ix, procs=2, multisegment=True, **options)
        return CompactSegmentWriter(ix, **options)


def sync(
    store: Store,
    search_index: SearchIndex,
    *,
    rebuild: bool = False,
    progress: Callable[[int, int], None] | None = None,
    documents: Iterable[tuple[int, dict[str, Any]]] | None = None,
    update: bool = False,
) -> int:
    """Bring the index up to date with the store; returns the number of documents written.

    Pending articles (``indexed = 0``) are written with ``update_document`` when the index
    might already hold them (after a crash between the index commit and the store's
    flag update, or with ``update``: articles re-extracted), else with the faster
    ``add_document``.
    """
    with store.unmapped():  # a pass over the whole store (see `Store.unmapped`)
        return _sync(store, search_index, rebuild=rebuild, progress=progress,
                     documents=documents, update=update)  # fmt: skip


def _sync(
    store: Store,
    search_index: SearchIndex,
    *,
    rebuild: bool,
    progress: Callable[[int, int], None] | None,
    documents: Iterable[tuple[int, dict[str, Any]]] | None,
    update: bool = False,
) -> int:
    ix, created = (search_index.create(), True) if rebuild else search_index.open_or_create()
    if created:
        store.mark_all_unindexed()
    pending = store.conn.execute("SELECT count(*) FROM articles WHERE indexed = 0").fetchone()[0]
    if pending == 0:
        ix.close()
        return 0
    # A crash between the Whoosh commit and mark_indexed leaves this flag set.
    maybe_present = not created and (update or store.get_meta("index_commit_started") == "1")
    writer = search_index.writer(ix, pending)
    written = 0
    try:
        rows = documents if documents is not None else store.iter_for_index(pending_only=True)
        for _rowid, row in rows:
            fields = document_fields(row)
            if maybe_present:
                writer.update_document(**fields)
            else:
                writer.add_document(**fields)
            written += 1
            if progress is not None and written % 500 == 0:
                progress(written, pending)
        store.set_meta("index_commit_started", "1")
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    finally:
        ix.close()
    store.mark_indexed()
    store.set_meta("index_commit_started", "0")
    save_segment_facets(search_index)
    if progress is not None:
        progress(written, pending)
    return written


def save_segment_facets(search_index: SearchIndex) -> None:
    """Save the facet data of newly written segments (`search.engine.save_facets`).

    Only saves the next first search some work: a failure to write it is ignored.
    """
    from search.engine import save_facets

    try:
        ix = search_index.open()
    except IndexUnavailable:
        return
    try:
        with ix.searcher() as searcher:
            save_facets(searcher, ix.storage)
    except OSError:
        pass
    finally:
        ix.close()


def check(store: Store, search_index: SearchIndex, *, thorough: bool = True) -> IndexHealth:
    """Compare the index with the store without changing either.

    ``thorough`` compares every article id (``briefroom index check``: half a second at
    100,000 articles); otherwise only the counts are compared (the dashboard, ``index
    stats``), which finds a partly written or partly lost index but not swapped ids.
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
            segments = len(ix._segments())
            ids = {fields["id"] for fields in searcher.all_stored_fields()} if thorough else None
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
