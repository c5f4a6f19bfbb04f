"""The desk officer's week with the CLI alone (issue 13, "Done when"): set our side once in
the settings, register a meeting with both delegations, draft its brief in every format
(YAML, Markdown, Word), record the outcome, register the next meeting with the same
country and draft its brief, which starts from the follow-ups.  No ``--home`` anywhere:
our side comes from ``config set``."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
import yaml
from click.testing import CliRunner, Result

from tui.cli import cli
from tui.config import load_config

BEFORE = ["--as-of", "2025-06-11"]  # a Wednesday: "next Tuesday" is 17 June
AFTER = ["--as-of", "2025-06-18"]  # the day after the meeting


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, (args, result.stderr, result.exception)
    return result


def _meeting_id(result: Result) -> int:
    found = re.match(r"meeting (\d+): ", result.stdout)
    assert found, result.stdout
    return int(found.group(1))


def _docx_headings(path: Path) -> list[str]:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return [
        p.text
        for p in document.paragraphs
        if p.style is not None and (p.style.name == "Title" or p.style.name.startswith("Heading"))
    ]


def _markdown_headings(markdown: str) -> list[str]:
    return [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("#")]


def test_desk_officer_walk_with_the_cli_alone(home: Path) -> None:
    # Our side, once.
    run("config", "set", "home_country", "Kazakhstan")
    assert load_config(home / "config.yaml").home_country == "Kazakhstan"

    # Next Tuesday's meeting with both delegations; our side is stored with it.
    added = run(
        *BEFORE, "meetings", "add", "Norway", "--date", "next Tuesday",
        "--title", "Consultations", "--place", "Oslo", "--format", "consultations",
        "--our", "Vassilenko", "--their", "Audun Halvorsen", "--their", "Jane Roe",
    )  # fmt: skip
    first = _meeting_id(added)
    assert "Norway (NOR), Tuesday 17 June 2025" in added.stdout
    [listed] = json.loads(run(*BEFORE, "meetings", "list", "--json").stdout)["meetings"]
    assert listed["id"] == first and listed["home"] == "KAZ" and listed["home_stored"]
    assert [p["name"] for p in listed["ours"]] == ["Roman Vassilenko"]
    assert [p["name"] for p in listed["theirs"]] == ["Audun Halvorsen", "Jane Roe"]

    # Its brief in every format, in the briefs folder of the data home.
    drafted = run(*BEFORE, "brief", "--meeting", str(first), "--format", "all")
    stem = (home / "briefs").resolve() / "2025-06-17-norway-consultations"
    yaml_path, md_path, docx_path = (stem.with_suffix(s) for s in (".yaml", ".md", ".docx"))
    assert drafted.stdout.split() == [str(yaml_path), str(md_path), str(docx_path)]
    doc = yaml.safe_load(yaml_path.read_text(encoding="utf-8"))
    assert doc["meeting"]["home"] == "KAZ" and doc["meeting"]["country"] == "NOR"
    assert [p["name"] for p in doc["participants"]["ours"]] == ["Roman Vassilenko"]
    assert [p["name"] for p in doc["participants"]["theirs"]] == ["Audun Halvorsen", "Jane Roe"]
    markdown = md_path.read_text(encoding="utf-8")
    assert markdown.startswith("# Consultations\n")
    headings = _docx_headings(docx_path)
    assert headings[0] == "Consultations"
    assert set(_markdown_headings(markdown)) <= set(headings)
    assert {"At a glance", "Participants", "Sources", "Caveats"} <= set(headings)

    # After the meeting: what was agreed and who follows up what by when.
    outcome = run(
        *AFTER, "meetings", "outcome", str(first), "--status", "held", "--note", "Good talks",
        "--agreed", "a joint working group on energy",
        "--follow-up", "Halvorsen: send the draft MoU by 1 July",
    )  # fmt: skip
    assert f"meeting {first}: held; 1 agreed, 1 follow-ups" in outcome.stdout

    # The next meeting with Norway: its brief starts from the follow-ups.
    later = run(*AFTER, "meetings", "add", "Norway", "--date", "25 July")
    second = _meeting_id(later)
    assert second != first and "Friday 25 July 2025" in later.stdout
    nxt = run(*AFTER, "brief", "--meeting", str(second))
    next_yaml, next_md = (Path(p) for p in nxt.stdout.split())
    assert next_md.name == "2025-07-25-norway-brief.md" and next_yaml.suffix == ".yaml"
    text = next_md.read_text(encoding="utf-8")
    assert "**Follow-ups from the last meeting**" in text
    assert "Halvorsen: send the draft MoU (due 2025-07-01)" in text
    assert "a joint working group on energy" in text
    assert "Since the meeting of 2025-06-17 recorded in briefroom." in text
