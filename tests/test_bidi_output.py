"""Bidi controls in article text never reach a terminal or an export raw (Trojan Source).

The archive keeps them as published; every output either escapes them (JSON, YAML: the
document still loads to the stored text) or shows them as ``<U+202E>`` (terminal,
Markdown), so that a right-to-left override in a headline cannot reverse what follows.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from briefs.brief_yaml import doc_to_yaml
from briefs.summary_json import to_yaml
from search.bidi import BIDI_CONTROLS, dumps_json, neutral_bidi, neutral_bidi_spans
from search.model import Extraction, RawArticle
from tests.tui.helpers import AS_OF, archive_of, settle, tui_extract
from tui.cli import cli

RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"
RAW = re.compile(f"[{BIDI_CONTROLS}]")

DATA = Path(__file__).parent / "data"
ARTICLE_ID = "bidi-1"
TITLE = f"Kazakhstan and Norway {RLO}hold talks{PDF} in {LRI}Oslo{PDI}"
SOURCE = f"Kaz{LRI}inform{PDI}"
SENTENCE_END = f"consultations in Oslo {LRI}as agreed{PDI}."
# People as an extractor may one day name them (today's stops at a control).
THEIRS = f"Audun {RLO}Halvorsen{PDF}"
OURS = f"Roman {LRI}Vassilenko{PDI}"
RENAMED = {"Audun Halvorsen": THEIRS, "Roman Vassilenko": OURS}


def _body() -> str:
    body = (DATA / "seed.txt").read_text(encoding="utf-8")
    assert "consultations in Oslo." in body
    return body.replace("consultations in Oslo.", SENTENCE_END, 1)


def _extract(raw: RawArticle) -> Extraction:
    """The product's extract stage, with two people's names holding bidi controls."""
    from search.extract import extract_article

    found = extract_article(raw)

    def name(text: str) -> str:
        return RENAMED.get(text, text)

    return dataclasses.replace(
        found,
        people=tuple(dataclasses.replace(p, name=name(p.name)) for p in found.people),
        engagements=tuple(
            dataclasses.replace(e, participants=tuple((s, name(n)) for s, n in e.participants))
            for e in found.engagements
        ),
    )


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from search.archive import Archive
    from search.ingest import ingest

    folder = tmp_path_factory.mktemp("bidi")
    record = {"id": ARTICLE_ID, "title": TITLE, "date": "2025-05-20", "source": SOURCE,
              "lang": "en", "url": "https://example.org/talks", "body": _body()}  # fmt: skip
    path = folder / "bidi.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with Archive.open(folder / "home") as archive:
        report = ingest(archive, [path], extractor=_extract)
        assert not report.rejected, report.rejected
        stored = archive.store.get(ARTICLE_ID)
        assert stored is not None and stored.title == TITLE  # stored as published
        assert stored.source == SOURCE and SENTENCE_END in stored.body
    return folder / "home"


@pytest.fixture
def home(_template: Path, briefroom_home: Path) -> Path:
    shutil.copytree(_template, briefroom_home)
    return briefroom_home


def run(*args: str) -> Result:
    # Wide: Rich wraps to the terminal, and a placeholder must show on one line here.
    result = CliRunner(env={"COLUMNS": "400"}).invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result


def assert_no_raw(output: str | bytes) -> None:
    text = output.decode("utf-8") if isinstance(output, bytes) else output
    found = RAW.findall(text)
    assert not found, f"raw bidi controls: {[f'U+{ord(c):04X}' for c in found]}"


def strings(value: Any) -> Iterator[str]:
    """Every string in a loaded document, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


# --------------------------------------------------------------------------- CLI


def test_search_shows_placeholders_in_the_terminal(home: Path) -> None:
    result = run("search", "consultations")
    assert_no_raw(result.stdout_bytes)
    assert "Kazakhstan and Norway <U+202E>hold talks<U+202C> in <U+2066>Oslo<U+2069>" in (
        result.stdout
    )
    assert "Kaz<U+2066>inform<U+2069>" in result.stdout


def test_search_json_escapes_and_parses_to_the_stored_text(home: Path) -> None:
    result = run("search", "consultations", "--json")
    assert_no_raw(result.stdout_bytes)
    assert "\\u202e" in result.stdout and "\\u2066" in result.stdout
    (hit,) = [h for h in json.loads(result.stdout)["hits"] if h["id"] == ARTICLE_ID]
    assert hit["title"] == TITLE
    assert hit["source"] == SOURCE


def test_country_yaml_and_json_escape_and_load_to_the_stored_text(home: Path) -> None:
    as_yaml = run("country", "Norway", "--with", "Kazakhstan", "--yaml")
    as_json = run("country", "Norway", "--with", "Kazakhstan", "--json")
    assert_no_raw(as_yaml.stdout_bytes)
    assert_no_raw(as_json.stdout_bytes)
    doc = yaml.safe_load(as_yaml.stdout)
    assert doc == json.loads(as_json.stdout)
    found = set(strings(doc))
    assert {TITLE, SOURCE, THEIRS, OURS} <= found
    assert any(s.endswith(SENTENCE_END) for s in found)


@pytest.mark.parametrize("fmt", [[], ["--md"]], ids=["tables", "markdown"])
def test_country_report_and_tables_show_placeholders(home: Path, fmt: list[str]) -> None:
    result = run("country", "Norway", "--with", "Kazakhstan", *fmt)
    assert_no_raw(result.stdout_bytes)
    assert "Audun <U+202E>Halvorsen<U+202C>" in result.stdout
    if fmt:
        assert "hold talks<U+202C>" in result.stdout
        assert "Oslo <U+2066>as agreed<U+2069>." in result.stdout


def test_article_shows_placeholders_and_its_json_escapes(home: Path) -> None:
    shown = run("article", ARTICLE_ID)
    assert_no_raw(shown.stdout_bytes)
    assert "<U+202E>hold talks<U+202C>" in shown.stdout
    assert "Audun <U+202E>Halvorsen<U+202C>" in shown.stdout
    result = run("article", ARTICLE_ID, "--json")
    assert_no_raw(result.stdout_bytes)
    doc = json.loads(result.stdout)
    assert doc["title"] == TITLE
    assert {THEIRS, OURS} <= set(strings(doc))


def test_brief_markdown_and_yaml(home: Path, tmp_path: Path) -> None:
    attendee = f"Anniken {RLO}Huitfeldt"
    result = run("--home", "Kazakhstan", "--as-of", "2025-06-11", "brief", "Norway",
                 "--date", "next Tuesday", "--with", attendee, "--out", str(tmp_path))  # fmt: skip
    yaml_path, md_path = (Path(line) for line in result.stdout.split())
    md = md_path.read_bytes()
    assert_no_raw(md)
    assert "hold talks<U+202C>" in md.decode() and "Anniken <U+202E>Huitfeldt" in md.decode()
    data = yaml_path.read_bytes()
    assert_no_raw(data)
    assert b"\\u202E" in data
    doc = yaml.safe_load(data)
    assert doc["meeting"]["attendees"] == [attendee]
    found = set(strings(doc))
    assert {TITLE, SOURCE, attendee} <= found
    assert any(s.endswith(SENTENCE_END) for s in found)
    # The escaped YAML is still the brief: rendering it gives the same Markdown.
    again = CliRunner().invoke(cli, ["render", str(yaml_path), "--out", "-"])
    assert again.exit_code == 0, again.output
    assert again.stdout_bytes == md


# --------------------------------------------------------------------------- TUI


@pytest.mark.slow  # a Pilot test (tests/tui/conftest.py marks those by fixture)
async def test_tui_search_results_and_reader_never_draw_a_raw_control(tmp_path: Path) -> None:
    from textual.widgets import DataTable, Input, Static

    from tui.app import BriefroomApp
    from tui.config import Config
    from tui.screens.article import ArticleScreen
    from tui.widgets.article_body import ArticleBody
    from tui.widgets.preview import HitPreview

    record = {
        "id": "evil-1",
        "title": f"Talks on {RLO}Norway{PDF}",
        "date": "2022-01-05",
        "source": f"{LRI}Agency{PDI}",
        "body": f"Officials in {RLO}Oslo{PDF} met officials from Norway {LRI}today{PDI}.",
    }
    app = BriefroomApp(archive_of(tmp_path, record), Config(), as_of=AS_OF, extractor=tui_extract,
                       debounce=False)  # fmt: skip
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"officials")
        await settle(pilot)
        screen = app.screen
        assert screen.result.total == 1
        title = screen.query_one("#results", DataTable).get_row_at(0)[1]
        assert title.plain == "Talks on <U+202E>Norway<U+202C>"
        assert "<U+2066>Agency<U+2069>" in screen.query_one(HitPreview).build_text().plain
        shot = app.export_screenshot()
        assert_no_raw(shot)
        assert "U+202E&gt;Norway" in shot

        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        body = app.screen.query_one(ArticleBody)
        paragraphs = [p.visual for p in body.query(".paragraph").results(Static)]
        texts = [body._paragraph_text(start, end) for start, end in body._spans]
        assert paragraphs and texts[-1].plain.startswith("Officials in <U+202E>Oslo<U+202C>")
        # The mention of Norway is still styled on "Norway", after the placeholders.
        styled = {texts[-1].plain[s.start : s.end] for s in texts[-1].spans}
        assert "Norway" in styled
        shot = app.export_screenshot()
        assert_no_raw(shot)
        assert "U+202E&gt;Oslo" in shot

        # Text that no widget neutralised (here what was typed or pasted in a filter) is
        # drawn without them (`tui.app.BidiFilter`).
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        screen.query_one("#until", Input).value = f"{RLO}last{PDF} month"
        await settle(pilot)
        shot = app.export_screenshot()
        assert_no_raw(shot)
        assert "last&#160;month" in shot


# --------------------------------------------------------------------------- properties

# Any text, with bidi controls, quotes, backslashes and line breaks often (half the
# characters; `st.text` with this alphabet would draw them as rarely as any other).
# No lone surrogates: stored text never holds one (`search.readers.cleaning` replaces them).
texts = st.lists(
    st.sampled_from([*BIDI_CONTROLS, '"', "\\", "\n", " ", "a", "é"])
    | st.characters(blacklist_categories=("Cs",)),
    max_size=30,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_json_round_trips_and_holds_no_raw_control(text: str) -> None:
    out = dumps_json({text: [text]})
    assert not RAW.search(out)
    assert json.loads(out) == {text: [text]}


@settings(max_examples=200, deadline=None)
@given(texts)
def test_yaml_writers_round_trip_and_hold_no_raw_control(text: str) -> None:
    for out in (to_yaml({"k": text, "list": [text]}), doc_to_yaml({"k": text, "list": [text]})):
        assert not RAW.search(out)
        assert yaml.safe_load(out) == {"k": text, "list": [text]}


@settings(max_examples=200, deadline=None)
@given(texts, st.data())
def test_terminal_form_holds_no_control_and_spans_follow(text: str, data: st.DataObject) -> None:
    shown = neutral_bidi(text)
    assert not RAW.search(shown)
    bounds = st.integers(0, len(text))
    spans = data.draw(st.lists(st.tuples(bounds, bounds).map(sorted).map(tuple), max_size=4))
    moved_text, moved = neutral_bidi_spans(text, spans)
    assert moved_text == shown
    for (start, end), (new_start, new_end) in zip(spans, moved, strict=True):
        # A span shows the same text, its controls neutralised.
        assert shown[new_start:new_end] == neutral_bidi(text[start:end])
