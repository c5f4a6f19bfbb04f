"""Each analyst's index of a team store, synced by the store's change sequence (#15).

Two analysts share one database of the real test server (`tests.pg`), each with a home
folder (their own index and local copy).  What one ingests, the other's next search
finds; a sync reads only what changed; a re-extraction is synced as an update; away from
the server the last synced copy is searched and says since when; a server lost during
a sync leaves the copy as it was.  Several ingesters writing at once end with the
articles of one ingest, no duplicate.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from search.archive import Archive, check_archive, ensure_index
from search.index import SearchIndex, team_sync
from search.index.team_sync import sync_state, sync_team_index
from search.ingest import ingest
from search.store import StoreUnreachable, pg_server
from tests import pg
from tui.cli import cli

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture
def team_url(monkeypatch: pytest.MonkeyPatch) -> str:
    url = pg.new_database()
    monkeypatch.setenv("BRIEFROOM_STORE", url)
    return url


def as_analyst(home: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env={"BRIEFROOM_HOME": str(home)})


def one_article(path: Path, n: int, text: str = "") -> Path:
    body = text or (
        f"ASTANA. Kazakhstan and Norway held talks on wind energy number {n} today. The "
        "ministers agreed to meet again in Oslo next spring to sign a memorandum."
    )
    path.write_text(json.dumps({"id": f"extra-{n}", "title": f"Wind talks {n}",
                                "date": "2025-06-10", "body": body}) + "\n")  # fmt: skip
    return path


def bob_behind_alice(tmp_path: Path) -> Path:
    """Alice ingests the seed story, Bob's search syncs it, Alice adds the sample corpus:
    Bob's home, 54 articles behind."""
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    with Archive.open(alice) as archive:
        ingest(archive, [DATA / "seed.txt"])
    assert search_ids(bob, "Kazakhstan")
    with Archive.open(alice) as archive:
        ingest(archive, [DATA / "sample.jsonl"])
    return bob


def search_ids(home: Path, query: str) -> list[str]:
    result = as_analyst(home, "search", query, "--all", "--json")
    assert result.exit_code == 0, result.output
    return [hit["id"] for hit in json.loads(result.stdout)["hits"]]


def test_what_one_analyst_ingests_the_others_next_search_finds(
    team_url: str, tmp_path: Path
) -> None:
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    assert (
        as_analyst(alice, "ingest", str(DATA / "seed.txt"), str(DATA / "sample.jsonl")).exit_code
        == 0
    )
    result = as_analyst(bob, "search", "Kazakhstan", "--json")
    assert result.exit_code == 0, result.output
    assert "synced 55 new or changed articles from the team store" in result.stderr
    assert search_ids(bob, "Kazakhstan") == search_ids(alice, "Kazakhstan")
    assert "index healthy: 55 documents" in as_analyst(bob, "index", "check").output

    # Alice adds one: Bob's index is behind by one, until his next search or sync.
    assert as_analyst(alice, "ingest", str(one_article(tmp_path / "a.jsonl", 1))).exit_code == 0
    behind = as_analyst(bob, "index", "check")
    assert behind.exit_code == 1
    assert "1 articles of the team store changed since this index was last synced" in behind.output
    assert "repair with: briefroom index sync" in behind.output
    synced = as_analyst(bob, "index", "sync")
    assert synced.exit_code == 0 and "1 new or changed articles" in synced.stderr
    assert "extra-1" in search_ids(bob, "wind")
    again = as_analyst(bob, "index", "sync")
    assert "index synced: 0 new or changed articles" in again.stderr


@pytest.mark.parametrize("writers", ["one writer", "two sub-process writers"])
def test_a_sync_reads_only_what_changed_and_updates_what_was_reextracted(
    team_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writers: str
) -> None:
    if writers == "two sub-process writers":
        monkeypatch.setattr(team_sync, "SYNC_TWO_WRITERS_FROM", 1)
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    with Archive.open(alice) as archive:
        ingest(archive, [DATA / "sample.jsonl"])
    with Archive.open(bob, readonly=True) as archive, archive.write_lock():
        first = sync_team_index(archive.store, archive.index)
        assert first.rebuilt and first.written == 54
        nothing = sync_team_index(archive.store, archive.index)
        assert not nothing.rebuilt and nothing.written == 0 and nothing.change == first.change
    # An article re-extracted gets a new number: synced again, replacing its document.
    with Archive.open(alice) as archive:
        rowid = archive.store.conn.execute("SELECT min(rowid) FROM articles").fetchone()[0]
        archive.store.conn.execute(
            "UPDATE articles SET countries = 'NOR', changed = "
            "(SELECT max(changed) + 1 FROM articles) WHERE rowid = ?",
            (rowid,),
        )
        archive.store.conn.commit()
    with Archive.open(bob, readonly=True) as archive, archive.write_lock():
        update = sync_team_index(archive.store, archive.index)
        assert update.written == 1 and not update.rebuilt
        health = check_archive(archive)
        assert health.ok and health.documents == 54, health.problems


def test_away_from_the_server_the_last_copy_is_searched_and_says_since_when(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pg.server()  # skips without PostgreSQL, as the other team store tests
    server = pg_server.start()  # a server of its own, to stop
    try:
        url = server.create_database()
        monkeypatch.setenv("BRIEFROOM_STORE", url)
        alice, bob = tmp_path / "alice", tmp_path / "bob"
        assert as_analyst(alice, "ingest", str(DATA / "sample.jsonl")).exit_code == 0
        before = search_ids(bob, "Norway")
        assert before
    finally:
        server.stop()
    result = as_analyst(bob, "search", "Norway", "--all", "--json")
    assert result.exit_code == 0, result.output
    assert "cannot connect to the team store" in result.stderr
    assert "searching this machine's copy of the archive as last synced, at 20" in result.stderr
    assert [hit["id"] for hit in json.loads(result.stdout)["hits"]] == before
    checked = as_analyst(bob, "index", "check")
    assert checked.exit_code == 1 and "cannot connect to the team store" in checked.output
    # Commands that need the server say so in one line.
    profile = as_analyst(bob, "country", "Norway")
    assert profile.exit_code == 1 and "cannot connect to the team store" in profile.stderr


def test_a_server_lost_during_a_sync_leaves_the_last_copy_searchable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pg.server()  # skips without PostgreSQL, as the other team store tests
    server = pg_server.start()  # a server of its own, stopped in the middle of a sync
    try:
        monkeypatch.setenv("BRIEFROOM_STORE", server.create_database())
        bob = bob_behind_alice(tmp_path)
        state = sync_state(SearchIndex(bob / "index"))
        monkeypatch.setattr(team_sync, "PAGE", 10)

        def stop_the_server(done: int, total: int) -> None:
            server.stop()

        with Archive.open(bob, readonly=True) as archive, archive.write_lock():
            with pytest.raises(StoreUnreachable, match="stopped answering during the index sync"):
                sync_team_index(archive.store, archive.index, progress=stop_the_server)
    finally:
        server.stop()
    assert sync_state(SearchIndex(bob / "index")) == state  # nothing half-synced recorded
    result = as_analyst(bob, "search", "Kazakhstan", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["hits"], result.output
    assert "searching this machine's copy of the archive as last synced" in result.stderr


def _ingest_in_process(url: str, home: str, path: str) -> tuple[int, int]:
    os.environ["BRIEFROOM_STORE"] = url
    with Archive.open(Path(home)) as archive:
        report = ingest(archive, [Path(path)], lock_wait=60)
    return report.added, len(report.rejected)


def _halves(tmp_path: Path) -> tuple[Path, Path, Path]:
    lines = (DATA / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    first, second, middle = (
        tmp_path / "first.jsonl",
        tmp_path / "second.jsonl",
        tmp_path / "mid.jsonl",
    )
    first.write_text("\n".join(lines[:27]) + "\n")
    second.write_text("\n".join(lines[27:]) + "\n")
    middle.write_text("\n".join(lines[13:41]) + "\n")
    return first, second, middle


@pytest.mark.slow
def test_four_ingesters_at_once_store_what_one_ingest_does(team_url: str, tmp_path: Path) -> None:
    first, second, middle = _halves(tmp_path)
    jobs = [first, second, middle, first]  # disjoint halves, and overlapping ones
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        results = pool.starmap(
            _ingest_in_process,
            [(team_url, str(tmp_path / f"analyst{i}"), str(path)) for i, path in enumerate(jobs)],
        )
    assert all(rejected == 0 for _added, rejected in results)
    assert sum(added for added, _ in results) == 54  # each article stored once, by someone
    single = tmp_path / "single"
    os.environ.pop("BRIEFROOM_STORE")
    with Archive.open(single) as archive:
        ingest(archive, [DATA / "sample.jsonl"])
        expected = archive.store.conn.execute(
            "SELECT id, content_hash FROM articles ORDER BY id"
        ).fetchall()
    os.environ["BRIEFROOM_STORE"] = team_url
    with Archive.open(tmp_path / "reader", readonly=True) as archive:
        conn = archive.store.conn
        stored = conn.execute("SELECT id, content_hash FROM articles ORDER BY id").fetchall()
        assert [tuple(r) for r in stored] == [tuple(r) for r in expected]
        numbers = [r[0] for r in conn.execute("SELECT changed FROM articles ORDER BY changed")]
        assert len(set(numbers)) == len(numbers)  # the change sequence has no tie
        assert ensure_index(archive) and check_archive(archive).ok


def test_a_sync_killed_between_the_index_and_the_copy_leaves_no_duplicate(
    team_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bob = bob_behind_alice(tmp_path)

    def killed(*args: object) -> None:
        raise SystemError("killed")  # after the index's commit, before the copy's

    with Archive.open(bob, readonly=True) as archive, archive.write_lock():
        with monkeypatch.context() as patch:
            patch.setattr(team_sync, "_finish", killed)
            with pytest.raises(SystemError, match="killed"):
                sync_team_index(archive.store, archive.index)
        again = sync_team_index(archive.store, archive.index)
        assert again.unsure and again.written == 54
        health = check_archive(archive)
        assert health.ok and health.documents == 55, health.problems
