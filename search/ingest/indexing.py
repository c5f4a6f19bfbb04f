"""The ingest's index writing: one Whoosh writer fed as articles are stored, committed
in batches (`IndexFeeder.due`, `flush`) so a long ingest becomes searchable as it goes.

The store's ``indexed`` flag records what the index holds: a run killed at any moment
loses at most the indexing of one batch, which the next run (`IndexFeeder.catch_up`) or
a search's repair (`search.archive.ensure_index`) completes from the store.
"""

from __future__ import annotations

import time
from typing import Any

from search.archive import Archive, refresh_index
from search.index import (
    MULTIPROCESS_MIN_DOCS,
    document_fields,
    merge_small_segments,
    save_segment_facets,
)

# The index is committed (made searchable, safe from a kill) after this many articles
# or seconds since its last commit, whichever comes first, at the next store commit.
# Each commit adds a segment per sub-writer (two) and costs about a second at 100,000
# articles (the sub-writers finish their segments; their facet data is saved): 20,000
# keeps a 100,000-article ingest to ~10 segments and within 5 % of one commit at the
# end (bench/ingest.py); 120 s bounds the wait on a slow machine or slow inputs.
INDEX_COMMIT_ARTICLES = 20_000
INDEX_COMMIT_SECONDS = 120.0


class IndexFeeder:
    """Feeds documents to one Whoosh writer, created on first use, and commits the index
    in batches (`due`, `flush`)."""

    def __init__(self, archive: Archive, expected: int) -> None:
        self.archive = archive
        self.expected = expected
        self.ix: Any = None
        self.writer: Any = None
        self.written = 0
        self.maybe_present = False
        self.uncommitted = 0  # documents fed since the index was last committed
        self.since = time.monotonic()
        # The ids fed since the last commit, and the later versions of those the run
        # updated: Whoosh's update cannot delete a document its own writer has not
        # committed, so those wait for the commit (`_feed_deferred`).
        self.fresh: set[str] = set()
        self.deferred: dict[str, dict[str, Any]] = {}

    def _open(self) -> None:
        store = self.archive.store
        self.ix, created = self.archive.index.open_or_create()
        if created:
            store.mark_all_unindexed()
        # Set when a previous run died between the index commit and the store update.
        self.maybe_present = not created and store.get_meta("index_commit_started") == "1"
        self.writer = self.archive.index.writer(self.ix, self.expected)

    def start(self) -> None:
        """Open the writer and fork its sub-writers before any extraction has run (see
        `search.index.writers.MultiProcessWriter.start_workers`), when the batch is big
        enough to use them."""
        if self.writer is None and self.expected >= MULTIPROCESS_MIN_DOCS:
            self._open()
            start = getattr(self.writer, "start_workers", None)
            if start is not None:
                start()

    def catch_up(self) -> None:
        """Feed what earlier (interrupted) runs stored but did not index."""
        store = self.archive.store
        pending = store.conn.execute("SELECT 1 FROM articles WHERE indexed = 0 LIMIT 1").fetchone()
        if self.writer is None and (pending or not self.archive.index.exists()):
            self._open()
        while pending:
            # In passes of one index batch: the rows are read through the store's index
            # of pending articles, which a commit changes, so the cursor is closed first.
            fed: list[int] = []
            rows = store.iter_for_index(pending_only=True)
            try:
                for rowid, row in rows:
                    self.add(row, update=self.maybe_present)
                    fed.append(rowid)
                    if self.due():
                        break
            finally:
                rows.close()
            if not self.due():
                return  # all fed; committed with the run's first batch
            self.flush(fed)
            pending = store.conn.execute(
                "SELECT 1 FROM articles WHERE indexed = 0 LIMIT 1"
            ).fetchone()

    def add(self, row: dict[str, Any], *, update: bool) -> None:
        if update and row["id"] in self.fresh:
            self.deferred[row["id"]] = row  # an article this batch added, changed since
            return
        if self.writer is None:
            self._open()
        self.fresh.add(row["id"])
        fields = document_fields(row)
        if update or self.maybe_present:
            self.writer.update_document(**fields)
        else:
            self.writer.add_document(**fields)
        self.written += 1
        self.uncommitted += 1

    def due(self) -> bool:
        """Whether the index should be committed now (`INDEX_COMMIT_ARTICLES`, `_SECONDS`)."""
        return self.uncommitted >= INDEX_COMMIT_ARTICLES or (
            self.uncommitted > 0 and time.monotonic() - self.since >= INDEX_COMMIT_SECONDS
        )

    def flush(self, rowids: list[int] | None = None) -> None:
        """Commit the index so far and go on writing.

        Called with every fed article committed to the store (and no store transaction
        open): the same order as `commit`, so a kill at any point leaves the store's
        ``indexed`` flags true to the index, or marks the window (see `_open`).

        Args:
            rowids: The articles fed so far, when not every pending one was (catch-up).
        """
        if self.writer is None or not self.uncommitted:
            return
        store = self.archive.store
        store.set_meta("index_commit_started", "1")
        flush = getattr(self.writer, "flush", None)
        if flush is not None:
            flush()  # the two-process writer: its sub-writers go on with new segments
        else:
            self.writer.commit(mergetype=merge_small_segments)
            self.ix.close()
            self.ix = self.archive.index.open()
            self.writer = self.archive.index.writer(self.ix, 0)
        store.mark_indexed(rowids, still_pending=self.deferred)
        if rowids is None:
            self.maybe_present = False  # what earlier runs left pending is committed now
        self.uncommitted = 0
        self.since = time.monotonic()
        self._feed_deferred()
        save_segment_facets(self.archive.index)

    def _feed_deferred(self) -> None:
        """After a commit: feed the later versions of articles the committed batch added
        (`add`), as updates of what it committed.  Until they are committed in turn, they
        are pending in the store and ``index_commit_started`` stays set, so that a run
        killed before then updates them too (`_open`, `search.index.sync`)."""
        self.fresh.clear()
        deferred, self.deferred = self.deferred, {}
        if deferred:
            for row in deferred.values():
                self.add(row, update=True)
        else:
            self.archive.store.set_meta("index_commit_started", "0")

    def commit(self) -> None:
        if self.deferred:
            self.flush()  # the last batch's updated articles go into one more
        if self.writer is None:
            return
        store = self.archive.store
        store.set_meta("index_commit_started", "1")
        self.writer.commit(mergetype=merge_small_segments)
        self.ix.close()
        store.mark_indexed()
        store.set_meta("index_commit_started", "0")
        self.writer = None
        self.uncommitted = 0
        save_segment_facets(self.archive.index)

    def cancel(self) -> None:
        if self.writer is not None:
            try:
                self.writer.cancel()
            finally:
                self.ix.close()
                self.writer = None


class TeamIndexFeeder(IndexFeeder):
    """The index of an ingest into a team store: this analyst's index and local copy are
    synced from the store (`search.archive.refresh_index`) when a file store's index
    would be committed, so they take in what this run and other analysts committed, in
    the order the store numbered it, and a long ingest becomes searchable as it goes."""

    def start(self) -> None:
        pass  # nothing to fork: the sync writes the index when due

    def catch_up(self) -> None:
        pass  # the sync takes in whatever was committed, by whoever

    def add(self, row: dict[str, Any], *, update: bool) -> None:
        self.written += 1
        self.uncommitted += 1

    def flush(self, rowids: list[int] | None = None) -> None:
        if self.uncommitted:
            self.commit()

    def commit(self) -> None:
        refresh_index(self.archive)
        self.uncommitted = 0
        self.since = time.monotonic()

    def cancel(self) -> None:
        pass  # what was committed is synced by the next search
