"""The SQLite store: the system of record.

Articles, their extraction results and the aggregates that summaries read are kept
here; the Whoosh index is derived from it (see `search.index`).  Every write happens
inside a transaction, so a process killed at any moment leaves the store as it was
after the last committed batch (SQLite WAL).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from search.model import Article, EngagementRef, Extraction

# Bump when the tables change; `_MIGRATIONS` brings an older file up to date.
STORE_VERSION = 3
# Bytes of the store file reads may map (see `Store.open`, `Store.unmapped`).
MMAP_BYTES = 1 << 30

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    date TEXT,
    year INTEGER,
    source TEXT,
    url TEXT,
    lang TEXT,
    city TEXT,
    agency TEXT,
    origin TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    meta TEXT NOT NULL DEFAULT '{}',
    countries TEXT NOT NULL DEFAULT '',
    people TEXT NOT NULL DEFAULT '',
    orgs TEXT NOT NULL DEFAULT '',
    topics TEXT NOT NULL DEFAULT '',
    extraction TEXT NOT NULL DEFAULT '{}',
    extractor INTEGER NOT NULL DEFAULT 1,
    sketch BLOB,
    cluster INTEGER,
    indexed INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles (content_hash);
CREATE INDEX IF NOT EXISTS articles_date ON articles (date);
CREATE INDEX IF NOT EXISTS articles_cluster ON articles (cluster);
-- Publishers: the dashboard counts them, the pair rule lists government ones.
CREATE INDEX IF NOT EXISTS articles_source ON articles (source);
CREATE INDEX IF NOT EXISTS articles_pending ON articles (indexed) WHERE indexed = 0;

-- Ids of exact duplicates merged into an article, so re-ingesting them is a no-op.
CREATE TABLE IF NOT EXISTS aliases (
    alias TEXT PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS article_countries (
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    code TEXT NOT NULL,
    rank INTEGER NOT NULL,
    PRIMARY KEY (article, code)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_countries_code ON article_countries (code, article);

CREATE TABLE IF NOT EXISTS article_topics (
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    PRIMARY KEY (article, topic)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS article_orgs (
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    org TEXT NOT NULL,
    PRIMARY KEY (article, org)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS person_mentions (
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    name TEXT NOT NULL,
    person_key TEXT NOT NULL,
    role TEXT,
    country TEXT,
    sentence INTEGER NOT NULL,
    sentences TEXT NOT NULL DEFAULT '',
    org TEXT,
    how TEXT,
    person INTEGER
);
CREATE INDEX IF NOT EXISTS person_mentions_article ON person_mentions (article);
CREATE INDEX IF NOT EXISTS person_mentions_key ON person_mentions (person_key);

CREATE TABLE IF NOT EXISTS events (
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    cameo TEXT NOT NULL,
    score REAL NOT NULL,
    actors TEXT NOT NULL,
    place TEXT,
    date TEXT,
    trigger TEXT NOT NULL,
    historical INTEGER NOT NULL,
    hypothetical INTEGER NOT NULL,
    negated INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_article ON events (article);

CREATE TABLE IF NOT EXISTS commitments (
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    parties TEXT NOT NULL,
    summary TEXT NOT NULL,
    side TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS commitments_article ON commitments (article);

-- Engagements each article reports (search.extract.engagements); ``sides`` holds country
-- codes and org:KEY, ``participants`` a JSON list of [side, name].
CREATE TABLE IF NOT EXISTS engagements (
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    date TEXT,
    place TEXT,
    sides TEXT NOT NULL,
    participants TEXT NOT NULL DEFAULT '[]',
    trigger TEXT NOT NULL,
    PRIMARY KEY (article, seq)
) WITHOUT ROWID;
-- One row per side of each engagement: a pair's ledger starts from its rarer side.
CREATE TABLE IF NOT EXISTS engagement_sides (
    side TEXT NOT NULL,
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    PRIMARY KEY (side, article, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS engagement_sides_article ON engagement_sides (article);

-- The people registry (search.registry): one identity per person, with the side and the
-- latest role the evidence of every article naming them gives.
CREATE TABLE IF NOT EXISTS people (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    surname TEXT NOT NULL,
    prefix TEXT,
    first TEXT,
    name TEXT NOT NULL,
    country TEXT,
    org TEXT,
    how TEXT,
    role TEXT,
    role_seen TEXT,
    first_seen TEXT,
    last_seen TEXT,
    articles INTEGER NOT NULL DEFAULT 0,
    stale INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX IF NOT EXISTS people_key ON people (key);
CREATE INDEX IF NOT EXISTS people_surname ON people (surname);
CREATE INDEX IF NOT EXISTS people_prefix ON people (prefix) WHERE prefix IS NOT NULL;
CREATE INDEX IF NOT EXISTS people_first ON people (first) WHERE first IS NOT NULL;
CREATE INDEX IF NOT EXISTS people_stale ON people (stale) WHERE stale = 1;
CREATE INDEX IF NOT EXISTS person_mentions_person ON person_mentions (person);
-- Each person's evidence summed by side (search.registry): what makes an ingest's
-- registry work proportional to the new mentions, not to everything said of a person.
CREATE TABLE IF NOT EXISTS people_sides (
    person INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    country TEXT NOT NULL DEFAULT '',
    org TEXT NOT NULL DEFAULT '',
    score REAL NOT NULL,
    how TEXT NOT NULL,
    PRIMARY KEY (person, country, org)
) WITHOUT ROWID;

-- The analyst's corrections (search.corrections): applied on top of the extractions,
-- which re-extraction may replace; undone ones are kept with the time they were undone.
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    value TEXT NOT NULL DEFAULT '{}',
    note TEXT,
    author TEXT,
    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    undone TEXT
);

-- Locality-sensitive hashing bands of each article's sketch, to find wire copies.
CREATE TABLE IF NOT EXISTS sketch_bands (
    band INTEGER NOT NULL,
    value INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    PRIMARY KEY (band, value, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sketch_bands_article ON sketch_bands (article);
"""


# Steps from one store version to the next (run in one transaction each, in order).
# Tables added by a version need no step here: `_SCHEMA` creates what is missing.
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: (
        "ALTER TABLE articles ADD COLUMN extractor INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE person_mentions ADD COLUMN org TEXT",
        "ALTER TABLE person_mentions ADD COLUMN how TEXT",
        "ALTER TABLE person_mentions ADD COLUMN person INTEGER",
        "ALTER TABLE commitments ADD COLUMN side TEXT NOT NULL DEFAULT ''",
    ),
    # The pair rule's "act together" (search.pairs, rule 3); filled by `briefroom reextract`.
    # The registry's summed evidence (people_sides) starts empty: everyone is recomputed.
    3: (
        "ALTER TABLE article_mentions ADD COLUMN acts_with TEXT NOT NULL DEFAULT ''",
        "UPDATE people SET stale = 1",
    ),
}


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def _migrate(conn: sqlite3.Connection, path: Path, found: int) -> None:
    """Bring a store written by an older briefroom up to `STORE_VERSION`.

    Each step runs in its own transaction and records the new version with it, so an
    interrupted upgrade resumes where it stopped.  A column a step adds that is already
    there (a file created by this version) is skipped.
    """
    for version in range(found + 1, STORE_VERSION + 1):
        with conn:
            for statement in _MIGRATIONS.get(version, ()):
                words = statement.split()
                if words[:2] == ["ALTER", "TABLE"] and words[3:5] == ["ADD", "COLUMN"]:
                    columns = _columns(conn, words[2])
                    if not columns or words[5] in columns:
                        continue  # made later with the column, or already there
                conn.execute(statement)
            conn.execute("UPDATE meta SET value = ? WHERE key = 'store_version'", (str(version),))


def table_exists(conn: sqlite3.Connection, name: str) -> bool:
    """Whether the database has a table of this name (tables added after a store's birth)."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def _pairs() -> Any:
    # Imported on use: search.pairs needs the gazetteer module, which store users
    # that never write (the TUI's readers) need not import.
    from search import pairs

    return pairs


_ARTICLE_COLUMNS = (
    "rowid, id, title, body, date, source, url, lang, city, agency, countries, people, "
    "orgs, topics, tags, origin, cluster, meta"
)


def _stored_version(conn: sqlite3.Connection) -> int | None:
    """The version a store file was written with (None: a new file)."""
    if not table_exists(conn, "meta"):
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()
    return None if row is None else int(row[0])


class StoreError(Exception):
    """The store file cannot be opened or is not a briefroom store."""


@dataclass(frozen=True, slots=True)
class StoredRef:
    """What ingest needs to know about an article that is already stored."""

    rowid: int
    id: str
    content_hash: str


class Store:
    """A briefroom SQLite store.

    Use `Store.open`; one instance per thread (SQLite connections are not shared).
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path, *, readonly: bool = False) -> Store:
        """Open (creating if needed) the store at ``path``.

        Raises:
            StoreError: the file is not a SQLite database or was written by a newer briefroom.
        """
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
                found = _stored_version(conn)
                if found is not None and found > STORE_VERSION:
                    raise StoreError(
                        f"{path}: written by a newer briefroom (store version {found})"
                    )
                if found is not None and found < STORE_VERSION:
                    _migrate(conn, path, found)
                conn.executescript(_SCHEMA)
                _ensure_pair_weights(conn)
                if found is None:
                    with conn:
                        conn.execute(
                            "INSERT OR IGNORE INTO meta (key, value) VALUES ('store_version', ?)",
                            (str(STORE_VERSION),),
                        )
            conn.execute("PRAGMA cache_size = -65536")
            # Reads map the file instead of copying page by page: a pair summary reads
            # a few thousand article rows, many spilling onto overflow pages (10-15%
            # faster on 100,000 articles). Bulk passes turn it off (`unmapped`).
            conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a briefroom store ({exc})") from exc
        return cls(conn, path)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    @contextmanager
    def unmapped(self) -> Iterator[None]:
        """Read without memory-mapping the file while inside.

        For passes over the whole store (ingest, index rebuild): mapped pages a process
        has touched count in its resident memory, so a pass over a 600 MB store would
        show as 600 MB more, though the kernel can drop them at will.
        """
        self.conn.execute("PRAGMA mmap_size = 0")
        try:
            yield
        finally:
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

    def find_by_hash(self, content_hash: str) -> StoredRef | None:
        """The stored article with exactly this content."""
        row = self.conn.execute(
            "SELECT rowid, id, content_hash FROM articles WHERE content_hash = ? LIMIT 1",
            (content_hash,),
        ).fetchone()
        return None if row is None else StoredRef(*row)

    def sketch_candidates(self, bands: Sequence[int]) -> list[tuple[int, bytes, str | None, int]]:
        """Stored articles sharing at least one band with ``bands``.

        Returns ``(rowid, sketch, date, cluster)`` tuples.
        """
        if not bands:
            return []
        # One indexed lookup per band: an OR of the pairs makes SQLite scan the table.
        lookups = " UNION ".join(
            "SELECT article FROM sketch_bands WHERE band = ? AND value = ?" for _ in bands
        )
        params: list[int] = []
        for i, value in enumerate(bands):
            params += [i, value]
        rows = self.conn.execute(
            f"SELECT a.rowid, a.sketch, a.date, a.cluster FROM ({lookups}) b "
            "JOIN articles a ON a.rowid = b.article",
            params,
        ).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

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

    def iter_for_index(self, *, pending_only: bool) -> Iterator[tuple[int, dict[str, Any]]]:
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

    def mark_indexed(self, rowids: Iterable[int] | None = None) -> None:
        """Record that articles are in the index (all pending ones when ``rowids`` is None)."""
        with self.conn:
            if rowids is None:
                self.conn.execute("UPDATE articles SET indexed = 1 WHERE indexed = 0")
            else:
                self.conn.executemany(
                    "UPDATE articles SET indexed = 1 WHERE rowid = ?", ((r,) for r in rowids)
                )

    def mark_all_unindexed(self) -> None:
        """Record that the index is empty (before a rebuild)."""
        with self.conn:
            self.conn.execute("UPDATE articles SET indexed = 0 WHERE indexed != 0")

    def indexed_count(self) -> int:
        """Number of articles recorded as indexed."""
        return int(
            self.conn.execute("SELECT count(*) FROM articles WHERE indexed = 1").fetchone()[0]
        )


def _ensure_pair_weights(conn: sqlite3.Connection) -> None:
    """Create the pair-rule weights table; fill it once for a store from before it existed."""
    pairs = _pairs()
    if pairs.has_table(conn):
        pairs.ensure_counts(conn)
        return
    conn.executescript(pairs.TABLE_SQL)
    if conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None:
        pairs.backfill(conn)


def _split(value: str | None, sep: str = ",") -> tuple[str, ...]:
    return tuple(v for v in (value or "").split(sep) if v)


def extraction_to_json(extraction: Extraction) -> str:
    """The stored JSON form of an extraction (compact: what the article reader shows)."""
    return json.dumps(
        {
            "sentences": extraction.sentences,
            "mentions": [
                [m.kind, m.key, m.span.start, m.span.end, m.span.sentence, m.how]
                for m in extraction.mentions
            ],
            # Who acts together (events, engagements, commitments): the pair rule's
            # rule 3 (`search.pairs.interactions`), for a rebuild of its table.
            "acts": _pairs().interactions(extraction),
            "people": [
                {
                    "name": p.name,
                    "role": p.role,
                    "country": p.country,
                    "org": p.org,
                    "how": p.how,
                    "aliases": p.aliases,
                    "spans": [[s.start, s.end, s.sentence] for s in p.spans],
                }
                for p in extraction.people
            ],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article ready to store: normalised fields plus its extraction and sketch."""

    id: str
    content_hash: str
    title: str
    body: str
    date: str | None
    source: str | None
    url: str | None
    lang: str | None
    city: str | None
    agency: str | None
    origin: str
    tags: tuple[str, ...]
    meta: dict[str, Any]
    extraction: Extraction
    sketch: bytes | None
    bands: tuple[int, ...]


def _person_key(name: str) -> str:
    from search.extract.aliases import person_key

    return person_key(name)


def write_article(
    conn: sqlite3.Connection,
    art: PreparedArticle,
    cluster: int | None,
    replace_rowid: int | None = None,
) -> int:
    """Insert (or replace, keeping its rowid) one article and its extraction tables.

    Runs inside the caller's transaction.
    """
    ex = art.extraction
    people = "|".join(dict.fromkeys(p.name for p in ex.people))
    values = (
        art.id, art.content_hash, art.title, art.body, art.date,
        int(art.date[:4]) if art.date else None, art.source, art.url, art.lang, art.city,
        art.agency, art.origin, json.dumps(list(art.tags), ensure_ascii=False),
        json.dumps(art.meta, ensure_ascii=False, default=str), ",".join(ex.countries), people,
        "|".join(ex.orgs), ",".join(ex.topics), extraction_to_json(ex), ex.version,
        art.sketch,
    )  # fmt: skip
    columns = (
        "id, content_hash, title, body, date, year, source, url, lang, city, agency, origin, "
        "tags, meta, countries, people, orgs, topics, extraction, extractor, sketch"
    )  # ``extractor``: the version of the extract stage that produced the extraction
    if replace_rowid is None:
        cur = conn.execute(
            f"INSERT INTO articles ({columns}, cluster) VALUES ({','.join('?' * 22)})",
            (*values, cluster),
        )
        rowid = int(cur.lastrowid or 0)
        if cluster is None:
            conn.execute("UPDATE articles SET cluster = rowid WHERE rowid = ?", (rowid,))
    else:
        rowid = replace_rowid
        assignments = ", ".join(f"{c.strip()} = ?" for c in columns.split(","))
        conn.execute(
            f"UPDATE articles SET {assignments}, indexed = 0 WHERE rowid = ?", (*values, rowid)
        )
        delete_extractions(conn, rowid)
    write_extractions(conn, rowid, art, skip_sketch=False)
    return rowid


# Tables holding what extraction found in an article (replaced on re-extraction).
EXTRACTION_TABLES = (
    "article_countries", "article_topics", "article_orgs", "person_mentions", "events",
    "commitments", "engagements", "engagement_sides", "article_mentions",
)  # fmt: skip


def delete_extractions(conn: sqlite3.Connection, rowid: int, *, sketch: bool = True) -> None:
    """Remove what extraction stored for one article (its rows in `EXTRACTION_TABLES`)."""
    # The people named lose a mention: the registry recomputes them.
    conn.execute(
        "UPDATE people SET stale = 1 WHERE id IN "
        "(SELECT person FROM person_mentions WHERE article = ? AND person IS NOT NULL)",
        (rowid,),
    )
    for table in EXTRACTION_TABLES:
        if table == "article_mentions" and not table_exists(conn, table):
            continue
        conn.execute(f"DELETE FROM {table} WHERE article = ?", (rowid,))
    if sketch:
        conn.execute("DELETE FROM sketch_bands WHERE article = ?", (rowid,))


def write_extractions(
    conn: sqlite3.Connection, rowid: int, art: PreparedArticle, *, skip_sketch: bool
) -> None:
    """Write one article's extraction tables (the article row itself is the caller's)."""
    ex = art.extraction
    conn.executemany(
        "INSERT OR IGNORE INTO article_countries (article, code, rank) VALUES (?, ?, ?)",
        [(rowid, code, rank) for rank, code in enumerate(ex.countries)],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO article_topics (article, topic) VALUES (?, ?)",
        [(rowid, t) for t in ex.topics],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO article_orgs (article, org) VALUES (?, ?)",
        [(rowid, o) for o in ex.orgs],
    )
    conn.executemany(
        "INSERT INTO person_mentions (article, name, person_key, role, country, sentence, "
        "sentences, org, how) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                rowid,
                p.name,
                _person_key(p.name),
                p.role,
                p.country,
                p.spans[0].sentence if p.spans else 0,
                ",".join(str(n) for n in sorted({span.sentence for span in p.spans})),
                p.org,
                p.how,
            )
            for p in ex.people
        ],
    )
    conn.executemany(
        "INSERT INTO engagements (article, seq, sentence, type, status, date, place, sides, "
        "participants, trigger) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                rowid,
                seq,
                e.span.sentence,
                e.type,
                e.status,
                e.date,
                e.place,
                ",".join(engagement_sides(e)),
                json.dumps([list(p) for p in e.participants], ensure_ascii=False),
                e.trigger,
            )
            for seq, e in enumerate(ex.engagements)
        ],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO engagement_sides (side, article, seq) VALUES (?, ?, ?)",
        [
            (side, rowid, seq)
            for seq, e in enumerate(ex.engagements)
            for side in engagement_sides(e)
        ],
    )
    conn.executemany(
        "INSERT INTO events (article, sentence, type, mode, cameo, score, actors, place, date, "
        "trigger, historical, hypothetical, negated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                rowid,
                e.span.sentence,
                e.type,
                e.mode,
                e.cameo,
                e.score,
                ",".join(e.actors),
                e.place,
                e.date,
                e.trigger,
                int(e.historical),
                int(e.hypothetical),
                int(e.negated),
            )
            for e in ex.events
        ],  # fmt: skip
    )
    conn.executemany(
        "INSERT INTO commitments (article, sentence, kind, status, parties, summary, side) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                rowid,
                c.span.sentence,
                c.kind,
                c.status,
                ",".join(c.parties),
                c.summary,
                ",".join(c.side),
            )
            for c in ex.commitments
        ],
    )
    pairs = _pairs()
    weights = pairs.country_weights(
        [(m.kind, m.key, m.span.start, m.span.end, m.span.sentence, m.how) for m in ex.mentions
         if m.kind == "country"],
        ex.sentences, title=art.title, body=art.body, source=art.source,
        acts=pairs.interactions(ex),
    )  # fmt: skip
    conn.executemany(
        f"INSERT OR IGNORE INTO {pairs.TABLE} (article, code, score, strong, home, salient, "
        "sentences, partners, acts_with) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        pairs.table_rows(rowid, weights),
    )
    if not skip_sketch:
        conn.executemany(
            "INSERT OR IGNORE INTO sketch_bands (band, value, article) VALUES (?, ?, ?)",
            [(i, v, rowid) for i, v in enumerate(art.bands)],
        )


def engagement_sides(engagement: EngagementRef) -> tuple[str, ...]:
    """The sides of an engagement as stored: country codes, then ``org:KEY``."""
    return (*engagement.countries, *(f"org:{org}" for org in engagement.orgs))


def add_alias(conn: sqlite3.Connection, alias: str, rowid: int) -> None:
    """Record that ``alias`` (a duplicate's id) was merged into article ``rowid``."""
    conn.execute("INSERT OR IGNORE INTO aliases (alias, article) VALUES (?, ?)", (alias, rowid))
