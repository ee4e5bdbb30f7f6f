"""Deliver state, not a backlog: which alerts go out now and which were overtaken."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tracker.notify.plan import Outgoing, Receipt, missed_note, outcome, plan

NOW = datetime(2025, 11, 25, 12, tzinfo=UTC)
LEASE = timedelta(minutes=10)


def _alert(id: int, kind: str, days_ago: float, **kw: object) -> Outgoing:
    fields: dict[str, object] = {
        "official": "1",
        "episode": "2025-10-28",
        "route": "desk@example.org",
        "state": "pending",
        "subject": f"[tracker] {kind} #{id}",
    }
    fields.update(kw)
    return Outgoing(id, kind=kind, as_of=NOW - timedelta(days=days_ago), **fields)  # type: ignore[arg-type]


def test_a_lone_pending_alert_is_sent_when_due() -> None:
    assert plan([_alert(1, "silent", 1)], NOW, LEASE).send == (1,)


def test_an_alert_waiting_for_its_retry_is_not_sent_yet() -> None:
    waiting = _alert(1, "silent", 1, next_attempt_at=NOW + timedelta(seconds=15))
    result = plan([waiting], NOW, LEASE)
    assert result.send == () and result.superseded == ()


def test_seen_again_supersedes_the_undelivered_silent_alert_and_says_what_was_missed() -> None:
    silent = _alert(
        1,
        "silent",
        18,
        next_attempt_at=NOW + timedelta(seconds=15),
        last_error="smtp://127.0.0.1:2525: Connection refused",
    )
    again = _alert(2, "seen_again", 0)
    result = plan([again, silent], NOW, LEASE)
    assert result.send == (2,)
    [gone] = result.superseded
    assert (gone.id, gone.by) == (1, 2)
    assert "superseded by #2" in gone.reason and "Connection refused" in gone.reason
    assert "[tracker] silent #1" in gone.missed and "not delivered: smtp://" in gone.missed
    assert "2025-11-07 12:00 UTC" in gone.missed  # when its news happened


def test_a_reminder_supersedes_an_older_reminder_but_not_another_officials_alert() -> None:
    result = plan(
        [
            _alert(1, "silent", 10),
            _alert(2, "repeat", 3, episode="2025-10-28#repeat1"),
            _alert(3, "silent", 2, official="2"),
        ],
        NOW,
        LEASE,
    )
    assert result.send == (2, 3)  # in the order their events happened
    assert [(s.id, s.by) for s in result.superseded] == [(1, 2)]


def test_routes_and_awaited_replies_are_streams_of_their_own() -> None:
    result = plan(
        [
            _alert(1, "silent", 5),
            _alert(2, "silent", 5, route="russia-desk@example.org"),
            _alert(3, "await_overdue", 4, episode="kerry"),
            _alert(4, "await_met", 1, episode="kerry"),
            _alert(5, "await_overdue", 1, episode="other"),
            _alert(6, "seen_again", 0),
        ],
        NOW,
        LEASE,
    )
    assert sorted(result.send) == [2, 4, 5, 6]
    assert sorted((s.id, s.by) for s in result.superseded) == [(1, 6), (3, 4)]


def test_a_successor_waits_while_its_predecessor_is_being_sent() -> None:
    sending = _alert(1, "silent", 1, state="sending", claimed_at=NOW - timedelta(minutes=1))
    result = plan([sending, _alert(2, "seen_again", 0)], NOW, LEASE)
    assert result.send == () and result.superseded == () and result.held == (2,)


def test_an_abandoned_send_past_its_lease_is_superseded_by_its_successor() -> None:
    abandoned = _alert(1, "silent", 1, state="sending", claimed_at=NOW - timedelta(hours=1))
    result = plan([abandoned, _alert(2, "seen_again", 0)], NOW, LEASE)
    assert result.send == (2,) and [s.id for s in result.superseded] == [1]


def test_an_abandoned_send_without_successor_is_sent_again() -> None:
    abandoned = _alert(1, "silent", 1, state="sending", claimed_at=NOW - timedelta(hours=1))
    assert plan([abandoned], NOW, LEASE).send == (1,)


def test_the_missed_note_counts_what_it_lists() -> None:
    assert missed_note([]) == ""
    assert "supersedes it:" in missed_note(["a"])
    assert "supersedes them (2):" in missed_note(["a", "b"])


def test_a_temporary_refusal_is_retried_for_that_recipient_only() -> None:
    result = outcome(
        Receipt(
            "smtp://mx:25",
            accepted=("desk@example.org",),
            deferred=(("later@example.org", "451 4.3.0 try again later"),),
            refused=(("gone@example.org", "550 5.1.1 no such user"),),
        )
    )
    assert result.state == "pending" and result.owed == ("later@example.org",)
    assert result.refused == ("gone@example.org: 550 5.1.1 no such user",)
    assert result.error is not None and "later@example.org: 451" in result.error


def test_a_permanent_refusal_of_some_recipients_still_delivers_to_the_others() -> None:
    result = outcome(
        Receipt("smtp://mx:25", ("desk@example.org",), (), (("gone@example.org", "550 no"),))
    )
    assert (result.state, result.owed, result.refused) == (
        "delivered",
        (),
        ("gone@example.org: 550 no",),
    )


def test_every_recipient_refused_for_good_fails_for_good() -> None:
    result = outcome(Receipt("smtp://mx:25", (), (), (("gone@example.org", "550 no"),)))
    assert result.state == "failed"
