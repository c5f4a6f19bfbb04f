"""A brief's Markdown on the whole screen, to read it through (``p`` on the meetings screen).

The meetings screen previews the highlighted meeting's brief in a pane of a few lines;
this screen shows the same Markdown full size and scrolls with the keyboard.  Brief
text quotes articles, so links are opened only for web addresses.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Markdown, Static

from tui.screens.base import BriefroomScreen
from tui.shown import plain_text

WEB_SCHEMES = ("http://", "https://")
"""The only links opened from a brief (as on the meetings screen)."""


class BriefViewScreen(BriefroomScreen):
    """One brief, full screen; Escape goes back."""

    CSS_PATH = "../styles/brief_view.tcss"
    SUB_TITLE = "Brief"
    AUTO_FOCUS = "#brief-view-scroll"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,p,q", "close", "Back", id="brief-view.close"),
        Binding("home", "top", "Top", show=False, id="brief-view.top"),
        Binding("end", "bottom", "End", show=False, id="brief-view.bottom"),
    ]

    def __init__(self, markdown: str, *, title: str = "") -> None:
        """Show ``markdown``; ``title`` (a meeting's label) heads the screen."""
        super().__init__()
        self.markdown = markdown
        self.heading = title

    def compose(self) -> ComposeResult:
        yield Static(plain_text(self.heading or "Brief", no_wrap=True, overflow="ellipsis"),
                     id="brief-view-title")  # fmt: skip
        with VerticalScroll(id="brief-view-scroll"):
            yield Markdown(self.markdown, id="brief-view", open_links=False)
        yield Footer()

    @on(Markdown.LinkClicked, "#brief-view")
    def _link_clicked(self, event: Markdown.LinkClicked) -> None:
        href = event.href.strip()
        if href.lower().startswith(WEB_SCHEMES):
            self.app.open_url(href)
        else:
            self.notify(f"not opened: {href[:80]}", severity="warning", markup=False)

    def action_close(self) -> None:
        """Back to the meetings screen."""
        self.dismiss()

    def action_top(self) -> None:
        """The brief's first line."""
        self.query_one("#brief-view-scroll").scroll_home(animate=False)

    def action_bottom(self) -> None:
        """The brief's last line."""
        self.query_one("#brief-view-scroll").scroll_end(animate=False)
