"""The role a pair's or a profile's people table shows: what most recent stories say."""

from __future__ import annotations

from briefs.relations import _current_role


def test_one_misread_headline_does_not_replace_the_role_the_stories_give() -> None:
    roles = ["Secretary of State"] * 3 + ["State and Secretary"]
    assert _current_role(roles) == "Secretary of State"


def test_a_new_office_wins_as_it_recurs() -> None:
    roles = ["Deputy Secretary of State"] * 4 + ["Secretary of State"] * 3
    assert _current_role(roles) == "Secretary of State"


def test_on_a_tie_the_latest_role_wins_and_none_without_roles() -> None:
    assert _current_role(["Foreign Minister", "Prime Minister"]) == "Prime Minister"
    assert _current_role([]) is None
