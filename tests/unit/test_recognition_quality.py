"""Recognition measured on the three labelled development batches, with the bar from the issue.

The held-out set (tests/recognition/holdout.toml) is not asserted on: it is for honest
totals only (see HOLDOUT.md).
"""

from __future__ import annotations

import pytest

from tests.recognition.evaluate import Scores, run, score

SETS = ["devset.toml", "devset2.toml", "devset3.toml"]


@pytest.fixture(scope="module", params=SETS)
def scores(request: pytest.FixtureRequest) -> Scores:
    return score(run(name=request.param))


def test_appearance_precision_is_at_least_0_95(scores: Scores) -> None:
    assert scores.precision >= 0.95


def test_appearance_recall_is_at_least_0_90(scores: Scores) -> None:
    assert scores.recall >= 0.90


def test_true_appearances_are_dated_exactly_at_least_0_90(scores: Scores) -> None:
    assert scores.dates_exact >= 0.90


def test_each_set_is_large_and_balanced(scores: Scores) -> None:
    appearances = sum(
        n for (expected, _), n in scores.confusion.items() if expected == "appearance"
    )
    assert scores.total >= 200 and 0.4 <= appearances / scores.total <= 0.6
