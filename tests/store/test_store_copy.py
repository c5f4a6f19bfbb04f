"""`briefroom store copy --to TARGET`: a store copied into an empty one, file to team
store and back, keeps every row and every key, resumes after an interruption, is not done
twice, refuses a target that holds something else, and leaves the team store's sequences
past the copied keys.

The team store's side runs against the real PostgreSQL server of `tests.pg` (skipped
without one, unless ``BRIEFROOM_REQUIRE_PG=1``).  The source is a file in these tests,
also when the suite runs on team stores (`file_stores`).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import search.archive
from briefs.api import copy_archive
from search.archive import STORE_FILE, Archive
from search.store import Store, StoreError, columns, is_postgres
from search.store.copy import CopyReport
from tests import pg
from tui.cli import cli

GLOBAL = ["--home", "Kazakhstan", "--as-of", "2025-06-11"]
# Meta values that are each store's own, or the copy's record of itself.
OWN_META = {"store_version", "store_id", "index_commit_started"}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, [*GLOBAL, *args])


def ok(*args: str) -> Result:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stderr)
    return result


def on_team_store(url: str, *args: str) -> Result:
    """Run a command with ``--store url``; the source of later copies stays the home's
    (``--store`` sets BRIEFROOM_STORE for the rest of the process)."""
    try:
        return ok("--store", url, *args)
    finally:
        os.environ.pop("BRIEFROOM_STORE", None)


@pytest.fixture
def file_stores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each home's store is the file in it unless BRIEFROOM_STORE names a team store
    (also when the whole suite runs on team stores)."""

    def location(home: Path) -> Path | str:
        url = os.environ.get("BRIEFROOM_STORE", "").strip()
        return url if url else home / STORE_FILE

    monkeypatch.setattr(search.archive, "store_location", location)


@pytest.fixture
def source(file_stores: None, home: Path) -> Path:
    """The seed-and-sample archive (a file), with a meeting, its outcome and a correction."""
    ok("meetings", "add", "Norway", "--date", "1 July 2025", "--our", "Roman Vassilenko")
    ok("meetings", "outcome", "1", "--status", "held", "--note", "Good talks",
       "--agreed", "Norway: open a consulate by 1 December",
       "--follow-up", "Halvorsen: send the draft MoU by 1 July")  # fmt: skip
    ok("corrections", "reject", "person", "Roman Vassilenko", "--note", "test")
    return home


# --------------------------------------------------------------------------- helpers


def _tables(conn: Any) -> list[str]:
    if is_postgres(conn):
        rows = conn.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
    else:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return sorted(str(row[0]) for row in rows if row[0] != "meta")


def _has_rowid(conn: Any, table: str) -> bool:
    if is_postgres(conn):
        return "rowid" in columns(conn, table)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    return "WITHOUT ROWID" not in sql.upper()


def _contents(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows (row numbers included), sorted, booleans as SQLite's 0 and 1;
    ``articles.indexed`` left out (a copy writes 0: each store has its own index)."""
    conn = store.conn
    out = {}
    for table in _tables(conn):
        names = sorted(columns(conn, table) - {"rowid", "indexed"})
        names += ["rowid"] if _has_rowid(conn, table) else []
        quoted = ", ".join(f'"{name}"' for name in names)
        rows = conn.execute(f'SELECT {quoted} FROM "{table}"').fetchall()
        plain = (tuple(int(v) if isinstance(v, bool) else v for v in row) for row in rows)
        out[table] = sorted(plain, key=repr)
    return out


def _meta(store: Store) -> dict[str, str]:
    rows = store.conn.execute("SELECT key, value FROM meta").fetchall()
    return {k: v for k, v in rows if k not in OWN_META and not k.startswith("copy_")}


def _copied_whole(source: Path, target: str | Path) -> None:
    """The store at ``target`` holds exactly what the archive in ``source`` holds."""
    with Archive.open(source) as mine:
        copied = Store.open(target)
        try:
            _same_contents(mine.store, copied)
        finally:
            copied.close()


def _same_contents(a: Store, b: Store) -> None:
    left, right = _contents(a), _contents(b)
    assert sorted(left) == sorted(right)
    for table in left:
        assert left[table] == right[table], table
    assert _meta(a) == _meta(b)


def _answers() -> dict[str, Any]:
    """What the command line says about the archive of the current home and store."""
    answers = {}
    for name, args in {
        "search": ["search", "Kazakhstan", "--json", "--limit", "50"],
        "phrase": ["search", '"foreign minister"', "--json"],
        "country": ["country", "Kazakhstan", "--json"],
        "pair": ["country", "Kazakhstan", "--with", "Norway", "--json"],
        "meetings": ["meetings", "list", "--all", "--json"],
        "corrections": ["corrections", "list", "--all", "--json"],
    }.items():
        answers[name] = _without_timings(json.loads(ok(*args).stdout))
    return answers


def _without_timings(data: Any) -> Any:
    if isinstance(data, dict):
        return {
            k: _without_timings(v) for k, v in data.items() if k not in ("took_ms", "elapsed_ms")
        }
    if isinstance(data, list):
        return [_without_timings(v) for v in data]
    return data


def _use(monkeypatch: pytest.MonkeyPatch, home: Path, store: str | None = None) -> None:
    """Point the command line at ``home`` and its file, or at the team store ``store``."""
    monkeypatch.setenv("BRIEFROOM_HOME", str(home))
    if store:
        monkeypatch.setenv("BRIEFROOM_STORE", store)
    else:
        monkeypatch.delenv("BRIEFROOM_STORE", raising=False)


def _copy(source_home: Path, target: str | Path, **options: Any) -> CopyReport:
    return copy_archive(source_home, target, **options)


# --------------------------------------------------------------------------- round trip


def test_file_to_team_store_and_back_keeps_every_row_and_answer(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite -> PostgreSQL -> SQLite: identical tables (keys included), identical searches,
    pair summaries, meetings and corrections."""
    expected = _answers()
    url = pg.new_database()
    there = _copy(source, url)
    assert there.copied > 0 and not there.resumed and not there.already_complete
    assert dict(there.rows)["articles"] == 55 and dict(there.rows)["meetings"] == 1

    back = tmp_path / "laptop"
    monkeypatch.setenv("BRIEFROOM_STORE", url)
    _copy(tmp_path / "team-home", back / STORE_FILE)
    monkeypatch.delenv("BRIEFROOM_STORE")

    with Archive.open(source) as mine:
        team, laptop = Store.open(url), Store.open(back / STORE_FILE)
        try:
            _same_contents(mine.store, team)
            _same_contents(mine.store, laptop)
            for copied in (team, laptop):
                assert copied.indexed_count() == 0  # each builds its own index
                assert copied.get_meta("store_id") != mine.store.get_meta("store_id")
        finally:
            team.close()
            laptop.close()

    _use(monkeypatch, back)
    assert _answers() == expected
    _use(monkeypatch, tmp_path / "analyst", url)
    assert _answers() == expected


def test_the_pair_counts_are_the_sources_exactly(
    file_stores: None, home: Path, tmp_path: Path
) -> None:
    """The triggers count the copied pair rows as they arrive; the copy then makes the
    count table the source's, a country counted down to 0 included."""
    with Archive.open(home) as archive:
        conn = archive.store.conn
        code = conn.execute(
            "SELECT code FROM article_mentions WHERE strong OR salient GROUP BY code "
            "HAVING count(*) = 1 ORDER BY code LIMIT 1"
        ).fetchone()[0]
        with conn:
            conn.execute("DELETE FROM article_mentions WHERE code = ?", (code,))
        assert conn.execute(
            "SELECT n FROM article_mentions_counts WHERE code = ?", (code,)
        ).fetchone() == (0,)
        counts = sorted(conn.execute("SELECT code, n FROM article_mentions_counts").fetchall())
    url = pg.new_database()
    for target in (url, tmp_path / "copy.sqlite3"):
        _copy(home, target)
        copied = Store.open(target)
        try:
            rows = copied.conn.execute("SELECT code, n FROM article_mentions_counts").fetchall()
            assert sorted(rows) == counts
        finally:
            copied.close()


# --------------------------------------------------------------------------- resume


class Stop(Exception):
    """The copy is interrupted."""


def _stopping_after(batches: int) -> Any:
    """A progress callback that interrupts the copy after ``batches`` committed batches."""
    seen: dict[str, int] = {}
    count = 0

    def progress(table: str, done: int, total: int) -> None:
        nonlocal count
        if table in seen and done > seen[table]:
            count += 1
            if count >= batches:
                raise Stop
        seen[table] = done

    return progress


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_an_interrupted_copy_resumes_to_the_same_result(
    engine: str, source: Path, tmp_path: Path
) -> None:
    target: str | Path = pg.new_database() if engine == "postgresql" else tmp_path / "t.sqlite3"
    with pytest.raises(Stop):
        _copy(source, target, batch=20, progress=_stopping_after(2))
    partial = Store.open(target)
    try:
        assert partial.count() == 40  # two batches of articles committed, no more
        assert partial.get_meta("copy_table:articles") is not None
        assert partial.get_meta("copy_done") is None
    finally:
        partial.close()
    told: list[tuple[str, int, int]] = []
    report = _copy(source, target, batch=20, progress=lambda *a: told.append(a))
    assert report.resumed and report.copied == sum(n for _, n in report.rows) - 40
    assert ("articles", 40, 55) in told and ("articles", 55, 55) in told
    _copied_whole(source, target)


def test_a_copy_killed_with_sigkill_resumes(source: Path) -> None:
    """A real ``briefroom store copy`` killed mid-table (one row per batch, so the kill
    lands inside the copy) resumes to the same rows."""
    url = pg.new_database()
    env = {k: v for k, v in os.environ.items() if k != "BRIEFROOM_STORE"}
    command = [sys.executable, "-m", "tui.cli", "store", "copy", "--to", url, "--batch", "1"]
    copying = subprocess.Popen(
        command, env=dict(env, BRIEFROOM_HOME=str(source)), stderr=subprocess.PIPE
    )
    assert copying.stderr is not None
    first = copying.stderr.readline()  # one table copied: the next is under way
    copying.send_signal(signal.SIGKILL)
    copying.wait()
    assert first.startswith(b"articles: 55 rows")
    killed = Store.open(url)
    try:
        assert killed.get_meta("copy_done") is None and killed.count() == 55
    finally:
        killed.close()
    report = _copy(source, url)
    assert report.resumed and not report.already_complete
    _copied_whole(source, url)


def test_a_finished_copy_is_not_done_twice(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    _copy(source, target)
    again = _copy(source, target)
    assert again.already_complete and again.copied == 0 and not again.changed_since
    assert "already a complete copy" in again.summary() and "nothing to do" in again.summary()
    ok("meetings", "add", "Norway", "--date", "3 July 2025")  # the source changes
    changed = _copy(source, target)
    assert changed.already_complete and changed.changed_since
    assert "changed since" in changed.summary()


def test_a_resume_from_a_source_that_changed_is_refused(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    with pytest.raises(Stop):
        _copy(source, target, batch=20, progress=_stopping_after(1))
    ok("meetings", "add", "Norway", "--date", "3 July 2025")
    with pytest.raises(StoreError, match="changed since; empty the target and copy again"):
        _copy(source, target)


# --------------------------------------------------------------------------- refusals


def test_a_target_holding_something_else_is_refused(
    source: Path, seed_file: Path, tmp_path: Path
) -> None:
    url = pg.new_database()
    on_team_store(url, "ingest", str(seed_file))
    with pytest.raises(StoreError) as caught:
        _copy(source, url)
    message = str(caught.value)
    assert "not empty (it holds 1 article)" in message
    assert "store copy fills an empty store" in message
    assert "password" not in message and "\n" not in message
    # A copy of another store is not resumed from this one either.
    other = tmp_path / "other"
    (other).mkdir()
    with Archive.open(other):
        pass
    target = tmp_path / "copy.sqlite3"
    _copy(other, target)
    with pytest.raises(StoreError, match="a copy of another store"):
        _copy(source, target)


def test_a_file_target_must_be_a_store_and_not_a_link(source: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    with pytest.raises(StoreError, match="exists and is not a briefroom store"):
        _copy(source, notes)
    assert notes.read_text() == "my notes\n"
    link = tmp_path / "link.sqlite3"
    link.symlink_to(tmp_path / "elsewhere.sqlite3")
    with pytest.raises(StoreError, match="symbolic link"):
        _copy(source, link)
    assert not (tmp_path / "elsewhere.sqlite3").exists()
    with pytest.raises(StoreError, match="is the store being copied"):
        _copy(source, source / STORE_FILE)


def test_a_writer_role_may_not_move_the_sequences(source: Path) -> None:
    """Keeping the source's ids means moving the team store's sequences: its owner may,
    an analyst's briefroom_writer role may not, and is told so before anything is copied."""
    import psycopg

    owner = pg.new_database()
    on_team_store(owner, "store", "init")
    with psycopg.connect(owner, autocommit=True) as conn:
        conn.execute(ok("store", "init", "--print-sql").stdout)
        conn.execute(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dora') "
            "THEN CREATE ROLE dora LOGIN IN ROLE briefroom_writer; END IF; END $$"
        )
    writer = owner.replace("briefroom@", "dora@")
    with pytest.raises(StoreError, match="the role dora may not move the id sequence"):
        _copy(source, writer)
    assert _copy(source, owner).rows


# --------------------------------------------------------------------------- after the copy


def test_writes_after_the_copy_take_new_keys(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An ingest, a meeting, an outcome and a correction in the team store after the copy
    number their rows past the copied ones."""
    url = pg.new_database()
    _copy(source, url)
    store = Store.open(url)
    keys = {"articles": "rowid", "person_mentions": "rowid", "people": "id", "meetings": "id",
            "meeting_outcomes": "id", "corrections": "id"}  # fmt: skip
    before = {
        table: store.conn.execute(f"SELECT max({key}) FROM {table}").fetchone()[0]
        for table, key in keys.items()
    }
    new = tmp_path / "new.txt"
    new.write_text(
        "ASTANA. KAZINFORM - Kazakh Foreign Minister Murat Nurtleu met Norwegian Foreign "
        "Minister Espen Barth Eide in Astana on Monday. The ministers discussed energy "
        "cooperation and agreed to hold political consultations in Oslo next year.\n"
    )
    monkeypatch.setenv("BRIEFROOM_HOME", str(tmp_path / "analyst"))
    on_team_store(url, "ingest", str(new))
    on_team_store(url, "meetings", "add", "Norway", "--date", "2 July 2025")
    on_team_store(url, "meetings", "outcome", "2", "--status", "postponed")
    on_team_store(url, "corrections", "reject", "person", "Audun Halvorsen")
    for table, key in keys.items():
        first_new = store.conn.execute(
            f"SELECT min({key}) FROM {table} WHERE {key} > ?", (before[table],)
        ).fetchone()[0]
        if table == "people" and first_new is None:
            continue  # everyone named was known already
        assert first_new == before[table] + 1, table
    for table in ("person_mentions", "events", "aliases", "commitments"):
        distinct, rows = store.conn.execute(
            f"SELECT count(DISTINCT rowid), count(*) FROM {table}"
        ).fetchone()
        assert distinct == rows, table
    counted = store.conn.execute("SELECT sum(n) FROM article_mentions_counts").fetchone()[0]
    strong = store.conn.execute(
        "SELECT count(*) FROM article_mentions WHERE strong OR salient"
    ).fetchone()[0]
    assert counted == strong
    store.close()


# --------------------------------------------------------------------------- command line


def test_the_command_line_copies_resumes_and_refuses(
    source: Path, seed_file: Path, tmp_path: Path
) -> None:
    url = pg.new_database()
    done = run("store", "copy", "--to", url, "--batch", "25")
    assert done.exit_code == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert "articles: 55 rows" in lines and "meetings: 1 row" in lines
    assert lines[-1].startswith("copied ") and "55 articles" in lines[-1]
    assert "build their search index at their first search" in lines[-1]
    again = run("store", "copy", "--to", url)
    assert again.exit_code == 0 and "already a complete copy" in again.stderr

    foreign = pg.new_database()
    on_team_store(foreign, "ingest", str(seed_file))
    refused = run("store", "copy", "--to", foreign)
    assert refused.exit_code == 1
    assert refused.stderr.strip().splitlines() == [
        f"briefroom: {foreign}: not empty (it holds 1 article); store copy fills an empty store"
    ]

    secret = run("store", "copy", "--to", "postgresql://me:s3cret@db.example/briefroom")
    assert secret.exit_code == 2 and "pgpass" in secret.stderr
    assert "s3cret" not in secret.stderr.replace("--to", "")
    other = run("store", "copy", "--to", "mysql://db.example/briefroom")
    assert other.exit_code == 2 and "postgresql://" in other.stderr
    file_copy = run("store", "copy", "--to", str(tmp_path / "laptop.sqlite3"))
    assert file_copy.exit_code == 0, file_copy.stderr
    notes = tmp_path / "notes.txt"
    notes.write_text("x")
    not_a_store = run("store", "copy", "--to", str(notes))
    assert not_a_store.exit_code == 1
    assert len(not_a_store.stderr.strip().splitlines()) == 1
