"""An evaluation's reading of history is remembered at the history's version and recalled
only while it is exactly what reading history again would give (tracker/store/memo.py):
on SQLite and a real PostgreSQL, after every kind of change, and against a writer whose
change commits while a reading is being remembered."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from tests.bulkdb import build, end_of_history, official_name
from tests.helpers import database_url
from tracker.cli.report import status_json
from tracker.config import Config, parse_config
from tracker.evaluate import Evaluator
from tracker.store import corrections, memo
from tracker.store.engine import open_engine
from tracker.store.tables import EntryRow, FindingRow

OFFICIALS = 30
NOW = end_of_history() + timedelta(days=2)


@dataclass
class Store:
    config: Config
    engine: Engine
    evaluator: Evaluator
    reads: list[datetime]  # the moments history was read for (not recalled)

    def status(self, as_of: datetime = NOW, **options: Any) -> str:
        return json.dumps(status_json(self.evaluator.statuses(as_of, **options)), sort_keys=True)

    def fresh(self, as_of: datetime = NOW) -> str:
        """The same statuses read from history, by an evaluator that cannot recall."""
        before = len(self.reads)
        with self.engine.begin() as conn:
            conn.execute(text("DELETE FROM evaluation_memo"))
        out = self.status(as_of)
        assert len(self.reads) == before + 1
        return out

    def memos(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM evaluation_memo")).scalar_one())


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = database_url(request, tmp_path, "memo")
    engine = open_engine(url)
    build(engine, officials=OFFICIALS, findings=2_000)
    config = parse_config(
        {
            "database": url,
            "officials": [{"name": official_name(i), "threshold": "10d"} for i in range(OFFICIALS)],
        },
        path=None,
        env={},
    )
    evaluator = Evaluator.opened(config, engine, NOW)
    reads: list[datetime] = []
    read_history = evaluator._last_seen

    def counted(session: Session, as_of: datetime, aside: frozenset[int], most: int = 8) -> Any:
        reads.append(as_of)
        return read_history(session, as_of, aside, most)

    evaluator._last_seen = counted  # type: ignore[method-assign]
    yield Store(config, engine, evaluator, reads)
    engine.dispose()


def _finding(engine: Engine, kind: str) -> FindingRow:
    """The latest finding of `kind` of the first official with one."""
    with Session(engine) as session:
        row = session.exec(
            select(FindingRow)
            .where(col(FindingRow.kind) == kind)
            .order_by(col(FindingRow.day).desc(), col(FindingRow.id))
        ).first()
        assert row is not None
        return row


def test_a_second_status_is_recalled_and_equals_reading_history_again(store: Store) -> None:
    first = store.status()
    assert len(store.reads) == 1 and store.memos() == 1
    assert store.status() == first
    assert len(store.reads) == 1  # recalled
    assert store.status(NOW + timedelta(days=3)) == store.fresh(NOW + timedelta(days=3))
    assert store.fresh() == first


# an appearance of the official of `seen`, `days` before NOW, with an id `n` above the
# largest the writing transaction sees (bulkdb sets ids itself: no sequence to draw from)
APPEARANCE = text(
    "INSERT INTO finding (id, entry_id, official_id, kind, day, seen_at, published,"
    " sentence, cue, confidence, source) VALUES ((SELECT max(id) + :n FROM finding),"
    " :entry, :official, 'appearance', :day, :at, :at, 'Seen at a summit.', '', 0.95,"
    " 'x.example')"
)


def _appearance(engine: Engine, seen: FindingRow, days: int, n: int = 1) -> dict[str, Any]:
    """The parameters of APPEARANCE."""
    return {
        "n": n,
        "entry": seen.entry_id,
        "official": seen.official_id,
        "day": (NOW - timedelta(days=days)).date(),
        "at": _stored(engine, NOW - timedelta(days=days)),
    }


def _new_appearance(engine: Engine) -> None:
    seen = _finding(engine, "appearance")
    with engine.begin() as conn:
        conn.execute(APPEARANCE, _appearance(engine, seen, 1))


def _stored(engine: Engine, when: datetime) -> Any:
    """A time as SQLAlchemy stores it: SQLite's text always with microseconds."""
    if engine.dialect.name == "sqlite":
        return when.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    return when


def _delete_latest_appearance(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("DELETE FROM finding WHERE id = :id"), {"id": _finding(engine, "appearance").id}
        )


def _move_latest_appearance(engine: Engine) -> None:
    row = _finding(engine, "appearance")
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE finding SET day = :day WHERE id = :id"),
            {"day": row.day - timedelta(days=5), "id": row.id},
        )


def _retitle_entry(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE entry SET title = 'Corrected headline' WHERE id = :id"),
            {"id": _finding(engine, "appearance").entry_id},
        )


def _delete_entry(engine: Engine) -> None:
    entry_id = _finding(engine, "appearance").entry_id
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM finding WHERE entry_id = :id"), {"id": entry_id})
        conn.execute(text("DELETE FROM entry WHERE id = :id"), {"id": entry_id})


def _reject_latest(engine: Engine) -> None:
    with Session(engine) as session:
        corrections.reject(
            session, _finding(engine, "appearance").id or 0, reason="", author="t", now=NOW
        )


def _not_about(engine: Engine) -> None:
    absence = _finding(engine, "absence")
    with Session(engine) as session:
        entry = session.get(EntryRow, absence.entry_id)
        assert entry is not None
        corrections.not_about(session, entry, absence.official_id, reason="", author="t", now=NOW)


def _add_by_hand(engine: Engine) -> None:
    with Session(engine) as session:
        corrections.add(
            session,
            _finding(engine, "absence").official_id,
            (NOW - timedelta(days=1)).date(),
            source="television",
            note="on the evening news",
            url="",
            reason="",
            author="t",
            now=NOW - timedelta(hours=1),
        )


def _take_back_correction(engine: Engine) -> None:
    _reject_latest(engine)
    with Session(engine) as session:
        listed = corrections.listed(session)
        corrections.remove(session, listed[-1].row.id or 0, author="t", reason="", now=NOW)


def _future_dated(engine: Engine) -> None:
    """A finding published after the moment asked about: "now" no longer admits all."""
    _new_appearance(engine)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE finding SET published = :at WHERE id = (SELECT max(id) FROM finding)"),
            {"at": _stored(engine, NOW + timedelta(days=30))},
        )


# what each change does to `status` as of NOW: shows in it, or not; and whether the
# reading remembered before it may still be recalled
CHANGES: dict[str, tuple[Any, bool, bool]] = {
    "a new appearance": (_new_appearance, True, False),
    "the latest appearance deleted": (_delete_latest_appearance, True, False),
    "the latest appearance moved to another day": (_move_latest_appearance, True, False),
    "an entry retitled": (_retitle_entry, True, False),
    "an entry deleted with its findings": (_delete_entry, True, False),
    "the latest sighting rejected": (_reject_latest, True, False),
    "an absence report marked not about them": (_not_about, True, False),
    "a sighting added by hand": (_add_by_hand, True, False),
    # the same corrections in force as before, the same findings: still true
    "a rejection taken back": (_take_back_correction, False, True),
    # published after NOW: not admitted, but "now" no longer admits every finding
    "a finding published later than asked": (_future_dated, False, False),
}


@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_after_a_change_status_equals_reading_history_again(store: Store, change: str) -> None:
    make, shows, still_true = CHANGES[change]
    before = store.status()
    assert store.status() == before and len(store.reads) == 1  # remembered, recalled
    make(store.engine)
    after = store.status()
    assert len(store.reads) == (1 if still_true else 2)
    assert after == store.fresh()
    assert (after != before) is shows


def test_a_writer_committing_while_a_reading_is_remembered_is_not_hidden(store: Store) -> None:
    """The version is read before history: a change committed after it was read makes
    the reading stale, never the version wrong. Here the writer's transaction is open
    while the status is read (and remembered), and commits after."""
    store.status()
    seen = _finding(store.engine, "appearance")
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM evaluation_memo"))
    writer = store.engine.connect()
    try:
        writer.execute(APPEARANCE, _appearance(store.engine, seen, 1))
        during = store.status()  # read from history, remembered; the change not seen
        assert len(store.reads) == 2
        writer.commit()
    finally:
        writer.close()
    after = store.status()
    assert after != during
    assert after == store.fresh()


def test_without_its_triggers_nothing_is_recalled_or_remembered(store: Store) -> None:
    with store.engine.begin() as conn:
        if store.engine.dialect.name == "postgresql":
            conn.execute(text("DROP TRIGGER history_finding ON finding"))
        else:
            conn.execute(text("DROP TRIGGER history_finding_delete"))
    with Session(store.engine) as session:
        assert memo.version(session) is None
    first = store.status()
    _delete_latest_appearance(store.engine)
    assert store.status() != first
    assert len(store.reads) == 2 and store.memos() == 0


def test_an_earlier_moment_is_remembered_only_when_asked_and_a_few_at_a_time(
    store: Store,
) -> None:
    past = end_of_history() - timedelta(days=30)
    store.status(past)
    store.status(past)
    assert len(store.reads) == 2 and store.memos() == 0  # replay's moments: not kept
    asked = store.status(past, remember_past=True)
    assert store.status(past, remember_past=True) == asked and len(store.reads) == 3
    assert asked == store.fresh(past)
    for days in range(1, memo.PAST_KEPT + 3):
        store.status(past - timedelta(days=days), remember_past=True)
    store.status()  # and "now" beside them
    assert store.memos() == memo.PAST_KEPT + 1


def test_the_version_counts_each_change_and_keeps_the_latest_time(store: Store) -> None:
    with Session(store.engine) as session:
        start = memo.version(session)
    assert start is not None and start.latest is not None
    with store.engine.connect() as conn:
        newest = conn.execute(text("SELECT max(seen_at), max(published) FROM finding")).one()
    assert start.latest == max(_aware(v) for v in newest)
    _future_dated(store.engine)  # two statements, two transactions
    with Session(store.engine) as session:
        now = memo.version(session)
    assert now is not None
    assert now.number > start.number
    assert now.latest == NOW + timedelta(days=30)
    assert not now.admits_all(NOW) and now.admits_all(NOW + timedelta(days=30))


def _aware(value: Any) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def test_remembering_never_waits_for_a_busy_sqlite_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    engine = open_engine(url)
    build(engine, officials=5, findings=200)
    with Session(engine) as session:
        at = memo.version(session)
    assert at is not None
    reading = memo.Reading({}, {}, {}, {}, {})
    holder = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    try:
        holder.exec_driver_sql("BEGIN IMMEDIATE")  # another writer holds the file
        assert memo.remember(engine, "k" * 64, at, reading, past=False) is False
    finally:
        holder.exec_driver_sql("ROLLBACK")
        holder.close()
    assert memo.remember(engine, "k" * 64, at, reading, past=False) is True
    with Session(engine) as session:
        assert memo.recall(session, "k" * 64, at) == reading
    engine.dispose()


def test_on_postgresql_two_writers_wait_for_each_other_only_at_commit(
    postgres_url: str,
) -> None:
    """The version is counted at commit (deferred constraint triggers): a second writer's
    insert does not wait for the first writer's open transaction, so writers holding
    other locks cannot deadlock on the version's row; each transaction counts once."""
    from tests.pgdb import fresh_database

    engine = open_engine(fresh_database(postgres_url, "memo_writers"))
    try:
        build(engine, officials=3, findings=300)
        with Session(engine) as session:
            start = memo.version(session)
        assert start is not None
        seen = _finding(engine, "appearance")
        first, second = engine.connect(), engine.connect()
        try:
            for n, conn in ((1, first), (2, second)):
                conn.exec_driver_sql("SET LOCAL statement_timeout = '5s'")
                for offset in (0, 10):  # two statements: still one count per transaction
                    conn.execute(APPEARANCE, _appearance(engine, seen, n + offset, n=n + offset))
            second.commit()  # while the first is still open: no wait
            first.commit()
        finally:
            first.close()
            second.close()
        with Session(engine) as session:
            end = memo.version(session)
        assert end is not None and end.number == start.number + 2
        assert end.latest == NOW - timedelta(days=1)
    finally:
        engine.dispose()
