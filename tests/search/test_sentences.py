"""Sentence boundaries: abbreviations, initials, datelines, offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from search.extract.sentences import document_sentences, sentence_at, split_sentences


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Mr. Smith met Dr. C.S. Eliot Kang in the U.S. on Feb. 3. Then he left."
    assert _texts(text) == [
        "Mr. Smith met Dr. C.S. Eliot Kang in the U.S. on Feb. 3.",
        "Then he left.",
    ]


def test_a_name_ending_in_an_accented_letter_ends_a_sentence() -> None:
    text = "Secretary Blinken met Foreign Minister Sophie Wilmès. They noted it. Ms. Ng agreed."
    assert _texts(text) == [
        "Secretary Blinken met Foreign Minister Sophie Wilmès.",
        "They noted it.",
        "Ms. Ng agreed.",
    ]


def test_a_word_elided_before_its_last_letter_ends_a_sentence() -> None:
    # "Sana’a." is a word, not an initial; "J. K. Rowling" keeps its initials.
    text = "Griffiths went to Sana’a. While there, J. K. Rowling wrote. He left."
    assert _texts(text) == ["Griffiths went to Sana’a.", "While there, J. K. Rowling wrote.",
                            "He left."]  # fmt: skip


def test_wire_dateline_stays_with_its_sentence() -> None:
    text = "OSLO. KAZINFORM - Kazakhstan and Norway met. The talks went well."
    assert _texts(text)[0].startswith("OSLO. KAZINFORM - Kazakhstan")


def test_paragraph_break_ends_a_sentence_and_quotes_are_kept() -> None:
    text = 'He said "we agree." Nothing else\n\nNew paragraph here'
    assert _texts(text) == ['He said "we agree."', "Nothing else", "New paragraph here"]


def test_title_is_sentence_zero_and_offsets_index_the_document() -> None:
    title, body = "Talks in Oslo", "First sentence. Second one."
    spans = document_sentences(title, body)
    document = f"{title}\n\n{body}"
    assert [document[a:b] for a, b in spans] == ["Talks in Oslo", "First sentence.", "Second one."]
    assert sentence_at(spans, document.index("Second")) == 2


@given(st.text(max_size=2000))
def test_spans_are_ordered_trimmed_and_inside_the_text(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        last = end


def test_text_without_punctuation_is_cut_into_bounded_pieces() -> None:
    from search.extract.sentences import MAX_SENTENCE

    text = " ".join(f"word{n}" for n in range(20_000))  # ~170,000 characters, no period
    spans = split_sentences(text)
    assert len(spans) > 100
    assert all(end - start <= MAX_SENTENCE for start, end in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    # Pieces follow each other, cut at spaces.
    assert all(text[a_end] == " " for (_, a_end), _ in zip(spans, spans[1:], strict=False))


def test_a_wire_briefs_items_joined_by_four_dots_are_sentences() -> None:
    # reuters21578-13730: "... quotas again....Brazil's seamen strike officially ended...."
    text = (
        "U.S. will wait until September to discuss export quotas again....Brazil's seamen "
        "strike officially ended....IBC closed May registrations. He said... It was."
    )
    assert _texts(text) == [
        "U.S. will wait until September to discuss export quotas again....",
        "Brazil's seamen strike officially ended....",
        "IBC closed May registrations.",
        "He said...",
        "It was.",
    ]


def test_a_wire_capital_after_us_with_no_clause_of_its_own_stays() -> None:
    # reuters21578-16787: Reuters capitalises the word after "U.S."
    assert _texts(
        "Abe will explain the plan to U.S. Officials when he visits the U.S. On April 19. "
        "He said so. It was sold in the U.S. The company said so. They met in "
        "Washington, D.C. The Secretary said."
    ) == [
        "Abe will explain the plan to U.S. Officials when he visits the U.S. On April 19.",
        "He said so.",
        "It was sold in the U.S.",
        "The company said so.",
        "They met in Washington, D.C.",
        "The Secretary said.",
    ]
