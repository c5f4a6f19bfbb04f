"""The store on each engine: the same archive answers the same on SQLite and PostgreSQL.

The ``engine`` fixture (tests/conftest.py) runs each test on the store file, then on a
new database of a real PostgreSQL server started by the tests (`tests.pg`).  The
end-to-end test ingests the seed story and the sample corpus through the command line
on both engines and compares every answer.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from search.archive import Archive, check_archive
from search.ingest import dedup, ingest
from search.store import StoreError, add_alias, is_postgres
from tests import pg
from tui.cli import cli

DATA = Path(__file__).parents[1] / "data"
GLOBAL = ["--home", "Kazakhstan", "--as-of", "2025-06-11"]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, [*GLOBAL, *args])


def test_a_new_store_is_empty_and_versioned(engine: str, briefroom_home: Path) -> None:
    with Archive.open(briefroom_home) as archive:
        assert is_postgres(archive.store.conn) == (engine == "postgresql")
        assert archive.store.count() == 0
        assert archive.store.get_meta("store_version") == "4"
        archive.store.set_meta("note", "x")
        archive.store.set_meta("note", "y")
    with Archive.open(briefroom_home, readonly=True) as archive:
        assert archive.store.get_meta("note") == "y"


def test_articles_and_extractions_round_trip(engine: str, briefroom_home: Path) -> None:
    with Archive.open(briefroom_home) as archive:
        report = ingest(archive, [DATA / "seed.txt", DATA / "sample.jsonl"])
        assert report.added == 55
        store = archive.store
        assert store.count() == 55 and check_archive(archive).documents == 55
        assert check_archive(archive).ok
        ids = [row[0] for row in store.conn.execute("SELECT id FROM articles ORDER BY rowid")]
        article = store.get(ids[0])
        assert article is not None and article.body.startswith("OSLO")
        assert set(store.get_many(ids[:5])) == set(ids[:5])
        extraction = store.extraction(ids[0])
        assert extraction.get("mentions")
        pair_rows = store.conn.execute("SELECT count(*) FROM article_mentions").fetchone()[0]
        counts = store.conn.execute("SELECT sum(n) FROM article_mentions_counts").fetchone()[0]
        strong = store.conn.execute(
            "SELECT count(*) FROM article_mentions WHERE strong OR salient"
        ).fetchone()[0]
        assert pair_rows > 0 and counts == strong and isinstance(counts, int)
        # Ingesting the same files again adds nothing.
        again = ingest(archive, [DATA / "seed.txt", DATA / "sample.jsonl"])
        assert again.added == 0 and store.count() == 55


def test_ids_drawn_ahead_of_the_insert_are_never_given_twice(
    engine: str, briefroom_home: Path
) -> None:
    """The team store numbers a new article (and person) before inserting it, from blocks
    of its sequence: two ingests into one store interleaving their batches, and a row
    numbered by the column's default, never meet; a story of its own is its own cluster."""
    with Archive.open(briefroom_home) as first, Archive.open(briefroom_home) as second:
        ingest(first, [DATA / "seed.txt"])
        ingest(second, [DATA / "sample.jsonl"])
        first.store.conn.execute(
            "INSERT INTO people (key, surname, name) VALUES ('zz|', 'zz', 'Zz')"
        )
        first.store.conn.commit()
        # The first one's block is not used up; the other's and the default are past it.
        extra = ingest(first, [DATA / "relations_extra.jsonl"]).added
        conn = first.store.conn
        rows = conn.execute("SELECT rowid, cluster FROM articles").fetchall()
        assert extra > 0 and len(rows) == 55 + extra and len({r[0] for r in rows}) == len(rows)
        clusters = {r[1] for r in rows}
        assert {r[0] for r in rows if r[1] == r[0]} == clusters  # each cluster is a story
        people = [r[0] for r in conn.execute("SELECT id FROM people")]
        assert len(people) == len(set(people)) > 10
        # Every mention was stored with its person, none left for a later pass.
        assert (
            conn.execute("SELECT count(*) FROM person_mentions WHERE person IS NULL").fetchone()[0]
            == 0
        )
        assert (
            conn.execute(
                "SELECT count(*) FROM person_mentions m LEFT JOIN people p ON p.id = m.person "
                "WHERE p.id IS NULL"
            ).fetchone()[0]
            == 0
        )


def test_look_ups_of_many_articles_answer_as_one_at_a_time(
    engine: str, briefroom_home: Path
) -> None:
    """An ingest looks up a chunk of read articles at once: ids (and copies' ids), texts
    and sketch bands give what asking for each article gives."""
    with Archive.open(briefroom_home) as archive:
        ingest(archive, [DATA / "sample.jsonl"])
        store = archive.store
        conn = store.conn
        stored = conn.execute("SELECT id, content_hash FROM articles ORDER BY rowid").fetchall()
        twin = stored[3]
        add_alias(conn, "a-copy", store.find_by_id(twin[0]).rowid)  # type: ignore[union-attr]
        conn.commit()
        keys = [*stored[:6], ("a-copy", "no such text"), ("new", stored[5][1]), ("new2", "x")]
        many = store.find_for_ingest_many(keys)
        assert many == [(store.find_by_id(i), store.find_by_hash(h)) for i, h in keys]
        assert (
            many[-3][0].id == twin[0]
            and many[-2] == (None, many[5][0])
            and many[-1] == (None, None)
        )
        bands = [
            tuple(dedup.bands(sketch))
            for (sketch,) in conn.execute("SELECT sketch FROM articles WHERE sketch IS NOT NULL")
        ][:8]
        found = store.sketch_candidates_many(bands)
        for article in bands:
            one = sorted(  # asked band by band
                {
                    tuple(row)
                    for band, value in enumerate(article)
                    for row in conn.execute(
                        "SELECT a.rowid, a.sketch, a.date, a.cluster FROM sketch_bands b "
                        "JOIN articles a ON a.rowid = b.article WHERE b.band = ? AND b.value = ?",
                        (band, value),
                    )
                }
            )
            rows = {r for b, v in enumerate(article) for r in found.get((b, v), ())}
            assert sorted(rows) == one and one
            assert sorted(store.sketch_candidates(article)) == one


def test_a_store_from_a_newer_briefroom_is_refused(engine: str, briefroom_home: Path) -> None:
    with Archive.open(briefroom_home) as archive:
        archive.store.set_meta("store_version", "99")
    with pytest.raises(StoreError, match="newer briefroom"):
        Archive.open(briefroom_home)


def test_constraint_errors_are_sqlite_errors(engine: str, briefroom_home: Path) -> None:
    """Callers catch ``sqlite3.IntegrityError`` whatever the engine."""
    with Archive.open(briefroom_home) as archive:
        conn = archive.store.conn
        conn.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')")
        conn.commit()
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO meta (key, value) VALUES ('k', 'w')")
        conn.rollback()
        assert archive.store.get_meta("k") == "v"


def _answers() -> dict[str, object]:
    """What the command line says about the seed-and-sample archive."""
    answers: dict[str, object] = {}
    for name, args in {
        "search": ["search", "Kazakhstan", "--json", "--limit", "50"],
        "phrase": ["search", '"foreign minister"', "--json"],
        "country": ["country", "Kazakhstan", "--json"],
        "pair": ["country", "Kazakhstan", "--with", "Norway", "--json"],
        "stats": ["index", "stats", "--json"],
    }.items():
        result = run(*args)
        assert result.exit_code == 0, (name, result.stderr)
        data = json.loads(result.stdout)
        answers[name] = _without_timings(data)
    return answers


def _without_timings(data: object) -> object:
    if isinstance(data, dict):
        return {
            k: _without_timings(v)
            for k, v in data.items()
            if k
            not in ("took_ms", "elapsed_ms", "home", "store", "index_path", "path", "last_ingest")
        }
    if isinstance(data, list):
        return [_without_timings(v) for v in data]
    return data


def _brief(out: Path) -> str:
    result = run("brief", "Norway", "--date", "next Tuesday", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    text = Path(result.stdout.split()[0]).read_text()
    return re.sub(r"(?m)^(\s*generated(?:_at)?:).*$", r"\1", text)


def test_both_engines_answer_alike(
    briefroom_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ingest, search, country profile, pair summary and brief: identical on both."""
    results = []
    for engine in ("sqlite", "postgresql"):
        home = tmp_path / engine
        monkeypatch.setenv("BRIEFROOM_HOME", str(home))
        if engine == "postgresql":
            monkeypatch.setenv("BRIEFROOM_STORE", pg.new_database())
        else:
            monkeypatch.delenv("BRIEFROOM_STORE", raising=False)
        added = run("ingest", str(DATA / "seed.txt"), str(DATA / "sample.jsonl"))
        assert added.exit_code == 0, added.stderr
        results.append((_answers(), yaml.safe_load(_brief(tmp_path / f"{engine}-out"))))
    (lite, lite_brief), (team, team_brief) = results
    for name in lite:
        assert lite[name] == team[name], name
    assert lite_brief == team_brief


def test_an_unreachable_server_is_one_line_without_the_password(
    briefroom_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = pg.server()
    monkeypatch.setenv(
        "BRIEFROOM_STORE", f"postgresql://briefroom:s3cret@127.0.0.1:{server.port}/nosuchdb"
    )
    result = run("search", "Kazakhstan")
    assert result.exit_code == 1
    assert "s3cret" not in result.stderr and "nosuchdb" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_store_option_refuses_a_password(briefroom_home: Path) -> None:
    result = run("--store", "postgresql://me:secret@db.example/briefroom", "search", "x")
    assert result.exit_code == 2
    assert "pgpass" in result.stderr and "secret" not in result.stderr.replace("--store", "")


def test_store_option_and_config_choose_the_store(
    briefroom_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = pg.new_database()
    result = run("--store", url, "ingest", str(DATA / "seed.txt"))
    assert result.exit_code == 0, result.stderr
    assert not (briefroom_home / "archive.sqlite3").exists()
    os.environ.pop("BRIEFROOM_STORE", None)
    briefroom_home.mkdir(exist_ok=True)
    (briefroom_home / "config.yaml").write_text(f"store: {url}\n")
    found = run("search", "Kazakhstan", "--json")
    assert found.exit_code == 0, found.stderr
    assert json.loads(found.stdout)["total"] >= 1


def _as(role: str, url: str) -> str:
    """``url`` with another user."""
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{role}@{rest.split('@', 1)[1]}"


def _team_with_roles(roles: dict[str, str]) -> str:
    """A team store made by its owner (``store init``, then the roles of ``--print-sql``)
    with these analysts (name -> briefroom_reader or briefroom_writer); the owner's URL."""
    import psycopg

    owner = pg.new_database()
    init = run("--store", owner, "store", "init")
    assert init.exit_code == 0, init.stderr
    sql = run("store", "init", "--print-sql")
    assert sql.exit_code == 0 and "briefroom_writer" in sql.stdout
    with psycopg.connect(owner, autocommit=True) as conn:
        conn.execute(sql.stdout)
        for role, group in roles.items():
            conn.execute(
                f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') "
                f"THEN CREATE ROLE {role} LOGIN IN ROLE {group}; END IF; END $$"
            )
    return owner


def test_reader_and_writer_roles(briefroom_home: Path) -> None:
    """The owner makes the tables; a writer ingests and records; a reader searches and
    drafts, and is told plainly that it may not write."""
    owner = _team_with_roles({"alice": "briefroom_writer", "bob": "briefroom_reader"})
    writer, reader = _as("alice", owner), _as("bob", owner)
    added = run("--store", writer, "ingest", str(DATA / "seed.txt"), str(DATA / "sample.jsonl"))
    assert added.exit_code == 0, added.stderr
    meeting = run("--store", writer, "meetings", "add", "Norway", "--date", "1 July 2025")
    assert meeting.exit_code == 0, meeting.stderr

    found = run("--store", reader, "search", "Kazakhstan", "--json")
    assert found.exit_code == 0, found.stderr
    assert json.loads(found.stdout)["total"] >= 1
    pair = run("--store", reader, "country", "Kazakhstan", "--with", "Norway", "--json")
    assert pair.exit_code == 0, pair.stderr
    refused = run("--store", reader, "ingest", str(DATA / "seed.txt"))
    assert refused.exit_code == 1
    assert "bob may only read" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    refused = run("--store", reader, "meetings", "add", "Norway", "--date", "2 July 2025")
    assert refused.exit_code == 1 and "may only read" in refused.stderr


def test_a_team_store_records_the_role_that_made_a_correction(
    briefroom_home: Path,
) -> None:
    """On a team store the author is the analyst's database role, not the machine's user."""
    owner = _team_with_roles({"carol": "briefroom_writer"})
    carol = _as("carol", owner)
    assert run("--store", carol, "ingest", str(DATA / "seed.txt")).exit_code == 0
    rejected = run("--store", carol, "corrections", "reject", "person", "Roman Vassilenko")
    assert rejected.exit_code == 0, rejected.stderr
    listed = run("--store", carol, "corrections", "list", "--json")
    assert listed.exit_code == 0, listed.stderr
    assert [c["author"] for c in json.loads(listed.stdout)] == ["carol"]


def test_a_meeting_records_who_added_it(engine: str, briefroom_home: Path) -> None:
    added = run("meetings", "add", "Norway", "--date", "1 July 2025")
    assert added.exit_code == 0, added.stderr
    listed = run("meetings", "list", "--all", "--json")
    [meeting] = json.loads(listed.stdout)["meetings"]
    assert meeting["author"]  # the machine's user, or the role on a team store
    if engine == "postgresql":
        assert meeting["author"] == "briefroom"  # the test server's role


def test_kept_connections_are_reused_and_left_clean(
    briefroom_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The TUI keeps team store connections (a pool): the next open reuses the server
    session, and one handed back in the middle of a transaction comes back without it."""
    from search.store import keep, postgres

    monkeypatch.setenv("BRIEFROOM_STORE", pg.new_database())
    monkeypatch.setattr(keep, "_KEEP", {"connections": True})
    monkeypatch.setattr(postgres, "_POOLS", {})
    with Archive.open(briefroom_home) as archive:
        archive.store.conn.execute("INSERT INTO meta (key, value) VALUES ('left', 'open')")
        assert archive.store.conn.in_transaction
    backends = set()
    for _ in range(6):
        with Archive.open(briefroom_home, readonly=True) as archive:
            conn = archive.store.conn
            backends.add(conn.execute("SELECT pg_backend_pid()").fetchone()[0])
            assert not conn.in_transaction
            assert archive.store.get_meta("left") is None  # rolled back, not committed
    assert len(backends) <= 2  # the pool's connections, not one per open
    postgres.close_pools()


def test_kept_connections_to_a_stopped_server_give_up_quickly(
    briefroom_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The TUI away from a stopped server: the pool waits a few seconds once, then each
    open says at once that the server cannot be reached (a search falls back on the copy)."""
    import time

    from search.store import StoreUnreachable, keep, pg_server, postgres

    pg.server()  # skips without PostgreSQL, as the other team store tests
    monkeypatch.setattr(keep, "_KEEP", {"connections": True})
    monkeypatch.setattr(postgres, "_POOLS", {})
    server = pg_server.start()
    try:
        monkeypatch.setenv("BRIEFROOM_STORE", server.create_database())
        Archive.open(briefroom_home).close()
    finally:
        server.stop()
    for patience in (postgres._POOL_WAIT + 2.0, 2.0):
        started = time.monotonic()
        with pytest.raises(StoreUnreachable):
            Archive.open(briefroom_home, readonly=True)
        assert time.monotonic() - started < patience
    postgres.close_pools()


def test_sessions_plan_for_pages_in_memory_unless_the_server_says_otherwise(
    briefroom_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session's random_page_cost is 1.1 where the server keeps PostgreSQL's default,
    kept connections too; a value its administrator chose (here the database's) stays."""
    from search.store import Store, keep, postgres

    def page_cost(url: str) -> str:
        store = Store.open(url, readonly=True)
        try:
            return str(store.conn.execute("SHOW random_page_cost").fetchone()[0])
        finally:
            store.close()

    url, chosen = pg.new_database(), pg.new_database()
    assert page_cost(url) == "1.1"
    owner = Store.open(chosen)
    owner.conn.native(f'ALTER DATABASE "{chosen.rsplit("/", 1)[-1]}" SET random_page_cost = 2')
    owner.close()
    assert page_cost(chosen) == "2"
    monkeypatch.setattr(keep, "_KEEP", {"connections": True})
    monkeypatch.setattr(postgres, "_POOLS", {})
    assert [page_cost(url) for _ in range(3)] == ["1.1"] * 3
    assert page_cost(chosen) == "2"
    postgres.close_pools()
