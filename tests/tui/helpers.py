"""Helpers for the TUI tests: a fixed extract stage, archive building, waiting for workers.

The TUI tests use their own fixed extract stage (`tui_extract`), so screens and
snapshots do not change whenever the real extractor gets better; the extractor has
its own tests in tests/search.
"""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled

from search.extract.sentences import document_sentences
from search.model import Extraction, Mention, PersonRef, RawArticle, Span, document_text

DATA = Path(__file__).resolve().parents[1] / "data"
AS_OF = date(2022, 7, 1)
FIXED_INGEST_TIME = "2022-07-01T09:00:00Z"

# A few countries and how they are written in the sample, enough to exercise the
# Countries column, the filters and the entity highlights.
_COUNTRIES = {
    "Kazakhstan": "KAZ",
    "Kazakhstani": "KAZ",
    "Norway": "NOR",
    "Norwegian": "NOR",
    "United States": "USA",
    "U.S.": "USA",
    "Ukraine": "UKR",
    "Russia": "RUS",
    "Germany": "DEU",
    "Turkey": "TUR",
    "Turkish": "TUR",
    "Iran": "IRN",
    "China": "CHN",
    "India": "IND",
    "Greenland": "GRL",
}
_COUNTRY = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _COUNTRIES), key=len)[::-1]) + r")(?!\w)"
)
_PERSON = re.compile(r"\b(?:Secretary|President|Minister) ([A-Z][a-z]+)\b")
_ORG = re.compile(r"\b(United Nations|UNESCO|NATO|OSCE)\b")


def tui_extract(raw: RawArticle) -> Extraction:
    """A fixed, tiny extract stage: a handful of countries, people after a title, four orgs."""
    text = document_text(raw.title, raw.body)
    mentions: list[Mention] = []
    countries: list[str] = []
    for m in _COUNTRY.finditer(text):
        code = _COUNTRIES[m.group(1)]
        mentions.append(Mention("country", code, m.group(1), Span(m.start(), m.end(), 0)))
        if code not in countries:
            countries.append(code)
    people: dict[str, list[Span]] = {}
    for m in _PERSON.finditer(text):
        span = Span(m.start(1), m.end(1), 0)
        people.setdefault(m.group(1), []).append(span)
        mentions.append(Mention("person", m.group(1), m.group(1), span))
    orgs: list[str] = []
    for m in _ORG.finditer(text):
        mentions.append(Mention("org", m.group(1), m.group(1), Span(m.start(), m.end(), 0)))
        if m.group(1) not in orgs:
            orgs.append(m.group(1))
    mentions.sort(key=lambda m: m.span.start)
    return Extraction(
        sentences=tuple(document_sentences(raw.title, raw.body)),
        countries=tuple(countries),
        mentions=tuple(mentions),
        people=tuple(
            PersonRef(name, "minister", None, (), tuple(spans)) for name, spans in people.items()
        ),
        orgs=tuple(orgs),
    )


def build_archive(home: Path, *files: Path) -> Path:
    """Ingest ``files`` into a new archive at ``home`` with the fixed extractor."""
    from search.archive import Archive
    from search.ingest import ingest

    with Archive.open(home) as archive:
        report = ingest(archive, list(files), extractor=tui_extract)
        assert not report.rejected, report.rejected
        archive.store.set_meta("last_ingest", FIXED_INGEST_TIME)  # no clocks in snapshots
    return home


async def settle(pilot: Pilot[None], rounds: int = 20) -> None:
    """Wait until no worker runs and no timer (the search debounce) is pending."""
    app = pilot.app
    for _ in range(rounds):
        with suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause(0.05)
        busy = any(not w.is_finished for w in app.workers)
        if not busy:
            await pilot.pause(0.3)  # past the debounce, then check again
            with suppress(WorkerCancelled):
                await app.workers.wait_for_complete()
            await pilot.pause()
            if not any(not w.is_finished for w in app.workers):
                return


def freeze_cursors(pilot: Pilot[None]) -> None:
    """No blinking cursor in screenshots."""
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
