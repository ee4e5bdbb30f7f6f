"""Helpers for feed tests: feed documents and a Tracker with small limits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from tracker.config import parse_config
from tracker.jobs import Tracker
from tracker.store import repo
from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for
from tracker.store.tables import FeedRow

NOW = datetime(2025, 11, 3, 12, 0, tzinfo=UTC)
FAST = {
    "connect_timeout": 2,
    "read_timeout": 2,
    "total_timeout": 2.5,  # room for a loaded machine; the drip fault is cut at it
    "max_size": "64KB",
    "max_redirects": 4,
    "concurrency": 10,
    "per_host": 4,
}


def rss(items: Sequence[dict[str, str]], *, title: str = "Wire", extra: str = "") -> bytes:
    """An RSS 2.0 document; each item gives title, link, guid, description, pubDate."""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>https://wire.example/</link><description>d</description>{extra}",
    ]
    for item in items:
        fields = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in item.items() if v is not None)
        parts.append(f"<item>{fields}</item>")
    parts.append("</channel></rss>")
    return "\n".join(parts).encode("utf-8")


def item(n: int, text: str = "", **fields: str) -> dict[str, str]:
    base = {
        "title": f"Story {n}: Sergey Lavrov meets a delegation",
        "link": f"https://wire.example/story/{n}",
        "guid": f"wire-{n}",
        "pubDate": "Mon, 27 Oct 2025 15:00:00 +0000",
        "description": text or f"Sergey Lavrov held talks in Moscow on Monday, story {n}.",
    }
    base.update(fields)
    return base


GOOD = rss([item(1)])


def make_tracker(
    tmp_path: Path,
    feeds: Sequence[str | dict[str, Any]] = (),
    *,
    polling: dict[str, Any] | None = None,
    now: datetime = NOW,
) -> Tracker:
    """A tracker over a SQLite file, watching Sergey Lavrov, with small fetch limits."""
    data: dict[str, Any] = {
        "feeds": [f if isinstance(f, dict) else {"url": f} for f in feeds],
        "officials": [{"name": "Sergey Lavrov", "threshold": "10d"}],
        "polling": {**FAST, **(polling or {})},
    }
    config = parse_config(data, path=None, env={})
    return Tracker(config, open_engine(f"sqlite:///{tmp_path / 't.db'}"), now=now)


def feed_row(tracker: Tracker, url: str) -> FeedRow:
    with session_for(tracker.engine) as session:
        row = repo.feed_by_url(session, url)
    assert row is not None, url
    return row


def entry_count(tracker: Tracker) -> int:
    from sqlalchemy import func
    from sqlmodel import select

    from tracker.store.tables import EntryRow

    with session_for(tracker.engine) as session:
        return int(session.exec(select(func.count()).select_from(EntryRow)).one())
