"""Delegations: in a government's own text, "the delegation" that travels is its own
(statedept-2021-06-25-1084a65705: "Under Secretary Nuland and an interagency delegation will
travel ..."); a delegation's listed members take part where its lead does."""

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


def test_a_delegations_listed_members_take_part_where_its_lead_does() -> None:
    # statedept-2022-03-18-ffa1b89d0b: the members are listed two sentences after the trip.
    found = extract(
        "Under Secretary Nuland's Travel to Bangladesh",
        "Under Secretary for Political Affairs Victoria Nuland will travel March 19-23 to "
        "Bangladesh with an interagency delegation. On each stop, the delegation will meet "
        "with civil society and business leaders.\n\nOther senior members of the delegation "
        "include Assistant Secretary for South and Central Asian Affairs Donald Lu and Deputy "
        "Under Secretary of Defense for Policy Amanda Dory.",
        date="2022-03-18",
        source=STATE,
    ).engagements
    (visit,) = [e for e in found if e.type == "visit"]
    assert {name for side, name in visit.participants if side == "USA"} >= {
        "Victoria Nuland",
        "Donald Lu",
        "Amanda Dory",
    }


def test_who_led_each_delegation_takes_part() -> None:
    # statedept-2021-06-03-091b4dcc15: "... led the Indian delegation. X, Y and Z jointly
    # led the U.S. delegation."
    found = extract(
        None,
        "On June 2, the United States of America and India virtually convened the second "
        "meeting of the Counternarcotics Working Group. Director General Rakesh Asthana of "
        "India led the Indian delegation. Deputy Assistant Secretary Jorgan Andrews and "
        "Department of Justice Deputy Assistant Attorney General Jennifer Hodge jointly led "
        "the U.S. delegation.",
        date="2021-06-03",
        source=STATE,
    ).engagements
    (meeting,) = found
    assert set(meeting.participants) >= {
        ("IND", "Rakesh Asthana"),
        ("USA", "Jorgan Andrews"),
        ("USA", "Jennifer Hodge"),
    }


def test_the_head_of_a_delegation_named_after_an_office_takes_part() -> None:
    # statedept-2022-07-15-8a79cbf741
    found = extract(
        None,
        "Yesterday the United States, Canada and Mexico held the Trilateral Working Group "
        "meeting. Opening remarks were provided by Dr. Cristopher Ballinas Valdes, Director "
        "General for Human Rights and Democracy at the Ministry for Foreign Affairs, head of "
        "the Mexican Delegation.",
        date="2022-07-15",
        source=STATE,
    )
    people = {p.name: p for p in found.people}
    assert (
        people["Cristopher Ballinas Valdes"].country,
        people["Cristopher Ballinas Valdes"].how,
    ) == ("MEX", "led-by")
    (meeting,) = found.engagements
    assert ("MEX", "Cristopher Ballinas Valdes") in meeting.participants


def test_a_named_countrys_delegation_listed_takes_part_where_its_lead_does() -> None:
    # statedept-2022-05-03-14d6a4707c
    found = extract(
        None,
        "U.S. Secretary of State Antony J. Blinken hosted Armenian Foreign Minister Ararat "
        "Mirzoyan in Washington, D.C., to launch the U.S.-Armenia Strategic Dialogue on May 2, "
        "2022. The anniversary of relations fell this year. Both governments assessed the "
        "status of bilateral ties positively. The Armenian delegation included Deputy "
        "Minister of Justice Grigor Minasyan and "
        "Deputy Central Bank Governor Nerses Yeritsyan.",
        date="2022-05-03",
        source=STATE,
    ).engagements
    assert any(
        {("ARM", "Grigor Minasyan"), ("ARM", "Nerses Yeritsyan")} <= set(e.participants)
        for e in found
    )


def test_who_also_participated_in_the_session_takes_part() -> None:
    # statedept-2022-05-03-14d6a4707c
    found = extract(
        None,
        "U.S. Secretary of State Antony J. Blinken hosted Armenian Foreign Minister Ararat "
        "Mirzoyan in Washington, D.C., to launch the U.S.-Armenia Strategic Dialogue on May 2, "
        "2022. Assistant Secretary of State for European and Eurasian Affairs Dr. Karen "
        "Donfried and several leaders from the Departments of State and Defense also "
        "participated in the USASD session.",
        date="2022-05-03",
        source=STATE,
    ).engagements
    assert any(("USA", "Karen Donfried") in e.participants for e in found)
