"""`rescan` in batches: the same findings as reading every entry afresh, whatever the
batch size; only the officials asked for are touched; old unread entries get read."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from tests.helpers import DEMO_CONFIG, SEEDS
from tracker.config import load_config
from tracker.jobs import Tracker
from tracker.rescan import rescan
from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for
from tracker.store.tables import EntryRow, FindingRow

NOW = datetime(2025, 12, 1, tzinfo=UTC)
Row = tuple[str, int, str, str, str, str, float, str]


def _tracker(tmp_path: Path) -> Tracker:
    config = load_config(DEMO_CONFIG)
    config = replace(config, database=f"sqlite:///{tmp_path / 'rescan.db'}", outbox=tmp_path)
    return Tracker(config, open_engine(config.database), now=NOW)


def _findings(tracker: Tracker) -> list[Row]:
    """Every stored finding, by what it says (not by its row id)."""
    columns = (
        EntryRow.key,
        FindingRow.official_id,
        FindingRow.kind,
        FindingRow.day,
        FindingRow.seen_at,
        FindingRow.sentence,
        FindingRow.confidence,
        FindingRow.source,
    )
    with session_for(tracker.engine) as session:
        rows = session.execute(
            select(*columns).join(EntryRow, EntryRow.id == FindingRow.entry_id)
        ).all()
    return sorted((k, o, kind, str(d), str(s), t, c, src) for k, o, kind, d, s, t, c, src in rows)


@pytest.fixture
def imported(tmp_path: Path) -> Tracker:
    tracker = _tracker(tmp_path)
    tracker.import_paths([SEEDS], NOW)
    return tracker


@pytest.mark.parametrize("batch", [1, 7, 500])
def test_rescanning_everyone_gives_back_the_findings_of_the_first_reading(
    imported: Tracker, batch: int
) -> None:
    before = _findings(imported)
    assert len(before) > 50
    with session_for(imported.engine) as session:
        session.execute(delete(FindingRow))
        session.commit()
    result = rescan(imported, batch=batch)
    assert result.findings == len(before)
    assert _findings(imported) == before
    assert rescan(imported, batch=batch).findings == len(before)  # replaced, not doubled
    assert _findings(imported) == before
    imported.close()


def test_rescanning_one_official_leaves_the_others_alone(imported: Tracker) -> None:
    before = _findings(imported)
    lavrov = imported.ids["Sergey Lavrov"]
    others = [r for r in before if r[1] != lavrov]
    with session_for(imported.engine) as session:
        session.execute(delete(FindingRow).where(FindingRow.official_id == lavrov))
        # someone else's finding, wrong on purpose: rescanning Lavrov must not fix it
        session.execute(update(FindingRow).where(FindingRow.official_id != lavrov).values(cue="x"))
        session.commit()
    result = rescan(imported, ["Sergey Lavrov"], batch=4)
    after = _findings(imported)
    assert result.findings == len(before) - len(others) > 0
    assert after == before
    with session_for(imported.engine) as session:
        cues = set(
            session.execute(select(FindingRow.cue).where(FindingRow.official_id != lavrov))
            .scalars()
            .all()
        )
    assert cues == {"x"}
    imported.close()


def test_entries_never_read_are_marked_read_by_a_rescan_of_everyone(imported: Tracker) -> None:
    with session_for(imported.engine) as session:
        session.execute(update(EntryRow).where(EntryRow.id % 3 == 0).values(recognized=False))
        session.commit()
    rescan(imported, ["Sergey Lavrov"], batch=5)  # not everyone: they stay unread
    with session_for(imported.engine) as session:
        unread = session.execute(select(EntryRow.id).where(EntryRow.recognized.is_(False))).all()
    assert unread
    rescan(imported, batch=5)
    with session_for(imported.engine) as session:
        unread = session.execute(select(EntryRow.id).where(EntryRow.recognized.is_(False))).all()
    assert unread == []
    imported.close()
