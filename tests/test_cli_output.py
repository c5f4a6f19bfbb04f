"""CLI output formatting (issue 13): piped output is not wrapped, an empty pair is one
line, counts are pluralised and topic ids are named in words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.briefs.relations_helpers import SAMPLE, SEED, build_home
from tui.cli import cli
from tui.cli_common import plural


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_home(tmp_path_factory.mktemp("cli-output") / "home", SEED, SAMPLE)


@pytest.fixture
def home(_template: Path, briefroom_home: Path) -> Path:
    shutil.copytree(_template, briefroom_home)
    return briefroom_home


def run(*args: str) -> Result:
    # CliRunner's stdout is not a terminal: the piped case.
    return CliRunner().invoke(cli, list(args), env={"COLUMNS": "80"})


def test_plural() -> None:
    assert plural(1, "file") == "1 file"
    assert plural(2, "day") == "2 days"
    assert plural(3, "story") == "3 stories"
    assert plural(17600, "article") == "17,600 articles"
    assert plural(0, "person", "people") == "0 people"


def test_piped_search_output_is_not_wrapped(home: Path) -> None:
    result = run("search", "Blinken", "Kazakhstani")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(len(line) > 80 for line in lines)  # a snippet on one line
    ids = [line.split("id: ")[1] for line in lines if line.strip().startswith("id: ")]
    assert ids and all(" " not in i and "-" in i for i in ids)


def test_piped_pair_tables_keep_ids_whole(home: Path) -> None:
    result = run("country", "USA", "--with", "Kazakhstan")
    assert result.exit_code == 0, result.output
    assert "statedept-2022-05-20-dd971f7e94" in result.stdout
    # Topics in words, not taxonomy ids.
    assert "economic_diplomacy" not in result.stdout
    assert "Economic diplomacy" in result.stdout


def test_an_empty_pair_is_one_line_with_the_counts(home: Path) -> None:
    result = run("country", "Chile", "--with", "Norway")
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert line.startswith("No article concerns both Chile and Norway (Chile ")
    assert "Norway " in line and "article" in line
    # The documents keep their shape.
    assert run("country", "Chile", "--with", "Norway", "--json").stdout.lstrip().startswith("{")


def test_a_date_filter_that_excludes_everything_says_the_archive_range(home: Path) -> None:
    result = run("search", "--since", "2030")
    assert result.exit_code == 0, result.output
    assert "nothing dated from 2030-01-01 on: the archive runs " in result.stderr
