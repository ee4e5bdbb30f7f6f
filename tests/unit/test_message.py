from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes

from tracker.alerting import AlertState, decide
from tracker.domain import Official, Sighting
from tracker.notify.message import render
from tracker.notify.outbox import build_email
from tracker.silence import evaluate
from tracker.store.tables import AlertRow


def _decision(name: str = "Sergey Lavrov", title: str = "Lavrov in Minsk"):  # type: ignore[no-untyped-def]
    official = Official(name, threshold=timedelta(days=10))
    seen = Sighting(
        name,
        date(2025, 10, 28),
        datetime(2025, 10, 28, 12, tzinfo=UTC),
        datetime(2025, 10, 28, 14, tzinfo=UTC),
        "https://n.example/1",
        title,
        "He spoke in Minsk.",
    )
    status = evaluate(official, [seen], datetime(2025, 11, 12, 12, tzinfo=UTC))
    decision = decide(status, AlertState())
    assert decision is not None
    return decision


def test_subject_says_who_how_long_and_the_threshold() -> None:
    rendered = render(_decision())
    assert rendered.subject == "[tracker] Sergey Lavrov silent for 15 days (threshold 10d)"
    assert "Last seen:  2025-10-28" in rendered.body and "He spoke in Minsk." in rendered.body
    assert "https://n.example/1" in rendered.body


def test_message_id_is_stable_for_the_same_alert() -> None:
    assert render(_decision()).message_id == render(_decision()).message_id
    assert render(_decision()).message_id != render(_decision("Marco Rubio")).message_id


def test_feed_text_cannot_inject_headers() -> None:
    rendered = render(
        _decision(name="Evil\r\nBcc: victim@example.org", title="x\nSubject: spoofed")
    )
    alert = AlertRow(
        official_id=1,
        kind="silent",
        episode="e",
        created_at=datetime(2025, 11, 12, tzinfo=UTC),
        as_of=datetime(2025, 11, 12, tzinfo=UTC),
        subject=rendered.subject,
        body=rendered.body,
        message_id=rendered.message_id,
    )
    parsed = message_from_bytes(build_email(alert, "t@example.org", ("d@example.org",)).as_bytes())
    assert parsed["Bcc"] is None
    assert parsed.get_all("Subject") is not None and len(parsed.get_all("Subject")) == 1
    assert "Evil Bcc: victim@example.org" in str(parsed["Subject"])
