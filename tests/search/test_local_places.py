"""`search.extract.local_places`: the country a story's local places lie in."""

from __future__ import annotations

from search.extract.local_places import local_countries


def test_states_counties_cities_and_capitals_count_for_their_country() -> None:
    text = (
        "The program will travel to Wilmington, Delaware, then on to Atlanta. He lived in "
        "Staffordshire and spoke in London."
    )
    assert local_countries(text) == {"USA": 2, "GBR": 2}


def test_country_names_directions_and_unknown_words_count_for_none() -> None:
    text = (
        "Talks in France and in the West, with partners in Central Asia, at Fishmongers' "
        "Hall and in Springfield."
    )
    # (France is a country name; "the West" is no region of Cameroon's; Springfield has
    # namesakes of one size in many states, all American)
    assert set(local_countries(text)) <= {"USA"}
