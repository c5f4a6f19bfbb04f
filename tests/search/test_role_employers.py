"""A role keeps the body it is held in, written before it: a central bank, a government's
seat, a party, a portfolio a sentence opens with. Cases from Reuters-21578 stories whose
roles came out cut to their last word before the rule (the article is named)."""

from __future__ import annotations

import pytest

from search.extract import extract

REUTERS = "Reuters (Reuters-21578, Distribution 1.0)"


def _roles(body: str) -> dict[str, str | None]:
    people = extract("A story", body, date="1987-03-10", source=REUTERS).people
    return {p.name: p.role for p in people}


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        # reuters21578-3020: the employer right after the dateline's dash, named by "The
        # Bundesbank" later on.
        (
            "FRANKFURT, March 9 - Bundesbank president Karl Otto Poehl told a symposium "
            "that rates would hold. The Bundesbank was not obliged to react.",
            "Karl Otto Poehl",
            "Bundesbank president",
        ),
        # reuters21578-351, -975, -10355: "Bank of <country>" is the body, not the country.
        (
            "He met Prime Minister Yasuhiro Nakasone, Bank of Japan Governor Satoshi Sumita "
            "and other officials.",
            "Satoshi Sumita",
            "Bank of Japan Governor",
        ),
        (
            "A body headed by former Bank of Japan governor Haruo Maekawa is expected to report.",
            "Haruo Maekawa",
            "former Bank of Japan governor",
        ),
        # reuters21578-6645, -255, -16780: a government's seat stays in the office.
        (
            "White House spokesman Marlin Fitzwater said the administration had asked.",
            "Marlin Fitzwater",
            "White House spokesman",
        ),
        (
            "Agreements were signed by Kremlin leader Mikhail Gorbachev, who had talks.",
            "Mikhail Gorbachev",
            "Kremlin leader",
        ),
        # reuters21578-386, -17083, -19039: a party named by its adjective.
        (
            "The nomination will pass, Senate Republican leader Robert Dole said.",
            "Robert Dole",
            "Senate Republican leader",
        ),
        (
            "The signers included Democratic leader Robert Byrd of West Virginia.",
            "Robert Byrd",
            "Democratic leader",
        ),
        # reuters21578-10666: a plural office with a hyphenated modifier.
        (
            "Yao gave the news conference along with Vice-Premiers Li Peng and Tian Jiyun, "
            "the two main contenders.",
            "Tian Jiyun",
            "Vice-Premier",
        ),
        # reuters21578-8113, -5145: portfolios a sentence (or a dateline) opens with.
        (
            "BONN, March 22 - Economics Minister Martin Bangemann said the state could not "
            "continue.",
            "Martin Bangemann",
            "Economics Minister",
        ),
        (
            "Presidency Minister Patricio Quevedo said in a televised address that prices rose.",
            "Patricio Quevedo",
            "Presidency Minister",
        ),
    ],
)
def test_the_body_before_the_office_stays_in_the_role(body: str, name: str, role: str) -> None:
    assert _roles(body)[name] == role


def test_what_is_no_body_stays_out() -> None:
    # A name after the dateline is no employer; a party's adjective before another office
    # is not read as a party's leadership.
    assert _roles("BONN, March 22 - Karl Otto Poehl told a symposium that rates would hold.")[
        "Karl Otto Poehl"
    ] in (None, "")
    assert _roles("The Republican Senator John Heinz said so.")["John Heinz"] == "Senator"


def test_a_bank_named_after_its_country_keeps_the_name() -> None:
    # reuters21578-419, -898: "of England" names the bank, not the side in the office.
    assert (
        _roles("He met Robin Leigh-Pemberton, Governor of the Bank of England, on Monday.")[
            "Robin Leigh-Pemberton"
        ]
        == "Governor of the Bank of England"
    )
    # An office "of" a country still goes without it.
    assert _roles("He met Ali Khamenei, President of Iran, on Monday.")["Ali Khamenei"] == (
        "President"
    )


def test_an_office_in_a_bodys_unit_set_off_after_the_name_goes_on_to_its_comma() -> None:
    # statedept-2022-06-29-2922b0c400: the unit after "State’s" is long, and the office's.
    people = extract(
        "Space Dialogue",
        "The delegation was led by Jennifer R. Littlejohn, Principal Deputy Assistant "
        "Secretary of the Department of State’s Bureau of Oceans and International "
        "Environmental and Scientific Affairs, and Eric Desautels, Acting Deputy Assistant "
        "Secretary.",
        date="2022-06-29",
        source="U.S. Department of State (press releases)",
    ).people
    roles = {p.name: p.role for p in people}
    assert roles["Jennifer R. Littlejohn"].endswith(
        "Bureau of Oceans and International Environmental and Scientific Affairs"
    )
    assert roles["Eric Desautels"] == "Acting Deputy Assistant Secretary"
