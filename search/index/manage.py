"""The Whoosh index in one folder, derived from the store.

The index can always be rebuilt from SQLite (`sync` with ``rebuild``), and a missing,
broken, stale or out-of-date index is detected (`search.archive.check`) and repaired
rather than being fatal: Whoosh's multi-file index is not crash safe
(whoosh-community/whoosh#323, #447), so the store keeps an ``indexed`` flag per article
and the index a schema version stamp.
"""

from __future__ import annotations

import shutil
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import FileIndex
from whoosh.writing import IndexWriter

from search.index.facets import save_facets
from search.index.fastindex import FastCodec
from search.index.postingpool import CompactSegmentWriter
from search.index.schema import SCHEMA_VERSION, build_schema
from search.index.writers import WRITER_LIMIT_MB, MultiProcessWriter, merge_small_segments
from search.store import Store

INDEX_NAME = "MAIN"
_VERSION_FILE = "briefroom-schema-version"
# Whoosh's own lock is an flock; a second writer waits this long before giving up.
WRITER_TIMEOUT_S = 60.0
# Batches smaller than this are indexed in-process: starting sub-processes costs more.
MULTIPROCESS_MIN_DOCS = 2000


class IndexUnavailable(Exception):
    """The index cannot be opened (missing, broken, or another schema version)."""


def document_fields(row: dict[str, Any]) -> dict[str, Any]:
    """Whoosh fields of a stored article row (see `Store.iter_for_index`).

    Besides the searchable fields, every document gets the per-document columns that
    `search.index.docdata` reads in bulk: ``day`` (YYYYMMDD, 0 when undated), ``story`` (the
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
        # Newline-terminated, so that a whole column splits in one call (search.index.docdata).
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
        `search.index.fastindex.FastCodec` (merged segments too: Whoosh merges in the
        writer), pooled in memory by `search.index.postingpool.CompactPool`.
        """
        # Whoosh writer options (untyped keyword arguments of its writers).
        options: dict[str, Any] = {"limitmb": WRITER_LIMIT_MB, "timeout": WRITER_TIMEOUT_S, "compound": False,
                   "codec": FastCodec()}  # fmt: skip
        if expected_docs >= MULTIPROCESS_MIN_DOCS:
            return MultiProcessWriter(ix, procs=2, multisegment=True, **options)
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
    with store.bulk_pass():  # a pass over the whole store (see `Store.bulk_pass`)
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
    """Save the facet data of newly written segments (`search.index.facets.save_facets`).

    Only saves the next first search some work: a failure to write it is ignored.
    """
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
