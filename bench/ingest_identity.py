"""Ingest identity check: what an ingest stores and indexes, dumped to compare two trees.

Usage::

    python bench/ingest_identity.py OUT_DIR [--corpora DIR] [--workdir DIR] [--same-run-updates]
    diff -r OUT_A OUT_B   # the dumps of two checkouts (run this script from each)

Builds two JSON Lines files from the 20,000-article bench corpus (`corpus.py`): the first
2,500 articles (Reuters, with its wire re-publications) plus every eighth of the rest
(State Department, UN speeches, Wikinews, assembled articles), 120 exact copies under other
ids and 40 near copies; then a second file with 300 of them again (unchanged), 60 updates
(same id, new text) and 300 new articles.  Both are ingested, one after the other, into a
fresh home with the code of the checkout this script belongs to, and written to OUT_DIR:

- ``store.txt``: every row of every SQLite table, by rowid (but the insertion timestamps
  and the store's random ``store_id``);
- ``index.txt``: every live posting (field, term, article id, weight, digest of its value),
  each column's value and each field's length per article id, the fields' total lengths;
- ``search.txt``: 480 searches (words, phrases, filters; relevance and date order) with
  their totals, hits and scores, facets and suggestions.

``--same-run-updates`` moves the updates into the first file.  An article updated in the
run that added it keeps both its index documents live (Whoosh's ``update_document`` only
deletes committed documents); which version a later update leaves live depends on which
indexing sub-process took which batch, so those article ids are listed in ``index.txt``,
not compared, and a few search counts may differ between two runs of the same code.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import random
import shutil
import sqlite3
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(REPO))  # first: bench/search.py is not the search package

from corpus import DEFAULT_CORPORA, build_corpus  # noqa: E402  (bench/ is not a package)

DEFAULT_WORKDIR = REPO / "bench" / "out"
_UPDATE = "\n\nUpdated: officials in Oslo met Norway's foreign minister."


def make_inputs(source: Path, folder: Path, *, same_run_updates: bool) -> list[Path]:
    """The two input files (see the module docstring), deterministic."""
    rnd = random.Random(7)
    lines = source.read_text("utf-8").splitlines()
    first = [json.loads(line) for n, line in enumerate(lines) if n < 2500 or n % 8 == 0]
    later = [json.loads(line) for n, line in enumerate(lines) if n >= 2500 and n % 8 == 1]
    extra = [{**a, "id": a["id"] + "-copy"} for a in rnd.sample(first, 120)]
    updates = [{**a, "body": a["body"] + _UPDATE} for a in rnd.sample(first, 60)]
    for article in rnd.sample(first, 40):
        words = article["body"].split(" ")
        if len(words) > 50:
            words[30] = "revised"
        extra.append({**article, "id": article["id"] + "-near", "body": " ".join(words)})
    articles = list(first)
    for article in extra + (updates if same_run_updates else []):
        articles.insert(rnd.randrange(len(articles) // 2, len(articles) + 1), article)
    second = first[:300] + ([] if same_run_updates else updates) + later[:300]
    paths = [folder / "identity-1.jsonl", folder / "identity-2.jsonl"]
    for path, rows in zip(paths, (articles, second), strict=True):
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
    return paths


def dump_store(db: Path, out: Path, reports: list[str]) -> None:
    conn = sqlite3.connect(db)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    with out.open("w", encoding="utf-8") as fh:
        fh.write("\n".join(reports) + "\n")
        for table in sorted(tables):
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            kept = ", ".join(c for c in columns if c not in ("ingested_at", "created"))
            try:
                rows = conn.execute(f"SELECT rowid, {kept} FROM {table} ORDER BY rowid").fetchall()
            except sqlite3.OperationalError:  # a table without rowid
                rows = sorted(conn.execute(f"SELECT {kept} FROM {table}").fetchall(), key=repr)
            fh.write(f"== {table} {len(rows)} rows\n")
            for row in rows:
                if table == "meta" and row[1] in ("last_ingest", "store_id"):
                    continue
                fh.write(repr(row) + "\n")
    conn.close()


def dump_index(index_dir: Path, out: Path) -> list[str]:
    """Write the index's live postings, columns and lengths; the body terms (for searches)."""
    from whoosh import index as whoosh_index

    words: list[str] = []
    ix = whoosh_index.open_dir(str(index_dir), indexname="MAIN")
    with ix.reader() as reader, out.open("w", encoding="utf-8") as fh:
        ids = {d: f.get("id") for d, f in reader.iter_docs() if not reader.is_deleted(d)}
        fh.write(f"docs {reader.doc_count()}\n")
        dupes = {i for i, n in Counter(ids.values()).items() if n > 1}
        fh.write(f"ids with several live documents (not compared): {sorted(dupes)}\n")
        ids = {d: i for d, i in ids.items() if i not in dupes}
        for name in sorted(reader.schema.names()):
            field = reader.schema[name]
            if field.indexed:
                for term in reader.lexicon(name):
                    postings = _postings(reader, name, term, ids)
                    if postings:
                        fh.write(f"{name} {term!r} {postings}\n")
                        if name == "body" and term.isalpha():
                            words.append(term.decode("utf-8"))
            if reader.has_column(name):
                column = reader.column_reader(name)
                fh.write(f"column {name} {sorted((ids[d], repr(column[d])) for d in ids)}\n")
            if field.scorable:
                lengths = sorted((ids[d], reader.doc_field_length(d, name)) for d in ids)
                fh.write(f"length {name} {reader.field_length(name)} {lengths}\n")
    ix.close()
    return words


def _postings(reader: Any, name: str, term: bytes, ids: dict[int, str]) -> list[Any]:
    matcher = reader.postings(name, term)
    found = []
    while matcher.is_active():
        docnum = matcher.id()
        if docnum in ids:
            digest = hashlib.md5(matcher.value() or b"").hexdigest()[:8]
            found.append((ids[docnum], matcher.weight(), digest))
        matcher.next()
    return sorted(found, key=repr)


def dump_searches(home: Path, words: list[str], out: Path) -> None:
    from search.api import search_archive
    from search.archive import Archive
    from search.query.results import SearchRequest

    rnd = random.Random(3)
    queries = rnd.sample(words, 200)
    queries += [
        f'"{a} {b}"' for a, b in zip(rnd.sample(words, 30), rnd.sample(words, 30), strict=True)
    ]
    queries += ["country:Norway", "Kazakhstan", "oil prices", "minister visit", "person:Reagan",
                "topic:trade", "", "country:USA country:JPN", "since:1987-03 until:1987-05 trade",
                "United Nations OR IAEA"]  # fmt: skip
    archive = Archive.open(home)
    with out.open("w", encoding="utf-8") as fh:
        for query in queries:
            for sort in ("relevance", "date"):
                request = SearchRequest(query=query, limit=30, sort=sort,
                                        as_of=datetime.date(2020, 1, 1))  # fmt: skip
                result = search_archive(archive, request)
                hits = [(h.id, round(getattr(h, "score", 0) or 0, 6)) for h in result.hits]
                fh.write(f"{query!r} {sort} total={result.total} {hits} "
                         f"facets={result.facets} suggestion={result.suggestion}\n")  # fmt: skip
    archive.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Dump what an ingest stores and indexes.")
    parser.add_argument("out", type=Path, help="folder for store.txt, index.txt, search.txt")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="corpora folder")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, help="work folder")
    parser.add_argument("--same-run-updates", action="store_true",
                        help="updates in the run that adds the articles (see the docstring)")  # fmt: skip
    args = parser.parse_args(argv)
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    source = build_corpus(20_000, args.corpora, workdir / "corpus-20000-s0.jsonl", seed=0)
    inputs = make_inputs(source, workdir, same_run_updates=args.same_run_updates)
    home = workdir / "home-identity"
    shutil.rmtree(home, ignore_errors=True)
    os.environ["BRIEFROOM_HOME"] = str(home)
    from search.archive import Archive
    from search.ingest import ingest

    reports = []
    for path in inputs:
        archive = Archive.open(home)
        reports.append(ingest(archive, [path]).summary())
        archive.close()
        print(reports[-1], file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    dump_store(next(home.rglob("*.sqlite3")), args.out / "store.txt", reports)
    index_dir = next(p.parent for p in home.rglob("*.toc"))
    words = dump_index(index_dir, args.out / "index.txt")
    dump_searches(home, words, args.out / "search.txt")
    shutil.rmtree(home, ignore_errors=True)
    print(f"dumped to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
