"""Datelines, publication dates, languages and text cleaning (the readers' helpers)."""

from __future__ import annotations

import datetime as dt

import pytest

from search.readers import parse_dateline
from search.readers.cleaning import clean_text
from search.readers.dates import normalise_date
from search.readers.fields import normalise_lang, normalise_tags
from search.readers.text import split_title

SEED_OPENING = "OSLO. KAZINFORM - Kazakhstan and Norway intend to develop comprehensive"


def test_seed_dateline() -> None:
    found = parse_dateline(SEED_OPENING)
    assert found is not None
    assert (found.city, found.agency) == ("Oslo", "Kazinform")
    assert (found.month, found.day, found.year) == (None, None, None)
    assert SEED_OPENING[found.end :].startswith("Kazakhstan and Norway")


@pytest.mark.parametrize(
    ("text", "city", "agency", "month", "day", "year", "rest"),
    [
        ("CLEVELAND, Feb 26 - Standard Oil Co and BP", "Cleveland", None, 2, 26, None, "Standard"),
        (
            "WASHINGTON, March 3 (Reuters) - The U.S.",
            "Washington",
            "Reuters",
            3,
            3,
            None,
            "The U.S.",
        ),
        ("MOSCOW, March 3, 2019 (TASS) -- Russia", "Moscow", "TASS", 3, 3, 2019, "Russia"),
        ("Astana, 12 March (Kazinform) — The", "Astana", "Kazinform", 3, 12, None, "The"),
        ("Astana, 12 March 2019 (Kazinform) – The", "Astana", "Kazinform", 3, 12, 2019, "The"),
        ("BRUSSELS — European Union ministers", "Brussels", None, None, None, None, "European"),
        ("BRUSSELS—European Union ministers", "Brussels", None, None, None, None, "European"),
        ("Paris (AFP) - France said", "Paris", "AFP", None, None, None, "France"),
        ("SPRINGFIELD, Ill. (AP) — A man", "Springfield", "AP", None, None, None, "A man"),
        (
            "NEW YORK/LONDON, March 3 (Reuters) - Stocks",
            "New York",
            "Reuters",
            3,
            3,
            None,
            "Stocks",
        ),
        ("LOS ANGELES, Feb 26 - BankAmerica", "Los Angeles", None, 2, 26, None, "BankAmerica"),
        ("RIO DE JANEIRO, Feb 26 - Brazil", "Rio de Janeiro", None, 2, 26, None, "Brazil"),
        ("ST. PETERSBURG - Putin", "St. Petersburg", None, None, None, None, "Putin"),
        (
            "ST. PETERSBURG. INTERFAX - Putin",
            "St. Petersburg",
            "Interfax",
            None,
            None,
            None,
            "Putin",
        ),
        ("ROCHESTER, N.Y., Feb 26 - Kodak", "Rochester", None, 2, 26, None, "Kodak"),
        ("FARMINGTON, Conn., FEb 26 - A", "Farmington", None, 2, 26, None, "A"),
        ("THE HAGUE, April 9 - Dutch", "The Hague", None, 4, 9, None, "Dutch"),
        ("SÃO PAULO, Feb 26 - Brazil", "São Paulo", None, 2, 26, None, "Brazil"),
        ("WINSTON-SALEM, N.C., Feb 26 - RJR", "Winston-Salem", None, 2, 26, None, "RJR"),
        ("MOSCOW, 5 March (RIA NOVOSTI) - x", "Moscow", "RIA Novosti", 3, 5, None, "x"),
        ("  OSLO. KAZINFORM - indented", "Oslo", "Kazinform", None, None, None, "indented"),
    ],
)
def test_dateline_shapes(
    text: str,
    city: str,
    agency: str | None,
    month: int | None,
    day: int | None,
    year: int | None,
    rest: str,
) -> None:
    found = parse_dateline(text)
    assert found is not None, text
    assert (found.city, found.agency, found.month, found.day, found.year) == (
        city,
        agency,
        month,
        day,
        year,
    )
    assert text[found.end :].startswith(rest)


def test_multi_city_dateline_keeps_every_city() -> None:
    found = parse_dateline("NEW YORK/LONDON, March 3 (Reuters) - Stocks fell")
    assert found is not None and found.cities == ("New York", "London")


def test_region_is_kept() -> None:
    found = parse_dateline("ROCHESTER, N.Y., Feb 26 - Kodak said")
    assert found is not None and found.region == "N.Y."


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. - Japan talks resumed on Monday.",
        "Kazakhstan and Norway - a partnership of equals.",
        "Kazakhstan - Norway consultations were held in Oslo.",
        "U.S. - Japan trade talks",
        "NATO - Russia council met.",
        "UPDATE 1 - Oil prices fall",
        "In Oslo, March 3 - no wait",
        "oslo. kazinform - lower case is not a dateline",
        "The talks ended. Kazakhstan - Norway",
        "Hello world",
        "",
        "JAPAN-US trade talks",
        "OSLO\n- not on one line",
        "Yes. NATO - said",
        "A" * 300 + " - x",
    ],
)
def test_ordinary_sentences_are_not_datelines(text: str) -> None:
    assert parse_dateline(text) is None


def test_dateline_must_be_at_the_start() -> None:
    assert parse_dateline("Officials said. OSLO. KAZINFORM - Kazakhstan") is None


def test_invalid_dateline_date() -> None:
    assert parse_dateline("OSLO, Feb 45 - x") is None


# --------------------------------------------------------------------------- titles


def test_title_line_rules() -> None:
    assert split_title("A short title\n\nBody.") == ("A short title", "Body.")
    assert split_title("A sentence that ends.\n\nBody.") == (None, "A sentence that ends.\n\nBody.")
    assert split_title("OSLO — Title-like dateline\n\nBody.")[0] is None
    assert split_title("Title\nno blank line\n")[0] is None
    assert split_title("Only a title\n\n")[0] is None
    assert split_title("x " * 40 + "\n\nBody.")[0] is None  # too many words


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-03-05", "2019-03-05"),
        ("2021-05-20T22:14:56+00:00", "2021-05-20"),
        ("2021-05-20T22:14:56Z", "2021-05-20"),
        ("2019-03-05 10:00", "2019-03-05"),
        ("Tue, 05 Mar 2019 23:30:00 -0800", "2019-03-05"),
        ("Tue, 05 Mar 2019 23:30:00 GMT", "2019-03-05"),
        ("March 5, 2019", "2019-03-05"),
        ("Mar. 5th, 2019", "2019-03-05"),
        ("5 March 2019", "2019-03-05"),
        ("Tuesday, 5 March 2019", "2019-03-05"),
        ("2019/03/05", "2019-03-05"),
        ("25/03/2019", "2019-03-25"),
        ("03/25/2019", "2019-03-25"),
        ("5 марта 2019 г.", "2019-03-05"),
        ("le 5 mars 2019", "2019-03-05"),
        (1551744000, "2019-03-05"),
        (1551744000000, "2019-03-05"),
        (dt.date(2019, 3, 5), "2019-03-05"),
        (dt.datetime(2019, 3, 5, 23, 0), "2019-03-05"),
    ],
)
def test_dates_are_normalised(value: object, expected: str) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "yesterday",
        "last Tuesday",
        "March 2019",
        "2019",
        "2019-03",
        "05/03/2019",  # day or month first? not guessed
        "2019-02-30",
        "0001-01-01",
        "sometime in spring",
        "n/a",
        None,
        True,
        [2019, 3, 5],
        2019,
        float("nan"),
        "9" * 300,
    ],
)
def test_unreadable_dates_are_none(value: object) -> None:
    assert normalise_date(value) is None


# --------------------------------------------------------------------------- fields


@pytest.mark.parametrize(
    ("value", "expected"),
    [("en", "en"), ("EN", "en"), ("en-US", "en"), ("pt_BR", "pt"), ("eng", "en"),
     ("English", "en"), ("russian", "ru"), ("klingon-ish!", None), ("", None), (3, None)],
)  # fmt: skip
def test_languages(value: object, expected: str | None) -> None:
    assert normalise_lang(value) == expected


def test_tags() -> None:
    assert normalise_tags("a, b; c|a") == ("a", "b", "c")
    assert normalise_tags(["x", {"term": "y"}, 3, None, " x "]) == ("x", "y", "3")
    assert normalise_tags({"not": "tags"}) == ()


def test_clean_text() -> None:
    assert clean_text("a\r\nb\rc") == "a\nb\nc"
    assert clean_text("\ufeffbom") == "bom"
    assert clean_text("e\u0301") == "\u00e9"
    assert clean_text("x\x1b[31my\x1b[0m") == "xy"
    assert clean_text("x\x1b]0;title\x07y") == "xy"
    assert clean_text("page\x0cbreak") == "page\nbreak"
    # An unterminated OSC must not swallow the rest of the text.
    assert clean_text("keep \x1b]0;no end and this") == "keep 0;no end and this"
