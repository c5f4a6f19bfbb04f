"""The bar at the top of every mode screen: the app's name and a tab per mode."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Label, Tab, Tabs


class NavBar(Horizontal):
    """App name plus one tab per mode; picking a tab asks the app to switch modes."""

    class Navigate(Message):
        """The user picked another mode."""

        def __init__(self, mode: str) -> None:
            self.mode = mode
            super().__init__()

    def __init__(self, items: tuple[tuple[str, str, str], ...], current: str) -> None:
        """Build the bar.

        Args:
            items: ``(mode, label, key)`` of each mode, in order.
            current: The mode of the screen showing the bar.
        """
        super().__init__()
        self.items = items
        self.current = current

    def compose(self) -> ComposeResult:
        yield Label("briefroom", id="nav-title")
        tabs = [Tab(f"{key} {label}", id=f"nav-{mode}") for mode, label, key in self.items]
        yield Tabs(*tabs, active=f"nav-{self.current}")

    @on(Tabs.TabActivated)
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        mode = (event.tab.id or "").removeprefix("nav-")
        if mode and mode != self.current:
            event.tabs.active = f"nav-{self.current}"  # this screen stays on its own tab
            self.post_message(self.Navigate(mode))
