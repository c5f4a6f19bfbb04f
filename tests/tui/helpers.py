"""Helpers for the TUI tests: a fixed extract stage, archive building, waiting for workers.

The TUI tests use their own fixed extract stage (`tui_extract`), so screens and
snapshots do not change whenever the real extractor gets better; the extractor has
its own tests in tests/search.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from contextlib import suppress
from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled, WorkerFailed

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


def build_archive(
    home: Path, *files: Path, extractor: Callable[[RawArticle], Extraction] | None = None
) -> Path:
    """Ingest ``files`` into a new archive at ``home`` with a fixed extractor."""
    from search.archive import Archive
    from search.ingest import ingest

    with Archive.open(home) as archive:
        report = ingest(archive, list(files), extractor=extractor or tui_extract)
        assert not report.rejected, report.rejected
        archive.store.set_meta("last_ingest", FIXED_INGEST_TIME)  # no clocks in snapshots
    return home


def archive_of(
    folder: Path,
    record: dict[str, object],
    extractor: Callable[[RawArticle], Extraction] | None = None,
) -> Path:
    """An archive in ``folder`` holding one article given as a JSON Lines record."""
    path = folder / "article.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return build_archive(folder / "archive", path, extractor=extractor)


ROUNDS = 200
"""How many rounds of work (workers, then messages and a refresh) a wait allows: far more
than any test needs, so that a wait that can never end fails instead of hanging."""


async def _one_round(pilot: Pilot[None]) -> None:
    """Wait for the running workers, then for the messages they posted (and a refresh)."""
    # A cancelled worker (an exclusive one replaced) or a failed one (reported by the app,
    # which the test asserts on) ends the wait for it as well as a finished one.
    with suppress(WorkerCancelled, WorkerFailed):
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def settle(pilot: Pilot[None], rounds: int = ROUNDS) -> None:
    """Wait until the app is quiet: no worker running and every message handled.

    Waits on events, not on the clock: the tests' app acts on every change at once
    (``debounce=False``, see `make_app`), so a change has started its worker by the time
    the key press returns.  A worker's result may start another worker (the archive
    opened, then every screen loads), so this waits until two rounds in a row find none
    running.  A pending debounce timer is not work it sees: with ``debounce=True``, wait
    for what the timer starts with `until` first (tests/tui/test_debounce.py).
    """
    app = pilot.app
    quiet = 0
    for _ in range(rounds):
        await _one_round(pilot)
        quiet = 0 if any(not worker.is_finished for worker in app.workers) else quiet + 1
        if quiet == 2:
            return
    raise AssertionError(f"the app did not settle in {rounds} rounds: {list(app.workers)}")


async def until(pilot: Pilot[None], condition: Callable[[], bool], rounds: int = ROUNDS) -> None:
    """Wait until ``condition()`` holds, checking after each round of work.

    For a state the test names rather than "nothing left to do": a screen shown, focus
    moved once a loading cover went, a debounced search started.  Returns after
    ``rounds`` rounds anyway: the caller asserts.
    """
    for _ in range(rounds):
        if condition():
            return
        await _one_round(pilot)


async def palette_pick(pilot: Pilot[None], query: str, expect: str, rounds: int = ROUNDS) -> None:
    """Type ``query`` in the open command palette and run the hit that contains ``expect``.

    Hits are gathered by the palette's worker from providers whose lists load in threads;
    this waits for them round by round.
    """
    from textual.command import CommandList

    await pilot.press(*["space" if ch == " " else ch for ch in query])
    palette = pilot.app.screen
    commands = palette.query_one(CommandList)
    for _ in range(rounds):
        await _one_round(pilot)
        prompts = [
            str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)
        ]
        found = [i for i, prompt in enumerate(prompts) if expect in prompt]
        if found and not commands.has_class("--populating"):
            commands.highlighted = found[0]
            await pilot.press("enter")
            return
    raise AssertionError(f"no palette hit with {expect!r} for {query!r}")


def freeze_cursors(pilot: Pilot[None]) -> None:
    """No blinking cursor in screenshots."""
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False


# --------------------------------------------------------------------------- a richer fixed extractor
#
# The countries and meetings screens show people per side, engagements, commitments and
# topics.  `rich_extract` adds them to `tui_extract`'s countries and organisations with a
# few fixed rules, so those screens have something to show that does not change when the
# real extractor improves.  (It has its own archive: the first round's snapshots keep
# `tui_extract`.)

_RICH_PERSON = re.compile(
    r"\b((?:Deputy |Prime |Foreign |Vice )*(?:Secretary|President|Minister)) ([A-Z][a-z]+)\b"
)
_PLACES = ("Washington", "Astana", "Nur-Sultan", "Oslo", "Kyiv", "Geneva", "Brussels",
           "Moscow", "Ankara", "Beijing", "New Delhi", "Berlin", "Tehran")  # fmt: skip
_EVENT_RULES = (
    (re.compile(r"\b(?:met|meeting|meet)\b", re.I), "CONSULT", "meet", "040", 1.0),
    (re.compile(r"\b(?:call|spoke)\b", re.I), "CONSULT", "phone", "040", 1.0),
    (re.compile(r"\b(?:visit|travel)\w*", re.I), "CONSULT", "visit", "042", 1.9),
    (re.compile(r"\b(?:signed|agreed)\b", re.I), "AGREE", "sign", "057", 3.0),
    (re.compile(r"\b(?:condemn|criticiz|invasion|aggression)\w*", re.I), "ACCUSE", None, "112", -2.0),
    (re.compile(r"\b(?:support|welcomed|thanked)\w*", re.I), "SUPPORT", None, "051", 3.5),
)  # fmt: skip
_ENGAGEMENT_TYPES = {"meet": "meeting", "phone": "call", "visit": "visit"}
_COMMITMENT = re.compile(r"\b(signed|agreed to|committed to|pledged|will)\b", re.I)
_TOPICS = {
    "climate": re.compile(r"\bclimate\b", re.I),
    "energy": re.compile(r"\benergy\b", re.I),
    "security": re.compile(r"\bsecurity\b", re.I),
    "trade": re.compile(r"\b(?:trade|economic)\b", re.I),
    "human-rights": re.compile(r"\bhuman rights\b", re.I),
}


def rich_extract(raw: RawArticle) -> Extraction:
    """`tui_extract` plus people with a side, events, commitments and topics (fixed rules)."""
    from bisect import bisect_right

    from search.model import Commitment, EngagementRef, Event

    base = tui_extract(raw)
    text = document_text(raw.title, raw.body)
    sentences = base.sentences
    starts = [start for start, _end in sentences]

    def sentence_of(offset: int) -> int:
        return max(0, bisect_right(starts, offset) - 1)

    mentions = [
        Mention(m.kind, m.key, m.surface, Span(m.span.start, m.span.end, sentence_of(m.span.start)))
        for m in base.mentions
        if m.kind != "person"
    ]
    in_sentence: dict[int, list[str]] = {}
    for m in mentions:
        if m.kind == "country" and m.key not in in_sentence.setdefault(m.span.sentence, []):
            in_sentence[m.span.sentence].append(m.key)

    people: dict[str, tuple[str, str | None, list[Span]]] = {}
    for m in _RICH_PERSON.finditer(text):
        span = Span(m.start(2), m.end(2), sentence_of(m.start(2)))
        mentions.append(Mention("person", m.group(2), m.group(2), span))
        role = m.group(1).lower()
        before = [c for c in in_sentence.get(span.sentence, []) if c != "USA"]
        side: str | None = "USA" if role.endswith("secretary") else next(iter(before), None)
        entry = people.setdefault(m.group(2), (role, side, []))
        entry[2].append(span)

    topics: list[str] = []
    for key, pattern in _TOPICS.items():
        for m in pattern.finditer(text):
            mentions.append(
                Mention("topic", key, m.group(0), Span(m.start(), m.end(), sentence_of(m.start())))
            )
            if key not in topics:
                topics.append(key)
    mentions.sort(key=lambda m: (m.span.start, m.kind))

    events: list[Event] = []
    commitments: list[Commitment] = []
    engagements: list[EngagementRef] = []
    for index, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        actors = list(in_sentence.get(index, []))
        if "Secretary" in sentence and "USA" not in actors:
            actors.insert(0, "USA")
        place = next((p for p in _PLACES if p in sentence), None)
        for pattern, kind, mode, cameo, score in _EVENT_RULES:
            found = pattern.search(sentence)
            if found and len(actors) >= 2:
                span = Span(start + found.start(), start + found.end(), index)
                events.append(Event(kind, mode, cameo, score, tuple(actors), span, found.group(0),
                                    place=place))  # fmt: skip
                if kind == "CONSULT" and not engagements:
                    # One engagement per article: what the readout reports, with the people
                    # named in its sentence on their sides.
                    named = tuple(
                        (side, name)
                        for name, (_role, side, spans) in people.items()
                        if side in actors and any(sp.sentence == index for sp in spans)
                    )
                    engagements.append(EngagementRef(
                        _ENGAGEMENT_TYPES[mode], "main", tuple(actors[:2]), (), named,
                        Span(start, end, index), found.group(0), place=place,
                    ))  # fmt: skip
                break
        found = _COMMITMENT.search(sentence)
        if found and actors:
            word = found.group(1).lower()
            kind, status = {
                "signed": ("signature", "signed"),
                "agreed to": ("agreement", "agreed"),
            }.get(word, ("intent", "stated"))
            summary = " ".join(sentence.split())
            if len(summary) > 140:
                summary = summary[:139].rstrip() + "…"
            commitments.append(Commitment(kind, status, tuple(actors), summary,
                                          Span(start, end, index)))  # fmt: skip

    return Extraction(
        sentences=sentences,
        countries=base.countries,
        mentions=tuple(mentions),
        people=tuple(
            PersonRef(name, role, side, (), tuple(spans))
            for name, (role, side, spans) in people.items()
        ),
        orgs=base.orgs,
        topics=tuple(topics),
        events=tuple(events),
        commitments=tuple(commitments),
        engagements=tuple(engagements),
    )
