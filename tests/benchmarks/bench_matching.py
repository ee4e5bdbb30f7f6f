"""Name matching speed (MB/s) with a 10,000-alias watchlist against a 10-alias one, same text."""

from __future__ import annotations

import random

from tests.benchmarks.timing import compare
from tracker.domain import Official
from tracker.recognize.names import NameMatcher
from tracker.recognize.text import fold

SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "ne",
    "sha",
    "lov",
    "dim",
    "tra",
    "vek",
    "sul",
    "an",
    "bor",
    "zet",
    "gi",
    "pol",
    "ush",
]


def made_up_name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def watchlist(size: int, seed: int = 1) -> list[Official]:
    """`size` aliases in all: officials with a name and one alias each (plus surnames)."""
    rng = random.Random(seed)
    officials = []
    for i in range(size // 2):
        officials.append(Official(name=f"{made_up_name(rng)} {i}", aliases=(made_up_name(rng),)))
    return officials


def news_text(megabytes: float, names: list[str], seed: int = 2) -> str:
    rng = random.Random(seed)
    words = [
        "the",
        "minister",
        "said",
        "on",
        "Monday",
        "talks",
        "with",
        "officials",
        "in",
        "capital",
        "would",
        "continue",
        "after",
        "a",
        "meeting",
        "of",
        "leaders",
        "government",
        "reported",
        "agency",
    ]
    out: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        sentence = " ".join(rng.choice(words) for _ in range(14))
        if rng.random() < 0.2:
            sentence = f"{rng.choice(names)} {sentence}"
        out.append(sentence.capitalize() + ".")
        size += len(sentence) + 2
    return " ".join(out)


def main() -> None:
    small, large = watchlist(10), watchlist(10_000)
    # the same text for both, naming as many people of one list as of the other
    text = news_text(2.0, [o.name for o in small] + [o.name for o in large[: len(small)]])
    folded = fold(text)
    mb = len(text.encode("utf-8")) / 1_000_000
    matchers = {"10 aliases": NameMatcher(small), "10,000 aliases": NameMatcher(large)}
    medians = compare(
        {name: (lambda m=m: m.hits(text, folded)) for name, m in matchers.items()},
        rounds=7,
        warmup=1,
    )
    speeds = {name: mb / seconds for name, seconds in medians.items()}
    for name, speed in speeds.items():
        print(f"  {name:15} {speed:7.1f} MB/s")
    ratio = speeds["10,000 aliases"] / speeds["10 aliases"]
    print(
        f"  text {mb:.1f} MB; speed with 10,000 aliases / speed with 10 aliases = {ratio:.2f} (bar: >= 0.50)"
    )


if __name__ == "__main__":
    main()
