"""Which recorded findings a correction in force sets aside (corrections.verdicts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from tracker.store.corrections import ADD, NOT_ABOUT, REJECT, Listed, to_sighting, verdicts
from tracker.store.tables import CorrectionRow

NOW = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Item:
    official: str
    kind: str
    day: str
    entry_key: str
    finding_id: int


ITEMS = [
    Item("Marco Rubio", "appearance", "2025-11-23", "e1", 1),
    Item("Marco Rubio", "mention", "2025-11-23", "e1", 2),
    Item("Sergey Lavrov", "appearance", "2025-11-23", "e1", 3),
    Item("Marco Rubio", "appearance", "2025-11-18", "e2", 4),
]


def _c(
    action: str,
    official: str = "Marco Rubio",
    key: str = "e1",
    kind: str = "appearance",
    day: str | None = "2025-11-23",
    removed: bool = False,
) -> Listed:
    row = CorrectionRow(
        id=9,
        action=action,
        official_id=1,
        entry_key=key,
        kind=kind,
        day=date.fromisoformat(day) if day else None,
        author="ana",
        created_at=NOW,
        removed_at=NOW if removed else None,
    )
    return Listed(row, official)


@pytest.mark.parametrize(
    ("found", "aside"),
    [
        ([_c(REJECT)], {1}),  # that finding only: not the mention, not Lavrov's
        ([_c(REJECT, kind="mention")], {2}),
        ([_c(REJECT, day="2025-11-18")], set()),  # right entry, wrong day
        ([_c(NOT_ABOUT, kind="", day=None)], {1, 2}),  # the whole entry, for Rubio only
        ([_c(NOT_ABOUT, official="Sergey Lavrov", kind="", day=None)], {3}),
        ([_c(REJECT, removed=True)], set()),  # taken back: counts again
        ([_c(ADD, key="", kind="", day="2025-11-20")], set()),
        ([], set()),
    ],
)
def test_verdicts_name_the_findings_set_aside(found: list[Listed], aside: set[int]) -> None:
    assert set(verdicts(ITEMS, found)) == aside


def test_a_sighting_by_hand_counts_from_noon_of_its_day_known_from_then() -> None:
    row = _c(ADD, key="", kind="", day="2025-11-20").row
    row.source, row.note = "C-SPAN", "at a forum"
    s = to_sighting(row, "Marco Rubio")
    assert s.seen_at == s.published == datetime(2025, 11, 20, 12, tzinfo=UTC)
    assert (s.text, s.title) == ("at a forum", "added by hand by ana (C-SPAN)")
