"""YAML is the editable truth: round trips, hand edits, templates and file names."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefs.brief import build_brief
from briefs.meeting_model import Meeting
from briefs.render import (
    BriefError,
    BriefExists,
    TemplateError,
    brief_from_yaml,
    brief_paths,
    brief_to_doc,
    brief_to_yaml,
    load_template,
    render_markdown,
    slugify,
    write_brief,
)
from search.archive import Archive
from search.ingest import ingest

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def seed_brief(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    archive = Archive.open(tmp_path_factory.mktemp("archive"))
    ingest(archive, [DATA / "seed.txt"])
    meeting = Meeting("NOR", "2025-06-17", "next Tuesday", place="Oslo")
    yield build_brief(archive.store, meeting, "KAZ", date(2025, 6, 11))
    archive.close()


def test_markdown_has_every_section_with_citations(seed_brief: Any) -> None:
    md = render_markdown(seed_brief)
    for heading in (
        "## Purpose and objectives",
        "## Participants",
        "## Background of relations",
        "## Engagements since the last meeting",
        "## Key issues and points to make",
        "## Their likely asks",
        "## Commitments and follow-ups",
        "## Sensitivities",
        "## Sources",
        "## Caveats",
    ):
        assert heading in md
    assert "**Date:** Tuesday 17 June 2025 (2025-06-17)" in md
    assert "Roman Vassilenko" in md and "Audun Halvorsen" in md
    assert "**Last meeting**, undated: Consultations in Oslo" in md
    assert "_To complete by the author:" in md
    assert "[1" in md
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_rendering_the_untouched_yaml_reproduces_the_markdown(seed_brief: Any) -> None:
    text = brief_to_yaml(seed_brief)
    assert brief_from_yaml(text) == seed_brief
    assert render_markdown(brief_from_yaml(text)).encode() == render_markdown(seed_brief).encode()
    assert yaml.safe_load(text) == brief_to_doc(seed_brief)


def _doc(brief: Any) -> dict[str, Any]:
    return yaml.safe_load(brief_to_yaml(brief))


def test_hand_edits_with_missing_optional_fields_render(seed_brief: Any) -> None:
    doc = _doc(seed_brief)
    for key in ("purpose", "participants", "issues", "asks", "caveats", "sensitivities"):
        del doc[key]
    del doc["meeting"]["place"]
    doc["background"]["items"][0].pop("label")
    doc["background"]["items"].append({"text": "Our own **note**\nover two lines"})
    doc["meeting"]["date"] = date(2025, 6, 18)  # unquoted YAML date
    md = render_markdown(brief_from_yaml(yaml.safe_dump(doc, allow_unicode=True)))
    assert "Wednesday 18 June 2025" in md
    assert "- Our own **note**\n  over two lines" in md


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.pop("schema"), "schema: missing"),
        (lambda d: d.update(schema="other/v9"), "schema: expected 'briefroom.brief/v1'"),
        (lambda d: d.pop("title"), "title: missing"),
        (lambda d: d["meeting"].pop("country"), "meeting.country: missing"),
        (lambda d: d.update(objectivs=["x"]), "objectivs: unknown field"),
        (lambda d: d.update({"\n": "x"}), "'\\n': unknown field"),
        (lambda d: d["meeting"].update({3: "x"}), "meeting.3: unknown field"),
        (
            lambda d: d["participants"]["theirs"][0].update(role=["a", "b"]),
            "participants.theirs[0].role: expected text, got a list",
        ),
        (
            lambda d: d["background"]["items"][0].update(cite=[99]),
            "background.items[0].cite: no source 99 in sources",
        ),
        (
            lambda d: d["background"]["items"][0].update(cite=["one"]),
            "background.items[0].cite[0]: expected a whole number",
        ),
        (
            lambda d: d["background"].update(items={"text": "x"}),
            "background.items: expected a list",
        ),
        (lambda d: d["sources"][0].update(n=2), "sources[1].n: 2 is not a new positive number"),
        (
            lambda d: d["issues"]["items"][0]["facts"][0].pop("text"),
            "issues.items[0].facts[0].text: missing",
        ),
        (lambda d: d.update(meeting="Norway"), "meeting: expected a mapping, got text"),
    ],
)
def test_broken_hand_edits_name_the_field(seed_brief: Any, edit: Any, message: str) -> None:
    doc = _doc(seed_brief)
    edit(doc)
    with pytest.raises(BriefError) as info:
        brief_from_yaml(yaml.safe_dump(doc, allow_unicode=True))
    assert message in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        "!!python/object/apply:os.system ['echo owned']",
        "schema: !!python/name:os.system ''\n",
        "- just\n- a list\n",
        "key: [unclosed\n",
        "",
    ],
)
def test_unsafe_or_malformed_yaml_is_refused(text: str) -> None:
    with pytest.raises(BriefError) as info:
        brief_from_yaml(text)
    assert "\n" not in str(info.value)


def test_python_tags_are_rejected_by_name() -> None:
    with pytest.raises(BriefError, match="tags are not allowed"):
        brief_from_yaml("!!python/object/apply:os.system ['echo owned']")


def test_user_template_overrides_the_bundled_one(seed_brief: Any, tmp_path: Path) -> None:
    assert load_template(tmp_path) == load_template()
    (tmp_path / "brief.md").write_text("# ${title} / ${country_name}\n\n${sources}\n\nCost: $$5\n")
    md = render_markdown(seed_brief, load_template(tmp_path))
    assert md.startswith("# Meeting with Norway / Norway\n")
    assert "Cost: $5" in md


@pytest.mark.parametrize(
    ("template", "message"),
    [("${nope}", "unknown placeholder $nope"), ("costs $5", "write $$ for a dollar sign")],
)
def test_broken_templates_are_one_line_errors(seed_brief: Any, template: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message.replace("$", r"\$")) as info:
        render_markdown(seed_brief, template)
    assert "\n" not in str(info.value)


def test_file_names_are_slugs_inside_the_folder(seed_brief: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    paths = brief_paths(seed_brief, out, "../../etc/passwd")
    assert paths.yaml == out.resolve() / "2025-06-17-norway-etc-passwd.yaml"
    assert paths.markdown.parent == out.resolve()
    assert slugify("Consultations: Oslo/Astana…") == "consultations-oslo-astana"
    assert slugify("..") == "" and slugify("Встреча в Осло") == "встреча-в-осло"
    assert brief_paths(seed_brief, out, "...").yaml.name == "2025-06-17-norway-brief.yaml"


def test_existing_briefs_are_not_overwritten(seed_brief: Any, tmp_path: Path) -> None:
    written = write_brief(seed_brief, tmp_path, name="brief")
    assert [p.suffix for p in written] == [".yaml", ".md"]
    written[1].write_text("edited")
    with pytest.raises(BriefExists):
        write_brief(seed_brief, tmp_path, name="brief")
    assert written[1].read_text() == "edited"
    write_brief(seed_brief, tmp_path, name="brief", force=True)
    assert written[1].read_text() == render_markdown(seed_brief)
    only_md = write_brief(seed_brief, tmp_path, formats=("md",), name="other")
    assert [p.suffix for p in only_md] == [".md"]
