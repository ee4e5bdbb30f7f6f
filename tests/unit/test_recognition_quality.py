"""Recognition measured on the labelled development set, with the bar from the issue."""

from __future__ import annotations

import pytest

from tests.recognition.evaluate import run, score


@pytest.fixture(scope="module")
def scores():  # type: ignore[no-untyped-def]
    return score(run())


def test_appearance_precision_is_at_least_0_95(scores) -> None:  # type: ignore[no-untyped-def]
    assert scores.precision >= 0.95


def test_appearance_recall_is_at_least_0_90(scores) -> None:  # type: ignore[no-untyped-def]
    assert scores.recall >= 0.90


def test_true_appearances_are_dated_exactly_at_least_0_90(scores) -> None:  # type: ignore[no-untyped-def]
    assert scores.dates_exact >= 0.90


def test_the_set_is_large_and_balanced(scores) -> None:  # type: ignore[no-untyped-def]
    appearances = sum(
        n for (expected, _), n in scores.confusion.items() if expected == "appearance"
    )
    assert scores.total >= 200 and 0.4 <= appearances / scores.total <= 0.6
