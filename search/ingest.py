"""The ingest pipeline: files -> readers -> prepare -> extract -> store -> index.

Each stage is a plain function; the extract stage is passed in (`Extractor`) so it is a
clean seam.  Articles are committed to the store in batches and fed to one Whoosh
writer, which commits the index every `INDEX_COMMIT_ARTICLES` articles or
`INDEX_COMMIT_SECONDS`, whichever comes first, and at the end: a long ingest becomes
searchable as it goes.  The store's ``indexed`` flag records what the index holds, so a
run killed at any moment loses at most the indexing of one batch, which the next run
(or a search's repair, `search.archive.ensure_index`) completes from the store.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from search import dedup
from search.archive import Archive
from search.corrections import apply_merges, overrides
from search.index import (
    MULTIPROCESS_MIN_DOCS,
    document_fields,
    merge_small_segments,
    save_segment_facets,
)
from search.model import Extraction, RawArticle, ReadError
from search.readers import formats, iter_input_files, problem_count, read_file
from search.readers.decode import read_head, read_position
from search.registry import KnownPeople, PeopleRegistry
from search.store import PreparedArticle, add_alias, write_article

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
# The index is committed (made searchable, safe from a kill) after this many articles
# or seconds since its last commit, whichever comes first, at the next store commit.
# Each commit adds a segment per sub-writer (two) and costs about a second at 100,000
# articles (the sub-writers finish their segments; their facet data is saved): 20,000
# keeps a 100,000-article ingest to ~10 segments and within 5 % of one commit at the
# end (bench/ingest.py); 120 s bounds the wait on a slow machine or slow inputs.
INDEX_COMMIT_ARTICLES = 20_000
INDEX_COMMIT_SECONDS = 120.0

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


class _RegistryExtractor:
    """The product's extract stage, told what the archive's people registry knows.

    Built on first use (extraction data loads then, after the indexing sub-processes
    forked); `refresh` recomputes the people a batch touched and passes what changed on.
    """

    def __init__(self, conn: Any) -> None:
        self.registry = PeopleRegistry(conn)
        self.known: KnownPeople | None = None
        self.extractor: Any = None

    def __call__(self, raw: RawArticle) -> Extraction:
        if self.extractor is None:
            from search.extract import Extractor

            self.known = self.registry.known()
            self.extractor = Extractor(known=self.known.side_of)
        return self.extractor(raw)  # type: ignore[no-any-return]

    def refresh(self) -> None:
        apply_merges(self.registry.conn)
        changed = self.registry.refresh(overrides(self.registry.conn))
        if self.known is not None:
            self.known.update(self.registry.conn, changed)

    def revisit(self, rowids: list[int]) -> list[int]:
        """Extract again the articles of this run that named someone with no side of their
        own whom the registry now knows ("President Zelenskyy" before "Ukrainian President
        Zelenskyy" was read); returns those whose index fields changed.

        Extraction order matters only within a run: what a later article shows of a
        person reaches the earlier ones here, once, instead of never.
        """
        if self.extractor is None or not rowids:
            return []
        from search.reextract import rewrite

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
        for rowid in pending:
            if rewrite(conn, rowid, self.extractor):
                changed.append(rowid)
            self.registry.assign(rowid)
        if pending:
            self.refresh()
        return changed


def prepare(
    raw: RawArticle, extraction: Extraction, *, title: str, body: str, chash: str, article_id: str
) -> PreparedArticle:
    """What is stored of a read article: normalised text, extraction, sketch."""
    signature = dedup.sketch(body)
    return PreparedArticle(
        id=article_id,
        content_hash=chash,
        title=title,
        body=body,
        date=raw.date,
        source=raw.source,
        url=raw.url,
        lang=raw.lang,
        city=extraction.city or raw.city,
        agency=raw.agency,
        origin=raw.origin,
        tags=raw.tags,
        meta=raw.meta,
        extraction=extraction,
        sketch=signature,
        bands=tuple(dedup.bands(signature)) if signature else (),
    )


def index_row(art: PreparedArticle, cluster: int) -> dict[str, Any]:
    """The row `search.index.document_fields` takes, built without re-reading the store."""
    ex = art.extraction
    return {
        "id": art.id,
        "title": art.title,
        "body": art.body,
        "date": art.date,
        "source": art.source,
        "city": art.city,
        "lang": art.lang,
        "countries": ",".join(ex.countries),
        "people": "|".join(dict.fromkeys(p.name for p in ex.people)),
        "orgs": "|".join(ex.orgs),
        "topics": ",".join(ex.topics),
        "cluster": cluster,
    }


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


class _Feeder:
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
        `search.index._MpWriter.start_workers`), when the batch is big enough to use them."""
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
        if self.writer is None:
            self._open()
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
        store.mark_indexed(rowids)
        store.set_meta("index_commit_started", "0")
        if rowids is None:
            self.maybe_present = False  # what earlier runs left pending is committed now
        self.uncommitted = 0
        self.since = time.monotonic()
        save_segment_facets(self.archive.index)

    def commit(self) -> None:
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
    with archive.write_lock(lock_wait), archive.store.unmapped():
        registry = _RegistryExtractor(archive.store.conn)
        extract = extractor or registry
        inputs = list(iter_input_files(paths))
        files = [p for p in inputs if isinstance(p, Path)]
        for problem in inputs:
            if isinstance(problem, ReadError):
                report.record(problem)
        sizes = [_size(p) for p in files]
        bytes_total = sum(sizes)
        expected = sum(_expected_articles(p, size) for p, size in zip(files, sizes, strict=True))
        feeder = _Feeder(archive, expected=expected)
        conn = archive.store.conn
        try:
            feeder.start()
            feeder.catch_up()
            bytes_done = 0
            seen = 0
            written: list[int] = []
            conn.execute("BEGIN")
            for number, (path, size) in enumerate(zip(files, sizes, strict=True)):
                report.files += 1
                for item in read_file(path, source=source, date=date, lang=lang):
                    if isinstance(item, ReadError):
                        report.record(item)
                        continue
                    rowid = _store_one(archive, feeder, item,
                                       extract, report, registry.registry)  # fmt: skip
                    if rowid is not None:
                        written.append(rowid)
                    seen += 1
                    if seen % BATCH == 0 or feeder.due():
                        registry.refresh()
                        conn.execute("COMMIT")
                        if feeder.due():
                            feeder.flush()
                        conn.execute("BEGIN")
                    if progress is not None and seen % PROGRESS_EVERY == 0:
                        # Within a file, how far its (compressed) bytes have been read.
                        within = min(size, read_position(path) or 0)
                        progress(IngestProgress(number, len(files), bytes_done + within,
                                                bytes_total, seen, str(path)))  # fmt: skip
                bytes_done += size
                if progress is not None:
                    progress(IngestProgress(number + 1, len(files), bytes_done, bytes_total,
                                            seen, str(path)))  # fmt: skip
            registry.refresh()
            revised = registry.revisit(written) if extractor is None else []
            conn.execute("COMMIT")
            feeder.commit()
            if revised:
                _reindex(archive, revised)
        except BaseException:
            if conn.in_transaction:
                conn.execute("COMMIT")  # keep the complete articles stored so far
            feeder.cancel()
            raise
        report.indexed = feeder.written
        if report.added or report.updated or report.duplicates:
            # "Ingested" on the dashboard: when the archive last changed, not when a batch
            # of already-known files was read again.
            archive.store.set_meta("last_ingest", _now())
    return report


def _store_one(
    archive: Archive,
    feeder: _Feeder,
    raw: RawArticle,
    extract: Extractor,
    report: IngestReport,
    registry: PeopleRegistry,
) -> int | None:
    """Store one read article; its rowid when it was written (None: unchanged, merged)."""
    store = archive.store
    title = _clean(raw.title or "")
    body = _clean(raw.body)
    chash = dedup.content_hash(title, body)
    article_id = raw.source_id or f"h-{chash[:20]}"
    existing = store.find_by_id(article_id)
    if existing is not None and existing.content_hash == chash:
        report.unchanged += 1
        return None
    if existing is None:
        twin = store.find_by_hash(chash)
        if twin is not None:
            add_alias(store.conn, article_id, twin.rowid)
            report.duplicates += 1
            return None
    try:
        extraction = extract(raw)
        prepared = prepare(
            raw, extraction, title=title, body=body, chash=chash, article_id=article_id
        )
    except Exception as exc:  # an extractor bug must not lose the rest of the batch
        report.record(ReadError(raw.origin, f"extraction failed: {exc!r}"))
        return None
    if existing is not None:
        rowid = write_article(store.conn, prepared, None, replace_rowid=existing.rowid)
        report.updated += 1
        update = True
        cluster = store.conn.execute(
            "SELECT cluster FROM articles WHERE rowid = ?", (rowid,)
        ).fetchone()[0]
    else:
        cluster = _find_cluster(archive, prepared)
        rowid = write_article(store.conn, prepared, cluster)
        report.added += 1
        if cluster is not None:
            report.clustered += 1
        update = False
    registry.assign(rowid)
    feeder.add(index_row(prepared, cluster if cluster is not None else rowid), update=update)
    return rowid


def _reindex(archive: Archive, rowids: list[int]) -> None:
    """Update the index documents of articles whose extraction changed after they were
    fed to the writer (a second look with what the whole run taught the registry)."""
    from search.index import sync

    archive.store.conn.executemany(
        "UPDATE articles SET indexed = 0 WHERE rowid = ?", [(r,) for r in rowids]
    )
    archive.store.conn.commit()
    sync(archive.store, archive.index, update=True)


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
