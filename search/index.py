"""The Whoosh index, derived from the store.

The index can always be rebuilt from SQLite (`rebuild`), and a missing, broken, stale
or out-of-date index is detected (`check`) and repaired rather than being fatal: Whoosh's
multi-file index is not crash safe (whoosh-community/whoosh#323, #447), so the store
keeps an ``indexed`` flag per article and the index a schema version stamp.
"""

from __future__ import annotations

import multiprocessing
import queue
import shutil
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
from search.processes import die_with_parent
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
# Merge policy of every commit (`merge_small_segments`): segments of fewer live documents
# than this (small ingests, re-indexed articles, a time-triggered batch of a slow ingest)
# are merged into one once there are MERGE_MIN_SEGMENTS of them; bigger ones are left
# as they are.
MERGE_BELOW_DOCS = 4000
MERGE_MIN_SEGMENTS = 4
# A job for a sub-writer: hand over the segment written so far and start a new one.
_FLUSH = "flush"
# Seconds to wait for a sub-writer's segment before deciding it died.
_RESULT_TIMEOUT_S = 1.0


class _SubWriterTask(SubWriterTask):  # type: ignore[misc]
    """Whoosh's indexing sub-process (multi-segment mode only), dying with its parent,
    writing through a `CompactSegmentWriter`, and able to hand over its segment in the
    middle of a run (`_MpWriter.flush`).  (Whoosh's ``SubWriterTask.run`` with those
    changes.)

    ``resume`` is set by the parent (`_MpWriter`) once the segments of a flush are
    committed: a sub-writer that handed over its segment waits for it, so that the
    other flush job goes to the other sub-writer.
    """

    resume: Any = None

    def run(self) -> None:
        die_with_parent()
        if not self.multisegment:
            raise RuntimeError("briefroom's sub-writers only write whole segments")
        writer = self.writer = self._new_writer()
        while self.running:
            job = self.jobqueue.get()
            if job is None:
                break
            if job == _FLUSH:
                segment = writer._finalize_segment()
                self.resultqueue.put((None, writer.pool.fieldnames, segment), timeout=5)
                self.resume.wait()
                writer = self.writer = self._new_writer()
                continue
            self._process_file(*job)
        if not self.running:
            writer.cancel()
            return
        fieldnames = writer.pool.fieldnames
        segment = writer._finalize_segment()
        self.resultqueue.put((None, fieldnames, segment), timeout=5)

    def _new_writer(self) -> CompactSegmentWriter:
        ix = self.storage.open_index(self.indexname)
        return CompactSegmentWriter(ix, _lk=False, **self.kwargs)


class _MpWriter(MpWriter):  # type: ignore[misc]
    """Whoosh's multi-process writer whose sub-processes die with their parent; it and
    they pool postings with `search.postingpool.CompactPool`."""

    def __init__(self, ix: FileIndex, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        if not self.multisegment:
            raise ValueError("briefroom's multi-process writer is multi-segment only")
        # Merges of older segments at commit go through the parent's pool.
        self.pool = CompactPool(self._tempstorage, self.newsegment,
                                limitmb=kwargs.get("limitmb", WRITER_LIMIT_MB))  # fmt: skip
        # Set while the sub-writers may go on after a flush (see `_SubWriterTask`).
        self.resume = multiprocessing.Event()
        self.resume.set()

    def start_workers(self) -> None:
        """Fork the sub-writers now rather than at the first batch of documents.

        A forked process shares its parent's memory until either writes to it, and
        resident-set figures count shared pages in both: forked before the caller has
        loaded the extraction data (50 MB) and filled its caches, each sub-writer
        starts small.
        """
        while len(self.tasks) < self.procs:
            self._new_task()

    def flush(self) -> None:
        """Commit the documents added so far, and go on writing.

        Each sub-writer finishes its segment and starts a new one; the segments (but an
        empty one: a sub-writer given no batch since the last flush) are listed in a new
        generation of the index's table of contents, which searchers then open.  The sub-processes live on: no fork, and no merge.
        Deletions made by ``update_document`` since the last commit are saved too.
        """
        from whoosh.index import TOC

        self._check_state()
        if self.docbuffer:
            self._enqueue()
        segments = list(self.segments)
        if self.tasks and self._added_sub:
            self.resume.clear()
            for _task in self.tasks:
                self.jobqueue.put(_FLUSH)
            segments += [s for _, _, s in self._results() if s.doc_count_all()]
        TOC(self.schema, segments, self.generation).write(self.storage, self.indexname)
        self.resume.set()
        self.segments = segments
        self.generation += 1
        self._setup_doc_offsets()
        if self._searcher is not None:  # it reads the segments as they were
            self._searcher._orig_close()
            self._searcher = None
        self._added_sub = False

    def commit(self, *args: Any, **kwargs: Any) -> None:
        if self.tasks and not self._added_sub:
            self._stop_tasks()  # started early, or flushed, and given no document since
        super().commit(*args, **kwargs)

    def _commit(self, mergetype: Any, optimize: Any, merge: Any) -> None:
        """Whoosh's multi-segment ``MpWriter._commit``, except that a sub-writer that died
        without handing over its segment is an error, not documents silently lost."""
        if self.docbuffer:
            self._enqueue()
        for _task in self.tasks:
            self.jobqueue.put(None)
        finalsegments = self._merge_segments(mergetype, optimize, merge)
        results = self._results()
        for task in self.tasks:
            task.join()
        self.tasks = []
        finalsegments += [s for _, _, s in results]
        if self._added:
            finalsegments.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(finalsegments)
        self._finish()

    def _results(self) -> list[Any]:
        """One ``(run, fieldnames, segment)`` from each sub-writer."""
        results: list[Any] = []
        while len(results) < len(self.tasks):
            try:
                results.append(self.resultqueue.get(timeout=_RESULT_TIMEOUT_S))
            except queue.Empty:
                if not all(task.is_alive() for task in self.tasks):
                    try:  # a finished sub-writer's last word may still be in the pipe
                        results.append(self.resultqueue.get(timeout=_RESULT_TIMEOUT_S))
                    except queue.Empty:
                        raise RuntimeError("an indexing sub-process died") from None
        return results

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
        task.resume = self.resume
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


def merge_small_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy: the small segments become one once there are several.

    Segments of fewer than `MERGE_BELOW_DOCS` live documents are merged when there are
    at least `MERGE_MIN_SEGMENTS` of them; bigger segments are never merged.  Whoosh's
    default policy (``MERGE_SMALL``) merges nothing until about twenty segments and
    then the smallest twenty-five at once, whatever their size: with an ingest
    committed in batches (`search.ingest`), minutes in one commit.
    """
    from whoosh.reading import SegmentReader

    small = [s for s in segments if s.doc_count() < MERGE_BELOW_DOCS]
    if len(small) < MERGE_MIN_SEGMENTS:
        return segments
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        try:
            _add_exactly(writer, reader)
        finally:
            reader.close()
    merged = {id(s) for s in small}
    return [s for s in segments if id(s) not in merged]


def _add_exactly(writer: Any, reader: Any) -> None:
    """``writer.add_reader(reader)``, keeping the segment's exact field lengths.

    Whoosh re-adds a merged document's field lengths from their one-byte approximations,
    so the index's average lengths, and with them every BM25F score, would change with
    the merge: two ingests of the same files committed in different batches would rank
    a little differently.  Without deletions the exact totals are the segment's own.
    """
    lengths = getattr(writer.perdocwriter, "_fieldlengths", None)  # Whoosh's W3PerDocWriter
    before = dict(lengths) if lengths is not None else {}
    writer.add_reader(reader)
    if lengths is None or reader.has_deletions():
        return
    for name in writer.schema.scorable_names():
        added = lengths.get(name, 0) - before.get(name, 0)
        lengths[name] += reader.field_length(name) - added


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
        writer.commit(mergetype=merge_small_segments)
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
            if searcher.doc_count_all():  # no segment, nothing to save
                save_facets(searcher, ix.storage)
    except OSError:
        pass
    finally:
        ix.close()


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
            segments = len(ix._segments())
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
