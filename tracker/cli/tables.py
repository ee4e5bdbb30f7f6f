"""What the read commands print: tables sized to the terminal (rich), colour for states,
CSV for spreadsheets, and plurals that read right.

One line per row, always: the widest free-text column (evidence, last error) takes the
room the others leave and is cut with an ellipsis; with less than 12 characters of
room (and more to show) it is left out.
Colour only on a terminal and never with NO_COLOR set (rich's own rules). Piped output
is not cut (no terminal to fit) unless COLUMNS is set. rich is imported here, by the
commands that print, so `tracker --help` never loads it; output that goes to no terminal
(and is not forced to colour) does not load it at all. The rows are laid out here, as
rich's table would lay them out (tests/unit/test_tables.py holds the two side by side):
rich takes about a millisecond a row, which at 1,000 officials was most of `status`.
"""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

STATE_STYLES = {
    # officials
    "silent": "bold red",
    "unseen": "yellow",
    "ok": "green",
    "muted": "magenta",
    # feeds
    "disabled": "bold red",
    "failing": "red",
    "warning": "yellow",
    "new": "cyan",
    # alerts
    "pending": "yellow",
    "sending": "cyan",
    "delivered": "green",
    "superseded": "dim",
    "failed": "bold red",
}
MIN_FREE_TEXT = 12
UNCUT = 10_000  # the width for output that goes to no terminal


def check_format(as_json: bool, as_csv: bool) -> None:
    """--json and --csv exclude each other (a usage error, exit 2)."""
    if as_json and as_csv:
        from tracker.cli.context import EXIT_USAGE, fail

        raise fail("--json and --csv: choose one", EXIT_USAGE)


def print_json(payload: Any) -> None:
    """JSON for programs, indented by two, UTF-8 unescaped. orjson writes it: Python's
    own encoder falls back to pure Python as soon as it indents, ~20 ms for `status
    --json` at 1,000 officials (orjson: ~2 ms). The text is json.dumps(indent=2,
    ensure_ascii=False)'s but for exponents (1e-7 for 1e-07, only below 1e-4); integers
    are 64-bit at most, NaN is null: nothing we print is either (tests/unit/test_tables.py)."""
    import orjson

    typer.echo(orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode())


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 day', '2 days', '0 feeds'; `many` for irregular plurals."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def piped_width() -> int | None:
    """The width for output that goes to no terminal: COLUMNS, else uncut; None on a
    terminal (its own width)."""
    if sys.stdout.isatty():
        return None
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else UNCUT


def colourless() -> bool:
    """No terminal and none declared (TTY_COMPATIBLE, FORCE_COLOR): rich would show no
    colour, so it need not be loaded to find out."""
    return not sys.stdout.isatty() and not {"TTY_COMPATIBLE", "FORCE_COLOR"} & os.environ.keys()


def console() -> Console:
    """A console for stdout: the terminal's width, or uncut when piped without COLUMNS."""
    from rich.console import Console

    return Console(width=piped_width(), highlight=False, markup=False, emoji=False, soft_wrap=False)


def width() -> int:
    piped = piped_width()
    return piped if piped is not None else console().width


def print_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    free: int,
    state: int | None = None,
) -> None:
    """Columns as wide as their widest cell, except column `free` (free text), which gets
    what is left of the width; column `state` is coloured by STATE_STYLES."""
    out = None if colourless() else console()
    room_for = out.width if out else piped_width() or UNCUT
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    fixed = sum(w for i, w in enumerate(widths) if i != free) + 2 * (len(header) - 1)
    room = min(widths[free], room_for - fixed)
    fits = room >= min(widths[free], MIN_FREE_TEXT)
    shown = [i for i in range(len(header)) if i != free or fits]
    widths[free] = room
    lines = laid_out(header, rows, shown, widths, room_for, state=state, paint=_painter(out))
    if lines is None:
        lines = rich_lines(header, rows, shown, widths, state=state, out=out or console())
    sys.stdout.write("".join(line + "\n" for line in lines))


Paint = Callable[[str, str], str]


def _painter(out: Console | None) -> Paint | None:
    """Text in a style as the terminal shows it (rich's styles and colour system); None
    when there is no colour to show."""
    if out is None or out.color_system is None:
        return None
    from rich.console import COLOR_SYSTEMS
    from rich.style import Style

    system = COLOR_SYSTEMS[out.color_system]
    styles: dict[str, Style] = {}

    def paint(text: str, style: str) -> str:
        if style not in styles:  # NO_COLOR keeps bold and dim, as rich does
            parsed = Style.parse(style)
            styles[style] = parsed.without_color if out.no_color else parsed
        return styles[style].render(text, color_system=system)

    return paint


def laid_out(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    shown: Sequence[int],
    widths: Sequence[int],
    room: int,
    *,
    state: int | None = None,
    paint: Paint | None = None,
) -> list[str] | None:
    """The lines rich's borderless table makes of these columns and widths (two spaces
    between columns, cells cut with an ellipsis, the header bold, the state coloured);
    None when rich must lay it out: the columns do not fit the room (rich shrinks them),
    or a cell holds what is not plainly printable (rich has rules of its own for those)."""
    if sum(widths[i] for i in shown) + 2 * (len(shown) - 1) > room:
        return None
    cells = [header, *rows]
    if not all(c.isprintable() for row in cells for c in row):
        return None
    lines = []
    for n, row in enumerate(cells):
        parts = []
        for i in shown:
            text, used = _fitted(row[i], widths[i])
            style = "bold" if n == 0 else STATE_STYLES.get(row[i], "") if i == state else ""
            parts.append(
                (paint(text, style) if paint and style else text) + " " * (widths[i] - used)
            )
        lines.append("  ".join(parts).rstrip())
    return lines


def _fitted(text: str, room: int) -> tuple[str, int]:
    """The text cut to `room` terminal cells with an ellipsis, as rich cuts it, and the
    cells it takes (a CJK character takes two)."""
    if text.isascii():
        return (text, len(text)) if len(text) <= room else (text[: room - 1] + "…", room)
    from rich.cells import cell_len, set_cell_size

    used = cell_len(text)
    if used <= room:
        return text, used
    return set_cell_size(text, room - 1) + "…", room


def rich_lines(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    shown: Sequence[int],
    widths: Sequence[int],
    *,
    state: int | None,
    out: Console,
) -> list[str]:
    """The same table laid out by rich, for what `laid_out` leaves to it."""
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, padding=(0, 1), show_edge=False, header_style="bold")
    for i in shown:
        table.add_column(header[i], no_wrap=True, overflow="ellipsis", width=widths[i])
    for row in rows:
        table.add_row(
            *(Text(row[i], style=STATE_STYLES.get(row[i], "") if i == state else "") for i in shown)
        )
    with out.capture() as captured:
        out.print(table)
    return [line.rstrip() for line in captured.get().splitlines()]  # without rich's padding


def cut(text: str, room: int) -> str:
    """One line of at most `room` characters, cut with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= room else text[: max(room - 1, 0)] + "…"


def flat(record: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON record as one CSV row: nested objects become `key_field` columns, lists of
    values are joined with '; ', lists of objects are counted."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, Mapping):
            row.update({f"{key}_{k}": v for k, v in flat(value).items()})
        elif isinstance(value, list):
            if all(not isinstance(v, Mapping | list) for v in value):
                row[key] = "; ".join("" if v is None else str(v) for v in value)
            else:
                row[key] = len(value)
        else:
            row[key] = "" if value is None else value
    return row


def print_csv(records: Sequence[Mapping[str, Any]], columns: Sequence[str] = ()) -> None:
    """The records as CSV with a header row (the JSON fields, flattened) on stdout."""
    rows = [flat(r) for r in records]
    names = list(columns) or list(dict.fromkeys(k for r in rows for k in r))
    writer = csv.DictWriter(sys.stdout, fieldnames=names, restval="", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
