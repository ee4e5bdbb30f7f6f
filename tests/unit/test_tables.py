"""The status and feeds tables are laid out without rich, line for line as rich's table
lays them out: the two side by side over rows that cut, fit, drop the free column, hold
accents, CJK, emoji, and a terminal too narrow for the fixed columns (left to rich)."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from tracker.cli.tables import laid_out, rich_lines

HEADER = ("OFFICIAL", "STATUS", "LAST SEEN", "EVIDENCE")
ROWS = [
    ("Ana Pérez", "silent", "2025-11-01", "Pérez met the minister in Quito on Tuesday."),
    ("王毅", "ok", "2025-11-11", "王毅在北京会见了来访的外长并举行会谈。"),
    ("Jean-Noël Barrot", "unseen", "-", "-"),
    ("Zoë 🙂 Smith", "muted", "2025-10-30", "A café opened; Zoë 🙂 Smith cut the ribbon, smiling."),
]


def layout(rows: list[tuple[str, ...]], room: int) -> tuple[list[int], list[int]]:
    """The widths and shown columns as print_table computes them (free text last)."""
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER))]
    free = len(HEADER) - 1
    fixed = sum(widths[:free]) + 2 * free
    room_left = min(widths[free], room - fixed)
    shown = list(range(len(HEADER))) if room_left >= min(12, widths[free]) else [0, 1, 2]
    widths[free] = room_left
    return widths, shown


def plain(room: int) -> Console:
    return Console(
        file=io.StringIO(),
        width=room,
        color_system=None,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


@pytest.mark.parametrize("room", [200, 80, 60, 52, 50, 49, 45, 44, 41, 38])
@pytest.mark.parametrize(
    "rows", [ROWS, ROWS[:1], ROWS[1:2], ROWS[3:]], ids=["all", "accents", "cjk", "emoji"]
)
def test_the_lines_are_rich_tables_lines(rows: list[tuple[str, ...]], room: int) -> None:
    widths, shown = layout(rows, room)
    ours = laid_out(HEADER, rows, shown, widths, room, state=1)
    assert ours == rich_lines(HEADER, rows, shown, widths, state=1, out=plain(room))


def test_columns_wider_than_the_terminal_and_unprintable_cells_are_left_to_rich() -> None:
    widths, shown = layout(ROWS, 20)
    assert laid_out(HEADER, ROWS, shown, widths, 20) is None
    tabbed = [("Ana\tPérez", "ok", "-", "-")]
    widths, shown = layout(tabbed, 200)
    assert laid_out(HEADER, tabbed, shown, widths, 200) is None


def test_colour_goes_on_the_state_and_the_header_only_when_painted() -> None:
    widths, shown = layout(ROWS, 200)
    painted = laid_out(HEADER, ROWS, shown, widths, 200, state=1, paint=lambda t, s: f"<{s}>{t}</>")
    assert painted is not None
    assert painted[0].startswith("<bold>OFFICIAL</>")
    assert "<bold red>silent</>" in painted[1] and "<green>ok</>" in painted[2]
    assert "Pérez met" in painted[1] and "<" not in painted[1].split("silent</>")[1]


@pytest.mark.parametrize(
    "payload",
    [
        {"officials": [], "awaits": [], "as_of": "2025-11-12T23:59:59+00:00"},
        {"name": "Jean-Noël Barrot", "evidence": {"text": "王毅 met Zoë 🙂 in Quito", "url": None}},
        {"days": 12.5, "threshold": 7.0, "confidence": 0.95, "count": 0, "big": 2**53, "ok": True},
        {"nested": [[], {}, [{"a": [1, 2, {"b": None}]}]], "quote": 'he said "no"\n\tthen left'},
    ],
    ids=["empty lists", "unicode", "numbers", "nesting and escapes"],
)
def test_print_json_writes_what_json_dumps_would(
    payload: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    """orjson prints --json exactly as json.dumps(indent=2, ensure_ascii=False) did."""
    import json

    from tracker.cli.tables import print_json

    print_json(payload)
    assert capsys.readouterr().out == json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def test_print_json_reads_back_the_same_numbers_even_in_exponent_form(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The one difference from json.dumps: below 1e-4 orjson writes 1e-7, not 1e-07 (the
    read commands print days rounded to hundredths and confidences, never so small)."""
    import json

    from tracker.cli.tables import print_json

    payload = {"tiny": 1e-07, "huge": 1e16, "negative": -2.5e-05}
    print_json(payload)
    assert json.loads(capsys.readouterr().out) == payload
