"""Shared fixtures: every test gets its own BRIEFROOM_HOME."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import pg

DATA = Path(__file__).parent / "data"
SHARED_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


@pytest.fixture(autouse=True)
def briefroom_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data home for each test (tests never touch the user's archive).

    Its store is a file in it, or, with ``BRIEFROOM_TEST_STORE=postgresql``, a database
    of the test server (`team_store_per_home`).
    """
    home = tmp_path / "home"
    monkeypatch.setenv("BRIEFROOM_HOME", str(home))
    # Set, then removed: the test ends with the variable as it found it, even when the
    # command line (--store, config.yaml's store) set it in this process.
    monkeypatch.setenv("BRIEFROOM_STORE", "")
    monkeypatch.delenv("BRIEFROOM_STORE")
    return home


_STORE_FILE_LOCATION: Any = None


@pytest.fixture(autouse=True, scope="session")
def team_store_per_home() -> Iterator[None]:
    """With ``BRIEFROOM_TEST_STORE=postgresql``: each home folder's store is a database of
    the test server instead of a file in it (module fixtures' archives included)."""
    if os.environ.get("BRIEFROOM_TEST_STORE") != "postgresql":
        yield
        return
    import search.archive

    # Started here, on the main thread: the server dies with the thread that started it,
    # which must not be a worker thread of the app under test.
    pg.server()
    original = search.archive.store_location
    databases: dict[Path, str] = {}

    def location(home: Path) -> Path | str:
        named = os.environ.get("BRIEFROOM_STORE")
        if named:
            return named
        key = Path(home).resolve()
        if key not in databases:
            # A home copied from another (a module's template archive) brings the name of
            # its database along: the copy gets a copy of that database.
            marker = key / ".test-store"
            copied = marker.read_text() if marker.exists() else None
            databases[key] = pg.new_database(copy_of=copied)
            key.mkdir(parents=True, exist_ok=True)
            marker.write_text(databases[key])
        return databases[key]

    global _STORE_FILE_LOCATION
    _STORE_FILE_LOCATION = original
    search.archive.store_location = location
    yield
    search.archive.store_location = original


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each engine in turn: the test runs on a store file, then on a team store."""
    import search.archive

    if request.param == "postgresql":
        monkeypatch.setenv("BRIEFROOM_STORE", pg.new_database())
    else:
        monkeypatch.delenv("BRIEFROOM_STORE", raising=False)
        if _STORE_FILE_LOCATION is not None:  # the whole suite runs on team stores
            monkeypatch.setattr(search.archive, "store_location", _STORE_FILE_LOCATION)
    return str(request.param)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if os.environ.get("BRIEFROOM_TEST_STORE") != "postgresql":
        return
    skip = pytest.mark.skip(
        reason="a test of the SQLite store file; the suite runs on a team store"
    )
    for item in items:
        if item.get_closest_marker("store_file"):
            item.add_marker(skip)


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
