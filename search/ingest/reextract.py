"""Re-extraction: bring an archive's extractions up to the current extract stage.

Every article stores the version of the extract stage that produced its extraction
(``articles.extractor``).  After an upgrade, `reextract` re-runs extraction on the
articles an older version extracted, from their stored text (no input files needed):

- in several processes: extraction is the cost, forked workers extract while the main
  process writes (SQLite has one writer);
- crash-safe like ingest: each article's old rows are replaced in the same transaction
  as its new ones, batches commit as they go, and a killed run is completed by the next
  (what is left is what still carries the old version);
- the people registry is updated for the articles done, then the search index: updated
  in place for a few articles, rebuilt when most of the archive changed (faster);
- the analyst's corrections are untouched (they live beside the extractions,
  `search.ingest.corrections`, and name what they correct by article and sentence).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from search.archive import Archive, refresh_index
from search.ingest.corrections import apply_merges, overrides
from search.ingest.prepare import derived
from search.ingest.registry import PeopleRegistry
from search.model import Extraction, RawArticle
from search.store import (
    NEXT_CHANGE,
    PreparedArticle,
    delete_extractions,
    extraction_to_json,
    write_extractions,
)

BATCH = 500
# Re-indexing more than this share of the archive rebuilds the index instead.
REBUILD_SHARE = 0.3


@dataclass
class ReextractReport:
    """What a run did."""

    articles: int = 0
    failed: list[str] = field(default_factory=list)
    indexed: int = 0
    rebuilt_index: bool = False

    def summary(self) -> str:
        """One line for people."""
        index = "index rebuilt" if self.rebuilt_index else f"{self.indexed} index documents updated"
        failed = f", {len(self.failed)} failed" if self.failed else ""
        return f"{self.articles} articles re-extracted{failed}; {index}"


@dataclass(frozen=True, slots=True)
class ReextractProgress:
    """Where a run is, for progress bars."""

    done: int
    total: int


def outdated(archive: Archive) -> int:
    """How many articles an older version of the product's extract stage extracted.

    Version 0 marks an extraction made by a caller's own extractor (tests, embedding
    applications): not ours to call out of date.
    """
    from search.extract import EXTRACTOR_VERSION

    return archive.store.extracted_before(EXTRACTOR_VERSION)


def reextract(
    archive: Archive,
    *,
    everything: bool = False,
    processes: int | None = None,
    progress: Callable[[ReextractProgress], None] | None = None,
    lock_wait: float = 0.0,
) -> ReextractReport:
    """Re-run extraction on the archive's outdated articles (or all of them).

    Args:
        archive: The archive to update.
        everything: Re-extract every article, not only the outdated ones.
        processes: Extraction processes (default: the machine's cores, at most 4).
        progress: Called after each batch.
        lock_wait: Seconds to wait for another writer.
    """
    from search.extract import EXTRACTOR_VERSION

    report = ReextractReport()
    with archive.write_lock(lock_wait), archive.store.bulk_pass():
        conn = archive.store.conn
        where = "" if everything else f"WHERE extractor BETWEEN 1 AND {EXTRACTOR_VERSION - 1:d}"
        rowids = [int(r[0]) for r in conn.execute(f"SELECT rowid FROM articles {where}")]
        stored = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        if not rowids:
            return report
        registry = PeopleRegistry(conn)
        known = registry.known()
        workers = max(1, min(processes or os.cpu_count() or 1, 4))
        conn.execute("BEGIN")
        try:
            for done, (rowid, extraction, error) in enumerate(
                _extracted(archive, rowids, known.side_of, workers), start=1
            ):
                if error is not None:
                    report.failed.append(f"{rowid}: {error}")
                else:
                    assert extraction is not None
                    _rewrite(conn, rowid, extraction)
                    registry.assign(rowid)
                    report.articles += 1
                if done % BATCH == 0:
                    _refresh(conn, registry)
                    conn.execute("COMMIT")
                    conn.execute("BEGIN")
                    if progress is not None:
                        progress(ReextractProgress(done, len(rowids)))
            _refresh(conn, registry)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("COMMIT")  # keep the articles done: a rerun does the rest
            raise
        if progress is not None:
            progress(ReextractProgress(len(rowids), len(rowids)))
        report.rebuilt_index = len(rowids) > REBUILD_SHARE * stored
        report.indexed = refresh_index(archive, rebuild=report.rebuilt_index, update=True)
    return report


def _refresh(conn: Any, registry: PeopleRegistry) -> None:
    apply_merges(conn)
    registry.refresh(overrides(conn))


def rewrite(conn: Any, rowid: int, extract: Callable[[RawArticle], Extraction]) -> bool:
    """Extract one stored article again and replace its extraction; whether the fields the
    search index holds (countries, people, organisations, topics) changed."""
    (rowid_, raw) = next(_raw_articles_of(conn, [rowid]))
    before = conn.execute(
        "SELECT countries, people, orgs, topics FROM articles WHERE rowid = ?", (rowid,)
    ).fetchone()
    _rewrite(conn, rowid_, extract(raw))
    after = conn.execute(
        "SELECT countries, people, orgs, topics FROM articles WHERE rowid = ?", (rowid,)
    ).fetchone()
    if before == after:
        conn.execute("UPDATE articles SET indexed = 1 WHERE rowid = ?", (rowid,))
    return bool(before != after)


def _rewrite(conn: Any, rowid: int, extraction: Extraction) -> None:
    """Replace one article's extraction (its text, id and sketch stay)."""
    delete_extractions(conn, rowid, sketch=False)
    prepared = _prepared(conn, rowid, extraction)
    ex = prepared.extraction
    conn.execute(
        "UPDATE articles SET countries = ?, people = ?, orgs = ?, topics = ?, extraction = ?, "
        "extractor = ?, city = coalesce(?, city), indexed = 0, "
        f"changed = {NEXT_CHANGE} WHERE rowid = ?",
        (
            ",".join(ex.countries),
            "|".join(dict.fromkeys(p.name for p in ex.people)),
            "|".join(ex.orgs),
            ",".join(ex.topics),
            extraction_to_json(ex, prepared.acts),
            ex.version,
            ex.city,
            rowid,
        ),
    )
    write_extractions(conn, rowid, prepared, skip_sketch=True)


def _prepared(conn: Any, rowid: int, extraction: Extraction) -> PreparedArticle:
    """A stored article with a new extraction, as `write_extractions` takes it."""
    row = conn.execute(
        "SELECT id, content_hash, title, body, date, source, url, lang, city, agency, origin "
        "FROM articles WHERE rowid = ?",
        (rowid,),
    ).fetchone()
    aid, chash, title, body, date, source, url, lang, city, agency, origin = row
    person_keys, acts, weights = derived(extraction, title=title, body=body, source=source)
    return PreparedArticle(
        id=aid, content_hash=chash, title=title, body=body, date=date, source=source, url=url,
        lang=lang, city=extraction.city or city, agency=agency, origin=origin, tags=(), meta={},
        extraction=extraction, sketch=None, bands=(), person_keys=person_keys, acts=acts,
        weights=weights,
    )  # fmt: skip


# --------------------------------------------------------------------------- workers

# The extractor a forked worker uses (set in the parent before forking, so the
# gazetteers and the registry's answers are shared, not rebuilt in every process).
_WORKER_EXTRACT: Callable[[RawArticle], Extraction] | None = None


def _extract_one(item: tuple[int, RawArticle]) -> tuple[int, Extraction | None, str | None]:
    rowid, raw = item
    assert _WORKER_EXTRACT is not None
    try:
        return rowid, _WORKER_EXTRACT(raw), None
    except Exception as exc:  # one bad article must not stop the run
        return rowid, None, f"extraction failed: {exc!r}"


def _extracted(
    archive: Archive,
    rowids: Sequence[int],
    known: Callable[[str], Any],
    workers: int,
) -> Iterator[tuple[int, Extraction | None, str | None]]:
    """``(rowid, extraction, error)`` for each article, extracted in ``workers`` processes."""
    global _WORKER_EXTRACT
    from search.extract import Extractor

    extractor = Extractor(known=known)
    _WORKER_EXTRACT = extractor
    items = _raw_articles(archive, rowids)
    if workers <= 1 or len(rowids) < 2 * BATCH:
        for item in items:
            yield _extract_one(item)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        # Ordered results in chunks: memory stays bounded and the writes are in order.
        yield from pool.imap(_extract_one, items, chunksize=32)


def _raw_articles(archive: Archive, rowids: Sequence[int]) -> Iterator[tuple[int, RawArticle]]:
    """The stored articles as the extract stage reads them (read in chunks)."""
    return _raw_articles_of(archive.store.conn, rowids)


def stored_raw(conn: Any, rowids: Sequence[int]) -> dict[int, RawArticle]:
    """The stored articles ``rowids`` as the extract stage reads them, by rowid."""
    return dict(_raw_articles_of(conn, rowids))


def _raw_articles_of(conn: Any, rowids: Sequence[int]) -> Iterator[tuple[int, RawArticle]]:
    for start in range(0, len(rowids), BATCH):
        chunk = list(rowids[start : start + BATCH])
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            "SELECT rowid, title, body, date, source, url, lang, city, agency, origin "
            f"FROM articles WHERE rowid IN ({marks})",
            chunk,
        ).fetchall()
        for rowid, title, body, date, source, url, lang, city, agency, origin in rows:
            yield (
                int(rowid),
                RawArticle(
                    body=body,
                    title=title or None,
                    date=date,
                    source=source,
                    url=url,
                    lang=lang,
                    city=city,
                    agency=agency,
                    origin=origin,
                ),
            )
