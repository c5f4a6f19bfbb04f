"""`search.index.engine` agrees with Whoosh: same documents, same BM25F scores.

The engine reads Whoosh's postings in bulk instead of through its matchers; these tests
run the same parsed queries through both over a real index of the demo articles, in
one segment and in several (with a deleted document), and compare.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh import query as wq

from search.archive import Archive
from search.index import document_fields
from search.index.docdata import doc_data
from search.index.engine import Evaluator
from search.index.facets import _compute_facets, _load_facets, facet_counts, save_facets
from search.index.stories import story_count, top_stories
from search.ingest import ingest
from search.query import QueryParser

DATA = Path(__file__).resolve().parents[1] / "data"

QUERIES = [
    "norway",
    "minister",
    "foreign minister",
    "secretary OR minister",
    "nuclear AND cooperation",
    "(sweden OR denmark) AND ukraine",
    "title:minister",
    "country:Norway",
    "country:USA climate",
    "person:Blinken",
    "source:wikinews",
    "topic:energy",
    "lang:en",
]
SET_ONLY = [
    '"foreign minister"',
    '"secretary of state blinken"',
    '"foreign minister"~3',
    'person:"antony blinken"',
    '"prime minister" OR "foreign secretary"',
    "nuclear NOT iran",
    "minist*",
    "secur* AND NOT council",
    "NOT secretary",
    "minister ANDMAYBE kazakhstan",
]


@pytest.fixture(scope="module", params=["one-segment", "segments"])
def searcher(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[Any]:  # fmt: skip
    home = tmp_path_factory.mktemp(f"engine-{request.param}")
    archive = Archive.open(home)
    ingest(archive, [DATA / "sample.jsonl"])
    if request.param == "segments":
        # Two more segments, one of which replaces (deletes) a document of the first.
        ix = archive.index.open()
        for rows in ([1, 2], [3]):
            writer = ix.writer(merge=False)
            for rowid, row in archive.store.iter_for_index(pending_only=False):
                if rowid in rows:
                    fields = document_fields(row)
                    fields["id"] = fields["id"] + ("" if rowid == 3 else f"-copy{rowid}")
                    writer.update_document(**fields)
            writer.commit(merge=False)
        ix.close()
    ix = archive.index.open()
    with ix.searcher() as s:
        if request.param == "segments":
            assert len(s.reader().leaf_readers()) >= 2 and s.reader().has_deletions()
        yield s
    ix.close()
    archive.close()


def _whoosh(searcher: Any, q: Any) -> dict[int, float]:
    return {hit.docnum: hit.score for hit in searcher.search(q, limit=None)}


@pytest.mark.parametrize("text", QUERIES)
def test_same_documents_and_scores(searcher: Any, text: str) -> None:
    q = QueryParser().parse(text).query
    ours = Evaluator(searcher).run(q)
    theirs = _whoosh(searcher, q)
    assert ours.keys() == theirs.keys()
    for doc, score in theirs.items():
        assert ours[doc] == pytest.approx(score, rel=1e-5)


@pytest.mark.parametrize("text", SET_ONLY)
def test_same_documents(searcher: Any, text: str) -> None:
    q = QueryParser().parse(text).query
    assert Evaluator(searcher).run(q).keys() == _whoosh(searcher, q).keys()


def test_doc_data_matches_the_index(searcher: Any) -> None:
    data = doc_data(searcher)
    reader = searcher.reader()
    assert data.count == reader.doc_count_all()
    assert len(data.live) == reader.doc_count()
    for doc in data.live:
        stored = searcher.stored_fields(doc)
        assert stored["id"]
    assert all(d in data.deleted for d in range(data.count) if reader.is_deleted(d))


def test_ranking_collapses_stories(searcher: Any) -> None:
    evaluator = Evaluator(searcher)
    scores = evaluator.run(wq.Every())
    data = evaluator.data
    order = top_stories(scores, data, by_date=True, count=None)
    assert len(order) == story_count(scores, data) == len({data.cluster[d] for d in scores})
    days = [data.day[d] for d in order]
    assert days == sorted(days, reverse=True)
    counts = facet_counts(scores, evaluator)
    assert sum(counts["source"].values()) == len(order)


def test_phrase_needs_adjacent_words(searcher: Any) -> None:
    evaluator = Evaluator(searcher)
    phrase = evaluator.run(wq.Phrase("body", ["foreign", "minist"]))
    words = evaluator.run(wq.And([wq.Term("body", "foreign"), wq.Term("body", "minist")]))
    assert phrase and set(phrase) <= set(words)
    reversed_ = evaluator.run(wq.Phrase("body", ["minist", "foreign"]))
    assert not set(reversed_) & set(phrase) or len(reversed_) < len(phrase)


def test_sample_json_is_as_expected() -> None:
    # Guard for the fixtures above: the demo corpus has 54 articles.
    lines = (DATA / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    assert len([json.loads(line) for line in lines]) == 54


def test_saved_facets_are_the_computed_ones(searcher: Any) -> None:
    """The facet data saved beside each segment, loaded back, equals what the first
    search would compute (segments written by Whoosh's own writer get theirs here)."""
    evaluator = Evaluator(searcher)
    computed = _compute_facets(evaluator)
    save_facets(searcher, searcher._ix.storage)
    loaded = _load_facets(evaluator.leaves)
    assert loaded is not None
    assert loaded.countries == computed.countries
    assert loaded.topic_bitmaps.keys() == computed.topic_bitmaps.keys()
    assert loaded.topic_bitmaps == computed.topic_bitmaps
    assert save_facets(searcher, searcher._ix.storage) == 0  # nothing left to save
