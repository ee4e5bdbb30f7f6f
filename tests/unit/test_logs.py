"""Daemon logs for people: one line per evaluation, and JSON lines for log shippers."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta

import pytest

from tracker.daemon import evaluation_line
from tracker.domain import OfficialStatus, Status
from tracker.logs import JsonFormatter
from tracker.notify.outbox import DeliveryReport

NOW = datetime(2025, 11, 8, tzinfo=UTC)


def _status(name: str, status: Status) -> OfficialStatus:
    return OfficialStatus(name, status, NOW, timedelta(days=10), None, None)


@pytest.mark.parametrize(
    ("statuses", "before", "due", "expected"),
    [
        (
            [_status("Sergey Lavrov", Status.SILENT), _status("Maria Zakharova", Status.OK)],
            {"Sergey Lavrov": "ok", "Maria Zakharova": "ok"},
            1,
            "evaluated 2 officials (1 ok, 1 silent); 1 status change (Sergey Lavrov ok -> silent);"
            " 1 alert due, 0 delivered, 0 failed",
        ),
        (
            [_status("Sergey Lavrov", Status.OK)],
            {},  # the first evaluation: nothing to compare with
            0,
            "evaluated 1 official (1 ok); 0 status changes; 0 alerts due, 0 delivered, 0 failed",
        ),
        (
            [],
            {},
            0,
            "evaluated 0 officials (none); 0 status changes; 0 alerts due, 0 delivered, 0 failed",
        ),
    ],
)
def test_an_evaluation_is_told_in_one_line(
    statuses: list[OfficialStatus], before: dict[str, str], due: int, expected: str
) -> None:
    assert evaluation_line(statuses, before, due, DeliveryReport()) == expected


def test_json_lines_carry_the_time_level_message_and_extra_fields() -> None:
    record = logging.makeLogRecord(
        {"name": "tracker.daemon", "levelno": logging.WARNING, "levelname": "WARNING",
         "msg": "feed failed: %s", "args": ("Northwire",), "created": NOW.timestamp(),
         "feed": "Northwire", "url": "https://northwire.invalid/rss"}
    )  # fmt: skip
    line = json.loads(JsonFormatter().format(record))
    assert line == {
        "time": "2025-11-08T00:00:00.000+00:00",
        "level": "warning",
        "logger": "tracker.daemon",
        "message": "feed failed: Northwire",
        "feed": "Northwire",
        "url": "https://northwire.invalid/rss",
    }
