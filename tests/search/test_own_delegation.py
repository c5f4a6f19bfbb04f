"""In a government's own text, "the delegation" that travels is its own (statedept-2021-06-25-
1084a65705: "Under Secretary Nuland and an interagency delegation will travel ...")."""

from __future__ import annotations

from search.extract import extract

STATE = "U.S. Department of State (press releases)"


def test_the_delegation_of_a_governments_text_is_its_own() -> None:
    found = extract(
        None,
        "In Panama, the delegation will meet with President Cortizo.",
        date="2021-06-25",
        source=STATE,
    ).engagements
    assert [(e.type, e.status, set(e.countries)) for e in found] == [
        ("meeting", "planned", {"USA", "PAN"})
    ]
    # Another government's delegation, named so, is not.
    found = extract(
        None,
        "In Baku, the Armenian delegation will meet with President Aliyev.",
        date="2021-06-25",
        source=STATE,
    ).engagements
    assert all("USA" not in e.countries for e in found)
