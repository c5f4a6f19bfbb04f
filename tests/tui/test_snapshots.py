"""Screenshots of each screen at 80x24 and 160x48 (pytest-textual-snapshot).

Fixed data (tests/data/sample.jsonl with the fixed extractor), a fixed as-of date and
ingest time, no clocks, cursors that do not blink.  Review snapshot_report.html before
accepting changes with ``--snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.tui.helpers import freeze_cursors, settle

NARROW = (80, 24)
WIDE = (160, 48)


def _keys(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
def test_dashboard(snap_compare, archive_home: Path, make_app, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        freeze_cursors(pilot)

    assert snap_compare(make_app(archive_home), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
def test_search_results(snap_compare, archive_home: Path, make_app, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("slash", *_keys("foreign minister"), "ctrl+o")  # date order: stable
        await settle(pilot)
        await pilot.press("enter", "down")
        await settle(pilot)
        freeze_cursors(pilot)

    assert snap_compare(make_app(archive_home), terminal_size=size, run_before=run_before)


def test_search_error(snap_compare, archive_home: Path, make_app) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("slash", "tab", *_keys("Atlantis"))
        await settle(pilot)
        freeze_cursors(pilot)

    assert snap_compare(make_app(archive_home), terminal_size=NARROW, run_before=run_before)


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
def test_article_reader(snap_compare, archive_home: Path, make_app, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        pilot.app.open_article("statedept-2022-05-20-dd971f7e94")  # type: ignore[attr-defined]
        await settle(pilot)
        freeze_cursors(pilot)

    assert snap_compare(make_app(archive_home), terminal_size=size, run_before=run_before)


def test_help(snap_compare, archive_home: Path, make_app) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(make_app(archive_home), terminal_size=NARROW, run_before=run_before)


def test_ingest_dialog(snap_compare, archive_home: Path, make_app) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        freeze_cursors(pilot)

    assert snap_compare(make_app(archive_home), terminal_size=NARROW, run_before=run_before)


def test_light_theme(snap_compare, archive_home: Path, make_app) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()

    assert snap_compare(make_app(archive_home), terminal_size=NARROW, run_before=run_before)


# --------------------------------------------------------------------------- countries, meetings
# On the archive coded by `rich_extract` (people per side, events, commitments), home USA.


def test_country_profile(snap_compare, rich_home: Path, make_app) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.app.open_country("KAZ")  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("right_square_bracket")  # people, with roles
        await settle(pilot)
        freeze_cursors(pilot)

    app = make_app(rich_home, home_country="USA")
    assert snap_compare(app, terminal_size=NARROW, run_before=run_before)


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
def test_pair_view(snap_compare, rich_home: Path, make_app, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        pilot.app.open_pair("USA", "KAZ")  # type: ignore[attr-defined]
        await settle(pilot)

    app = make_app(rich_home, home_country="USA")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_meeting_form(snap_compare, rich_home: Path, make_app) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("a", *_keys("Kazakhstan"), "enter", *_keys("next Tuesday"))
        await settle(pilot)
        freeze_cursors(pilot)

    app = make_app(rich_home, home_country="USA")
    assert snap_compare(app, terminal_size=NARROW, run_before=run_before)


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
def test_meeting_brief(
    snap_compare, rich_home: Path, make_app, tmp_path: Path, size: tuple[int, int]
) -> None:
    from briefs.api import save_meeting
    from briefs.meeting_model import Meeting

    save_meeting(rich_home, Meeting("KAZ", "2022-07-05", "next Tuesday", title="Consultations",
                                    place="Astana", participants=("Tileuberdi",)))  # fmt: skip
    save_meeting(rich_home, Meeting("NOR", "2022-06-20", "20 June"))  # a past one, dimmed

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)

    app = make_app(rich_home, home_country="USA", briefs_dir=tmp_path / "briefs")
    assert snap_compare(app, terminal_size=size, run_before=run_before)
