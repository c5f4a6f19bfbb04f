"""Snippets: best sentences, original words marked, long texts, long sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from search.query.snippets import MAX_SNIPPET_CHARS, WHOLE_TEXT_CHARS, Highlighter, stem


def marked(snippet_text: str, matches: tuple[tuple[int, int], ...]) -> list[str]:
    return [snippet_text[a:b] for a, b in matches]


def test_marks_words_as_written() -> None:
    highlighter = Highlighter({stem("minister"): 1.0, stem("agreement"): 1.0})
    text = "The Ministers met. Nothing here. The minister's agreements were signed by MINISTERS."
    snippets = highlighter.snippets(text)
    assert [s.text for s in snippets] == [
        "The Ministers met.",
        "The minister's agreements were signed by MINISTERS.",
    ]
    # "minister's" is the token "minister" then "s", as the indexing tokenizer reads it.
    assert marked(snippets[1].text, snippets[1].matches) == ["minister", "agreements", "MINISTERS"]


def test_best_sentence_has_the_most_distinct_terms() -> None:
    highlighter = Highlighter({"oil": 1.0, "price": 1.0, "opec": 3.0})
    text = (
        "Oil rose. Oil, oil and more oil. Prices of oil fell as OPEC met. "
        "The weather was fine. Oil prices again."
    )
    best = highlighter.snippets(text, count=1)[0]
    assert best.text == "Prices of oil fell as OPEC met."


def test_rare_terms_weigh_more() -> None:
    highlighter = Highlighter({"oil": 1.0, "price": 1.0, "kazakhstan": 5.0})
    text = "Oil prices rose. Kazakhstan said so. Nothing else."
    assert highlighter.snippets(text, count=1)[0].text == "Kazakhstan said so."


def test_name_words_match_whole_words_only() -> None:
    highlighter = Highlighter({}, words=["linde"])
    snippets = highlighter.snippets("Ann Linde spoke. Lindenberg did not.")
    assert [s.text for s in snippets] == ["Ann Linde spoke."]
    assert marked(snippets[0].text, snippets[0].matches) == ["Linde"]


def test_lead_sentence_without_matches() -> None:
    highlighter = Highlighter({"absent": 1.0})
    snippets = highlighter.snippets("First sentence here. Second one.")
    assert [(s.text, s.matches) for s in snippets] == [("First sentence here.", ())]
    assert Highlighter({}).snippets("") == ()


def test_long_text_is_split_around_matches_only() -> None:
    filler = "The assembly heard many statements about many things today. " * 400
    body = filler + "Kazakhstan proposed a nuclear-weapon-free zone in Central Asia. " + filler
    assert len(body) > WHOLE_TEXT_CHARS
    highlighter = Highlighter({"kazakhstan": 2.0, "nuclear": 1.0})
    snippet = highlighter.snippets(body, count=1)[0]
    assert snippet.text == "Kazakhstan proposed a nuclear-weapon-free zone in Central Asia."
    assert marked(snippet.text, snippet.matches) == ["Kazakhstan", "nuclear"]


def test_long_sentence_is_cut_around_the_match() -> None:
    words = " ".join(f"word{i}" for i in range(300))
    body = f"{words} Norway {words}."
    snippet = Highlighter({stem("norway"): 1.0}).snippets(body)[0]
    assert len(snippet.text) <= MAX_SNIPPET_CHARS + 2
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert marked(snippet.text, snippet.matches) == ["Norway"]


def test_title_matches() -> None:
    highlighter = Highlighter({stem("talks"): 1.0, stem("ferry"): 1.0})
    title = "Zanzibar ferry talks"
    assert marked(title, highlighter.matches(title)) == ["ferry", "talks"]


@settings(max_examples=100, deadline=None)
@given(
    text=st.text(max_size=400),
    terms=st.lists(st.sampled_from(["oil", "minist", "a", "norwai", "é", "x"]), max_size=3),
)
def test_offsets_always_inside_the_text(text: str, terms: list[str]) -> None:
    highlighter = Highlighter(dict.fromkeys(terms, 1.0), words=["oslo"])
    for snippet in highlighter.snippets(text * 3):
        assert "\n" not in snippet.text
        for start, end in snippet.matches:
            assert 0 <= start < end <= len(snippet.text)
