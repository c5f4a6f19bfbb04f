"""Pilot tests: the add-meeting form keeps type-ahead; a meeting's outcome is recorded and
the next brief starts from it."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input, Select

import search.archive
from briefs.api import save_meeting
from briefs.meeting_model import Meeting
from briefs.meeting_store import get_meeting
from briefs.outcomes import get_outcome
from search.store import Store
from tests.tui.helpers import settle
from tui.screens.meeting_form import MeetingForm
from tui.screens.meetings import MeetingsScreen
from tui.screens.outcome_form import OutcomeForm

SIZE = (100, 34)


def _type_ahead(app, text: str) -> None:  # type: ignore[no-untyped-def]
    """Queue keys as a fast typist (or a paste into the terminal) sends them: all at once,
    before the app has handled the first (``pilot.press`` waits after each key)."""
    for ch in text:
        if ch == "\n":
            app.post_message(events.Key("enter", "\r"))
        elif ch == " ":
            app.post_message(events.Key("space", " "))
        else:
            app.post_message(events.Key(ch, ch))


def _store(home: Path) -> Store:
    return Store.open(search.archive.store_location(home))  # patched for a team store


async def _meetings_with(pilot, meeting_id: int | None) -> MeetingsScreen:  # type: ignore[no-untyped-def]
    """Open the Meetings screen (key 4) with ``meeting_id`` selected."""
    await settle(pilot)
    await pilot.press("4")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MeetingsScreen)
    screen.select_meeting(meeting_id)
    await settle(pilot)
    return screen


async def test_first_add_meeting_form_keeps_type_ahead(rich_home: Path, make_app) -> None:
    app = make_app(rich_home, home_country="USA")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert isinstance(app.screen, MeetingsScreen)
        # "a", then the country, Enter and the date, typed before the form is there.
        _type_ahead(app, "aUkrainian\nin two weeks")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, MeetingForm)
        assert form.query_one("#mf-country", Input).value == "Ukrainian"
        assert form.query_one("#mf-date", Input).value == "in two weeks"
        assert app.focused is form.query_one("#mf-date")
        assert form.check is not None and form.check.code == "UKR"
        # Through the rest of the form, typed ahead too: Enter on the last field adds it.
        _type_ahead(app, "\nTalks\nKyiv\n")
        await settle(pilot)
        assert app.focused is form.query_one("#mf-format", Select)
        await pilot.press("tab")
        _type_ahead(app, "Grain corridor\nBlinken\nKuleba, Jane Roe\n")
        await settle(pilot)
        assert app.screen is not form
        [row] = app.screen.rows
        meeting = row.meeting
        assert (meeting.country, meeting.title, meeting.place) == ("UKR", "Talks", "Kyiv")
        assert meeting.purpose == "Grain corridor" and meeting.home == "USA"
        assert [d.typed for d in meeting.ours] == ["Blinken"]
        assert [d.typed for d in meeting.theirs] == ["Kuleba", "Jane Roe"]
        assert not meeting.theirs[1].known  # an unknown name is kept as typed


async def test_record_outcome_then_next_brief_starts_from_it(rich_home: Path, make_app) -> None:
    held = save_meeting(
        rich_home,
        Meeting("KAZ", "2022-06-20", "20 June", title="Talks", place="Astana", home="USA"),
    )
    upcoming = save_meeting(rich_home, Meeting("KAZ", "2022-07-12", "12 July", home="USA"))
    app = make_app(rich_home, home_country="USA")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _meetings_with(pilot, held.id)
        assert screen.selected_id() == held.id
        await pilot.press("o")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, OutcomeForm)
        assert form.query_one("#of-status", Select).value == "held"  # a past meeting
        # A follow-up without a date is refused, naming the field; the form stays open.
        await pilot.press("tab")
        form.query_one("#of-note", Input).value = "Good talks [bold]not markup[/bold]"
        form.query_one("#of-agreed", Input).value = "Joint working group on energy"
        form.query_one("#of-follow-ups", Input).value = "Tileuberdi: send the draft MoU"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert app.focused is form.query_one("#of-follow-ups")
        assert "Follow-ups" in str(form.query_one("#of-check").visual)
        form.query_one("#of-follow-ups", Input).value = "Tileuberdi: send the draft MoU by 25 June"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        store = _store(rich_home)
        try:
            outcome = get_outcome(store, held.id)
            assert outcome is not None and outcome.status == "held"
            assert outcome.note == "Good talks [bold]not markup[/bold]"
            [agreed] = outcome.agreed
            [follow] = outcome.follow_ups
            assert agreed.text == "Joint working group on energy"
            assert (follow.owner, follow.text, follow.due) == (
                "Tileuberdi",
                "send the draft MoU",
                "2022-06-25",
            )
            assert get_meeting(store, held.id).status == "held"
        finally:
            store.close()
        assert next(r for r in screen.rows if r.meeting.id == held.id).meeting.status == "held"
        # The next meeting's brief starts from it: the engagement and the follow-ups.
        screen.select_meeting(upcoming.id)
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        draft = screen.drafts[upcoming.id]
        last = draft.brief.commitments.last_meeting
        texts = [item.text for item in last.items]
        assert "Joint working group on energy" in texts
        assert any("send the draft MoU" in t and "overdue" in t for t in texts)
        assert "Follow-ups from the last meeting" in draft.markdown
        assert "Since the meeting of 2022-06-20" in (draft.brief.engagements.note or "")
        recorded = [i for i in draft.brief.engagements.items if "recorded in briefroom" in i.text]
        assert recorded and recorded[0].date == "2022-06-20"


async def test_outcome_form_of_a_meeting_to_come_starts_on_its_status(
    rich_home: Path, make_app
) -> None:
    upcoming = save_meeting(rich_home, Meeting("KAZ", "2022-07-12", "12 July", home="USA"))
    app = make_app(rich_home, home_country="USA")
    async with app.run_test(size=SIZE) as pilot:
        await _meetings_with(pilot, upcoming.id)
        await pilot.press("o")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, OutcomeForm)
        status = form.query_one("#of-status", Select)
        assert status.value is Select.NULL
        assert app.focused is status or app.focused in status.query("*")


async def test_preview_key_shows_the_brief_full_screen(rich_home: Path, make_app) -> None:
    from tui.screens.brief_view import BriefViewScreen

    meeting = save_meeting(rich_home, Meeting("KAZ", "2022-07-12", "12 July", home="USA"))
    app = make_app(rich_home, home_country="USA")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _meetings_with(pilot, meeting.id)
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, BriefViewScreen)
        assert "Kazakhstan" in app.screen.markdown
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
