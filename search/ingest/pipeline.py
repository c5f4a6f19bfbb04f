"""The ingest pipeline: files -> readers -> extract -> prepare -> store -> index.

Each stage is a plain function; the extract stage is passed in (`Extractor`) so it is a
clean seam.  In a big ingest the product's extract stage runs in a forked worker
process beside the store and the index (`search.ingest.extraction`).  Articles are
committed to the store in batches and fed to one Whoosh writer, which commits the
index in batches too (`search.ingest.indexing`): a long ingest becomes searchable as it
goes, and a run killed at any moment loses at most the indexing of one batch, which
the next run (or a search's repair, `search.archive.ensure_index`) completes from the
store.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from search.archive import Archive, refresh_index
from search.index import MULTIPROCESS_MIN_DOCS
from search.ingest import dedup
from search.ingest.extraction import IN_FLIGHT, RegistryExtractor
from search.ingest.indexing import IndexFeeder, TeamIndexFeeder
from search.ingest.looks import LOOK_CHUNK, Candidate, Looks, NearRow, read_candidate, to_write
from search.ingest.prepare import index_row, prepare
from search.ingest.registry import PeopleRegistry
from search.model import Extraction, RawArticle, ReadError
from search.processes import bulk_collections
from search.readers import formats, iter_input_files, problem_count, read_file
from search.readers.decode import read_head, read_position
from search.store import NEXT_CHANGE, PreparedArticle, add_alias, write_article

BATCH = 500
# A team store is planned for its size (`Store.refresh_statistics`) whenever an ingest has
# doubled it, from this many articles.
PLAN_FROM = 250
# Rough size of one article in a file of records, to size the index writer before reading.
_BYTES_PER_ARTICLE = 1500
# Formats whose file is one article, whatever its size: a 9 MB text sized by its bytes
# (6,000 articles) forked two index sub-writers for one document (+196 MB,
# bench/hostile_inputs.py).
_ONE_ARTICLE_FORMATS = frozenset({formats.TEXT, formats.MARKDOWN, formats.HTML})
# A file whose format is sniffed (``.txt``, an unknown extension) has its head read for
# the estimate only from this size on; a smaller one counts as one article.
_SNIFF_FROM_BYTES = 1 << 20
# Problem messages an `IngestReport` keeps (the counts go on): the readers already
# sum up each file's problems past the first 20, but a batch may hold many files.
MAX_KEPT_PROBLEMS = 1000
# From this many expected articles, extraction runs in a forked worker process beside the
# store and the index (`search.ingest.extraction`): the same threshold as the index's
# sub-writers, below which forking costs more than it saves.
EXTRACT_WORKER_MIN_ARTICLES = MULTIPROCESS_MIN_DOCS

Extractor = Callable[[RawArticle], Extraction]


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """Where an ingest run is, for progress bars."""

    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int
    articles: int
    current: str


@dataclass
class IngestReport:
    """What one ingest run did.

    Attributes:
        added: New articles stored.
        updated: Stored articles whose content changed (same id).
        unchanged: Articles already stored as they are (re-ingest).
        duplicates: Exact duplicates of a stored article under another id (merged).
        clustered: New articles that are near-duplicate copies of a stored story.
        indexed: Documents written to the search index.
        rejected: Inputs that could not be read, one message each, as reported (a
            file's problems past the first 20 summed up in one `Omitted` line), at
            most `MAX_KEPT_PROBLEMS` of them.
        rejected_count: Every input (file or record) rejected, listed or not.
        warnings: Articles read with a loss (bytes replaced, a field ignored), kept
            like ``rejected``.
        warning_count: Every warning, listed or not.
        on_problem: Called with each rejection and warning as it happens (the CLI
            prints them), in addition to keeping them here.
    """

    files: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    clustered: int = 0
    indexed: int = 0
    rejected: list[ReadError] = field(default_factory=list)
    rejected_count: int = 0
    warnings: list[ReadError] = field(default_factory=list)
    warning_count: int = 0
    on_problem: Callable[[ReadError], None] | None = field(default=None, repr=False)

    def record(self, problem: ReadError) -> None:
        """Count a rejection or a warning (a `ReadWarning`), keep it, pass it on."""
        count, warning = problem_count(problem)
        if warning:
            self.warning_count += count
            kept = self.warnings
        else:
            self.rejected_count += count
            kept = self.rejected
        if len(kept) < MAX_KEPT_PROBLEMS:
            kept.append(problem)
        if self.on_problem is not None:
            self.on_problem(problem)

    def summary(self) -> str:
        """One line for users."""
        warnings = f", {self.warning_count:,} warnings" if self.warning_count else ""
        files = "1 file" if self.files == 1 else f"{self.files:,} files"
        return (
            f"{files}: {self.added:,} added, {self.updated:,} updated, "
            f"{self.unchanged:,} unchanged, {self.duplicates:,} duplicates merged, "
            f"{self.clustered:,} clustered as copies, {self.rejected_count:,} rejected{warnings}"
        )


def default_extractor(raw: RawArticle) -> Extraction:
    """The product's extract stage (imported lazily: its gazetteers take a moment to build)."""
    from search.extract import extract_article

    return extract_article(raw)


def ingest(
    archive: Archive,
    paths: Sequence[Path],
    *,
    source: str | None = None,
    date: str | None = None,
    lang: str | None = None,
    progress: Callable[[IngestProgress], None] | None = None,
    extractor: Extractor | None = None,
    lock_wait: float = 0.0,
    on_problem: Callable[[ReadError], None] | None = None,
) -> IngestReport:
    """Read, extract, store and index everything under ``paths``.

    Args:
        archive: Where to store.
        paths: Files and folders (recursive).
        source: Publisher to record instead of what files say.
        date: ISO date for articles that carry none (metadata and dateline win).
        lang: Language code to record instead of what files say.
        progress: Called after each batch and file.
        extractor: The extract stage (default: `search.extract.extract_article`).
        lock_wait: Seconds to wait for another writer before `ArchiveBusy`.
        on_problem: Called with each rejection and warning (`ReadWarning`) as it
            happens; `Omitted` stands for a file's problems past the first 20.

    Returns:
        What was done; unreadable inputs are listed in ``rejected``, never raised.
    """
    report = IngestReport(on_problem=on_problem)
    archive.store.require_writable("an ingest")
    with archive.write_lock(lock_wait), archive.store.bulk_pass(), bulk_collections():
        run = _Run(archive, report, extractor, progress)
        files = run.inputs(paths)
        try:
            run.start()
            for number, path in enumerate(files):
                report.files += 1
                run.read(number, path, read_file(path, source=source, date=date, lang=lang))
            run.finish()
        except BaseException:
            run.abandon()
            raise
        finally:
            run.extract.close()
        report.indexed = run.feeder.written
        if report.added or report.updated or report.duplicates:
            # "Ingested" on the dashboard: when the archive last changed, not when a batch
            # of already-known files was read again.
            archive.store.set_meta("last_ingest", _now())
    return report


class _Run:
    """One ingest run: read articles go to the extract stage (in order, at most
    `IN_FLIGHT` ahead when a worker extracts), then to the store and the index; the
    store commits every `BATCH` articles and the index when it is due."""

    def __init__(
        self,
        archive: Archive,
        report: IngestReport,
        extractor: Extractor | None,
        progress: Callable[[IngestProgress], None] | None,
    ) -> None:
        self.archive = archive
        self.conn = archive.store.conn
        self.report = report
        self.progress = progress
        self.extract = RegistryExtractor(self.conn, custom=extractor)
        shared = archive.store.shared
        self.feeder = (TeamIndexFeeder if shared else IndexFeeder)(archive, expected=0)
        self.pending: deque[Candidate] = deque()
        # The keys (`Candidate.keys`) of the pending articles: one read after them with a
        # key of theirs waits for them to be stored before it is decided.
        self.pending_keys: Counter[str] = Counter()
        self.unread: list[RawArticle] = []  # read, to look up with the next chunk
        self.looks = Looks(archive.store)
        self.written: list[int] = []
        self.sizes: list[int] = []
        self.bytes_done = 0
        self.seen = 0
        self.commits = 0  # store transactions committed (`_moment`)
        # A team store's size at the start, and when its statistics were last refreshed.
        self.size_at_start = self.planned_for = 0

    def inputs(self, paths: Sequence[Path]) -> list[Path]:
        """The files under ``paths`` (what cannot be read is reported), and how many
        articles they probably hold, to size the index writer."""
        found = list(iter_input_files(paths))
        files = [p for p in found if isinstance(p, Path)]
        for problem in found:
            if isinstance(problem, ReadError):
                self.report.record(problem)
        self.sizes = [_size(p) for p in files]
        self.feeder.expected = sum(
            _expected_articles(p, size) for p, size in zip(files, self.sizes, strict=True)
        )
        return files

    def start(self) -> None:
        if self.archive.store.shared:
            self.size_at_start = self.archive.store.count()
            self.planned_for = max(self.size_at_start, PLAN_FROM)
        self.feeder.start()
        if self.feeder.expected >= EXTRACT_WORKER_MIN_ARTICLES:
            self.extract.start_worker()  # after the index sub-writers forked
        self.feeder.catch_up()
        self.conn.execute("BEGIN")

    def read(self, number: int, path: Path, items: Iterable[RawArticle | ReadError]) -> None:
        """Take in the articles of one file, the ``number``-th."""
        size = self.sizes[number]
        for item in items:
            if isinstance(item, ReadError):
                self.report.record(item)
                continue
            self.unread.append(item)
            if len(self.unread) >= LOOK_CHUNK:
                self._take_in()
                # Progress at each chunk, so a single big file still moves the bar: within
                # a file, how far its (compressed) bytes have been read.
                self._progress(number, path, min(size, read_position(path) or 0))
        self._take_in()
        self.bytes_done += size
        self._progress(number + 1, path, 0)

    def _take_in(self) -> None:
        """Look up the articles read since the last chunk, all at once, then send each on:
        nowhere when stored as it is or merged as a copy, else to extraction."""
        unread, self.unread = self.unread, []
        while unread:
            candidates = [read_candidate(raw) for raw in unread]
            self.looks.take(candidates, self._moment())
            for at, candidate in enumerate(candidates):
                before = self._moment()
                # An article read after a pending one of its id or text (an update, a copy)
                # is decided when that one is stored, as one at a time would.
                keys = candidate.keys()
                needed = any(self.pending_keys[key] for key in keys) or _triage(
                    self.archive, candidate, self.report,
                    fresh=self.looks.holds(candidate, before),
                )  # fmt: skip
                self.looks.stored(before, self._moment(), candidate)  # merged as a copy
                if needed:
                    self.extract.submit(candidate.raw)
                    self.pending.append(candidate)
                    self.pending_keys.update(keys)
                    candidate.waits_on = keys
                    self._store_extracted(IN_FLIGHT if self.extract.worker is not None else 0)
                self.seen += 1
                if self.seen % BATCH == 0 or self.feeder.due():
                    self._commit()
                    unread = unread[at + 1 :]  # looked up in the transaction just ended
                    break
            else:
                unread = []

    def finish(self) -> None:
        self._store_extracted(0)
        self.extract.refresh()
        revised = self.extract.revisit(self.written)
        self.conn.execute("COMMIT")
        self.feeder.commit()
        if revised:
            _reindex(self.archive, revised)

    def abandon(self) -> None:
        """After an error or an interrupt: keep what is complete, drop the writer."""
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")  # keep the complete articles stored so far
        self.feeder.cancel()

    def _store_extracted(self, limit: int) -> None:
        """Store the read articles whose extraction is due, all but ``limit``."""
        registry = self.extract.registry
        while len(self.pending) > limit:
            candidate = self.pending.popleft()
            for key in candidate.waits_on:
                self.pending_keys[key] -= 1
                if not self.pending_keys[key]:
                    del self.pending_keys[key]  # kept small: the keys of what is in flight
            outcome = self.extract.result(candidate.raw)
            before = self._moment()
            stored = _store_one(self.archive, self.feeder, candidate, outcome, self.report,
                                registry, self.looks, before)  # fmt: skip
            self.looks.stored(before, self._moment(), candidate, stored.row, stored.bands,
                              replaced=stored.replaced)  # fmt: skip
            if stored.rowid is not None:
                self.written.append(stored.rowid)

    def _moment(self) -> tuple[int, int]:
        """Which transaction this is, and how many articles and copies it stored so far."""
        report = self.report
        return self.commits, report.added + report.updated + report.duplicates

    def _commit(self) -> None:
        self.extract.refresh()
        self.commits += 1
        self.looks.committed()
        self.conn.execute("COMMIT")
        size = self.size_at_start + self.report.added
        if self.planned_for and size >= 2 * self.planned_for:
            # The team store's planner last saw half as many articles or fewer.
            self.archive.store.refresh_statistics()
            self.planned_for = size
        if self.feeder.due():
            self.feeder.flush()
        self.conn.execute("BEGIN")

    def _progress(self, files_done: int, path: Path, within: int) -> None:
        if self.progress is not None:
            self.progress(IngestProgress(files_done, len(self.sizes), self.bytes_done + within,
                                         sum(self.sizes), self.seen, str(path)))  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Stored:
    """What `_store_one` did: the rowid written (None: nothing), its near-duplicate row
    (`NearRow`) when it is new, whether it replaced a stored article."""

    rowid: int | None = None
    row: NearRow | None = None
    bands: tuple[int, ...] = ()
    replaced: bool = False


def _triage(archive: Archive, candidate: Candidate, report: IngestReport, *, fresh: bool) -> bool:
    """Whether ``candidate`` is to be written (``candidate.existing``: the stored article it
    replaces, None for a new one), from its look when that still holds (``fresh``), else
    asked again: an article stored since (of the same id or text) may have made it a copy."""
    store = archive.store
    if not fresh:
        candidate.existing, candidate.twin = store.find_for_ingest(
            candidate.article_id, candidate.chash
        )
    if to_write(candidate):
        return True
    if candidate.existing is not None:
        report.unchanged += 1  # stored as it is
    else:
        add_alias(store.conn, candidate.article_id, candidate.twin.rowid)  # an exact copy
        report.duplicates += 1
    return False


def _store_one(
    archive: Archive,
    feeder: IndexFeeder,
    candidate: Candidate,
    outcome: tuple[Extraction | None, str | None],
    report: IngestReport,
    registry: PeopleRegistry,
    looks: Looks,
    moment: tuple[int, int],
) -> _Stored:
    """Store one extracted article (not when unchanged, merged, or its extraction failed);
    ``moment``: the run's (`_Run._moment`), for what its look still tells."""
    extraction, error = outcome
    raw = candidate.raw
    if extraction is None:
        report.record(ReadError(raw.origin, error or "extraction failed"))
        return _Stored()
    if not _triage(archive, candidate, report, fresh=looks.holds(candidate, moment)):
        return _Stored()
    try:
        prepared = prepare(raw, extraction, title=candidate.title, body=candidate.body,
                           chash=candidate.chash, article_id=candidate.article_id,
                           signature=candidate.signature)  # fmt: skip
    except Exception as exc:  # an extractor bug must not lose the rest of the batch
        report.record(ReadError(raw.origin, f"extraction failed: {exc!r}"))
        return _Stored()
    store = archive.store
    persons = registry.identify(prepared.extraction.people, prepared.date)
    existing = candidate.existing
    if existing is not None:
        rowid = write_article(store.conn, prepared, None, existing.rowid, persons)
        report.updated += 1
        cluster = store.conn.execute(
            "SELECT cluster FROM articles WHERE rowid = ?", (rowid,)
        ).fetchone()[0]
        feeder.add(index_row(prepared, cluster), update=True)
        return _Stored(rowid, replaced=True)
    cluster = _find_cluster(archive, prepared, looks.near(candidate, moment))
    rowid = write_article(store.conn, prepared, cluster, persons=persons)
    report.added += 1
    if cluster is not None:
        report.clustered += 1
    own = cluster if cluster is not None else rowid
    feeder.add(index_row(prepared, own), update=False)
    return _Stored(rowid, (rowid, prepared.sketch, prepared.date, own), prepared.bands)


def _reindex(archive: Archive, rowids: list[int]) -> None:
    """Update the index documents of articles whose extraction changed after they were
    fed to the writer (a second look with what the whole run taught the registry)."""
    archive.store.conn.executemany(
        f"UPDATE articles SET indexed = 0, changed = {NEXT_CHANGE} WHERE rowid = ?",
        [(r,) for r in rowids],
    )
    archive.store.conn.commit()
    refresh_index(archive, update=True)


def _find_cluster(archive: Archive, art: PreparedArticle, near: list[NearRow] | None) -> int | None:
    """The cluster of a stored near-duplicate of ``art`` (None: a story of its own): the
    most similar; of equally similar ones, the oldest cluster.  ``near``: the stored
    articles sharing a band with it, when known (else asked)."""
    if art.sketch is None:
        return None
    rows = list(archive.store.sketch_candidates(art.bands)) if near is None else near
    best: tuple[float, int] | None = None
    for _rowid, other_sketch, other_date, cluster in rows:
        if other_sketch is None or not dedup.within_window(art.date, other_date):
            continue
        score = dedup.similarity(art.sketch, other_sketch)
        if score >= dedup.NEAR_DUPLICATE_JACCARD and (best is None or (score, -cluster) > best):
            best = (score, -cluster)
    return None if best is None else -best[1]


def _expected_articles(path: Path, size: int) -> int:
    """How many articles a file probably holds, guessed from its format and size.

    One for a document format (text, Markdown, HTML); for records (JSON Lines, CSV,
    feeds, JSON arrays) one per `_BYTES_PER_ARTICLE` (of the file as stored, compressed
    or not).
    """
    name = path.name.lower().removesuffix(".gz")
    kind = formats.BY_EXTENSION.get(Path(name).suffix)
    if kind is None:
        if size < _SNIFF_FROM_BYTES:
            return 1
        try:
            head, _ = read_head(path)
        except Exception:  # only a guess: the reader reports what is wrong with the file
            return 1
        kind = formats.sniff(head)
    if kind in _ONE_ARTICLE_FORMATS:
        return 1
    return max(1, size // _BYTES_PER_ARTICLE)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
