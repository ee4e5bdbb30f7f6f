"""The sane ranges of tracker/moments.py, one pure check each."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tracker.moments import check_day, check_finite, check_id, check_moment, duration_seconds


@pytest.mark.parametrize(
    "moment",
    [
        datetime(1900, 1, 1, tzinfo=UTC),
        datetime(2200, 12, 31, 23, 59, 59, tzinfo=UTC),
        datetime(2025, 10, 28, 12, 0),  # naive: UTC
    ],
)
def test_moments_from_1900_to_2200_are_kept_in_utc(moment: datetime) -> None:
    assert check_moment(moment).tzinfo is UTC


@pytest.mark.parametrize(
    "moment",
    [
        datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-5))),
        datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5))),
        datetime(1899, 12, 31, 23, 59, 59, tzinfo=UTC),
        datetime(2201, 1, 1, tzinfo=UTC),
    ],
)
def test_moments_outside_the_range_are_refused_without_overflow(moment: datetime) -> None:
    with pytest.raises(ValueError, match="out of range"):
        check_moment(moment)


def test_days_outside_the_range_are_refused() -> None:
    assert check_day(date(2200, 12, 31)) == date(2200, 12, 31)
    with pytest.raises(ValueError, match="out of range"):
        check_day(date(2201, 1, 1))


def test_durations_are_above_zero_and_at_most_a_hundred_years() -> None:
    assert duration_seconds(36525 * 86400, "36525d") == timedelta(days=36525)
    for seconds in (36525 * 86400 + 1, float("inf"), float("nan")):
        with pytest.raises(ValueError, match="longer than 100 years"):
            duration_seconds(seconds, "x")
    with pytest.raises(ValueError, match="greater than zero"):
        duration_seconds(0, "0s")


def test_ids_fit_a_64_bit_integer_and_numbers_are_finite() -> None:
    assert check_id(2**63 - 1) == 2**63 - 1
    for bad in (0, -1, 2**63):
        with pytest.raises(ValueError, match="not an id"):
            check_id(bad)
    assert check_finite(1.5) == 1.5
    with pytest.raises(ValueError, match="finite"):
        check_finite(float("nan"))
