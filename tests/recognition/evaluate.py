"""Score recognition on the labelled development set (tests/recognition/devset.toml).

Run: .venv/bin/python -m tests.recognition.evaluate [--errors] [--category NAME] [--set NAME]
     .venv/bin/python -m tests.recognition.evaluate --holdout   (totals only)

Prints precision and recall for appearances, the share of exactly dated true
appearances, and a confusion table (rows: label, columns: decision).
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tracker.config import parse_config
from tracker.domain import Entry, Kind
from tracker.recognize import Recognizer

HERE = Path(__file__).resolve().parent
KINDS = ("appearance", "absence", "mention", "none")


@dataclass(frozen=True)
class Result:
    id: str
    category: str
    official: str
    expected: str
    expected_date: str
    got: str
    got_date: str
    cue: str
    sentence: str


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    dates_exact: float
    accuracy: float
    confusion: Counter[tuple[str, str]]
    total: int


def load_recognizer() -> Recognizer:
    watchlist = tomllib.loads((HERE / "watchlist.toml").read_text(encoding="utf-8"))
    config = parse_config(watchlist, path=None, env={})
    return Recognizer(config.officials)


def run(recognizer: Recognizer | None = None, name: str = "devset.toml") -> list[Result]:
    recognizer = recognizer or load_recognizer()
    cases = tomllib.loads((HERE / name).read_text(encoding="utf-8"))["case"]
    results: list[Result] = []
    for case in cases:
        entry = Entry(
            title=case["title"],
            text=case["text"],
            published=datetime.fromisoformat(case["published"]),
        )
        findings = [f for f in recognizer.findings(entry) if f.official == case["official"]]
        kinds = {f.kind for f in findings}
        got = next(
            (k.value for k in (Kind.APPEARANCE, Kind.ABSENCE, Kind.MENTION) if k in kinds), "none"
        )
        appearances = sorted(
            (f for f in findings if f.kind is Kind.APPEARANCE), key=lambda f: f.date
        )
        decisive = next((f for f in reversed(findings) if f.kind.value == got), None)
        if appearances:
            decisive = appearances[-1]
        results.append(
            Result(
                id=case["id"],
                category=case["category"],
                official=case["official"],
                expected=case["kind"],
                expected_date=case.get("date", ""),
                got=got,
                got_date=str(appearances[-1].date) if appearances else "",
                cue=decisive.cue if decisive else "",
                sentence=decisive.sentence if decisive else "",
            )
        )
    return results


def score(results: list[Result]) -> Scores:
    tp = sum(1 for r in results if r.expected == r.got == "appearance")
    said = sum(1 for r in results if r.got == "appearance")
    true = sum(1 for r in results if r.expected == "appearance")
    dated = sum(
        1 for r in results if r.expected == r.got == "appearance" and r.got_date == r.expected_date
    )
    return Scores(
        precision=tp / said if said else 0.0,
        recall=tp / true if true else 0.0,
        dates_exact=dated / tp if tp else 0.0,
        accuracy=sum(1 for r in results if r.expected == r.got) / len(results),
        confusion=Counter((r.expected, r.got) for r in results),
        total=len(results),
    )


def main() -> None:
    holdout = "--holdout" in sys.argv
    name = "devset.toml"
    if "--set" in sys.argv:
        name = sys.argv[sys.argv.index("--set") + 1]
        if not name.endswith(".toml"):
            name += ".toml"
        if name == "holdout.toml":
            raise SystemExit("use --holdout for the held-out set (totals only, see HOLDOUT.md)")
    results = run(name="holdout.toml" if holdout else name)
    if holdout and "--errors" in sys.argv:
        raise SystemExit("the held-out set is for totals only (see HOLDOUT.md)")
    if "--category" in sys.argv:
        wanted = sys.argv[sys.argv.index("--category") + 1]
        results = [r for r in results if r.category == wanted]
    s = score(results)
    print(
        f"cases {s.total}: appearance precision {s.precision:.3f}, recall {s.recall:.3f}, dates exact {s.dates_exact:.3f}; accuracy over all kinds {s.accuracy:.3f}"
    )
    print("label \\ decision " + "".join(f"{k:>12}" for k in KINDS))
    for e in KINDS:
        print(f"{e:17}" + "".join(f"{s.confusion[(e, g)]:12d}" for g in KINDS))
    if "--errors" in sys.argv:
        for r in results:
            wrong_date = r.expected == r.got == "appearance" and r.got_date != r.expected_date
            if r.expected != r.got or wrong_date:
                print(
                    f"\n{r.id} [{r.category}] {r.official}: expected {r.expected} {r.expected_date} got {r.got} {r.got_date}\n  cue: {r.cue}\n  {r.sentence[:240]}"
                )


if __name__ == "__main__":
    main()
