"""The store's tables and how an older store file is brought up to date.

`SCHEMA` creates whatever is missing (``CREATE ... IF NOT EXISTS``); `migrate` runs the
steps of `MIGRATIONS` from the version a file was written with to `STORE_VERSION`.
The pair rule's table (``article_mentions``) is made by `search.store.pair_table`.
"""

from __future__ import annotations

from search.store.engine import Connection, is_postgres

# Bump when the tables change; `MIGRATIONS` brings an older file up to date.
STORE_VERSION = 4

# The next number of the change sequence (``articles.changed``), as a SQL expression: every
# write that changes what an index holds of an article gives it the next number, so a
# team analyst's index syncs by reading what changed since its last number (search.index
# .team_sync).  Numbers follow commit order: writers take turns (SQLite's one writer; the
# team store's write lock, `search.store.postgres`).
NEXT_CHANGE = "(SELECT coalesce(max(changed), 0) + 1 FROM articles)"

SCHEMA = """
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
    changed INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles (content_hash);
CREATE INDEX IF NOT EXISTS articles_date ON articles (date);
CREATE INDEX IF NOT EXISTS articles_cluster ON articles (cluster);
-- Publishers: the dashboard counts them, the pair rule lists government ones.
CREATE INDEX IF NOT EXISTS articles_source ON articles (source);
CREATE INDEX IF NOT EXISTS articles_pending ON articles (indexed) WHERE indexed = 0;
CREATE INDEX IF NOT EXISTS articles_changed ON articles (changed);

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

-- The people registry (search.ingest.registry): one identity per person, with the side and the
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
-- Each person's evidence summed by side (search.ingest.registry): what makes an ingest's
-- registry work proportional to the new mentions, not to everything said of a person.
CREATE TABLE IF NOT EXISTS people_sides (
    person INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    country TEXT NOT NULL DEFAULT '',
    org TEXT NOT NULL DEFAULT '',
    score REAL NOT NULL,
    how TEXT NOT NULL,
    PRIMARY KEY (person, country, org)
) WITHOUT ROWID;

-- The analyst's corrections (search.ingest.corrections): applied on top of the extractions,
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
# Tables added by a version need no step here: `SCHEMA` creates what is missing.
MIGRATIONS: dict[int, tuple[str, ...]] = {
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
    # The change sequence (`NEXT_CHANGE`): what is stored is numbered in storage order.
    4: (
        "ALTER TABLE articles ADD COLUMN changed INTEGER NOT NULL DEFAULT 0",
        "UPDATE articles SET changed = rowid",
    ),
}


def columns(conn: Connection, table: str) -> set[str]:
    """The names of a table's columns (empty when there is no such table)."""
    if is_postgres(conn):
        rows = conn.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ?",
            (table,),
        )
        return {str(row[0]) for row in rows}
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def migrate(conn: Connection, found: int) -> None:
    """Bring a store written by an older briefroom up to `STORE_VERSION`.

    Each step runs in its own transaction and records the new version with it, so an
    interrupted upgrade resumes where it stopped.  A column a step adds that is already
    there (a file created by this version) is skipped.
    """
    for version in range(found + 1, STORE_VERSION + 1):
        with conn:
            for statement in MIGRATIONS.get(version, ()):
                words = statement.split()
                if words[:2] == ["ALTER", "TABLE"] and words[3:5] == ["ADD", "COLUMN"]:
                    present = columns(conn, words[2])
                    if not present or words[5] in present:
                        continue  # made later with the column, or already there
                conn.execute(statement)
            conn.execute("UPDATE meta SET value = ? WHERE key = 'store_version'", (str(version),))


def table_exists(conn: Connection, name: str) -> bool:
    """Whether the database has a table of this name (tables added after a store's birth)."""
    if is_postgres(conn):
        seen = conn.tables_seen
        if name in seen:
            return True  # a table once there stays, unless this connection drops one
        row = conn.execute("SELECT to_regclass(?)", (name,)).fetchone()
        if row is not None and row[0] is not None:
            seen.add(name)
            return True
        return False
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def stored_version(conn: Connection) -> int | None:
    """The version a store file was written with (None: a new file)."""
    if not table_exists(conn, "meta"):
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()
    return None if row is None else int(row[0])
