"""The per-official bounds travel as JSON (tracker/store/last_seen.py) and are compared
in SQL with stored values: a time must be written exactly as the database stores one
(SQLite: SQLAlchemy's naive-UTC text; PostgreSQL: ISO 8601 with its offset), a day as
YYYY-MM-DD, an id as a number."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy.dialects import sqlite

from tracker.store.last_seen import _payload, _stored

TIMES = [
    datetime(2025, 10, 28, 23, 59, 59, 999999, tzinfo=UTC),
    datetime(2025, 10, 28, 12, 0, tzinfo=UTC),  # no microseconds: still written
    datetime(2025, 10, 29, 1, 30, tzinfo=timezone(timedelta(hours=3))),  # not UTC
    datetime(1, 1, 2, tzinfo=UTC),  # "before any publication"
    datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC),
]


@pytest.mark.parametrize("value", TIMES, ids=str)
def test_a_time_is_written_as_sqlite_stores_one(value: datetime) -> None:
    stored = sqlite.DATETIME().bind_processor(sqlite.dialect())
    assert stored is not None
    assert _stored(value, postgres=False) == stored(value.astimezone(UTC).replace(tzinfo=None))


@pytest.mark.parametrize("value", TIMES, ids=str)
def test_a_time_is_written_for_postgresql_as_iso_8601_in_utc(value: datetime) -> None:
    text = _stored(value, postgres=True)
    assert datetime.fromisoformat(text) == value
    assert text.endswith("+00:00")


class _Session:
    def __init__(self, dialect: str) -> None:
        self.dialect = dialect

    def get_bind(self) -> Any:
        return type("Bind", (), {"dialect": type("Dialect", (), {"name": self.dialect})})()


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_rows_become_objects_with_ids_days_and_times_in_the_databases_form(
    dialect: str,
) -> None:
    rows = [(7, date(2025, 10, 28), TIMES[2]), (12, date(9999, 12, 31), TIMES[3])]
    out = json.loads(_payload(_Session(dialect), ("official_id", "day", "after"), rows))  # type: ignore[arg-type]
    assert out == [
        {"official_id": 7, "day": "2025-10-28", "after": _stored(TIMES[2], dialect != "sqlite")},
        {"official_id": 12, "day": "9999-12-31", "after": _stored(TIMES[3], dialect != "sqlite")},
    ]
    assert json.loads(_payload(_Session(dialect), ("official_id",), [])) == []  # type: ignore[arg-type]
