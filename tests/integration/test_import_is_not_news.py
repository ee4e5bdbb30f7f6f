"""Backfill is not news: `tracker import` stores and evaluates, but stores and sends no
alert unless `--alerts` is given. The README's demo example, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import DEMO_CONFIG, SEEDS, run_cli


def _demo(tmp: Path) -> tuple[Path, Path]:
    """The demo config with its database and outbox in `tmp`; returns (config, outbox)."""
    text = DEMO_CONFIG.read_text(encoding="utf-8").replace('url = "../seeds/', f'url = "{SEEDS}/')
    text = text.replace("../demo-output", str(tmp))
    config = tmp / "demo.toml"
    config.write_text(text, encoding="utf-8")
    return config, tmp / "outbox"


def _eml(outbox: Path) -> list[Path]:
    return sorted(outbox.glob("*.eml")) if outbox.exists() else []


def test_the_readme_import_example_writes_no_alert(tmp_path: Path) -> None:
    config, outbox = _demo(tmp_path)
    done = run_cli("--config", str(config), "import", str(SEEDS))
    assert done.returncode == 0, done.stderr
    assert _eml(outbox) == []
    assert "sent:" not in done.stdout and "alert:" not in done.stdout
    assert "no alerts stored or sent (use --alerts to store and send them)" in done.stdout
    assert " silent" in done.stdout.splitlines()[-1]  # it did evaluate: someone is silent now
    stored = json.loads(run_cli("--config", str(config), "alerts", "--json").stdout)
    assert stored == {"alerts": []}
    # and a later poll does not find old alerts waiting to be sent
    assert "sent:" not in run_cli("--config", str(config), "alerts", "retry").stdout


def test_import_with_alerts_stores_and_sends_them(tmp_path: Path) -> None:
    config, outbox = _demo(tmp_path)
    done = run_cli(
        "--config", str(config), "import", str(SEEDS), "--alerts", "--as-of", "2025-11-12"
    )
    assert done.returncode == 0, done.stderr
    assert "alert: " in done.stdout and "sent: " in done.stdout
    written = _eml(outbox)
    assert written, "the alerts due on 2025-11-12 are written to the outbox"
    stored = json.loads(run_cli("--config", str(config), "alerts", "--json").stdout)["alerts"]
    assert {a["state"] for a in stored} == {"delivered"} and len(stored) >= 1


def test_alerts_and_no_alerts_together_is_a_usage_error(tmp_path: Path) -> None:
    config, _outbox = _demo(tmp_path)
    done = run_cli("--config", str(config), "import", str(SEEDS), "--alerts", "--no-alerts")
    assert done.returncode == 2
    assert done.stderr == "tracker: --alerts and --no-alerts: choose one\n"
    assert not (tmp_path / "demo.db").exists()  # refused before anything was stored
