"""Precision and recall of the pair view's article list against hand-checked cases.

Usage::

    python bench/pair_eval.py [--cases bench/pair_cases.yaml] [--corpora DIR]
                              [--workdir DIR] [--rebuild] [--reuters] [--economic]
                              [--verbose]

1. Builds (once; cached under ``WORKDIR/pairs-eval``) an archive of the development
   corpora the cases were checked on: the seed, the sample, statedept, wikinews and
   ungdc, ingested with the product pipeline.  The cache is rebuilt when the corpora or
   the code under ``search/`` change (or with ``--rebuild``).
2. For every case, runs ``pair_summary(store, a, b)`` and compares its ``articles``
   with the case's ``articles``; ids listed under ``maybe`` are judgement calls and
   count neither way.
3. Prints one ``name value`` line per figure on stdout (``pairs.precision 0.955``),
   micro-averaged over the cases, and one line per case on stderr.

``--economic`` also scores hand-checked economic and trade news (a sample of Reuters-21578
articles naming both countries of six pairs, read and judged: bench/pair_cases_economic.yaml).

``--reuters`` also scores the rule against the Reuters-21578 PLACES labels (every pair
labelled together on >= 5 articles; its own cached archive, several minutes to build
the first time).  Those labels list every country an indexer thought relevant, a
looser notion than "concerns both", so read them as a second opinion only.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import shutil
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

DEFAULT_CORPORA = REPO.parent / "shared" / "corpora"
DEFAULT_WORKDIR = REPO / "bench" / "out"
DEFAULT_CASES = REPO / "bench" / "pair_cases.yaml"
DEFAULT_ECONOMIC = REPO / "bench" / "pair_cases_economic.yaml"
CORPUS_FILES = (
    "seed/kazinform-kazakhstan-norway-consultations.txt",
    "sample/articles.jsonl",
    "statedept/articles.jsonl.gz",
    "wikinews/articles.jsonl",
    "ungdc/articles.jsonl.gz",
)


def _fingerprint(paths: list[Path]) -> str:
    """Changes when an input file or the extraction code changes."""
    digest = hashlib.sha256()
    for path in paths:
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    for path in sorted((REPO / "search").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".json", ".txt", ".tsv"):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cached_home(name: str, paths: list[Path], workdir: Path, rebuild: bool = False) -> Path:
    """An archive of ``paths`` under ``workdir/name/home``, built once per fingerprint."""
    from search.archive import Archive
    from search.ingest import ingest

    base = workdir / name
    home = base / "home"
    marker = base / "built.json"
    fingerprint = _fingerprint(paths)
    if not rebuild and marker.exists():
        if json.loads(marker.read_text("utf-8")).get("fingerprint") == fingerprint:
            return home
    shutil.rmtree(base, ignore_errors=True)
    home.mkdir(parents=True)
    started = time.perf_counter()
    print(f"building {home} from {len(paths)} files ...", file=sys.stderr)
    with Archive.open(home) as archive:
        report = ingest(archive, paths)
    print(f"  {report.summary()} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    marker.write_text(json.dumps({"fingerprint": fingerprint, "summary": report.summary()}))
    return home


def _score(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def eval_cases(store: Any, cases: list[dict[str, Any]], verbose: bool) -> dict[str, float]:
    """Micro-averaged precision and recall of ``pair_summary().articles`` over the cases."""
    from briefs.relations import pair_summary

    tp = fp = fn = 0
    for case in cases:
        a, b = case["pair"]
        gold = set(case.get("articles") or ())
        maybe = set(case.get("maybe") or ())
        got = set(pair_summary(store, a, b).articles) - maybe
        hits, extra, missed = got & gold, sorted(got - gold), sorted(gold - got)
        tp, fp, fn = tp + len(hits), fp + len(extra), fn + len(missed)
        p, r, _ = _score(len(hits), len(extra), len(missed))
        print(f"{a}-{b}: gold {len(gold)} got {len(got)} P {p:.2f} R {r:.2f}", file=sys.stderr)
        if verbose:
            for aid in extra:
                print(f"    extra  {aid}", file=sys.stderr)
            for aid in missed:
                print(f"    missed {aid}", file=sys.stderr)
    p, r, f = _score(tp, fp, fn)
    return {"precision": p, "recall": r, "f1": f, "cases": len(cases), "gold": tp + fn}


def eval_reuters(corpora: Path, workdir: Path, rebuild: bool) -> dict[str, float]:
    """Pair precision/recall against the Reuters-21578 PLACES labels (pairs on >= 5)."""
    sys.path.insert(0, str(REPO / "bench"))
    from extraction_eval import label_code

    from search.archive import Archive
    from search.pairs import pair_article_rowids

    path = corpora / "reuters21578" / "articles.jsonl.gz"
    home = cached_home("pairs-eval-reuters", [path], workdir, rebuild)
    gold: dict[str, set[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            codes = {label_code(n, art.get("date")) for n in art.get("countries") or ()}
            gold[art["id"]] = {c for c in codes if c}
    counts: Counter[tuple[str, str]] = Counter()
    for codes in gold.values():
        counts.update(itertools.combinations(sorted(codes), 2))
    tp = fp = fn = 0
    with Archive.open(home) as archive:
        ids = dict(archive.store.conn.execute("SELECT rowid, id FROM articles"))
        for (a, b), n in counts.items():
            if n < 5:
                continue
            got = {ids[r] for r in pair_article_rowids(archive.store.conn, a, b)}
            want = {aid for aid, codes in gold.items() if a in codes and b in codes}
            tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    p, r, f = _score(tp, fp, fn)
    return {"precision": p, "recall": r, "f1": f}


_SAME_STATE = {"DEU": ("DEU", "BRD")}


def eval_economic(corpora: Path, workdir: Path, rebuild: bool, verbose: bool) -> dict[str, float]:
    """Pair precision/recall on hand-checked economic and trade news (Reuters-21578).

    ``bench/pair_cases_economic.yaml`` judges a sample of the articles naming both
    countries of six pairs; only those judged count (``articles`` positive, ``not``
    negative, ``maybe`` neither).
    """
    from search.archive import Archive
    from search.pairs import pair_article_rowids

    path = corpora / "reuters21578" / "articles.jsonl.gz"
    home = cached_home("pairs-eval-reuters", [path], workdir, rebuild)
    cases = yaml.safe_load(DEFAULT_ECONOMIC.read_text(encoding="utf-8"))["pairs"]
    tp = fp = fn = 0
    with Archive.open(home) as archive:
        ids = dict(archive.store.conn.execute("SELECT rowid, id FROM articles"))
        for case in cases:
            a, b = case["pair"]
            gold = set(case.get("articles") or ())
            judged = gold | set(case.get("not") or ())
            # West Germany: the product writes BRD before 1990, the labels DEU.
            rowids = set()
            for x in _SAME_STATE.get(a, (a,)):
                for y in _SAME_STATE.get(b, (b,)):
                    rowids |= pair_article_rowids(archive.store.conn, x, y)
            got = {ids[r] for r in rowids} & judged
            hits, extra, missed = got & gold, sorted(got - gold), sorted(gold - got)
            tp, fp, fn = tp + len(hits), fp + len(extra), fn + len(missed)
            p, r, _ = _score(len(hits), len(extra), len(missed))
            print(f"economic {a}-{b}: gold {len(gold)} got {len(got)} P {p:.2f} R {r:.2f}",
                  file=sys.stderr)  # fmt: skip
            if verbose:
                for aid in extra:
                    print(f"    extra  {aid}", file=sys.stderr)
                for aid in missed:
                    print(f"    missed {aid}", file=sys.stderr)
    p, r, f = _score(tp, fp, fn)
    return {"precision": p, "recall": r, "f1": f, "gold": tp + fn}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached archive")
    parser.add_argument("--reuters", action="store_true", help="also score on Reuters labels")
    parser.add_argument(
        "--economic", action="store_true", help="also score hand-checked economic news pairs"
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list wrong articles")
    args = parser.parse_args(argv)

    from search.archive import Archive
    from search.pairs import has_table

    paths = [args.corpora / name for name in CORPUS_FILES]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"missing corpus files: {', '.join(missing)}", file=sys.stderr)
        return 2
    cases = yaml.safe_load(args.cases.read_text("utf-8"))["pairs"]
    home = cached_home("pairs-eval", paths, args.workdir.resolve(), args.rebuild)
    with Archive.open(home) as archive:
        stored = has_table(archive.store.conn)
        figures = eval_cases(archive.store, cases, args.verbose)
    print(f"pair weights: {'stored table' if stored else 'computed from extractions'}",
          file=sys.stderr)  # fmt: skip
    for key, value in figures.items():
        print(f"pairs.{key} {value:.4f}" if isinstance(value, float) else f"pairs.{key} {value}")
    if args.economic:
        economic = eval_economic(args.corpora, args.workdir.resolve(), args.rebuild, args.verbose)
        for key, value in economic.items():
            print(f"pairs.economic.{key} {value:.4f}")
    if args.reuters:
        for key, value in eval_reuters(args.corpora, args.workdir.resolve(), args.rebuild).items():
            print(f"pairs.reuters_labels.{key} {value:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
