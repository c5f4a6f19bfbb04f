"""The store: the system of record, a SQLite file or a team's PostgreSQL database.

Articles, their extraction results and the aggregates that summaries read are kept
here; the Whoosh index is derived from it (see `search.index`).  Every write happens
inside a transaction, so a process killed at any moment leaves the store as it was
after the last committed batch (SQLite's WAL, PostgreSQL's own).  Both engines run the
same SQL through the same interface (`search.store.engine`, `search.store.postgres`).

This module holds the connection and its reads (`Store`); the tables and migrations are
in `search.store.schema`, the writes of an article and its extraction in
`search.store.articles`.  Nothing here extracts: what is derived from an extraction
(person keys, the pair rule's weights) is computed by the caller and passed in.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Callable, Collection, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from search.model import Article
from search.store import pair_table
from search.store.engine import Connection, is_postgres, is_store_url
from search.store.schema import SCHEMA, STORE_VERSION, migrate, stored_version

if TYPE_CHECKING:
    from search.store.postgres import PgConnection

# Bytes of the store file reads may map (see `Store.open`, `Store.bulk_pass`).
MMAP_BYTES = 1 << 30
# SQLite's page cache of the connection, in KiB: searches and summaries read the same
# index pages again and again.
CACHE_KIB = 64 * 1024
# The page cache during a pass over the whole store (`Store.bulk_pass`).  A
# 100,000-article ingest filled 64 MB with pages written once, 69 MB of its main
# process's peak (issue #12); with 16 MB its main process used the same CPU time
# (20,000 articles; and at 100,000, bench/README.md, "Peak memory under 600 MB"): the
# indexes' hot pages fit, and the others are read again from the operating system's
# file cache.
BULK_CACHE_KIB = 16 * 1024

_ARTICLE_COLUMNS = (
    "rowid, id, title, body, date, source, url, lang, city, agency, countries, people, "
    "orgs, topics, tags, origin, cluster, meta"
)


class StoreError(Exception):
    """The store cannot be opened (a file, or a team store's server) or is not a briefroom
    store."""


class StoreUnreachable(StoreError):
    """The team store's server cannot be reached (down, or this machine is offline)."""


class StoreReadOnly(StoreError):
    """The team store's role this analyst connects as may read but not write."""


@dataclass(frozen=True, slots=True)
class StoredRef:
    """What ingest needs to know about an article that is already stored."""

    rowid: int
    id: str
    content_hash: str


# Stored articles ``(rowid, sketch, date, cluster)`` by ``(band, value)``.
BandRows = dict[tuple[int, int], list[tuple[int, bytes, str | None, int]]]


def sharing_bands(
    found: BandRows, bands: Sequence[int]
) -> dict[int, tuple[int, bytes, str | None, int]]:
    """The stored articles of ``found`` (`Store.sketch_candidates_many`) that share a band
    with ``bands``, each once, by rowid."""
    return {row[0]: row for band, value in enumerate(bands) for row in found.get((band, value), ())}


# The tables an ingest looks up as it writes them (`Store.refresh_statistics`).
_INGEST_READS = ("articles", "aliases", "sketch_bands", "people", "people_sides", "person_mentions")


class Store:
    """A briefroom store (a SQLite file, or a PostgreSQL database for a team).

    Use `Store.open`; one instance per thread (SQLite connections are not shared).
    """

    def __init__(self, conn: Connection, path: Path | None, location: str | None = None) -> None:
        self.conn = conn
        self.path = path  # the store file (None: a PostgreSQL server)
        # What to call the store in messages: the file, or the URL without its password.
        self.location = location or str(path)

    @property
    def shared(self) -> bool:
        """Whether the store is a team's PostgreSQL server rather than a local file."""
        return is_postgres(self.conn)

    def refresh_statistics(self) -> None:
        """Have a team store's query planner see the tables an ingest reads as they are now.

        PostgreSQL plans from statistics that its autovacuum refreshes only a minute or
        so after a table changed: in a first ingest it planned the look-ups of a chunk of
        articles for the empty tables it last saw, scanning whole tables (12 ms a
        look-up at 3,000 articles, where the indexes answer in 0.1).  A role that does not
        own the tables is told so in a server notice, and autovacuum does it later.
        Nothing to do on SQLite, whose planner uses the indexes without statistics.
        """
        if is_postgres(self.conn):
            self.conn.native(f"ANALYZE {', '.join(_INGEST_READS)}")

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        readonly: bool = False,
        backfill_pairs: Callable[[Connection], object] | None = None,
    ) -> Store:
        """Open (creating if needed) the store at ``path``.

        Args:
            path: The store file, or the URL of a PostgreSQL database
                (``postgresql://user@host:5432/dbname``: the team store).
            readonly: Open for reading only (no migration, no table is made).
            backfill_pairs: Fills the pair rule's table of a store written before it
                existed (`search.pairs.backfill`: it weighs the stored extractions, which
                the store cannot do itself); `search.archive.Archive.open` passes it.

        Raises:
            StoreError: the file is not a SQLite database, was written by a newer
                briefroom, or needs its pair table filled and no ``backfill_pairs`` was
                given.
        """
        if is_store_url(path):
            return cls._open_team_store(str(path), readonly, backfill_pairs)
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            if readonly:
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            else:
                conn = sqlite3.connect(path, timeout=30.0, check_same_thread=False)
            conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                conn.execute("PRAGMA journal_mode = WAL")
                # NORMAL in WAL mode is durable to the last checkpoint and never corrupts.
                conn.execute("PRAGMA synchronous = NORMAL")
                _make_tables(conn, str(path), backfill_pairs)
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            # Reads map the file instead of copying page by page: a pair summary reads
            # a few thousand article rows, many spilling onto overflow pages (10-15%
            # faster on 100,000 articles). Bulk passes turn it off (`bulk_pass`).
            conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a briefroom store ({exc})") from exc
        return cls(conn, path)

    @classmethod
    def _open_team_store(
        cls,
        url: str,
        readonly: bool,
        backfill_pairs: Callable[[Connection], object] | None,
    ) -> Store:
        """`open` for a PostgreSQL URL: the tables are made (or migrated) once per version,
        by one client at a time (an advisory lock), inside one transaction."""
        from search.store.postgres import PgConnection, redact

        try:
            conn = PgConnection.connect(url)
        except sqlite3.Error as exc:
            raise StoreUnreachable(
                f"{redact(url)}: cannot connect to the team store ({exc})"
            ) from None
        try:
            # Read-only: the tables are neither made nor migrated.  The server is not asked
            # for read-only transactions, which would refuse the temporary tables that
            # summaries build; what a reader may change is its role's privileges' say.
            if not readonly:
                conn.native("SELECT pg_advisory_lock(%s)", (_SCHEMA_LOCK,))
                try:
                    _make_tables(conn, conn.display, backfill_pairs)
                finally:
                    conn.rollback()
                    conn.native("SELECT pg_advisory_unlock(%s)", (_SCHEMA_LOCK,))
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"{conn.display}: not a usable briefroom team store ({exc})") from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, None, conn.display)

    def require_writable(self, what: str) -> None:
        """Raise `StoreReadOnly` when this connection may not write (a team store's reader
        role); says so before ``what`` (an ingest, a correction) starts."""
        if not self.shared:
            return
        row = self.conn.execute("SELECT has_table_privilege('articles', 'INSERT')").fetchone()
        if row is None or not row[0]:
            user = self.conn.execute("SELECT current_user").fetchone()
            raise StoreReadOnly(
                f"{self.location}: {what} needs to write, and the role "
                f"{user[0] if user else '?'} may only read this team store "
                "(ask its administrator for briefroom_writer)"
            )

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read inside as of one moment: what others commit meanwhile is not seen (an
        index sync's pages of what changed, `search.index.team_sync`)."""
        if self.conn.in_transaction:
            self.conn.commit()
        if is_postgres(self.conn):
            self.conn.native("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        else:
            self.conn.execute("BEGIN")  # a WAL reader's transaction sees one moment
        try:
            yield
        finally:
            self.conn.rollback()  # nothing was written

    @contextmanager
    def bulk_pass(self) -> Iterator[None]:
        """Read without memory-mapping the file, and with a small page cache, while inside.

        For passes over the whole store (ingest, re-extraction, index rebuild, copy):
        mapped pages a process has touched count in its resident memory, so a pass over
        a 600 MB store would show as 600 MB more, though the kernel can drop them at
        will; and a pass touches most pages once, so a full page cache holds pages it
        will not read again, resident to its end (`BULK_CACHE_KIB`).
        """
        if self.shared:
            yield
            return
        self.conn.execute("PRAGMA mmap_size = 0")
        self.conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self.conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")

    # ------------------------------------------------------------------ meta

    def get_meta(self, key: str) -> str | None:
        """A value from the meta table."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Set a value in the meta table (in its own transaction)."""
        with self.conn:
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # ------------------------------------------------------------------ lookups for ingest

    def find_by_id(self, article_id: str) -> StoredRef | None:
        """The stored article with this id, or the one it was merged into."""
        row = self.conn.execute(
            "SELECT rowid, id, content_hash FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            row = self.conn.execute(
                "SELECT a.rowid, a.id, a.content_hash FROM aliases s "
                "JOIN articles a ON a.rowid = s.article WHERE s.alias = ?",
                (article_id,),
            ).fetchone()
        return None if row is None else StoredRef(*row)

    def find_for_ingest(
        self, article_id: str, content_hash: str
    ) -> tuple[StoredRef | None, StoredRef | None]:
        """`find_by_id` and `find_by_hash` in one query (one round trip to a team store's
        server, where an ingest asks it of every article it looks up again)."""
        return self.find_for_ingest_many([(article_id, content_hash)])[0]

    def find_for_ingest_many(
        self, keys: Sequence[tuple[str, str]]
    ) -> list[tuple[StoredRef | None, StoredRef | None]]:
        """`find_for_ingest` of each ``(article id, content hash)`` of ``keys``, in one
        query (an ingest's chunk of read articles: one round trip to a team store's
        server instead of one per article).  Of several articles of one text, the first
        stored."""
        if not keys:
            return []
        ids = sorted({k[0] for k in keys})
        hashes = sorted({k[1] for k in keys})
        id_marks, hash_marks = ",".join("?" * len(ids)), ",".join("?" * len(hashes))
        rows = self.conn.execute(
            f"SELECT 0, id, rowid, id, content_hash FROM articles WHERE id IN ({id_marks}) "
            "UNION ALL SELECT 1, s.alias, a.rowid, a.id, a.content_hash FROM aliases s "
            f"JOIN articles a ON a.rowid = s.article WHERE s.alias IN ({id_marks}) "
            "UNION ALL SELECT 2, content_hash, rowid, id, content_hash FROM articles "
            f"WHERE content_hash IN ({hash_marks})",
            (*ids, *ids, *hashes),
        ).fetchall()
        found: dict[tuple[int, str], StoredRef] = {}
        for kind, key, *ref in sorted(rows, key=lambda r: (r[0], r[1], r[2]), reverse=True):
            found[(int(kind), str(key))] = StoredRef(*ref)  # the last written: the lowest rowid
        return [(found.get((0, i)) or found.get((1, i)), found.get((2, h))) for i, h in keys]

    def sketch_candidates_many(self, bands: Sequence[Sequence[int]]) -> BandRows:
        """`sketch_candidates` of several articles' ``bands`` in one query: the stored
        articles ``(rowid, sketch, date, cluster)`` of each ``(band, value)``."""
        values: dict[int, set[int]] = {}
        for article in bands:
            for band, value in enumerate(article):
                values.setdefault(band, set()).add(value)
        if not values:
            return {}
        # One indexed look-up per band (the key's order), with the values of that band.
        lookups, params = [], []
        for band, wanted in sorted(values.items()):
            lookups.append(
                "SELECT b.band, b.value, a.rowid, a.sketch, a.date, a.cluster FROM sketch_bands "
                f"b JOIN articles a ON a.rowid = b.article WHERE b.band = ? AND b.value IN "
                f"({','.join('?' * len(wanted))})"
            )
            params += [band, *sorted(wanted)]
        found: BandRows = {}
        for band, value, *row in self.conn.execute(" UNION ALL ".join(lookups), params):
            found.setdefault((int(band), int(value)), []).append((row[0], row[1], row[2], row[3]))
        return found

    def find_by_hash(self, content_hash: str) -> StoredRef | None:
        """The stored article with exactly this content."""
        row = self.conn.execute(
            "SELECT rowid, id, content_hash FROM articles WHERE content_hash = ? LIMIT 1",
            (content_hash,),
        ).fetchone()
        return None if row is None else StoredRef(*row)

    def sketch_candidates(self, bands: Sequence[int]) -> list[tuple[int, bytes, str | None, int]]:
        """Stored articles sharing at least one band with ``bands``, each once.

        Returns ``(rowid, sketch, date, cluster)`` tuples.
        """
        return list(sharing_bands(self.sketch_candidates_many([bands]), bands).values())

    # ------------------------------------------------------------------ reads

    def count(self) -> int:
        """Number of stored articles."""
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def get(self, article_id: str) -> Article | None:
        """One article by id (or by the id of a duplicate merged into it)."""
        ref = self.find_by_id(article_id)
        if ref is None:
            return None
        row = self.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE rowid = ?", (ref.rowid,)
        ).fetchone()
        return self._article(row)

    def get_many(self, article_ids: Sequence[str]) -> dict[str, Article]:
        """Articles by id, as a dict (missing ids are left out)."""
        found: dict[str, Article] = {}
        for chunk_start in range(0, len(article_ids), 500):
            chunk = list(article_ids[chunk_start : chunk_start + 500])
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", chunk
            ):
                article = self._article(row)
                found[article.id] = article
        return found

    def extraction(self, article_id: str) -> dict[str, Any]:
        """The stored extraction (JSON form) of one article; empty when unknown."""
        row = self.conn.execute(
            "SELECT extraction FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return {} if row is None else dict(json.loads(row[0]))

    def cluster_sizes(self, clusters: Iterable[int]) -> dict[int, int]:
        """Number of copies in each cluster."""
        wanted = list(set(clusters))
        sizes: dict[int, int] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for cluster, n in self.conn.execute(
                f"SELECT cluster, count(*) FROM articles WHERE cluster IN ({marks}) GROUP BY cluster",
                chunk,
            ):
                sizes[cluster] = n
        return sizes

    def _article(self, row: Sequence[Any]) -> Article:
        (rowid, aid, title, body, date, source, url, lang, city, agency, countries, people,
         orgs, topics, tags, origin, cluster, meta) = row  # fmt: skip
        copies = 1
        if cluster is not None:
            copies = self.cluster_sizes([cluster]).get(cluster, 1)
        return Article(
            id=aid,
            title=title,
            body=body,
            date=date,
            source=source,
            url=url,
            lang=lang,
            city=city,
            agency=agency,
            countries=_split(countries),
            people=_split(people, "|"),
            orgs=_split(orgs, "|"),
            topics=_split(topics),
            tags=tuple(json.loads(tags)),
            origin=origin,
            cluster=None if cluster is None else str(cluster),
            copies=copies,
            meta=json.loads(meta),
        )

    def iter_for_index(
        self, *, pending_only: bool
    ) -> Generator[tuple[int, dict[str, Any]], None, None]:
        """Rows to index, as ``(rowid, fields)`` (see `search.index.document_fields`)."""
        where = "WHERE indexed = 0" if pending_only else ""
        cursor = self.conn.execute(
            "SELECT rowid, id, title, body, date, year, source, city, lang, countries, people, "
            f"orgs, topics, cluster FROM articles {where} ORDER BY rowid"
        )
        keys = ("id", "title", "body", "date", "year", "source", "city", "lang", "countries",
                "people", "orgs", "topics", "cluster")  # fmt: skip
        for row in cursor:
            yield row[0], dict(zip(keys, row[1:], strict=True))

    def mark_indexed(
        self, rowids: Iterable[int] | None = None, *, still_pending: Collection[str] = ()
    ) -> None:
        """Record that articles are in the index (all pending ones when ``rowids`` is None),
        but those of ``still_pending`` (ids), whose index document is an older version."""
        with self.conn:
            if rowids is None:
                self.conn.execute("UPDATE articles SET indexed = 1 WHERE indexed = 0")
            else:
                self.conn.executemany(
                    "UPDATE articles SET indexed = 1 WHERE rowid = ?", ((r,) for r in rowids)
                )
            self.conn.executemany(
                "UPDATE articles SET indexed = 0 WHERE id = ?", ((i,) for i in still_pending)
            )

    def mark_all_unindexed(self) -> None:
        """Record that the index is empty (before a rebuild)."""
        with self.conn:
            self.conn.execute("UPDATE articles SET indexed = 0 WHERE indexed != 0")

    def extracted_before(self, version: int) -> int:
        """How many articles an extract stage older than ``version`` extracted.

        Version 0 marks an extraction made by a caller's own extractor (tests, embedding
        applications): not counted, it is not ours to call out of date.
        """
        return int(
            self.conn.execute(
                "SELECT count(*) FROM articles WHERE extractor BETWEEN 1 AND ?", (version - 1,)
            ).fetchone()[0]
        )

    def indexed_count(self) -> int:
        """Number of articles recorded as indexed."""
        return int(
            self.conn.execute("SELECT count(*) FROM articles WHERE indexed = 1").fetchone()[0]
        )


def _split(value: str | None, sep: str = ",") -> tuple[str, ...]:
    return tuple(v for v in (value or "").split(sep) if v)


# Serialises the making and migrating of a team store's tables among clients that open a
# new one at the same moment (an arbitrary constant, the same for every briefroom).
_SCHEMA_LOCK = 0x62726672


def _all_tables_there(conn: PgConnection) -> bool:
    tables = [*_SCHEMA_TABLE.findall(SCHEMA), pair_table.TABLE, f"{pair_table.TABLE}_counts"]
    row = conn.native(
        "SELECT count(*) FROM unnest(%s::text[]) AS t (name) WHERE to_regclass(name) IS NULL",
        (tables,),
    ).fetchone()
    return row is not None and row[0] == 0


_SCHEMA_TABLE = re.compile(r"CREATE TABLE IF NOT EXISTS (\w+)")


def _make_tables(
    conn: Connection, name: str, backfill_pairs: Callable[[Connection], object] | None
) -> None:
    """Make or migrate the tables of a store opened for writing (either engine)."""
    found = stored_version(conn)
    if found is not None and found > STORE_VERSION:
        raise StoreError(f"{name}: written by a newer briefroom (store version {found})")
    if found is not None and found < STORE_VERSION:
        migrate(conn, found)
    if found == STORE_VERSION and is_postgres(conn) and _all_tables_there(conn):
        # A team store's usual case: no DDL, which would wait behind other writers'
        # locks.  On a file the script below is a quick no-op (and restores an index).
        return
    # On PostgreSQL one script runs as one transaction, existing indexes left out.
    conn.executescript(SCHEMA)
    if not pair_table.ensure_table(conn, backfill_pairs):
        raise StoreError(
            f"{name}: written before the pair rule's table; open it with "
            "search.archive.Archive.open, which fills it"
        )
    if found is None:
        with conn:
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('store_version', ?)",
                (str(STORE_VERSION),),
            )
    if conn.execute("SELECT 1 FROM meta WHERE key = 'store_id'").fetchone() is None:
        # Who the store is, whatever its address: an analyst's index synced from another
        # store (a URL now naming another database) is rebuilt, not mixed.
        with conn:
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('store_id', ?)",
                (uuid.uuid4().hex,),
            )
