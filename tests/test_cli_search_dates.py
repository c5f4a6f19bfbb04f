"""Search reads dates with the settings' day order, like every other command.

`03/06/2022` is 3 June under DMY (the default) and 6 March under MDY: the search's
`since:` filter and `--since` option must agree with `country --since` and meeting dates.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import cli


@pytest.fixture
def home(briefroom_home: Path, sample_file: Path) -> Path:
    result = CliRunner().invoke(cli, ["ingest", str(sample_file)])
    assert result.exit_code == 0, result.output
    return briefroom_home


def _total(*args: str) -> int:
    result = CliRunner().invoke(cli, ["search", "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["total"]


def _day_order(home: Path, order: str) -> None:
    (home / "config.yaml").write_text(f"day_order: {order}\n", encoding="utf-8")


@pytest.mark.parametrize("form", [("since:03/06/2022",), ("--since", "03/06/2022")])
def test_search_dates_follow_the_configured_day_order(home: Path, form: tuple[str, ...]) -> None:
    _day_order(home, "DMY")
    since_3_june = _total(*form)
    assert since_3_june == _total("since:2022-06-03")
    _day_order(home, "MDY")
    since_6_march = _total(*form)
    assert since_6_march == _total("since:2022-03-06")
    assert since_6_march > since_3_june
