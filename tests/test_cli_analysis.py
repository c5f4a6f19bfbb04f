"""`briefroom article`, `reextract` and `corrections`, as a user runs them.

The corrections must survive re-extraction and re-ingest, show as the analyst's in the
article view and the pair summary, and be listed and undone.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from search.archive import Archive
from tui.cli import cli

DATA = Path(__file__).parent / "data"
CALL = "statedept-2021-08-13-c56073897c"  # Blinken's call with Tileuberdi
MEETING = "statedept-2022-05-20-dd971f7e94"  # Blinken's meeting with Tileuberdi


def run(*args: str, status: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == status, result.output
    return result.output


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("analysis") / "home"
    import os

    old = os.environ.get("BRIEFROOM_HOME")
    os.environ["BRIEFROOM_HOME"] = str(home)
    try:
        run("ingest", str(DATA / "sample.jsonl"), str(DATA / "seed.txt"))
    finally:
        if old is None:
            del os.environ["BRIEFROOM_HOME"]
        else:
            os.environ["BRIEFROOM_HOME"] = old
    return home


@pytest.fixture
def home(_template: Path, briefroom_home: Path) -> Path:
    shutil.copytree(_template, briefroom_home)
    return briefroom_home


def article(article_id: str) -> dict:
    return json.loads(run("article", article_id, "--json"))


def ledger(a: str, b: str) -> list[dict]:
    return json.loads(run("country", a, "--with", b, "--json"))["engagements"]


def test_article_shows_people_engagements_commitments_and_events(home: Path) -> None:
    doc = article(CALL)
    assert doc["id"] == CALL and doc["extraction_current"]
    people = {p["name"]: p for p in doc["people"]}
    assert people["Antony J. Blinken"]["country"] == "USA"
    assert people["Mukhtar Tileuberdi"]["country"] == "KAZ"
    assert people["Mukhtar Tileuberdi"]["evidence"] == "role"
    (call,) = [e for e in doc["engagements"] if e["type"] == "call"]
    assert call["status"] == "main" and call["date"] == "2021-08-13"
    assert set(call["countries"]) == {"USA", "KAZ"}
    assert call["participants"]["KAZ"] == ["Mukhtar Tileuberdi"]
    assert "spoke with" in call["sentence"]
    assert any(c["side"] == ["USA", "KAZ"] or set(c["side"]) == {"USA", "KAZ"}
               for c in doc["commitments"])  # fmt: skip
    assert doc["events"] and all("sentence" in e for e in doc["events"])
    text = run("article", CALL)
    assert "Engagements" in text and "Mukhtar Tileuberdi" in text


def test_unknown_article(home: Path) -> None:
    result = CliRunner().invoke(cli, ["article", "no-such-id"])
    assert result.exit_code == 1
    assert "no article" in result.output


def test_reject_an_engagement_and_undo_it(home: Path) -> None:
    before = ledger("USA", "KAZ")
    assert any(CALL in e["articles"] for e in before)
    doc = article(CALL)
    number = next(i for i, e in enumerate(doc["engagements"], start=1) if e["type"] == "call")
    run("corrections", "reject", "engagement", CALL, str(number), "--note", "not a call")
    assert not any(CALL in e["articles"] for e in ledger("USA", "KAZ"))
    marked = article(CALL)["engagements"][number - 1]
    assert marked["rejected"]
    listing = run("corrections", "list")
    assert "rejected call" in listing and "not a call" in listing
    correction = json.loads(run("corrections", "list", "--json"))[0]["id"]
    run("corrections", "undo", str(correction))
    assert any(CALL in e["articles"] for e in ledger("USA", "KAZ"))
    assert run("corrections", "list", "--all").count("undone") == 1


def test_a_persons_country_fixed_by_the_analyst_survives_reextraction(home: Path) -> None:
    run("corrections", "person", "Ned Price", "--country", "Canada", "--note", "test")
    people = {p["name"]: p for p in article(CALL)["people"]}
    assert people["Ned Price"]["country"] == "CAN"
    assert people["Ned Price"]["how"] == "analyst" and people["Ned Price"]["corrected"]
    run("reextract", "--all")
    people = {p["name"]: p for p in article(CALL)["people"]}
    assert people["Ned Price"]["country"] == "CAN"


def test_an_added_engagement_is_in_the_ledger_as_the_analysts(home: Path) -> None:
    run(
        "corrections", "add", MEETING, "--type", "signing", "--with", "USA,KAZ",
        "--date", "2022-05-20", "--place", "Washington",
        "--participant", "USA:Antony J. Blinken", "--participant", "KAZ:Mukhtar Tileuberdi",
    )  # fmt: skip
    added = [e for e in ledger("USA", "KAZ") if e["by_analyst"]]
    assert len(added) == 1
    assert added[0]["type"] == "signing" and added[0]["date"] == "2022-05-20"
    assert added[0]["participants"]["KAZ"][0]["name"] == "Mukhtar Tileuberdi"
    assert any(e["by_analyst"] for e in article(MEETING)["engagements"])


def test_merging_people_and_rejecting_one(home: Path) -> None:
    run("corrections", "merge", "Antony J. Blinken", "Ned Price")
    conn = Archive.open(home).store.conn
    names = {r[0] for r in conn.execute("SELECT name FROM people")}
    assert "Ned Price" not in names
    run("corrections", "reject", "person", "Mukhtar Tileuberdi")
    assert all(p["name"] != "Mukhtar Tileuberdi" for p in article(CALL)["people"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("corrections", "person", "Nobody Atall", "--country", "Norway"), "no person named"),
        (("corrections", "person", "Ned Price", "--country", "Atlantis"), "unknown country"),
        (("corrections", "person", "Ned Price"), "give --country"),
        (("corrections", "reject", "engagement", CALL), "takes the article id and the number"),
        (("corrections", "reject", "engagement", CALL, "99"), "give a number from 1"),
        (("corrections", "add", CALL, "--type", "call", "--with", "USA"), "at least two"),
        (("corrections", "undo", "999"), "no correction 999"),
    ],
)
def test_bad_corrections_are_one_line_errors(
    home: Path, args: tuple[str, ...], message: str
) -> None:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code in (1, 2)
    assert message in result.output
    assert result.output.count("\n") == 1


def test_reextract_brings_an_old_archive_up_to_date(home: Path) -> None:
    conn = Archive.open(home).store.conn
    with conn:
        conn.execute("UPDATE articles SET extractor = 1 WHERE rowid <= 10")
    (old_id,) = conn.execute("SELECT id FROM articles WHERE rowid = 1").fetchone()
    conn.close()
    assert not article(old_id)["extraction_current"]
    assert "older briefroom" in run("article", old_id)
    result = CliRunner().invoke(cli, ["reextract"])
    assert result.exit_code == 0, result.output
    assert "10 articles re-extracted" in result.output
    assert article(old_id)["extraction_current"]
    assert "up to date" in run("reextract")
    assert "index healthy" in run("index", "check")


def test_a_role_cut_short_is_given_whole_from_the_persons_roles_of_that_time(
    briefroom_home: Path, tmp_path: Path
) -> None:
    source = "U.S. Department of State (press releases)"
    records = [
        {
            "id": "full",
            "title": "Secretary of State Antony J. Blinken's Call with Foreign Minister Kuleba",
            "date": "2022-03-01",
            "source": source,
            "body": "Secretary of State Antony J. Blinken spoke today with Ukrainian Foreign "
            "Minister Dmytro Kuleba.",
        },
        {
            "id": "short",
            "title": "Secretary Blinken's Call with Foreign Minister Kuleba",
            "date": "2022-03-05",
            "source": source,
            "body": "Secretary Blinken spoke today with Ukrainian Foreign Minister Dmytro Kuleba.",
        },
        {
            "id": "years-later",
            "title": "Secretary Blinken's Call with Foreign Minister Kuleba",
            "date": "2025-06-05",
            "source": source,
            "body": "Secretary Blinken met today in Kyiv with Ukrainian Foreign Minister Dmytro "
            "Kuleba to discuss reconstruction.",
        },
    ]

    def role(article_id: str, key: str = "role") -> str:
        (blinken,) = [p for p in article(article_id)["people"] if "Blinken" in p["name"]]
        return blinken[key]

    first = tmp_path / "calls.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in records[:2]), encoding="utf-8")
    run("ingest", str(first))
    assert role("short") == "Secretary of State"
    assert role("short", "written_role") == "Secretary"  # as the article writes it
    assert role("short", "latest_role") == "Secretary of State"

    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps(records[2]) + "\n", encoding="utf-8")
    run("ingest", str(later))
    assert role("years-later") == "Secretary"  # not a role of that time
    assert role("short", "latest_role") == "Secretary"


def test_the_article_view_names_each_forum_of_a_trip(briefroom_home: Path, tmp_path: Path) -> None:
    record = {
        "id": "trip",
        "title": "Secretary Blinken’s Travel to Cambodia",
        "date": "2022-07-29",
        "source": "U.S. Department of State (press releases)",
        "body": "Secretary Blinken will travel to Phnom Penh, Cambodia, August 3-5 to "
        "participate in the U.S.-ASEAN Ministerial Meeting, the East Asia Summit Foreign "
        "Ministers’ Meeting, and the ASEAN Regional Forum.",
    }
    path = tmp_path / "trip.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    run("ingest", str(path))
    text = run("article", "trip")
    for name in (
        "U.S.-ASEAN Ministerial Meeting",
        "East Asia Summit Foreign Ministers’ Meeting",
        "ASEAN Regional Forum",
    ):
        assert f"· {name}" in text
    names = [e["trigger"] for e in article("trip")["engagements"] if e["type"] == "multilateral"]
    assert len(names) == 3
