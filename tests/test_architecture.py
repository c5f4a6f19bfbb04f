"""Imports point one way (tui -> briefs -> search), tui/ reaches the core only through
`search.api` and `briefs.api`, search/ is layered (ingest -> archive -> query -> index ->
store), the store never imports the extract stage and only `search.index` imports
Whoosh: checked by import-linter.  No package has import circles or oversized modules:
checked here from the source with `ast` (issue #14)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Packages whose import graph must have no circle.  In tui/ the app imports the screens
# and the palette providers, so they never import it back: they see it as
# `tui.host.BriefroomHost`, and the key catalogue (`tui.keys`, which imports every
# screen) reaches the help and settings screens through the app.
ACYCLIC = ("search", "briefs", "tui")
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def test_import_contracts_hold() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is a dev dependency"
    done = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 broken." in done.stdout
    assert "tui reaches the core only through search.api and briefs.api KEPT" in done.stdout
    assert "only search.index imports Whoosh KEPT" in done.stdout
    assert "search is layered: ingest -> archive -> query -> index -> store KEPT" in done.stdout
    assert "the store never imports the extract stage KEPT" in done.stdout


# --------------------------------------------------------------------------- import graph


def _module_files(packages: tuple[str, ...]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _imported(name: str, path: Path) -> set[str]:
    """Every module name an ``import`` anywhere in the file may load (inside functions
    and under ``TYPE_CHECKING`` too), with the names a ``from`` import takes from it."""
    targets: set[str] = set()
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the importer's package up
                here = package[: len(package) - (node.level - 1)]
                base = ".".join([*here, base] if base else here)
            targets.add(base)
            targets.update(f"{base}.{alias.name}" for alias in node.names)
    return targets


def import_graph(packages: tuple[str, ...]) -> dict[str, set[str]]:
    """Module -> the modules of ``packages`` importing it runs.

    Importing ``a.b.c`` runs the ``__init__`` of ``a`` and ``a.b`` too, unless the
    importer is inside them (a package is initialised before its own modules run).
    """
    modules = _module_files(packages)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for target in _imported(name, path):
            if target not in modules:
                continue  # another package, or a name taken from a module
            parts = target.split(".")
            for i in range(1, len(parts) + 1):
                step = ".".join(parts[:i])
                if step in modules and step != name and not name.startswith(step + "."):
                    graph[name].add(step)
    return graph


def circles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(start: str) -> None:
        # Iterative, so that a long import chain cannot hit the recursion limit.
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(frozenset(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_circle_finder_finds_circles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert circles(graph) == [frozenset({"a", "b", "c"})]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_a_package_import_runs_its_init() -> None:
    graph = import_graph(("search",))
    # search.query.run imports search.index.engine: the index package's __init__ runs.
    assert {"search.index", "search.index.engine"} <= graph["search.query.run"]
    # A package's own modules do not import their package again.
    assert "search.store" not in graph["search.store.connection"]


def test_no_import_circles() -> None:
    # The last one went with issue #14: the dateline reader (`search.datelines`) parses
    # text only; resolving a dateline's place to a country is the extract stage's
    # (`search.extract.dateline_places`).
    found = circles(import_graph(ACYCLIC))
    assert not found, f"import circles: {[sorted(c) for c in found]}"


# --------------------------------------------------------------------------- sizes


def _all_files() -> list[Path]:
    """The core and the interfaces: the size limits hold for every package."""
    packages = ("search", "briefs", "tui")
    return [path for package in packages for path in sorted((ROOT / package).rglob("*.py"))]


def test_no_module_passes_600_lines() -> None:
    long = {
        path.relative_to(ROOT).as_posix(): n
        for path in _all_files()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_no_function_passes_80_lines() -> None:
    long = {}
    for path in _all_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > MAX_FUNCTION_LINES:
                    long[f"{path.relative_to(ROOT).as_posix()}:{node.name}"] = size
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines: {long}"
