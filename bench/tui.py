"""TUI benchmark: cold start to first paint, and keystroke echo while a search runs.

Usage::

    python bench/tui.py [-n 100000] [--corpora DIR] [--workdir DIR] [--seed S]
                        [--home DIR] [--rounds R] [--keys K]

Steps:

1. The archive: ``--home DIR`` (an existing briefroom home), else the shared archive of
   the other benchmarks (``bench/relations.py``'s ``shared_archive``: ``bench/search.py``'s
   archive of N articles, built there when missing).
   The app may repair an index or add tables, so it runs on a copy in
   ``WORKDIR/tui-N-sS/home`` (made once, cached; the shared archive is never opened for
   writing).  The copy's index is checked once before anything is measured.
2. Cold start, each in a fresh process, R rounds, alternating: the time from spawning
   ``python`` to the first frame (Textual's ``Ready`` event, headless ``run_test``) of
   (a) a bare Textual app with one ``Label`` (the baseline) and (b) briefroom on the
   archive; for briefroom also the time until the dashboard shows its data.
3. Typing: briefroom on the archive, search screen, a query typed one key at a time
   with pauses just longer than the search debounce, so that a search worker is running
   when most keys are pressed; a key's echo time runs from handing the key event to the
   app to the first frame the compositor produces with the key in the input.  Only keys
   pressed while a search ran count.  Baseline: the same keys in a bare app with one
   ``Input``.
4. One ``name value`` line per figure on stdout; details on stderr.  Targets: cold start
   <= 1.0 s on 100,000 articles, a keystroke echoed within 50 ms while a search runs.

Exit status: 0 on success (targets met or not: the figures say), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(REPO))

DEFAULT_WORKDIR = REPO / "bench" / "out"
START_TARGET_S = 1.0
KEY_TARGET_MS = 50.0
QUERY = "foreign minister meeting oil prices security council talks"
SIZE = (160, 48)


# --------------------------------------------------------------------------- the archive


def private_copy(source: Path, target: Path) -> Path:
    """A copy of the archive (store through SQLite's backup, index folder as files), cached."""
    store = source / "archive.sqlite3"
    stat = store.stat()
    key = {"source": str(source), "size": stat.st_size, "mtime": stat.st_mtime_ns}
    marker = target / "bench-copy.json"
    if marker.exists() and json.loads(marker.read_text("utf-8")) == key:
        return target
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    started = time.perf_counter()
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as src:
        dst = sqlite3.connect(target / "archive.sqlite3")
        src.backup(dst)
        dst.close()
    if (source / "index").is_dir():
        shutil.copytree(source / "index", target / "index")
    marker.write_text(json.dumps(key))
    print(f"archive copied to {target} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return target


def unindexed(home: Path) -> int:
    """Articles of an archive not in its search index yet (another process may be indexing)."""
    conn = sqlite3.connect(f"file:{home / 'archive.sqlite3'}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM articles WHERE indexed = 0").fetchone()[0])
    finally:
        conn.close()


def prepare(home: Path) -> dict[str, Any]:
    """Open the copy once as the app does (index checked, repaired if needed)."""
    from search.api import check_archive

    started = time.perf_counter()
    report = check_archive(home)
    return {"articles": report.articles, "notices": list(report.notices),
            "seconds": round(time.perf_counter() - started, 2)}  # fmt: skip


# --------------------------------------------------------------------------- children


def _newest_date(home: Path) -> date:
    conn = sqlite3.connect(f"file:{home / 'archive.sqlite3'}?mode=ro", uri=True)
    try:
        last = conn.execute("SELECT max(date) FROM articles WHERE date IS NOT NULL").fetchone()[0]
    finally:
        conn.close()
    return date.fromisoformat(str(last)[:10]) if last else date.today()


def _bare_app(with_input: bool = False) -> Any:
    from textual.app import App, ComposeResult
    from textual.widgets import Input, Label

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            if with_input:
                yield Input(id="query")
            else:
                yield Label("hello")

    return Bare()


def child_start(kind: str, home: Path) -> dict[str, float | None]:
    """Run an app headless until its first frame (and, for briefroom, its dashboard data)."""
    from textual import events

    marks: dict[str, float | None] = {"ready": None, "data": None}
    if kind == "bare":
        app = _bare_app()
        dashboard_loaded: type | None = None
    else:
        from tui.app import BriefroomApp
        from tui.config import Config
        from tui.screens.dashboard import DashboardScreen

        app = BriefroomApp(home, Config(), as_of=_newest_date(home), home_country="USA")
        dashboard_loaded = DashboardScreen.Loaded

    def hook(message: object) -> None:
        if isinstance(message, events.Ready) and marks["ready"] is None:
            marks["ready"] = time.time()
        if dashboard_loaded is not None and isinstance(message, dashboard_loaded):
            marks["data"] = time.time()

    async def run() -> None:
        async with app.run_test(size=SIZE, message_hook=hook) as pilot:
            for _ in range(600):
                if marks["ready"] is not None and (dashboard_loaded is None or marks["data"]):
                    break
                await pilot.pause(0.05)

    asyncio.run(run())
    return marks


def child_typing(kind: str, home: Path, keys: int) -> dict[str, Any]:
    """Type a query key by key; time each key's echo, noting whether a search was running.

    A key's echo time runs from handing the key event to the app (as the terminal driver
    does) to the first frame the compositor produces with the key in the input (headless,
    `App._display` is still called with each frame; only the terminal write is skipped).
    `Pilot.press` is not used for timing: it waits for the whole process to be idle,
    which a running search prevents.
    """
    from textual import events
    from textual.widgets import Input

    text = (QUERY * 3)[:keys]
    timings: list[tuple[float, bool]] = []
    searches = {"seen": 0}
    if kind == "bare":
        app = _bare_app(with_input=True)
    else:
        from tui.app import BriefroomApp
        from tui.config import Config
        from tui.screens.dashboard import DashboardScreen

        app = BriefroomApp(home, Config(), as_of=_newest_date(home), home_country="USA")

    def searching() -> bool:
        return any(w.name == "search" and not w.is_finished for w in app.workers)

    waiting: dict[str, Any] = {"expected": None, "input": None, "at": None}
    echoed = asyncio.Event()
    original_display = app._display

    def display(screen: Any, renderable: Any) -> None:
        field = waiting["input"]
        if (
            waiting["expected"] is not None
            and renderable is not None
            and field is not None
            and field.value == waiting["expected"]
        ):
            waiting["at"] = time.perf_counter()
            waiting["expected"] = None
            echoed.set()
        original_display(screen, renderable)

    app._display = display  # type: ignore[method-assign]

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            if kind != "bare":
                for _ in range(1200):  # the dashboard first (the archive opened, index checked)
                    screen = app.screen
                    if isinstance(screen, DashboardScreen) and screen.data is not None:
                        break
                    await pilot.pause(0.05)
                await pilot.press("slash")
                field = app.screen.query_one("#query", Input)
            else:
                field = app.query_one(Input)
                field.focus()
            await pilot.pause(0.5)
            waiting["input"] = field
            driver = app._driver
            assert driver is not None
            for ch in text:
                key = "space" if ch == " " else ch
                busy = searching()
                echoed.clear()
                waiting["expected"] = field.value + ch
                started = time.perf_counter()
                driver.send_message(events.Key(key, ch))
                await asyncio.wait_for(echoed.wait(), timeout=10)
                timings.append((waiting["at"] - started, busy))
                # Past the search debounce, so that the next key lands while a search runs.
                await asyncio.sleep(0.3)
                searches["seen"] += int(searching())
            assert field.value == text, (field.value, text)

    asyncio.run(run())
    during = [t * 1000 for t, busy in timings if busy or kind == "bare"]
    return {"ms": during, "all_ms": [t * 1000 for t, _ in timings],
            "searches_seen": searches["seen"]}  # fmt: skip


def _run_child(kind: str, mode: str, home: Path, keys: int) -> dict[str, Any]:
    """Spawn this script as a child and read its JSON result (spawn time included)."""
    spawned = time.time()
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", mode, kind, str(home),
         str(keys)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"bench/tui.py child {mode} {kind} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["spawned"] = spawned
    return dict(result)


# --------------------------------------------------------------------------- report


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def _figure(name: str, value: float, digits: int = 3) -> None:
    print(f"{name} {value:.{digits}f}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000)
    parser.add_argument("--corpora", type=Path, default=None)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--home", type=Path, help="an existing briefroom home (copied)")
    parser.add_argument("--rounds", type=int, default=5, help="cold starts of each app")
    parser.add_argument("--keys", type=int, default=40, help="keys typed in the search box")
    parser.add_argument("--index-copy", action="store_true",
                        help="index the copy here when the source archive is not indexed")  # fmt: skip
    parser.add_argument("--start-only", action="store_true", help="cold starts only")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        mode, kind, home, keys = args.child
        if mode == "start":
            result: dict[str, Any] = child_start(kind, Path(home))
        else:
            result = child_typing(kind, Path(home), int(keys))
        print(json.dumps(result))
        return 0

    workdir = args.workdir.resolve()
    if args.home is not None:
        source = args.home.resolve()
    else:
        sys.path.insert(0, str(BENCH))
        from corpus import DEFAULT_CORPORA
        from relations import shared_archive

        corpora = args.corpora if args.corpora is not None else DEFAULT_CORPORA
        source = shared_archive(args.n, corpora, workdir, args.seed)
    pending = unindexed(source)
    if pending and not args.index_copy:
        print(f"bench/tui.py: {pending} articles of {source} are not indexed yet (is another "
              "benchmark indexing it?); try again later, or pass --index-copy to index the "
              "copy here (minutes)", file=sys.stderr)  # fmt: skip
        return 2
    home = private_copy(source, workdir / f"tui-{args.n}-s{args.seed}" / "home")
    info = prepare(home)
    print(f"archive {home}: {info}", file=sys.stderr)

    bare: list[float] = []
    cold: list[float] = []
    data: list[float] = []
    for round_ in range(args.rounds):
        b = _run_child("bare", "start", home, 0)
        r = _run_child("briefroom", "start", home, 0)
        bare.append(b["ready"] - b["spawned"])
        cold.append(r["ready"] - r["spawned"])
        if r.get("data"):
            data.append(r["data"] - r["spawned"])
        print(f"round {round_ + 1}: bare {bare[-1]:.3f} s, briefroom first paint "
              f"{cold[-1]:.3f} s, dashboard data "
              f"{(r['data'] - r['spawned']) if r.get('data') else float('nan'):.3f} s",
              file=sys.stderr)  # fmt: skip

    if args.start_only:
        _figure("tui.articles", info["articles"], 0)
        _figure("tui.bare_start_s", statistics.median(bare))
        _figure("tui.cold_start_s", statistics.median(cold))
        _figure("tui.cold_start_ratio", statistics.median(cold) / statistics.median(bare), 2)
        return 0
    typing = _run_child("briefroom", "typing", home, args.keys)
    bare_typing = _run_child("bare", "typing", home, args.keys)
    during = typing["ms"]
    print(f"typing: {len(during)} of {len(typing['all_ms'])} keys pressed while a search ran; "
          f"all keys p50 {_percentile(typing['all_ms'], 0.5):.1f} ms", file=sys.stderr)  # fmt: skip

    articles = info["articles"]
    _figure("tui.articles", articles, 0)
    _figure("tui.bare_start_s", statistics.median(bare))
    _figure("tui.cold_start_s", statistics.median(cold))
    _figure("tui.cold_start_ratio", statistics.median(cold) / statistics.median(bare), 2)
    _figure("tui.cold_start_over_bare_s", statistics.median(cold) - statistics.median(bare))
    if data:
        _figure("tui.dashboard_data_s", statistics.median(data))
    _figure("tui.keys_during_search", len(during), 0)
    _figure("tui.key_during_search_p50_ms", _percentile(during, 0.5), 1)
    _figure("tui.key_during_search_p95_ms", _percentile(during, 0.95), 1)
    _figure("tui.key_during_search_max_ms", max(during) if during else float("nan"), 1)
    _figure("tui.key_bare_p50_ms", _percentile(bare_typing["ms"], 0.5), 1)
    _figure("tui.key_ratio_p50", _percentile(during, 0.5) / _percentile(bare_typing["ms"], 0.5), 2)
    ok_start = statistics.median(cold) <= START_TARGET_S
    ok_key = bool(during) and _percentile(during, 0.95) <= KEY_TARGET_MS
    print(f"targets: cold start <= {START_TARGET_S} s: {'met' if ok_start else 'NOT met'}; "
          f"key p95 <= {KEY_TARGET_MS:.0f} ms during a search: "
          f"{'met' if ok_key else 'NOT met'}", file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
