"""Whoosh's index writers as briefroom runs them: a multi-process writer whose
sub-processes die with their parent, pool postings compactly
(`search.index.postingpool.CompactPool`) and can hand over their segments in the middle
of a run (`MultiProcessWriter.flush`), and the merge policy of every commit
(`merge_small_segments`).

These drive Whoosh's writers beneath their public API; each private access is a named
function of `search.index.whoosh_private`.
"""

from __future__ import annotations

import multiprocessing
import queue
from typing import Any

from whoosh.index import FileIndex
from whoosh.multiproc import MpWriter as WhooshMpWriter
from whoosh.multiproc import SubWriterTask as WhooshSubWriterTask

from search.index import whoosh_private as wp
from search.index.postingpool import CompactPool, CompactSegmentWriter
from search.processes import die_with_parent

# Per sub-writer posting-pool memory, as search.index.postingpool estimates it; two
# sub-writers run, one per core.  The estimate runs under what the pool costs resident
# (object headers, arrays' spare room): 10,000 articles, one sub-writer's share of an
# index batch, are 69 MB of estimate, 90 MB resident.  With 32 a sub-writer spills
# about every 4,000 articles and stays ~50 MB above its start, against ~110 MB with 96
# (issue #12: 2 x 60 MB of a 100,000-article ingest's peak); writing and merging the
# extra runs cost no CPU time measurable on 10,000 or 30,000 articles, nor on 100,000
# (bench/README.md, "Peak memory under 600 MB").
WRITER_LIMIT_MB = 32
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


class SubWriter(WhooshSubWriterTask):  # type: ignore[misc]  # untyped Whoosh base class
    """Whoosh's indexing sub-process (multi-segment mode only), dying with its parent,
    writing through a `CompactSegmentWriter`, and able to hand over its segment in the
    middle of a run (`MultiProcessWriter.flush`).  (Whoosh's ``SubWriterTask.run`` with those
    changes.)

    ``resume`` is set by the parent (`MultiProcessWriter`) once the segments of a flush are
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
                segment = wp.finalize_segment(writer)
                self.resultqueue.put((None, writer.pool.fieldnames, segment), timeout=5)
                self.resume.wait()
                writer = self.writer = self._new_writer()
                continue
            wp.process_file(self, job)
        if not self.running:
            writer.cancel()
            return
        fieldnames = writer.pool.fieldnames
        segment = wp.finalize_segment(writer)
        self.resultqueue.put((None, fieldnames, segment), timeout=5)

    def _new_writer(self) -> CompactSegmentWriter:
        ix = self.storage.open_index(self.indexname)
        return CompactSegmentWriter(ix, _lk=False, **self.kwargs)


class MultiProcessWriter(WhooshMpWriter):  # type: ignore[misc]  # untyped Whoosh base class
    """Whoosh's multi-process writer whose sub-processes die with their parent; it and
    they pool postings with `search.index.postingpool.CompactPool`."""

    # Whoosh's own attributes, as this class uses them.
    segments: list[Any]
    tasks: list[Any]

    def __init__(self, ix: FileIndex, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        if not self.multisegment:
            raise ValueError("briefroom's multi-process writer is multi-segment only")
        # Merges of older segments at commit go through the parent's pool.
        self.pool = CompactPool(wp.temp_storage(self), self.newsegment,
                                limitmb=kwargs.get("limitmb", WRITER_LIMIT_MB))  # fmt: skip
        # Set while the sub-writers may go on after a flush (see `SubWriter`).
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
        generation of the index's table of contents, which searchers then open.  The
        sub-processes live on: no fork, and no merge.
        Deletions made by ``update_document`` since the last commit are saved too.
        """
        wp.check_writer_state(self)
        if self.docbuffer:
            wp.send_buffered(self)
        segments = list(self.segments)
        if self.tasks and wp.sent_to_subwriters(self):
            self.resume.clear()
            for _task in self.tasks:
                self.jobqueue.put(_FLUSH)
            segments += [s for _, _, s in self._results() if s.doc_count_all()]
        wp.write_toc(self, segments)
        self.resume.set()
        self.segments = segments
        self.generation += 1
        wp.reset_document_offsets(self)
        wp.drop_writer_searcher(self)  # it reads the segments as they were
        wp.mark_sent_to_subwriters(self, False)

    def commit(self, *args: Any, **kwargs: Any) -> None:
        if self.tasks and not wp.sent_to_subwriters(self):
            self._stop_tasks()  # started early, or flushed, and given no document since
        super().commit(*args, **kwargs)

    # Overrides Whoosh's private ``MpWriter._commit`` (see `search.index.whoosh_private`).
    def _commit(self, mergetype: Any, optimize: Any, merge: Any) -> None:
        """Whoosh's multi-segment ``MpWriter._commit``, except that a sub-writer that died
        without handing over its segment is an error, not documents silently lost."""
        if self.docbuffer:
            wp.send_buffered(self)
        for _task in self.tasks:
            self.jobqueue.put(None)
        finalsegments = wp.merge_segments(self, mergetype, optimize, merge)
        results = self._results()
        for task in self.tasks:
            task.join()
        self.tasks = []
        finalsegments += [s for _, _, s in results]
        if wp.added_to_parent(self):
            finalsegments.append(wp.finalize_segment(self))
        else:
            wp.close_segment(self)
        wp.commit_toc(self, finalsegments)
        wp.finish_writer(self)

    def _results(self) -> list[Any]:
        """One ``(run, fieldnames, segment)`` from each sub-writer."""
        results: list[Any] = []
        while len(results) < len(self.tasks):
            try:
                results.append(self.resultqueue.get(timeout=_RESULT_TIMEOUT_S))
            except queue.Empty:
                # Each sub-writer hands over one segment, then ends: one that ended
                # without handing it over died.  (One that handed over and ended while the
                # other still writes a big segment is no death.)
                if sum(not task.is_alive() for task in self.tasks) > len(results):
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

    # Overrides Whoosh's private ``MpWriter._new_task`` (see `search.index.whoosh_private`).
    def _new_task(self) -> SubWriter:
        task = SubWriter(self.storage, self.indexname, self.jobqueue, self.resultqueue,
                         self.subargs, self.multisegment)  # fmt: skip
        task.resume = self.resume
        self.tasks.append(task)
        task.start()
        return task


def merge_small_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy: the small segments become one once there are several.

    Segments of fewer than `MERGE_BELOW_DOCS` live documents are merged when there are
    at least `MERGE_MIN_SEGMENTS` of them; bigger segments are never merged.  Whoosh's
    default policy (``MERGE_SMALL``) merges nothing until about twenty segments and
    then the smallest twenty-five at once, whatever their size: with an ingest
    committed in batches (`search.ingest.pipeline`), minutes in one commit.
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
    lengths = wp.field_length_totals(writer)
    before = dict(lengths) if lengths is not None else {}
    writer.add_reader(reader)
    if lengths is None or reader.has_deletions():
        return
    for name in writer.schema.scorable_names():
        added = lengths.get(name, 0) - before.get(name, 0)
        lengths[name] += reader.field_length(name) - added
