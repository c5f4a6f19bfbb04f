"""Corpus health: counts, dates and the state of the search index."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

if TYPE_CHECKING:
    from search.api import ArchiveStats


class CorpusHealth(Static):
    """What `search.archive.archive_stats` reports, as a small table."""

    COMPONENT_CLASSES = {"corpus-health--label", "corpus-health--ok", "corpus-health--problem"}

    stats: reactive[ArchiveStats | None] = reactive(None)

    def render(self) -> Text:
        stats = self.stats
        text = Text(no_wrap=False)
        if stats is None:
            return text
        label = self.get_component_rich_style("corpus-health--label")
        ok = self.get_component_rich_style("corpus-health--ok")
        problem = self.get_component_rich_style("corpus-health--problem")

        def row(name: str, value: str | Text) -> None:
            text.append(f"{name:<10}", style=label)
            text.append(value)
            text.append("\n")

        stories = f"  ({stats.stories:,} stories)" if stats.stories != stats.articles else ""
        row("Articles", f"{stats.articles:,}{stories}")
        row("Sources", f"{stats.sources:,}")
        row("Countries", f"{stats.countries:,}")
        if stats.first_date and stats.last_date:
            row("Dates", f"{stats.first_date[:10]} to {stats.last_date[:10]}")
        else:
            row("Dates", "-")
        row("Ingested", _when(stats.last_ingest))
        if stats.index_ok:
            docs = stats.index_documents or 0
            segments = "segment" if stats.index_segments == 1 else "segments"
            row("Index", Text(f"ok, {docs:,} docs, {stats.index_segments} {segments}", style=ok))
        else:
            row("Index", Text("needs repair", style=problem))
            for line in stats.index_problems:
                text.append(" ".join(line.split()), style=problem)
                text.append("\n")
        if stats.outdated_extractions:
            row(
                "Analysis",
                Text(
                    f"{stats.outdated_extractions:,} articles analysed by an older briefroom: "
                    "run briefroom reextract",
                    style=problem,
                ),
            )
        text.rstrip()
        return text


def _when(stamp: str | None) -> str:
    """``2024-05-01T10:22:03Z`` as ``2024-05-01 10:22 UTC``."""
    if not stamp:
        return "never"
    if len(stamp) >= 16 and stamp[10] == "T":
        return f"{stamp[:10]} {stamp[11:16]} UTC"
    return stamp
