"""Terminal output that fits: the demo status fits 80 columns, colour only where wanted,
muted shown in the row, plurals right, CSV beside JSON; through the real CLI."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from tests.helpers import DEMO_CONFIG, ROOT, SEEDS, child_env, run_cli
from tracker.cli.report import silence_text

COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-7]|9[0-7]|38;[0-9;]+)m")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("demo")
    text = DEMO_CONFIG.read_text(encoding="utf-8").replace('url = "../seeds/', f'url = "{SEEDS}/')
    config = tmp / "demo.toml"
    config.write_text(text.replace("../demo-output", str(tmp)), encoding="utf-8")
    done = run_cli("--config", str(config), "import", str(SEEDS), "--no-alerts")
    assert done.returncode == 0, done.stderr
    return config


def status(config: Path, *args: str, **env: str) -> str:
    done = run_cli("--config", str(config), "status", "--as-of", "2025-11-12", *args, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("columns", [80, 120])
def test_the_demo_status_fits_the_terminal_without_wrapping(demo: Path, columns: int) -> None:
    out = status(demo, COLUMNS=str(columns))
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= columns, [x for x in lines if len(x) > columns]
    header = lines[1].split()
    assert header[:3] == ["OFFICIAL", "STATUS", "LAST"]
    names = json.loads(status(demo, "--json"))["officials"]
    for official in names:  # one row per official, on one line
        assert sum(1 for line in lines if line.startswith(official["name"] + " ")) == 1


def test_evidence_is_cut_to_the_room_left_and_shown_whole_when_there_is_room(demo: Path) -> None:
    narrow = status(demo, COLUMNS="100")
    wide = status(demo, COLUMNS="250")
    assert "EVIDENCE" in narrow and "EVIDENCE" in wide
    assert "…" in narrow
    longest = max(len(line) for line in wide.splitlines()[:12])
    assert 100 < longest <= 250


def test_piped_output_has_no_colour_and_a_terminal_gets_it_unless_no_color(demo: Path) -> None:
    assert not COLOUR.search(status(demo))  # a pipe: no terminal, no colour
    forced = status(demo, FORCE_COLOR="1")
    assert COLOUR.search(forced)  # as on a terminal: states in colour
    assert not COLOUR.search(status(demo, FORCE_COLOR="1", NO_COLOR="1"))


def test_a_muted_official_is_muted_in_its_row_and_no_longer_heads_the_list(
    demo: Path,
) -> None:
    before = json.loads(status(demo, "--json"))["officials"]
    first = before[0]["name"]
    assert before[0]["status"] == "silent"
    muted = run_cli("--config", str(demo), "mute", first, "--for", "30d")
    assert muted.returncode == 0, muted.stderr
    try:
        lines = run_cli("--config", str(demo), "status").stdout.splitlines()
        rows = [line for line in lines[2:] if line and not line.startswith(" ")]
        row = next(line for line in rows if line.startswith(first + " "))
        assert row.split()[len(first.split())] == "muted"
        assert not rows[0].startswith(first + " ")
        assert f"muted: {first} until" in "\n".join(lines)
        # --json is unchanged: same order, the mute in its own field
        after = json.loads(run_cli("--config", str(demo), "status", "--json").stdout)
        assert after["officials"][0]["name"] == first
        assert after["officials"][0]["muted_until"] is not None
    finally:
        assert run_cli("--config", str(demo), "unmute", first).returncode == 0


@pytest.mark.parametrize(
    ("silent_for", "text"),
    [
        (None, "-"),
        (timedelta(days=1), "1 day"),
        (timedelta(days=2, hours=23), "2 days"),
        (timedelta(days=5032), "5032 days"),
        (timedelta(hours=1), "1 hour"),
        (timedelta(hours=5, minutes=59), "5 hours"),
        (timedelta(minutes=1), "1 minute"),
        (timedelta(seconds=30), "0 minutes"),
    ],
)
def test_silences_read_in_whole_units_with_plurals(silent_for: timedelta | None, text: str) -> None:
    assert silence_text(silent_for) == text


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_status_csv_has_the_json_fields_one_row_per_official(demo: Path) -> None:
    data = json.loads(status(demo, "--json"))["officials"]
    rows = _csv(status(demo, "--csv"))
    assert [r["name"] for r in rows] == [o["name"] for o in data]
    assert [r["status"] for r in rows] == [o["status"] for o in data]
    assert [r["last_seen"] for r in rows] == [o["last_seen"] or "" for o in data]
    with_evidence = next(o for o in data if o["evidence"])
    row = next(r for r in rows if r["name"] == with_evidence["name"])
    assert row["evidence_url"] == with_evidence["evidence"]["url"]


@pytest.mark.parametrize(
    ("args", "key", "column"),
    [
        (("history",), "appearances", "official"),
        (("history", "Lavrov", "--mentions"), "findings", "kind"),
        (("alerts",), "alerts", "state"),
        (("feeds", "--all"), "feeds", "state"),
    ],
)
def test_csv_beside_json_on_history_alerts_and_feeds(
    demo: Path, args: tuple[str, ...], key: str, column: str
) -> None:
    data = json.loads(run_cli("--config", str(demo), *args, "--json").stdout)[key]
    done = run_cli("--config", str(demo), *args, "--csv")
    assert done.returncode == 0, done.stderr
    rows = _csv(done.stdout)
    assert len(rows) == len(data)
    assert [r[column] for r in rows] == [str(d[column]) for d in data]
    if key != "alerts":
        assert rows, "the demo has some"


def test_json_and_csv_together_is_a_usage_error(demo: Path) -> None:
    done = run_cli("--config", str(demo), "status", "--json", "--csv")
    assert done.returncode == 2 and done.stderr == "tracker: --json and --csv: choose one\n"


@pytest.mark.parametrize(
    ("words", "cword", "wanted"),
    [
        ("tracker sta", "1", {"status"}),
        ("tracker correct re", "2", {"reject", "remove"}),
        ("tracker history --", "2", {"--json", "--csv", "--mentions", "--ids"}),
    ],
)
def test_shell_completion_is_offered_and_completes_commands(
    words: str, cword: str, wanted: set[str]
) -> None:
    assert "--install-completion" in run_cli("--help").stdout
    done = run_cli(
        env={"_TRACKER_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword}
    )
    assert wanted <= set(done.stdout.split()), done.stdout


@pytest.mark.parametrize(
    ("shell", "script_start"),
    [
        ("bash", "_tracker_completion()"),
        ("zsh", "#compdef tracker"),
        ("fish", "complete --command tracker"),
    ],
)
def test_show_completion_prints_the_script_for_the_shell_it_runs_in(
    shell: str, script_start: str
) -> None:
    # `--show-completion` takes no value: it names the shell it was started from (read
    # from the process tree), so the test starts it from a parent process of that name
    # (bash run as `exec -a SHELL`; the `; exit` keeps bash from exec-ing python itself).
    inner = '"$0" -m tracker --show-completion; code=$?; exit $code'
    done = subprocess.run(
        ["bash", "-c", f"exec -a {shell} bash -c '{inner}' \"$0\"", sys.executable],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=child_env(),
        start_new_session=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(script_start), done.stdout[:200]
    assert "_TRACKER_COMPLETE" in done.stdout
