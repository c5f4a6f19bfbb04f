"""Date phrases typed by people (search filters, --since/--until, --as-of)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search.dates import DateError, DateRange, parse_range

AS_OF = date(2019, 6, 15)  # a Saturday


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("2019-05", date(2019, 5, 1), date(2019, 5, 31)),
        ("2019-5", date(2019, 5, 1), date(2019, 5, 31)),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29)),
        ("2019-03-12", date(2019, 3, 12), date(2019, 3, 12)),
        ('"2019-03-12"', date(2019, 3, 12), date(2019, 3, 12)),
        ("last month", date(2019, 5, 1), date(2019, 5, 31)),
        ("last year", date(2018, 1, 1), date(2018, 12, 31)),
        ("this year", date(2019, 1, 1), date(2019, 12, 31)),
        ("last week", date(2019, 6, 3), date(2019, 6, 9)),
        ("yesterday", date(2019, 6, 14), date(2019, 6, 14)),
        ("today", date(2019, 6, 15), date(2019, 6, 15)),
        ("2 weeks ago", date(2019, 6, 1), date(2019, 6, 1)),
        ("1 year ago", date(2018, 6, 15), date(2018, 6, 15)),
        ("March 2019", date(2019, 3, 1), date(2019, 3, 31)),
        ("12 March 2019", date(2019, 3, 12), date(2019, 3, 12)),
        ("03/12/2019", date(2019, 12, 3), date(2019, 12, 3)),  # day first
        ("5 Dec", date(2018, 12, 5), date(2018, 12, 5)),  # the last 5 December
        ("May", date(2019, 5, 1), date(2019, 5, 31)),
    ],
)
def test_phrases(text: str, start: date, end: date) -> None:
    assert parse_range(text, as_of=AS_OF) == DateRange(start, end)


@pytest.mark.parametrize("text", ["", "  ", "nonsense", "2019-13", "2019-02-30", "2019-00-10",
                                  "last month Norway", "2018 budget"])  # fmt: skip
def test_not_dates(text: str) -> None:
    with pytest.raises(DateError):
        parse_range(text, as_of=AS_OF)


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_a_range_or_a_date_error(text: str) -> None:
    try:
        span = parse_range(text, as_of=AS_OF)
    except DateError:
        return
    assert span.start <= span.end


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_iso_days_round_trip(day: date) -> None:
    assert parse_range(day.isoformat()) == DateRange(day, day)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Tuesday 2 December 2026", "is a Wednesday"),
        ("yesterday's tomorrow", "not a date briefroom can read"),
    ],
)
def test_query_dates_flag_what_they_would_guess(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_range(text, as_of=date(2026, 12, 2))
