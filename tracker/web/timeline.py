"""One official's timeline as an SVG drawn on the server: appearances, absence reports and
mentions by day in three lanes, each silence shaded from the last sighting to the next,
darker past the threshold. Pure: dates in, markup out (no clock, no I/O, no JS).

Every mark carries its data as attributes (`data-day`, `data-from`, `data-to`, ...), so
that a test, a script or a screen reader can read the chart without looking at pixels."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from html import escape

LANES = (("appearances", "appearance"), ("absences", "absence report"), ("mentions", "mention"))
WIDTH, LEFT, RIGHT, TOP, LANE, GAP, AXIS = 960, 118, 12, 8, 34, 6, 22


@dataclass(frozen=True)
class DayCounts:
    """What was recorded on one day (appearances by the day they happened; absence
    reports and mentions by their publication day)."""

    day: date
    appearances: int = 0
    absences: int = 0
    mentions: int = 0

    def count(self, lane: str) -> int:
        return int(getattr(self, lane))


@dataclass(frozen=True)
class Silence:
    """A stretch without a sighting that reached the threshold: from the last sighting
    (`start`) to the next (`end`; None while it lasts), silent from `crossed` on."""

    start: date
    end: date | None
    crossed: date

    @property
    def days(self) -> int | None:
        return (self.end - self.start).days if self.end else None


def silences(seen: Iterable[date], threshold: timedelta, until: date) -> list[Silence]:
    """The silences between the sighting days `seen`, up to `until` (the last one open).

    As in tracker/silence.py, a sighting counts from noon of its day and the status is
    silent once the threshold has passed since then."""
    days = sorted({d for d in seen if d <= until})
    out: list[Silence] = []
    for i, day in enumerate(days):
        crossed = (datetime.combine(day, time(12), tzinfo=UTC) + threshold).date()
        following = days[i + 1] if i + 1 < len(days) else None
        if following is not None and crossed < following:
            out.append(Silence(day, following, crossed))
        elif following is None and crossed <= until:
            out.append(Silence(day, None, crossed))
    return out


def counts_by_day(
    appearances: Iterable[date], absences: Iterable[date], mentions: Iterable[date]
) -> list[DayCounts]:
    """Per day with anything recorded, how many of each kind; oldest first."""
    tally: dict[date, list[int]] = {}
    for lane, days in enumerate((appearances, absences, mentions)):
        for day in days:
            tally.setdefault(day, [0, 0, 0])[lane] += 1
    return [DayCounts(d, *tally[d]) for d in sorted(tally)]


@dataclass(frozen=True)
class Chart:
    name: str
    start: date
    end: date
    days: Sequence[DayCounts]
    silences: Sequence[Silence]
    threshold: timedelta
    disputed: Sequence[date] = ()


def _attrs(**values: object) -> str:
    return " ".join(f'{k.replace("_", "-")}="{escape(str(v))}"' for k, v in values.items())


def _months(start: date, end: date) -> list[date]:
    first = date(start.year, start.month, 1)
    out = []
    while first <= end:
        if first >= start:
            out.append(first)
        first = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return out


def svg(chart: Chart) -> str:
    """The chart as a standalone <svg> element (inline in the page, styled by its CSS)."""
    span = max((chart.end - chart.start).days + 1, 1)
    plot = WIDTH - LEFT - RIGHT
    step = plot / span
    height = TOP + len(LANES) * (LANE + GAP) + AXIS

    def x(day: date) -> float:
        return round(LEFT + (day - chart.start).days * step, 2)

    def clip(day: date | None) -> date:
        return min(max(day or chart.end, chart.start), chart.end)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" '
        f"{_attrs(viewBox=f'0 0 {WIDTH} {height}', data_from=chart.start, data_to=chart.end)}"
        f' data-threshold-days="{chart.threshold.total_seconds() / 86400:g}">',
        f"<title>{escape(chart.name)}: appearances, absence reports and mentions by day, "
        f"{chart.start} to {chart.end}</title>",
    ]
    lanes_bottom = TOP + len(LANES) * (LANE + GAP) - GAP
    for s in chart.silences:
        end = s.end or chart.end
        if end < chart.start or s.start > chart.end:
            continue
        left, right = x(clip(s.start)) + step / 2, x(clip(end)) + step / 2
        over = x(clip(s.crossed)) + step / 2
        label = (
            f"silent: last seen {s.start}, seen again {s.end} ({s.days} days)"
            if s.end
            else f"silent since {s.start}, still silent on {chart.end}"
        )
        marks = _attrs(data_from=s.start, data_to=s.end or "", data_crossed=s.crossed)
        parts.append(
            f'<rect class="silence" {marks}'
            f' x="{left}" y="{TOP}" width="{round(max(right - left, 1), 2)}"'
            f' height="{lanes_bottom - TOP}"><title>{escape(label)}</title></rect>'
        )
        if over < right:
            parts.append(
                f'<rect class="over-threshold" {_attrs(data_from=s.crossed, data_to=s.end or "")}'
                f' x="{over}" y="{TOP}" width="{round(right - over, 2)}"'
                f' height="{lanes_bottom - TOP}"/>'
            )
        if chart.start <= s.crossed <= chart.end:
            parts.append(
                f'<line class="threshold" data-day="{s.crossed}" x1="{over}" x2="{over}"'
                f' y1="{TOP}" y2="{lanes_bottom}"><title>threshold reached {s.crossed}'
                f"</title></line>"
            )
    for i, (lane, label) in enumerate(LANES):
        top = TOP + i * (LANE + GAP)
        peak = max((d.count(lane) for d in chart.days), default=0) or 1
        parts.append(
            f'<text class="lane-label" x="{LEFT - 8}" y="{top + LANE / 2 + 4}"'
            f' text-anchor="end">{escape(label)}s</text>'
            f'<line class="lane-base" x1="{LEFT}" x2="{WIDTH - RIGHT}"'
            f' y1="{top + LANE}" y2="{top + LANE}"/>'
        )
        for d in chart.days:
            n = d.count(lane)
            if n == 0 or not chart.start <= d.day <= chart.end:
                continue
            h = round(max(LANE * n / peak, 3), 2)
            disputed = lane == "appearances" and d.day in chart.disputed
            cls = f"bar {label.split()[0]}" + (" disputed" if disputed else "")
            word = label if n == 1 else f"{label}s"
            note = " (disputed)" if disputed else ""
            parts.append(
                f'<rect class="{cls}" {_attrs(data_day=d.day, data_count=n)}'
                f' x="{x(d.day)}" y="{round(top + LANE - h, 2)}"'
                f' width="{round(max(step, 1.5), 2)}" height="{h}">'
                f"<title>{d.day}: {n} {word}{note}</title></rect>"
            )
    for month in _months(chart.start, chart.end):
        parts.append(
            f'<text class="tick" x="{x(month)}" y="{height - 6}">{month:%b %Y}</text>'
            f'<line class="tick" x1="{x(month)}" x2="{x(month)}" y1="{lanes_bottom}"'
            f' y2="{lanes_bottom + 4}"/>'
        )
    parts.append("</svg>")
    return "".join(parts)
