"""One line of status under the search box: counts, notices, "did you mean", errors."""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.widgets import Static


class StatusLine(Static):
    """Search status, built from plain values (notices may quote the user's query)."""

    COMPONENT_CLASSES = {
        "status-line--count",
        "status-line--notice",
        "status-line--error",
        "status-line--suggestion",
    }

    def show_error(self, message: str) -> None:
        """A problem the user must fix (an unknown country, an unreadable date)."""
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(
            " ".join(message.split()), style=self.get_component_rich_style("status-line--error")
        )
        self.update(text)

    def show_result(
        self,
        *,
        total: int,
        shown: int,
        sort: str,
        suggestion: str | None,
        notices: Sequence[str],
        suggestion_action: str = "screen.use_suggestion",
    ) -> None:
        """Counts, order, the suggestion (clickable) and notices."""
        text = Text(no_wrap=True, overflow="ellipsis")
        stories = "story" if total == 1 else "stories"
        text.append(
            f"{total:,} {stories}", style=self.get_component_rich_style("status-line--count")
        )
        if shown < total:
            text.append(f", {shown:,} shown (n: more)")
        text.append(f", by {sort}")
        if suggestion:
            link = self.get_component_rich_style("status-line--suggestion") + Style(
                meta={"@click": suggestion_action}
            )
            text.append("  Did you mean ")
            text.append(" ".join(suggestion.split()), style=link)
            text.append("? (ctrl+y)")
        notice_style = self.get_component_rich_style("status-line--notice")
        for notice in notices:
            text.append("  " + " ".join(notice.split()), style=notice_style)
        self.update(text)

    def clear_status(self) -> None:
        """Nothing to say."""
        self.update("")
