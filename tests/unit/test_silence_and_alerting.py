"""Silence and alert decisions are plain functions of stored facts and `as_of`."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tracker.alerting import AlertState, decide
from tracker.domain import AlertKind, Official, Sighting, Status
from tracker.silence import by_urgency, evaluate

LAVROV = Official("Sergey Lavrov", threshold=timedelta(days=10))


def sighting(day: date, published: datetime | None = None) -> Sighting:
    seen = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    return Sighting("Sergey Lavrov", day, seen, published or seen, "u", "t", "s")


OCT28 = sighting(date(2025, 10, 28))
# an article of Nov 10 that dates his last appearance to Oct 28
BACKDATED = sighting(date(2025, 10, 28), datetime(2025, 11, 10, 9, tzinfo=UTC))
NOV25 = sighting(date(2025, 11, 25))


@pytest.mark.parametrize(
    ("as_of", "status", "last_seen"),
    [
        (datetime(2025, 10, 30, tzinfo=UTC), Status.OK, date(2025, 10, 28)),
        (datetime(2025, 11, 7, 11, tzinfo=UTC), Status.OK, date(2025, 10, 28)),
        (datetime(2025, 11, 7, 12, tzinfo=UTC), Status.SILENT, date(2025, 10, 28)),
        (datetime(2025, 11, 12, tzinfo=UTC), Status.SILENT, date(2025, 10, 28)),
        (datetime(2025, 11, 26, tzinfo=UTC), Status.OK, date(2025, 11, 25)),
        (datetime(2025, 10, 1, tzinfo=UTC), Status.UNSEEN, None),
    ],
)
def test_status_as_of_counts_only_what_was_published_by_then(
    as_of: datetime, status: Status, last_seen: date | None
) -> None:
    result = evaluate(
        LAVROV, [OCT28, BACKDATED, NOV25], as_of, watching_since=datetime(2025, 9, 1, tzinfo=UTC)
    )
    assert (result.status, result.last_seen) == (status, last_seen)


def test_unseen_silence_counts_from_when_watching_began() -> None:
    since = datetime(2025, 11, 1, tzinfo=UTC)
    result = evaluate(LAVROV, [], datetime(2025, 11, 4, tzinfo=UTC), watching_since=since)
    assert result.status is Status.UNSEEN and result.silent_for == timedelta(days=3)


@pytest.mark.parametrize(("sightings", "status"), [([OCT28], Status.OK), ([], Status.UNSEEN)])
def test_a_learned_threshold_replaces_the_officials_own(
    sightings: list[Sighting], status: Status
) -> None:
    """Silent after 10 days by his own threshold; 20 learned days keep him ok on Nov 12."""
    as_of = datetime(2025, 11, 12, tzinfo=UTC)
    since = datetime(2025, 11, 1, tzinfo=UTC)
    learned = timedelta(days=20)
    result = evaluate(
        LAVROV, sightings, as_of, watching_since=since, threshold=learned, threshold_how="learned"
    )
    assert (result.status, result.threshold, result.threshold_how) == (status, learned, "learned")
    assert evaluate(LAVROV, [OCT28], as_of).status is Status.SILENT


def test_urgency_puts_the_longest_overdue_first() -> None:
    as_of = datetime(2025, 12, 1, tzinfo=UTC)
    a = evaluate(LAVROV, [OCT28], as_of)
    b = evaluate(Official("B", threshold=timedelta(days=30)), [], as_of)
    c = evaluate(LAVROV, [NOV25], as_of)
    d = evaluate(Official("Sergey Lavrov", threshold=timedelta(days=2)), [NOV25], as_of)
    assert [s.status for s in by_urgency([c, b, a, d])] == [
        Status.SILENT,
        Status.SILENT,
        Status.UNSEEN,
        Status.OK,
    ]
    assert by_urgency([d, a])[0] is a  # 34 days of a 10-day threshold beats 6 of 2


def test_alert_fires_once_per_episode_and_resolves_with_seen_again() -> None:
    silent = evaluate(LAVROV, [OCT28], datetime(2025, 11, 12, tzinfo=UTC))
    fired = decide(silent, AlertState())
    assert fired is not None and fired.kind is AlertKind.SILENT and fired.episode == "2025-10-28"
    assert decide(silent, AlertState(open_episode="2025-10-28")) is None
    back = evaluate(LAVROV, [OCT28, NOV25], datetime(2025, 11, 26, tzinfo=UTC))
    resolved = decide(back, AlertState(open_episode="2025-10-28"))
    assert (
        resolved is not None
        and resolved.kind is AlertKind.SEEN_AGAIN
        and resolved.episode == "2025-10-28"
    )
    assert decide(back, AlertState()) is None


def test_unseen_officials_raise_no_alert() -> None:
    unseen = evaluate(
        LAVROV,
        [],
        datetime(2025, 11, 26, tzinfo=UTC),
        watching_since=datetime(2025, 1, 1, tzinfo=UTC),
    )
    assert decide(unseen, AlertState()) is None
