"""Coverage-guided fuzzing of feed parsing with atheris (optional; not part of the suite).

    pip install atheris
    python tests/fuzz/atheris_feeds.py -max_total_time=600 -rss_limit_mb=1024 seeds/

The seed corpus is the demo feeds (give a folder; atheris keeps the inputs that reach
new code in it). Each input goes through parse_feed and recognition, in this process:
the sandbox's time and memory limits are what protect the daemon, so here a slow input
shows up as atheris's own timeout (-timeout=10). Anything but FeedParseError escaping
is a finding: atheris stops and writes the input that caused it (crash-*).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import atheris

with atheris.instrument_imports():
    from tracker.domain import Official
    from tracker.feeds.parse import FeedParseError, parse_feed
    from tracker.recognize import Recognizer

NOW = datetime(2025, 11, 20, tzinfo=UTC)
RECOGNIZER = Recognizer([Official("Sergey Lavrov"), Official("Maria Zakharova")])


def one(data: bytes) -> None:
    try:
        feed = parse_feed(data, fallback_time=NOW)
    except FeedParseError:
        return
    for parsed in feed.entries:
        RECOGNIZER.findings(parsed.entry)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one)
    atheris.Fuzz()
