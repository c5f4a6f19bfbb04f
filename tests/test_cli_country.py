"""``briefroom country A [--with B]`` (CLI contract), on the seed and the sample."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from tests.briefs.relations_helpers import EXTRA, SAMPLE, SEED, build_home
from tui.cli import cli

SEED_ID = "h-30f77141da251a286d8b"


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_home(tmp_path_factory.mktemp("cli-country") / "home", SEED, SAMPLE, EXTRA)


@pytest.fixture(scope="module")
def _seed_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_home(tmp_path_factory.mktemp("cli-seed") / "home", SEED, SAMPLE)


@pytest.fixture
def home(_template: Path, briefroom_home: Path) -> Path:
    """BRIEFROOM_HOME holding the seed, the sample and tests/data/relations_extra.jsonl."""
    shutil.copytree(_template, briefroom_home)
    return briefroom_home


@pytest.fixture
def seed_home(_seed_template: Path, briefroom_home: Path) -> Path:
    """BRIEFROOM_HOME holding exactly the seed and the sample."""
    shutil.copytree(_seed_template, briefroom_home)
    return briefroom_home


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_norway_with_kazakhstan_on_seed_and_sample(seed_home: Path) -> None:
    """The issue's acceptance case: engagements, people, topics and commitments, cited."""
    result = run("country", "Norway", "--with", "Kazakhstan", "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["a"]["code"] == "NOR" and doc["b"]["code"] == "KAZ"
    assert [a["id"] for a in doc["articles"]] == [SEED_ID]
    for article in doc["articles"]:
        assert {"id", "title", "date", "source", "countries"} <= set(article)
        assert set(article["countries"]) == {"KAZ", "NOR"}
    ledger = doc["engagements"]
    (oslo,) = [e for e in ledger if e["type"] == "consultations"]
    assert oslo["place"] == "Oslo" and oslo["date"] is None
    assert [p["name"] for p in oslo["participants"]["KAZ"]] == ["Roman Vassilenko"]
    assert [p["name"] for p in oslo["participants"]["NOR"]] == ["Audun Halvorsen"]
    assert oslo["sources"][0]["id"] == SEED_ID
    assert "consultations in Oslo" in oslo["sources"][0]["sentence"]
    storting = [
        e
        for e in ledger
        if e["status"] == "main" and any("Huitfeldt" in p["name"] for p in e["participants"]["NOR"])
    ]
    assert len(storting) == 1 and storting[0] is not oslo
    assert "Storting" in storting[0]["sources"][0]["sentence"]
    assert "Halvorsen" not in json.dumps(storting[0]["participants"])
    topics = {t["topic"] for t in doc["topics"]}
    assert {"cbrn", "migration"} <= topics
    assert any("mutual support for elections" in c["summary"] for c in doc["commitments"])
    assert all(c["source"]["id"] == SEED_ID for c in doc["commitments"])
    assert doc["counts"]["undated"] == 1


def test_markdown_report(seed_home: Path) -> None:
    result = run("country", "NOR", "--with", "KZ", "--md")
    assert result.exit_code == 0, result.output
    md = result.stdout
    assert md.startswith("# Norway and Kazakhstan: relationship summary")
    assert "Audun Halvorsen" in md and "Anniken Huitfeldt" in md
    assert "consultations, Oslo" in md
    assert "[1]" in md and "\n## Sources\n" in md and f"id `{SEED_ID}`" in md


def test_yaml_document(seed_home: Path) -> None:
    result = run("country", "Norway", "--with", "Kazakhstan", "--yaml")
    assert result.exit_code == 0, result.output
    doc = yaml.safe_load(result.stdout)
    assert doc["schema"] == "briefroom.pair/v1"
    assert doc == json.loads(run("country", "NOR", "--with", "KAZ", "--json").stdout)


def test_terminal_tables(seed_home: Path) -> None:
    result = run("country", "Norway", "--with", "Kazakhstan")
    assert result.exit_code == 0, result.output
    for text in ("Engagements", "Audun Halvorsen", "Anniken Huitfeldt", "Commitments", "Caveats"):
        assert text in result.stdout


def test_with_defaults_to_the_home_country(seed_home: Path) -> None:
    result = run("--home", "Kazakhstan", "country", "Norway", "--with", "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert (doc["a"]["code"], doc["b"]["code"]) == ("NOR", "KAZ")
    (seed_home / "config.yaml").write_text("home_country: Norway\n", "utf-8")
    doc = json.loads(run("country", "Kazakhstan", "--with", "--json").stdout)
    assert (doc["a"]["code"], doc["b"]["code"]) == ("KAZ", "NOR")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["country", "Atlantis"], "unknown country 'Atlantis'"),
        (["country", "Norway", "--with", "Narnia"], "unknown country 'Narnia'"),
        (["country", "Norway", "--with"], "--with needs a country"),
        (["--home", "Mordor", "country", "Norway", "--with"], "home country 'Mordor'"),
        (["country", "Norway", "--with", "NOR"], "same country"),
        (["country", "Norway", "--since", "not a date at all"], "--since"),
        (["country", "Norway", "--since", "2021", "--until", "2020"], "is after --until"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(seed_home: Path, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_windows(home: Path) -> None:
    doc = json.loads(run("country", "NOR", "--with", "KAZ", "--since", "2020", "--json").stdout)
    assert [a["id"] for a in doc["articles"]] == [
        "rel-call-2020",
        "rel-call-2020-copy",
        "rel-markup",
    ]
    assert doc["window"] == {"since": "2020-01-01", "until": None}
    doc = json.loads(
        run("--as-of", "2020-03-10", "country", "NOR", "--with", "KAZ", "--since", "last month",
            "--until", "2020-03", "--json").stdout
    )  # fmt: skip
    assert doc["window"] == {"since": "2020-02-01", "until": "2020-03-31"}
    assert {a["id"] for a in doc["articles"]} == {"rel-call-2020", "rel-call-2020-copy"}
    (call,) = doc["engagements"]
    assert call["type"] == "call" and len(call["sources"]) == 2
    doc = json.loads(run("country", "NOR", "--with", "KAZ", "--json").stdout)
    assert SEED_ID in [a["id"] for a in doc["articles"]]  # undated only in an open window


def test_country_profile(home: Path) -> None:
    result = run("country", "Kazakhstan", "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["schema"] == "briefroom.country/v1"
    assert doc["country"] == {"code": "KAZ", "name": "Kazakhstan"}
    assert doc["counts"]["articles"] >= 5
    assert {"NOR", "USA"} <= {p["code"] for p in doc["partners"]}
    assert any(p["name"] == "Roman Vassilenko" for p in doc["people"])
    assert doc["recent_events"] and doc["latest"]
    for item in doc["latest"]:
        assert {"id", "title", "date", "source", "countries"} <= set(item)
    assert "Kazakhstan: country profile" in run("country", "KAZ", "--md").stdout
    assert "Main partners" in run("country", "KAZ").stdout


def test_article_text_is_never_rich_markup(home: Path) -> None:
    result = run("country", "Norway", "--with", "Kazakhstan")
    assert result.exit_code == 0, result.output
    # Printed as written (Rich would have eaten the tags as styles).
    words = " ".join(result.stdout.split())
    assert "[red]energy[/red]" in words
    md = run("country", "Norway", "--with", "Kazakhstan", "--md").stdout
    assert "\\[bold red\\]Norway\\[/\\]" in md and "<script>" not in md
