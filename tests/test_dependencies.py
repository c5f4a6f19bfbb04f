"""Every package the code needs is declared directly in pyproject.toml.

A package that arrives only through another one's extra is not guaranteed: pip 23.2 (what
`python3 -m venv` brings on Python 3.11) does not match jusText's `lxml[html_clean]` to lxml
6's `html-clean` extra, so lxml_html_clean went missing and every HTML file was rejected.
"""

from __future__ import annotations

import ast
import importlib
import importlib.metadata as metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWN = {"tui", "search", "briefs"}


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = set()
    for spec in project["dependencies"]:
        names.add(_normal(re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0]))
    return names


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported_modules() -> set[str]:
    found: set[str] = set()
    for package in OWN:
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    found.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found.add(node.module.split(".")[0])
    return {name for name in found if name not in OWN and name not in sys.stdlib_module_names}


def test_every_imported_package_is_declared() -> None:
    owners = metadata.packages_distributions()
    declared = _declared()
    undeclared = {
        module: owners.get(module, ["?"])
        for module in _imported_modules()
        if not declared.intersection(_normal(d) for d in owners.get(module, []))
    }
    assert undeclared == {}


def test_html_extraction_has_its_cleaner() -> None:
    """trafilatura's HTML path imports lxml.html.clean, which lxml 6 moved out."""
    assert "lxml-html-clean" in _declared()
    importlib.import_module("lxml.html.clean")
