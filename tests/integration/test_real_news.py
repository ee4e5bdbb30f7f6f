"""Recognition judged on real published journalism, the way the project is judged.

The labelled corpus lives outside the project (`../shared/corpora/real-news/`, or the
folder `$REAL_NEWS_DIR` names): its excerpts are published text kept as local test data
only, so the test runs where the corpus is present and is skipped elsewhere, like the
feedparser corpus. Its own scorer (`score.py`) builds feeds from the corpus, runs this
tracker's CLI (`import`, `history --json`, `status --as-of --json`) and scores passages,
articles, (official, day) events and the story checkpoints ("last seen as of D").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("REAL_NEWS_DIR", ROOT.parent / "shared" / "corpora" / "real-news"))

pytestmark = [
    pytest.mark.skipif(
        not (CORPUS / "score.py").is_file(), reason=f"real-news corpus not present at {CORPUS}"
    ),
    # scoring 180 articles runs the CLI some twenty times: ~40 s alone, more on a busy box
    pytest.mark.timeout(300),
]


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("real-news") / "result.json"
    tracker = f"{sys.executable} -m tracker"
    run = subprocess.run(
        [sys.executable, str(CORPUS / "score.py"), "--tracker", tracker, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CORPUS_DIR": str(CORPUS)},
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    data: dict[str, Any] = json.loads(out.read_text())
    return data


def test_passages_reported_as_appearances_are_appearances_at_least_0_92(
    result: dict[str, Any],
) -> None:
    assert result["passage"]["all"]["precision"] >= 0.92


def test_appearances_of_officials_the_passage_names_are_found_at_least_0_80(
    result: dict[str, Any],
) -> None:
    assert result["passage"]["named"]["recall"] >= 0.80


def test_found_appearances_are_dated_right_at_least_0_92(result: dict[str, Any]) -> None:
    assert result["passage"]["all"]["date_accuracy"] >= 0.92


def test_official_day_events_are_precise_at_least_0_90(result: dict[str, Any]) -> None:
    assert result["article"]["events"]["event_precision"] >= 0.90


def test_official_day_events_are_found_at_least_0_80(result: dict[str, Any]) -> None:
    assert result["article"]["events"]["event_recall"] >= 0.80


def test_last_seen_is_right_at_16_of_18_story_checkpoints(result: dict[str, Any]) -> None:
    checkpoints = result["checkpoints"]
    wrong = [row for row in checkpoints["rows"] if not row["ok"]]
    assert checkpoints["correct"] >= 16 * checkpoints["total"] / 18, wrong
