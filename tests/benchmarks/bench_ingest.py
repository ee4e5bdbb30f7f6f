"""Ingest pipeline vs bare feedparser.parse over the same bytes: a typical feed and a worst case."""

from __future__ import annotations

import io
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import feedparser

from tests.benchmarks.texts import SENTENCES
from tests.benchmarks.timing import compare, report
from tracker.config import Config, load_config, parse_config
from tracker.feeds.parse import parse_feed
from tracker.jobs import Tracker
from tracker.recognize import Recognizer
from tracker.store import repo
from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for

OFFICIALS = [
    ("Sergey Lavrov", ["Sergei Lavrov", "Сергей Лавров"]),
    ("Vladimir Putin", ["Владимир Путин"]),
    ("Marco Rubio", []),
    ("Xi Jinping", ["习近平"]),
    ("Wang Yi", []),
    ("Kim Jong Un", ["Kim Jong-un"]),
    ("Choe Son Hui", []),
    ("Volodymyr Zelensky", ["Volodymyr Zelenskyy"]),
    ("Recep Tayyip Erdogan", ["Recep Tayyip Erdoğan"]),
    ("Narendra Modi", []),
    ("Emmanuel Macron", []),
    ("Kaja Kallas", []),
    ("Dmitry Peskov", ["Dmitri Peskov"]),
    ("Maria Zakharova", []),
    ("Antony Blinken", []),
    ("Benjamin Netanyahu", []),
    ("Abbas Araghchi", []),
    ("Ursula von der Leyen", []),
    ("Subrahmanyam Jaishankar", []),
    ("Hakan Fidan", []),
]


ROUNDS, WARMUP = 15, 2


def typical_feed(items: int = 50, seed: int = 7, density: float = 1.0) -> bytes:
    rng = random.Random(seed)
    start = datetime(2025, 11, 1, tzinfo=UTC)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0"><channel><title>Bench Wire</title><link>https://bench.example/</link>',
        "<description>benchmark feed</description>",
    ]
    for i in range(items):
        if rng.random() < density:
            a, b = rng.sample([name for name, _ in OFFICIALS], 2)
            body = " ".join(rng.choice(SENTENCES).format(a=a, b=b) for _ in range(8))
        else:
            a, b = "The minister", "the envoy"
            body = " ".join(rng.choice(SENTENCES[5:7] + SENTENCES[8:]) for _ in range(8))
        published = (start + timedelta(hours=i)).strftime("%a, %d %b %Y %H:%M:%S +0000")
        parts.append(
            f"<item><title>{escape(a)} and {escape(b)} in the news, item {i}</title>"
            f"<link>https://bench.example/{i}</link><guid>bench-{i}</guid>"
            f"<pubDate>{published}</pubDate><description>&lt;p&gt;{escape(body)}&lt;/p&gt;</description></item>"
        )
    parts.append("</channel></rss>")
    return "\n".join(parts).encode("utf-8")


REAL_FEED = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "corpora"
    / "real-feeds"
    / "rss-parser"
    / "guardian.rss"
)
STARTER = Path(__file__).resolve().parents[2] / "config" / "tracker.toml"


def measure(label: str, data: bytes, config: Config) -> None:
    now = datetime(2025, 11, 5, tzinfo=UTC)
    recognizer = Recognizer(config.officials)
    entries = len(parse_feed(data, fallback_time=now).entries)

    def bare() -> object:
        return feedparser.parse(io.BytesIO(data))

    def parse_and_recognize() -> object:
        parsed = parse_feed(data, fallback_time=now)
        return [recognizer.findings(p.entry) for p in parsed.entries]

    # each full ingest gets a fresh, empty database, made outside the timed part
    fresh = []
    for _ in range(ROUNDS + WARMUP):
        tracker = Tracker(config, open_engine("sqlite://"), now=now)
        with session_for(tracker.engine) as session:
            fresh.append((tracker, repo.get_feed(session, "bench")))

    def full_ingest() -> object:
        tracker, feed = fresh.pop()
        parsed = parse_feed(data, fallback_time=now)
        return tracker.ingest_entries(feed, parsed.entries, now)

    print(
        f"  {label}: {len(data) / 1024:.0f} KiB, {entries} entries, watchlist of {len(config.officials)}"
    )
    medians = compare(
        {
            "feedparser.parse (baseline)": bare,
            "parse + recognition": parse_and_recognize,
            "full ingest (+ SQLite store)": full_ingest,
        },
        rounds=ROUNDS,
        warmup=WARMUP,
    )
    report(medians, "feedparser.parse (baseline)")
    for tracker, _ in fresh:
        tracker.close()
    overhead = medians["parse + recognition"] / medians["feedparser.parse (baseline)"] - 1
    print(f"  => recognition adds {overhead:.2f}x the cost of feedparser.parse\n")


def main() -> None:
    synthetic = parse_config(
        {"officials": [{"name": n, "aliases": a} for n, a in OFFICIALS]}, path=None, env={}
    )
    if REAL_FEED.exists() and STARTER.exists():
        # a typical feed: a real captured news feed, the real-world starter watchlist
        measure(
            "typical: The Guardian world feed (shared corpus)",
            REAL_FEED.read_bytes(),
            load_config(STARTER),
        )
    else:
        print(f"  (real feed {REAL_FEED} absent: typical case measured on a sparse synthetic feed)")
        measure(
            "typical: synthetic, 1 entry in 10 names a watched official",
            typical_feed(density=0.1),
            synthetic,
        )
    measure(
        "worst case: synthetic, every entry names two officials in most sentences",
        typical_feed(),
        synthetic,
    )


if __name__ == "__main__":
    main()
