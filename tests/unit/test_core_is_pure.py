"""The core decides over plain data: no database, network, mail, scheduler or clock."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "tracker"
CORE = [
    "domain.py",
    "durations.py",
    "moments.py",
    "silence.py",
    "corroborate.py",
    "alerting.py",
    "notify/message.py",
    "notify/plan.py",
    "web/timeline.py",
    *[f"recognize/{p.name}" for p in (PACKAGE / "recognize").glob("*.py")],
]
FORBIDDEN = {
    "httpx",
    "sqlmodel",
    "sqlalchemy",
    "smtplib",
    "feedparser",
    "apscheduler",
    "socket",
    "tracker.store",
    "tracker.feeds",
    "tracker.jobs",
    "tracker.cli",
}


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_io(module: str) -> None:
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    bad = {m for m in imported if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)}
    assert not bad, f"{module} imports {bad}"


@pytest.mark.parametrize("module", CORE)
def test_core_module_never_reads_the_clock(module: str) -> None:
    source = (PACKAGE / module).read_text(encoding="utf-8")
    for call in ("datetime.now(", "datetime.utcnow(", "date.today(", "time.time("):
        assert call not in source, f"{module} calls {call}"
