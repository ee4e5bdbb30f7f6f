"""Recognition on the demo corpus, scored against its answer key."""

from __future__ import annotations

from tests.demo_eval import evaluate_demo


def test_demo_corpus_recognition_meets_the_bar() -> None:
    outcomes = evaluate_demo()
    appear = [o for o in outcomes if o.got == "appearance"]
    truth = [o for o in outcomes if o.expected == "appearance"]
    hits = [o for o in appear if o.expected == "appearance"]
    precision, recall = len(hits) / len(appear), len(hits) / len(truth)
    dated = [o for o in hits if max(o.got_dates) == o.expected_date]
    assert precision >= 0.97, precision
    assert recall >= 0.93, recall
    assert len(dated) / len(hits) >= 0.95


def test_no_lavrov_appearance_is_found_in_his_silent_weeks() -> None:
    wrong = [
        o
        for o in evaluate_demo()
        if o.key[2] == "Sergey Lavrov"
        and any("2025-10-29" <= d <= "2025-11-24" for d in o.got_dates)
    ]
    assert wrong == []
