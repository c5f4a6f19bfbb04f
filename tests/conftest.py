"""Shared fixtures: every test gets its own BRIEFROOM_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SHARED_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


@pytest.fixture(autouse=True)
def briefroom_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data home for each test (tests never touch the user's archive)."""
    home = tmp_path / "home"
    monkeypatch.setenv("BRIEFROOM_HOME", str(home))
    return home


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
