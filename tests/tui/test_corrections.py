"""Pilot tests: the analyst corrects the machine, in the pair view and the article view.

The archive is the sample corpus ingested with the product's own extract stage (people,
engagements and the registry are real), copied for each test.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from search.archive import Archive
from search.ingest import ingest
from tests.tui.helpers import DATA, settle
from tui.screens.article import ArticleScreen
from tui.screens.correction_form import CorrectionForm
from tui.screens.dialogs import ConfirmDialog
from tui.screens.extraction import ExtractionScreen
from tui.screens.pair import PairScreen

SIZE = (120, 36)
CALL = "statedept-2021-08-13-c56073897c"  # Blinken's call with Tileuberdi


@pytest.fixture(scope="module")
def _real_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("real") / "archive"
    with Archive.open(home) as archive:
        report = ingest(archive, [DATA / "sample.jsonl"])
        assert not report.rejected
    return home


@pytest.fixture
def real_home(_real_template: Path, tmp_path: Path) -> Path:
    home = tmp_path / "real"
    shutil.copytree(_real_template, home)
    return home


def _corrections(home: Path) -> list[tuple[str, str]]:
    conn = Archive.open(home).store.conn
    try:
        return conn.execute("SELECT kind, target FROM corrections WHERE undone IS NULL").fetchall()
    finally:
        conn.close()


async def _pair(pilot, app) -> PairScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    app.push_screen(PairScreen("USA", "KAZ"))
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, PairScreen) and screen.view is not None
    return screen


async def test_reject_an_engagement_in_the_pair_view(real_home: Path, make_app) -> None:
    app = make_app(real_home, home_country="USA", extractor=None)
    async with app.run_test(size=SIZE) as pilot:
        pair = await _pair(pilot, app)
        before = pair.view.summary.engagements
        assert before
        target = before[0]
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is pair
        after = pair.view.summary.engagements
        assert len(after) == len(before) - 1
        assert target not in after
        recorded = _corrections(real_home)
        assert {kind for kind, _ in recorded} == {"reject-engagement"}
        # Every report merged into the entry is rejected (one per article sentence).
        assert {json.loads(t)["article"] for _, t in recorded} == set(target.articles)


async def test_correct_a_persons_side_in_the_pair_view(real_home: Path, make_app) -> None:
    app = make_app(real_home, home_country="USA", extractor=None)
    async with app.run_test(size=SIZE) as pilot:
        pair = await _pair(pilot, app)
        await pilot.press("right_square_bracket", "right_square_bracket")  # People
        await settle(pilot)
        table = pair.query_one("#pair-people", DataTable)
        assert app.focused is table
        people = [p for side in ("USA", "KAZ") for p in pair.view.summary.people[side]]
        first = people[0]
        await pilot.press("c")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CorrectionForm)
        country = form.query_one("#cf-country", Input)
        country.value = "Atlantis"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # refused, with a one-line reason
        country.value = "Canada"
        form.query_one("#cf-role", Input).value = "Envoy"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is pair
        # Canada is neither side of the pair: the person has left its lists.
        names = {p.name for side in ("USA", "KAZ") for p in pair.view.summary.people[side]}
        assert first.name not in names
        kinds = sorted(kind for kind, _ in _corrections(real_home))
        assert kinds == ["person-country", "person-role"]


async def test_the_article_view_lists_and_corrects_the_extraction(
    real_home: Path, make_app
) -> None:
    app = make_app(real_home, home_country="USA", extractor=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ArticleScreen(CALL))
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExtractionScreen) and screen.analysis is not None
        engagements = screen.query_one("#ex-engagements", DataTable)
        assert engagements.row_count == len(screen.analysis.engagements) >= 1
        assert "call" in str(engagements.get_row_at(0)[0])
        await pilot.press("x", "y")
        await settle(pilot)
        assert screen.analysis.engagements[0].rejected
        assert "rejected" in str(engagements.get_row_at(0)[0])
        # Add the engagement the analyst knows of, from this article.
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CorrectionForm)
        form.query_one("#cf-type", Input).value = "call"
        form.query_one("#cf-date", Input).value = "2021-08-13"
        form.query_one("#cf-countries", Input).value = "USA, KAZ"
        form.query_one("#cf-participants", Input).value = "USA: Antony J. Blinken"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any(e.by_analyst for e in screen.analysis.engagements)
        # A person's row: the correction keys apply there.
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.focused is screen.query_one("#ex-people", DataTable)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, CorrectionForm)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
    kinds = sorted(kind for kind, _ in _corrections(real_home))
    assert kinds == ["add-engagement", "reject-engagement"]
