"""The debounces themselves: typing, cursor moves and form edits act after a pause.

Every other Pilot test builds the app with ``debounce=False`` and waits for the worker a
change starts (`settle`).  These tests keep the real debounce, so they wait on the wall
clock by nature: each asserts that the work started no sooner than the screen's delay
after the change it is for.  They assert a lower bound only (a busy machine makes any
wait longer, never shorter), so they stay deterministic.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input

from tests.tui.helpers import settle, until
from tui.screens.countries import PROFILE_DEBOUNCE_S, CountriesScreen
from tui.screens.meeting_form import CHECK_DEBOUNCE_S, MeetingForm
from tui.screens.search import DEBOUNCE_S, SearchScreen

SIZE = (100, 30)
EARLY = 0.005
"""Textual's timers sleep up to half a millisecond short (`textual._time.sleep`)."""

Started = list[tuple[float, tuple[Any, ...]]]


def _record(obj: object, method: str) -> Started:
    """Note when ``obj.method`` (a worker) is started, and with what."""
    started: Started = []
    original: Callable[..., Any] = getattr(obj, method)

    def record(*args: Any) -> Any:
        started.append((time.monotonic(), args))
        return original(*args)

    setattr(obj, method, record)  # the instance's attribute hides the class's worker
    return started


async def test_search_waits_for_a_pause_in_typing(archive_home: Path, make_app) -> None:
    app = make_app(archive_home, debounce=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)  # the search the screen runs when it opens (not debounced)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        started = _record(screen, "_search")
        query = screen.query_one("#query", Input)
        typed: dict[str, float] = {}
        for text in ("nor", "norway"):
            typed[text] = time.monotonic()
            query.value = text
            await pilot.pause()  # its Input.Changed handled: the debounce (re)starts
        await until(pilot, lambda: any(args[0].query == "norway" for _at, args in started))
        await settle(pilot)
        assert started and started[-1][1][0].query == "norway"
        # Each search read the query box after a pause since its text was typed: a change
        # within the pause restarts it (a timer left running from "nor" would search for
        # "norway" sooner than this after it was typed).
        for at, (request,) in started:
            assert at - typed[request.query] >= DEBOUNCE_S - EARLY, (request.query, at)
        assert screen.result.total == 2


async def test_country_profile_waits_for_the_cursor_to_rest(rich_home: Path, make_app) -> None:
    app = make_app(rich_home, home_country="USA", debounce=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        screen = app.screen
        assert isinstance(screen, CountriesScreen)
        await until(pilot, lambda: screen.view is not None)  # the first country, debounced
        await settle(pilot)
        started = _record(screen, "_load_profile")
        table = screen.query_one("#country-list", DataTable)
        table.focus()
        following = screen.shown[table.cursor_row + 1].code
        moved = time.monotonic()
        await pilot.press("down")
        await until(pilot, lambda: bool(started))
        await settle(pilot)
        assert [args for _at, args in started] == [(following,)]
        assert started[0][0] - moved >= PROFILE_DEBOUNCE_S - EARLY
        assert screen.view is not None and screen.view.profile.code == following


async def test_meeting_form_checks_after_a_pause(rich_home: Path, make_app) -> None:
    app = make_app(rich_home, home_country="USA", debounce=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, MeetingForm)
        started = _record(form, "_check")
        edited = time.monotonic()
        form.query_one("#mf-country", Input).value = "Norway"
        await until(pilot, lambda: any(args[0] == "Norway" for _at, args in started))
        await settle(pilot)
        [(at, args)] = started
        assert args[0] == "Norway" and at - edited >= CHECK_DEBOUNCE_S - EARLY
        assert form.check is not None and form.check.code == "NOR"
