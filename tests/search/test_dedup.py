"""Exact and near-duplicate detection."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from search import dedup

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample.jsonl"


def _bodies() -> list[str]:
    return [json.loads(line)["body"] for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def test_content_hash_ignores_case_spacing_and_punctuation() -> None:
    assert dedup.content_hash("Talks", "Kazakhstan and  Norway met.") == dedup.content_hash(
        "talks", "Kazakhstan and Norway met"
    )
    assert dedup.content_hash("Talks", "Kazakhstan met") != dedup.content_hash(
        "Talks", "Norway met"
    )


def test_wire_copy_is_near_and_other_stories_are_far() -> None:
    bodies = _bodies()
    original = bodies[5]
    copy = "UPDATE: " + original.replace(" the ", " the  ", 3) + " Additional reporting by a desk."
    a, b = dedup.sketch(original), dedup.sketch(copy)
    assert a is not None and b is not None
    assert dedup.similarity(a, b) >= dedup.NEAR_DUPLICATE_JACCARD
    assert set(dedup.bands(a)) & set(dedup.bands(b))
    others = [dedup.sketch(body) for body in bodies[6:20]]
    assert all(dedup.similarity(a, o) < 0.5 for o in others if o is not None)


def test_short_texts_have_no_sketch_and_dates_window_copies() -> None:
    assert dedup.sketch("Too short to compare.") is None
    assert dedup.within_window("2022-05-01", "2022-06-10")
    assert not dedup.within_window("2022-01-01", "2022-06-10")
    assert dedup.within_window(None, "2022-06-10")


@given(st.text(max_size=3000))
def test_sketch_never_raises_and_is_deterministic(text: str) -> None:
    first = dedup.sketch(text)
    assert first == dedup.sketch(text)
    if first is not None:
        assert len(first) == dedup.SKETCH_BINS * 4
        assert dedup.similarity(first, first) == 1.0
