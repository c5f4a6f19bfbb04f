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

import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from search.archive import Archive, refresh_index
from search.index import MULTIPROCESS_MIN_DOCS
from search.ingest import dedup
from search.ingest.extraction import IN_FLIGHT, RegistryExtractor
from search.ingest.indexing import IndexFeeder, TeamIndexFeeder
from search.ingest.prepare import index_row, prepare
from search.ingest.registry import PeopleRegistry
from search.model import Extraction, RawArticle, ReadError
from search.readers import formats, iter_input_files, problem_count, read_file
from search.readers.decode import read_head, read_position
from search.store import NEXT_CHANGE, PreparedArticle, add_alias, write_article

BATCH = 500
# Progress is reported this often (articles), so a single big file still moves the bar.
PROGRESS_EVERY = 50
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


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


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
    with archive.write_lock(lock_wait), archive.store.unmapped():
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
        self.pending: deque[_Candidate] = deque()
        self.written: list[int] = []
        self.sizes: list[int] = []
        self.bytes_done = 0
        self.seen = 0
        self.commits = 0  # store transactions committed (`_moment`)
        # The ids and content hashes of the articles stored (or merged as copies) in this
        # transaction, with the `_moment` count just after: what a first look saw of an
        # article's id and text still holds unless they were stored since.
        self.stored_keys: dict[str, int] = {}

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
            before = self._moment()
            candidate, needed = _candidate(self.archive, item, self.report)
            self._stored(before, candidate.keys())  # merged as a copy of a stored one
            if needed:
                candidate.seen_at = self._moment()
                self.extract.submit(item)
                self.pending.append(candidate)
                self._store_extracted(IN_FLIGHT if self.extract.worker is not None else 0)
            self.seen += 1
            if self.seen % BATCH == 0 or self.feeder.due():
                self._commit()
            if self.seen % PROGRESS_EVERY == 0:
                # Within a file, how far its (compressed) bytes have been read.
                self._progress(number, path, min(size, read_position(path) or 0))
        self.bytes_done += size
        self._progress(number + 1, path, 0)

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
            outcome = self.extract.result(candidate.raw)
            # Its first look still holds when no article of its id or text was stored
            # since, in this transaction (another analyst's writes wait for it: the team
            # store's lock).
            seen_in, seen_count = candidate.seen_at
            candidate.still = seen_in == self.commits and all(
                self.stored_keys.get(key, 0) <= seen_count for key in candidate.keys()
            )
            before = self._moment()
            rowid = _store_one(self.archive, self.feeder, candidate, outcome, self.report, registry)
            self._stored(before, candidate.keys())
            if rowid is not None:
                self.written.append(rowid)

    def _stored(self, before: tuple[int, int], keys: Iterable[str]) -> None:
        """Note the keys of an article if it was stored (or merged) since ``before``."""
        now = self._moment()
        if now != before:
            for key in keys:
                self.stored_keys[key] = now[1]

    def _moment(self) -> tuple[int, int]:
        """Which transaction this is, and how many articles and copies it stored so far."""
        report = self.report
        return self.commits, report.added + report.updated + report.duplicates

    def _commit(self) -> None:
        self.extract.refresh()
        self.commits += 1
        self.stored_keys.clear()
        self.conn.execute("COMMIT")
        if self.feeder.due():
            self.feeder.flush()
        self.conn.execute("BEGIN")

    def _progress(self, files_done: int, path: Path, within: int) -> None:
        if self.progress is not None:
            self.progress(IngestProgress(files_done, len(self.sizes), self.bytes_done + within,
                                         sum(self.sizes), self.seen, str(path)))  # fmt: skip


@dataclass(slots=True)
class _Candidate:
    """A read article that is not stored as it is: to extract, then store."""

    raw: RawArticle
    title: str
    body: str
    chash: str
    article_id: str
    existing: Any = None  # the stored article it replaces, as first looked up
    seen_at: tuple[int, int] = (-1, -1)  # `_Run._moment` of that look
    still: bool = False  # nothing of its id or text was stored since: it still holds

    def keys(self) -> tuple[str, ...]:
        """What decides its first look: its id, its text, the text it replaces."""
        replaced = () if self.existing is None else (str(self.existing.content_hash),)
        return (self.article_id, self.chash, *replaced)


def _candidate(archive: Archive, raw: RawArticle, report: IngestReport) -> tuple[_Candidate, bool]:
    """``raw`` with its normalised text and id, and whether it needs extraction (not when
    stored as it is already, or an exact copy of a stored article, merged as an alias)."""
    title = _clean(raw.title or "")
    body = _clean(raw.body)
    chash = dedup.content_hash(title, body)
    candidate = _Candidate(raw, title, body, chash, raw.source_id or f"h-{chash[:20]}")
    needed, candidate.existing = _triage(archive, candidate, report)
    return candidate, needed


def _triage(archive: Archive, candidate: _Candidate, report: IngestReport) -> tuple[bool, Any]:
    """Whether ``candidate`` is to be written, and the stored article it replaces (None:
    a new one). Asked again when its extraction is back: an article stored meanwhile
    (the same id or the same text, read a moment before) may have made it a copy."""
    store = archive.store
    existing, twin = store.find_for_ingest(candidate.article_id, candidate.chash)
    if existing is not None and existing.content_hash == candidate.chash:
        report.unchanged += 1
        return False, existing
    if existing is None:
        if twin is not None:
            add_alias(store.conn, candidate.article_id, twin.rowid)
            report.duplicates += 1
            return False, None
    return True, existing


def _store_one(
    archive: Archive,
    feeder: IndexFeeder,
    candidate: _Candidate,
    outcome: tuple[Extraction | None, str | None],
    report: IngestReport,
    registry: PeopleRegistry,
) -> int | None:
    """Store one extracted article; its rowid when it was written (None: unchanged,
    merged, or its extraction failed)."""
    extraction, error = outcome
    raw = candidate.raw
    if extraction is None:
        report.record(ReadError(raw.origin, error or "extraction failed"))
        return None
    if not candidate.still:
        needed, candidate.existing = _triage(archive, candidate, report)
        if not needed:
            return None
    existing = candidate.existing
    try:
        prepared = prepare(raw, extraction, title=candidate.title, body=candidate.body,
                           chash=candidate.chash, article_id=candidate.article_id)  # fmt: skip
    except Exception as exc:  # an extractor bug must not lose the rest of the batch
        report.record(ReadError(raw.origin, f"extraction failed: {exc!r}"))
        return None
    store = archive.store
    persons = registry.identify(prepared.extraction.people, prepared.date)
    if existing is not None:
        rowid = write_article(store.conn, prepared, None, existing.rowid, persons)
        report.updated += 1
        update = True
        cluster = store.conn.execute(
            "SELECT cluster FROM articles WHERE rowid = ?", (rowid,)
        ).fetchone()[0]
    else:
        cluster = _find_cluster(archive, prepared)
        rowid = write_article(store.conn, prepared, cluster, persons=persons)
        report.added += 1
        if cluster is not None:
            report.clustered += 1
        update = False
    feeder.add(index_row(prepared, cluster if cluster is not None else rowid), update=update)
    return rowid


def _reindex(archive: Archive, rowids: list[int]) -> None:
    """Update the index documents of articles whose extraction changed after they were
    fed to the writer (a second look with what the whole run taught the registry)."""
    archive.store.conn.executemany(
        f"UPDATE articles SET indexed = 0, changed = {NEXT_CHANGE} WHERE rowid = ?",
        [(r,) for r in rowids],
    )
    archive.store.conn.commit()
    refresh_index(archive, update=True)


def _find_cluster(archive: Archive, art: PreparedArticle) -> int | None:
    """The cluster of a stored near-duplicate of ``art`` (None: a story of its own)."""
    if art.sketch is None:
        return None
    best: tuple[float, int] | None = None
    for _rowid, other_sketch, other_date, cluster in archive.store.sketch_candidates(art.bands):
        if other_sketch is None or not dedup.within_window(art.date, other_date):
            continue
        score = dedup.similarity(art.sketch, other_sketch)
        if score >= dedup.NEAR_DUPLICATE_JACCARD and (best is None or score > best[0]):
            best = (score, cluster)
    return None if best is None else best[1]


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
