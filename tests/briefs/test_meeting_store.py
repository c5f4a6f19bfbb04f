"""Stored meetings: the meetings table, created by briefs on the store connection."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefs.meeting_model import Meeting, days_left_text
from briefs.meeting_store import (
    add_meeting,
    find_meeting,
    get_meeting,
    list_meetings,
    previous_meeting,
    remove_meeting,
)
from search.store import Store


def _store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "archive.sqlite3")


def test_add_list_remove(tmp_path: Path) -> None:
    store = _store(tmp_path)
    assert list_meetings(store) == []  # no table yet: no meetings, no error
    first = add_meeting(
        store,
        Meeting(
            "NOR",
            "2025-06-17",
            "next Tuesday",
            title="Consultations",
            place="Oslo",
            participants=("Audun Halvorsen",),
        ),
    )
    second = add_meeting(store, Meeting("KAZ", "2025-06-12", "tomorrow"))
    assert first.id and second.id and first.id != second.id
    assert [m.id for m in list_meetings(store)] == [second.id, first.id]  # soonest first
    assert get_meeting(store, first.id) == first
    assert list_meetings(store, country="NOR") == [first]
    assert list_meetings(store, since=date(2025, 6, 13)) == [first]
    assert find_meeting(store, "NOR", "2025-06-17") == first
    assert find_meeting(store, "NOR", "2025-06-18") is None
    assert remove_meeting(store, first.id) is True
    assert remove_meeting(store, first.id) is False
    assert get_meeting(store, first.id) is None
    store.close()


def test_meetings_survive_reopening(tmp_path: Path) -> None:
    store = _store(tmp_path)
    added = add_meeting(
        store, Meeting("NOR", "2025-06-17", "next Tuesday", purpose="Prepare visit")
    )
    store.close()
    store = _store(tmp_path)
    assert list_meetings(store) == [added]
    store.close()


def test_previous_meeting(tmp_path: Path) -> None:
    store = _store(tmp_path)
    add_meeting(store, Meeting("NOR", "2025-01-10"))
    march = add_meeting(store, Meeting("NOR", "2025-03-05"))
    add_meeting(store, Meeting("KAZ", "2025-04-01"))
    add_meeting(store, Meeting("NOR", "2025-06-17"))
    assert previous_meeting(store, "NOR", date(2025, 6, 17)) == march
    assert previous_meeting(store, "NOR", date(2025, 1, 10)) is None
    store.close()


def test_days_left() -> None:
    meeting = Meeting("NOR", "2025-06-17")
    assert meeting.days_left(date(2025, 6, 11)) == 6
    assert days_left_text(6) == "in 6 days"
    assert days_left_text(0) == "today"
    assert days_left_text(1) == "tomorrow"
    assert days_left_text(-3) == "3 days ago"


def test_read_only_store_without_table(tmp_path: Path) -> None:
    _store(tmp_path).close()
    store = Store.open(tmp_path / "archive.sqlite3", readonly=True)
    assert list_meetings(store) == []
    assert get_meeting(store, 1) is None
    assert remove_meeting(store, 1) is False
    store.close()
