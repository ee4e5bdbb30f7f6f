"""The remembered reading of an evaluation reads back as the same dataclasses, and its key
changes with everything the reading depends on (tracker/store/memo.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tracker.corroborate import AbsenceReport, Account, Dispute, Support
from tracker.domain import Sighting
from tracker.store import memo

T = datetime(2025, 10, 28, 14, 30, 5, 123456, tzinfo=UTC)
SEEN = Sighting(
    "Sergey Lavrov", date(2025, 10, 28), T, T, "https://a.example/1", "Talks", "He met her."
)
ACCOUNT = Account("Sergey Lavrov", date(2025, 11, 3), "b.example", T, 0.7, "https://b.example/2")
REPORT = AbsenceReport(
    "Sergey Lavrov",
    date(2025, 10, 28),
    T.replace(day=30),
    "c.example",
    0.9,
    "https://c/3",
    "Not seen.",
)
NO_SINCE = AbsenceReport("Sergey Lavrov", None, T, "", 0.5)
DISPUTE = Dispute(
    Support("Sergey Lavrov", date(2025, 11, 3), ("b.example",), 0.7, (ACCOUNT,)),
    (REPORT, NO_SINCE),
    "1 source for the sighting; the report is as sure or surer (0.90 >= 0.70)",
)


def test_a_reading_reads_back_equal() -> None:
    reading = memo.Reading(
        last={"Sergey Lavrov": SEEN},
        disputed={("Sergey Lavrov", date(2025, 11, 3)): DISPUTE},
        sources={"Sergey Lavrov": ("a.example", "d.example")},
        absences={"Sergey Lavrov": 3, "Choe Son Hui": 0},
        counted_after={"Sergey Lavrov": T.isoformat()},
    )
    back = memo.load(memo.dump(reading))
    assert back == reading
    assert back.last["Sergey Lavrov"].published.tzinfo is not None


def test_a_reading_cut_short_is_not_read() -> None:
    with pytest.raises(ValueError):
        memo.load(memo.dump(memo.Reading({}, {}, {}, {}, {}))[:-3])


BASE = ({"Sergey Lavrov": 1, "Choe Son Hui": 2}, frozenset({7}), {"Sergey Lavrov": [SEEN]}, None)
VARIANTS = {
    "another official": ({"Sergey Lavrov": 1, "Choe Son Hui": 3}, *BASE[1:]),
    "another finding set aside": (BASE[0], frozenset({7, 8}), *BASE[2:]),
    "nothing set aside": (BASE[0], frozenset(), *BASE[2:]),
    "no sighting by hand": (*BASE[:2], {}, None),
    "an earlier moment": (*BASE[:3], T),
}


@pytest.mark.parametrize("variant", list(VARIANTS), ids=list(VARIANTS))
def test_the_key_changes_with_what_the_reading_depends_on(variant: str) -> None:
    assert memo.key(*VARIANTS[variant]) != memo.key(*BASE)


def test_the_key_is_the_same_for_the_same_inputs_in_any_order() -> None:
    ids, aside, hand, moment = BASE
    again = dict(reversed(list(ids.items())))
    assert memo.key(again, frozenset(sorted(aside)), dict(hand), moment) == memo.key(*BASE)
    assert memo.key(ids, aside, {**hand, "Choe Son Hui": []}, moment) == memo.key(*BASE)
