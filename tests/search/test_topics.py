"""Topic taxonomy: loading, validation errors, ranking, the shared keyword matcher."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.extract.sentences import document_sentences
from search.extract.topics import (
    DEFAULT_TAXONOMY,
    KeywordMatcher,
    TaxonomyError,
    find_topics,
    load_taxonomy,
    parse_taxonomy,
    topic_mentions,
)
from search.model import document_text


def topics(body: str, title: str | None = None, **kwargs) -> list[str]:
    text = document_text(title, body)
    hits = find_topics(text, document_sentences(title, body), title_end=len(title or ""), **kwargs)
    return [hit.topic for hit in hits]


def test_bundled_taxonomy_loads_and_is_cached() -> None:
    taxonomy = load_taxonomy()
    assert 20 <= len(taxonomy.topics) <= 40
    assert load_taxonomy(DEFAULT_TAXONOMY) is taxonomy
    ids = {topic.id for topic in taxonomy.topics}
    for expected in (
        "cbrn",
        "regional_security",
        "terrorism",
        "migration",
        "trade_investment",
        "energy",
        "green_economy",
        "transport_transit",
        "agriculture_fisheries",
        "multilateral",
        "interparliamentary",
        "human_rights",
        "health",
        "humanitarian",
        "sanctions",
        "cyber_technology",
        "education_culture",
        "defence_military",
        "economic_diplomacy",
    ):
        assert expected in ids
    assert taxonomy.label("cbrn") == "Nuclear disarmament and non-proliferation"


@pytest.mark.parametrize(
    ("body", "topic"),
    [
        ("Important topics included nuclear disarmament and non-proliferation.", "cbrn"),
        ("issues of regional security and illegal migration issues", "regional_security"),
        ("issues of regional security and illegal migration issues", "migration"),
        (
            "strengthening cooperation in energy efficiency and the development of green economy",
            "green_economy",
        ),
        ("agriculture, aquaculture and fish farming", "agriculture_fisheries"),
        ("the transit and transport potential of Eurasia", "transport_transit"),
        ("mutual support for elections in a number of UN bodies", "multilateral"),
        ("bilateral cooperation and inter-parliamentary diplomacy", "interparliamentary"),
        ("cooperate on efforts to counter terrorism", "terrorism"),
        ("coordinate an effective health response to the COVID-19 pandemic", "health"),
        ("the sanctions imposed on Russia", "sanctions"),
        ("Kazakhstan's generous humanitarian assistance", "humanitarian"),
    ],
)
def test_themes_are_found(body: str, topic: str) -> None:
    assert topic in topics(body)


def test_ranking_title_counts_double_and_repeats_are_capped() -> None:
    body = "Trade trade trade trade trade trade. Migration."
    hits = find_topics(document_text(None, body), document_sentences(None, body))
    scores = {hit.topic: hit.score for hit in hits}
    assert scores["trade_investment"] == 3.0  # one keyword counts at most 3 times
    assert len(next(h for h in hits if h.topic == "trade_investment").spans) == 6  # evidence kept
    assert topics("A short note about trade.", "Refugees and asylum")[0] == "migration"


def test_acronyms_match_as_written() -> None:
    assert "multilateral" in topics("within the UN and the OSCE")
    assert "multilateral" not in topics("an un-American activity")


def test_prefix_keywords() -> None:
    matcher = KeywordMatcher([("proliferat*", "p"), ("nuclear-weapon*", "n"), ("oil", "o")])
    text = "Proliferation of nuclear-weapons; soil and oil-rich oilfields"
    found = [(text[start:end], payloads) for start, end, payloads in matcher.find(text)]
    assert found == [("Proliferation", ("p",)), ("nuclear-weapons", ("n",)), ("oil", ("o",))]


def test_leftmost_longest() -> None:
    matcher = KeywordMatcher([("nuclear", "a"), ("nuclear disarmament", "b"), ("disarmament", "c")])
    text = "nuclear disarmament and disarmament"
    assert [payloads for _, _, payloads in matcher.find(text)] == [("b",), ("c",)]


def test_case_sensitive_matcher() -> None:
    matcher = KeywordMatcher([("WHO", 1), ("U.N.", 2)], case_sensitive=True)
    assert [p for _, _, p in matcher.find("who said the WHO and the U.N. agreed")] == [(1,), (2,)]


def test_topic_mentions() -> None:
    body = "Nuclear disarmament and migration."
    text = document_text(None, body)
    mentions = topic_mentions(text, find_topics(text, document_sentences(None, body)))
    assert [(m.key, m.surface) for m in mentions] == [
        ("cbrn", "Nuclear disarmament"),
        ("migration", "migration"),
    ]


def test_user_taxonomy(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "topics:\n  - id: fish\n    label: Fish\n    keywords: [salmon, {text: cod, weight: 2}]\n"
    )
    taxonomy = load_taxonomy(path)
    assert topics("Salmon and cod.", taxonomy=taxonomy) == ["fish"]
    assert find_topics("Salmon and cod.", [(0, 15)], taxonomy)[0].score == 3.0


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("topics: 3", "topics"),
        ("- just a list", "topics"),
        ("topics:\n  - label: No id\n    keywords: [a]\n", "topics[0].id"),
        ("topics:\n  - id: a\n    keywords: []\n", "topics[0].keywords"),
        ("topics:\n  - id: a\n    keywords: [x, 3]\n", "topics[0].keywords[1]"),
        (
            "topics:\n  - id: a\n    keywords: [{text: x, weight: -1}]\n",
            "topics[0].keywords[0].weight",
        ),
        ("topics:\n  - id: a\n    keywords: [x]\n  - id: a\n    keywords: [y]\n", "topics[1].id"),
        ("topics:\n  - id: a\n    label: [x]\n    keywords: [x]\n", "topics[0].label"),
        ("topics: [\n", "not valid YAML"),
    ],
)
def test_bad_taxonomy_names_file_and_field(tmp_path: Path, content: str, field: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    with pytest.raises(TaxonomyError) as error:
        load_taxonomy(path)
    assert str(path) in str(error.value)
    assert field in str(error.value)


def test_missing_taxonomy_file(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match="cannot read"):
        load_taxonomy(tmp_path / "nope.yaml")


def test_parse_taxonomy_without_a_file() -> None:
    taxonomy = parse_taxonomy({"topics": [{"id": "x", "keywords": ["y"]}]})
    assert taxonomy.topics[0].label == "x"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_never_raises(text: str) -> None:
    for hit in find_topics(text, document_sentences(None, text), min_score=0):
        for span in hit.spans:
            assert 0 <= span.start < span.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=8), st.text(max_size=200))
def test_matcher_finds_what_str_find_finds(phrases: list[str], text: str) -> None:
    matcher = KeywordMatcher([(phrase, phrase) for phrase in phrases])
    for start, end, _ in matcher.find(text):
        assert 0 <= start < end <= len(text)
