"""Fixtures for the TUI tests: small archives built from tests/data, a fixed "today"."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.tui.helpers import AS_OF, DATA, build_archive, rich_extract, tui_extract
from tui.app import BriefroomApp
from tui.config import Config

PILOT_FIXTURES = frozenset({"make_app", "snap_compare"})
"""A test that asks for one of these starts the whole app under Pilot."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every Pilot test is ``slow`` (a second or more each: the app starts, keys go through
    the event loop); ``-m "not slow"`` is the fast inner loop without them.

    By fixture rather than by hand, so that a new Pilot test cannot slip into the fast
    loop.  Unit tests in these modules (no app) stay in it.
    """
    for item in items:
        if PILOT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def _archive_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("template") / "archive", DATA / "sample.jsonl")


@pytest.fixture
def archive_home(_archive_template: Path, tmp_path: Path) -> Path:
    """A private copy of an archive holding the 54 sample articles."""
    home = tmp_path / "archive"
    shutil.copytree(_archive_template, home)
    return home


@pytest.fixture(scope="session")
def _rich_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(
        tmp_path_factory.mktemp("rich") / "archive", DATA / "sample.jsonl", extractor=rich_extract
    )


@pytest.fixture
def rich_home(_rich_template: Path, tmp_path: Path) -> Path:
    """A private copy of the sample archive with people, events and commitments coded."""
    home = tmp_path / "rich"
    shutil.copytree(_rich_template, home)
    return home


@pytest.fixture
def make_app() -> Callable[..., BriefroomApp]:
    """Build the app on an archive, with a fixed as-of date and the fixed extractor.

    No debounce: the tests wait for the workers a change starts (`settle`), not for a
    pause in typing; `test_debounce.py` tests the debounce itself.
    """

    def make(home: Path, config: Config | None = None, **kwargs: object) -> BriefroomApp:
        kwargs.setdefault("as_of", AS_OF)
        kwargs.setdefault("extractor", tui_extract)
        kwargs.setdefault("debounce", False)
        return BriefroomApp(home, config or Config(), **kwargs)  # type: ignore[arg-type]

    return make
