"""Shared fixtures: every test gets its own BRIEFROOM_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import pg

DATA = Path(__file__).parent / "data"
SHARED_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


@pytest.fixture(autouse=True)
def briefroom_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data home for each test (tests never touch the user's archive).

    Its store is a file in it, or, with ``BRIEFROOM_TEST_STORE=postgresql``, a new
    database of the test server (`tests.pg`).
    """
    home = tmp_path / "home"
    monkeypatch.setenv("BRIEFROOM_HOME", str(home))
    # Set, then removed: the test ends with the variable as it found it, even when the
    # command line (--store, config.yaml's store) set it in this process.
    monkeypatch.setenv("BRIEFROOM_STORE", "")
    monkeypatch.delenv("BRIEFROOM_STORE")
    if os.environ.get("BRIEFROOM_TEST_STORE") == "postgresql":
        monkeypatch.setenv("BRIEFROOM_STORE", pg.new_database())
    return home


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each engine in turn: the test runs on a store file, then on a team store."""
    if request.param == "postgresql":
        monkeypatch.setenv("BRIEFROOM_STORE", pg.new_database())
    else:
        monkeypatch.delenv("BRIEFROOM_STORE", raising=False)
    return str(request.param)


@pytest.fixture
def team_store() -> str:
    """The URL of a new empty database of the test PostgreSQL server."""
    return pg.new_database()


def pytest_sessionfinish(session: pytest.Session) -> None:
    pg.stop()


@pytest.fixture
def sample_file() -> Path:
    """The 54 demo articles (JSON Lines)."""
    return DATA / "sample.jsonl"


@pytest.fixture
def seed_file() -> Path:
    """The Kazinform story the product was designed from."""
    return DATA / "seed.txt"


@pytest.fixture
def home(briefroom_home: Path) -> Path:
    """An archive holding the seed story and the sample corpus (the briefs' CLI tests).

    A test module with an archive of its own defines its own ``home``.
    """
    from search.archive import Archive
    from search.ingest import ingest

    with Archive.open(briefroom_home) as archive:
        ingest(archive, [DATA / "seed.txt", DATA / "sample.jsonl"])
    return briefroom_home
