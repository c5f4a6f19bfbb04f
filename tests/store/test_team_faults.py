"""Faults of a team store's ingest: an ingester killed at random moments (SIGKILL of a
real ``briefroom ingest`` process) leaves the server consistent (every stored article
with all of its rows, though a batch holds them back to send a table at a time), and a
rerun ends with exactly the articles, texts and stories a clean run gives (#15)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from search.archive import Archive, check_archive
from tests import pg
from tests.search.test_crash_safety import _corpus
from tests.store.test_team_batches import _consistent

pytestmark = pytest.mark.slow


def _run(home: Path, url: str, path: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, BRIEFROOM_HOME=str(home), BRIEFROOM_STORE=url)
    return subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "ingest", str(path), "--wait", "30"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _state(home: Path, url: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    monkeypatch.setenv("BRIEFROOM_STORE", url)
    with Archive.open(home, readonly=True) as archive:
        conn = archive.store.conn
        # Every stored article has its extraction (nothing half written).
        assert conn.execute(
            "SELECT count(*) FROM articles WHERE extraction = '{}'"
        ).fetchone()[0] == 0  # fmt: skip
        # ... nor any of its rows, which a batch sends a table at a time.
        _consistent(conn)
        return [
            tuple(row)
            for row in conn.execute(
                "SELECT a.id, a.content_hash, c.id FROM articles a "
                "JOIN articles c ON c.rowid = a.cluster ORDER BY a.id"
            )
        ]


def test_a_killed_ingester_leaves_the_team_store_consistent_and_a_rerun_completes_it(
    tmp_path: Path, sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(sample_file, tmp_path / "corpus.jsonl", 1500)
    clean_url, url = pg.new_database(), pg.new_database()
    started = time.monotonic()
    clean = _run(tmp_path / "clean", clean_url, corpus)
    assert clean.wait(timeout=600) == 0, clean.stderr.read() if clean.stderr else ""
    clean_seconds = time.monotonic() - started

    rng = random.Random(5)
    for _attempt in range(3):
        proc = _run(tmp_path / "killed", url, corpus)
        # A real wait: the kill must land at a random moment of a running process.
        time.sleep(rng.uniform(0.5, max(0.6, clean_seconds * 0.9)))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    final = _run(tmp_path / "killed", url, corpus)
    assert final.wait(timeout=600) == 0, final.stderr.read() if final.stderr else ""

    assert _state(tmp_path / "killed", url, monkeypatch) == _state(
        tmp_path / "clean", clean_url, monkeypatch
    )
    # Another analyst's first search syncs all of it.
    with Archive.open(tmp_path / "reader", readonly=True) as archive:
        from search.archive import ensure_index

        ensure_index(archive)
        health = check_archive(archive)
        assert health.ok and health.documents == 1500, health.problems
