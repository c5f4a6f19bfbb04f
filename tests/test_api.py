"""`search.api` and `briefs.api`, the core's way in for `tui/`: every name they offer
resolves, and importing them loads nothing heavy (the app's first paint imports them)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import briefs.api
import search.api

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("api", [search.api, briefs.api], ids=lambda m: m.__name__)
def test_every_name_resolves(api: object) -> None:
    names = api.__all__  # type: ignore[attr-defined]
    assert len(names) == len(set(names))
    assert set(api._MODULE_OF) <= set(names)  # type: ignore[attr-defined]
    missing = [name for name in names if getattr(api, name, None) is None]
    assert not missing


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        search.api.nothing_here  # noqa: B018
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        briefs.api.nothing_here  # noqa: B018


def test_importing_the_apis_loads_nothing_heavy() -> None:
    code = (
        "import sys, search.api, briefs.api; "
        "from search.api import RECENT_DAYS, neutral_bidi; "
        "from briefs.api import Meeting, days_left_text; "
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('whoosh', 'dateparser') "
        "or m.startswith(('search.extract', 'search.store', 'search.query'))); "
        "assert not heavy, heavy"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
