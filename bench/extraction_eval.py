"""Country extraction scored against the Reuters-21578 PLACES labels.

Usage::

    python bench/extraction_eval.py [CORPUS_DIR] [--split all|TRAIN|TEST] [--limit N]
                                    [--errors N] [--pairs N]

Reads ``CORPUS_DIR/reuters21578/articles.jsonl.gz`` (default: ``../shared/corpora``
next to the repository).  The input to extraction is what the product sees: the
title, the body and the date.  The ``countries`` field and ``meta`` are labels and
are read only to score (``meta.lewis_split`` to report the TRAIN and TEST halves).

Label names ("West Germany", "Burma (Myanmar)") are mapped to codes with the product's
own resolver (`resolve_country`, then the state of the article's date), so "Burma" in
1987 is BUR on both sides.

Scoring: micro-averaged precision, recall and F1 of (article, country) pairs, where the
prediction is the extractor's ``countries`` list.  ``all`` counts every article;
``labelled`` leaves out the articles the indexers gave no place at all (there the
labels are missing rather than empty).  The pair check asks, for every two countries,
whether the article concerns both (the pair view's article list): for each pair of countries
labelled together on at least ``--pair-min`` articles, precision and recall of the articles
predicted to concern both, micro-averaged over those pairs (``pairs.*``) and averaged per
pair (``pairs.macro_*``).  ``pairs.mentioned.*`` does the same with every country the
article mentions at all, for comparison (recall up, precision down).

Speed is given for the whole extract stage (``extraction.stage_articles_per_s``: what
ingest runs per article) and for the country stage alone (``find_countries``), in CPU seconds of this process
(one core), sentences split beforehand, the gazetteer built beforehand (its build time
is printed separately).

Output: one ``name value`` line per figure on stdout; details on stderr.

Reuters-21578, Distribution 1.0 (Reuters Ltd. and Carnegie Group, Inc.; prepared by
David D. Lewis); used for evaluation only.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from search.extract.countries import find_countries, resolve_country  # noqa: E402
from search.extract.gazetteer import gazetteer  # noqa: E402
from search.extract.sentences import document_sentences  # noqa: E402
from search.model import document_text  # noqa: E402

DEFAULT_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def label_code(name: str, date: str | None) -> str | None:
    """A label name -> code of the state of ``date``: the full name, else its parts
    ("Burma (Myanmar)" -> "Burma"; "Yemen Arab Republic (North Yemen)")."""
    tries = [name]
    if "(" in name:
        head, _, inner = name.partition("(")
        tries += [head.strip(), inner.rstrip(") ").strip()]
    for t in tries:
        code = resolve_country(t)
        if code:
            return gazetteer().era(code, date)
    return None


class Score:
    """Micro-averaged counts of true positives, false positives and false negatives."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, predicted: set[Any], gold: set[Any]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def figures(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def pairs(codes: set[str]) -> set[tuple[str, str]]:
    return set(itertools.combinations(sorted(codes), 2))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="?", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--split", default="all", choices=["all", "TRAIN", "TEST"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", type=int, default=0, help="print N wrong articles to stderr")
    ap.add_argument("--pairs", type=int, default=10, help="show the N most labelled pairs")
    ap.add_argument("--pair-min", type=int, default=5, help="pairs labelled on >= N articles")
    args = ap.parse_args(argv)

    path = args.corpora / "reuters21578" / "articles.jsonl.gz"
    if not path.exists():
        print(f"no corpus at {path}", file=sys.stderr)
        return 2
    t0 = time.process_time()
    gazetteer()
    build_s = time.process_time() - t0

    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            split = a.get("meta", {}).get("lewis_split", "")
            if args.split != "all" and split != args.split:
                continue
            title, body = a.get("title") or None, a.get("body") or ""
            docs.append((a, document_text(title, body), document_sentences(title, body)))
            if args.limit and len(docs) >= args.limit:
                break

    # CPU time of this process: the figure for one core, steady on a shared, busy machine.
    predictions = []
    mentioned = []
    t0 = time.process_time()
    for a, text, sentences in docs:
        title_end = len(a["title"]) if a.get("title") else 0
        mentions, codes = find_countries(text, sentences, title_end=title_end, date=a.get("date"))
        predictions.append(codes)
        mentioned.append({m.key for m in mentions} | set(codes))
    elapsed = time.process_time() - t0

    # The whole extract stage (countries, people, organisations, topics, events,
    # commitments, sentence splitting included), as ingest runs it: one core, CPU time.
    from search.extract import extract

    extract("warm up", "Kazakhstan and Norway held talks.")
    t0 = time.process_time()
    for a, _text, _sentences in docs:
        extract(
            a.get("title") or None, a.get("body") or "", date=a.get("date"), source=a.get("source")
        )
    stage_elapsed = time.process_time() - t0

    scores = {name: Score() for name in ("all", "labelled", "TRAIN", "TEST")}
    unknown: Counter[str] = Counter()
    pair_counts: Counter[tuple[str, str]] = Counter()
    pair_hits: dict[tuple[str, str], Score] = {}
    mentioned_hits: dict[tuple[str, str], Score] = {}
    shown = 0
    for (a, text, _), codes, seen in zip(docs, predictions, mentioned, strict=True):
        gold: set[str] = set()
        for name in a.get("countries") or ():
            code = label_code(name, a.get("date"))
            if code is None:
                unknown[name] += 1
            else:
                gold.add(code)
        predicted = set(codes)
        scores["all"].add(predicted, gold)
        if gold:
            scores["labelled"].add(predicted, gold)
        split = a.get("meta", {}).get("lewis_split")
        if split in scores:
            scores[split].add(predicted, gold)
        gp, pp = pairs(gold), pairs(predicted)
        for pair in gp | pp:
            pair_hits.setdefault(pair, Score()).add(pp & {pair}, gp & {pair})
        mp = pairs(seen)
        for pair in gp | mp:
            mentioned_hits.setdefault(pair, Score()).add(mp & {pair}, gp & {pair})
        pair_counts.update(gp)
        if shown < args.errors and predicted != gold:
            shown += 1
            print(f"--- {a['id']} gold={sorted(gold)} got={list(codes)}", file=sys.stderr)
            print(text[:600].replace("\n", " "), file=sys.stderr)

    if unknown:
        print(f"unresolved label names: {dict(unknown)}", file=sys.stderr)
    for name in ("all", "labelled", "TRAIN", "TEST"):
        s = scores[name]
        if s.tp + s.fp + s.fn == 0:
            continue
        p, r, f = s.figures()
        prefix = "countries" if name == "all" else f"countries.{name.lower()}"
        print(f"{prefix}.precision {p:.4f}")
        print(f"{prefix}.recall {r:.4f}")
        print(f"{prefix}.micro_f1 {f:.4f}")
    kept = [pair for pair, n in pair_counts.items() if n >= args.pair_min]
    print(f"pairs.count {len(kept)}")
    for prefix, hits in (("pairs", pair_hits), ("pairs.mentioned", mentioned_hits)):
        total = Score()
        for pair in kept:
            total.tp += hits[pair].tp
            total.fp += hits[pair].fp
            total.fn += hits[pair].fn
        p, r, f = total.figures()
        print(f"{prefix}.precision {p:.4f}")
        print(f"{prefix}.recall {r:.4f}")
        print(f"{prefix}.micro_f1 {f:.4f}")
        if kept:
            per_pair = [hits[pair].figures() for pair in kept]
            print(f"{prefix}.macro_precision {sum(x[0] for x in per_pair) / len(kept):.4f}")
            print(f"{prefix}.macro_recall {sum(x[1] for x in per_pair) / len(kept):.4f}")
    print(f"countries.articles {len(docs)}")
    print(f"countries.articles_per_s {len(docs) / elapsed:.0f}")
    print(f"countries.gazetteer_build_s {build_s:.3f}")
    print(f"extraction.stage_articles_per_s {len(docs) / stage_elapsed:.0f}")
    for pair, n in pair_counts.most_common(args.pairs):
        pp, pr, pf = pair_hits[pair].figures()
        print(f"  pair {pair[0]}-{pair[1]}: labelled {n}, P {pp:.2f} R {pr:.2f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
