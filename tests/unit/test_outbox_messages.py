"""A message's identity is fixed when it is first tried, whatever is due with it later."""

from __future__ import annotations

from datetime import UTC, datetime

from tracker.notify.message import group_message_id
from tracker.notify.outbox import messages
from tracker.store.tables import AlertRow

WHEN = datetime(2025, 11, 8, 12, tzinfo=UTC)


def _row(id: int, sent: str | None = None) -> AlertRow:
    return AlertRow(
        id=id,
        official_id=id,
        kind="silent",
        episode="2025-10-28",
        created_at=WHEN,
        as_of=WHEN,
        subject=f"alert {id}",
        body="",
        message_id=f"<tracker-silent-{id}@tracker.invalid>",
        sent_message_id=sent,
    )


def test_new_alerts_due_together_are_one_message_named_after_the_first() -> None:
    [(mid, alerts)] = messages([_row(1), _row(2)], group=True)
    assert (
        mid
        == "<tracker-group-silent-1@tracker.invalid>"
        == group_message_id("<tracker-silent-1@tracker.invalid>")
    )
    assert [a.id for a in alerts] == [1, 2]


def test_a_re_send_keeps_its_message_and_id_whatever_else_is_due() -> None:
    group = "<tracker-group-silent-1@tracker.invalid>"
    out = messages([_row(1, group), _row(3), _row(2, group)], group=True)
    assert [(mid, [a.id for a in alerts]) for mid, alerts in out] == [
        (group, [1, 2]),
        ("<tracker-silent-3@tracker.invalid>", [3]),
    ]


def test_without_grouping_each_alert_is_its_own_message() -> None:
    out = messages([_row(1), _row(2)], group=False)
    assert [mid for mid, _alerts in out] == [
        "<tracker-silent-1@tracker.invalid>",
        "<tracker-silent-2@tracker.invalid>",
    ]
