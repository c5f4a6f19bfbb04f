"""`search.extract.places.trim_place`: a place as written, the sentence's punctuation off,
an abbreviation's period kept (issue 13: "Washington, D.C" lost its final period)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.extract.places import trim_place


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("Washington, D.C.", "Washington, D.C."),
        ("Washington, D.C.,", "Washington, D.C."),
        ("Washington, D.C. The", "Washington, D.C."),
        ("New York, N.Y.", "New York, N.Y."),
        ("Oslo.", "Oslo"),
        ("Oslo,", "Oslo"),
        ("Astana. He", "Astana"),
        ("Paris, France.", "Paris, France"),
        ("St. Petersburg.", "St. Petersburg"),
        ("Mt. Fuji. He", "Mt. Fuji"),
        ("Geneva", "Geneva"),
    ],
)
def test_trim_place(written: str, place: str) -> None:
    assert trim_place(written) == place


@given(st.text(alphabet="ABCD .,abc", max_size=20))
def test_trim_place_only_cuts(text: str) -> None:
    trimmed = trim_place(text)
    assert text.startswith(trimmed)
    assert not trimmed.endswith(",")
    assert trim_place(trimmed) == trimmed
