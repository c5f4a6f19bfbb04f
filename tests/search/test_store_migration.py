"""An archive written by an older briefroom opens and is brought up to date in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from search.store import STORE_VERSION, Store

pytestmark = pytest.mark.store_file


def _columns(path: Path, table: str) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    finally:
        conn.close()


def test_a_version_2_store_gains_the_pair_rules_acts_with(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    with conn:  # what briefroom 2 wrote: no acts_with column, version 2
        conn.execute("ALTER TABLE article_mentions DROP COLUMN acts_with")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'store_version'")
    conn.close()
    assert "acts_with" not in _columns(path, "article_mentions")

    Store.open(path).close()

    assert "acts_with" in _columns(path, "article_mentions")
    conn = sqlite3.connect(path)
    version = conn.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()[0]
    conn.close()
    assert int(version) == STORE_VERSION == 4


def test_a_store_from_before_the_pair_table_is_filled_by_the_archive(
    tmp_path: Path, seed_file: Path
) -> None:
    """The store cannot weigh articles itself (it does not import the extract stage): an
    older store without ``article_mentions`` is filled when the archive opens it."""
    from search import pairs
    from search.archive import Archive
    from search.ingest import ingest
    from search.store import StoreError

    home = tmp_path / "home"
    with Archive.open(home) as archive:
        ingest(archive, [seed_file])
        conn = archive.store.conn
        rows = sorted(conn.execute("SELECT * FROM article_mentions"))
        assert rows
        conn.executescript("DROP TABLE article_mentions; DROP TABLE article_mentions_counts;")
    path = home / "archive.sqlite3"
    with pytest.raises(StoreError, match="pair rule"):
        Store.open(path)
    conn = sqlite3.connect(path)
    try:
        assert not pairs.has_table(conn)  # nothing was made
    finally:
        conn.close()
    with Archive.open(home) as archive:
        assert sorted(archive.store.conn.execute("SELECT * FROM article_mentions")) == rows


def test_a_version_3_store_numbers_its_articles_in_the_change_sequence(tmp_path: Path) -> None:
    """Store version 4 numbers every change (``articles.changed``): an older file's
    articles are numbered in storage order, and the next article gets the next number."""
    from search.archive import Archive
    from search.ingest import ingest

    home = tmp_path / "home"
    data = Path(__file__).parents[1] / "data"
    with Archive.open(home) as archive:
        ingest(archive, [data / "seed.txt"])
    path = home / "archive.sqlite3"
    conn = sqlite3.connect(path)
    with conn:  # what briefroom 3 wrote: no change sequence, version 3
        conn.execute("DROP INDEX articles_changed")
        conn.execute("ALTER TABLE articles DROP COLUMN changed")
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'store_version'")
    conn.close()

    with Archive.open(home) as archive:
        conn2 = archive.store.conn
        assert conn2.execute("SELECT changed = rowid FROM articles").fetchall() == [(1,)]
        ingest(archive, [data / "sample.jsonl"])
        numbers = [r[0] for r in conn2.execute("SELECT changed FROM articles ORDER BY rowid")]
    assert numbers == sorted(set(numbers)) and len(numbers) == 55
