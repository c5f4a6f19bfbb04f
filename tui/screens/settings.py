"""Settings: our side, day order, date languages, theme and keys, saved to ``config.yaml``.

Saving checks every field with the rules ``briefroom config set`` uses
(`tui.config_write.check_setting`) and shows what is wrong under the field; when all
are right it writes the commented settings file (`tui.config_write.save_settings`, in
a worker) and the app applies them at once (`BriefroomApp.apply_config`): the theme
switches, the keymap is rebound, and the screens that depend on our side, the day
order or the languages reload.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Select, Static, TextArea
from textual.worker import get_current_worker

from tui.config_write import DAY_ORDERS, format_keymap
from tui.screens.base import BriefroomScreen

if TYPE_CHECKING:
    from tui.config import Config

FIELDS: dict[str, str] = {
    "home_country": "set-home",
    "day_order": "set-day-order",
    "languages": "set-languages",
    "theme": "set-theme",
    "keymap": "set-keymap",
}
"""Setting -> the id of the widget editing it (its check line is ``<id>-check``)."""

LANGUAGES_HINT = "of dates typed in words: en, ru, kk, fr, de ..."
KEYMAP_HELP = (
    "One binding a line, `id: keys` (app.search: ctrl+f); several keys separated by "
    "commas. The ids are in the help screen's Keys tab."
)


class SettingsScreen(BriefroomScreen):
    """The settings form, pushed over the current screen."""

    CSS_PATH = "../styles/settings.tcss"
    SUB_TITLE = "Settings"
    AUTO_FOCUS = "#set-home"
    COMPONENT_CLASSES: ClassVar[set[str]] = {"settings--ok", "settings--error", "settings--hint"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="settings.save"),
        Binding("escape", "close", "Close", id="settings.close"),
        Binding("ctrl+o", "pick_country", "Pick our side", id="settings.pick-country"),
    ]

    class NamesLoaded(Message):
        """Country names for completion (the gazetteer is ready)."""

        def __init__(self, names: list[str]) -> None:
            self.names = names
            super().__init__()

    class Checked(Message):
        """The form was checked: the problems per setting (none: it was saved)."""

        def __init__(self, problems: dict[str, str], config: Config | None, path: Path) -> None:
            self.problems = problems
            self.config = config
            self.path = path
            super().__init__()

    class SaveFailed(Message):
        """The settings file could not be read or written."""

        def __init__(self, message: str) -> None:
            self.message = message
            super().__init__()

    def __init__(self) -> None:
        super().__init__()
        self.names_ready = False
        self.saving = False

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        config = self.session.config
        themes = sorted(self.app.available_themes)
        theme = config.theme if config.theme in themes else self.app.theme
        with VerticalScroll(id="settings-form"):
            yield Label("Settings", classes="settings-title")
            yield Static(Text(f"Saved in {self.briefroom.config_file}"), id="settings-path")
            with Horizontal(classes="form-row"):
                yield Label("Our side", classes="form-label")
                yield Input(config.home_country or "", id="set-home", compact=True,
                            placeholder="Kazakhstan, KAZ, Kazakh (empty: not set)")  # fmt: skip
                yield Button("Pick…", id="set-pick", compact=True)
            yield Static(id="set-home-check", classes="form-check")
            with Horizontal(classes="form-row"):
                yield Label("Day order", classes="form-label")
                yield Select(
                    [(f"{order}  {meaning}", order) for order, meaning in DAY_ORDERS.items()],
                    value=config.day_order if config.day_order in DAY_ORDERS else "DMY",
                    allow_blank=False, id="set-day-order", compact=True,
                )  # fmt: skip
            yield Static(id="set-day-order-check", classes="form-check")
            with Horizontal(classes="form-row"):
                yield Label("Languages", classes="form-label")
                yield Input(", ".join(config.languages), id="set-languages", compact=True,
                            placeholder="en, ru (dates in words may be in these)")  # fmt: skip
            yield Static(id="set-languages-check", classes="form-check")
            with Horizontal(classes="form-row"):
                yield Label("Theme", classes="form-label")
                yield Select([(name, name) for name in themes], value=theme, allow_blank=False,
                             id="set-theme", compact=True)  # fmt: skip
            yield Static(id="set-theme-check", classes="form-check")
            with Vertical(id="set-keymap-box"):
                yield Label("Keys of your own", classes="form-label")
                yield Static(Text(KEYMAP_HELP), classes="form-hint")
                yield TextArea(format_keymap(config.keymap, lines=True), id="set-keymap",
                               compact=True, placeholder="app.search: ctrl+f")  # fmt: skip
            yield Static(id="set-keymap-check", classes="form-check")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="set-save", compact=True)
                yield Button("Cancel (esc)", id="set-cancel", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self._reset("languages")
        self._override_note()
        self._load_names()

    def _override_note(self) -> None:
        session = self.session
        if session.home_country and session.home_country != session.config.home_country:
            note = f"this run uses --home {session.home_country}; saving sets the file's value"
            self._show("home_country", self._text(note, "hint"))

    @work(thread=True, exclusive=True, group="settings-names", name="countries",
          exit_on_error=False)  # fmt: skip
    def _load_names(self) -> None:
        from search.api import all_country_names, warm_countries

        names = all_country_names()
        warm_countries()
        if not get_current_worker().is_cancelled:
            self.post_message(self.NamesLoaded(names))

    @on(NamesLoaded)
    def _names_loaded(self, message: NamesLoaded) -> None:
        self.names_ready = True
        home = self.query_one("#set-home", Input)
        home.suggester = SuggestFromList(message.names, case_sensitive=False)
        if home.value.strip():
            self._check_home(home.value)

    # ------------------------------------------------------------------ field checks

    def _text(self, text: str, kind: str) -> Text:
        return Text(text, style=self.get_component_rich_style(f"settings--{kind}"))

    def _show(self, key: str, text: Text | None, *, invalid: bool = False) -> None:
        self.query_one(f"#{FIELDS[key]}-check", Static).update(text or "")
        self.query_one(f"#{FIELDS[key]}", Widget).set_class(invalid, "-invalid")

    def _problem(self, key: str, message: str) -> None:
        self._show(key, self._text("✗ " + message, "error"), invalid=True)

    def _reset(self, key: str) -> None:
        """The check line of a field without a problem: what it says while typing."""
        if key == "home_country":
            self._check_home(self.query_one("#set-home", Input).value)
        elif key == "languages":
            self._show(key, self._text(LANGUAGES_HINT, "hint"))
        else:
            self._show(key, None)

    @on(Input.Changed, "#set-home")
    def _home_changed(self, event: Input.Changed) -> None:
        self._check_home(event.value)

    def _check_home(self, value: str) -> None:
        if not self.names_ready:
            self._show("home_country", None)
            self._override_note()
            return
        from search.api import country_name, resolve_country

        text = value.strip()
        if not text:
            self._show("home_country", self._text("not set: pair views and briefs ask", "hint"))
            return
        code = resolve_country(text)
        if code is None:
            self._show("home_country", self._text("not a known country (yet)", "hint"))
        else:
            self._show("home_country", self._text(f"✓ {country_name(code)} ({code})", "ok"))

    @on(Input.Changed, "#set-languages")
    @on(TextArea.Changed, "#set-keymap")
    def _edited(self, event: Input.Changed | TextArea.Changed) -> None:
        widget = event.input if isinstance(event, Input.Changed) else event.text_area
        widget.remove_class("-invalid")

    # ------------------------------------------------------------------ country picker

    @on(Button.Pressed, "#set-pick")
    def action_pick_country(self) -> None:
        """Choose our side from the country list."""
        from tui.screens.first_run import CountryPicker

        def chosen(code: str | None) -> None:
            if code is None:
                return
            from search.api import country_name

            home = self.query_one("#set-home", Input)
            home.value = country_name(code)
            home.focus()

        current = self.query_one("#set-home", Input).value.strip() or None
        self.app.push_screen(CountryPicker(current=current), chosen)

    # ------------------------------------------------------------------ save

    def _form(self) -> dict[str, Any]:
        return {
            "home_country": self.query_one("#set-home", Input).value.strip() or None,
            "day_order": self.query_one("#set-day-order", Select).value,
            "languages": self.query_one("#set-languages", Input).value,
            "theme": self.query_one("#set-theme", Select).value,
            "keymap": self.query_one("#set-keymap", TextArea).text,
        }

    @on(Button.Pressed, "#set-save")
    def action_save(self) -> None:
        """Check the fields; save and apply them when they are right."""
        if self.saving:
            return
        self.saving = True
        self.query_one("#set-save", Button).disabled = True
        host = self.briefroom
        self._save(self._form(), set(self.app.available_themes), host.config_file, host.binding_ids)

    @work(thread=True, exclusive=True, group="settings-save", name="settings-save",
          exit_on_error=False)  # fmt: skip
    def _save(
        self,
        form: dict[str, Any],
        themes: set[str],
        path: Path,
        binding_ids: Callable[[], Collection[str]],
    ) -> None:
        from tui.config import ConfigError
        from tui.config_write import SettingError, check_setting, save_settings

        ids = binding_ids()  # here: it imports every screen
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for key, value in form.items():
            if value is None:
                values[key] = None
                continue
            try:
                values[key] = check_setting(key, value, themes=themes, binding_ids=ids)
            except SettingError as exc:
                problems[key] = exc.message
        config = None
        if not problems:
            values["keymap"] = values["keymap"] or None
            try:
                config = save_settings(values, path)
            except (ConfigError, SettingError) as exc:
                self.post_message(self.SaveFailed(str(exc)))
                return
        self.post_message(self.Checked(problems, config, path))

    def worker_error(self, name: str, error: BaseException | None) -> None:
        if name == "settings-save":
            self._saved_or_not()

    def _saved_or_not(self) -> None:
        self.saving = False
        self.query_one("#set-save", Button).disabled = False

    @on(SaveFailed)
    def _save_failed(self, message: SaveFailed) -> None:
        self._saved_or_not()
        self.notify(message.message, title="Settings not saved", severity="error", timeout=10,
                    markup=False)  # fmt: skip

    @on(Checked)
    def _checked(self, message: Checked) -> None:
        self._saved_or_not()
        for key in FIELDS:
            if key in message.problems:
                self._problem(key, message.problems[key])
            else:
                self._reset(key)
        if message.problems:
            first = next(key for key in FIELDS if key in message.problems)
            self.query_one(f"#{FIELDS[first]}", Widget).focus()
            return
        assert message.config is not None
        config = message.config
        self.briefroom.apply_config(config, saved_to=message.path)
        if config.theme in self.app.available_themes:
            self.app.theme = config.theme  # chosen here: it also ends a ctrl+t switch
        self.dismiss()

    @on(Button.Pressed, "#set-cancel")
    def action_close(self) -> None:
        """Close without saving."""
        self.dismiss()
