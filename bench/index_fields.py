"""What the index's fields beyond ``id``, ``title`` and ``body`` cost Whoosh to index.

The ingest benchmark (`ingest.py`) compares briefroom's whole ingest with raw Whoosh
indexing ``id``, ``title`` and ``body`` alone. This script asks how much of the gap the
other fields of the product's schema (`search.index.schema.build_schema`: countries,
people, organisations, topics, source, city, language and the four per-document
columns) account for, apart from everything else an ingest does (reading, extraction,
the store, the registry).

Method: the first N articles of the bench corpus (`corpus.py`) are extracted once; their
field values are built as the product builds them (`search.index.manage.document_fields`
from a row of the same values). Then, in this process, with one writer process
(``procs=1``) and the product's schema, CPU seconds are measured to index:

- ``base``: ``id``, ``title`` and ``body`` only;
- ``all``: every field;
- ``all`` less one field, for each field (what that field alone costs).

Each figure is the best of ``--repeat`` rounds, all in the same minutes; a field's share
is small beside the noise of a shared machine (it can come out below zero), the total
ratio is the figure to read. One line per figure on stdout::

    index_fields.ratio_all_over_base 1.19
    index_fields.share_<field> 0.03      (CPU of all, less all without it, over base)

Usage::

    python bench/index_fields.py [-n 3000] [--corpora DIR] [--workdir DIR] [--repeat 2]
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
# bench/ (for corpus.py) after the repository, whose `search` package bench/search.py
# must not shadow.
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(REPO))

from corpus import DEFAULT_CORPORA, build_corpus  # noqa: E402  (bench/ is not a package)

from search.extract import extract  # noqa: E402
from search.index.manage import document_fields  # noqa: E402
from search.index.schema import build_schema  # noqa: E402

BASE = frozenset({"id", "title", "body"})


def _documents(corpus: Path, n: int) -> list[dict[str, Any]]:
    """The index fields of the first ``n`` articles, as an ingest builds them."""
    documents = []
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            found = extract(
                record.get("title"), record["body"], date=record.get("date"),
                source=record.get("source"),
            )  # fmt: skip
            row = {
                "id": record["id"],
                "title": record.get("title"),
                "body": record["body"],
                "countries": ",".join(found.countries),
                "people": "|".join(person.name for person in found.people),
                "orgs": "|".join(found.orgs),
                "topics": ",".join(found.topics),
                "source": record.get("source"),
                "city": found.city,
                "lang": record.get("lang"),
                "date": record.get("date"),
                "cluster": None,
            }
            documents.append(document_fields(row))
            if len(documents) >= n:
                break
    return documents


def _index(documents: list[dict[str, Any]], keep: frozenset[str]) -> float:
    """CPU seconds to index ``documents`` with only the fields in ``keep``."""
    from whoosh import index as whoosh_index

    folder = tempfile.mkdtemp(prefix="index-fields-")
    try:
        ix = whoosh_index.create_in(folder, build_schema())
        gc.collect()
        start = time.process_time()
        writer = ix.writer(procs=1, limitmb=256)
        for document in documents:
            writer.add_document(**{k: v for k, v in document.items() if k in keep})
        writer.commit()
        return time.process_time() - start
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=3000, help="articles (default 3000)")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--workdir", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--repeat", type=int, default=2, help="rounds of base and all")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    corpus = build_corpus(
        max(args.n, 10_000), args.corpora, args.workdir / f"corpus-{max(args.n, 10_000)}-s0.jsonl"
    )
    documents = _documents(corpus, args.n)
    fields = sorted({key for document in documents for key in document} - BASE)
    every = BASE | frozenset(fields)
    base = min(_index(documents, BASE) for _ in range(args.repeat))
    full = min(_index(documents, every) for _ in range(args.repeat))
    print(f"index_fields.ratio_all_over_base {full / base:.3f}")
    for field in fields:
        without = min(_index(documents, every - {field}) for _ in range(args.repeat))
        print(f"index_fields.share_{field} {(full - without) / base:.3f}")
    print(
        f"{len(documents)} documents: base {base:.2f} CPU s, all fields {full:.2f} CPU s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
