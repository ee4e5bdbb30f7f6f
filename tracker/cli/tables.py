"""What the read commands print: tables sized to the terminal (rich), colour for states,
CSV for spreadsheets, and plurals that read right.

One line per row, always: the widest free-text column (evidence, last error) takes the
room the others leave and is cut with an ellipsis; with less than 12 characters of
room (and more to show) it is left out.
Colour only on a terminal and never with NO_COLOR set (rich's own rules). Piped output
is not cut (no terminal to fit) unless COLUMNS is set. rich is imported here, by the
commands that print, so `tracker --help` never loads it.
"""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

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


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 day', '2 days', '0 feeds'; `many` for irregular plurals."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def console() -> Console:
    """A console for stdout: the terminal's width, or uncut when piped without COLUMNS."""
    from rich.console import Console

    width: int | None = None
    if not sys.stdout.isatty():
        columns = os.environ.get("COLUMNS", "")
        width = int(columns) if columns.isdigit() and int(columns) > 0 else UNCUT
    return Console(width=width, highlight=False, markup=False, emoji=False, soft_wrap=False)


def width() -> int:
    return console().width


def print_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    free: int,
    state: int | None = None,
    out: Console | None = None,
) -> None:
    """Columns as wide as their widest cell, except column `free` (free text), which gets
    what is left of the width; column `state` is coloured by STATE_STYLES."""
    from rich.table import Table
    from rich.text import Text

    out = out or console()
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    fixed = sum(w for i, w in enumerate(widths) if i != free) + 2 * (len(header) - 1)
    room = min(widths[free], out.width - fixed)
    fits = room >= min(widths[free], MIN_FREE_TEXT)
    shown = [i for i in range(len(header)) if i != free or fits]
    table = Table(box=None, pad_edge=False, padding=(0, 1), show_edge=False, header_style="bold")
    for i in shown:
        table.add_column(
            header[i],
            no_wrap=True,
            overflow="ellipsis",
            width=room if i == free else widths[i],
        )
    for row in rows:
        table.add_row(
            *(Text(row[i], style=STATE_STYLES.get(row[i], "") if i == state else "") for i in shown)
        )
    with out.capture() as captured:
        out.print(table)
    for line in captured.get().splitlines():  # without the padding rich leaves at the end
        sys.stdout.write(line.rstrip() + "\n")


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
