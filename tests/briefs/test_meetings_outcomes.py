"""Meetings as records: our side and delegations stored, the table migrated in place,
outcomes recorded, and what the pair summary and the next brief take from them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import search.archive
from briefs.brief import build_brief
from briefs.meeting_model import Delegate, Meeting, delegates
from briefs.meeting_store import (
    add_meeting,
    find_meeting,
    get_meeting,
    list_meetings,
    previous_meeting,
    remove_meeting,
)
from briefs.outcomes import (
    Outcome,
    OutcomeError,
    date_reader,
    ensure_tables,
    get_outcome,
    outcome_history,
    parse_agreed,
    parse_follow_up,
    record_outcome,
)
from briefs.relations import pair_summary
from briefs.render import brief_from_yaml, brief_to_yaml, render_markdown
from search.archive import Archive
from search.ingest import ingest
from search.store import Store

DATA = Path(__file__).resolve().parents[1] / "data"
READ = date_reader(date(2025, 6, 17))


@pytest.fixture
def archive_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    with Archive.open(home) as archive:
        ingest(archive, [DATA / "seed.txt", DATA / "sample.jsonl"])
    return home


def _store(home: Path) -> Store:
    return Store.open(search.archive.store_location(home))  # patched for a team store


# --------------------------------------------------------------------------- parsing


def test_follow_up_is_parsed_and_validated() -> None:
    item = parse_follow_up("Halvorsen: send the draft MoU by 1 July", READ)
    assert (item.owner, item.text, item.due) == ("Halvorsen", "send the draft MoU", "2025-07-01")
    # "by" inside the task: the last one gives the date.
    item = parse_follow_up("MFA: agree the text by email by next Friday", READ)
    assert item.text == "agree the text by email" and item.due == "2025-06-20"
    assert parse_follow_up("Embassy: report by June", READ).due == "2025-06-30"  # end of it
    for bad, needle in (
        ("send the MoU by 1 July", "WHO: WHAT by DATE"),
        ("Halvorsen: send the MoU", "no due date"),
        ("Halvorsen: send the MoU by blorfday", "due date"),
        ("Halvorsen: by 1 July", "nothing to do"),
    ):
        with pytest.raises(OutcomeError) as exc:
            parse_follow_up(bad, READ)
        message = str(exc.value)
        assert message.startswith("--follow-up") and needle in message and "\n" not in message


def test_agreed_item_with_optional_owner_and_date() -> None:
    item = parse_agreed("Norway: open a consulate in Almaty by 1 December", READ)
    assert (item.owner, item.text, item.due) == (
        "Norway",
        "open a consulate in Almaty",
        "2025-12-01",
    )
    item = parse_agreed("a road map agreed by both sides", READ)
    assert (item.owner, item.text, item.due) == (None, "a road map agreed by both sides", None)
    with pytest.raises(OutcomeError, match="--agreed"):
        parse_agreed("  ", READ)


# --------------------------------------------------------------------------- store


def test_old_meetings_table_is_migrated_and_nothing_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    store = Store.open(path)
    store.conn.executescript(
        """
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY, country TEXT NOT NULL, date TEXT NOT NULL,
            date_text TEXT NOT NULL DEFAULT '', title TEXT, place TEXT, format TEXT,
            participants TEXT NOT NULL DEFAULT '[]', purpose TEXT,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
        INSERT INTO meetings (country, date, date_text, title, participants)
        VALUES ('NOR', '2025-06-17', 'next Tuesday', 'Old one', '["Audun Halvorsen"]');
        """
    )
    store.close()
    # Read-only, before any write: the old table reads, new fields empty.
    readonly = Store.open(path, readonly=True)
    [old] = list_meetings(readonly)
    assert (old.title, old.participants, old.home, old.ours, old.status) == (
        "Old one", ("Audun Halvorsen",), None, (), None,
    )  # fmt: skip
    readonly.close()
    store = Store.open(path)
    new = add_meeting(store, Meeting("KAZ", "2025-07-01", home="NOR", ours=delegates(["A B"])))
    ensure_tables(store)
    ensure_tables(store)  # idempotent
    assert [m.id for m in list_meetings(store)] == [old.id, new.id]
    assert get_meeting(store, old.id) == old  # the old row as it was: home None
    assert get_meeting(store, new.id).home == "NOR"
    # A side filter keeps the meetings stored without a side (the configured one's).
    assert [m.id for m in list_meetings(store, home="USA")] == [old.id]
    store.close()


def test_delegations_matched_against_the_registry(archive_home: Path) -> None:
    store = _store(archive_home)
    stored = add_meeting(
        store,
        Meeting(
            "NOR", "2025-06-17", "next Tuesday", home="KAZ",
            ours=delegates(["Vassilenko"]), theirs=delegates(["Audun Halvorsen", "Jane Roe"]),
        ),
    )  # fmt: skip
    [ours] = stored.ours
    assert ours.name == "Roman Vassilenko" and ours.typed == "Vassilenko"
    assert ours.known and ours.country == "KAZ" and ours.role
    halvorsen, roe = stored.theirs
    assert halvorsen.known and halvorsen.country == "NOR" and halvorsen.role
    assert roe == Delegate("Jane Roe", "Jane Roe")  # unknown: kept as typed
    assert get_meeting(store, stored.id) == stored
    store.close()


def test_outcome_recorded_kept_and_removed_with_its_meeting(archive_home: Path) -> None:
    store = _store(archive_home)
    meeting = add_meeting(store, Meeting("NOR", "2025-06-17"))  # stored without a side
    with pytest.raises(OutcomeError, match="--status"):
        record_outcome(store, Outcome(meeting.id, "maybe"))
    with pytest.raises(OutcomeError, match="no meeting 999"):
        record_outcome(store, Outcome(999, "held"))
    first = record_outcome(store, Outcome(meeting.id, "postponed"), home="KAZ", author="me")
    assert get_meeting(store, meeting.id).home == "KAZ"  # given the side it was meant for
    items = (parse_agreed("energy working group", READ),
             parse_follow_up("Halvorsen: send the MoU by 1 July", READ))  # fmt: skip
    second = record_outcome(store, Outcome(meeting.id, "held", "Good talks", items), home="USA")
    assert get_meeting(store, meeting.id).home == "KAZ"  # a stored side is never changed
    assert get_outcome(store, meeting.id) == second and second.status == "held"
    assert [o.id for o in outcome_history(store, meeting.id)] == [first.id, second.id]
    assert get_meeting(store, meeting.id).status == "held"
    assert remove_meeting(store, meeting.id)
    assert get_outcome(store, meeting.id) is None and outcome_history(store, meeting.id) == []
    # The next meeting (which may reuse the id) starts without an outcome.
    again = add_meeting(store, Meeting("NOR", "2025-08-01"))
    assert get_outcome(store, again.id) is None
    store.close()


def test_postponed_meeting_is_not_the_last_meeting(archive_home: Path) -> None:
    store = _store(archive_home)
    held = add_meeting(store, Meeting("NOR", "2025-05-01", home="KAZ"))
    later = add_meeting(store, Meeting("NOR", "2025-06-01", home="KAZ"))
    other_side = add_meeting(store, Meeting("NOR", "2025-06-05", home="USA"))
    record_outcome(store, Outcome(held.id, "held"))
    record_outcome(store, Outcome(later.id, "postponed"))
    assert previous_meeting(store, "NOR", date(2025, 7, 1), home="KAZ").id == held.id
    assert previous_meeting(store, "NOR", date(2025, 7, 1)).id == other_side.id
    assert find_meeting(store, "NOR", "2025-06-05", home="KAZ") is None
    store.close()


# --------------------------------------------------------------------------- the archive


def test_held_meeting_enters_the_ledger_register_and_next_brief(archive_home: Path) -> None:
    store = _store(archive_home)
    before = pair_summary(store, "KAZ", "NOR")
    meeting = add_meeting(
        store,
        Meeting("NOR", "2025-06-17", "next Tuesday", title="Consultations", place="Oslo",
                format="consultations", home="KAZ", ours=delegates(["Roman Vassilenko"]),
                theirs=delegates(["Audun Halvorsen"])),
    )  # fmt: skip
    items = (
        parse_agreed("Norway: open a consulate in Almaty by 1 December", READ),
        parse_agreed("a joint working group on energy", READ),
        parse_follow_up("Halvorsen: send the draft MoU by 1 July", READ),
    )
    record_outcome(store, Outcome(meeting.id, "held", "Good talks", items))
    summary = pair_summary(store, "KAZ", "NOR")
    [recorded] = [e for e in summary.engagements if e.recorded]
    assert (
        recorded.by_analyst and recorded.date == "2025-06-17" and recorded.type == "consultations"
    )
    assert recorded.participants == {"KAZ": ("Roman Vassilenko",), "NOR": ("Audun Halvorsen",)}
    assert recorded.sources[0].article == f"meeting:{meeting.id}"
    assert summary.engagements_total == before.engagements_total + 1
    agreed = [c for c in summary.commitments if c.recorded]
    assert [(c.owner, c.due, c.side) for c in agreed] == [
        ("Norway", "2025-12-01", ("NOR",)),
        (None, None, ()),
    ]
    assert summary.commitments_total == before.commitments_total + 2
    # Same pair, the other way round: the same records.
    assert [e.recorded for e in pair_summary(store, "NOR", "KAZ").engagements].count(True) == 1
    # The next meeting's brief starts from the outcome.
    nxt = add_meeting(store, Meeting("NOR", "2025-09-01", "1 Sep", home="KAZ"))
    brief = build_brief(store, nxt, "KAZ", date(2025, 8, 1))
    last = brief.commitments.last_meeting
    assert [i.label for i in last.items] == ["Agreed", "Agreed", "Follow-up, overdue"]
    assert "Halvorsen: send the draft MoU (due 2025-07-01, overdue)" == last.items[2].text
    assert "1 overdue" in (last.note or "")
    assert brief.engagements.note.startswith("Since the meeting of 2025-06-17")
    assert brief.background.items[0].label == "Last meeting"
    assert "outcome recorded in briefroom" in brief.background.items[0].text
    cited = {brief.sources[n - 1].article for i in last.items for n in i.cite}
    assert cited == {f"meeting:{meeting.id}"}
    markdown = render_markdown(brief)
    assert "**Follow-ups from the last meeting**" in markdown
    assert brief_from_yaml(brief_to_yaml(brief)) == brief  # the YAML keeps the new part
    store.close()


def test_brief_uses_the_meeting_delegations(archive_home: Path) -> None:
    store = _store(archive_home)
    meeting = add_meeting(
        store,
        Meeting("NOR", "2025-06-17", home="KAZ", purpose="Prepare the visit",
                ours=delegates(["Vassilenko"]), theirs=delegates(["Audun Halvorsen", "Jane Roe"])),
    )  # fmt: skip
    brief = build_brief(store, meeting, "KAZ", date(2025, 6, 11))
    assert [p.name for p in brief.participants.ours] == ["Roman Vassilenko"]
    assert [p.name for p in brief.participants.theirs] == ["Audun Halvorsen", "Jane Roe"]
    assert brief.participants.ours[0].role and brief.participants.theirs[0].role
    assert "not found" in (brief.participants.theirs[1].note or "")
    assert brief.purpose.items[0].text == "Prepare the visit"
    assert brief.meeting.attendees == ("Audun Halvorsen", "Jane Roe")
    # No outcome recorded for a previous meeting: no follow-ups part.
    assert brief.commitments.last_meeting.items == ()
    store.close()


def test_outcome_reads_from_a_read_only_store(archive_home: Path) -> None:
    store = _store(archive_home)
    meeting = add_meeting(store, Meeting("NOR", "2025-06-17", home="KAZ"))
    record_outcome(store, Outcome(meeting.id, "cancelled", "Weather"))
    store.close()
    readonly = Store.open(search.archive.store_location(archive_home), readonly=True)
    assert get_outcome(readonly, meeting.id).note == "Weather"
    assert get_meeting(readonly, meeting.id).status == "cancelled"
    readonly.close()
