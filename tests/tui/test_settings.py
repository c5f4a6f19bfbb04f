"""First start (choosing our side), the settings screen, and views that need our side."""

from __future__ import annotations

from pathlib import Path

import yaml
from textual.widgets import Input, Select, Static, TextArea

from tests.tui.helpers import DATA, palette_pick, settle, until
from tui.config import Config, load_config
from tui.screens.countries import CountriesScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.first_run import CountryPicker, narrow
from tui.screens.help import HelpScreen
from tui.screens.settings import SettingsScreen

SIZE = (100, 32)


def _keys(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


def _record_notifications(app) -> list[tuple[str, str]]:
    """Notifications as they are made (one may expire before the test looks)."""
    notified: list[tuple[str, str]] = []
    notify = app.notify

    def record(message: str, *args: object, **kwargs: object) -> None:
        notified.append((str(kwargs.get("title", "")), str(message)))
        notify(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = record
    return notified


async def _picker(pilot) -> CountryPicker:
    await until(pilot, lambda: isinstance(pilot.app.screen, CountryPicker))
    screen = pilot.app.screen
    assert isinstance(screen, CountryPicker)
    await until(pilot, lambda: bool(screen.countries))
    return screen


# --------------------------------------------------------------------------- first start


async def test_first_start_asks_for_our_side_and_writes_the_settings(
    archive_home: Path, make_app, briefroom_home: Path
) -> None:
    config_file = briefroom_home / "config.yaml"
    app = make_app(archive_home, ask_home_country=True, config_file=config_file)
    notified = _record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        picker = await _picker(pilot)
        await pilot.press(*_keys("kazakh"))
        await pilot.pause()
        assert picker.shown[0] == ("KAZ", "Kazakhstan")  # a demonym finds its country
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.session.home_country == "Kazakhstan"
        assert app.session.config.home_country == "Kazakhstan"
    assert load_config(config_file) == Config(home_country="Kazakhstan")
    text = config_file.read_text(encoding="utf-8")
    assert "# Our side in pair summaries and briefs" in text
    assert "# day_order: DMY" in text  # defaults stay comments
    assert any(str(config_file) in message for _title, message in notified)


async def test_first_start_keeps_the_settings_already_in_the_file(
    archive_home: Path, make_app, briefroom_home: Path
) -> None:
    config_file = briefroom_home / "config.yaml"
    briefroom_home.mkdir(parents=True, exist_ok=True)
    config_file.write_text("theme: nord\nlanguages: [en, ru]\n", encoding="utf-8")
    app = make_app(archive_home, load_config(config_file), ask_home_country=True,
                   config_file=config_file)  # fmt: skip
    async with app.run_test(size=SIZE) as pilot:
        await _picker(pilot)
        await pilot.press(*_keys("NOR"), "enter")
        await settle(pilot)
        assert app.theme == "nord"
    assert load_config(config_file) == Config(
        home_country="Norway", theme="nord", languages=("en", "ru")
    )


async def test_first_start_on_an_empty_archive_asks_after_the_demo_corpus(
    tmp_path: Path, make_app, briefroom_home: Path
) -> None:
    app = make_app(tmp_path / "empty", first_run_corpus=DATA / "sample.jsonl",
                   ask_home_country=True)  # fmt: skip
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        picker = await _picker(pilot)
        assert picker.welcome
        await pilot.press(*_keys("norw"))
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.home_country == "Norway"
    assert load_config(briefroom_home / "config.yaml").home_country == "Norway"


async def test_no_question_when_our_side_is_given(archive_home: Path, make_app) -> None:
    app = make_app(archive_home, home_country="Kazakhstan", ask_home_country=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)


async def test_skipping_then_h_and_g_say_how_to_set_our_side(
    archive_home: Path, make_app, briefroom_home: Path
) -> None:
    app = make_app(archive_home, ask_home_country=True)
    notified = _record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await _picker(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert any("Settings (press , or f6)" in message for _title, message in notified)
        notified.clear()
        await pilot.press("3")
        await settle(pilot)
        assert isinstance(app.screen, CountriesScreen)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, CountriesScreen)  # no pair view: nothing to pair with
        assert notified
        title, message = notified[-1]
        assert title == "Pair with us"
        assert message.startswith("no home country set") and "Settings" in message
    assert not (briefroom_home / "config.yaml").exists()


async def test_h_without_a_side_then_with_one(rich_home: Path, make_app) -> None:
    from tui.screens.pair import PairScreen

    app = make_app(rich_home)
    notified = _record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert app.screen.check_action("pair_home", ()) is True  # listed, and it answers
        await pilot.press("h")
        await pilot.pause()
        assert any(t == "Pair with us" and "no home country" in m for t, m in notified)
        # Set our side in the settings: the countries screen pairs with it at once.
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#set-home", Input).value = "Kazakhstan"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CountriesScreen)
        await until(pilot, lambda: app.screen.home == "KAZ")
        if app.screen.code == "KAZ":
            await pilot.press("down")
            await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, PairScreen)
        assert app.screen.a == "KAZ"


async def test_g_without_a_side_says_how_to_set_it(rich_home: Path, make_app) -> None:
    from briefs.api import save_meeting
    from briefs.meeting_model import Meeting

    save_meeting(rich_home, Meeting("NOR", "2022-07-12", "12 July"))
    app = make_app(rich_home)
    notified = _record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert any(
            t == "No home country" and "choose our side in Settings (press , or f6)" in m
            for t, m in notified
        ), notified


def test_narrow_puts_the_named_country_first() -> None:
    countries = [("AUT", "Austria"), ("GBR", "United Kingdom"), ("USA", "United States")]
    assert narrow(countries, "") == countries
    assert narrow(countries, "uk", "GBR")[0] == ("GBR", "United Kingdom")
    assert narrow(countries, "united") == countries[1:]
    assert narrow(countries, "usa") == [("USA", "United States")]


# --------------------------------------------------------------------------- settings


async def _open_settings(pilot) -> SettingsScreen:
    await pilot.press("comma")
    await until(pilot, lambda: isinstance(pilot.app.screen, SettingsScreen))
    screen = pilot.app.screen
    assert isinstance(screen, SettingsScreen)
    await until(pilot, lambda: screen.names_ready)
    return screen


async def test_settings_change_theme_side_and_keys_live(
    archive_home: Path, make_app, briefroom_home: Path
) -> None:
    config_file = briefroom_home / "config.yaml"
    app = make_app(archive_home, Config(home_country="Norway"), config_file=config_file)
    notified = _record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        version = app.archive_version
        screen = await _open_settings(pilot)
        assert screen.query_one("#set-home", Input).value == "Norway"
        screen.query_one("#set-home", Input).value = "kazakh"
        await pilot.pause()
        assert "Kazakhstan (KAZ)" in str(screen.query_one("#set-home-check", Static).content)
        screen.query_one("#set-theme", Select).value = "nord"
        screen.query_one("#set-day-order", Select).value = "MDY"
        screen.query_one("#set-languages", Input).value = "en, RU"
        screen.query_one("#set-keymap", TextArea).text = "app.help: f12\n"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.theme == "nord"
        assert app.session.home_country == "Kazakhstan"
        assert app.session.config == Config(
            home_country="Kazakhstan", day_order="MDY", languages=("en", "ru"),
            theme="nord", keymap={"app.help": "f12"},
        )  # fmt: skip
        assert app.archive_version > version  # the screens reloaded for the new side
        assert any(t == "Settings saved" and str(config_file) in m for t, m in notified)
        await pilot.press("f12")  # the new key works without a restart
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
    assert load_config(config_file) == app.session.config
    text = config_file.read_text(encoding="utf-8")
    assert "home_country: Kazakhstan" in text and "# Languages that dates" in text
    assert yaml.safe_load(text)["keymap"] == {"app.help": "f12"}


async def test_settings_show_problems_on_the_fields(
    archive_home: Path, make_app, briefroom_home: Path
) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _open_settings(pilot)
        screen.query_one("#set-home", Input).value = "Kazakstan"
        screen.query_one("#set-languages", Input).value = "en, xx"
        screen.query_one("#set-keymap", TextArea).text = "app.serch: ctrl+f\n"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen  # not saved, still open

        def check(widget_id: str) -> str:
            return str(screen.query_one(f"#{widget_id}-check", Static).content)

        assert "did you mean Kazakhstan" in check("set-home")
        assert "'xx'" in check("set-languages")
        assert "did you mean app.search" in check("set-keymap")
        for widget_id in ("set-home", "set-languages", "set-keymap"):
            assert screen.query_one(f"#{widget_id}").has_class("-invalid")
        assert not (briefroom_home / "config.yaml").exists()
        assert app.session.config == Config()
        # Fixing the fields saves.
        screen.query_one("#set-home", Input).value = "Kazakhstan"
        screen.query_one("#set-languages", Input).value = "en"
        screen.query_one("#set-keymap", TextArea).text = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, SettingsScreen)
    assert load_config(briefroom_home / "config.yaml") == Config(home_country="Kazakhstan")


async def test_settings_pick_our_side_from_the_list(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _open_settings(pilot)
        await pilot.press("ctrl+o")
        await _picker(pilot)
        await pilot.press(*_keys("germ"), "enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#set-home", Input).value == "Germany"
        await pilot.press("escape")  # closing without saving changes nothing
        await settle(pilot)
        assert app.session.home_country is None


async def test_settings_never_overwrite_a_broken_file(
    archive_home: Path, make_app, briefroom_home: Path
) -> None:
    config_file = briefroom_home / "config.yaml"
    app = make_app(archive_home)
    notified = _record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _open_settings(pilot)
        config_file.parent.mkdir(parents=True, exist_ok=True)
        config_file.write_text("theme: [\n", encoding="utf-8")  # edited by hand meanwhile
        screen.query_one("#set-home", Input).value = "Norway"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert any(t == "Settings not saved" and "not valid YAML" in m for t, m in notified)
    assert config_file.read_text(encoding="utf-8") == "theme: [\n"


async def test_settings_from_the_palette_and_help(archive_home: Path, make_app) -> None:
    app = make_app(archive_home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await palette_pick(pilot, "settings", "Settings")
        await until(pilot, lambda: isinstance(app.screen, SettingsScreen))
        assert isinstance(app.screen, SettingsScreen)
    ids = app.binding_ids()
    assert {"app.settings", "settings.save", "country-picker.skip"} <= ids
