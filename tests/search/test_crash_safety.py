"""Killing ``briefroom ingest`` with SIGKILL at random moments loses nothing.

A real subprocess is killed; running the ingest again must end with exactly the
articles (ids, contents, clusters) a clean run gives, and a healthy index.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from search.archive import Archive, check_archive

# The ingest runs in another process, on the store file (a team store: #15 fault tests).
pytestmark = [pytest.mark.slow, pytest.mark.store_file]


def _corpus(sample_file: Path, out: Path, n: int) -> Path:
    """N distinct articles assembled from the demo corpus's paragraphs."""
    records = [json.loads(line) for line in sample_file.read_text(encoding="utf-8").splitlines()]
    paragraphs = [p for r in records for p in str(r["body"]).split("\n\n") if len(p) > 80]
    rng = random.Random(7)
    with out.open("w", encoding="utf-8") as f:
        for i in range(n):
            body = "\n\n".join(rng.sample(paragraphs, 4))
            record = {"id": f"synthetic-{i}", "title": f"{records[i % len(records)]['title']} ({i})",
                      "date": records[i % len(records)]["date"], "source": "Test wire", "body": body}  # fmt: skip
            f.write(json.dumps(record) + "\n")
    return out


def _run(home: Path, path: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, BRIEFROOM_HOME=str(home))
    return subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "ingest", str(path), "--wait", "30"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _state(home: Path) -> list[tuple[object, ...]]:
    with Archive.open(home) as archive:
        return archive.store.conn.execute(
            "SELECT a.id, a.content_hash, c.id FROM articles a "
            "JOIN articles c ON c.rowid = a.cluster ORDER BY a.id"
        ).fetchall()


def test_sigkill_then_rerun_matches_a_clean_run(tmp_path: Path, sample_file: Path) -> None:
    corpus = _corpus(sample_file, tmp_path / "corpus.jsonl", 2500)
    clean_home = tmp_path / "clean"
    started = time.monotonic()
    clean = _run(clean_home, corpus)
    assert clean.wait(timeout=600) == 0, clean.stderr.read() if clean.stderr else ""
    clean_seconds = time.monotonic() - started

    home = tmp_path / "killed"
    rng = random.Random(11)
    for _attempt in range(3):
        proc = _run(home, corpus)
        # A real wait: the kill must land at a random moment of a running process (the
        # point of the test); no event marks "mid-ingest" from outside.
        time.sleep(rng.uniform(0.3, max(0.4, clean_seconds * 0.9)))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    final = _run(home, corpus)
    assert final.wait(timeout=600) == 0, final.stderr.read() if final.stderr else ""

    assert _state(home) == _state(clean_home)
    with Archive.open(home) as archive:
        health = check_archive(archive)
        assert health.ok, health.problems
        assert health.documents == 2500
