"""Pilot tests for issue 13's "smaller things seen in the TUI": each fix, as behaviour."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Sparkline

from search.archive import ArchiveStats
from tests.tui.helpers import archive_of, settle
from tui.screens.article import ArticleScreen, RelatedSearch, related_searches
from tui.screens.dashboard import DashboardScreen
from tui.screens.pair import PairScreen
from tui.screens.search import SearchScreen
from tui.widgets.cells import FlexTable
from tui.widgets.health import CorpusHealth
from tui.widgets.preview import HitPreview
from tui.widgets.status import StatusLine

NARROW = (80, 24)
WIDE = (160, 48)


def _keys(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


def _recording(app) -> list[str]:
    """Record notifications as they are made (one may expire before the test looks)."""
    notified: list[str] = []
    notify = app.notify

    def record(message: str, *args: object, **kwargs: object) -> None:
        notified.append(message)
        notify(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = record
    return notified


# --------------------------------------------------------------------------- search


async def test_filter_placeholders_read_as_examples(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        for widget_id in ("#country", "#since", "#until"):
            field = screen.query_one(widget_id, Input)
            assert field.value == ""
            assert field.placeholder.startswith("e.g. ")
            style = field.get_component_styles("input--placeholder")
            assert "italic" in str(style.text_style)


async def test_a_date_filter_that_excludes_everything_says_the_archive_range(
    archive_home: Path, make_app
) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await app.search_for('since:"last month"')  # as of 2022-07-01: June 2022 on
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await app.search_for("", since="2030")
        await settle(pilot)
        assert screen.result is not None and screen.result.total == 0
        (notice,) = screen.result.notices
        assert (
            notice == "nothing dated from 2030-01-01 on: the archive runs 2019-03-31 to 2022-06-17"
        )
        # The status line may cut it at 80 columns; the preview says it whole.
        assert "the archive runs" in str(screen.query_one(StatusLine).visual)
        preview = screen.query_one(HitPreview).build_text().plain
        assert preview.startswith("No stories match.")
        assert "2019-03-31 to 2022-06-17" in preview


async def test_source_column_grows_with_the_width(archive_home: Path, make_app) -> None:
    widths = {}
    for size in (NARROW, WIDE):
        app = make_app(archive_home)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            latest = app.screen.query_one("#latest", FlexTable)
            dashboard_source = latest.columns["source"].width  # type: ignore[index]
            await app.search_for("minister")
            await settle(pilot)
            results = app.screen.query_one("#results", FlexTable)
            widths[size] = (dashboard_source, results.columns["source"].width)  # type: ignore[index]
            title = results.columns["title"].width  # type: ignore[index]
            assert title >= 20
    assert widths[NARROW] == (12, 12)
    assert widths[WIDE][0] == 30 and widths[WIDE][1] > 12


# --------------------------------------------------------------------------- related


def test_related_tries_the_pair_then_people_then_one_country() -> None:
    assert related_searches(("USA", "KAZ"), ("Blinken",)) == [
        RelatedSearch(countries=("USA", "KAZ")),
        RelatedSearch('person:"Blinken"'),
        RelatedSearch(countries=("USA",)),
    ]
    assert related_searches((), ()) == []


async def test_related_leaves_the_article_itself_out(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        # The Senegal meeting (USA, RUS, UKR): other stories of the first two, not itself.
        app.open_article("statedept-2022-06-17-6e4cfc4715")
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen) and article.view is not None
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        ids = {hit.id for hit in screen.hits}
        assert ids and article.view.article.id not in ids
        assert screen.result is not None and screen.result.total == len(ids)
        # The next search the user types shows every match again.
        screen.query_one("#query", Input).value = ""
        await settle(pilot)


async def test_related_says_when_nothing_is_related(tmp_path: Path, make_app) -> None:
    home = archive_of(
        tmp_path,
        {"id": "only-1", "title": "Norway and Kazakhstan", "date": "2022-01-05",
         "body": "Norway and Kazakhstan met in Astana to talk about energy."},
    )  # fmt: skip
    app = make_app(home)
    notified = _recording(app)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        app.open_article("only-1")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert any(message.startswith("nothing related found") for message in notified)


# --------------------------------------------------------------------------- pair, topics


async def test_empty_pair_draws_no_sparkline(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        app.open_pair("NOR", "GRL")
        await settle(pilot)
        pair = app.screen
        assert isinstance(pair, PairScreen) and not pair.view.summary.articles
        assert not pair.query_one("#pair-spark", Sparkline).display
        assert "no dated articles" in str(pair.query_one("#pair-spark-range").visual)
        app.open_pair("USA", "KAZ")
        await settle(pilot)
        assert app.screen.query_one("#pair-spark", Sparkline).display


async def test_pair_topics_are_named_in_words(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        app.open_pair("USA", "KAZ")
        await settle(pilot)
        pair = app.screen
        assert isinstance(pair, PairScreen)
        pair.fill_topics_and_orgs("pair-topics", [("economic_diplomacy", 2)], [("NATO", 1)])
        table = pair.query_one("#pair-topics", FlexTable)
        cells = [str(cell) for cell in table.get_row_at(0)]
        assert cells[1] == "Economic diplomacy and development"
        assert table.get_row_at(1)[1].plain == "NATO"


# --------------------------------------------------------------------------- dashboard


def _stats(**values: object) -> ArchiveStats:
    fields = dict.fromkeys(ArchiveStats.__dataclass_fields__)
    fields.update(articles=17600, stories=17100, sources=2, countries=190,
                  index_ok=True, index_documents=17600, index_segments=1,
                  index_problems=(), outdated_extractions=0)  # fmt: skip
    fields.update(values)
    return ArchiveStats(**fields)  # type: ignore[arg-type]


async def test_corpus_counts_have_thousands_separators(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        health = app.screen.query_one(CorpusHealth)
        health.stats = _stats()
        text = health.render().plain
        assert "17,600  (17,100 stories)" in text
        assert "ok, 17,600 docs, 1 segment" in text


# --------------------------------------------------------------------------- brief, full screen


async def test_brief_view_shows_a_brief_on_the_whole_screen(archive_home: Path, make_app) -> None:
    from textual.containers import VerticalScroll

    from tui.screens.brief_view import BriefViewScreen

    markdown = "# Brief: Kazakhstan\n\n" + "\n\n".join(f"- point {n}" for n in range(60))
    app = make_app(archive_home)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        before = app.screen
        app.push_screen(BriefViewScreen(markdown, title="Kazakhstan · 2022-07-05"))
        await settle(pilot)
        view = app.screen
        assert isinstance(view, BriefViewScreen)
        scroll = view.query_one("#brief-view-scroll", VerticalScroll)
        assert scroll.size.height >= NARROW[1] - 3  # all but the title and the footer
        assert app.focused is scroll
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is before


# --------------------------------------------------------------------------- first run


async def test_demo_corpus_notice_is_short_and_brief(tmp_path: Path, make_app) -> None:
    from tests.tui.helpers import DATA

    app = make_app(tmp_path / "empty", first_run_corpus=DATA / "sample.jsonl")
    shown: list[tuple[str, dict[str, object]]] = []
    notify = app.notify

    def record(message: str, *args: object, **kwargs: object) -> None:
        shown.append((message, kwargs))
        notify(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = record
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
    ((message, kwargs),) = [(m, k) for m, k in shown if k.get("title") == "Demo corpus loaded"]
    assert message == "54 articles; i adds your own"
    assert kwargs["timeout"] <= 4


# --------------------------------------------------------------------------- meetings footer


async def test_export_and_edit_reach_the_footer_once_a_brief_exists(
    rich_home: Path, make_app
) -> None:
    from textual.widgets import Footer

    from briefs.api import save_meeting
    from briefs.meeting_model import Meeting

    save_meeting(rich_home, Meeting("KAZ", "2022-07-12", "12 July", home="USA"))
    app = make_app(rich_home, home_country="United States")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)

        def footer_keys() -> set[str]:
            footer = app.screen.query_one(Footer)
            return {str(key.description) for key in footer.query("FooterKey").results()}

        assert "Export" not in footer_keys()
        await pilot.press("g")
        await settle(pilot)
        await pilot.pause()
        # Without another key press (refresh_bindings when the draft arrives).
        assert {"Export", "Edit"} <= footer_keys()
