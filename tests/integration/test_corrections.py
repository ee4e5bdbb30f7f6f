"""Corrections by hand through the CLI on the replayed demo: they change status, the
next evaluation's alerts, history and replay, and taking one back restores all of it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.webserver import copy_of, replayed_demo

AS_OF = "2025-11-30"


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return replayed_demo(tmp_path_factory.mktemp("corrections-demo"))


@pytest.fixture
def demo(replayed: Path, tmp_path: Path) -> Path:
    return copy_of(replayed, tmp_path)


def cli(config: Path, *args: str) -> str:
    done = run_cli("--config", str(config), *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def status_of(config: Path, name: str, as_of: str = AS_OF) -> dict[str, object]:
    body = json.loads(cli(config, "status", "--as-of", as_of, "--json"))
    return next(o for o in body["officials"] if o["name"] == name)


def appearances(config: Path, name: str) -> list[dict[str, object]]:
    return json.loads(cli(config, "history", name, "--json", "--ids"))["appearances"]


def latest(config: Path, name: str) -> dict[str, object]:
    return next(a for a in reversed(appearances(config, name)) if not a["by_hand"])


def test_rejecting_a_sighting_changes_status_alerts_and_history_and_removing_restores(
    demo: Path,
) -> None:
    before = status_of(demo, "Marco Rubio")
    assert (before["status"], before["last_seen"]) == ("ok", "2025-11-23")
    geneva = latest(demo, "Marco Rubio")
    assert geneva["date"] == "2025-11-23" and geneva["correction"] is None

    said = cli(
        demo,
        "correct",
        "reject",
        str(geneva["finding_id"]),
        "--reason",
        "file footage",
        "--by",
        "ana",
    )
    assert said.startswith("stored #1 Marco Rubio: rejected the appearance of 2025-11-23")

    after = status_of(demo, "Marco Rubio")
    assert (after["status"], after["last_seen"]) == ("silent", "2025-11-18")
    shown = next(
        a for a in appearances(demo, "Marco Rubio") if a["finding_id"] == geneva["finding_id"]
    )
    assert shown["correction"]["action"] == "reject" and shown["correction"]["by"] == "ana"
    assert shown["correction"]["reason"] == "file footage"
    text = cli(demo, "history", "Marco Rubio")
    assert "2025-11-23  Marco Rubio [REJECTED]" in text and "why: file footage" in text

    cli(demo, "poll", "--as-of", AS_OF)  # the next evaluation
    alerts = json.loads(cli(demo, "alerts", "--json"))["alerts"]
    assert [
        a["subject"] for a in alerts if a["official"] == "Marco Rubio" and a["kind"] == "silent"
    ] == ["[tracker] Marco Rubio silent for 12 days (threshold 10d)"]

    assert cli(demo, "correct", "remove", "1", "--by", "ana", "--reason", "it was new").startswith(
        "removed #1"
    )
    restored = status_of(demo, "Marco Rubio")
    assert (restored["status"], restored["last_seen"]) == ("ok", "2025-11-23")
    # all as before (the poll also took in the feeds' 2013 stories: watching began earlier)
    assert {**restored, "watching_since": None} == {**before, "watching_since": None}
    assert latest(demo, "Marco Rubio")["correction"] is None
    assert "[REJECTED]" not in cli(demo, "history", "Marco Rubio")
    log = json.loads(cli(demo, "correct", "list", "--all", "--json"))["corrections"]
    assert [(c["id"], c["in_force"], c["removed_by"], c["removed_reason"]) for c in log] == [
        (1, False, "ana", "it was new")
    ]
    rows = list(csv.DictReader(io.StringIO(cli(demo, "correct", "list", "--all", "--csv"))))
    assert [(r["id"], r["action"], r["in_force"], r["removed_by"]) for r in rows] == [
        ("1", "reject", "False", "ana")
    ]
    assert cli(demo, "correct", "list") == "no corrections\n"


def test_a_sighting_added_by_hand_counts_and_shows_in_history(demo: Path) -> None:
    cli(
        demo,
        "correct",
        "add",
        "John Kerry",
        "--on",
        "2025-11-28",
        "--source",
        "C-SPAN",
        "--note",
        "spoke at a forum",
        "--by",
        "ben",
    )
    kerry = status_of(demo, "John Kerry")
    assert (kerry["status"], kerry["last_seen"]) == ("ok", "2025-11-28")
    assert kerry["evidence"]["text"] == "spoke at a forum"
    assert kerry["last_seen_source_names"] == ["added by hand"]
    (added,) = appearances(demo, "John Kerry")
    assert added["by_hand"] and added["source"] == "C-SPAN" and added["correction"]["by"] == "ben"
    assert "[BY HAND]" in cli(demo, "history", "John Kerry")
    assert status_of(demo, "John Kerry", "2025-11-27")["status"] == "unseen"  # not known before


def test_an_entry_not_about_the_official_drops_all_its_findings(demo: Path) -> None:
    geneva = latest(demo, "Marco Rubio")
    cli(
        demo, "correct", "not-about", str(geneva["url"]), "Marco Rubio", "--reason", "another Rubio"
    )
    assert status_of(demo, "Marco Rubio")["last_seen"] == "2025-11-18"
    every = json.loads(cli(demo, "history", "Marco Rubio", "--json", "--mentions", "--ids"))[
        "findings"
    ]
    of_entry = [f for f in every if f["url"] == geneva["url"]]
    assert of_entry and all(f["correction"]["action"] == "not_about" for f in of_entry)
    assert "[NOT ABOUT]" in cli(demo, "history", "Marco Rubio")


def test_a_correction_survives_rescan_and_is_carried_into_a_replay(demo: Path) -> None:
    geneva = latest(demo, "Marco Rubio")
    cli(demo, "correct", "reject", str(geneva["finding_id"]), "--reason", "file footage")
    cli(demo, "rescan", "Marco Rubio")  # findings made again, with new ids
    assert status_of(demo, "Marco Rubio")["last_seen"] == "2025-11-18"
    again = next(a for a in appearances(demo, "Marco Rubio") if a["url"] == geneva["url"])
    assert again["finding_id"] != geneva["finding_id"] and again["correction"]["action"] == "reject"

    replay = cli(demo, "replay", "seeds/", "--from", "2025-10-01")  # into memory
    assert "1 correction by hand carried over from" in replay
    assert "Marco Rubio: ok -> silent (last seen 2025-11-18" in replay


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["correct", "reject", "999999", "--reason", "x"], "no finding #999999"),
        (["correct", "reject", "1"], "--reason is required"),
        (["correct", "reject", "0", "--reason", "x"], "finding id: 0 is not an id"),
        (["correct", "remove", "77"], "no correction #77"),
        (
            ["correct", "add", "Nobody", "--on", "2025-11-01", "--note", "x"],
            'no official "Nobody" on the watchlist',
        ),
        (
            ["correct", "add", "Jon Kery", "--on", "2025-11-01", "--note", "x"],
            'did you mean "John Kerry"?',
        ),
        (["correct", "list", "--json", "--csv"], "--json and --csv: choose one"),
        (
            ["correct", "add", "John Kerry", "--on", "2025-11-01"],
            "say where or what: --source or --note",
        ),
        (
            ["correct", "add", "John Kerry", "--on", "2200-01-01", "--note", "x"],
            "--on 2200-01-01: in the future",
        ),
        (
            ["correct", "add", "John Kerry", "--on", "someday", "--note", "x"],
            "--on: bad date 'someday'",
        ),
        (
            ["correct", "not-about", "https://nowhere.example/x", "John Kerry"],
            "no entry 'https://nowhere.example/x'",
        ),
    ],
)
def test_a_wrong_correction_is_one_line_and_exit_2(demo: Path, args: list[str], says: str) -> None:
    done = run_cli("--config", str(demo), *args)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert says in done.stderr and "Traceback" not in done.stderr


def test_the_same_rejection_twice_and_a_second_removal_are_refused(demo: Path) -> None:
    finding = str(latest(demo, "Marco Rubio")["finding_id"])
    cli(demo, "correct", "reject", finding, "--reason", "x")
    twice = run_cli("--config", str(demo), "correct", "reject", finding, "--reason", "x")
    assert twice.returncode == 2 and f"finding #{finding} is already rejected" in twice.stderr
    cli(demo, "correct", "remove", "1")
    again = run_cli("--config", str(demo), "correct", "remove", "1")
    assert again.returncode == 2 and "correction #1 was already removed" in again.stderr
