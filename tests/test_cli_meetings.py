"""`briefroom meetings add/list/outcome` and `briefroom brief --meeting` (issue 13): the path
a desk officer takes with the CLI alone, from registering a meeting with both delegations
to the next brief that starts from its outcome."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from tui.cli import cli

KAZ = ["--home", "Kazakhstan", "--as-of", "2025-06-11"]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _json_meetings(*args: str) -> list[dict]:  # type: ignore[type-arg]
    result = run(*args, "meetings", "list", "--all", "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["meetings"]


def test_meeting_record_to_next_brief(home: Path, tmp_path: Path) -> None:
    added = run(
        *KAZ, "meetings", "add", "Norway", "--date", "next Tuesday", "--title", "Consultations",
        "--place", "Oslo", "--format", "consultations", "--purpose", "Prepare the visit",
        "--our", "Vassilenko", "--their", "Audun Halvorsen", "--their", "Jane Roe",
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr
    assert "meeting 1: Norway (NOR), Tuesday 17 June 2025" in added.stdout
    listing = run(*KAZ, "meetings")
    assert listing.exit_code == 0
    lines = listing.stdout.splitlines()
    assert "Consultations · Oslo · consultations" in lines[0]
    assert lines[1].split()[:3] == ["ours:", "Roman", "Vassilenko"]
    assert "Audun Halvorsen (" in lines[2] and "Jane Roe (as typed)" in lines[2]
    [meeting] = _json_meetings(*KAZ)
    assert meeting["home"] == "KAZ" and meeting["home_stored"] is True
    assert meeting["format"] == "consultations" and meeting["purpose"] == "Prepare the visit"
    assert [p["name"] for p in meeting["ours"]] == ["Roman Vassilenko"]
    assert meeting["ours"][0]["known"] and meeting["ours"][0]["country"] == "KAZ"
    assert [(p["name"], p["known"]) for p in meeting["theirs"]] == [
        ("Audun Halvorsen", True),
        ("Jane Roe", False),
    ]
    assert meeting["status"] is None

    # The brief for the stored meeting: its side, date, delegations and purpose.
    drafted = run("--as-of", "2025-06-11", "brief", "--meeting", "1", "--out", str(tmp_path / "a"))
    assert drafted.exit_code == 0, drafted.stderr
    doc = yaml.safe_load(Path(drafted.stdout.split()[0]).read_text())
    assert doc["meeting"]["home"] == "KAZ" and doc["meeting"]["date"] == "2025-06-17"
    assert [p["name"] for p in doc["participants"]["ours"]] == ["Roman Vassilenko"]
    assert [p["name"] for p in doc["participants"]["theirs"]] == ["Audun Halvorsen", "Jane Roe"]
    assert doc["purpose"]["items"][0]["text"] == "Prepare the visit"

    # After the meeting: malformed follow-ups are refused in one line naming the field.
    for bad in ("Halvorsen send the MoU by 1 July", "Halvorsen: send the MoU by blorfday"):
        refused = run(*KAZ, "meetings", "outcome", "1", "--status", "held", "--follow-up", bad)
        assert refused.exit_code == 2
        [line] = refused.stderr.splitlines()
        assert line.startswith("briefroom: --follow-up")
    assert run(*KAZ, "meetings", "outcome", "9", "--status", "held").exit_code == 1
    assert run(*KAZ, "meetings", "outcome", "1", "--status", "maybe").exit_code == 2
    assert _json_meetings(*KAZ)[0]["status"] is None  # nothing stored by the refusals
    outcome = run(
        "--as-of", "2025-06-18", "meetings", "outcome", "1", "--status", "held",
        "--note", "Good talks", "--agreed", "Norway: open a consulate in Almaty by 1 December",
        "--agreed", "a joint working group on energy",
        "--follow-up", "Halvorsen: send the draft MoU by 1 July",
    )  # fmt: skip
    assert outcome.exit_code == 0, outcome.stderr
    assert "meeting 1: held; 2 agreed, 1 follow-ups" in outcome.stdout
    assert "follow-up: Halvorsen: send the draft MoU (due 2025-07-01)" in outcome.stderr
    [meeting] = _json_meetings(*KAZ)
    assert meeting["status"] == "held"
    assert meeting["outcome"]["follow_ups"] == [
        {"text": "send the draft MoU", "owner": "Halvorsen", "due": "2025-07-01"}
    ]
    assert "[held]" in run(*KAZ, "meetings", "list", "--all").stdout

    # The held meeting is an engagement and its agreed items are in the register.
    pair = json.loads(run("--home", "KAZ", "country", "KAZ", "--with", "NOR", "--json").stdout)
    recorded = [e for e in pair["engagements"] if e["date"] == "2025-06-17" and e["by_analyst"]]
    assert recorded and recorded[0]["sources"][0]["id"] == "meeting:1"
    summaries = [c["summary"] for c in pair["commitments"]]
    assert "Norway: open a consulate in Almaty (due 2025-12-01)" in summaries

    # The next brief, on a day with no stored meeting, registers one and starts from it.
    nxt = run(
        "--home", "KAZ", "--as-of", "2025-07-20", "brief", "Norway", "--date", "2025-07-25",
        "--out", str(tmp_path / "b"),
    )  # fmt: skip
    assert nxt.exit_code == 0, nxt.stderr
    assert "registered meeting #2: Norway (NOR), Friday 25 July 2025" in nxt.stderr
    markdown = Path(nxt.stdout.split()[1]).read_text()
    assert "**Follow-ups from the last meeting**" in markdown
    assert "Halvorsen: send the draft MoU (due 2025-07-01, overdue)" in markdown
    assert "Since the meeting of 2025-06-17 recorded in briefroom." in markdown
    assert [m["id"] for m in _json_meetings("--home", "KAZ")] == [1, 2]
    # Briefing the same day again uses the stored meeting: nothing new registered.
    again = run(
        "--home", "KAZ", "--as-of", "2025-07-20", "brief", "Norway", "--date", "2025-07-25",
        "--out", str(tmp_path / "c"),
    )  # fmt: skip
    assert again.exit_code == 0 and "registered" not in again.stderr
    assert len(_json_meetings("--home", "KAZ")) == 2


def test_meeting_keeps_our_side(home: Path, tmp_path: Path) -> None:
    added = run("--home", "USA", "--as-of", "2025-06-11", "meetings", "add", "Ukraine",
                "--date", "2025-06-20")  # fmt: skip
    assert added.exit_code == 0, added.stderr
    # Started normally later (configured side Kazakhstan): the meeting stays the USA's.
    listing = run("--home", "KAZ", "--as-of", "2025-06-11", "meetings")
    assert "Ukraine (UKR) [USA]" in listing.stdout
    drafted = run("--home", "KAZ", "--as-of", "2025-06-11", "brief", "--meeting", "1",
                  "--out", str(tmp_path))  # fmt: skip
    assert drafted.exit_code == 0, drafted.stderr
    assert "is USA's" in drafted.stderr
    doc = yaml.safe_load(Path(drafted.stdout.split()[0]).read_text())
    assert (doc["meeting"]["home"], doc["meeting"]["country"]) == ("USA", "UKR")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["brief", "Norway", "--meeting", "1"], "not both"),
        (["brief", "Norway"], "--meeting ID"),
        (["brief", "--meeting", "5"], "no meeting 5"),
        (["meetings", "add", "Norway", "--date", "next Tuesday", "--format", "party"], "party"),
        (["meetings", "add", "Kazakhstan", "--date", "next Tuesday"], "our own side"),
    ],
)
def test_usage_errors(home: Path, args: list[str], message: str) -> None:
    result = run(*KAZ, *args)
    assert result.exit_code in (1, 2) and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
