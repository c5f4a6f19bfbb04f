"""search/ and briefs/ type-check with mypy, strict where practical (issue #14).

The configuration is ``[tool.mypy]`` in pyproject.toml; CI runs only pytest, so the
type check runs here, through mypy's API.
"""

from __future__ import annotations

from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[1]


def test_core_type_checks(tmp_path: Path) -> None:
    # A cache per run: parallel runs (pytest -n) would otherwise share .mypy_cache.
    stdout, stderr, status = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "mypy_cache"),
            str(ROOT / "search"),
            str(ROOT / "briefs"),
        ]
    )
    assert status == 0, f"mypy found errors:\n{stdout}{stderr}"
