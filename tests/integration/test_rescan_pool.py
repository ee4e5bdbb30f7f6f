"""`rescan` with recognition in the sandbox's worker processes: the same findings as in
this process, a few batches in flight at most, an entry the workers cannot read named in
one line with its findings kept, and no worker left behind by Ctrl-C."""

from __future__ import annotations

import concurrent.futures
import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from tests import bulkdb
from tests.helpers import ROOT, child_env, wait_until
from tests.pgdb import fresh_database
from tracker.config import parse_config
from tracker.domain import Entry
from tracker.jobs import Tracker
from tracker.rescan import Found, RescanError, in_process, in_workers, rescan
from tracker.sandbox import Limits, Sandbox
from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for
from tracker.store.tables import EntryRow, FindingRow

START = datetime(2025, 3, 1, tzinfo=UTC)
OFFICIALS = ["Odile Varenne", "Tomasz Kirel", "Ines Albrook"]
# invented news, each naming one or two of the invented officials
STORIES = [
    "{a} met the envoy of Portugal in Geneva on {day}. The talks lasted two hours.",
    "{a} has not been seen in public since {day}, colleagues said.",
    "On {day}, {a} and {b} visited a school in Lyon. {a} spoke to pupils.",
    "{a} will travel to Oslo next week. A spokesman for {b} declined to comment.",
    "The minister spoke at length about the harbour. Nobody named anyone.",
    "Photos showed {b} at a ceremony in Vilnius on {day}; {a} was absent.",
]


def _config(tmp_path: Path) -> Path:
    path = tmp_path / "tracker.toml"
    officials = "".join(f'[[officials]]\nname = "{name}"\n' for name in OFFICIALS)
    path.write_text(
        f'database = "sqlite:///{tmp_path / "rescan.db"}"\noutbox = "{tmp_path / "outbox"}"\n'
        + officials,
        encoding="utf-8",
    )
    return path


def _tracker(tmp_path: Path, database: str = "") -> Tracker:
    config = parse_config(
        {
            "database": database or f"sqlite:///{tmp_path / 'rescan.db'}",
            "outbox": str(tmp_path / "outbox"),
            "officials": [{"name": n} for n in OFFICIALS],
        },
        path=None,
        env={},
    )
    return Tracker(config, open_engine(config.database), now=START + timedelta(days=400))


def _store(tracker: Tracker, count: int) -> None:
    """`count` invented entries (ids 1..count), some never read."""

    def stories() -> Iterator[tuple[str, str, datetime]]:
        for e in range(1, count + 1):
            when = START + timedelta(hours=7 * e)
            a, b = OFFICIALS[e % 3], OFFICIALS[(e + 1) % 3]
            day = (when - timedelta(days=e % 4)).strftime("%B %-d")
            yield f"Story {e} about {a}", STORIES[e % len(STORIES)].format(a=a, b=b, day=day), when

    bulkdb.store_entries(
        tracker.engine, "https://news.example/rss", stories(), recognized=lambda e: e % 5 != 0
    )


def _findings(tracker: Tracker) -> list[tuple[Any, ...]]:
    """Every stored finding, by what it says (not by its row id)."""
    columns = (
        FindingRow.entry_id,
        FindingRow.official_id,
        FindingRow.kind,
        FindingRow.day,
        FindingRow.seen_at,
        FindingRow.sentence,
        FindingRow.cue,
        FindingRow.confidence,
        FindingRow.source,
    )
    with session_for(tracker.engine) as session:
        return sorted(tuple(map(str, r)) for r in session.execute(select(*columns)).all())


def _unread(tracker: Tracker) -> list[int]:
    with session_for(tracker.engine) as session:
        query = select(EntryRow.id).where(EntryRow.recognized.is_(False))
        return sorted(session.execute(query).scalars().all())


def test_findings_from_the_workers_are_those_of_recognition_in_process(tmp_path: Path) -> None:
    tracker = _tracker(tmp_path)
    try:
        _same_findings_either_way(tracker)
    finally:
        tracker.close()


@pytest.mark.postgres
def test_findings_from_the_workers_are_those_in_process_on_postgresql(
    postgres_url: str, tmp_path: Path
) -> None:
    tracker = _tracker(tmp_path, fresh_database(postgres_url, "rescan_pool"))
    try:
        _same_findings_either_way(tracker)
    finally:
        tracker.close()


def _same_findings_either_way(tracker: Tracker) -> None:
    _store(tracker, 60)
    alone = rescan(tracker, recognition=in_process(tracker))
    expected = _findings(tracker)
    assert {row[2] for row in expected} >= {"appearance", "absence", "mention"}
    pooled = rescan(tracker, batch=7, recognition=in_workers(tracker), ahead=2)
    assert (pooled.entries, pooled.findings, pooled.failed) == (60, alone.findings, ())
    assert _findings(tracker) == expected
    assert _unread(tracker) == []


class _Counted(concurrent.futures.Future[Found]):
    """A batch's recognition, counted as in flight until rescan takes its result."""

    def __init__(self, counts: dict[str, int]) -> None:
        super().__init__()
        self.counts = counts
        self.taken = False

    def result(self, timeout: float | None = None) -> Found:
        if not self.taken:
            self.taken = True
            self.counts["in flight"] -= 1
        return super().result(timeout)


@pytest.mark.parametrize("ahead", [1, 3])
def test_no_more_than_the_batches_ahead_are_in_flight(tmp_path: Path, ahead: int) -> None:
    tracker = _tracker(tmp_path)
    try:
        _store(tracker, 40)
        counts = {"in flight": 0, "most": 0, "batches": 0}
        workers = in_workers(tracker)

        def recognition(entries: Sequence[Entry]) -> concurrent.futures.Future[Found]:
            counts["in flight"] += 1
            counts["batches"] += 1
            counts["most"] = max(counts["most"], counts["in flight"])
            counted = _Counted(counts)
            counted.set_result(workers(entries).result())
            return counted

        result = rescan(tracker, batch=4, recognition=recognition, ahead=ahead)
        assert result.entries == 40
        assert (counts["batches"], counts["most"], counts["in flight"]) == (10, ahead, 0)
    finally:
        tracker.close()


def test_an_entry_the_workers_cannot_read_is_named_and_keeps_its_findings(
    tmp_path: Path,
) -> None:
    tracker = _tracker(tmp_path)
    try:
        _store(tracker, 30)
        first = rescan(tracker, recognition=in_process(tracker))
        before = _findings(tracker)
        twelve = [row for row in before if row[0] == "12"]
        assert twelve
        # entry 12, unread, now tells of 20,000 meetings: seconds of work, far past its limit
        long = f"{OFFICIALS[0]} met the envoy in Geneva on May 3. " * 20_000
        with session_for(tracker.engine) as session:
            session.execute(
                update(EntryRow).where(EntryRow.id == 12).values(recognized=False, text=long)
            )
            session.execute(FindingRow.__table__.delete().where(FindingRow.entry_id != 12))  # type: ignore[attr-defined]
            session.commit()
        tracker.sandbox = Sandbox(tracker.config.officials, Limits(seconds=1, seconds_per_mb=0))
        result = rescan(tracker, batch=10, recognition=in_workers(tracker))
        assert len(result.failed) == 1, result.failed
        line = result.failed[0]
        assert line == (
            "entry 12 (https://news.example/12): recognition took longer than 1 s (938 KB);"
            " stopped; its findings were kept"
        )
        assert result.entries == 29 and result.findings == first.findings - len(twelve)
        assert _findings(tracker) == before  # the others rewritten, entry 12's kept
        assert _unread(tracker) == [12]
    finally:
        tracker.close()


def test_workers_that_read_nothing_stop_the_rescan_before_its_batch_is_written(
    tmp_path: Path,
) -> None:
    tracker = _tracker(tmp_path)
    try:
        _store(tracker, 12)
        rescan(tracker, recognition=in_process(tracker))
        before = _findings(tracker)
        tracker.sandbox.close()  # every task now fails at once
        with pytest.raises(RescanError, match=r"every entry of ids 1-5: shutting down"):
            rescan(tracker, batch=5, recognition=in_workers(tracker))
        assert _findings(tracker) == before
    finally:
        tracker.close()


def _session_processes(session_id: int) -> list[str]:
    """The processes of a session (its leader started with start_new_session)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session_id:
            found.append(stat.parent.name)
    return found


# `python -m tracker ARGS` with SIGINT as a terminal's foreground job has it. Started in
# the background by a non-interactive shell (as CI may run the suite), every process
# inherits SIGINT ignored, and Python leaves an inherited ignore alone: the Ctrl-C would
# never arrive and the rescan would run to its end.
_AS_FROM_A_TERMINAL = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.executable, [sys.executable, '-m', 'tracker', *sys.argv[1:]])"
)


def test_ctrl_c_leaves_no_worker_process_behind(tmp_path: Path) -> None:
    config = _config(tmp_path)
    tracker = _tracker(tmp_path)
    _store(tracker, 20_000)  # more than a loaded machine rescans before the Ctrl-C comes
    tracker.close()
    env = child_env()
    process = subprocess.Popen(
        [sys.executable, "-c", _AS_FROM_A_TERMINAL, "--config", str(config), "rescan"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        # the CLI, the forkserver and its workers: recognition has started
        assert wait_until(lambda: len(_session_processes(process.pid)) >= 4, timeout=60)
        os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()  # reaped here, not by the garbage collector in a later test
    assert process.returncode != 0 and "rescanned" not in out, out + err
    assert "Traceback" not in err, err
    assert wait_until(lambda: _session_processes(process.pid) == [], timeout=10), (
        _session_processes(process.pid)
    )
