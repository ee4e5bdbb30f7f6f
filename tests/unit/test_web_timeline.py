"""The timeline chart's pure parts: which stretches are silences, and what the SVG says."""

from __future__ import annotations

from datetime import date, timedelta
from xml.etree import ElementTree

import pytest

from tracker.web.timeline import Chart, DayCounts, Silence, counts_by_day, silences, svg

SVG = "{http://www.w3.org/2000/svg}"
D = date.fromisoformat


@pytest.mark.parametrize(
    ("seen", "threshold", "until", "expected"),
    [
        # Lavrov 2025: seen Oct 28 then Nov 25; 10 days; silent from Nov 7 (noon + 10d)
        (
            ["2025-10-28", "2025-11-25"],
            10,
            "2025-11-30",
            [Silence(D("2025-10-28"), D("2025-11-25"), D("2025-11-07"))],
        ),
        # ... and the trailing stretch opens once the threshold has passed again
        (
            ["2025-10-28", "2025-11-25"],
            10,
            "2025-12-10",
            [
                Silence(D("2025-10-28"), D("2025-11-25"), D("2025-11-07")),
                Silence(D("2025-11-25"), None, D("2025-12-05")),
            ],
        ),
        # gaps shorter than the threshold are no silence
        (["2025-10-01", "2025-10-05", "2025-10-09"], 7, "2025-10-10", []),
        # seen again on the very day it would have turned silent: not silent
        (["2025-10-01", "2025-10-08"], 7, "2025-10-09", []),
        # sightings after `until` are not known yet
        (
            ["2025-10-01", "2025-10-20"],
            7,
            "2025-10-10",
            [Silence(D("2025-10-01"), None, D("2025-10-08"))],
        ),
        # duplicates and disorder do not matter
        (
            ["2025-10-20", "2025-10-01", "2025-10-01"],
            7,
            "2025-10-21",
            [Silence(D("2025-10-01"), D("2025-10-20"), D("2025-10-08"))],
        ),
        ([], 7, "2025-10-10", []),
    ],
)
def test_silences_are_the_gaps_that_reach_the_threshold(
    seen: list[str], threshold: int, until: str, expected: list[Silence]
) -> None:
    got = silences([D(s) for s in seen], timedelta(days=threshold), D(until))
    assert got == expected


def test_a_threshold_in_hours_turns_silent_the_next_day_after_noon() -> None:
    got = silences([D("2025-10-01")], timedelta(hours=13), D("2025-10-03"))
    assert got == [Silence(D("2025-10-01"), None, D("2025-10-02"))]


def test_counts_by_day_tallies_each_kind() -> None:
    got = counts_by_day(
        [D("2025-10-02"), D("2025-10-02")], [D("2025-10-03")], [D("2025-10-02"), D("2025-10-01")]
    )
    assert got == [
        DayCounts(D("2025-10-01"), 0, 0, 1),
        DayCounts(D("2025-10-02"), 2, 0, 1),
        DayCounts(D("2025-10-03"), 0, 1, 0),
    ]


def _chart(**overrides: object) -> ElementTree.Element:
    values: dict[str, object] = {
        "name": "Sergey <Lavrov> & co",
        "start": D("2025-10-01"),
        "end": D("2025-11-30"),
        "days": counts_by_day(
            [D("2025-10-28"), D("2025-11-25")], [D("2025-11-05")], [D("2025-11-06")] * 3
        ),
        "silences": [Silence(D("2025-10-28"), D("2025-11-25"), D("2025-11-07"))],
        "threshold": timedelta(days=10),
        "disputed": (),
    }
    values.update(overrides)
    return ElementTree.fromstring(svg(Chart(**values)))  # type: ignore[arg-type]


def _marks(root: ElementTree.Element, cls: str) -> list[ElementTree.Element]:
    return [e for e in root.iter() if cls in (e.get("class") or "").split()]


def test_svg_is_well_formed_and_escapes_the_name() -> None:
    root = _chart()
    assert root.tag == f"{SVG}svg"
    assert root.get("data-from") == "2025-10-01" and root.get("data-threshold-days") == "10"
    assert root.find(f"{SVG}title").text.startswith("Sergey <Lavrov> & co:")  # type: ignore[union-attr]


def test_svg_shades_the_silence_and_marks_the_threshold_inside_it() -> None:
    root = _chart()
    (silence,) = _marks(root, "silence")
    (over,) = _marks(root, "over-threshold")
    (line,) = _marks(root, "threshold")
    assert (silence.get("data-from"), silence.get("data-to")) == ("2025-10-28", "2025-11-25")
    assert over.get("data-from") == "2025-11-07"
    left, width = float(silence.get("x") or 0), float(silence.get("width") or 0)
    assert left < float(line.get("x1") or 0) == float(over.get("x") or 0) < left + width
    # the bars of the two sightings sit at the silence's two edges
    bars = {b.get("data-day"): float(b.get("x") or 0) for b in _marks(root, "appearance")}
    assert bars["2025-10-28"] < left < bars["2025-11-25"] < left + width


def test_svg_bars_count_and_place_each_kind_by_day() -> None:
    root = _chart()
    mentions = _marks(root, "mention")
    assert [(m.get("data-day"), m.get("data-count")) for m in mentions] == [("2025-11-06", "3")]
    assert [a.get("data-day") for a in _marks(root, "absence")] == ["2025-11-05"]
    xs = [float(b.get("x") or 0) for b in _marks(root, "bar")]
    assert all(118 <= x <= 960 for x in xs)


def test_svg_marks_disputed_sightings_and_drops_what_is_outside_the_window() -> None:
    root = _chart(start=D("2025-11-01"), disputed=(D("2025-11-25"),))
    assert [b.get("data-day") for b in _marks(root, "disputed")] == ["2025-11-25"]
    assert "2025-10-28" not in {b.get("data-day") for b in _marks(root, "bar")}
    (silence,) = _marks(root, "silence")  # clipped to the window, still labelled in full
    assert silence.get("data-from") == "2025-10-28" and float(silence.get("x") or 0) >= 118


def test_svg_of_an_open_silence_runs_to_the_end_of_the_window() -> None:
    root = _chart(silences=[Silence(D("2025-11-25"), None, D("2025-12-05"))], end=D("2025-12-10"))
    (silence,) = _marks(root, "silence")
    assert silence.get("data-to") == ""
    assert "still silent on 2025-12-10" in (silence.find(f"{SVG}title").text or "")  # type: ignore[union-attr]
    assert float(silence.get("x") or 0) + float(silence.get("width") or 0) == pytest.approx(
        960 - 12, abs=20
    )
