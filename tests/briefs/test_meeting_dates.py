"""Meeting dates typed in words resolve to the right day, or are flagged, never guessed."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefs.meeting_dates import DateResolution, MeetingDateError, long_date, resolve_date

AS_OF = date(2025, 6, 11)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("next Tuesday", date(2025, 6, 17)),
        ("Tuesday", date(2025, 6, 17)),
        ("tuesday", date(2025, 6, 17)),
        ("5 Dec", date(2025, 12, 5)),
        ("03/12", date(2025, 12, 3)),
        ("03.12", date(2025, 12, 3)),
        ("in two weeks", date(2025, 6, 25)),
        ("in 3 days", date(2025, 6, 14)),
        ("tomorrow", date(2025, 6, 12)),
        ("2025-07-01", date(2025, 7, 1)),
        ("Tuesday 15:00", date(2025, 6, 17)),
        ("5 Dec at 10am", date(2025, 12, 5)),
        ("the 5th", date(2025, 7, 5)),
    ],
)
def test_phrases_resolve_to_the_right_day(text: str, expected: date) -> None:
    resolution = resolve_date(text, as_of=AS_OF)
    assert resolution.day == expected
    assert not resolution.ambiguous


def test_russian_needs_the_language_configured() -> None:
    resolution = resolve_date("12 марта", as_of=AS_OF, languages=("en", "ru"))
    assert resolution.day == date(2026, 3, 12)  # the future March
    with pytest.raises(MeetingDateError, match=r"add its language \(e\.g\. ru\)"):
        resolve_date("12 марта", as_of=AS_OF, languages=("en",))


def test_day_order_comes_from_config() -> None:
    assert resolve_date("03/12", as_of=AS_OF, day_order="DMY").day == date(2025, 12, 3)
    assert resolve_date("03/12", as_of=AS_OF, day_order="MDY").day == date(2026, 3, 12)
    notes = resolve_date("03/12", as_of=AS_OF).notes
    assert any("day/month/year" in n for n in notes)


def test_future_is_preferred_and_today_excluded_for_weekdays() -> None:
    monday = date(2025, 6, 9)
    assert resolve_date("Monday", as_of=monday).day == date(2025, 6, 16)
    # "next Tuesday" on a Monday is the coming day: echoed back, with a note.
    resolution = resolve_date("next Tuesday", as_of=monday)
    assert resolution.day == date(2025, 6, 10)
    assert any("coming Tuesday" in n for n in resolution.notes)
    december = date(2025, 12, 10)
    assert resolve_date("5 Dec", as_of=december).day == date(2026, 12, 5)


def test_resolution_is_echoed_as_weekday_and_iso_date() -> None:
    assert (
        resolve_date("next Tuesday", as_of=AS_OF).describe() == "Tuesday 17 June 2025 (2025-06-17)"
    )
    assert long_date(date(2025, 12, 3)) == "Wednesday 3 December 2025"


@pytest.mark.parametrize(
    ("text", "precision", "start", "end"),
    [
        ("June", "month", date(2026, 6, 1), date(2026, 6, 30)),
        ("June 2025", "month", date(2025, 6, 1), date(2025, 6, 30)),
        ("next month", "month", date(2025, 7, 1), date(2025, 7, 31)),
        ("next week", "week", date(2025, 6, 16), date(2025, 6, 22)),
        ("end of month", "vague", date(2025, 6, 1), date(2025, 6, 30)),
        ("end of June", "vague", date(2025, 6, 1), date(2025, 6, 30)),
        ("mid-July", "vague", date(2025, 7, 1), date(2025, 7, 31)),
        ("2026", "year", date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_partial_dates_are_flagged_not_guessed(
    text: str, precision: str, start: date, end: date
) -> None:
    resolution = resolve_date(text, as_of=AS_OF)
    assert resolution.ambiguous and resolution.day is None
    assert (resolution.precision, resolution.start, resolution.end) == (precision, start, end)
    assert "day unknown" in resolution.describe()
    problem = resolution.problem()
    assert "ambiguous" in problem and "\n" not in problem


def test_this_month_is_offered_for_a_bare_month_name() -> None:
    notes = resolve_date("June", as_of=AS_OF).notes
    assert any("June 2025" in n for n in notes)


@pytest.mark.parametrize(
    "text", ["", "   ", "blah", "purple monkey dishwasher", "10am", "at 15:00"]
)
def test_nonsense_is_a_clear_error(text: str) -> None:
    with pytest.raises(MeetingDateError) as info:
        resolve_date(text, as_of=AS_OF)
    assert "\n" not in str(info.value)


def test_past_days_are_noted() -> None:
    resolution = resolve_date("5 Dec 2024", as_of=AS_OF)
    assert resolution.day == date(2024, 12, 5)
    assert any("in the past" in n for n in resolution.notes)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=30))
def test_any_text_resolves_or_fails_cleanly(text: str) -> None:
    try:
        resolution = resolve_date(text, as_of=AS_OF)
    except MeetingDateError as exc:
        assert "\n" not in str(exc)
        return
    assert isinstance(resolution, DateResolution)
    if resolution.day is not None:
        assert resolution.start == resolution.end == resolution.day
    elif resolution.start is not None:
        assert resolution.end is not None and resolution.start <= resolution.end


@pytest.mark.parametrize("text", ["Tuesday 2 December", "Tue, 2 Dec 2026", "Monday 02/12"])
def test_a_weekday_that_contradicts_the_date_is_refused(text: str) -> None:
    # 2 December 2026 is a Wednesday; dateparser alone reads these as that Wednesday.
    with pytest.raises(MeetingDateError, match="is a Wednesday") as info:
        resolve_date(text, as_of=date(2026, 11, 29))
    assert "\n" not in str(info.value)
    assert resolve_date("Wednesday 2 December", as_of=date(2026, 11, 29)).day == date(2026, 12, 2)


@pytest.mark.parametrize(
    "text", ["yesterday's tomorrow", "tomorrow yesterday", "next blue Tuesday"]
)
def test_a_phrase_read_only_in_part_is_refused(text: str) -> None:
    with pytest.raises(MeetingDateError, match="not a date briefroom can read"):
        resolve_date(text, as_of=AS_OF)
