"""Search: query language, filters, ranking, paging, snippets, facets, "did you mean".

Everything runs against a small real archive: the 54 demo articles plus a wire copy of
one of them and an undated article, ingested with the product's pipeline.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from search.archive import Archive, run_search
from search.ingest import ingest
from search.query import (
    FACETS,
    Hit,
    QueryError,
    QueryParser,
    SearchRequest,
    SearchResult,
    hits_to_json,
)
from search.query.snippets import stem

DATA = Path(__file__).resolve().parents[1] / "data"
AS_OF = date(2022, 7, 1)
NORWAY_DAY = "Norway National Day"


def _extra_articles(sample: Path, out: Path) -> Path:
    """A near-duplicate wire copy of "Norway National Day" and an undated article."""
    records = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines()]
    original = next(r for r in records if r["title"] == NORWAY_DAY)
    copy = dict(original, id="nordic-wire-copy", source="Nordic Wire", url=None,
                date="2022-05-18", body=original["body"] + "\n\n(Nordic Wire)")  # fmt: skip
    undated = {"id": "undated-zanzibar", "title": "Zanzibar ferry talks",
               "body": "Officials met in Zanzibar to discuss the ferry agreement. "
                       "The ferry talks will continue next month.",
               "source": "Island Post"}  # fmt: skip
    out.write_text("".join(json.dumps(r) + "\n" for r in (copy, undated)), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """The sample archive, built once for this module with the real ingest pipeline."""
    home = tmp_path_factory.mktemp("search-home")
    extra = _extra_articles(DATA / "sample.jsonl", home.parent / "extra.jsonl")
    archive = Archive.open(home)
    report = ingest(archive, [DATA / "sample.jsonl", extra])
    assert report.added == 56 and not report.rejected
    yield archive
    archive.close()


def find(archive: Archive, query: str = "", **kwargs: Any) -> SearchResult:
    kwargs.setdefault("as_of", AS_OF)
    return run_search(archive, SearchRequest(query=query, **kwargs))


def titles(result: SearchResult) -> list[str]:
    return [hit.title for hit in result.hits]


def all_hits(archive: Archive, query: str = "", **kwargs: Any) -> list[Hit]:
    return list(find(archive, query, limit=None, **kwargs).hits)


def _article_text(archive: Archive, hit: Hit) -> str:
    article = archive.store.get(hit.id)
    assert article is not None
    return f"{article.title}\n{article.body}"


# --------------------------------------------------------------------------- words, phrases


def test_words_match_stems_and_rank_title_first(archive: Archive) -> None:
    result = find(archive, "norway")
    assert result.total == 2  # the copy of Norway National Day is folded into its story
    assert result.hits[0].title == NORWAY_DAY
    assert all("norw" in _article_text(archive, h).lower() for h in result.hits)


def test_every_word_must_match(archive: Archive) -> None:
    both = {h.id for h in all_hits(archive, "nuclear armenia")}
    nuclear = {h.id for h in all_hits(archive, "nuclear")}
    armenia = {h.id for h in all_hits(archive, "armenia")}
    assert both and both == nuclear & armenia


def test_phrase_matches_adjacent_words_only(archive: Archive) -> None:
    phrase = all_hits(archive, '"prime minister"')
    words = all_hits(archive, "prime minister")
    assert phrase and len(phrase) <= len(words)
    for hit in phrase:
        assert "prime minister" in " ".join(_article_text(archive, hit).lower().split())


def test_or_not_and_grouping(archive: Archive) -> None:
    sweden = {h.id for h in all_hits(archive, "sweden")}
    denmark = {h.id for h in all_hits(archive, "denmark")}
    either = {h.id for h in all_hits(archive, "sweden OR denmark")}
    assert either == sweden | denmark
    nuclear = {h.id for h in all_hits(archive, "nuclear")}
    iran = {h.id for h in all_hits(archive, "iran")}
    assert {h.id for h in all_hits(archive, "nuclear NOT iran")} == nuclear - iran
    assert {h.id for h in all_hits(archive, "nuclear AND NOT iran")} == nuclear - iran
    grouped = {h.id for h in all_hits(archive, "(sweden OR denmark) AND ukraine")}
    ukraine = {h.id for h in all_hits(archive, "ukraine")}
    assert grouped == (sweden | denmark) & ukraine


def test_prefix_matches_word_forms(archive: Archive) -> None:
    prefix = {h.id for h in all_hits(archive, "minister*")}
    assert {h.id for h in all_hits(archive, "ministers")} <= prefix
    assert {h.id for h in all_hits(archive, "ministerial")} <= prefix


def test_title_field(archive: Archive) -> None:
    hits = all_hits(archive, "title:norway")
    assert [h.title for h in hits] == [NORWAY_DAY, next(
        t for t in titles(find(archive, "norway")) if t != NORWAY_DAY)]  # fmt: skip
    assert all("norway" in h.title.lower() for h in hits)


# --------------------------------------------------------------------------- fields


@pytest.mark.parametrize("spelling", ["Norway", "norway", "Norwegian", "NOR", "NO", '"Norway"'])
def test_country_by_name_demonym_or_code(archive: Archive, spelling: str) -> None:
    hits = all_hits(archive, f"country:{spelling}")
    assert hits and all("NOR" in h.countries for h in hits)
    assert {h.id for h in hits} == {h.id for h in all_hits(archive, countries=("Norway",))}


def test_country_with_words_and_two_words(archive: Archive) -> None:
    hits = all_hits(archive, 'climate country:"United Kingdom"')
    assert hits and all("GBR" in h.countries for h in hits)
    grouped = all_hits(archive, "country:(Sweden OR Denmark)")
    assert {c for h in grouped for c in h.countries} >= {"SWE", "DNK"}
    assert all({"SWE", "DNK"} & set(h.countries) for h in grouped)


def test_unknown_country_matches_nothing_and_says_so(archive: Archive) -> None:
    result = find(archive, "country:Atlantis")
    assert result.total == 0
    assert any("Atlantis" in n for n in result.notices)
    with pytest.raises(QueryError) as caught:
        find(archive, countries=("Atlantis",))
    assert caught.value.field == "countries"


def test_source_person_org_topic_lang_city(archive: Archive) -> None:
    wikinews = all_hits(archive, "source:wikinews")
    assert wikinews and all(h.source == "Wikinews (English)" for h in wikinews)
    assert {h.id for h in all_hits(archive, 'source:"Nordic Wire"')} == {"nordic-wire-copy"}
    people = all_hits(archive, "person:Blinken")
    assert people and all("blinken" in _article_text(archive, h).lower() for h in people)
    assert all_hits(archive, "lang:en")
    assert all_hits(archive, "lang:EN") == all_hits(archive, "lang:en")
    topics = archive.store.conn.execute(
        "SELECT topic, count(*) FROM article_topics GROUP BY topic ORDER BY 2 DESC"
    ).fetchall()
    topic, _count = topics[0]
    by_topic = find(archive, f"topic:{topic}")
    assert by_topic.total > 0
    spaced = find(archive, f'topic:"{topic.replace("_", " ")}"')
    assert spaced.total == by_topic.total
    orgs = archive.store.conn.execute("SELECT org FROM article_orgs LIMIT 1").fetchone()
    if orgs:
        assert find(archive, f'org:"{orgs[0]}"').total > 0


def test_unknown_field_is_read_as_words(archive: Archive) -> None:
    result = find(archive, "colour:norway")
    assert {h.id for h in result.hits} >= {h.id for h in find(archive, "colour norway").hits}
    assert "colour:" not in result.interpreted


# --------------------------------------------------------------------------- dates


def test_since_until_on(archive: Archive) -> None:
    since = all_hits(archive, "since:2022-05")
    assert since and all(h.date and h.date >= "2022-05-01" for h in since)
    until = all_hits(archive, "until:2019")
    assert until and all(h.date and h.date <= "2019-12-31" for h in until)
    on = all_hits(archive, "on:2022-05-04")
    assert {h.date for h in on} == {"2022-05-04"} and len(on) == 2


def test_relative_dates_read_against_as_of(archive: Archive) -> None:
    # as_of 2022-07-01: "last month" is June 2022.
    quoted = all_hits(archive, 'since:"last month"')
    unquoted = all_hits(archive, "since:last month")
    assert quoted and [h.id for h in quoted] == [h.id for h in unquoted]
    assert all(h.date and h.date >= "2022-06-01" for h in quoted)
    option = all_hits(archive, since="last month", until="2022-06-10")
    assert option and all("2022-06-01" <= (h.date or "") <= "2022-06-10" for h in option)


def test_unreadable_date_is_ignored_with_a_notice(archive: Archive) -> None:
    result = find(archive, "norway since:someday")
    assert result.total == find(archive, "norway").total
    assert any("since" in n for n in result.notices)
    with pytest.raises(QueryError) as caught:
        find(archive, since="someday")
    assert caught.value.field == "since"


def test_date_filters_exclude_undated_articles(archive: Archive) -> None:
    assert find(archive, "zanzibar").total == 1
    assert find(archive, "zanzibar since:1900").total == 0
    assert find(archive, "zanzibar until:2100").total == 0


# --------------------------------------------------------------------------- fallback


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('"foreign minister', "quote"),
        ("(sweden OR denmark", "("),
        ("sweden OR denmark)", ")"),
        ("AND sweden", "AND"),
        ("sweden OR", "OR"),
        ("sweden AND OR denmark", "OR"),
    ],
)
def test_unreadable_syntax_falls_back_to_words(archive: Archive, text: str, reason: str) -> None:
    result = find(archive, text)
    assert any("could not read the query" in n and reason in n for n in result.notices)
    words = " ".join(w for w in text.replace('"', " ").replace("(", " ").replace(")", " ").split()
                     if w not in {"AND", "OR", "NOT"})  # fmt: skip
    assert {h.id for h in result.hits} == {h.id for h in find(archive, words).hits}


def test_odd_input_never_raises(archive: Archive) -> None:
    for text in ["", " ", "(", ")", '"', "*", "?", "AND", "NOT", "title:", ":", "country:",
                 "since:", "\x00\x1f", "\ud800", "𝔑𝔬𝔯𝔴𝔞𝔶", "ｎｏｒｗａｙ", "a" * 5000,
                 "norway^", "norway^x", "[a TO b]", "{x}", "*:*", "n*", "'quoted'",
                 "Norway?", "“prime minister”", "country:(", "title:(norway"]:  # fmt: skip
        result = find(archive, text)
        assert isinstance(result, SearchResult)
        json.dumps(hits_to_json(result))


def test_compatibility_forms_and_curly_quotes(archive: Archive) -> None:
    assert find(archive, "ｎｏｒｗａｙ").total == find(archive, "norway").total
    curly = find(archive, "“prime minister”")
    assert curly.total == find(archive, '"prime minister"').total
    assert find(archive, "norway?").total == find(archive, "norway").total


def test_short_wildcard_is_a_word(archive: Archive) -> None:
    result = find(archive, "n*")
    assert any("prefix" in n for n in result.notices)


def test_stop_words_only(archive: Archive) -> None:
    result = find(archive, "the of")
    assert result.total == find(archive, "").total
    assert result.notices


# --------------------------------------------------------------------------- ranking, paging


def test_empty_query_is_every_story_newest_first(archive: Archive) -> None:
    result = find(archive, "", limit=None)
    assert result.total == 55  # 56 articles, one story with two copies
    dates = [h.date for h in result.hits]
    assert None in dates and dates[-1] is None  # undated last
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)


def test_ties_go_to_recent_articles(archive: Archive) -> None:
    hits = all_hits(archive, "country:Norway")
    assert len({h.score for h in hits}) == 1
    dates = [h.date for h in hits]
    assert dates == sorted(dates, reverse=True)


def test_sort_by_date(archive: Archive) -> None:
    hits = all_hits(archive, "minister", sort="date")
    dates = [h.date or "" for h in hits]
    assert dates == sorted(dates, reverse=True)
    relevance = all_hits(archive, "minister")
    assert {h.id for h in relevance} == {h.id for h in hits}
    scores = [h.score for h in relevance]
    assert scores == sorted(scores, reverse=True)


def test_paging(archive: Archive) -> None:
    everything = all_hits(archive, "secretary")
    pages = [find(archive, "secretary", limit=7, page=p) for p in (1, 2, 3, 99)]
    assert pages[0].pages == -(-len(everything) // 7)
    assert [h.id for p in pages[:3] for h in p.hits] == [h.id for h in everything[:21]]
    assert pages[3].hits == () and pages[3].total == len(everything)


# --------------------------------------------------------------------------- clusters, facets


def test_near_duplicates_show_once_with_their_copies(archive: Archive) -> None:
    hits = [h for h in all_hits(archive, '"norway national day"')]
    assert len(hits) == 1 and hits[0].title == NORWAY_DAY
    assert hits[0].copies == 2
    assert find(archive, '"norway national day"').total == 1
    others = all_hits(archive, "zanzibar")
    assert [h.copies for h in others] == [1]


def test_facets_count_stories_over_the_whole_result(archive: Archive) -> None:
    result = find(archive, "", limit=5)
    assert set(result.facets) == set(FACETS)
    assert sum(n for _, n in result.facets["year"]) == 54  # the undated story has no year
    assert sum(n for _, n in result.facets["source"]) == result.total
    norway = find(archive, "country:Norway", limit=1)
    assert dict(norway.facets["country"])["NOR"] == norway.total == 2
    years = [y for y, _ in result.facets["year"]]
    assert years == sorted(years, reverse=True)
    counts = [n for _, n in result.facets["country"]]
    assert counts == sorted(counts, reverse=True)
    assert find(archive, "norway", facets=False).facets == {}


# --------------------------------------------------------------------------- snippets


def test_snippets_show_original_words_marked(archive: Archive) -> None:
    result = find(archive, "ministers")
    assert result.hits
    for hit in result.hits:
        assert hit.snippets
        marked = [s.text[a:b] for s in hit.snippets for a, b in s.matches]
        for word in marked:
            assert stem(word.lower()) == "minist"  # "Minister", "ministers", as written
        assert any(word[0].isupper() for word in marked) or marked


def test_snippets_prefer_sentences_with_more_terms(archive: Archive) -> None:
    hit = find(archive, "nuclear cooperation ghana").hits[0]
    best = hit.snippets[0]
    words = {stem(best.text[a:b].lower()) for a, b in best.matches}
    assert len(words) >= 2


def test_negated_words_are_not_marked(archive: Archive) -> None:
    for hit in find(archive, "nuclear NOT iran").hits:
        for snippet in hit.snippets:
            assert all(snippet.text[a:b].lower() != "iran" for a, b in snippet.matches)


def test_title_matches_and_lead_when_only_title_matches(archive: Archive) -> None:
    hit = find(archive, "zanzibar ferry").hits[0]
    assert [hit.title[a:b] for a, b in hit.title_matches] == ["Zanzibar", "ferry"]
    filtered = find(archive, "country:Norway").hits[0]
    assert filtered.snippets and filtered.snippets[0].matches == ()


def test_long_sentences_are_cut_around_the_match(archive: Archive) -> None:
    for hit in all_hits(archive, "agreement"):
        for snippet in hit.snippets:
            assert len(snippet.text) <= 282
            for a, b in snippet.matches:
                assert 0 <= a < b <= len(snippet.text)


# --------------------------------------------------------------------------- did you mean


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("norwey", "norway"),
        ("Kazakstan", "Kazakhstan"),
        ("nuclaer cooperation", "nuclear cooperation"),
    ],
)
def test_did_you_mean_in_the_users_words(archive: Archive, typed: str, meant: str) -> None:
    result = find(archive, typed)
    assert result.total == 0
    assert result.suggestion == meant
    assert find(archive, result.suggestion).total > 0


def test_no_suggestion_when_words_are_known(archive: Archive) -> None:
    assert find(archive, "norway").suggestion is None
    assert find(archive, "norway zanzibar").suggestion is None  # no hit, but both known


def test_suggestion_keeps_fields_and_operators(archive: Archive) -> None:
    result = find(archive, 'country:Norway AND "national dya"')
    assert result.suggestion == 'country:Norway AND "national day"'


# --------------------------------------------------------------------------- API, JSON


def _no_whoosh(value: Any, path: str = "result") -> None:
    module = type(value).__module__
    assert not module.startswith("whoosh"), f"{path} is a {type(value)}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            _no_whoosh(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, dict):
        for k, v in value.items():
            _no_whoosh(k, path)
            _no_whoosh(v, f"{path}[{k!r}]")
    elif isinstance(value, list | tuple | set | frozenset):
        for i, v in enumerate(value):
            _no_whoosh(v, f"{path}[{i}]")


def test_results_are_plain_frozen_dataclasses(archive: Archive) -> None:
    result = find(archive, "norway OR sweden")
    _no_whoosh(result)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.hits[0].title = "x"  # type: ignore[misc]


def test_json_document(archive: Archive) -> None:
    document = hits_to_json(find(archive, "nuclear", limit=3))
    text = json.dumps(document, ensure_ascii=False)
    assert json.loads(text) == document
    assert document["total"] and len(document["hits"]) == 3
    for hit in document["hits"]:
        assert {"id", "title", "date", "source", "countries", "snippets", "copies"} <= set(hit)
        for snippet in hit["snippets"]:
            for start, end in snippet["matches"]:
                assert snippet["text"][start:end].lower().startswith("nuclear")
    assert {f["value"] for f in document["facets"]["year"]} <= {"2019", "2020", "2021", "2022"}


def test_parser_reused_across_searches(archive: Archive) -> None:
    parser = QueryParser()
    first = run_search(archive, SearchRequest(query="norway", as_of=AS_OF), parser)
    again = run_search(archive, SearchRequest(query="norway", as_of=AS_OF), parser)
    assert first == again


# --------------------------------------------------------------------------- CLI


def test_cli_search_json_and_text(
    archive: Archive, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from click.testing import CliRunner

    from tui.cli import cli

    monkeypatch.setenv("BRIEFROOM_HOME", str(archive.home))
    runner = CliRunner()
    result = runner.invoke(cli, ["--as-of", "2022-07-01", "search", "norway", "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["hits"][0]["title"] == NORWAY_DAY
    assert document["hits"][0]["copies"] == 2
    text = runner.invoke(cli, ["search", "norwey"])
    assert text.exit_code == 0
    assert "Did you mean: norway" in text.stdout
    listing = runner.invoke(cli, ["search", "--all", "--sort", "date", "--country", "Norway"])
    assert listing.exit_code == 0 and NORWAY_DAY in listing.stdout
    bad = runner.invoke(cli, ["search", "norway", "--country", "Atlantis"])
    assert bad.exit_code == 2
    odd = runner.invoke(cli, ["search", '"unclosed', "--json"])
    assert odd.exit_code == 0
    assert "could not read the query" in odd.stderr
