"""Pilot tests: countries, the pair view, meetings and the brief builder, the palette."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import DataTable, Input, Markdown, Static

from briefs.api import save_meeting
from briefs.meeting_model import Meeting
from tests.tui.helpers import AS_OF, palette_pick, settle, until
from tui.screens.article import ArticleScreen
from tui.screens.countries import CountriesScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.dialogs import ConfirmDialog
from tui.screens.meeting_form import MeetingForm
from tui.screens.meetings import MeetingsScreen
from tui.screens.pair import PairScreen
from tui.widgets.source import SourceLine

SIZE = (100, 30)
NEXT_TUESDAY = date(2022, 7, 5)  # AS_OF is Friday 2022-07-01


def _keys(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


async def _open_kazakhstan(pilot) -> CountriesScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("3")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CountriesScreen)
    await pilot.press("f", *_keys("kaz"), "enter")  # filter, then back to the list
    assert [c.code for c in screen.shown] == ["KAZ"]
    await pilot.press("enter")  # show its profile and move into it
    await settle(pilot)
    assert screen.view is not None and screen.view.profile.code == "KAZ"
    return screen


async def test_country_pair_opens_the_source_article(rich_home: Path, make_app) -> None:
    app = make_app(rich_home, home_country="United States")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_kazakhstan(pilot)
        profile = screen.view.profile
        assert profile.articles == 3
        assert ("USA", 3) in profile.partners
        partners = screen.query_one("#partners")
        await until(pilot, lambda: app.focused is partners)
        assert app.focused is partners
        # Enter on a partner opens the pair view (our side first).
        await pilot.press("enter")
        await settle(pilot)
        pair = app.screen
        assert isinstance(pair, PairScreen)
        assert (pair.a, pair.b) == ("USA", "KAZ")
        summary = pair.view.summary
        assert summary.engagements and summary.commitments
        assert "heuristic" in str(pair.query_one("#pair-heuristic", Static).visual).lower()
        ledger = pair.query_one("#ledger", DataTable)
        assert app.focused is ledger
        assert ledger.row_count == len(summary.engagements)
        # The highlighted row's source shows under the tabs; Enter opens its article.
        await pilot.press("down")
        await settle(pilot)
        engagement = summary.engagements[1]
        line = pair.query_one(SourceLine)
        assert engagement.sources[0].sentence[:30] in str(line.visual)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article_id == engagement.sources[0].article
        assert app.screen.view is not None
        # Back to the pair, then the commitments tab (after Coming up and People): each row
        # opens its source too.
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is pair
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert app.focused is pair.query_one("#commitments")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article_id == summary.commitments[0].source.article
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert app.screen is screen


async def test_profile_people_and_home_pair(rich_home: Path, make_app) -> None:
    app = make_app(rich_home, home_country="USA")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_kazakhstan(pilot)
        people = screen.view.profile.people
        assert people and people[0].name == "Tileuberdi" and people[0].role
        await pilot.press("right_square_bracket")  # People
        await pilot.pause()
        assert app.focused is screen.query_one("#people")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article_id == people[0].source.article
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("h")  # the pair with our own side
        await settle(pilot)
        assert isinstance(app.screen, PairScreen)
        assert (app.screen.a, app.screen.b) == ("USA", "KAZ")


async def test_country_filter_and_narrow_layout(rich_home: Path, make_app) -> None:
    app = make_app(rich_home, home_country="USA")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CountriesScreen)
        assert len(screen.shown) == 11
        assert screen.code == "UKR"  # the busiest country after our own side
        await pilot.press("f", *_keys("zzz"))
        assert screen.shown == []
        assert screen.query_one("#country-side").border_subtitle == "no match"
        await pilot.press("ctrl+a", "ctrl+k", *_keys("nor"))
        assert [c.code for c in screen.shown] == ["NOR"]


async def test_add_meeting_generate_and_export(rich_home: Path, make_app, tmp_path: Path) -> None:
    briefs = tmp_path / "briefs"
    app = make_app(rich_home, home_country="USA", briefs_dir=briefs)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        assert screen.rows == []
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeetingForm)
        await settle(pilot)  # the country names for completion
        await pilot.press(*_keys("Kazakh"))
        await settle(pilot)
        await pilot.press("enter")  # takes the completion
        assert form.query_one("#mf-country", Input).value == "Kazakhstan"
        await pilot.press(*_keys("next Tuesday"))
        await settle(pilot)
        check = form.check
        assert check is not None and check.code == "KAZ"
        assert check.resolution is not None and check.resolution.day == NEXT_TUESDAY
        shown = str(form.query_one("#mf-date-check", Static).visual)
        assert "Tue 2022-07-05" in shown and "in 4 days" in shown
        await pilot.press("enter", *_keys("Political consultations"), "enter", *_keys("Astana"))
        await pilot.press("enter", "tab")  # past the format list (optional)
        await pilot.press(*_keys("Prepare the visit"), "enter", *_keys("Blinken"), "enter")
        await pilot.press(*_keys("Tileuberdi, Vassilenko"), "enter")
        await settle(pilot)
        assert app.screen is screen
        [row] = screen.rows
        meeting = row.meeting
        assert (meeting.country, meeting.date, meeting.date_text) == (
            "KAZ",
            "2022-07-05",
            "next Tuesday",
        )
        assert meeting.title == "Political consultations" and meeting.place == "Astana"
        assert meeting.participants == ("Tileuberdi", "Vassilenko")
        assert [d.typed for d in meeting.theirs] == ["Tileuberdi", "Vassilenko"]
        assert [d.typed for d in meeting.ours] == ["Blinken"]
        assert meeting.purpose == "Prepare the visit" and meeting.home == "USA"
        assert row.days_left == 4 and row.brief_status == "none"
        # Generate (a worker), preview.
        await pilot.press("g")
        await settle(pilot)
        draft = screen.drafts[meeting.id]
        assert not draft.from_disk and draft.brief.sources
        assert draft.markdown.startswith("# Political consultations")
        preview = screen.query_one("#brief-preview", Markdown)
        assert preview.source == draft.markdown
        # Export: both files in the briefs folder.
        await pilot.press("x")
        await settle(pilot)
        yaml_path = briefs / "2022-07-05-kazakhstan-political-consultations.yaml"
        md_path = yaml_path.with_suffix(".md")
        assert yaml_path.is_file() and md_path.is_file()
        assert md_path.read_text(encoding="utf-8") == draft.markdown
        assert "briefroom.brief/v1" in yaml_path.read_text(encoding="utf-8")
        assert screen.rows[0].brief_status == "on disk"
        # A second export asks first; "no" writes nothing.
        md_path.write_text("my notes\n", encoding="utf-8")
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen
        assert md_path.read_text(encoding="utf-8") == "my notes\n"
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert md_path.read_text(encoding="utf-8") == draft.markdown
        # The dashboard lists it as upcoming, with its brief on disk.
        await pilot.press("1")
        await settle(pilot)
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        [upcoming] = dashboard.data.meetings
        assert upcoming.meeting.id == meeting.id and upcoming.yaml_exists


async def test_meeting_form_flags_ambiguous_and_nonsense_dates(rich_home: Path, make_app) -> None:
    app = make_app(rich_home, home_country="USA")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeetingForm)
        await pilot.press(*_keys("Atlantis"), "enter", *_keys("June"))
        await settle(pilot)
        assert form.check.code is None
        assert "unknown country" in str(form.query_one("#mf-country-check", Static).visual)
        assert form.query_one("#mf-country").has_class("-invalid")
        assert form.check.resolution is not None and form.check.resolution.day is None
        assert "ambiguous" in str(form.query_one("#mf-date-check", Static).visual)
        assert form.query_one("#mf-date").has_class("-invalid")
        form.query_one("#mf-date", Input).value = "blorfday"
        await settle(pilot)
        assert form.check.date_error and "not a date" in form.check.date_error
        # Our own side is not a counterpart.
        form.query_one("#mf-country", Input).value = "United States"
        await settle(pilot)
        assert form.check.code is None and "our own side" in form.check.country_note
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form  # refused: nothing stored
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen) and app.screen.rows == []


async def test_edit_yaml_rerenders_and_reports_invalid_yaml(
    rich_home: Path, make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    briefs = tmp_path / "briefs"
    save_meeting(rich_home, Meeting("KAZ", "2022-07-05", "next Tuesday", title="Talks"))
    edits: list[str] = []

    def fake_editor(self: MeetingsScreen, path: Path) -> bool:
        edit = edits.pop(0)
        text = path.read_text(encoding="utf-8")
        if edit == "retitle":
            text = text.replace("title: Talks", "title: Edited talks")
        else:
            text = text.replace("schema: briefroom.brief/v1", "schema: [unclosed")
        path.write_text(text, encoding="utf-8")
        return True

    monkeypatch.setattr(MeetingsScreen, "run_editor", fake_editor)
    app = make_app(rich_home, home_country="USA", briefs_dir=briefs)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        await pilot.press("enter")  # no brief yet: Enter generates it
        await settle(pilot)
        [meeting_id] = screen.drafts
        edits.append("retitle")
        await pilot.press("e")
        await settle(pilot)
        draft = screen.drafts[meeting_id]
        assert draft.from_disk and draft.brief.title == "Edited talks"
        assert draft.markdown.startswith("# Edited talks")
        assert screen.query_one("#brief-preview", Markdown).source == draft.markdown
        # Export now writes the Markdown only: the YAML is the user's copy.
        await pilot.press("x")
        await settle(pilot)
        assert draft.markdown_path.read_text(encoding="utf-8") == draft.markdown
        assert "title: Edited talks" in draft.yaml_path.read_text(encoding="utf-8")
        # An edit that breaks the YAML: one notification with a one-line error.
        edits.append("break")
        await pilot.press("e")
        await settle(pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and "\n" not in errors[-1].message
        assert meeting_id in screen.problems
        assert "cannot be read" in screen.query_one("#brief-preview", Markdown).source
        assert app.is_running


async def test_markdown_links_only_open_web_addresses(
    rich_home: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(rich_home, home_country="USA")
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        preview = app.screen.query_one("#brief-preview", Markdown)
        for href in ("file:///etc/passwd", "https://www.state.gov/x"):
            preview.post_message(Markdown.LinkClicked(preview, href))
            await pilot.pause()
        assert opened == ["https://www.state.gov/x"]
        assert any("not opened" in n.message for n in app._notifications)


async def test_dashboard_upcoming_meeting_opens_it(rich_home: Path, make_app) -> None:
    stored = save_meeting(rich_home, Meeting("NOR", "2022-07-12", "12 July"))
    save_meeting(rich_home, Meeting("TUR", "2022-06-01", "1 June"))  # past: not upcoming
    app = make_app(rich_home, home_country="USA")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        assert [row.meeting.id for row in screen.data.meetings] == [stored.id]
        upcoming = screen.query_one("#upcoming", DataTable)
        assert upcoming.display and upcoming.row_count == 1
        upcoming.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MeetingsScreen)
        assert app.screen.selected_id() == stored.id
        assert len(app.screen.rows) == 2  # the meetings screen lists past ones too


async def test_palette_opens_country_profiles_and_meetings(rich_home: Path, make_app) -> None:
    stored = save_meeting(rich_home, Meeting("NOR", "2022-07-12", "12 July", title="Oslo talks"))
    app = make_app(rich_home, home_country="USA")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await palette_pick(pilot, "country: kazakh", "Kazakhstan")
        await settle(pilot)
        assert isinstance(app.screen, CountriesScreen)
        assert app.screen.code == "KAZ"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await palette_pick(pilot, "oslo talks", "Oslo talks")
        await settle(pilot)
        assert isinstance(app.screen, MeetingsScreen)
        assert app.screen.selected_id() == stored.id


def test_as_of_is_a_friday() -> None:
    assert AS_OF.weekday() == 4 and NEXT_TUESDAY.weekday() == 1


async def test_untrusted_text_in_pair_view_and_brief(
    tmp_path: Path, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.tui.helpers import archive_of, rich_extract

    record = {
        "id": "evil-1",
        "title": "United States and Norway [bold red]team[/] [@click=app.quit]x[/]",
        "date": "2022-06-01",
        "source": "U.S. Department of State [link=https://x]wire[/link]",
        "body": "The United States and Norway met. Secretary Blinken met Norway's Foreign "
        "Minister Huitfeldt in Oslo for the United States "
        "[@click=app.quit]bye[/] and they agreed to [b]talk[/b] "
        "[again](file:///etc/passwd) about security.",
    }
    home = archive_of(tmp_path, record, extractor=rich_extract)
    opened: list[str] = []
    app = make_app(home, home_country="USA", briefs_dir=tmp_path / "briefs")
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_pair("USA", "NOR")
        await settle(pilot)
        pair = app.screen
        assert isinstance(pair, PairScreen) and pair.view.summary.articles == ("evil-1",)
        latest = pair.query_one("#pair-latest", DataTable)
        assert latest.get_row_at(0)[1].plain == record["title"]
        await pilot.press("escape")
        save_meeting(home, Meeting("NOR", "2022-07-05", "next Tuesday"))
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        screen = app.screen
        [draft] = screen.drafts.values()
        assert "[@click=app.quit]" in draft.markdown
        preview = screen.query_one("#brief-preview", Markdown)
        assert preview.source == draft.markdown
        for href in ("file:///etc/passwd", "javascript:alert(1)"):
            preview.post_message(Markdown.LinkClicked(preview, href))
        await pilot.pause()
        assert opened == [] and app.is_running


async def test_mouse_reaches_the_new_modes(rich_home: Path, make_app) -> None:
    app = make_app(rich_home, home_country="USA")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click("#nav-countries")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CountriesScreen)
        # Click a country (the list's third row: the header is row 0 on screen).
        row = [c.code for c in screen.shown].index("RUS")
        await pilot.click("#country-list", offset=(3, row + 1))
        await pilot.click("#country-list", offset=(3, row + 1))
        await settle(pilot)
        assert screen.code == "RUS"
        await pilot.click("#nav-meetings")
        await settle(pilot)
        assert isinstance(app.screen, MeetingsScreen)
