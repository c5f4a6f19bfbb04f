"""The ingest's extract stage: told what the archive's people registry knows, and run
either in the ingest's own process or in one forked worker process.

Extraction is most of the main process's work in a big ingest (about 2.9 ms of an
assembled article's ~4 ms, bench/README.md), while the two index sub-writers wait on
it. With a worker (`ExtractionWorker`), the main process reads, checks for copies,
stores and indexes while the worker extracts the articles after it, at most
`IN_FLIGHT` ahead, in order: the store sees the same articles in the same order as
without it.

One worker alone was the ingest's slowest process (issue #12: 26 of 62 CPU s on a
10,000-article sample of the 100k bench corpus, ~0.9 of a core while the main process
used ~0.5), so the main process shares the extraction: an article is extracted where
it is submitted when `SHARE_BACKLOG` articles already wait for the worker.  Either way
it is extracted with what the registry knew when it was submitted, so who extracts it
does not change what is stored.

What the registry learns from each stored batch reaches the worker as registry rows,
queued between the articles: an article is extracted with what the registry knew at
most `IN_FLIGHT` articles before it was stored.  Like every article read before the
evidence of a person it names, the end-of-run `RegistryExtractor.revisit` extracts it
again if the registry learned that person's side meanwhile.
"""

from __future__ import annotations

import copyreg
import dataclasses
import io
import multiprocessing
import os
import pickle
import queue
import signal
import sys
from collections import deque
from collections.abc import Callable
from functools import cache, partial
from multiprocessing.connection import Connection
from operator import attrgetter
from typing import Any

from search import model
from search.ingest.corrections import apply_merges, overrides
from search.ingest.known_people import KnownPeople
from search.ingest.registry import PeopleRegistry
from search.model import Extraction, RawArticle
from search.processes import die_with_parent

# How many articles the worker may be ahead of the store: enough to keep it busy while
# the main process stores a batch, few enough that what the registry learns reaches
# the articles right after it (and the raw texts held in memory stay small).
IN_FLIGHT = 64
# The main process extracts an article itself while this many sent articles wait for
# the worker: enough that the worker never runs dry while the main process stores a
# chunk, few enough that the two share the work as their speeds allow.
SHARE_BACKLOG = 16
# How often an idle worker checks that the ingest that forked it is still alive (a
# killed parent cannot tell it to stop).
_PARENT_CHECK_S = 1.0

Outcome = tuple[Extraction | None, str | None]


class RegistryExtractor:
    """The product's extract stage, told what the archive's people registry knows.

    Used in two ways: called (``extractor(raw)``), in this process; or pipelined,
    ``submit(raw)`` then ``result(raw)`` in the same order, through a worker process
    once `start_worker` was called. ``custom`` replaces the product's extractor (tests,
    and callers with their own extract stage): it always runs in this process and the
    registry's corrections (`revisit`) are skipped.

    Built on first use (extraction data loads then, after the indexing sub-processes
    forked); `refresh` recomputes the people a batch touched and passes what changed on.
    """

    def __init__(self, conn: Any, custom: Callable[[RawArticle], Extraction] | None = None):
        self.registry = PeopleRegistry(conn)
        self.custom = custom
        self.known: KnownPeople | None = None
        self.extractor: Callable[[RawArticle], Extraction] | None = None
        self.worker: ExtractionWorker | None = None
        # With a worker, one entry per submitted article not yet taken by `result`, in
        # order: its outcome when it was extracted here, None when the worker has it.
        self._order: deque[Outcome | None] = deque()

    def __call__(self, raw: RawArticle) -> Extraction:
        if self.custom is not None:
            return self.custom(raw)
        return self._product()(raw)

    def _product(self) -> Callable[[RawArticle], Extraction]:
        """The product's extractor, told what the registry knows (built on first use)."""
        if self.extractor is None:
            from search.extract import Extractor

            if self.known is None:
                self.known = self.registry.known()
            self.extractor = Extractor(known=self.known.side_of)
        return self.extractor

    def start_worker(self) -> None:
        """Extract in a forked worker from now on (the product's extractor only), and in
        this process when the worker is behind (`submit`).  The extractor is built here
        first: the worker inherits it (and the pages of its data) with the registry's
        snapshot it reads."""
        if self.custom is None and self.worker is None:
            extractor = self._product()
            assert self.known is not None  # set with the extractor
            self.worker = ExtractionWorker(self.known, extractor)

    def submit(self, raw: RawArticle) -> None:
        """Queue ``raw`` for the worker, or extract it now when `SHARE_BACKLOG` articles
        already wait there; without a worker, `result` extracts it."""
        if self.worker is None:
            return
        if self.worker.backlog() >= SHARE_BACKLOG:
            self._order.append(self._here(raw))
        else:
            self.worker.submit(raw)
            self._order.append(None)

    def result(self, raw: RawArticle) -> Outcome:
        """The extraction of the oldest submitted article, ``raw`` (or why it failed).

        A worker that died (killed, out of memory) is replaced by this process for the
        rest of the run: ``raw`` and the articles after it are extracted here.
        """
        here = self._order.popleft() if self._order else None
        if here is not None:
            return here
        if self.worker is not None:
            try:
                return self.worker.result()
            except (EOFError, OSError):
                self.worker.close()
                self.worker = None
        return self._here(raw)

    def _here(self, raw: RawArticle) -> Outcome:
        try:
            return self(raw), None
        except Exception as exc:  # an extractor bug must not lose the rest of the batch
            return None, f"extraction failed: {exc!r}"

    def refresh(self) -> None:
        conn = self.registry.conn
        apply_merges(conn)
        changed = self.registry.refresh(overrides(conn))
        if self.known is not None:
            rows = KnownPeople.rows(conn, changed)
            self.known.add_rows(rows)
            if self.worker is not None:
                self.worker.send_known(rows)

    def revisit(self, rowids: list[int]) -> list[int]:
        """Extract again the articles of this run that named someone with no side of their
        own whom the registry now knows ("President Zelenskyy" before "Ukrainian President
        Zelenskyy" was read); returns those whose index fields changed.

        Extraction order matters only within a run: what a later article shows of a
        person reaches the earlier ones here, once, instead of never.
        """
        if self.custom is not None or self.known is None or not rowids:
            return []
        from search.ingest.reextract import rewrite, stored_raw

        conn = self.registry.conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS run (rowid INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.run")
        conn.executemany(
            "INSERT OR IGNORE INTO temp.run (rowid) VALUES (?)", ((r,) for r in rowids)
        )
        pending = [
            int(r[0])
            for r in conn.execute(
                "SELECT DISTINCT m.article FROM temp.run x CROSS JOIN person_mentions m "
                "ON m.article = x.rowid JOIN people p ON p.id = m.person "
                "WHERE m.country IS NULL AND m.org IS NULL "
                "AND p.how IN ('role', 'org', 'led-by', 'office', 'analyst')"
            )
        ]
        changed = []
        # A window of articles is submitted at once, so that the worker and this process
        # extract side by side (`submit`): what they extract with does not change before
        # the loop's end (`refresh`), so neither does what they find.
        for start in range(0, len(pending), IN_FLIGHT):
            window = pending[start : start + IN_FLIGHT]
            raws = stored_raw(conn, window)
            for rowid in window:
                self.submit(raws[rowid])
            for rowid in window:
                outcome = self.result(raws[rowid])
                if rewrite(conn, rowid, partial(_extracted, outcome)):
                    changed.append(rowid)
                self.registry.assign(rowid)
        if pending:
            self.refresh()
        return changed

    def close(self) -> None:
        if self.worker is not None:
            self.worker.close()
            self.worker = None
        self._order.clear()


def _extracted(outcome: Outcome, raw: RawArticle) -> Extraction:
    """The extraction of an outcome ``raw`` was submitted for (an error: raised)."""
    extraction, error = outcome
    if extraction is None:
        raise RuntimeError(error)
    return extraction


class ExtractionWorker:
    """One forked process that extracts the articles it is sent, in order.

    Articles and registry rows go through a `multiprocessing.Queue` (its feeder thread
    never blocks the sender, so the ingest always gets back to reading results: the two
    processes cannot each wait on a full pipe); results come back through a pipe whose
    sending end only the worker holds, so a dead worker is an `EOFError`, not a hang.
    """

    def __init__(
        self, known: KnownPeople, extract: Callable[[RawArticle], Extraction] | None = None
    ) -> None:
        context = multiprocessing.get_context("fork")
        self._tasks: Any = context.Queue()
        receiving, sending = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_serve,
            args=(known, extract, self._tasks, sending, receiving, os.getpid()),
            name="briefroom-extract",
            daemon=True,
        )
        self._process.start()
        sending.close()
        self._results: Connection = receiving
        # Results read from the pipe before they were asked for (`backlog`), so that the
        # worker never waits on a full pipe; how many articles were sent and answered.
        self._ready: deque[Outcome] = deque()
        self._sent = self._answered = 0
        self._dead = False

    def submit(self, raw: RawArticle) -> None:
        self._tasks.put(("article", raw))
        self._sent += 1

    def send_known(self, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            self._tasks.put(("known", rows))

    def backlog(self) -> int:
        """How many sent articles the worker has not answered yet (a dead worker's:
        all it will ever be sent)."""
        try:
            while not self._dead and self._results.poll():
                self._ready.append(self._results.recv())
                self._answered += 1
        except (EOFError, OSError):
            self._dead = True  # `result` tells, once what it answered is taken
        return sys.maxsize if self._dead else self._sent - self._answered

    def result(self) -> Outcome:
        if self._ready:
            return self._ready.popleft()
        outcome: Outcome = self._results.recv()
        self._answered += 1
        return outcome

    def close(self) -> None:
        """Stop the worker (at once: what it still holds is not wanted)."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=10)
        self._results.close()
        self._tasks.cancel_join_thread()  # unsent items are dropped, not waited for
        self._tasks.close()


def _serve(
    known: KnownPeople,
    extract: Callable[[RawArticle], Extraction] | None,
    tasks: Any,
    results: Connection,
    unused: Connection,
    parent: int,
) -> None:
    """The worker's loop: registry rows update what it knows, articles are extracted."""
    # Killed with the ingest (whose archive lock it inherited), and holding only the
    # sending end of the results pipe, so that a send to a dead ingest fails at once.
    die_with_parent(parent)
    unused.close()
    # Ctrl-C reaches the whole process group: the ingest decides what to do and stops
    # the worker itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if extract is None:
        from search.extract import Extractor

        extract = Extractor(known=known.side_of)
    while True:
        try:
            message = tasks.get(timeout=_PARENT_CHECK_S)
        except queue.Empty:
            if os.getppid() != parent:
                return
            continue
        kind, payload = message
        if kind == "known":
            known.add_rows(payload)
            continue
        outcome: Outcome
        try:
            outcome = (extract(payload), None)
        except Exception as exc:  # one bad article must not stop the run
            outcome = (None, f"extraction failed: {exc!r}")
        try:
            results.send_bytes(_dumps(outcome))  # read by ``recv`` (`pickle.loads`)
        except (BrokenPipeError, EOFError):  # the ingest stopped listening: it is over
            return


# The classes of an extraction, pickled as their class and field values (see `_dumps`).
_EXTRACTION_CLASSES = (
    model.Span, model.Mention, model.PersonRef, model.Event, model.EngagementRef,
    model.Commitment, model.Extraction,
)  # fmt: skip


def _dumps(outcome: Outcome) -> bytes:
    """``outcome`` pickled with each extraction object as ``(class, field values)``, which
    ``pickle.loads`` rebuilds with the class's ``__init__``.

    Frozen dataclasses with slots pickle through ``dataclasses``' own state functions,
    which list the fields again for every object: an article's ~50 objects cost the
    worker 0.11 ms to pickle and the ingest 0.16 ms to load, against 0.04 and 0.11
    this way (issue #12).
    """
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _reducers()
    pickler.dump(outcome)
    return buffer.getvalue()


@cache
def _reducers() -> dict[type, Callable[[Any], Any]]:
    table: dict[type, Callable[[Any], Any]] = dict(copyreg.dispatch_table)
    for cls in _EXTRACTION_CLASSES:
        values = attrgetter(*(f.name for f in dataclasses.fields(cls)))
        table[cls] = _reducer(cls, values)
    return table


def _reducer(cls: type, values: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, ...]]:
    return lambda obj: (cls, values(obj))
