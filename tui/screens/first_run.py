"""Choosing our side: the country picker shown on first start and from the settings.

On first start (no ``home_country`` in ``config.yaml`` and no ``--home``) the app shows
it with a welcome; the chosen country is written to ``config.yaml`` by the app
(`BriefroomApp.save_settings`).  Escape skips: the app then says how to set it later.

Type to narrow the list (names, ISO codes, demonyms and other names: "Kazakh", "UK",
"U.S." find their country); Up/Down move through it while typing, Enter chooses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.screens.base import BriefroomModal

if TYPE_CHECKING:
    from tui.host import BriefroomHost

WELCOME = (
    "Pair views and briefs are drafted from our side. Which country do we represent? "
    "It is saved in the settings file; change it any time in Settings (press {key})."
)
CHOOSE = "Our side in pair summaries and briefs."


def narrow(
    countries: list[tuple[str, str]], needle: str, resolved: str | None = None
) -> list[tuple[str, str]]:
    """The countries a filter lets through: the one ``needle`` names first (``resolved``,
    from the gazetteer: demonyms, other names), then names starting with it, then names
    or codes containing it."""
    from search.api import fold

    wanted = fold(needle)
    if not wanted:
        return list(countries)
    first: list[tuple[str, str]] = []
    starts: list[tuple[str, str]] = []
    contains: list[tuple[str, str]] = []
    for code, name in countries:
        folded = fold(name)
        if code == resolved:
            first.append((code, name))
        elif folded.startswith(wanted) or code.lower() == wanted:
            starts.append((code, name))
        elif wanted in folded or wanted in code.lower():
            contains.append((code, name))
    return first + starts + contains


class CountryPicker(BriefroomModal):
    """Dismisses with the chosen country's ISO code, or None (skipped)."""

    CSS_PATH = "../styles/first_run.tcss"
    AUTO_FOCUS = "#picker-filter"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "skip", "Skip", id="country-picker.skip"),
        Binding("down", "move(1)", "Next", show=False, id="country-picker.down"),
        Binding("up", "move(-1)", "Previous", show=False, id="country-picker.up"),
        Binding("pagedown", "move(10)", "Page down", show=False, id="country-picker.page-down"),
        Binding("pageup", "move(-10)", "Page up", show=False, id="country-picker.page-up"),
    ]

    class CountriesLoaded(Message):
        """The country list (the gazetteer is ready too)."""

        def __init__(self, countries: list[tuple[str, str]]) -> None:
            self.countries = countries
            super().__init__()

    def __init__(self, *, welcome: bool = False, current: str | None = None) -> None:
        """Build the picker.

        Args:
            welcome: The first-start wording (else the settings' wording).
            current: The country to highlight first (a name or code), if any.
        """
        super().__init__()
        self.welcome = welcome
        self.current = current
        self.countries: list[tuple[str, str]] = []
        self.shown: list[tuple[str, str]] = []

    @property
    def briefroom(self) -> BriefroomHost:
        """The app, typed as what screens use of it (`tui.host`)."""
        return cast("BriefroomHost", self.app)

    def compose(self) -> ComposeResult:
        title = "Welcome to briefroom: choose our side" if self.welcome else "Our side"
        intro = WELCOME.format(key=self.briefroom.settings_key()) if self.welcome else CHOOSE
        with Vertical(id="country-picker", classes="dialog"):
            yield Label(title, classes="dialog-title")
            yield Static(Text(intro), classes="dialog-help", id="picker-intro")
            yield Input(placeholder="Type to narrow: Kazakhstan, KAZ, Kazakh", id="picker-filter",
                        compact=True)  # fmt: skip
            yield OptionList(id="picker-list")
            with Horizontal(classes="dialog-buttons"):
                yield Static(
                    "↑↓ move · Enter choose · Esc " + ("skip" if self.welcome else "cancel"),
                    id="picker-help",
                )
                yield Button("Choose", variant="primary", id="picker-choose", compact=True)
                yield Button("Skip" if self.welcome else "Cancel", id="picker-skip", compact=True)

    def on_mount(self) -> None:
        self.query_one("#picker-list", OptionList).loading = True
        self._load()

    @work(thread=True, exclusive=True, group="country-picker", name="countries",
          exit_on_error=False)  # fmt: skip
    def _load(self) -> None:
        from search.api import warm_countries
        from tui.config_write import country_choices

        countries = country_choices()
        warm_countries()  # built here, not on the UI thread at the first keystroke
        if not get_current_worker().is_cancelled:
            self.post_message(self.CountriesLoaded(countries))

    def worker_error(self, name: str, error: BaseException | None) -> None:
        self.query_one("#picker-list", OptionList).loading = False

    @on(CountriesLoaded)
    def _loaded(self, message: CountriesLoaded) -> None:
        self.countries = message.countries
        self.query_one("#picker-list", OptionList).loading = False
        self._fill(keep=self._resolve(self.current) if self.current else None)

    def _resolve(self, text: str) -> str | None:
        if not self.countries or not text.strip():
            return None
        from search.api import resolve_country

        return resolve_country(text)

    def _fill(self, keep: str | None = None) -> None:
        needle = self.query_one("#picker-filter", Input).value
        self.shown = narrow(self.countries, needle, self._resolve(needle))
        options = self.query_one("#picker-list", OptionList)
        options.clear_options()
        options.add_options(
            [
                Option(Text.assemble(name, ("  " + code, "dim")), id=code)
                for code, name in self.shown
            ]
        )
        codes = [code for code, _name in self.shown]
        if codes:
            options.highlighted = codes.index(keep) if keep in codes else 0
        count = f"{len(self.shown)} of {len(self.countries)}" if needle.strip() else ""
        options.border_subtitle = count or f"{len(self.countries)} countries"

    @on(Input.Changed, "#picker-filter")
    def _filter_changed(self) -> None:
        self.query_one("#picker-filter", Input).remove_class("-invalid")
        if self.countries:
            self._fill()

    def action_move(self, step: int) -> None:
        """Move the highlight (the cursor stays in the filter)."""
        options = self.query_one("#picker-list", OptionList)
        if not options.option_count:
            return
        current = options.highlighted if options.highlighted is not None else -1
        options.highlighted = max(0, min(options.option_count - 1, current + step))

    @on(Input.Submitted, "#picker-filter")
    @on(Button.Pressed, "#picker-choose")
    def _choose_highlighted(self) -> None:
        options = self.query_one("#picker-list", OptionList)
        option = options.highlighted_option
        if option is None or option.id is None:
            self.query_one("#picker-filter", Input).add_class("-invalid")
            self.notify(
                "no country matches: type part of its name or its code" if self.countries
                else "the country list is still loading",
                severity="warning",
            )  # fmt: skip
            return
        self.dismiss(option.id)

    @on(OptionList.OptionSelected, "#picker-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(event.option.id)

    @on(Button.Pressed, "#picker-skip")
    def action_skip(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
