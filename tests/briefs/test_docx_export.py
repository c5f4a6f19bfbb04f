"""The brief as a Word document: opened with python-docx, its headings, every citation and
the sources checked, and its text kept as a snapshot (tests/briefs/snapshots)."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefs.brief import Brief, build_brief
from briefs.brief_model import Item, Section, SourceRef
from briefs.citations import citation_labels
from briefs.docx_export import (
    DocxTemplateError,
    build_docx,
    clean_text,
    docx_text,
    find_docx_template,
)
from briefs.meeting_model import Meeting
from briefs.render import brief_from_yaml, brief_to_yaml, render_markdown, write_brief
from search.archive import Archive
from search.ingest import ingest

DATA = Path(__file__).resolve().parents[1] / "data"
SNAPSHOT = Path(__file__).parent / "snapshots" / "seed_brief_docx.txt"
HEADINGS = (
    "At a glance",
    "Purpose and objectives",
    "Participants",
    "Background of relations",
    "Norway on its own",
    "Engagements since the last meeting",
    "Coming up",
    "Key issues and points to make",
    "Their likely asks",
    "Commitments and follow-ups",
    "Sensitivities",
    "Sources",
    "Caveats",
)


@pytest.fixture(scope="module")
def seed_brief(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Brief]:
    archive = Archive.open(tmp_path_factory.mktemp("archive"))
    ingest(archive, [DATA / "seed.txt"])
    meeting = Meeting("NOR", "2025-06-17", "next Tuesday", place="Oslo")
    yield build_brief(archive.store, meeting, "KAZ", date(2025, 6, 11))
    archive.close()


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_the_docx_holds_the_headings_every_citation_and_the_sources(seed_brief: Brief) -> None:
    document = _open(build_docx(seed_brief))
    paragraphs = document.paragraphs
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings == list(HEADINGS)
    assert paragraphs[0].style.name == "Title" and paragraphs[0].text == seed_brief.title
    text = "\n".join(p.text for p in paragraphs)
    # Every citation of the brief, as the Markdown shows it, is in the Word text too.
    labels = set(citation_labels(seed_brief.sources).values())
    md_cites = set(re.findall(r"\[(\d+[a-z]*(?:, \d+[a-z]*)*)\]", render_markdown(seed_brief)))
    docx_cites = set(re.findall(r"\[(\d+[a-z]*(?:, \d+[a-z]*)*)\]", text))
    assert md_cites == docx_cites
    assert {c for group in docx_cites for c in group.split(", ")} == labels
    # Sources: one entry per article, each cited sentence under it.
    sources_at = [i for i, p in enumerate(paragraphs) if p.text == "Sources"][0]
    caveats_at = [i for i, p in enumerate(paragraphs) if p.text == "Caveats"][0]
    block = paragraphs[sources_at + 1 : caveats_at]
    entries = [p for p in block if p.style.name == "Normal"]
    assert len(entries) == 1 and entries[0].text.startswith("1. OSLO. KAZINFORM")
    sentences = [p.text for p in block if p.style.name == "List Bullet 2"]
    assert len(sentences) == len(seed_brief.sources)
    for ref in seed_brief.sources:
        assert any(ref.sentence in s for s in sentences)
    for caveat in seed_brief.caveats:
        assert caveat in text


def test_the_docx_text_matches_the_kept_snapshot(seed_brief: Brief) -> None:
    text = docx_text(build_docx(seed_brief))
    if os.environ.get("BRIEFROOM_UPDATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8"), (
        "the Word text changed: review it, then BRIEFROOM_UPDATE_SNAPSHOTS=1 to keep it"
    )


def test_the_docx_of_the_untouched_yaml_has_the_same_text(seed_brief: Brief) -> None:
    again = brief_from_yaml(brief_to_yaml(seed_brief))
    assert docx_text(build_docx(again)) == docx_text(build_docx(seed_brief))


def test_untrusted_text_never_breaks_the_docx(seed_brief: Brief) -> None:
    hostile = "Evil\x00 \x0b title \u202etxt.exe\u202c \ufffe\x1b[31m end\u2028\x85"
    ref = replace(seed_brief.sources[0], title=hostile, sentence=hostile, url=hostile)
    brief = replace(
        seed_brief,
        title=hostile,
        sources=(ref, *seed_brief.sources[1:]),
        glance=Section((Item(hostile, (1,), hostile, hostile),), hostile, hostile),
    )
    data = build_docx(brief)
    text = "\n".join(p.text for p in _open(data).paragraphs)
    assert "<U+202E>txt.exe<U+202C>" in text
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u202a-\u202e\ufffe]", text)


def test_clean_text() -> None:
    assert clean_text("a\x00b\tc\u200ed \u202e") == "ab cd <U+202E>"  # the LRM dropped


def test_a_ministry_template_supplies_the_styles(seed_brief: Brief, tmp_path: Path) -> None:
    template = docx.Document()
    template.styles["Normal"].font.name = "Garamond"
    template.add_paragraph("TEMPLATE BODY TEXT")
    folder = tmp_path / "templates"
    folder.mkdir()
    template.save(str(folder / "brief.docx"))
    found = find_docx_template(folder)
    assert found == folder / "brief.docx"
    document = _open(build_docx(seed_brief, found))
    assert document.styles["Normal"].font.name == "Garamond"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "TEMPLATE BODY TEXT" not in text and seed_brief.title in text
    assert find_docx_template(tmp_path) is None


def test_a_broken_template_is_a_one_line_error(seed_brief: Brief, tmp_path: Path) -> None:
    bad = tmp_path / "brief.docx"
    bad.write_text("not a zip\n")
    with pytest.raises(DocxTemplateError, match=r"brief\.docx: not a usable Word template"):
        build_docx(seed_brief, bad)


def test_write_brief_writes_all_three_or_none(seed_brief: Brief, tmp_path: Path) -> None:
    written = write_brief(seed_brief, tmp_path, formats=("yaml", "md", "docx"))
    assert [p.suffix for p in written] == [".yaml", ".md", ".docx"]
    assert _open(written[2].read_bytes()).paragraphs[0].text == seed_brief.title


@pytest.mark.slow  # over 2 s: 25 Word documents built and read back
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=60))
def test_any_text_makes_a_docx(seed_brief: Brief, text: str) -> None:
    ref = SourceRef(1, "a", text, text, text, text, text)
    brief = replace(
        seed_brief,
        title=text,
        glance=Section((Item(text, (1,), text, text),), text, text),
        sources=(ref,),
        caveats=(text,),
    )
    assert _open(build_docx(brief)).paragraphs
