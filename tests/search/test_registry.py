"""The people registry: one identity per person across articles, sides voted by evidence."""

from __future__ import annotations

import json
from pathlib import Path

from search.archive import Archive
from search.ingest import ingest
from search.ingest.registry import PeopleRegistry, prefix_key

STATE = "U.S. Department of State (press releases)"


def _archive(tmp_path: Path, records: list[dict], name: str = "a.jsonl") -> Archive:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    archive = Archive.open(tmp_path / "home")
    report = ingest(archive, [path])
    assert not report.rejected, report.rejected
    return archive


def _record(n: int, body: str, *, date: str = "2022-05-18", source: str = STATE) -> dict:
    return {"id": f"r{n}", "title": f"Story {n}", "date": date, "source": source, "body": body}


def _people(archive: Archive) -> dict[str, tuple]:
    rows = archive.store.conn.execute(
        "SELECT name, country, org, how, role, articles FROM people"
    ).fetchall()
    return {row[0]: row[1:] for row in rows}


def test_a_bare_surname_joins_the_one_full_name(tmp_path: Path) -> None:
    archive = _archive(
        tmp_path,
        [
            _record(1, "Secretary Blinken met Foreign Minister Kuleba of Ukraine in Kyiv."),
            _record(
                2,
                "Secretary of State Antony J. Blinken spoke with Ukrainian Foreign "
                "Minister Dmytro Kuleba today.",
            ),  # fmt: skip
        ],
    )
    with archive:
        people = _people(archive)
        assert "Antony J. Blinken" in people and "Blinken" not in people
        assert people["Antony J. Blinken"][0] == "USA"
        assert people["Antony J. Blinken"][4] == 2  # both articles
        assert people["Dmytro Kuleba"][0] == "UKR"


def test_two_people_of_one_surname_are_not_guessed(tmp_path: Path) -> None:
    archive = _archive(
        tmp_path,
        [
            _record(1, "U.S. Special Representative for the DPRK Sung Kim met officials."),
            _record(2, "North Korean leader Kim Jong Un inspected a missile test."),
            _record(3, "President Kim said the talks would continue."),
        ],
    )
    with archive:
        people = _people(archive)
        assert people["Sung Kim"][0] == "USA"  # a portfolio is not a nationality
        # "President Kim" may be either: a person of their own, not merged into one.
        assert "Kim" in people


def test_long_and_short_arabic_names_are_one_person(tmp_path: Path) -> None:
    assert prefix_key("Mohammed bin Zayed") == prefix_key("Mohammed bin Zayed Al Nahyan")
    assert prefix_key("Mohammed bin Zayed") != prefix_key("Abdullah bin Zayed")
    archive = _archive(
        tmp_path,
        [
            _record(1, "Emirati President Mohammed bin Zayed Al Nahyan received the Secretary."),
            _record(2, "Secretary Blinken met UAE President Mohammed bin Zayed in Abu Dhabi."),
        ],
    )
    with archive:
        names = [n for n in _people(archive) if "Zayed" in n]
        assert names == ["Mohammed bin Zayed Al Nahyan"]


def test_strong_evidence_once_outweighs_weak_defaults_often(tmp_path: Path) -> None:
    """A national agency's default ("our" officials) is the weakest evidence."""
    weak = [
        _record(n, "President Zelenskyy spoke at the forum.", source="Kazinform")
        for n in range(1, 6)
    ]
    strong = [_record(9, "Ukrainian President Volodymyr Zelenskyy spoke in Kyiv.")]
    archive = _archive(tmp_path, [*weak, *strong])
    with archive:
        people = _people(archive)
        assert people["Volodymyr Zelenskyy"][0] == "UKR"
        assert people["Volodymyr Zelenskyy"][2] == "role"


def test_roles_with_dates_and_role_at_a_date(tmp_path: Path) -> None:
    archive = _archive(
        tmp_path,
        [
            _record(
                1,
                "Kazakhstani Deputy Foreign Minister Roman Vassilenko met them.",
                date="2019-11-14",
            ),  # fmt: skip
            _record(
                2,
                "Kazakhstani First Deputy Foreign Minister Roman Vassilenko spoke.",
                date="2023-03-01",
            ),  # fmt: skip
        ],
    )
    with archive:
        registry = PeopleRegistry(archive.store.conn)
        (person,) = registry.find("Roman Vassilenko")
        assert person.role == "First Deputy Foreign Minister"
        assert person.role_seen == "2023-03-01"
        assert registry.role_at(person.id, "2020-01-01") == "Deputy Foreign Minister"
        assert [r[0] for r in registry.roles(person.id)] == [
            "First Deputy Foreign Minister",
            "Deputy Foreign Minister",
        ]


def test_a_pope_is_not_a_namesake(tmp_path: Path) -> None:
    archive = _archive(
        tmp_path,
        [
            _record(1, "Australian Treasurer David Francis spoke.", source="Reuters"),
            _record(2, "Pope Francis met the President.", source="Reuters"),
        ],
    )
    with archive:
        assert {"David Francis", "Francis"} <= set(_people(archive))


def test_the_registry_grows_incrementally(tmp_path: Path) -> None:
    archive = _archive(tmp_path, [_record(1, "Secretary Blinken met Kuleba.")])
    with archive:
        before = archive.store.conn.execute("SELECT id, name FROM people").fetchall()
    second = tmp_path / "b.jsonl"
    second.write_text(
        json.dumps(
            _record(
                2,
                "Secretary of State Antony J. Blinken met "
                "Ukrainian Foreign Minister Dmytro Kuleba.",
            )
        )
        + "\n"
    )
    with Archive.open(tmp_path / "home") as archive:
        ingest(archive, [second])
        after = dict(archive.store.conn.execute("SELECT name, stale FROM people").fetchall())
        assert "Antony J. Blinken" in after
        assert all(stale == 0 for stale in after.values())
    assert before  # the first run's people were there before the second


def test_a_later_article_teaches_an_earlier_one_within_a_run(tmp_path: Path) -> None:
    """ "President Zelenskyy" read before "Ukrainian President Zelenskyy": the second look
    gives the first article's call its Ukrainian side."""
    archive = _archive(
        tmp_path,
        [
            _record(
                1, "Secretary of State Antony J. Blinken spoke with President Zelenskyy today."
            ),  # fmt: skip
            _record(2, "Ukrainian President Volodymyr Zelenskyy addressed parliament."),
        ],
    )
    with archive:
        rows = archive.store.conn.execute(
            "SELECT e.type, e.sides FROM engagements e JOIN articles a ON a.rowid = e.article "
            "WHERE a.id = 'r1'"
        ).fetchall()
        assert rows == [("call", "USA,UKR")]


def test_summed_evidence_agrees_with_a_recount_from_every_mention(tmp_path: Path) -> None:
    """What ingest adds mention by mention (`people_sides`) is what a rebuild from all the
    mentions decides: sides, roles, dates, names and counts."""
    stories = [
        ("President Zelenskyy met Secretary Blinken.", "2022-01-10"),
        ("Ukrainian President Volodymyr Zelenskyy spoke with Blinken.", "2022-02-11"),
        ("Secretary of State Antony J. Blinken met Foreign Minister Kuleba.", "2022-03-12"),
        ("Ukrainian Foreign Minister Dmytro Kuleba met Secretary Blinken.", "2022-04-13"),
        ("Deputy Secretary Sherman met Japan Vice Foreign Minister Mori Takeo.", "2022-05-14"),
        ("Foreign Minister Kuleba thanked Deputy Secretary of State Wendy Sherman.", "2021-12-01"),
    ]
    archive = _archive(tmp_path, [_record(1, *stories[0][:1], date=stories[0][1])])
    archive.close()
    for n, (body, day) in enumerate(stories[1:], start=2):
        path = tmp_path / f"s{n}.jsonl"
        path.write_text(json.dumps(_record(n, body, date=day)) + "\n", encoding="utf-8")
        with Archive.open(tmp_path / "home") as archive:
            assert not ingest(archive, [path]).rejected
    columns = "name, country, org, how, role, role_seen, first_seen, last_seen, articles"
    with Archive.open(tmp_path / "home") as archive:
        conn = archive.store.conn
        incremental = sorted(conn.execute(f"SELECT {columns} FROM people").fetchall())
        with conn:
            PeopleRegistry(conn).rebuild()
        recounted = sorted(conn.execute(f"SELECT {columns} FROM people").fetchall())
    assert incremental == recounted
    assert any(row[0] == "Volodymyr Zelenskyy" and row[1] == "UKR" for row in incremental)


def test_a_name_written_family_name_first_or_last_is_one_person(tmp_path: Path) -> None:
    archive = _archive(
        tmp_path,
        [
            _record(
                1, "Secretary Blinken met Japanese Foreign Minister Hayashi Yoshimasa in Tokyo."
            ),
            _record(2, "Secretary Blinken spoke with Japanese Foreign Minister Yoshimasa Hayashi."),
            _record(3, "Secretary Blinken thanked Foreign Minister Hayashi of Japan."),
        ],
    )
    with archive:
        people = _people(archive)
        named = [name for name in people if "Hayashi" in name]
        assert len(named) == 1, named
        assert people[named[0]][0] == "JPN"
        assert people[named[0]][4] == 3


def test_a_surname_seen_bare_first_joins_the_full_name_that_comes_to_dominate(
    tmp_path: Path,
) -> None:
    records = [
        _record(1, "Deputy Secretary Sherman met Foreign Minister Kuleba of Ukraine in Kyiv."),
        _record(2, "Deputy Secretary Sherman spoke with Foreign Minister Kuleba of Ukraine."),
        _record(3, "U.S. Ambassador Eugene Sherman met Canadian officials in Ottawa."),
        *(
            _record(n, "Deputy Secretary of State Wendy R. Sherman met Japanese officials.")
            for n in range(4, 9)
        ),
    ]
    archive = _archive(tmp_path, records)
    with archive:
        people = _people(archive)
        assert "Sherman" not in people
        assert people["Wendy R. Sherman"][4] == 7  # her own five and the two bare ones
        assert people["Eugene Sherman"][4] == 1


def test_a_bare_surname_of_another_country_stays_apart(tmp_path: Path) -> None:
    records = [
        _record(1, "North Korean leader Kim said the launch succeeded."),
        *(
            _record(n, "U.S. Special Representative for the DPRK Sung Kim met Japanese officials.")
            for n in range(2, 6)
        ),
    ]
    archive = _archive(tmp_path, records)
    with archive:
        people = _people(archive)
        assert people["Sung Kim"][4] == 4


def test_a_role_the_text_gives_as_past_is_not_the_current_one(tmp_path: Path) -> None:
    archive = _archive(
        tmp_path,
        [
            _record(1, "Secretary of State Antony J. Blinken met them.", date="2022-03-01"),
            _record(
                2,
                "She was a special assistant to then-Deputy Secretary of State Antony J. Blinken.",
                date="2022-07-21",
            ),
        ],
    )
    with archive:
        conn = archive.store.conn
        registry = PeopleRegistry(conn)
        (person,) = registry.find("Antony J. Blinken")
        assert (person.role, person.role_seen) == ("Secretary of State", "2022-03-01")
        columns = "name, role, role_seen, first_seen, last_seen, articles"
        incremental = conn.execute(f"SELECT {columns} FROM people").fetchall()
        with conn:
            PeopleRegistry(conn).rebuild()
        assert conn.execute(f"SELECT {columns} FROM people").fetchall() == incremental
