"""Score recognition on the demo corpus against its answer key (tests/data/demo_labels.csv).

Run: .venv/bin/python -m tests.demo_eval [--verbose]
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tracker.config import load_config
from tracker.domain import Kind
from tracker.feeds.parse import parse_feed
from tracker.recognize import Recognizer

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "demo_labels.csv"


@dataclass(frozen=True)
class Outcome:
    key: tuple[str, str, str]
    expected: str
    expected_date: str
    got: str
    got_dates: tuple[str, ...]
    evidence: str


def evaluate_demo() -> list[Outcome]:
    config = load_config(ROOT / "config" / "demo.toml")
    recognizer = Recognizer(config.officials)
    entries = {}
    for path in sorted((ROOT / "seeds").glob("*.*")):
        if path.suffix not in {".rss", ".atom"}:
            continue
        for parsed in parse_feed(path.read_bytes(), fallback_time=datetime.now(UTC)).entries:
            entries[(path.name, parsed.entry.guid)] = parsed.entry
    outcomes: list[Outcome] = []
    with LABELS.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            entry = entries[(row["file"], row["guid"])]
            findings = [f for f in recognizer.findings(entry) if f.official == row["official"]]
            kinds = {f.kind for f in findings}
            got = next(
                (k.value for k in (Kind.APPEARANCE, Kind.ABSENCE, Kind.MENTION) if k in kinds),
                "none",
            )
            dates = tuple(sorted(str(f.date) for f in findings if f.kind is Kind.APPEARANCE))
            evidence = next(
                (f"{f.cue} | {f.sentence}" for f in findings if f.kind.value == got), ""
            )
            outcomes.append(
                Outcome(
                    (row["file"], row["guid"], row["official"]),
                    row["kind"],
                    row["date"],
                    got,
                    dates,
                    evidence,
                )
            )
    return outcomes


def main() -> None:
    outcomes = evaluate_demo()
    confusion = Counter((o.expected, o.got) for o in outcomes)
    tp = sum(1 for o in outcomes if o.expected == "appearance" and o.got == "appearance")
    fp = sum(1 for o in outcomes if o.expected != "appearance" and o.got == "appearance")
    fn = sum(1 for o in outcomes if o.expected == "appearance" and o.got != "appearance")
    dated = sum(
        1
        for o in outcomes
        if o.expected == "appearance"
        and o.got == "appearance"
        and o.got_dates
        and max(o.got_dates) == o.expected_date
    )
    print(
        f"pairs {len(outcomes)}  precision {tp / max(tp + fp, 1):.3f}  recall {tp / max(tp + fn, 1):.3f}  dates exact {dated / max(tp, 1):.3f}"
    )
    for (e, g), n in sorted(confusion.items()):
        print(f"  expected {e:10} got {g:10} {n}")
    if "--verbose" in sys.argv:
        for o in outcomes:
            if o.expected != o.got or (
                o.got == "appearance" and max(o.got_dates) != o.expected_date
            ):
                print(
                    f"\n{o.key[2]} [{o.key[0]} {o.key[1]}] expected {o.expected} {o.expected_date} got {o.got} {o.got_dates}\n   {o.evidence[:300]}"
                )


if __name__ == "__main__":
    main()
