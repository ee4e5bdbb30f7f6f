"""Alert lifecycle, adaptive thresholds and awaited replies: pure functions over plain data."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tracker.alerting import AlertState, Policy, decide, decide_await
from tracker.awaits import Await, AwaitPhase, await_status
from tracker.domain import AlertKind, Official, Sighting
from tracker.silence import evaluate
from tracker.thresholds import AdaptivePolicy, threshold_for

LAVROV = Official("Sergey Lavrov", threshold=timedelta(days=10))
T0 = datetime(2025, 10, 28, 12, tzinfo=UTC)


def seen(day: date, text: str = "He spoke.", published: datetime | None = None) -> Sighting:
    at = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    return Sighting("Sergey Lavrov", day, at, published or at, "u", "t", text)


def status_at(as_of: datetime, *sightings: Sighting):  # type: ignore[no-untyped-def]
    return evaluate(LAVROV, list(sightings) or [seen(T0.date())], as_of)


DAYS = timedelta(days=1)
OPEN = AlertState(open_episode="2025-10-28", opened_at=T0 + 10 * DAYS)


@pytest.mark.parametrize(
    ("as_of", "state", "policy", "kind", "episode"),
    [
        (T0 + 9 * DAYS, AlertState(), Policy(), None, None),
        (T0 + 10 * DAYS, AlertState(), Policy(), AlertKind.SILENT, "2025-10-28"),
        (T0 + 11 * DAYS, OPEN, Policy(), None, None),
        (T0 + 11 * DAYS, OPEN, Policy(repeat_every=3 * DAYS), None, None),
        (
            T0 + 13 * DAYS,
            OPEN,
            Policy(repeat_every=3 * DAYS),
            AlertKind.REPEAT,
            "2025-10-28#repeat1",
        ),
        (
            T0 + 16 * DAYS,
            AlertState("2025-10-28", T0 + 10 * DAYS, repeats=1),
            Policy(repeat_every=3 * DAYS),
            AlertKind.REPEAT,
            "2025-10-28#repeat2",
        ),
        (
            T0 + 15 * DAYS,
            AlertState("2025-10-28", T0 + 10 * DAYS, repeats=1),
            Policy(repeat_every=3 * DAYS),
            None,
            None,
        ),
        # after an outage of many periods: one reminder for the period we are in
        (
            T0 + 40 * DAYS,
            AlertState("2025-10-28", T0 + 10 * DAYS, repeats=1),
            Policy(repeat_every=3 * DAYS),
            AlertKind.REPEAT,
            "2025-10-28#repeat10",
        ),
        (T0 + 13 * DAYS, OPEN, Policy(repeat_every=None), None, None),
        (T0 + 8 * DAYS, AlertState(), Policy(early_warning=0.75), AlertKind.QUIET, "2025-10-28"),
        (
            T0 + 8 * DAYS,
            AlertState(warned_episode="2025-10-28"),
            Policy(early_warning=0.75),
            None,
            None,
        ),
        (T0 + 7 * DAYS, AlertState(), Policy(early_warning=0.75), None, None),
        (T0 + 12 * DAYS, AlertState(muted_until=T0 + 20 * DAYS), Policy(), None, None),
        (
            T0 + 21 * DAYS,
            AlertState(muted_until=T0 + 20 * DAYS),
            Policy(),
            AlertKind.SILENT,
            "2025-10-28",
        ),
    ],
)
def test_silence_lifecycle(
    as_of: datetime, state: AlertState, policy: Policy, kind: AlertKind | None, episode: str | None
) -> None:
    decision = decide(status_at(as_of), state, as_of, policy)
    assert (decision.kind if decision else None) == kind
    assert (decision.episode if decision else None) == episode


def test_reappearance_resolves_the_open_episode_once() -> None:
    as_of = datetime(2025, 11, 26, tzinfo=UTC)
    back = status_at(as_of, seen(T0.date()), seen(date(2025, 11, 25)))
    decision = decide(back, OPEN, as_of)
    assert (
        decision is not None
        and decision.kind is AlertKind.SEEN_AGAIN
        and decision.episode == "2025-10-28"
    )
    assert decide(back, AlertState(), as_of) is None
    assert (
        decide(back, AlertState(open_episode="2025-10-28", muted_until=as_of + DAYS), as_of) is None
    )


# --- adaptive thresholds -------------------------------------------------------------

AS_OF = datetime(2025, 12, 31, 12, tzinfo=UTC)
POLICY = AdaptivePolicy()


def history(step_days: list[int]) -> list[date]:
    day, out = date(2025, 10, 1), []
    for step in step_days:
        day += timedelta(days=step)
        out.append(day)
    return out


@pytest.mark.parametrize(
    ("name", "days", "expected"),
    [
        ("daily", history([1] * 80), timedelta(days=4)),
        ("weekly", history([7] * 12), timedelta(days=28)),
        # gaps 5 2 9 3 2 14 1 4: median 3.5 days
        ("irregular", history([1, 5, 2, 9, 3, 2, 14, 1, 4]), timedelta(days=14)),
        ("monthly, capped", history([30, 31, 30]), timedelta(days=7)),  # too few gaps: fixed
        ("every other day", history([2] * 30), timedelta(days=8)),
    ],
)
def test_adaptive_threshold_learns_each_rhythm(
    name: str, days: list[date], expected: timedelta
) -> None:
    got = threshold_for(timedelta(days=7), POLICY, days, AS_OF)
    assert got.value == expected, got.how
    assert got.how


def test_adaptive_threshold_is_bounded_and_explained() -> None:
    sparse = history([20, 20, 20, 20, 5])  # median 20 days x 4 = 80 -> capped at 30
    got = threshold_for(
        timedelta(days=7), AdaptivePolicy(window=timedelta(days=365)), sparse, AS_OF
    )
    assert got.value == timedelta(days=30) and "bounded" in got.how
    dense = threshold_for(
        timedelta(days=7), AdaptivePolicy(floor=timedelta(days=5)), history([1] * 80), AS_OF
    )
    assert dense.value == timedelta(days=5)
    assert threshold_for(timedelta(days=7), None, [], AS_OF).how == "fixed 7d"


# --- awaited replies -----------------------------------------------------------------

WATCH = Await(
    "Sergey Lavrov", datetime(2013, 2, 12, 12, tzinfo=UTC), timedelta(hours=72), ("Kerry",)
)
CALL = seen(date(2013, 2, 17), "Kerry and Lavrov spoke by phone on Sunday.")
OTHER = seen(date(2013, 2, 14), "Lavrov met the president of Mozambique.")


@pytest.mark.parametrize(
    ("as_of", "sightings", "phase"),
    [
        (datetime(2013, 2, 14, tzinfo=UTC), [OTHER], AwaitPhase.OPEN),
        (datetime(2013, 2, 15, 12, tzinfo=UTC), [OTHER], AwaitPhase.OVERDUE),
        (datetime(2013, 2, 18, tzinfo=UTC), [OTHER, CALL], AwaitPhase.MET_LATE),
        (datetime(2013, 2, 16, tzinfo=UTC), [OTHER, CALL], AwaitPhase.OVERDUE),  # not published yet
        (
            datetime(2013, 2, 18, tzinfo=UTC),
            [seen(date(2013, 2, 13), "Lavrov called Kerry back.")],
            AwaitPhase.MET,
        ),
    ],
)
def test_awaited_reply_phases(
    as_of: datetime, sightings: list[Sighting], phase: AwaitPhase
) -> None:
    assert await_status(WATCH, sightings, as_of).phase is phase


def test_awaited_reply_fires_once_and_closes_once() -> None:
    status = evaluate(LAVROV, [OTHER], datetime(2013, 2, 16, tzinfo=UTC))
    overdue = await_status(WATCH, [OTHER], datetime(2013, 2, 16, tzinfo=UTC))
    fired = decide_await(overdue, status, overdue_sent=False, closed_sent=False)
    assert fired is not None and fired.kind is AlertKind.AWAIT_OVERDUE
    assert decide_await(overdue, status, overdue_sent=True, closed_sent=False) is None
    late = await_status(WATCH, [OTHER, CALL], datetime(2013, 2, 18, tzinfo=UTC))
    closed = decide_await(late, status, overdue_sent=True, closed_sent=False)
    assert (
        closed is not None
        and closed.kind is AlertKind.AWAIT_MET
        and closed.episode == fired.episode
    )
    assert decide_await(late, status, overdue_sent=True, closed_sent=True) is None
    assert decide_await(late, status, overdue_sent=False, closed_sent=False) is None
