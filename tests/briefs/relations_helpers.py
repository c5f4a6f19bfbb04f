"""Archives for the relationship-summary tests, built with the real ingest pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
SEED = DATA / "seed.txt"
SAMPLE = DATA / "sample.jsonl"
EXTRA = DATA / "relations_extra.jsonl"


def build_home(home: Path, *paths: Path) -> Path:
    """Ingest ``paths`` into a new archive at ``home`` (the product pipeline)."""
    from search.archive import Archive
    from search.ingest import ingest

    with Archive.open(home) as archive:
        report = ingest(archive, list(paths))
    assert not report.rejected, report.rejected
    return home


def copy_home(template: Path, target: Path) -> Path:
    """A private copy of a built archive (the store only; the index is derived)."""
    target.mkdir(parents=True, exist_ok=True)
    # The store file, or the name of a test team store's database (tests/conftest.py).
    for name in ("archive.sqlite3", ".test-store"):
        if (template / name).exists():
            shutil.copy2(template / name, target / name)
    return target
