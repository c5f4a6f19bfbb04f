"""An agreement between two parties that the text dates is their signing (history, or
ahead); undated, it is no event. Cases modelled on wikinews-2020-01-11-30b42e8104 and
statedept-2022-04-21-7a3da6c0ce."""

from __future__ import annotations

import pytest

from search.extract import extract


def _signings(body: str, date: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    found = extract(None, body, date=date, source="Wikinews").engagements
    return [(e.status, tuple(sorted(e.countries)), e.date) for e in found if e.type == "signing"]


@pytest.mark.parametrize(
    ("body", "date", "expected"),
    [
        (
            "They concluded that the November 27 maritime border agreement between Turkey and "
            "Libya is null and void.",
            "2020-01-11",
            [("background", ("LBY", "TUR"), "2019-11-27")],
        ),
        (
            "The talks implement the Migration Accords, a series of bilateral agreements "
            "between the United States and Cuba done in 1984, 1994, 1995, and 2017.",
            "2022-04-21",
            [("background", ("CUB", "USA"), "1984")],
        ),
        # Undated: the agreement is a subject, not an event.
        ("The agreement between Turkey and Libya is null and void.", "2020-01-11", []),
    ],
)
def test_a_dated_agreement_between_two_parties_is_their_signing(
    body: str, date: str, expected: list
) -> None:
    assert _signings(body, date) == expected
