"""Messages say it all in the subject, carry the evidence, and cannot be injected."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes, policy

import pytest

from tracker.alerting import AlertState, decide
from tracker.domain import AlertDecision, AlertKind, Official, Sighting
from tracker.notify.message import Context, Part, Report, compose, one_line, render
from tracker.silence import evaluate

AS_OF = datetime(2025, 11, 12, 12, tzinfo=UTC)


def _decision(
    name: str = "Sergey Lavrov", title: str = "Lavrov in Minsk", text: str = "He spoke in Minsk."
) -> AlertDecision:
    official = Official(name, threshold=timedelta(days=10))
    seen = Sighting(
        name,
        date(2025, 10, 28),
        datetime(2025, 10, 28, 12, tzinfo=UTC),
        datetime(2025, 10, 28, 14, tzinfo=UTC),
        "https://n.example/1",
        title,
        text,
    )
    decision = decide(evaluate(official, [seen], AS_OF), AlertState(), AS_OF)
    assert decision is not None
    return decision


def _parsed(*decisions: AlertDecision, context: Context | None = None):  # type: ignore[no-untyped-def]
    parts = []
    for d in decisions:
        r = render(d, context)
        parts.append(Part(r.subject, r.text, r.html, r.message_id, d.kind.value))
    raw = compose(
        parts, sender="t@example.org", recipients=["d@example.org"], when=AS_OF
    ).as_bytes()
    return message_from_bytes(raw, policy=policy.default)


def test_subject_says_who_how_long_and_the_threshold() -> None:
    rendered = render(_decision())
    assert rendered.subject == "[tracker] Sergey Lavrov silent for 15 days (threshold 10d)"
    assert "Last seen:  2025-10-28" in rendered.text and "He spoke in Minsk." in rendered.text
    assert (
        "https://n.example/1" in rendered.text and 'tracker mute "Sergey Lavrov"' in rendered.text
    )


def test_message_has_plain_and_html_parts_with_evidence_timeline_and_reports() -> None:
    context = Context(
        recent=(
            Sighting(
                "Sergey Lavrov",
                date(2025, 10, 27),
                AS_OF,
                AS_OF,
                "https://n.example/0",
                "t",
                "He met Choe.",
            ),
        ),
        reports=(
            Report(
                "absence",
                date(2025, 11, 5),
                "He was absent from the Security Council.",
                "https://n.example/2",
            ),
        ),
    )
    message = _parsed(_decision(), context=context)
    plain = message.get_body(("plain",)).get_content()
    rich = message.get_body(("html",)).get_content()
    for part in (plain, rich):
        assert (
            "He spoke in Minsk." in part
            and "He met Choe." in part
            and "absent from the Security Council" in part
        )
    assert '<a href="https://n.example/1">' in rich and "<img" not in rich


def test_message_id_is_stable_for_the_same_alert() -> None:
    assert render(_decision()).message_id == render(_decision()).message_id
    assert render(_decision()).message_id != render(_decision("Marco Rubio")).message_id


def test_two_alerts_due_together_go_out_as_one_message() -> None:
    message = _parsed(_decision(), _decision("Choe Son Hui"))
    assert str(message["Subject"]).startswith("[tracker] 2 alerts: Sergey Lavrov silent")
    assert "Choe Son Hui" in message.get_body(("plain",)).get_content()
    assert len(str(message["X-Tracker-Alerts"]).split()) == 2


@pytest.mark.parametrize(
    ("name", "title", "text"),
    [
        ("Evil\r\nBcc: victim@example.org", "x", "y"),
        ("Sergey Lavrov", "x\nSubject: spoofed", "y"),
        (
            "Sergey Lavrov",
            "<script>alert(1)</script>",
            "<b>bold</b> & <img src=x onerror=alert(1)>",
        ),
        ("Sergey Lavrov " + "L" * 5000, "T" * 5000, "S" * 20000),
    ],
)
def test_feed_text_cannot_inject_headers_or_markup(name: str, title: str, text: str) -> None:
    message = _parsed(_decision(name, title, text))
    assert message["Bcc"] is None and len(message.get_all("Subject") or []) == 1
    assert "\n" not in str(message["Subject"]) and len(str(message["Subject"])) <= 250
    rich = message.get_body(("html",)).get_content()
    assert "<script>" not in rich and "<img" not in rich and "<b>bold" not in rich
    if "<script>" in title:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rich
    plain = message.get_body(("plain",)).get_content()
    assert all(len(line) < 1200 for line in plain.splitlines())


def test_kinds_have_their_own_subjects() -> None:
    base = _decision()
    again = AlertDecision("Sergey Lavrov", AlertKind.SEEN_AGAIN, "2025-10-28", base.status)
    assert (
        render(again, Context(previous_last_seen=date(2025, 10, 20))).subject
        == "[tracker] Sergey Lavrov seen again on 2025-10-28 after 8 days"
    )
    repeat = AlertDecision("Sergey Lavrov", AlertKind.REPEAT, "2025-10-28#repeat1", base.status)
    assert render(repeat).subject.startswith("[tracker] still silent: Sergey Lavrov")


def _report(n: int) -> Report:
    return Report(
        "absence", date(2025, 11, 1), f"Not seen since Oct 28 ({n}).", "https://www.tass.ru/a"
    )


def test_counts_count_the_reports_not_the_ones_shown() -> None:
    eleven = render(_decision(), Context(reports=(_report(1),) * 8, report_count=11))
    assert "Since then (11 reports; the latest 8):" in eleven.text
    assert "Since then (11 reports; the latest 8):" in eleven.html
    one = render(_decision(), Context(reports=(_report(1),), report_count=1))
    assert "Since then (1 report):" in one.text


def test_the_outlet_is_named_beside_each_link_in_the_plain_text() -> None:
    recent = Sighting(
        "Sergey Lavrov",
        date(2025, 10, 28),
        datetime(2025, 10, 28, 12, tzinfo=UTC),
        datetime(2025, 10, 28, 14, tzinfo=UTC),
        "https://edition.cnn.com/x",
        "Lavrov in Minsk",
        "He spoke.",
    )
    text = render(_decision(), Context(recent=(recent,), reports=(_report(1),))).text
    assert "— Lavrov in Minsk (n.example)\n    https://n.example/1" in text  # the evidence
    assert "    — tass.ru\n      https://www.tass.ru/a" in text  # a report without a title
    assert "(cnn.com)\n      https://edition.cnn.com/x" in text


def test_a_follow_up_replies_to_its_episodes_first_message() -> None:
    r = render(_decision())
    first = "<tracker-silent-abc@tracker.invalid>"
    part = Part(r.subject, r.text, r.html, r.message_id, "repeat", thread=first)
    message = compose([part], sender="t@example.org", recipients=["d@example.org"], when=AS_OF)
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    assert parsed["In-Reply-To"] == first and parsed["References"] == first
    assert parsed["Message-ID"] == r.message_id
    alone = compose(
        [Part(r.subject, r.text, r.html, r.message_id)],
        sender="t@example.org",
        recipients=["d@example.org"],
        when=AS_OF,
    )
    assert alone["In-Reply-To"] is None and alone["References"] is None


@pytest.mark.parametrize("hidden", ["\u202e", "\u200b", "\x07", "\u2066", "\ufeff"])
def test_control_bidi_and_zero_width_characters_never_reach_a_header(hidden: str) -> None:
    message = _parsed(_decision(name=f"Sergey{hidden} Lavrov{hidden}"))
    assert hidden not in str(message["Subject"])
    assert str(message["Subject"]).startswith("[tracker] Sergey Lavrov silent")


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Lavrov met Wang Yi in Beijing.", 300, "Lavrov met Wang Yi in Beijing."),
        ("Jean-Noël Barrot à Genève", 300, "Jean-Noël Barrot à Genève"),
        ("王毅在北京会见", 300, "王毅在北京会见"),
        ("two\nlines\r\n and\ttabs", 300, "two lines and tabs"),
        ("evil\u202egnp.exe and zero\u200bwidth", 300, "evilgnp.exe and zerowidth"),
        ("bell\x07 and nul\x00", 300, "bell and nul"),
        ("no\u00a0break\u2028line", 300, "no break line"),
        ("a long headline", 7, "a long…"),
    ],
)
def test_one_line_drops_controls_and_folds_whitespace(text: str, limit: int, expected: str) -> None:
    assert one_line(text, limit) == expected
