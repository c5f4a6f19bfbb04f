"""The seed-based brief: Kazakhstan and Norway, built with the real ingest pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from briefs.brief import Brief, BriefInputError, Item, Person, build_brief
from briefs.meeting_model import Meeting
from briefs.meeting_store import add_meeting
from search.archive import Archive
from search.ingest import ingest

DATA = Path(__file__).resolve().parents[1] / "data"
AS_OF = date(2025, 6, 11)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    home = tmp_path_factory.mktemp("archive")
    archive = Archive.open(home)
    report = ingest(archive, [DATA / "seed.txt", DATA / "sample.jsonl"])
    assert not report.rejected
    yield archive
    archive.close()


@pytest.fixture(scope="module")
def seed_id(archive: Archive) -> str:
    row = archive.store.conn.execute(
        "SELECT id FROM articles WHERE body LIKE '%Vassilenko%' AND body LIKE '%Halvorsen%'"
    ).fetchone()
    return str(row[0])


def _brief(archive: Archive, home: str = "KAZ", country: str = "NOR", **kw: Any) -> Brief:
    meeting = Meeting(country, "2025-06-17", "next Tuesday", **kw)
    return build_brief(archive.store, meeting, home, AS_OF)


def _cited(brief: Brief, numbers: tuple[int, ...]) -> set[str]:
    by_n = {s.n: s for s in brief.sources}
    return {by_n[n].article for n in numbers}


def _bullets(value: Any) -> Iterator[Item | Person]:
    if isinstance(value, (Item, Person)):
        yield value
    elif is_dataclass(value):
        for f in fields(value):
            yield from _bullets(getattr(value, f.name))
    elif isinstance(value, tuple):
        for v in value:
            yield from _bullets(v)


def test_participants_with_roles_and_last_contact(archive: Archive, seed_id: str) -> None:
    brief = _brief(archive)
    ours = {p.name: p for p in brief.participants.ours}
    theirs = {p.name: p for p in brief.participants.theirs}
    assert ours["Roman Vassilenko"].role == "Deputy Foreign Minister"
    halvorsen = theirs["Audun Halvorsen"]
    assert halvorsen.role == "State Secretary at the Ministry of Foreign Affairs"
    assert "consultations in Oslo" in (halvorsen.last_contact or "")
    for person in (ours["Roman Vassilenko"], halvorsen):
        assert person.cite and _cited(brief, person.cite) == {seed_id}


def test_last_meeting_is_the_oslo_consultations(archive: Archive, seed_id: str) -> None:
    brief = _brief(archive)
    last = brief.background.items[0]
    assert last.label == "Last meeting"
    assert last.text.startswith("Consultations in Oslo")
    assert "Roman Vassilenko" in last.text and "Audun Halvorsen" in last.text
    assert last.date == "undated"  # the seed is undated: nothing invented
    assert _cited(brief, last.cite) == {seed_id}
    sentence = next(s.sentence for s in brief.sources if s.n == last.cite[0])
    assert "consultations in Oslo" in sentence
    assert any(e.text.startswith("Consultations in Oslo") for e in brief.engagements.items)


def test_commitments_each_cited_to_the_seed(archive: Archive, seed_id: str) -> None:
    brief = _brief(archive)
    c = brief.commitments
    everything = c.ours + c.theirs + c.joint
    texts = " | ".join(i.text for i in everything)
    assert "intend to develop comprehensive political, trade, economic cooperation" in texts
    assert "agreed to expand the partnership between the expert communities" in texts
    assert "mutual support for elections in a number of UN bodies" in texts
    assert any("establishing ties with the Kazakh MPs" in i.text for i in c.theirs)
    by_n = {s.n: s for s in brief.sources}
    for item in everything:
        assert item.cite and _cited(brief, item.cite) == {seed_id}
        assert item.text.rstrip("…")[:40] in by_n[item.cite[0]].sentence
    assert c.follow_ups


def test_their_asks_come_from_the_counterparts_own_requests(archive: Archive, seed_id: str) -> None:
    # Home Norway: Kazakhstan is the counterpart, and its diplomat "called on" Norway.
    brief = _brief(archive, home="NOR", country="KAZ")
    requests = [i for i in brief.asks.items if i.label == "Request"]
    assert requests and "called on the Norwegian side" in requests[0].text
    assert _cited(brief, requests[0].cite) == {seed_id}
    # Home Kazakhstan: that call is ours, not an ask of Norway's.
    assert not any(i.label == "Request" for i in _brief(archive).asks.items)


def test_every_generated_bullet_is_cited(archive: Archive) -> None:
    brief = _brief(archive)
    numbers = {s.n for s in brief.sources}
    assert numbers == set(range(1, len(brief.sources) + 1))
    for bullet in _bullets(brief):
        if bullet in brief.purpose.items:
            continue  # the user's own words
        if isinstance(bullet, Person) and bullet.note:
            continue
        assert bullet.cite, bullet
        assert set(bullet.cite) <= numbers
    for source in brief.sources:
        assert source.sentence and source.article and source.title


def test_background_does_not_repeat_commitments(archive: Archive) -> None:
    brief = _brief(archive)
    by_n = {s.n: s.sentence for s in brief.sources}
    promised = {
        by_n[n] for item in brief.commitments.joint + brief.commitments.theirs for n in item.cite
    }
    facts = [i for i in brief.background.items if i.label != "Last meeting"]
    assert facts and not {by_n[n] for item in facts for n in item.cite} & promised


def test_sections_the_archive_cannot_fill_are_left_to_the_author(archive: Archive) -> None:
    brief = _brief(archive)
    assert brief.purpose.todo and not brief.purpose.items
    assert brief.sensitivities.todo and not brief.sensitivities.items
    assert all(issue.todo for issue in brief.issues.items)


def test_purpose_and_unknown_participants(archive: Archive) -> None:
    brief = _brief(
        archive,
        purpose="Prepare the minister's visit",
        participants=("Audun Halvorsen", "Kari Nordmann"),
    )
    assert brief.purpose.items[0].text == "Prepare the minister's visit"
    theirs = {p.name: p for p in brief.participants.theirs}
    assert theirs["Audun Halvorsen"].role
    assert theirs["Kari Nordmann"].role is None
    assert "not found" in (theirs["Kari Nordmann"].note or "")
    assert brief.meeting.attendees == ("Audun Halvorsen", "Kari Nordmann")


def test_key_issues_from_the_pairs_topics(archive: Archive, seed_id: str) -> None:
    brief = _brief(archive)
    labels = [i.issue for i in brief.issues.items]
    assert "Nuclear disarmament and non-proliferation" in labels
    for issue in brief.issues.items:
        for fact in issue.facts:
            assert _cited(brief, fact.cite) == {seed_id}


def test_nothing_after_the_as_of_date(archive: Archive) -> None:
    early = date(2022, 1, 1)
    meeting = Meeting("USA", "2022-01-10", "10 Jan")
    brief = build_brief(archive.store, meeting, "KAZ", early)
    dates = [
        b.date for b in _bullets(brief) if isinstance(b, Item) and b.date not in (None, "undated")
    ]
    assert dates and all(d <= early.isoformat() for d in dates)
    assert brief.prepared.last_date and brief.prepared.last_date <= early.isoformat()
    assert (
        0
        < brief.prepared.articles
        < len(archive.store.conn.execute("SELECT 1 FROM articles").fetchall())
    )
    later = build_brief(archive.store, meeting, "KAZ", date(2023, 1, 1))
    assert any(b.date and b.date > "2022" for b in _bullets(later) if isinstance(b, Item))


def test_engagements_since_the_last_recorded_meeting(tmp_path: Path) -> None:
    archive = Archive.open(tmp_path / "home")
    ingest(archive, [DATA / "sample.jsonl"])
    add_meeting(archive.store, Meeting("USA", "2022-01-01", "1 Jan"))
    brief = build_brief(archive.store, Meeting("USA", "2022-06-01"), "KAZ", date(2022, 5, 30))
    assert "Since the meeting of 2022-01-01" in (brief.engagements.note or "")
    assert all(i.date and i.date >= "2022-01-01" for i in brief.engagements.items)
    archive.close()


def test_a_pair_with_nothing_in_the_archive(archive: Archive) -> None:
    brief = _brief(archive, home="KAZ", country="BRA")
    assert brief.background.todo and brief.asks.todo and brief.commitments.todo
    assert brief.prepared.articles == 0
    # Only the counterpart's own profile cites anything: Brazil's articles without us.
    assert brief.counterpart is not None
    profile_cites = {n for bullet in _bullets(brief.counterpart) for n in bullet.cite} | {
        n for item in brief.glance.items for n in item.cite
    }
    assert profile_cites == {s.n for s in brief.sources}


def test_our_own_side_is_not_a_counterpart(archive: Archive) -> None:
    with pytest.raises(BriefInputError):
        _brief(archive, home="NOR", country="NOR")


def test_build_is_deterministic(archive: Archive) -> None:
    assert _brief(archive) == _brief(archive)


def test_a_delegate_named_shorter_than_the_registry_knows_is_proposed(tmp_path: Path) -> None:
    """The meeting names "Wendy Sherman"; the archive knows her as "Wendy R. Sherman"."""
    import json

    source = "U.S. Department of State (press releases)"
    records = [
        {
            "id": "full-name",
            "title": "Deputy Secretary Sherman's Call with Vietnamese Foreign Minister",
            "date": "2022-05-01",
            "source": source,
            "body": "Deputy Secretary of State Wendy R. Sherman spoke today with Vietnamese "
            "Foreign Minister Bui Thanh Son about the U.S.-Vietnam partnership.",
        },
        {
            "id": "short-name",
            "title": "Deputy Secretary Sherman's Meetings in Vietnam",
            "date": "2022-06-14",
            "source": source,
            "body": "U.S. Deputy Secretary of State Wendy Sherman met yesterday in Hanoi with "
            "Vietnamese Foreign Minister Bui Thanh Son.",
        },
    ]
    path = tmp_path / "vn.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    archive = Archive.open(tmp_path / "home")
    try:
        assert not ingest(archive, [path]).rejected
        meeting = Meeting("VNM", "2022-06-20", "2022-06-20")
        brief = build_brief(archive.store, meeting, "USA", date(2022, 6, 15))
    finally:
        archive.close()
    (sherman,) = brief.participants.ours
    assert "Sherman" in sherman.name
    assert "Hanoi" in (sherman.last_contact or "")
