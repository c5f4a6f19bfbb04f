"""Every key binding, by where it applies: what the help screen lists and what a keymap
may remap (the settings screen and ``briefroom config set keymap`` check against it).

It imports every screen, inside the functions (a headless command that does not check
a keymap never loads them), so no screen may import it: the help and settings screens
ask the app (`tui.host.BriefroomHost.binding_sources` / ``binding_ids``), and the app's
own bindings are passed in rather than imported (the app imports this module).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding, BindingType


def binding_sources(app_bindings: Sequence[BindingType]) -> list[tuple[str, list[BindingType]]]:
    """Every binding, by where it applies (``app_bindings``: `BriefroomApp.BINDINGS`)."""
    from tui.screens.article import ArticleScreen
    from tui.screens.countries import CountriesScreen
    from tui.screens.dashboard import DashboardScreen
    from tui.screens.dialogs import ConfirmDialog
    from tui.screens.first_run import CountryPicker
    from tui.screens.help import HelpScreen
    from tui.screens.meeting_form import MeetingForm
    from tui.screens.meetings import MeetingsScreen
    from tui.screens.pair import PairScreen
    from tui.screens.search import SearchScreen
    from tui.screens.settings import SettingsScreen

    return [
        ("Everywhere", list(app_bindings)),
        ("Dashboard", list(DashboardScreen.BINDINGS)),
        ("Search", list(SearchScreen.BINDINGS)),
        ("Countries", list(CountriesScreen.BINDINGS)),
        ("Pair view", list(PairScreen.BINDINGS)),
        ("Meetings", list(MeetingsScreen.BINDINGS)),
        ("Add meeting", list(MeetingForm.BINDINGS)),
        ("Confirm", list(ConfirmDialog.BINDINGS)),
        ("Article", list(ArticleScreen.BINDINGS)),
        ("Settings", list(SettingsScreen.BINDINGS)),
        ("Our side", list(CountryPicker.BINDINGS)),
        ("Help", list(HelpScreen.BINDINGS)),
    ]


def binding_ids(app_bindings: Sequence[BindingType]) -> set[str]:
    """Every binding id the app and its screens define (what a keymap may remap)."""
    return {
        binding.id
        for _where, bindings in binding_sources(app_bindings)
        for binding in bindings
        if isinstance(binding, Binding) and binding.id
    }
