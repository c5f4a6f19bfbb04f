"""The pair rule's table (``article_mentions``): one row per article and country it
mentions, with that country's weight (`CountryWeight`), written at ingest.

The weights themselves are computed by the pair rule (`search.pairs`), which reads the
extraction; this module only keeps them: the table, its partial index and per-country
counts, and the rows of one article.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from search.store.engine import Connection, insert_rows, is_postgres
from search.store.schema import table_exists

TABLE = "article_mentions"

# Weighs one stored article for `backfill`: (extraction JSON, title, body, source) ->
# code -> weight (`search.pairs.weights_from_json`).
Weigh = Callable[[str, str | None, str, str | None], Mapping[str, "CountryWeight"]]


@dataclass(frozen=True, slots=True)
class CountryWeight:
    """How much one article is about one country, for the pair rule.

    Attributes:
        code: ISO alpha-3 (or historical) code.
        score: Attention in points (headline 2, lead 1, mention 1, demonym/capital 0.5,
            list mentions discounted).
        strong: The dateline country, the publisher's own country, or ``score >= 3``.
        home: The publisher's own country (a government publisher).
        salient: In the headline, in the lead (as one of at most six), or ``score >= 2``.
        sentences: The article's number of sentences (the same on every row).
        partners: Codes named with this one in a sentence naming at most three countries.
        acts_with: Codes that act with this one in an event, engagement or commitment
            (`search.pairs.interactions`).
    """

    code: str
    score: float
    strong: bool
    home: bool
    salient: bool
    sentences: int
    partners: frozenset[str] = frozenset()
    acts_with: frozenset[str] = frozenset()


def has_table(conn: Connection) -> bool:
    """Whether the store keeps the weights (``article_mentions``)."""
    return table_exists(conn, TABLE)


# Only a strong or salient country can be one of a pair (`search.pairs.concerns_pair`):
# the pair query walks this partial index, a fifth of the table, from the country with fewer
# such rows (kept per country by the triggers: USA has 68,000 of 100,000 articles, a
# typical partner a few thousand).  Counts only choose the join order; a stale count
# gives the same answer, slower.
INDEX_SQL = f"""
CREATE INDEX IF NOT EXISTS {TABLE}_strong ON {TABLE} (code, article) WHERE strong OR salient;
CREATE TABLE IF NOT EXISTS {TABLE}_counts (code TEXT PRIMARY KEY, n INTEGER NOT NULL)
    WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS {TABLE}_counted AFTER INSERT ON {TABLE}
WHEN NEW.strong OR NEW.salient BEGIN
    INSERT INTO {TABLE}_counts (code, n) VALUES (NEW.code, 1)
    ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS {TABLE}_uncounted AFTER DELETE ON {TABLE}
WHEN OLD.strong OR OLD.salient BEGIN
    UPDATE {TABLE}_counts SET n = n - 1 WHERE code = OLD.code;
END;
"""

# The same counts on PostgreSQL, whose triggers call a function.
INDEX_SQL_POSTGRES = f"""
CREATE INDEX IF NOT EXISTS {TABLE}_strong ON {TABLE} (code, article) WHERE strong OR salient;
CREATE TABLE IF NOT EXISTS {TABLE}_counts (code TEXT COLLATE "C" PRIMARY KEY, n BIGINT NOT NULL);
CREATE OR REPLACE FUNCTION {TABLE}_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.strong OR NEW.salient THEN
            INSERT INTO {TABLE}_counts (code, n) VALUES (NEW.code, 1)
            ON CONFLICT (code) DO UPDATE SET n = {TABLE}_counts.n + 1;
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.strong OR OLD.salient THEN
        UPDATE {TABLE}_counts SET n = n - 1 WHERE code = OLD.code;
    END IF;
    RETURN OLD;
END $$;
CREATE OR REPLACE TRIGGER {TABLE}_counted AFTER INSERT OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION {TABLE}_count();
"""


def _make_counts(conn: Connection) -> None:
    if is_postgres(conn):
        conn.native(INDEX_SQL_POSTGRES)
    else:
        conn.executescript(INDEX_SQL)


def _make_table(conn: Connection) -> None:
    conn.executescript(TABLE_SQL)  # rewritten for PostgreSQL by the connection
    _make_counts(conn)


def has_counts(conn: Connection) -> bool:
    """Whether the store has the partial index and per-country counts (`INDEX_SQL`)."""
    return table_exists(conn, f"{TABLE}_counts")


def ensure_counts(conn: Connection) -> None:
    """Add `INDEX_SQL` to a store whose ``article_mentions`` predates it (writable)."""
    if has_counts(conn):
        return
    _make_counts(conn)
    recount(conn)


def recount(conn: Connection) -> None:
    """Count each country's strong or salient rows afresh."""
    with conn:
        conn.execute(f"DELETE FROM {TABLE}_counts")
        conn.execute(
            f"INSERT INTO {TABLE}_counts (code, n) SELECT code, count(*) FROM {TABLE} "
            "WHERE strong OR salient GROUP BY code"
        )


# What the store should keep (docs/relations.md, "What the pair rule needs stored").
TABLE_SQL = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    code TEXT NOT NULL,
    score REAL NOT NULL,
    strong INTEGER NOT NULL,
    home INTEGER NOT NULL,
    salient INTEGER NOT NULL,
    sentences INTEGER NOT NULL,
    partners TEXT NOT NULL DEFAULT '',
    acts_with TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article, code)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS {TABLE}_code ON {TABLE} (code, article);
"""


def table_rows(rowid: int, weights: Mapping[str, CountryWeight]) -> list[tuple[object, ...]]:
    """The ``article_mentions`` rows of one article."""
    return [
        (
            rowid,
            w.code,
            w.score,
            # Booleans: SQLite stores 0 and 1, PostgreSQL's columns are BOOLEAN.
            bool(w.strong),
            bool(w.home),
            bool(w.salient),
            w.sentences,
            ",".join(sorted(w.partners)),
            ",".join(sorted(w.acts_with)),
        )
        for w in weights.values()
    ]


def insert(conn: Connection, rowid: int, weights: Mapping[str, CountryWeight]) -> None:
    """Write the ``article_mentions`` rows of one article (in the caller's transaction)."""
    insert_rows(
        conn,
        f"INSERT OR IGNORE INTO {TABLE} (article, code, score, strong, home, salient, "
        "sentences, partners, acts_with) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        table_rows(rowid, weights),
    )


def ensure_table(conn: Connection, backfill: Callable[[Connection], object] | None) -> bool:
    """Make the table (and its counts) when missing; False when it could not be made.

    A store written before the table existed has articles the table must cover: they are
    weighed by ``backfill`` (`search.pairs.backfill`); without one nothing is made and
    False is returned.
    """
    if has_table(conn):
        ensure_counts(conn)
        return True
    if conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None:
        _make_table(conn)
        return True
    if backfill is None:
        return False
    _make_table(conn)
    backfill(conn)
    return True


def backfill(conn: Connection, weigh: Weigh, batch: int = 2000) -> int:
    """Create and fill ``article_mentions`` from the stored extractions.

    For benchmarks and for migrating an existing store until ingest writes the table
    itself.  ``weigh`` is the pair rule (`search.pairs.weights_from_json`).  Returns the
    number of articles weighed.
    """
    _make_table(conn)
    done = 0
    last = 0
    while True:
        rows = conn.execute(
            "SELECT rowid, title, body, source, extraction FROM articles WHERE rowid > ? "
            "ORDER BY rowid LIMIT ?",
            (last, batch),
        ).fetchall()
        if not rows:
            break
        with conn:
            conn.execute(
                f"DELETE FROM {TABLE} WHERE article > ? AND article <= ?", (last, rows[-1][0])
            )
            for rowid, title, body, source, extraction in rows:
                conn.executemany(
                    f"INSERT INTO {TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    table_rows(rowid, weigh(extraction, title, body, source)),
                )
        done += len(rows)
        last = rows[-1][0]
    recount(conn)  # the table may have been dropped and made again without its counts
    return done
