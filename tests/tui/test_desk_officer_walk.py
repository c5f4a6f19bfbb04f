"""The desk officer's week in the app alone (issue 13, "Done when"): a new user chooses our
side on first start, registers a meeting with both delegations, generates the brief and
exports it (YAML, Markdown and Word), records the outcome after the meeting, and drafts
the next brief, which starts from the follow-ups.  Keys only, as a user would; waits on
conditions."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
from textual.pilot import Pilot
from textual.widgets import Input, Select

from tests.tui.helpers import settle, until
from tui.config import load_config
from tui.screens.first_run import CountryPicker
from tui.screens.meeting_form import MeetingForm
from tui.screens.meetings import MeetingsScreen
from tui.screens.outcome_form import OutcomeForm

SIZE = (100, 34)
FIRST_DAY = "2022-07-05"  # "next Tuesday" from the as-of date, Friday 1 July 2022
AFTER_THE_MEETING = date(2022, 7, 6)
NEXT_DAY = "2022-07-20"  # "in two weeks" from 6 July


def _keys(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


def _record_notifications(app) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Notifications as they are made (one may expire before the test looks)."""
    notified: list[tuple[str, str]] = []
    notify = app.notify

    def record(message: str, *args: object, **kwargs: object) -> None:
        notified.append((str(kwargs.get("title", "")), str(message)))
        notify(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = record
    return notified


async def _wait(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    await until(pilot, condition)
    assert condition(), f"still waiting for {what}"


def _docx_headings(path: Path) -> list[str]:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return [
        p.text
        for p in document.paragraphs
        if p.style is not None and (p.style.name == "Title" or p.style.name.startswith("Heading"))
    ]


def _markdown_headings(markdown: str) -> list[str]:
    return [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("#")]


async def test_desk_officer_walk_without_leaving_the_app(
    rich_home: Path, make_app, briefroom_home: Path, tmp_path: Path
) -> None:
    config_file = briefroom_home / "config.yaml"
    briefs = tmp_path / "briefs"
    # As `run_app` starts it when neither the settings nor --home give our side.
    app = make_app(rich_home, ask_home_country=True, config_file=config_file, briefs_dir=briefs)
    notified = _record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        # First start: the picker asks for our side; the choice is saved and used at once.
        await _wait(pilot, lambda: isinstance(app.screen, CountryPicker), "the country picker")
        picker = app.screen
        assert isinstance(picker, CountryPicker) and picker.welcome
        await _wait(pilot, lambda: bool(picker.countries), "the country list")
        await pilot.press(*_keys("usa"))
        await _wait(pilot, lambda: picker.shown[:1] == [("USA", "United States")], "USA first")
        await pilot.press("enter")
        await _wait(pilot, lambda: app.session.home_country == "United States", "our side")
        await _wait(pilot, config_file.is_file, "the settings file")
        assert load_config(config_file).home_country == "United States"
        assert any(str(config_file) in message for _title, message in notified)

        # Register next Tuesday's meeting with both delegations.
        await pilot.press("4")
        await _wait(pilot, lambda: isinstance(app.screen, MeetingsScreen), "the meetings screen")
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        await _wait(pilot, lambda: screen.data is not None, "the meetings list")
        assert screen.data is not None and screen.data.home == "USA"
        await pilot.press("a")
        await _wait(pilot, lambda: isinstance(app.screen, MeetingForm), "the add-meeting form")
        form = app.screen
        assert isinstance(form, MeetingForm)
        await pilot.press(*_keys("Kazakhstan"), "enter", *_keys("next Tuesday"), "enter")
        await pilot.press(*_keys("Political consultations"), "enter", *_keys("Astana"), "enter")
        await pilot.press("tab")  # past the format list (optional)
        await pilot.press(*_keys("Prepare the visit"), "enter")
        assert app.focused is form.query_one("#mf-ours", Input)
        await pilot.press(*_keys("Blinken"), "enter")
        await pilot.press(*_keys("Tileuberdi, Vassilenko"), "enter")  # the last field adds it
        await _wait(pilot, lambda: app.screen is screen and len(screen.rows) == 1, "the meeting")
        [row] = screen.rows
        first = row.meeting
        assert first.id is not None
        assert (first.country, first.date, first.home) == ("KAZ", FIRST_DAY, "USA")
        assert first.title == "Political consultations" and first.place == "Astana"
        assert [d.typed for d in first.ours] == ["Blinken"]
        assert [d.typed for d in first.theirs] == ["Tileuberdi", "Vassilenko"]

        # Generate the brief, then export it: YAML, Markdown and Word, paths said.
        await _wait(pilot, lambda: screen.selected_id() == first.id, "the meeting selected")
        await pilot.press("g")
        await _wait(pilot, lambda: first.id in screen.drafts, "the brief")
        draft = screen.drafts[first.id]
        assert draft.brief.sources and draft.markdown.startswith("# Political consultations")
        assert "Blinken" in draft.markdown and "Tileuberdi" in draft.markdown
        await pilot.press("x")
        stem = briefs.resolve() / "2022-07-05-kazakhstan-political-consultations"
        yaml_path, md_path, docx_path = (stem.with_suffix(s) for s in (".yaml", ".md", ".docx"))
        await _wait(pilot, lambda: any(t == "Brief exported" for t, _m in notified), "the export")
        assert yaml_path.is_file() and md_path.is_file() and docx_path.is_file()
        assert md_path.read_text(encoding="utf-8") == draft.markdown
        [said] = [message for title, message in notified if title == "Brief exported"]
        assert str(briefs.resolve()) in said
        assert all(path.name in said for path in (yaml_path, md_path, docx_path))
        headings = _docx_headings(docx_path)
        assert headings[0] == "Political consultations"
        assert set(_markdown_headings(draft.markdown)) <= set(headings)
        assert {"At a glance", "Participants", "Sources", "Caveats"} <= set(headings)

        # After the meeting (the clock moves on: the app reads "today" from its session):
        # record the outcome from the meetings screen.
        app.session = replace(app.session, as_of=AFTER_THE_MEETING)
        await pilot.press("r")
        await _wait(pilot, lambda: screen.data is not None
                    and screen.data.as_of == AFTER_THE_MEETING, "the reload")  # fmt: skip
        await _wait(pilot, lambda: screen.selected_id() == first.id, "the meeting selected")
        await pilot.press("o")
        await _wait(pilot, lambda: isinstance(app.screen, OutcomeForm), "the outcome form")
        outcome_form = app.screen
        assert isinstance(outcome_form, OutcomeForm)
        # The meeting is past: the status is "held" already and the cursor waits in the note.
        assert outcome_form.query_one("#of-status", Select).value == "held"
        await _wait(pilot, lambda: app.focused is outcome_form.query_one("#of-note"), "the note")
        await pilot.press(*_keys("Good talks"), "enter")
        await pilot.press(*_keys("Joint working group on energy"), "enter")
        await pilot.press(*_keys("Tileuberdi: send the draft MoU by 20 July"), "enter")
        await _wait(pilot, lambda: app.screen is screen
                    and screen.rows[0].meeting.status == "held", "the outcome")  # fmt: skip
        assert any(t == "Outcome recorded" for t, _m in notified)

        # The next meeting with Kazakhstan: its brief starts from the follow-ups.
        await pilot.press("a")
        await _wait(pilot, lambda: isinstance(app.screen, MeetingForm), "the add-meeting form")
        await pilot.press(*_keys("Kazakhstan"), "enter", *_keys("in two weeks"), "ctrl+s")
        await _wait(pilot, lambda: app.screen is screen and len(screen.rows) == 2, "the meeting")
        second = next(r.meeting for r in screen.rows if r.meeting.id != first.id)
        assert second.id is not None and second.date == NEXT_DAY and second.home == "USA"
        await _wait(pilot, lambda: screen.selected_id() == second.id, "the new meeting selected")
        await pilot.press("g")
        await _wait(pilot, lambda: second.id in screen.drafts, "the next brief")
        nxt = screen.drafts[second.id]
        assert "**Follow-ups from the last meeting**" in nxt.markdown
        assert "Tileuberdi: send the draft MoU (due 2022-07-20)" in nxt.markdown
        assert "Joint working group on energy" in nxt.markdown
        assert f"Since the meeting of {FIRST_DAY} recorded in briefroom" in nxt.markdown
        await settle(pilot)
        assert app.is_running
