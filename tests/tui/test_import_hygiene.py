"""The core (search/, briefs/) never loads Textual or Rich: headless commands stay light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import importlib, pkgutil, sys
failed = []
for package_name in ("search", "briefs"):
    try:
        package = importlib.import_module(package_name)
    except ImportError as exc:
        failed.append(f"{package_name}: {exc!r}")
        continue
    for info in pkgutil.walk_packages(package.__path__, prefix=package_name + "."):
        try:
            importlib.import_module(info.name)
        except Exception as exc:
            failed.append(f"{info.name}: {exc!r}")
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich", "tui"))
print("LOADED", loaded)
print("FAILED", failed)
assert not loaded, loaded
"""


def test_core_packages_do_not_import_textual_or_rich() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "LOADED []" in done.stdout


def test_headless_cli_commands_do_not_import_textual() -> None:
    script = (
        "import sys, tui.cli, tui.config; "
        "assert 'textual' not in sys.modules, 'textual loaded by tui.cli'"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
