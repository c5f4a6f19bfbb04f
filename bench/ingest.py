"""Ingest benchmark: briefroom's full ingest against raw Whoosh indexing of the same text.

Usage::

    python bench/ingest.py [-n 100000] [--corpora DIR] [--workdir DIR]
                           [--baseline NAME[,NAME...] | --baseline all]
                           [--skip-baseline] [--skip-full] [--repeat R] [--keep]

Steps:

1. Build (or reuse) an N-article JSON Lines corpus with ``bench/corpus.py`` in the work
   folder (default ``bench/out/``, ignored by git).
2. Baseline, in a subprocess: read and parse the JSON Lines file and index ``id``,
   ``title`` and ``body`` alone into a fresh Whoosh index with the product's analyzer
   (``search.index.schema.text_analyzer``), in a writer configuration from `BASELINES` (the
   fastest one found on 2 cores by default).  This is the floor: what any Whoosh-backed
   ingest of this text must pay.
3. Full ingest, in a subprocess with ``BRIEFROOM_HOME`` set to a fresh folder:
   ``Archive.open(home)``, ``ingest(archive, [corpus])``, ``archive.close()``.
4. Print one line per figure on stdout (``ingest.full_articles_per_s 1234.5``) and a
   table on stderr.  The ratio full/raw is the figure to watch (target <= 1.5): both
   runs happen on the same machine in the same minutes, so it holds up on a shared,
   noisy machine where absolute rates do not.

Timings are measured inside each subprocess around the work (opening the index or
archive, reading, indexing, committing/closing), not interpreter start-up or imports.
Peak RSS is the highest of (a) the sum of the RSS of the subprocess and all its
descendants, polled every 0.25 s by this process with psutil (Whoosh ``procs>1`` and
any product worker processes count), and (b) the ``ru_maxrss`` of the subprocess and
of its largest waited-for worker.  A summed RSS counts pages that forked workers share
once per process, so it is an upper bound; peak PSS (proportional set size, shared
pages split between their users, sampled every second) is reported beside it.  CPU
seconds (user+sys of the subprocess and its waited-for workers) are less sensitive to
a busy machine than elapsed seconds.

Exit status: 0 on success, 1 when a measured run failed or the full ingest rejected
inputs (figures of the other runs are still printed), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT_CORPORA, build_corpus  # noqa: E402  (bench/ is not a package)

DEFAULT_WORKDIR = REPO / "bench" / "out"
POLL_SECONDS = 0.25
REFRESH_SECONDS = 1.0
TARGET_RATIO = 1.5
TARGET_RSS_MB = 600.0

# Writer configurations tried for the raw Whoosh baseline: keyword arguments of
# `Index.writer`, plus "gc_threshold", which the child passes to `gc.set_threshold`
# before indexing (tried in case Python's cyclic GC rescanning Whoosh's posting pools
# cost time: it made no measurable difference).  bench/README.md has the figures that
# picked DEFAULT_BASELINE: the fastest, and the simplest of the configurations tied
# with it.
BASELINES: dict[str, dict[str, Any]] = {
    "p1_lm256": {"procs": 1, "limitmb": 256},
    "p1_lm256_gc": {"procs": 1, "limitmb": 256, "gc_threshold": 100_000},
    "p2_ms_lm256": {"procs": 2, "multisegment": True, "limitmb": 256},
    "p2_ms_lm256_b500": {"procs": 2, "multisegment": True, "limitmb": 256, "batchsize": 500},
    "p2_ms_lm128_b500": {"procs": 2, "multisegment": True, "limitmb": 128, "batchsize": 500},
    "p2_ms_lm256_b500_gc": {
        "procs": 2,
        "multisegment": True,
        "limitmb": 256,
        "batchsize": 500,
        "gc_threshold": 100_000,
    },
    "p2_ms_lm256_b500_gc_nc": {
        "procs": 2,
        "multisegment": True,
        "limitmb": 256,
        "batchsize": 500,
        "gc_threshold": 100_000,
        "compound": False,
    },
    "p2_ms_lm128_b500_gc": {
        "procs": 2,
        "multisegment": True,
        "limitmb": 128,
        "batchsize": 500,
        "gc_threshold": 100_000,
    },
    "p2_merge_lm256": {"procs": 2, "multisegment": False, "limitmb": 256},
    "p3_ms_lm128": {"procs": 3, "multisegment": True, "limitmb": 128},
    # Not raw Whoosh: title+body through the product's own indexing path (two
    # sub-writers with search.index.postingpool.CompactPool, search.index.fastindex.FastCodec and
    # FastPositions), to show what the rest of the ingest (reading, extraction,
    # SQLite, duplicates) costs on top of the product's indexing.
    "briefroom_writer": {"briefroom_writer": True},
}
DEFAULT_BASELINE = "p2_ms_lm256"


@dataclass
class RunResult:
    """What one measured subprocess reported, plus what the parent observed."""

    name: str
    ok: bool
    seconds: float = float("nan")
    wall_seconds: float = float("nan")
    cpu_seconds: float = float("nan")
    peak_rss_mb: float = float("nan")
    peak_pss_mb: float = float("nan")
    disk_mb: float = float("nan")
    error: str = ""
    warning: str = ""
    details: dict[str, Any] = field(default_factory=dict)


# ----------------------------------------------------------------------------- children


def _child_baseline(corpus: Path, index_dir: Path, config: dict[str, Any]) -> dict[str, Any]:
    """Raw Whoosh indexing of title+body with the product's analyzer (runs in a child)."""
    sys.path.insert(0, str(REPO))
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.index import create_in

    from search.index.schema import text_analyzer

    analyzer = text_analyzer()
    config = dict(config)
    ours = config.pop("briefroom_writer", False)
    if ours:
        from search.index.schema import _fast_text

        schema = Schema(id=ID(stored=True), title=_fast_text(analyzer), body=_fast_text(analyzer))
    else:
        schema = Schema(
            id=ID(stored=True), title=TEXT(analyzer=analyzer), body=TEXT(analyzer=analyzer)
        )
    index_dir.mkdir(parents=True)
    start = time.perf_counter()
    index = create_in(str(index_dir), schema)
    threshold = config.pop("gc_threshold", None)
    if threshold is not None:  # set before the writer forks its sub-writers: they inherit it
        gc.set_threshold(threshold)
    if ours:
        from search.index import MULTIPROCESS_MIN_DOCS, SearchIndex

        writer = SearchIndex(index_dir).writer(index, MULTIPROCESS_MIN_DOCS)
    else:
        writer = index.writer(**config)
    count = 0
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            writer.add_document(
                id=article["id"], title=article.get("title") or "", body=article["body"]
            )
            count += 1
    writer.commit()
    seconds = time.perf_counter() - start
    with index.reader() as reader:
        segments = len(reader.leaf_readers())
    index.close()
    return {"seconds": seconds, "articles": count, "segments": segments}


def _child_full(corpus: Path, home: Path) -> dict[str, Any]:
    """The product's ingest through its Python API (runs in a child)."""
    sys.path.insert(0, str(REPO))
    from search.archive import Archive
    from search.ingest import ingest

    start = time.perf_counter()
    archive = Archive.open(home)
    report = ingest(archive, [corpus])
    archive.close()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "report": _describe(report)}


def _describe(report: Any) -> Any:
    """A JSON-friendly summary of the product's ingest report, whatever its shape.

    Scalars are kept; a collection becomes its length plus up to three examples as
    strings (``rejected: 3, rejected_examples: [...]``); ``summary()`` is added when the
    report has one.
    """
    if report is None or isinstance(report, str | int | float | bool):
        return report
    if hasattr(report, "__dataclass_fields__"):
        values = {name: getattr(report, name) for name in report.__dataclass_fields__}
    elif isinstance(report, dict):
        values = dict(report)
    else:
        values = {}
    described: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, str | int | float | bool) or value is None:
            described[key] = value
        elif isinstance(value, list | tuple | set | dict):
            described[key] = len(value)
            if value:
                described[f"{key}_examples"] = [str(item)[:300] for item in list(value)[:3]]
        else:
            described[key] = repr(value)[:200]
    summary = getattr(report, "summary", None)
    if callable(summary):
        try:
            described["summary"] = str(summary())
        except Exception as error:  # a summary is a nicety: never lose the timing for it
            described["summary"] = f"summary() failed: {error!r}"
    elif not values:
        described["repr"] = repr(report)[:500]
    return described


def _run_child(args: argparse.Namespace) -> int:
    """Entry point of a measured subprocess: do the work, print one JSON line."""
    if args.child == "baseline":
        result = _child_baseline(args.corpus, args.target, json.loads(args.config))
    else:
        result = _child_full(args.corpus, args.target)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # waited-for workers only
    # ru_maxrss is in KiB on Linux; for children, that of the largest waited-for one.
    result["self_maxrss_mb"] = max(usage.ru_maxrss, children.ru_maxrss) / 1024
    result["cpu_seconds"] = sum((u.ru_utime + u.ru_stime for u in (usage, children)), start=0.0)
    print(json.dumps(result), flush=True)
    return 0


# ----------------------------------------------------------------------------- parent


class _TreeWatcher:
    """Polls the memory of a process and all its descendants, cheaply.

    The process list (which scans /proc) is refreshed every `REFRESH_SECONDS`, RSS
    (/proc/PID/statm) is read at every poll and PSS (/proc/PID/smaps_rollup, dearer)
    at each refresh, so the watcher costs 1-2% of one core.  RSS counts a page shared
    by forked workers once per process (an upper bound); PSS splits it between them.
    Processes that end while being read are skipped.
    """

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.members: list[psutil.Process] = [self.root]
        self.peak_rss = 0
        self.peak_pss = 0
        self._started = time.monotonic()
        self._refreshed = 0.0

    def poll(self) -> None:
        """Take one sample and update the peaks."""
        now = time.monotonic()
        # Every poll during the first seconds, so short runs see their workers too.
        refresh = now - self._refreshed >= REFRESH_SECONDS or now - self._started < 5.0
        if refresh:
            self._refreshed = now
            try:
                self.members = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
        rss = pss = 0
        for member in self.members:
            try:
                if refresh:
                    info = member.memory_full_info()
                    pss += getattr(info, "pss", info.rss)
                else:
                    info = member.memory_info()
                rss += info.rss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        self.peak_rss = max(self.peak_rss, rss)
        if refresh:
            self.peak_pss = max(self.peak_pss, pss)


def _disk_mb(path: Path) -> float:
    if not path.exists():
        return float("nan")
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def measure(
    name: str, child_args: list[str], log: Path, env: dict[str, str] | None = None
) -> RunResult:
    """Run ``bench/ingest.py --child ...``, polling its process tree's memory until it ends.

    Args:
        name: Label of the run (for messages).
        child_args: Arguments after ``--child``.
        log: File receiving the child's stderr (progress, tracebacks); its stdout goes
            to the same name with the suffix ``.out``.
        env: Environment of the child (default: this process's).

    Returns:
        The child's figures, or ``ok=False`` with the end of its stderr.
    """
    command = [sys.executable, str(Path(__file__).resolve()), "--child", *child_args]
    start = time.perf_counter()
    poller_start = time.process_time()
    output = log.with_suffix(".out")
    # Files, not pipes: a child that prints a lot can never block on a full pipe.
    with log.open("w", encoding="utf-8") as err, output.open("w", encoding="utf-8") as out:
        child = subprocess.Popen(command, stdout=out, stderr=err, cwd=REPO, env=env)
        watcher = _TreeWatcher(child.pid)
        while child.poll() is None:
            watcher.poll()
            time.sleep(POLL_SECONDS)
    wall = time.perf_counter() - start
    poller_cpu = time.process_time() - poller_start
    lines = output.read_text("utf-8", errors="replace").strip().splitlines()
    if child.returncode != 0 or not lines:
        tail = log.read_text("utf-8", errors="replace").strip().splitlines()[-5:]
        return RunResult(name, ok=False, wall_seconds=wall, error=" | ".join(tail))
    data = json.loads(lines[-1])
    # Polling can miss a short spike; the processes' own high-water marks cannot.
    peak_mb = max(watcher.peak_rss / 2**20, data.pop("self_maxrss_mb"))
    return RunResult(
        name,
        ok=True,
        seconds=data.pop("seconds"),
        cpu_seconds=data.pop("cpu_seconds"),
        wall_seconds=wall,
        peak_rss_mb=peak_mb,
        peak_pss_mb=watcher.peak_pss / 2**20 if watcher.peak_pss else float("nan"),
        details={**data, "poller_cpu_seconds": round(poller_cpu, 2)},
    )


def run_baseline(name: str, corpus: Path, workdir: Path, keep: bool) -> RunResult:
    """Measure one raw Whoosh configuration from `BASELINES` on ``corpus``."""
    index_dir = workdir / f"raw-{name}"
    shutil.rmtree(index_dir, ignore_errors=True)
    child_args = ["baseline", str(corpus), str(index_dir), json.dumps(BASELINES[name])]
    result = measure(name, child_args, workdir / f"raw-{name}.log")
    result.disk_mb = _disk_mb(index_dir)
    if not keep:
        shutil.rmtree(index_dir, ignore_errors=True)
    return result


def run_full(corpus: Path, workdir: Path, keep: bool) -> RunResult:
    """Measure the product's full ingest of ``corpus`` into a fresh ``BRIEFROOM_HOME``."""
    home = workdir / "home-full"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    env = {**os.environ, "BRIEFROOM_HOME": str(home)}
    result = measure("full", ["full", str(corpus), str(home)], workdir / "full.log", env=env)
    result.disk_mb = _disk_mb(home)
    described = result.details.get("report")
    if isinstance(described, dict) and described.get("rejected"):
        examples = "; ".join(described.get("rejected_examples", []))
        result.warning = (
            f"{described['rejected']} inputs rejected, the timing is not comparable "
            f"(e.g. {examples})"
        )
    if not keep:
        shutil.rmtree(home, ignore_errors=True)
    return result


def _progress(run: RunResult, n: int) -> None:
    """One stderr line per measured run (the table only keeps the best of repeats)."""
    if run.ok:
        print(
            f"  {run.name}: {n / run.seconds:.1f} articles/s, {run.seconds:.1f} s, "
            f"CPU {run.cpu_seconds:.1f} s, peak RSS {run.peak_rss_mb:.0f} MB, "
            f"PSS {run.peak_pss_mb:.0f} MB, poller CPU {run.details['poller_cpu_seconds']} s",
            file=sys.stderr,
            flush=True,
        )
    else:
        print(f"  {run.name}: FAILED", file=sys.stderr, flush=True)


def _best(results: list[RunResult]) -> RunResult | None:
    """The fastest successful run (repeats and configurations alike)."""
    ok = [r for r in results if r.ok]
    return min(ok, key=lambda r: r.seconds) if ok else None


def _figure(name: str, value: float, digits: int = 1) -> None:
    print(f"ingest.{name} {value:.{digits}f}", flush=True)


def _table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells), file=sys.stderr)


def _parse_baselines(text: str) -> list[str]:
    names = list(BASELINES) if text == "all" else [t.strip() for t in text.split(",") if t]
    unknown = [name for name in names if name not in BASELINES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown baseline {', '.join(unknown)}; choose from {', '.join(BASELINES)} or all"
        )
    return names


def main(argv: list[str] | None = None) -> int:
    """Command line entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(
        description="Benchmark briefroom's ingest against raw Whoosh indexing."
    )
    parser.add_argument("-n", type=int, default=100_000, help="articles (default 100000)")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="corpora folder")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, help="work folder")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument(
        "--baseline",
        type=_parse_baselines,
        default=[DEFAULT_BASELINE],
        metavar="NAME[,NAME...]|all",
        help=f"raw Whoosh writer configurations to run, best one is the baseline "
        f"(default {DEFAULT_BASELINE}; choices: {', '.join(BASELINES)})",
    )
    parser.add_argument("--skip-baseline", action="store_true", help="only the full ingest")
    parser.add_argument("--skip-full", action="store_true", help="only the raw baseline")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each, alternating; fastest kept"
    )
    parser.add_argument("--keep", action="store_true", help="keep the indexes and home")
    parser.add_argument("--child", choices=["baseline", "full"], help=argparse.SUPPRESS)
    parser.add_argument("child_args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        corpus, target, *config = args.child_args
        args.corpus, args.target, args.config = Path(corpus), Path(target), "".join(config)
        return _run_child(args)
    if args.child_args:
        parser.error(f"unexpected arguments: {' '.join(args.child_args)}")
    if args.skip_baseline and args.skip_full:
        parser.error("--skip-baseline and --skip-full leave nothing to run")
    if args.n <= 0 or args.repeat <= 0:
        parser.error("-n and --repeat must be positive")
    if not args.corpora.is_dir():
        parser.error(f"corpora folder not found: {args.corpora}")

    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    corpus = build_corpus(
        args.n, args.corpora, workdir / f"corpus-{args.n}-s{args.seed}.jsonl", seed=args.seed
    )
    print(
        f"corpus: {corpus} ({corpus.stat().st_size / 2**20:.0f} MB, "
        f"ready in {time.perf_counter() - started:.1f} s)",
        file=sys.stderr,
    )

    raw: dict[str, list[RunResult]] = {name: [] for name in args.baseline}
    full: list[RunResult] = []
    for _ in range(args.repeat):
        if not args.skip_baseline:
            for name in args.baseline:
                print(f"raw whoosh {name} {BASELINES[name]} ...", file=sys.stderr, flush=True)
                raw[name].append(run_baseline(name, corpus, workdir, args.keep))
                _progress(raw[name][-1], args.n)
        if not args.skip_full:
            print("full ingest ...", file=sys.stderr, flush=True)
            full.append(run_full(corpus, workdir, args.keep))
            _progress(full[-1], args.n)

    return report(args.n, raw, full)


def report(n: int, raw: dict[str, list[RunResult]], full: list[RunResult]) -> int:
    """Print the figures (stdout) and the table (stderr); the exit status."""
    failed = [r for runs in [*raw.values(), full] for r in runs if not r.ok]
    for run in failed:
        print(f"FAILED {run.name}: {run.error}", file=sys.stderr)
    warned = [r for runs in [*raw.values(), full] for r in runs if r.ok and r.warning]
    for run in warned:
        print(f"WARNING {run.name}: {run.warning}", file=sys.stderr)

    rows = [
        (
            "run",
            "articles/s",
            "seconds",
            "CPU s",
            "wall s",
            "peak RSS MB",
            "peak PSS MB",
            "disk MB",
            "notes",
        )
    ]
    _figure("n_articles", n, 0)
    best_per_config = {name: _best(runs) for name, runs in raw.items()}
    for name, best in best_per_config.items():
        if best is None:
            continue
        if len(raw) > 1:
            _figure(f"raw_whoosh.{name}.articles_per_s", n / best.seconds)
            _figure(f"raw_whoosh.{name}.cpu_seconds", best.cpu_seconds)
        rows.append(_row(f"raw {name}", n, best, f"{best.details.get('segments')} segments"))
    # The baseline is the fastest *raw Whoosh* configuration; the product's own writer
    # ("briefroom_writer") is reported beside it, never used as the baseline.
    baseline = _best([b for name, b in best_per_config.items()
                      if b is not None and not BASELINES[name].get("briefroom_writer")])  # fmt: skip
    ours = best_per_config.get("briefroom_writer")
    if baseline is not None:
        _figure("raw_whoosh_articles_per_s", n / baseline.seconds)
        _figure("raw_whoosh_seconds", baseline.seconds)
        _figure("raw_whoosh_cpu_seconds", baseline.cpu_seconds)
        _figure("raw_whoosh_peak_rss_mb", baseline.peak_rss_mb, 0)
        _figure("raw_whoosh_peak_pss_mb", baseline.peak_pss_mb, 0)
        _figure("raw_whoosh_index_mb", baseline.disk_mb, 0)
    best_full = _best(full)
    if best_full is not None:
        _figure("full_articles_per_s", n / best_full.seconds)
        _figure("full_seconds", best_full.seconds)
        _figure("full_cpu_seconds", best_full.cpu_seconds)
        _figure("peak_rss_mb", best_full.peak_rss_mb, 0)
        _figure("peak_pss_mb", best_full.peak_pss_mb, 0)
        _figure("full_home_mb", best_full.disk_mb, 0)
        described = best_full.details.get("report")
        if isinstance(described, dict) and "summary" in described:
            described = described["summary"]
        rows.append(_row("full ingest", n, best_full, json.dumps(described)))
    if baseline is not None and best_full is not None:
        ratio = best_full.seconds / baseline.seconds
        _figure("ratio_time_full_over_raw", ratio, 2)
        _figure("ratio_cpu_full_over_raw", best_full.cpu_seconds / baseline.cpu_seconds, 2)
    if ours is not None and best_full is not None:
        # What reading, extraction, SQLite and duplicate detection add to indexing.
        _figure("ratio_time_full_over_briefroom_writer", best_full.seconds / ours.seconds, 2)

    print(file=sys.stderr)
    _table(rows)
    if baseline is not None and best_full is not None:
        verdict = "ok" if ratio <= TARGET_RATIO else "OVER TARGET"
        verdict += " (not comparable: see WARNING)" if best_full.warning else ""
        print(
            f"full/raw time ratio {ratio:.2f} (target <= {TARGET_RATIO}): {verdict}; "
            f"baseline = raw {baseline.name}",
            file=sys.stderr,
        )
    if best_full is not None:
        verdict = "ok" if best_full.peak_rss_mb < TARGET_RSS_MB else "OVER TARGET"
        print(
            f"full ingest peak RSS {best_full.peak_rss_mb:.0f} MB "
            f"(target < {TARGET_RSS_MB:.0f} MB): {verdict}",
            file=sys.stderr,
        )
    return 1 if failed or warned else 0


def _row(label: str, n: int, run: RunResult, notes: str) -> tuple[str, ...]:
    return (
        label,
        f"{n / run.seconds:.1f}",
        f"{run.seconds:.1f}",
        f"{run.cpu_seconds:.1f}",
        f"{run.wall_seconds:.1f}",
        f"{run.peak_rss_mb:.0f}",
        f"{run.peak_pss_mb:.0f}",
        f"{run.disk_mb:.0f}",
        notes[:120],
    )


if __name__ == "__main__":
    sys.exit(main())
