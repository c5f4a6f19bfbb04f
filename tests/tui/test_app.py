"""Pilot tests: first run, dashboard, search, article reader, help, ingest, palette."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.text import Text
from textual.command import CommandPalette
from textual.widgets import DataTable, Input, Static

from search.query import SearchRequest, SearchResult
from tests.tui.helpers import AS_OF, DATA, archive_of, palette_pick, settle, tui_extract, until
from tui.config import Config
from tui.screens.article import ArticleScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.help import HelpScreen
from tui.screens.ingest import IngestDialog, IngestProgressScreen
from tui.screens.search import SearchScreen
from tui.widgets.article_body import ArticleBody
from tui.widgets.preview import HitPreview

SIZE = (100, 30)


def _keys(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


async def test_first_run_loads_the_sample_corpus(tmp_path: Path, make_app) -> None:
    home = tmp_path / "empty"
    app = make_app(home, first_run_corpus=DATA / "sample.jsonl")
    seen_progress: list[bool] = []

    def hook(message: object) -> None:
        if isinstance(message, app.IngestDone):
            seen_progress.append(True)

    notified: list[str] = []
    notify = app.notify

    def record(message: str, *args: object, **kwargs: object) -> None:
        notified.append(str(kwargs.get("title", "")))
        notify(message, *args, **kwargs)  # type: ignore[arg-type]

    # Record notifications as they are made: on a busy machine one may expire before
    # the test looks at the screen.
    app.notify = record  # type: ignore[method-assign]
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        # The first-run ingest starts once the app has opened: wait for its screen (or,
        # on a fast machine, for its end) rather than for one round of messages.
        await until(pilot, lambda: isinstance(app.screen, IngestProgressScreen) or seen_progress)
        assert isinstance(app.screen, IngestProgressScreen) or seen_progress
        await settle(pilot)
        assert seen_progress == [True]
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.data is not None
        assert app.screen.data.stats.articles == 54
        assert app.screen.data.stats.index_ok
        assert len(app.screen.data.latest) == 30
        assert app.archive_version == 1
        assert "Demo corpus loaded" in notified


def _real_extractor_works() -> bool:
    try:
        from search.extract import extract_article
        from search.model import RawArticle

        extract_article(RawArticle(body="Norway and Kazakhstan met in Astana.", title="Talks"))
    except Exception:
        return False
    return True


async def test_first_run_uses_the_bundled_corpus_by_default(tmp_path: Path, make_app) -> None:
    # The product's own extract stage once it works; the fixed one until then.
    extractor = None if _real_extractor_works() else tui_extract
    app = make_app(tmp_path / "empty", extractor=extractor)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.data.stats.articles == 54


async def test_dashboard_shows_health_activity_and_latest(archive_home: Path, make_app) -> None:
    app = make_app(archive_home, home_country="United States")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        data = screen.data
        assert data.stats.articles == 54 and data.stats.sources == 2
        assert data.window_end == "2022-06-17"
        codes = [row.code for row in data.activity]
        assert "USA" not in codes  # our own side is left out of "recent activity"
        assert "UKR" in codes
        assert data.excluded == "USA"
        latest = screen.query_one("#latest", DataTable)
        assert latest.row_count == 30
        assert [hit.date for hit in data.latest] == sorted(
            (hit.date for hit in data.latest), reverse=True
        )
        # Enter on a latest story opens it.
        latest.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.view.article.id == data.latest[0].id


async def test_dashboard_says_when_extractions_are_out_of_date(
    archive_home: Path, make_app
) -> None:
    from search.archive import Archive
    from tui.widgets.health import CorpusHealth

    conn = Archive.open(archive_home).store.conn
    with conn:
        conn.execute(
            "UPDATE articles SET extractor = 1 WHERE rowid IN (SELECT rowid FROM articles LIMIT 5)"
        )
    conn.close()
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.data.stats.outdated_extractions == 5
        shown = str(app.screen.query_one(CorpusHealth).render())
        assert "5 articles analysed by an older briefroom: run briefroom reextract" in shown


async def test_activity_row_searches_that_country(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        activity = app.screen.query_one("#activity", DataTable)
        activity.focus()
        code = app.screen.data.activity[0].code
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.request.countries == (code,)
        assert app.screen.hits and all(code in hit.countries for hit in app.screen.hits)


async def test_slash_from_the_dashboard_focuses_the_search_box(
    archive_home: Path, make_app
) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert app.focused is not None and app.focused.id == "query"
        # Inside the box, "/" is just a character.
        await pilot.press("slash")
        assert app.screen.query_one("#query", Input).value == "/"


async def test_typing_searches_and_enter_opens_the_article(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *_keys("norway"))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert screen.request.query == "norway"
        assert screen.result is not None and screen.result.total == 2
        assert {hit.title for hit in screen.hits} == {
            "Norway National Day",
            "Special Presidential Envoy for Climate Kerry’s Travel to Norway and the United Kingdom",
        }
        preview = screen.query_one(HitPreview)
        assert preview.hit == screen.hits[0]
        text = preview.build_text()
        matched = [
            text.plain[s.start : s.end] for s in text.spans if s.start > len(preview.hit.title)
        ]
        assert any(word.lower() == "norway" for word in matched)
        await pilot.press("enter")  # from the query box to the results
        assert app.focused is screen.query_one("#results")
        await pilot.press("enter")  # opens the highlighted story
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        article = app.screen.view.article
        assert article.id == screen.hits[0].id
        assert app.recent_searches[0].query == "norway"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_stale_results_are_dropped(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *_keys("minister"))
        await settle(pilot)
        screen = app.screen
        shown = list(screen.hits)
        old = SearchRequest(query="old query", limit=30, as_of=AS_OF)
        screen.post_message(screen.ResultsReady(old, SearchResult(request=old, total=0, hits=())))
        await pilot.pause()
        assert screen.hits == shown
        assert screen.result.request.query == "minister"


async def test_filters_sort_and_paging(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        screen = app.screen
        screen.query_one("#country", Input).value = "Ukraine"
        screen.query_one("#since", Input).value = "2022-01"
        await settle(pilot)
        assert screen.request.countries == ("Ukraine",)
        assert screen.hits
        assert all("UKR" in hit.countries and hit.date >= "2022-01-01" for hit in screen.hits)
        # Sort by date.
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert screen.request.sort == "date"
        dates = [hit.date for hit in screen.hits]
        assert dates == sorted(dates, reverse=True)
        # An unknown country is reported in the status line, not as a traceback.
        screen.query_one("#country", Input).value = "Atlantis"
        await settle(pilot)
        assert screen.error and "Atlantis" in screen.error
        assert screen.query_one("#country").has_class("-invalid")
        assert screen.hits == []
        # Paging: every story, 30 at a time.
        screen.apply_search()
        await settle(pilot)
        assert screen.result.total == 54 and len(screen.hits) == 30
        await pilot.press("n")
        await settle(pilot)
        assert len(screen.hits) == 54
        assert len({hit.id for hit in screen.hits}) == 54


async def test_did_you_mean(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *_keys("kazakhstn"))
        await settle(pilot)
        screen = app.screen
        assert screen.result.total == 0
        if screen.result.suggestion:  # depends on the index's spelling data
            await pilot.press("ctrl+y")
            await settle(pilot)
            assert screen.result.total > 0


async def test_article_reader_highlights_entities_and_finds_related(
    archive_home: Path, make_app
) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_article("statedept-2022-05-20-dd971f7e94")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        view = screen.view
        assert view is not None and view.article.title.startswith("Secretary Blinken")
        kinds = {entity.kind for entity in view.entities}
        assert {"country", "person"} <= kinds
        first = view.entities[0]
        assert first.kind == "country"
        # Mentions are styled by offset in the paragraphs.
        body = screen.query_one(ArticleBody)
        paragraphs = list(body.query(".paragraph").results(Static))
        assert paragraphs[0].has_class("-title")
        start, end = body._spans[0]
        assert body._paragraph_text(start, end).spans  # mentions in the title are styled
        # Selecting an entity marks it.
        screen.query_one("#entities").focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert body.selected == (first.kind, first.key)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.request.countries == view.article.countries[:2]
        assert view.article.id not in {hit.id for hit in app.screen.hits}  # itself left out


async def test_untrusted_text_is_never_markup(tmp_path: Path, make_app) -> None:
    record = {
        "id": "evil-1",
        "title": "[bold red]Norway[/] [@click=app.quit]click[/]",
        "date": "2022-01-05",
        "source": "[link=https://x]Agency[/link]",
        "body": "Officials in Norway said [b]nothing[/b] and [@click=app.quit]bye[/].",
    }
    home = archive_of(tmp_path, record)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *_keys("officials"))
        await settle(pilot)
        screen = app.screen
        assert screen.result.total == 1
        table = screen.query_one("#results", DataTable)
        title_cell = table.get_row_at(0)[1]
        assert isinstance(title_cell, Text)
        assert title_cell.plain == record["title"]
        assert screen.query_one(HitPreview).build_text().plain.startswith(record["title"])
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        body = app.screen.query_one(ArticleBody)
        texts = [p.visual for p in body.query(".paragraph").results(Static)]
        assert texts  # rendered without a markup error, and the app is still running
        assert app.is_running


async def test_help_opens_and_lists_every_binding_id(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#keys", DataTable)
        ids = {table.get_row_at(i)[3].plain for i in range(table.row_count)}
        for binding_id in ("app.help", "app.search", "app.ingest", "search.more", "article.back"):
            assert binding_id in ids
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_every_binding_has_an_id() -> None:
    from tui.app import BriefroomApp
    from tui.keys import binding_sources

    assert BriefroomApp.BINDINGS
    for _where, bindings in binding_sources(BriefroomApp.BINDINGS):
        for binding in bindings:
            assert binding.id, binding


async def test_keymap_from_config_remaps_keys(archive_home: Path, make_app) -> None:
    app = make_app(archive_home, Config(keymap={"app.help": "h"}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_theme_toggle(archive_home: Path, make_app) -> None:
    app = make_app(archive_home, Config(theme="textual-dark"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-dark"


async def test_unknown_theme_is_a_notification(archive_home: Path, make_app) -> None:
    app = make_app(archive_home, Config(theme="no-such-theme"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        assert any("no-such-theme" in n.message for n in app._notifications)


async def test_ingest_modal_adds_files_and_reports_rejects(
    archive_home: Path, make_app, tmp_path: Path
) -> None:
    path = tmp_path / "new.jsonl"
    lines = [
        json.dumps(
            {
                "id": f"new-{i}",
                "title": f"Norway and Kazakhstan sign accord number {i}",
                "date": "2022-06-30",
                "source": "Test Wire",
                "body": f"Norway and Kazakhstan signed accord {i} in Astana on Thursday.",
            }
        )
        for i in range(2)
    ]
    path.write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, IngestDialog)
        await pilot.press("enter")  # an empty path is refused
        await pilot.pause()
        assert isinstance(app.screen, IngestDialog)
        app.screen.query_one("#ingest-path", Input).value = str(path)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.data.stats.articles == 56
        assert app.screen.data.stats.sources == 3
        notes = [(n.title, n.message) for n in app._notifications]
        assert any(title == "Ingest finished" and "2 added" in msg for title, msg in notes)
        assert any(title == "Rejected" and "new.jsonl" in msg for title, msg in notes)


async def test_ingest_of_a_missing_path_is_reported(
    archive_home: Path, make_app, tmp_path: Path
) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.start_ingest([tmp_path / "nowhere"], label="test")
        await settle(pilot)
        assert not app.ingest_running
        assert isinstance(app.screen, DashboardScreen)
        messages = " ".join(n.message for n in app._notifications)
        assert "nowhere" in messages


async def test_ingest_modal_cancel(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, IngestDialog)
        await pilot.press("slash")  # navigation waits while a dialog is open
        assert isinstance(app.screen, IngestDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert not app.ingest_running


@pytest.mark.store_file  # breaks the store file
async def test_worker_errors_become_notifications(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        (archive_home / "archive.sqlite3").unlink()
        (archive_home / "archive.sqlite3").mkdir()  # the store cannot be opened any more
        await pilot.press("r")
        await settle(pilot)
        assert app.is_running
        assert any(n.severity == "error" for n in app._notifications)


async def test_mode_tabs_switch_screens(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click("#nav-search")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.click("#nav-dashboard")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)


async def test_command_palette_lists_countries_and_recent_searches(
    archive_home: Path, make_app
) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *_keys("minister"), "enter")
        await settle(pilot)
        assert app.recent_searches and app.recent_searches[0].query == "minister"
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await palette_pick(pilot, "stories ukraine", "Stories about Ukraine")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.request.countries == ("UKR",)


def test_fixed_extractor_finds_countries() -> None:
    from search.model import RawArticle

    found = tui_extract(RawArticle(body="Norway and the U.S. met.", title="Talks"))
    assert found.countries == ("NOR", "USA")
