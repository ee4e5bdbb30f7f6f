"""Config fuzzing (issue 10, item 6, the config half): seeded, bounded mutations of the
project's TOML configs. Whatever the file holds, loading it either gives settings that
are all in range or one ConfigError line naming the file; a command exits 0, 2 (one
line on stderr), or 3/4 when a valid config points at nothing; never a traceback.

A few hundred cases run in the suite; more on demand, with the seed to replay:

    TRACKER_FUZZ_CASES=5000 TRACKER_FUZZ_SEED=7 .venv/bin/pytest tests/unit/test_config_fuzz.py
"""

from __future__ import annotations

import dataclasses
import math
import os
import pickle
import random
import re
import time
import tomllib
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.helpers import ROOT, run_cli
from tracker import config_schema as schema
from tracker.cli import app
from tracker.config import Config, ConfigError, load_config, parse_config
from tracker.moments import FIRST_DAY, FIRST_MOMENT, LAST_DAY, LAST_MOMENT, LONGEST

CASES = int(os.environ.get("TRACKER_FUZZ_CASES", "300"))
SEED = int(os.environ.get("TRACKER_FUZZ_SEED", "20261201"))
CLI_SAMPLE = 25  # of the cases, also run through the command line in-process
PROCESS_SAMPLE = 3  # and through a real `python -m tracker`
CASE_LIMIT = 10.0  # seconds: a case slower than this counts as a hang

SEEDS = [
    ROOT / "config" / "demo.toml",
    ROOT / "config" / "tracker.toml",
    ROOT / "tests" / "recognition" / "watchlist.toml",
    ROOT / "tests" / "data" / "config-full.toml",
]

# hostile literals by the kind of value they replace (a number by a number, mostly, so
# that the schema's bounds are hit, not only its types), and any of them at times
NUMBERS = [
    "nan", "-nan", "inf", "-inf", "0", "-1", "-3", "1.5", "1e308", "-0.0", "1e-300",
    "99999999999999999999", "-99999999999999999999", "9223372036854775808", "65536",
]  # fmt: skip
MOMENTS = [
    "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+05:00", "1979-05-27T07:32:00", "2025-10-01",
    "9999-12-31", "1899-12-31", "12:00:00", "2201-01-01T00:00:00-12:00",
    '"9999-12-31T23:59:59-05:00"', '"2025-02-30"', '"yesterday"',
]  # fmt: skip
STRINGS = [
    '""', '"  "', '"\\u0000"', '"a\\u0000b"', '"\\r\\nX-Evil: 1"', '"\\u202eevil"', '"ünï"',
    '"' + "x" * 3000 + '"', '"' + "d" * 300 + '"', '"99999999999999999999d"', '"99999999999d"',
    '"0s"', '"-5m"', '"1d12h"', '"10 days"', '"adaptive"', '"0"', '"5MB"', '"2GB"', '"lots"',
    '"javascript:alert(1)"', '"http://[::1"', '"http://"', '"file://"', '"file://host/x"',
    '"https://a.example:99999/"', '"ftp://x/y"', '"~no-such-user/x"', '"/dev/null"', '"."',
    '"smtp.pw"', '"sqlite:///../../x.db"', '"postgresql://"', '"ssl"', '"NONE"', '"webhook"',
    '"x@y"', '"nobody"', '"Arvid Lindqvist"', '"nordmark"',
]  # fmt: skip
OTHERS = ["true", "false", "[]", '[1, "a"]', '["", " "]', "[[]]", "{}", "{a = 1}", '{title = ""}']
OTHERS += ["[" * 3000 + "]" * 3000, "{a = " * 2000 + "1" + "}" * 2000]  # nesting
ANY = NUMBERS + MOMENTS + STRINGS + OTHERS


def _kin(literal: str) -> list[str]:
    """Hostile literals of the same kind as `literal`."""
    if re.match(r"[-+]?(\d|nan|inf)", literal) and not re.match(r"\d{4}-|\d\d:", literal):
        return NUMBERS
    if re.match(r"\d{4}-|\d\d:", literal):
        return MOMENTS
    return STRINGS if literal.startswith('"') else OTHERS


KEYS = sorted(
    {
        field.alias or name
        for table in vars(schema).values()
        if isinstance(table, type) and issubclass(table, schema.Table)
        for name, field in table.model_fields.items()
    }
)
HEADERS = ["[[feeds]]", "[feeds]", "[[officials]]", "[email]", "[[email]]", "[polling]"]
HEADERS += ["[alerts.adaptive]", "[[awaits]]", "[[notify]]", "[email.routes]", "[defaults]"]
ASSIGNMENT = re.compile(r"^(\s*[A-Za-z_][\w.-]*\s*=\s*)(.+)$")


def _assignments(lines: list[str]) -> list[tuple[int, re.Match[str]]]:
    return [(i, m) for i, line in enumerate(lines) if (m := ASSIGNMENT.match(line))]


def _value(rng: random.Random, lines: list[str]) -> str:
    """Swap one value for a hostile literal."""
    spots = _assignments(lines)
    if not spots:
        return "no assignment"
    i, match = rng.choice(spots)
    literal = rng.choice(_kin(match.group(2)) if rng.random() < 0.7 else ANY)
    lines[i] = match.group(1) + literal
    return f"line {i + 1} value -> {literal[:40]}"


def _key(rng: random.Random, lines: list[str]) -> str:
    """Rename one key: a key of another table, a misspelling, or an odd one."""
    spots = _assignments(lines)
    if not spots:
        return "no key"
    i, match = rng.choice(spots)
    name = rng.choice([*KEYS, "treshold", "Name", "url ", '"quoted key"', "a.b.c"])
    lines[i] = f"{name} = {match.group(2)}"
    return f"line {i + 1} key -> {name}"


def _line(rng: random.Random, lines: list[str]) -> str:
    """Delete, duplicate, or insert a table header."""
    i = rng.randrange(len(lines) + 1)
    how = rng.choice(["delete", "duplicate", "header"])
    if how == "header":
        lines.insert(i, rng.choice(HEADERS))
    elif i < len(lines):
        lines.insert(i, lines[i]) if how == "duplicate" else lines.pop(i)
    return f"line {i + 1} {how}"


def _bytes(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """Flip, truncate or insert raw bytes (NUL, invalid UTF-8, quotes, brackets)."""
    i = rng.randrange(len(data) + 1)
    how = rng.choice(["flip", "truncate", "insert"])
    if how == "flip" and i < len(data):
        data = data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1 :]
    elif how == "truncate":
        data = data[:i]
    else:
        data = (
            data[:i] + rng.choice([b"\x00", b"\xff\xfe", b'"', b"[", b"]]", b"=", b"\n"]) + data[i:]
        )
    return data, f"byte {i} {how}"


def mutate(rng: random.Random, text: str) -> tuple[bytes, list[str]]:
    """One to three mutations of a TOML text; returns the bytes and what was done."""
    lines = text.splitlines()
    done: list[str] = []
    for _ in range(rng.randint(1, 3)):
        done.append(rng.choice([_value, _value, _key, _line])(rng, lines))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if rng.random() < 0.2:
        data, how = _bytes(rng, data)
        done.append(how)
    return data, done


def cases() -> Iterator[tuple[int, Path, bytes, list[str]]]:
    rng = random.Random(SEED)
    texts = [(seed, seed.read_text(encoding="utf-8")) for seed in SEEDS]
    for n in range(CASES):
        # half the cases from the seed that has every key
        seed, text = texts[-1] if rng.random() < 0.5 else rng.choice(texts)
        data, done = mutate(rng, text)
        yield n, seed, data, done


def _in_range(value: Any, where: str) -> Iterator[str]:
    """Every value of accepted settings is one the rest of the code can use."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _in_range(getattr(value, f.name), f"{where}.{f.name}")
        return
    if isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from _in_range(item, f"{where}[{i}]")
        return
    if isinstance(value, datetime):
        bad = value.tzinfo is None or not FIRST_MOMENT <= value <= LAST_MOMENT
    elif isinstance(value, date):
        bad = not FIRST_DAY <= value <= LAST_DAY
    elif isinstance(value, timedelta):
        bad = not timedelta(0) < value <= LONGEST
    elif isinstance(value, float):
        bad = not math.isfinite(value)
    elif isinstance(value, str):
        bad = "\x00" in value
    else:
        bad = isinstance(value, int) and not isinstance(value, bool) and abs(value) > 1024**3
    if bad:
        yield f"{where} = {value!r}"


def _setup(folder: Path) -> None:
    (folder / "smtp.pw").write_text("invented-password\n", encoding="utf-8")
    (folder / "chat.url").write_text("json://127.0.0.1:9/chat\n", encoding="utf-8")


def _load(path: Path) -> Config | str:
    try:
        return load_config(path)
    except ConfigError as exc:
        return str(exc)


def test_every_seed_config_loads_as_it_is(tmp_path: Path) -> None:
    _setup(tmp_path)
    for seed in SEEDS:
        path = tmp_path / seed.name
        path.write_bytes(seed.read_bytes())
        assert isinstance(_load(path), Config), _load(path)


def test_mutated_configs_load_in_range_or_fail_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TRACKER_DATABASE_URL", raising=False)
    _setup(tmp_path)
    path = tmp_path / "tracker.toml"
    outcomes = {"loaded": 0, "refused": 0}
    slowest = 0.0
    for n, seed, data, done in cases():
        path.write_bytes(data)
        replay = f"case {n} (seed {SEED}) from {seed.name}: {done}"
        started = time.perf_counter()
        try:
            result = _load(path)
        except Exception as exc:  # the point of the test: nothing else escapes
            pytest.fail(f"{replay}: {type(exc).__name__}: {exc}")
        slowest = max(slowest, time.perf_counter() - started)
        if isinstance(result, str):
            outcomes["refused"] += 1
            assert "\n" not in result and result.startswith(f"{path}: "), (replay, result)
        else:
            outcomes["loaded"] += 1
            assert not list(_in_range(result, "config")), (replay, list(_in_range(result, "")))
    assert slowest < CASE_LIMIT, f"slowest case {slowest:.1f}s"
    # the mutations reach the schema, not only the TOML parser, and leave some valid
    assert outcomes["refused"] > CASES // 3 and outcomes["loaded"] > CASES // 20, outcomes


# the same in Python values, put in place of each value of the parsed seed
PY_NUMBERS: list[Any] = [math.nan, math.inf, -math.inf, 0, -1, -3, 0.5, 1.5, 1e308, 2**64, -(2**64)]
PY_MOMENTS: list[Any] = [
    datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC), datetime(1, 1, 1, tzinfo=UTC),
    datetime(2025, 10, 1, 12), date(9999, 12, 31), date(1899, 12, 31), dt_time(12, 0),
]  # fmt: skip
PY_STRINGS: list[Any] = [
    "", " ", "\x00", "a\x00b", "\r\nX-Evil: 1", "\u202e", "ünï", "x" * 3000, "0s", "-5m",
    "99999999999999999999d", "adaptive", "0", "2GB", "javascript:x", "http://[::1", "~nobody-zz/x",
]  # fmt: skip
PY_OTHERS: list[Any] = [True, False, [], [1, "a"], [[]], {}, {"a": 1}]


def _spots(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value and table in a parsed document (not the root)."""
    children = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else []
    )
    for key, child in children:
        yield (*path, key)
        yield from _spots(child, (*path, key))


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    copy = pickle.loads(pickle.dumps(data))
    node = copy
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return copy


def _kin_values(value: Any) -> list[Any]:
    if isinstance(value, bool):
        return PY_OTHERS
    if isinstance(value, int | float):
        return PY_NUMBERS
    if isinstance(value, date | dt_time):
        return PY_MOMENTS
    return PY_STRINGS if isinstance(value, str) else PY_OTHERS


def test_every_value_of_the_full_seed_replaced_by_hostile_ones(tmp_path: Path) -> None:
    """A sweep, not a sample: each value (and table) of the seed with every key, in turn,
    replaced by hostile values of its own kind and a few of other kinds."""
    _setup(tmp_path)
    path = tmp_path / "tracker.toml"
    data = tomllib.loads(SEEDS[-1].read_text(encoding="utf-8"))
    rng = random.Random(SEED)
    everything = PY_NUMBERS + PY_MOMENTS + PY_STRINGS + PY_OTHERS
    checked = 0
    for spot in _spots(data):
        node: Any = data
        for key in spot:
            node = node[key]
        for value in _kin_values(node) + rng.sample(everything, 4):
            replay = f"{'.'.join(map(str, spot))} = {value!r}"[:200]
            try:
                config = parse_config(_replaced(data, spot, value), path=path, env={})
            except ConfigError as exc:
                assert "\n" not in str(exc) and str(exc).startswith(f"{path}: "), (replay, exc)
            except Exception as exc:
                pytest.fail(f"{replay}: {type(exc).__name__}: {exc}")
            else:
                assert not list(_in_range(config, "config")), (replay, list(_in_range(config, "")))
            checked += 1
    assert checked > 1000


def _sample(folder: Path, size: int) -> list[tuple[int, Path, bytes, list[str]]]:
    """Cases for the command line: half that load (the command runs on them), half not."""
    probe = folder / "probe.toml"
    loaded: list[tuple[int, Path, bytes, list[str]]] = []
    refused: list[tuple[int, Path, bytes, list[str]]] = []
    for case in cases():
        probe.write_bytes(case[2])
        (loaded if isinstance(_load(probe), Config) else refused).append(case)
    half = (size + 1) // 2
    return loaded[:half] + refused[: size - min(half, len(loaded))]


def _check_run(code: int, stderr: str, replay: str) -> None:
    assert code in {0, 2, 3, 4}, (replay, code, stderr)
    assert "Traceback" not in stderr, (replay, stderr)
    if code == 2:
        assert len(stderr.strip().splitlines()) == 1, (replay, stderr)


def test_a_sample_of_mutated_configs_through_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _setup(tmp_path)
    # never a database the mutation names (it could be a remote host): a local file
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    path = tmp_path / "tracker.toml"
    for n, seed, data, done in _sample(tmp_path, CLI_SAMPLE):
        path.write_bytes(data)
        result = CliRunner().invoke(app, ["--config", str(path), "status"])
        replay = f"case {n} (seed {SEED}) from {seed.name}: {done}"
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            replay,
            repr(result.exception),
        )
        _check_run(result.exit_code, result.stderr, replay)


def test_mutated_configs_through_a_real_process_print_no_traceback(tmp_path: Path) -> None:
    _setup(tmp_path)
    path = tmp_path / "tracker.toml"
    env = {"TRACKER_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}
    for n, seed, data, done in _sample(tmp_path, PROCESS_SAMPLE):
        path.write_bytes(data)
        result = run_cli("--config", str(path), "status", env=env, timeout=60)
        _check_run(result.returncode, result.stderr, f"case {n} from {seed.name}: {done}")
