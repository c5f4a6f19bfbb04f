"""Rows written a batch at a time (#15): on the team store, an ingest batch's rows of a
table go as one statement (`PgConnection.insert_later`, `PgConnection.update_many`), sent
before anything names the table; on SQLite at once.  Both engines end with the same rows,
and every stored article has all of its rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest

from search.archive import Archive
from search.ingest import ingest
from search.ingest.dedup import BAND_ROWS, SKETCH_BINS
from search.store import Connection
from search.store.engine import insert_rows, update_rows
from tests.search.test_crash_safety import _corpus

_BANDS = "INSERT OR IGNORE INTO sketch_bands (band, value, article) VALUES (?, ?, ?)"
_MARK = 100  # bands from 100 on: no article's (they have 8, from 0)


def _marked(conn: Connection) -> list[tuple[Any, ...]]:
    return [
        tuple(r)
        for r in conn.execute(
            "SELECT band, value, article FROM sketch_bands WHERE band >= ? "
            "ORDER BY band, value, article",
            (_MARK,),
        )
    ]


def test_rows_held_back_are_there_for_every_statement_after_them(
    engine: str, briefroom_home: Path, sample_file: Path
) -> None:
    """Whatever comes after rows written in a batch sees them: a read of their table, a
    delete, the commit; a rollback drops them; updates of many rows land as one each."""
    with Archive.open(briefroom_home) as archive:
        ingest(archive, [sample_file])
        conn = archive.store.conn
        rowids = [int(r[0]) for r in conn.execute("SELECT rowid FROM articles ORDER BY rowid")]
        people = [int(r[0]) for r in conn.execute("SELECT id FROM people ORDER BY id")][:40]
        conn.execute("BEGIN")
        for n, rowid in enumerate(rowids):  # one call per article, as an ingest makes them
            insert_rows(conn, _BANDS, [(_MARK, n, rowid), (_MARK + 1, n, rowid)])
        insert_rows(conn, _BANDS, [(_MARK, 0, rowids[0])])  # ignored: there already
        assert len(_marked(conn)) == 2 * len(rowids)
        insert_rows(conn, _BANDS, [(_MARK + 2, 0, rowids[1])])
        conn.execute("DELETE FROM sketch_bands WHERE article = ? AND band >= ?", (rowids[1], _MARK))
        insert_rows(conn, _BANDS, [(_MARK + 3, 0, rowids[2])])
        update_rows(conn, "people", "id", ("name", "role"),
                    [(f"Person {p}", None, p) for p in people])  # fmt: skip
        insert_rows(
            conn,
            "INSERT INTO articles (id, content_hash, title, body, sketch) VALUES (?, ?, ?, ?, ?)",
            [("batch-1", "h1", "T", "B", b"\x00\x01\xff"), ("batch-2", "h2", "T", "B", None)],
        )
        conn.execute("COMMIT")
        expected = sorted(
            [(_MARK, n, r) for n, r in enumerate(rowids) if r != rowids[1]]
            + [(_MARK + 1, n, r) for n, r in enumerate(rowids) if r != rowids[1]]
            + [(_MARK + 3, 0, rowids[2])]
        )
        assert _marked(conn) == expected
        names = dict(conn.execute("SELECT id, name FROM people WHERE role IS NULL").fetchall())
        assert all(names[p] == f"Person {p}" for p in people)
        sketches = conn.execute(
            "SELECT id, sketch FROM articles WHERE id LIKE 'batch-%' ORDER BY id"
        )
        assert [(i, None if s is None else bytes(s)) for i, s in sketches] == [
            ("batch-1", b"\x00\x01\xff"),
            ("batch-2", None),
        ]
        conn.execute("BEGIN")
        insert_rows(conn, _BANDS, [(_MARK + 5, 0, rowids[3])])
        conn.execute("ROLLBACK")
        assert _marked(conn) == expected


def _consistent(conn: Connection) -> None:
    """Every stored article has all of its rows: its sketch's bands, a row per country it
    names, one per person; the pair table's counts are its rows'."""
    bands = SKETCH_BINS // BAND_ROWS
    assert conn.execute(
        "SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM sketch_bands b "
        f"WHERE b.article = a.rowid) <> CASE WHEN a.sketch IS NULL THEN 0 ELSE {bands} END"
    ).fetchone()[0] == 0  # fmt: skip
    for rowid, countries, extraction in conn.execute(
        "SELECT rowid, countries, extraction FROM articles"
    ).fetchall():
        codes = conn.execute(
            "SELECT count(*) FROM article_countries WHERE article = ?", (rowid,)
        ).fetchone()[0]
        assert codes == len({c for c in str(countries).split(",") if c}), rowid
        named = conn.execute(
            "SELECT count(*) FROM person_mentions WHERE article = ?", (rowid,)
        ).fetchone()[0]
        assert named == str(extraction).count('"spans":'), rowid
    counted = dict(conn.execute("SELECT code, n FROM article_mentions_counts WHERE n > 0"))
    rows = dict(
        conn.execute(
            "SELECT code, count(*) FROM article_mentions WHERE strong OR salient GROUP BY code"
        )
    )
    assert counted == rows


def test_an_ingest_of_many_batches_stores_every_row_of_every_article(
    engine: str, briefroom_home: Path, sample_file: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """1,100 articles (three store batches): every article has all of its rows, and on
    the team store a table's rows went a batch at a time, not a statement per article."""
    corpus = _corpus(sample_file, tmp_path / "corpus.jsonl", 1100)
    sent: list[str] = []
    execute = psycopg.Cursor.execute

    def counted(self: psycopg.Cursor[Any], query: Any, *args: Any, **kwargs: Any) -> Any:
        sent.append(str(query))
        return execute(self, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", counted)
    with Archive.open(briefroom_home) as archive:
        report = ingest(archive, [corpus])
        assert report.added + report.duplicates + report.clustered >= 1000
        _consistent(archive.store.conn)
        stored = archive.store.count()
    if engine == "postgresql":
        # The bands go before each look-up of a chunk of 25 read articles, which reads
        # them; a country's rows at each commit, and before each article the end of the
        # run extracts again (which deletes its rows first).
        for table in ("sketch_bands", "article_countries", "person_mentions"):
            sends = [q for q in sent if q.startswith(f"INSERT INTO {table} ")]
            assert 0 < len(sends) <= stored // 10, table
