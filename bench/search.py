"""Search benchmark: briefroom's full search against raw Whoosh searches of the same text.

Usage::

    python bench/search.py [-n 100000] [--corpora DIR] [--workdir DIR] [--seed S]
                           [--rounds R] [--profile] [--rebuild]

Steps:

1. Build (or reuse) an N-article JSON Lines corpus with ``bench/corpus.py`` in the work
   folder (default ``bench/out/``, ignored by git), the same file the ingest benchmark
   uses.
2. Build (once; reused while the corpus is unchanged) a briefroom archive of it with the
   product's ingest (``Archive.open``, ``ingest``) in ``WORKDIR/search-N-sS/home``, and
   a raw Whoosh index of ``id``, ``title`` and ``body`` alone with the product's
   analyzer (`search.index.schema.text_analyzer`) in ``WORKDIR/search-N-sS/raw``.  Each build
   runs in a subprocess.  A later schema change only re-indexes the archive from its
   store (`search.archive.ensure_index`), which is much faster than a new ingest.
3. Measure, in a fresh subprocess:

   - ``first``: opening the archive and running one search through
     `search.archive.run_search` (what the CLI does), before anything else has read
     the index in that process (imports excluded);
   - then `ROUNDS` rounds over `QUERIES` (single words, phrases, boolean queries,
     country and date filters): each query as a full product search
     (`search.archive.run_search`: parsing, filters, ranking, story collapsing, facets
     over all results, snippets for the top 20, store reads) and, right after it, as a
     raw Whoosh search of its text without filters (``searcher.search(q, limit=20)``
     on the raw index, with a `MultifieldParser` over title and body, hit ids read).
     Alternating the two keeps a shared, noisy machine fair to both.

4. Print one line per figure on stdout (``search.full_p95_ms 84.2``) and a per-query
   table on stderr.  Targets: full p95 <= 100 ms, full p95 <= 1.2 x raw p95, first
   search <= 300 ms.

``--profile`` runs one more round of full searches under cProfile and prints the top
functions by cumulative and own time to stderr.

Exit status: 0 when measured (targets are reported, not enforced), 1 when a build or a
measured run failed, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
# The product's `search` package, not this file, is what `import search` must find.
sys.path.insert(0, str(REPO))

from corpus import DEFAULT_CORPORA, build_corpus  # noqa: E402  (bench/ is not a package)

DEFAULT_WORKDIR = REPO / "bench" / "out"
DEFAULT_ROUNDS = 5
# "Today" for relative date filters: the newest articles of the corpora are from 2022.
AS_OF = "2022-07-01"
TARGET_FULL_P95_MS = 100.0
TARGET_RATIO = 1.2
TARGET_FIRST_MS = 300.0

# The query mix: what analysts type.  Reuters-21578 (1987 economic news) is most of the
# corpus; State Department readouts, UN General Debate speeches and Wikinews the rest.
QUERIES: tuple[str, ...] = (
    # single words
    "oil",
    "trade",
    "minister",
    "nuclear",
    "sanctions",
    "election",
    "inflation",
    "climate",
    "refugees",
    "Kazakhstan",
    # phrases
    '"foreign minister"',
    '"interest rates"',
    '"security council"',
    '"human rights"',
    '"trade deficit"',
    '"prime minister"',
    # boolean
    "oil AND opec",
    "wheat OR corn",
    "(iran OR iraq) AND oil",
    "bank NOT central",
    '"central bank" AND (dollar OR yen)',
    "coffee OR cocoa OR sugar",
    "japan trade surplus",
    "security cooperation agreement",
    "minist* talks",
    # country filters
    "country:Japan trade",
    'oil country:"Saudi Arabia"',
    '"foreign minister" country:Norway',
    "country:Kazakhstan",
    "country:Germany country:France",
    # date filters
    "oil since:1987-03 until:1987-04",
    "election since:2019",
    "climate until:2021-12",
    "minister on:2022-05-04",
    'trade since:"last year"',
    # both
    'country:USA "human rights" since:2021',
    "sanctions country:Russia until:2022-06",
    "country:Norway since:2020",
)


# ----------------------------------------------------------------------------- builds


def _child_build_archive(corpus: Path, home: Path) -> dict[str, Any]:
    """Ingest the corpus with the product's pipeline (once), then make the index current."""
    sys.path.insert(0, str(REPO))
    from search.archive import Archive, ensure_index
    from search.ingest import ingest

    marker = home / "bench-ingested.json"
    info: dict[str, Any] = {}
    if not marker.exists():
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir(parents=True)
        start = time.perf_counter()
        with Archive.open(home) as archive:
            report = ingest(archive, [corpus])
        info = {"corpus": str(corpus), "ingest_seconds": round(time.perf_counter() - start, 1),
                "summary": report.summary()}  # fmt: skip
        marker.write_text(json.dumps(info) + "\n")
    start = time.perf_counter()
    with Archive.open(home) as archive:
        notices = ensure_index(archive, wait=600)
    info["index_notices"] = notices
    info["index_seconds"] = round(time.perf_counter() - start, 1)
    return info


def _child_build_raw(corpus: Path, index_dir: Path) -> dict[str, Any]:
    """A raw Whoosh index of id, title and body with the product's analyzer (once)."""
    sys.path.insert(0, str(REPO))
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.index import create_in

    from search.index.schema import text_analyzer

    marker = index_dir / "bench-built.json"
    if marker.exists():
        return dict(json.loads(marker.read_text()))
    shutil.rmtree(index_dir, ignore_errors=True)
    index_dir.mkdir(parents=True)
    analyzer = text_analyzer()
    schema = Schema(id=ID(stored=True), title=TEXT(analyzer=analyzer), body=TEXT(analyzer=analyzer))
    start = time.perf_counter()
    index = create_in(str(index_dir), schema)
    writer = index.writer(procs=2, multisegment=True, limitmb=256)
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            writer.add_document(
                id=str(article["id"]), title=article.get("title") or "", body=article["body"]
            )
    writer.commit()
    with index.reader() as reader:
        segments = len(reader.leaf_readers())
    index.close()
    info = {"seconds": round(time.perf_counter() - start, 1), "segments": segments}
    marker.write_text(json.dumps(info) + "\n")
    return info


# ----------------------------------------------------------------------------- measuring


def raw_text(query: str) -> str:
    """The query without filters: what a raw title+body search gets."""
    from search.query import DATE_FIELDS, FIELD_ALIASES

    words = []
    import re

    pattern = re.compile(r'([A-Za-z]+):("[^"]*"|\([^)]*\)|\S+)')
    last = 0
    for match in pattern.finditer(query):
        name = match.group(1).lower()
        words.append(query[last : match.start()])
        if name not in FIELD_ALIASES and name not in DATE_FIELDS:
            words.append(match.group(0))
        elif name in ("title", "body", "text"):
            words.append(match.group(0))
        last = match.end()
    words.append(query[last:])
    return " ".join("".join(words).split())


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = fraction * (len(ordered) - 1)
    low = int(index)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (index - low)


def _child_measure(home: Path, raw_dir: Path, rounds: int, profile: bool) -> dict[str, Any]:
    sys.path.insert(0, str(REPO))
    from datetime import date

    from whoosh import index as whoosh_index
    from whoosh import query as wq
    from whoosh.qparser import MultifieldParser

    from search.archive import Archive, run_search
    from search.dates import warm_up
    from search.query import SearchRequest

    as_of = date.fromisoformat(AS_OF)
    # Imports and dateparser's one-off start (~0.4 s, dateparser#253) are process
    # start-up, paid once per session and off the UI thread in the app: not search time.
    warm_up()

    start = time.perf_counter()
    archive = Archive.open(home)
    first_result = run_search(archive, SearchRequest(query="oil prices", as_of=as_of))
    first_ms = (time.perf_counter() - start) * 1000

    raw_ix = whoosh_index.open_dir(str(raw_dir))
    raw_searcher = raw_ix.searcher()
    raw_parser = MultifieldParser(["title", "body"], raw_ix.schema)

    def full(query: str) -> tuple[float, int]:
        t0 = time.perf_counter()
        result = run_search(archive, SearchRequest(query=query, as_of=as_of))
        return (time.perf_counter() - t0) * 1000, result.total

    def raw(query: str) -> tuple[float, int]:
        t0 = time.perf_counter()
        text = raw_text(query)
        q = raw_parser.parse(text) if text else wq.Every()
        results = raw_searcher.search(q, limit=20)
        _ids = [hit["id"] for hit in results]
        total = results.estimated_length()
        return (time.perf_counter() - t0) * 1000, total

    per_query: dict[str, dict[str, Any]] = {q: {"full": [], "raw": []} for q in QUERIES}
    # One warm-up round (page cache, Whoosh's term caches) not counted.
    for q in QUERIES:
        per_query[q]["hits"] = full(q)[1]
        per_query[q]["raw_hits"] = raw(q)[1]
    for _ in range(rounds):
        for q in QUERIES:
            per_query[q]["full"].append(full(q)[0])
            per_query[q]["raw"].append(raw(q)[0])

    profile_text = ""
    if profile:
        import cProfile
        import io
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for q in QUERIES:
            full(q)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_stats(25)
        profile_text = out.getvalue()

    raw_searcher.close()
    raw_ix.close()
    archive.close()
    all_full = [t for q in QUERIES for t in per_query[q]["full"]]
    all_raw = [t for q in QUERIES for t in per_query[q]["raw"]]
    return {
        "first_ms": first_ms,
        "first_total": first_result.total,
        "full": all_full,
        "raw": all_raw,
        "per_query": per_query,
        "profile": profile_text,
    }


def _run_child(args: argparse.Namespace) -> int:
    kind, rest = args.child, args.child_args
    if kind == "archive":
        result = _child_build_archive(Path(rest[0]), Path(rest[1]))
    elif kind == "raw":
        result = _child_build_raw(Path(rest[0]), Path(rest[1]))
    else:
        result = _child_measure(Path(rest[0]), Path(rest[1]), int(rest[2]), rest[3] == "1")
    Path(args.result).write_text(json.dumps(result))
    return 0


def _child(kind: str, *child_args: str, result: Path) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind,
               "--result", str(result), *child_args]  # fmt: skip
    env = {**os.environ}
    completed = subprocess.run(command, env=env, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"{kind} step failed (exit {completed.returncode})")
    return dict(json.loads(result.read_text()))


# ----------------------------------------------------------------------------- report


def _figure(name: str, value: float, digits: int = 1) -> None:
    print(f"search.{name} {value:.{digits}f}", flush=True)


def report(n: int, measured: dict[str, Any]) -> None:
    """Per-query table on stderr, figures on stdout."""
    per_query = measured["per_query"]
    width = max(len(q) for q in per_query)
    print(f"\n{'query':<{width}}  {'hits':>6}  {'full ms':>8}  {'raw ms':>8}  {'ratio':>6}",
          file=sys.stderr)  # fmt: skip
    for q, row in per_query.items():
        full_ms = statistics.median(row["full"])
        raw_ms = statistics.median(row["raw"])
        print(f"{q:<{width}}  {row['hits']:>6}  {full_ms:>8.1f}  {raw_ms:>8.1f}  "
              f"{full_ms / raw_ms if raw_ms else float('nan'):>6.2f}", file=sys.stderr)  # fmt: skip
    full = measured["full"]
    raw = measured["raw"]
    full_p50, full_p95 = _percentile(full, 0.5), _percentile(full, 0.95)
    raw_p50, raw_p95 = _percentile(raw, 0.5), _percentile(raw, 0.95)
    print(file=sys.stderr)
    _figure("articles", n, 0)
    _figure("queries", len(per_query), 0)
    _figure("samples", len(full), 0)
    _figure("full_p50_ms", full_p50)
    _figure("full_p95_ms", full_p95)
    _figure("raw_p50_ms", raw_p50)
    _figure("raw_p95_ms", raw_p95)
    _figure("ratio_p50", full_p50 / raw_p50, 2)
    _figure("ratio_p95", full_p95 / raw_p95, 2)
    _figure("first_ms", measured["first_ms"])
    verdicts = [
        ("full p95 <= 100 ms", full_p95 <= TARGET_FULL_P95_MS),
        ("full p95 <= 1.2 x raw p95", full_p95 <= TARGET_RATIO * raw_p95),
        ("first search <= 300 ms", measured["first_ms"] <= TARGET_FIRST_MS),
    ]
    for label, ok in verdicts:
        print(f"target {label}: {'met' if ok else 'MISSED'}", file=sys.stderr)
    if measured.get("profile"):
        print(measured["profile"], file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(description="Benchmark briefroom's search.")
    parser.add_argument("-n", type=int, default=100_000, help="articles (default 100000)")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="corpora folder")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, help="work folder")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS,
                        help=f"measured rounds of the query mix (default {DEFAULT_ROUNDS})")  # fmt: skip
    parser.add_argument(
        "--profile", action="store_true", help="cProfile one round of full searches"
    )
    parser.add_argument("--rebuild", action="store_true", help="re-ingest and re-index")
    parser.add_argument("--child", choices=["archive", "raw", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    parser.add_argument("child_args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _run_child(args)
    if args.child_args:
        parser.error(f"unexpected arguments: {' '.join(args.child_args)}")
    if args.n <= 0 or args.rounds <= 0:
        parser.error("-n and --rounds must be positive")
    if not args.corpora.is_dir():
        parser.error(f"corpora folder not found: {args.corpora}")

    workdir = args.workdir.resolve()
    base = workdir / f"search-{args.n}-s{args.seed}"
    if args.rebuild:
        shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    corpus = build_corpus(
        args.n, args.corpora, workdir / f"corpus-{args.n}-s{args.seed}.jsonl", seed=args.seed
    )
    print(f"corpus: {corpus} (ready in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    home = base / "home"
    raw_dir = base / "raw"
    try:
        print("archive (product ingest, once) ...", file=sys.stderr, flush=True)
        info = _child("archive", str(corpus), str(home), result=base / "archive.json")
        print(f"  {info}", file=sys.stderr)
        print("raw whoosh index (once) ...", file=sys.stderr, flush=True)
        info = _child("raw", str(corpus), str(raw_dir), result=base / "raw.json")
        print(f"  {info}", file=sys.stderr)
        print(f"measuring {len(QUERIES)} queries x {args.rounds} rounds ...", file=sys.stderr,
              flush=True)  # fmt: skip
        measured = _child("measure", str(home), str(raw_dir), str(args.rounds),
                          "1" if args.profile else "0", result=base / "measure.json")  # fmt: skip
    except RuntimeError as exc:
        print(f"bench/search.py: {exc}", file=sys.stderr)
        return 1
    report(args.n, measured)
    return 0


if __name__ == "__main__":
    sys.exit(main())
