"""Organisations and fora: lexicon names and acronyms, ministries, the generic pattern."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.extract import extract
from search.extract.orgs import find_orgs, member_of, org_country, org_keys
from search.extract.sentences import document_sentences
from search.model import Mention, Span, document_text


def country(text: str, word: str, key: str, how: str = "name") -> Mention:
    start = text.index(word)
    return Mention("country", key, word, Span(start, start + len(word), 0), how)


def orgs(
    body: str, title: str | None = None, countries: list[tuple[str, str, str]] = ()
) -> list[Mention]:
    text = document_text(title, body)
    mentions = [country(text, word, key, how) for word, key, how in countries]
    return find_orgs(text, document_sentences(title, body), mentions)


def keys(body: str, **kwargs) -> set[str]:
    return {mention.key for mention in orgs(body, **kwargs)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Kazakhstan is a non-permanent member of the UN Security Council.",
            {"UN Security Council", "UN"},  # an organ of the UN credits it
        ),
        ("The United Nations Security Council met.", {"UN Security Council", "UN"}),
        ("Cooperation within the UN and the OSCE.", {"UN", "OSCE"}),
        ("She spoke at the UN General Assembly.", {"UN General Assembly", "UN"}),
        (
            "NATO, the EU, the SCO, the CSTO and the EAEU met.",
            {"NATO", "EU", "SCO", "CSTO", "EAEU"},
        ),
        ("ASEAN and the African Union signed.", {"ASEAN", "African Union"}),
        (
            "G7 and G20 leaders, the WTO, the IMF and the World Bank.",
            {"G7", "G20", "WTO", "IMF", "World Bank"},
        ),
        ("OPEC, the WHO and UNESCO agreed.", {"OPEC", "WHO", "UNESCO"}),
        # statedept-2022-03-01-aab84f8ebe, -2022-04-12-2acbdedd04: more UN agencies
        (
            "the International Civil Aviation Organization (ICAO), the ITU, the Universal "
            "Postal Union, the International Maritime Organization and the ILO",
            {"ICAO", "ITU", "UPU", "IMO", "ILO"},
        ),
        # (a ship's number is no organisation)
        ("VESSEL REGISTRATION IDENTIFICATION: IMO 9160994", set()),
        # reuters21578-19367; reuters21578-17198 (as the wire misnames the OECD)
        (
            "the Association of Tin Producing Countries (ATPC) and the Organisation of "
            "Economic Cooperation and Development",
            {"ATPC", "OECD"},
        ),
        ("The International Atomic Energy Agency reported.", {"IAEA"}),
        ("the Belt and Road Initiative", {"Belt and Road Initiative"}),
        (
            "projects within the Astana International Financial Centre and the Astana Hub",
            {"Astana International Financial Centre", "Astana Hub"},
        ),
        (
            "the International Center for Green Technologies",
            {"International Center for Green Technologies"},
        ),
        (
            "a meeting with the Director of the Norwegian Nobel Institute",
            {"Norwegian Nobel Institute"},
        ),
    ],
)
def test_known_organisations(body: str, expected: set[str]) -> None:
    assert keys(body) == expected


def test_leu_bank_credits_the_iaea() -> None:
    found = orgs(
        "the donors for the opening of the IAEA Low Enriched Uranium (LEU) Bank in Kazakhstan"
    )
    assert {(m.key, m.how) for m in found} == {("IAEA LEU Bank", "name"), ("IAEA", "parent")}
    assert found[0].surface == "IAEA Low Enriched Uranium (LEU) Bank"


def test_parliaments_and_their_countries() -> None:
    body = "Head of the Standing Committee of the Storting (the Norwegian Parliament) Anniken Huitfeldt."
    found = orgs(body)
    assert [m.key for m in found if m.key == "Storting"] == ["Storting", "Storting"]
    assert org_country("Storting") == "NOR"
    assert "Standing Committee" in {m.key for m in found}
    assert keys("The Mazhilis and the Bundestag voted; Congress did not.") == {
        "Mazhilis",
        "Bundestag",
        "U.S. Congress",
    }


@pytest.mark.parametrize(
    ("body", "countries", "expected"),
    [
        (
            "The Norwegian Foreign Ministry hailed it.",
            [("Norwegian", "NOR", "demonym")],
            "Ministry of Foreign Affairs (Norway)",
        ),
        (
            "State Secretary at the Ministry of Foreign Affairs of Norway Audun Halvorsen spoke.",
            [("Norway", "NOR", "name")],
            "Ministry of Foreign Affairs (Norway)",
        ),
        (
            "tasks entrusted to the Ministry of Foreign Affairs is",
            [],
            "Ministry of Foreign Affairs",
        ),
        (
            "The Kazakh Defence Ministry said.",
            [("Kazakh", "KAZ", "demonym")],
            "Ministry of Defence (Kazakhstan)",
        ),
    ],
)
def test_ministries_are_normalised(body: str, countries: list, expected: str) -> None:
    assert keys(body, countries=countries) == {expected}


def test_generic_pattern_and_its_limits() -> None:
    assert keys("The Securities and Exchange Commission on Tuesday fined it.") == {
        "Securities and Exchange Commission"
    }
    # "and the Office of ..." starts another name: the tail stops before it.
    assert keys(
        "Officials of the Department of Labor and the Office of the Trade Representative met."
    ) == {"Department of Labor"}
    assert keys("The committee met, then the bank closed.") == set()
    assert keys("He chairs the Head of the Standing Committee on Foreign Affairs and Defense.") == {
        "Standing Committee on Foreign Affairs and Defense"
    }


@pytest.mark.parametrize(
    "body",
    [
        "Who will pay? He asked who was there.",
        "WHO WILL PAY FOR THE NEW DAM",  # an all-capitals headline
        "The Russian Security Council met.",  # not the UN's
    ],
)
def test_no_false_organisations(body: str) -> None:
    assert "WHO" not in keys(body) and "UN Security Council" not in keys(body)


def test_org_keys_rank_by_count() -> None:
    found = orgs("The UN and the OSCE. The UN again. NATO.")
    assert org_keys(found) == ("UN", "OSCE", "NATO")


def test_spans_point_at_the_text() -> None:
    title = "UN envoy visits Oslo"
    body = "The UN envoy met the OSCE chair."
    text = document_text(title, body)
    for mention in orgs(body, title):
        assert text[mention.span.start : mention.span.end] == mention.surface
    assert {m.span.sentence for m in orgs(body, title)} == {0, 1}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), st.lists(st.tuples(st.integers(0, 300), st.integers(0, 40)), max_size=5))
def test_never_raises(text: str, spans: list[tuple[int, int]]) -> None:
    fake = [Mention("country", "NOR", "x", Span(s, s + n, 0), "demonym") for s, n in spans]
    for mention in find_orgs(text, document_sentences(None, text), fake):
        assert 0 <= mention.span.start < mention.span.end <= len(text)


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("UNOSCE Ministry of Foreign Bank Fund the (and) İ.\n")),
        max_size=300,
    )
)
def test_never_raises_on_org_soup(text: str) -> None:
    find_orgs(text, document_sentences(None, text))


def test_a_hyphenated_modifier_is_not_part_of_the_name() -> None:
    from search.extract.orgs import find_orgs
    from search.extract.sentences import document_sentences

    text = "The European Community and Soviet-led Comecon ended talks here."
    keys = [m.key for m in find_orgs(text, document_sentences(None, text))]
    assert keys == ["EU", "Comecon"]


def test_a_possessive_is_not_part_of_an_organisations_name() -> None:
    from search.extract.orgs import find_orgs
    from search.extract.sentences import document_sentences

    text = "For more information, please see the Department of the Treasury’s press release."
    assert [m.key for m in find_orgs(text, document_sentences(None, text))] == [
        "Department of the Treasury"
    ]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Talks at the special meeting of the International Coffee Organization ended.", "ICO"),
        ("The ICO executive board is set to meet in London.", "ICO"),
        ("Aid donors of the Inter-Governmental Group on Indonesia (IGGI) met.", "IGGI"),
        ("The G-77 officials met in Dhaka.", "Group of 77"),
        ("The Mekong River Commission welcomed the plan.", "Mekong River Commission"),
    ],
)
def test_intergovernmental_bodies_of_wire_news(text: str, key: str) -> None:
    from search.extract.orgs import international

    assert key in keys(text) and international(key)


def test_an_officials_name_before_and_ends_the_next_organisations_name() -> None:
    """statedept-2022-04-29-8c8d61876a: not "African Affairs Molly Phee and National
    Security Council"; but "New Climate Early Warning and Adaptation Initiative" is one
    name ("Early" is a given name too, with no office before it)."""
    found = extract(
        None,
        "Assistant Secretary of State for African Affairs Molly Phee and National Security "
        "Council Senior Director for Africa Dana Banks will join the delegation. The United "
        "States launched the New Climate Early Warning and Adaptation Initiative.",
        source="U.S. Department of State (press releases)",
        date="2022-04-29",
    )
    assert "National Security Council" in found.orgs
    assert not any("Molly" in org for org in found.orgs)
    assert "New Climate Early Warning and Adaptation Initiative" in found.orgs


def test_an_acronym_the_text_defines_is_the_defined_organisations() -> None:
    # reuters21578-18110: "ADB" is the lexicon's Asian Development Bank elsewhere.
    text = (
        "The African Development Bank (ADB) is seeking a cooperation agreement. ADB "
        "secretary general Koffi Dei-Anang told a news conference."
    )
    keys = [m.key for m in find_orgs(text, [(0, len(text))]) if m.surface == "ADB"]
    assert keys == ["African Development Bank", "African Development Bank"]
    plain = "ADB president Masao Fujioka spoke in Manila."
    assert [m.key for m in find_orgs(plain, [(0, len(plain))])] == ["Asian Development Bank"]


def test_a_variant_name_found_by_pattern_keeps_the_lexicons_acronym() -> None:
    # statedept-2022-06-08-59f4513f50: the OECD's name written out of order.
    text = "the Organization for Economic Development and Cooperation (OECD) in Paris."
    keys = {m.key for m in find_orgs(text, [(0, len(text))]) if m.surface == "OECD"}
    assert keys == {"OECD"}


def test_a_month_before_an_organisations_name_is_no_part_of_it() -> None:
    # reuters21578-3070: "the July United Nations Conference on Trade and Development meeting"
    text = "placed before the July United Nations Conference on Trade and Development meeting."
    assert [m.key for m in find_orgs(text, [(0, len(text))])] == ["UNCTAD"]


def test_development_banks_and_regional_bodies_news_names() -> None:
    # reuters21578-8963, reuters21578-18380, statedept-2022-04-26-bd83bdabc2
    assert keys("Reforms in the Inter-American Development Bank (IADB) were agreed.") == {
        "Inter-American Development Bank"
    }
    assert "Inter-American Development Bank" in keys("The IADB's annual meeting opened.")
    assert "ECA" in keys("It was organised by the Economic Commission for Africa.")
    # Acronyms two bodies share are not read alone.
    assert keys("The Islamic Development Bank (IDB) signed an agreement with Pakistan.") == {
        "Islamic Development Bank"
    }
    assert "ECA" not in keys("ECA Assistant Secretary Lee Satterfield spoke.")
    assert "CARICOM" in keys("He met Caribbean Community (CARICOM) leaders.")
    assert "OAU" in keys("He is chairman of the Organisation of African Unity.")


def test_membership_of_an_organisation_counts_from_the_year_joined() -> None:
    assert member_of("NATO", "USA", 1987) and member_of("NATO", "ESP", 1987)
    assert not member_of("NATO", "ESP", 1981) and not member_of("NATO", "FIN", 2022)
    assert member_of("UN", "KAZ", 2021) and member_of("WHO", "FRA", 2022)
    assert not member_of("EU", "USA", 2022)  # (members not listed: none known)
