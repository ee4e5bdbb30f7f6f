"""TOML configuration -> validated settings, with errors that name file, key and problem.

Relative paths (local feeds, the outbox, SQLite files) resolve against the folder
of the config file, so a config works the same from any working directory.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from tracker.domain import Official, Role
from tracker.durations import parse_duration
from tracker.moments import LARGEST_ID, check_day, check_finite, check_moment
from tracker.thresholds import AdaptivePolicy

ENV_CONFIG = "TRACKER_CONFIG"
ENV_DATABASE = "TRACKER_DATABASE_URL"


class ConfigError(Exception):
    """A problem with the configuration; str() is one line fit for a user."""


@dataclass(frozen=True)
class FeedConfig:
    url: str
    name: str
    interval: timedelta
    fulltext: bool = False  # fetch each new entry's page and extract its main text
    category: str = ""  # a folder in OPML exports


@dataclass(frozen=True)
class PollingConfig:
    """How feeds are fetched: limits, timeouts, manners ([polling] in the file)."""

    concurrency: int = 20
    per_host: int = 2
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 60.0
    max_size: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = ""  # empty: tracker's own, naming the program and its version
    max_interval: timedelta = timedelta(hours=6)
    max_backoff: timedelta = timedelta(hours=24)
    fulltext_private: bool = False  # let feed links reach private and local addresses


@dataclass(frozen=True)
class NotifyConfig:
    """A `[[notify]]` route: alerts to a channel (Apprise URL or a JSON webhook). The URL
    may hold a secret (a token), so it comes from `url`, `url_env` or `url_file` and is
    never logged: the route is named by `name` everywhere."""

    name: str
    kind: str = "apprise"  # "apprise" or "webhook"
    url: str = ""
    url_env: str = ""
    url_file: Path | None = None
    groups: tuple[str, ...] = ()  # only officials of these groups; empty: everyone
    timeout: float = 30.0

    def wants(self, group: str) -> bool:
        return not self.groups or group in self.groups

    def resolve_url(self, env: dict[str, str]) -> str:
        """The URL, read when it is needed (a missing secret fails that send, not the
        whole run)."""
        if self.url_file is not None:
            return self.url_file.read_text(encoding="utf-8").strip()
        if self.url_env:
            return env.get(self.url_env, "").strip()
        return self.url


@dataclass(frozen=True)
class EmailConfig:
    host: str
    port: int
    security: str
    sender: str
    to: tuple[str, ...]
    username: str | None = None
    password_env: str | None = None
    password_file: Path | None = None
    timeout: float = 30.0
    routes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # group -> recipients

    def recipients_for(self, group: str) -> tuple[str, ...]:
        """Where alerts about an official of `group` go: its route, else `to`."""
        return dict(self.routes).get(group, self.to) if group else self.to


@dataclass(frozen=True)
class AlertsConfig:
    """How alerts behave: repeats, early warning, grouping, adaptive thresholds, retries."""

    repeat_every: timedelta | None = timedelta(days=7)
    early_warning: float | None = None
    group: bool = True
    adaptive: AdaptivePolicy = field(default_factory=AdaptivePolicy)
    retry_min: timedelta = timedelta(minutes=1)
    retry_max: timedelta = timedelta(hours=1)
    lease: timedelta = timedelta(minutes=10)


@dataclass(frozen=True)
class AwaitConfig:
    official: str
    since: datetime
    within: timedelta
    about: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    database: str
    outbox: Path
    threshold: timedelta
    interval: timedelta
    evaluate_every: timedelta
    feeds: tuple[FeedConfig, ...] = ()
    officials: tuple[Official, ...] = ()
    email: EmailConfig | None = None
    polling: PollingConfig = field(default_factory=PollingConfig)
    alerts: AlertsConfig = field(default_factory=AlertsConfig)
    awaits: tuple[AwaitConfig, ...] = ()
    notify: tuple[NotifyConfig, ...] = ()
    path: Path | None = None
    base_dir: Path = field(default_factory=Path.cwd)


def default_config_path() -> Path:
    """$XDG_CONFIG_HOME/tracker/tracker.toml, else ~/.config/tracker/tracker.toml."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "tracker" / "tracker.toml"


def find_config_path(explicit: Path | None) -> Path:
    """--config wins, then $TRACKER_CONFIG, then the default location."""
    if explicit is not None:
        return explicit
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env)
    return default_config_path()


def load_config(path: Path) -> Config:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: config file not found (create one with `tracker init {path}`)"
        ) from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    return parse_config(data, path=path.resolve(), env=dict(os.environ))


# --- validation helpers -----------------------------------------------------------


class _Section:
    """Reads keys from one table, tracking which are known, for precise messages."""

    def __init__(self, where: str, data: Any, label: str) -> None:
        if not isinstance(data, dict):
            raise ConfigError(f"{where}: {label}: must be a table")
        self.where = where
        self.data: dict[str, Any] = data
        self.label = label

    def _key(self, key: str) -> str:
        return f"{self.label}.{key}" if self.label else key

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.where}: {self._key(key)}: {problem}")

    def check_known(self, known: set[str]) -> None:
        for key in self.data:
            if key not in known:
                hint = ", ".join(sorted(known))
                raise self.fail(key, f"unknown key (known keys: {hint})")

    def string(self, key: str, default: str | None = None, *, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(key, "missing (required)")
            return default if default is not None else ""
        if not isinstance(value, str):
            raise self.fail(key, f"must be a string, got {type(value).__name__}")
        if required and not value.strip():
            raise self.fail(key, "must not be empty")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "must be a list of strings")
        return tuple(v.strip() for v in value if v.strip())

    def duration(self, key: str, default: timedelta) -> timedelta:
        value = self.data.get(key)
        if value is None:
            return default
        try:
            return parse_duration(value)
        except ValueError as exc:
            raise self.fail(key, str(exc)) from None

    def integer(self, key: str, default: int) -> int:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, "must be an integer")
        if abs(value) > LARGEST_ID:
            raise self.fail(key, f"out of range (at most {LARGEST_ID})")
        return value

    def count(self, key: str, default: int) -> int:
        """A non-negative integer."""
        value = self.integer(key, default)
        if value < 0:
            raise self.fail(key, f"must not be negative, got {value}")
        return value

    def number(self, key: str, default: float) -> float:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, "must be a number")
        try:
            return check_finite(float(value))
        except (ValueError, OverflowError):
            raise self.fail(key, f"must be a finite number, got {value}") from None

    def boolean(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def positive(self, key: str, default: float) -> float:
        value = self.number(key, default)
        if value <= 0:
            raise self.fail(key, "must be greater than zero")
        return value

    def size(self, key: str, default: int) -> int:
        """Bytes: an integer, or a string with a unit: "512KB", "5MB"."""
        value = self.data.get(key, default)
        if isinstance(value, str):
            match = re.fullmatch(r"\s*(\d+)\s*([kmg]?i?b?)\s*", value.lower())
            if not match:
                raise self.fail(key, f"bad size {value!r}: use bytes or a unit, e.g. '5MB'")
            unit = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[match.group(2)[:1].rstrip("b")]
            value = int(match.group(1)) * unit
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise self.fail(key, "must be a positive number of bytes or a size like '5MB'")
        if value > LARGEST_ID:
            raise self.fail(key, f"out of range (at most {LARGEST_ID} bytes)")
        return value


def _resolve_database(url: str, base: Path) -> str:
    """Make a relative SQLite path absolute against the config folder."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith("sqlite:////"):
        rest = url[len(prefix) :]
        if rest and rest != ":memory:" and not rest.startswith("file:"):
            return prefix + str((base / rest).resolve())
    return url


def _resolve_feed_url(url: str, base: Path) -> str:
    if "://" in url:
        return url
    return str((base / Path(url).expanduser()).resolve())


def parse_config(data: dict[str, Any], *, path: Path | None, env: dict[str, str]) -> Config:
    """Validate a parsed TOML document; pure apart from reading `env`."""
    where = str(path) if path else "<config>"
    base = path.parent if path else Path.cwd()
    top = _Section(where, data, "")
    top.check_known(
        {"database", "outbox", "defaults", "feeds", "officials", "email", "polling", "alerts"}
        | {"awaits", "notify"}
    )

    database = env.get(ENV_DATABASE) or _resolve_database(
        top.string("database", "sqlite:///tracker.db"), base
    )
    outbox = (base / Path(top.string("outbox", "outbox")).expanduser()).resolve()

    defaults = _Section(where, data.get("defaults", {}), "defaults")
    defaults.check_known({"threshold", "interval", "evaluate_every"})
    default_adaptive = defaults.data.get("threshold") == "adaptive"
    threshold = (
        timedelta(days=7) if default_adaptive else defaults.duration("threshold", timedelta(days=7))
    )
    interval = defaults.duration("interval", timedelta(minutes=15))
    evaluate_every = defaults.duration("evaluate_every", timedelta(minutes=5))

    feeds_raw = data.get("feeds", [])
    if not isinstance(feeds_raw, list):
        raise ConfigError(f"{where}: feeds: must be an array of tables ([[feeds]])")
    feeds: list[FeedConfig] = []
    seen_urls: set[str] = set()
    for i, item in enumerate(feeds_raw):
        sec = _Section(where, item, f"feeds[{i}]")
        sec.check_known({"url", "name", "interval", "fulltext", "category"})
        url = _resolve_feed_url(sec.string("url", required=True).strip(), base)
        scheme = url.split("://", 1)[0].lower() if "://" in url else "path"
        if scheme not in {"http", "https", "file", "path"}:
            raise sec.fail(
                "url", f"unsupported scheme {scheme!r} (use http, https, file or a path)"
            )
        if url in seen_urls:
            raise sec.fail("url", f"duplicate feed {url!r}")
        seen_urls.add(url)
        name = sec.string("name") or url
        feeds.append(
            FeedConfig(
                url=url,
                name=name,
                interval=sec.duration("interval", interval),
                fulltext=sec.boolean("fulltext", False),
                category=sec.string("category").strip(),
            )
        )

    officials_raw = data.get("officials", [])
    if not isinstance(officials_raw, list):
        raise ConfigError(f"{where}: officials: must be an array of tables ([[officials]])")
    officials: list[Official] = []
    seen_names: set[str] = set()
    for i, item in enumerate(officials_raw):
        sec = _Section(where, item, f"officials[{i}]")
        sec.check_known({"name", "aliases", "short", "never_alone", "roles", "threshold", "group"})
        name = sec.string("name", required=True).strip()
        if name.casefold() in seen_names:
            raise sec.fail("name", f"duplicate official {name!r}")
        seen_names.add(name.casefold())
        short = sec.strings("short") if "short" in sec.data else _default_short(name)
        short += tuple(n for n in sec.strings("never_alone") if n not in short)
        officials.append(
            Official(
                name=name,
                aliases=sec.strings("aliases"),
                short=short,
                roles=_parse_roles(sec),
                threshold=threshold
                if sec.data.get("threshold") == "adaptive"
                else sec.duration("threshold", threshold),
                adaptive=sec.data.get("threshold", default_adaptive and "adaptive") == "adaptive",
                group=sec.string("group").strip(),
            )
        )

    email = _parse_email(where, data["email"], base) if "email" in data else None
    polling = _parse_polling(where, data.get("polling", {}))
    alerts = _parse_alerts(where, data.get("alerts", {}))
    awaits = _parse_awaits(where, data.get("awaits", []), {o.name for o in officials})
    if email is not None:
        groups = {o.group for o in officials if o.group}
        for group, _ in email.routes:
            if group not in groups:
                raise ConfigError(
                    f"{where}: email.routes.{group}: no official has group = {group!r}"
                )
    notify = _parse_notify(where, data.get("notify", []), base)
    return Config(
        notify=notify,
        database=database,
        outbox=outbox,
        threshold=threshold,
        interval=interval,
        evaluate_every=evaluate_every,
        feeds=tuple(feeds),
        officials=tuple(officials),
        email=email,
        polling=polling,
        alerts=alerts,
        awaits=awaits,
        path=path,
        base_dir=base,
    )


# Family names that come first (Chinese, Korean): "Xi Jinping" is "Xi", "Kim Yo Jong" is "Kim".
_FAMILY_FIRST = {
    "xi", "li", "wang", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "hu",
    "kim", "lee", "choe", "choi", "pak", "park", "ri", "rhee", "moon", "yoon", "han", "cho",
    "jung", "chung",
}  # fmt: skip


def _default_short(name: str) -> tuple[str, ...]:
    """News style names a person in full once, then by family name.

    The family name is the last word, except for names that put it first.
    """
    words = name.split()
    if len(words) < 2:
        return ()
    if words[0].lower() in _FAMILY_FIRST:
        return (words[0],)
    return (words[-1],) if len(words[-1]) > 2 else ()


def _parse_roles(sec: _Section) -> tuple[Role, ...]:
    """Roles are phrases, or tables {title, since, until} with ISO dates of office."""
    raw = sec.data.get("roles", [])
    if not isinstance(raw, list):
        raise sec.fail("roles", "must be a list of strings or {title, since, until} tables")
    roles: list[Role] = []
    for i, item in enumerate(raw):
        if isinstance(item, str):
            if item.strip():
                roles.append(Role(item.strip()))
            continue
        where = f"roles[{i}]"
        if not isinstance(item, dict):
            raise sec.fail(where, "must be a string or a {title, since, until} table")
        unknown = set(item) - {"title", "since", "until"}
        if unknown:
            raise sec.fail(
                f"{where}.{sorted(unknown)[0]}", "unknown key (known keys: since, title, until)"
            )
        title = item.get("title")
        if not isinstance(title, str) or not title.strip():
            raise sec.fail(f"{where}.title", "missing (required)")
        dates: dict[str, date | None] = {}
        for key in ("since", "until"):
            value = item.get(key)
            if value is None or isinstance(value, date):
                dates[key] = value
            elif isinstance(value, str):
                try:
                    dates[key] = date.fromisoformat(value)
                except ValueError:
                    raise sec.fail(
                        f"{where}.{key}", f"bad date {value!r} (use YYYY-MM-DD)"
                    ) from None
            else:
                raise sec.fail(f"{where}.{key}", "must be a date (YYYY-MM-DD)")
            day = dates[key]
            try:
                dates[key] = check_day(day) if day is not None else None
            except ValueError as exc:
                raise sec.fail(f"{where}.{key}", str(exc)) from None
        roles.append(Role(title.strip(), dates["since"], dates["until"]))
    return tuple(roles)


def _parse_polling(where: str, raw: Any) -> PollingConfig:
    sec = _Section(where, raw, "polling")
    sec.check_known(
        {
            "concurrency", "per_host", "connect_timeout", "read_timeout", "total_timeout",
            "max_size", "max_redirects", "user_agent", "max_interval", "max_backoff",
            "fulltext_private",
        }
    )  # fmt: skip
    d = PollingConfig()
    counts = {}
    for key, default in (("concurrency", d.concurrency), ("per_host", d.per_host)):
        counts[key] = sec.integer(key, default)
        if counts[key] < 1:
            raise sec.fail(key, "must be at least 1")
    redirects = sec.integer("max_redirects", d.max_redirects)
    if redirects < 0:
        raise sec.fail("max_redirects", "must be 0 or more")
    agent = sec.string("user_agent").strip()
    if any(c in agent for c in "\r\n"):
        raise sec.fail("user_agent", "must be one line")
    return PollingConfig(
        concurrency=counts["concurrency"],
        per_host=counts["per_host"],
        connect_timeout=sec.positive("connect_timeout", d.connect_timeout),
        read_timeout=sec.positive("read_timeout", d.read_timeout),
        total_timeout=sec.positive("total_timeout", d.total_timeout),
        max_size=sec.size("max_size", d.max_size),
        max_redirects=redirects,
        user_agent=agent,
        max_interval=sec.duration("max_interval", d.max_interval),
        max_backoff=sec.duration("max_backoff", d.max_backoff),
        fulltext_private=sec.boolean("fulltext_private", d.fulltext_private),
    )


def _parse_alerts(where: str, raw: Any) -> AlertsConfig:
    sec = _Section(where, raw, "alerts")
    sec.check_known(
        {"repeat_every", "early_warning", "group", "adaptive", "retry_min", "retry_max", "lease"}
    )
    d = AlertsConfig()
    repeat_raw = sec.data.get("repeat_every")
    repeat: timedelta | None = d.repeat_every
    if repeat_raw is not None:
        repeat = None if repeat_raw in (0, "0") else sec.duration("repeat_every", timedelta(0))
    share = sec.number("early_warning", 0.0)
    if not 0 <= share < 1:
        raise sec.fail("early_warning", "must be a share of the threshold between 0 and 1")
    group = sec.data.get("group", True)
    if not isinstance(group, bool):
        raise sec.fail("group", "must be true or false")
    ad = _Section(where, sec.data.get("adaptive", {}), "alerts.adaptive")
    ad.check_known({"multiple", "window", "floor", "ceiling", "min_gaps"})
    base = AdaptivePolicy()
    adaptive = AdaptivePolicy(
        multiple=ad.positive("multiple", base.multiple),
        window=ad.duration("window", base.window),
        floor=ad.duration("floor", base.floor),
        ceiling=ad.duration("ceiling", base.ceiling),
        min_gaps=ad.count("min_gaps", base.min_gaps),
    )
    if adaptive.floor > adaptive.ceiling:
        raise ad.fail("floor", "must not exceed ceiling")
    return AlertsConfig(
        repeat_every=repeat,
        early_warning=share or None,
        group=group,
        adaptive=adaptive,
        retry_min=sec.duration("retry_min", d.retry_min),
        retry_max=sec.duration("retry_max", d.retry_max),
        lease=sec.duration("lease", d.lease),
    )


def _parse_awaits(where: str, raw: Any, names: set[str]) -> tuple[AwaitConfig, ...]:
    if not isinstance(raw, list):
        raise ConfigError(f"{where}: awaits: must be an array of tables ([[awaits]])")
    out: list[AwaitConfig] = []
    for i, item in enumerate(raw):
        sec = _Section(where, item, f"awaits[{i}]")
        sec.check_known({"official", "since", "within", "about"})
        official = sec.string("official", required=True).strip()
        if official not in names:
            raise sec.fail("official", f"{official!r} is not on the watchlist")
        since_raw = sec.data.get("since")
        since = _parse_moment(since_raw)
        if since is None:
            raise sec.fail("since", f"bad time {since_raw!r} (use e.g. 2013-02-12T12:00Z)")
        try:
            since = check_moment(since)
        except ValueError as exc:
            raise sec.fail("since", str(exc)) from None
        within = sec.duration("within", timedelta(0))
        if within <= timedelta(0):
            raise sec.fail("within", "missing (required), e.g. '72h'")
        out.append(AwaitConfig(official, since, within, sec.strings("about")))
    return tuple(out)


def _parse_moment(value: Any) -> datetime | None:
    """A TOML datetime or an ISO string; naive times are UTC."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    else:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _parse_notify(where: str, raw: Any, base: Path) -> tuple[NotifyConfig, ...]:
    if not isinstance(raw, list):
        raise ConfigError(f"{where}: notify: must be an array of tables ([[notify]])")
    out: list[NotifyConfig] = []
    for i, item in enumerate(raw):
        sec = _Section(where, item, f"notify[{i}]")
        sec.check_known({"name", "kind", "url", "url_env", "url_file", "groups", "timeout"})
        name = sec.string("name", required=True).strip()
        if not all(c.isalnum() or c in "-_" for c in name):
            raise sec.fail("name", f"letters, digits, '-' and '_' only, got {name!r}")
        if name in {n.name for n in out}:
            raise sec.fail("name", f"{name!r} is used by another [[notify]] route")
        kind = sec.string("kind", "apprise")
        if kind not in {"apprise", "webhook"}:
            raise sec.fail("kind", f"must be 'apprise' or 'webhook', got {kind!r}")
        url, url_env, url_file = sec.string("url"), sec.string("url_env"), sec.string("url_file")
        if sum(bool(x) for x in (url, url_env, url_file)) != 1:
            raise sec.fail("url", "give exactly one of url, url_env, url_file")
        if kind == "webhook" and url and not url.startswith(("http://", "https://")):
            raise sec.fail("url", "a webhook URL must start with http:// or https://")
        timeout = sec.data.get("timeout", 30)
        if not isinstance(timeout, int | float) or isinstance(timeout, bool) or timeout <= 0:
            raise sec.fail("timeout", "must be a positive number of seconds")
        timeout = sec.number("timeout", 30.0)  # finite, too
        out.append(
            NotifyConfig(
                name=name,
                kind=kind,
                url=url,
                url_env=url_env,
                url_file=(base / url_file) if url_file else None,
                groups=sec.strings("groups"),
                timeout=float(timeout),
            )
        )
    return tuple(out)


def _parse_email(where: str, raw: Any, base: Path) -> EmailConfig:
    sec = _Section(where, raw, "email")
    sec.check_known(
        {"host", "port", "security", "username", "password_env", "password_file", "from", "to"}
        | {"timeout", "routes"}
    )
    security = sec.string("security", "starttls").lower()
    if security not in {"starttls", "ssl", "none"}:
        raise sec.fail("security", f"must be 'starttls', 'ssl' or 'none', got {security!r}")
    default_port = {"starttls": 587, "ssl": 465, "none": 25}[security]
    port = sec.integer("port", default_port)
    if not 0 < port < 65536:
        raise sec.fail("port", f"must be between 1 and 65535, got {port}")
    sender = sec.string("from", required=True)
    to = sec.strings("to")
    if not to:
        raise sec.fail("to", "missing (at least one recipient)")
    for address in (sender, *to):
        if "@" not in address or any(c in address for c in "\r\n"):
            raise sec.fail("from" if address == sender else "to", f"bad address {address!r}")
    timeout = sec.number("timeout", 30.0)
    if timeout <= 0:
        raise sec.fail("timeout", "must be greater than zero")
    password_file = sec.string("password_file").strip()
    routes_raw = sec.data.get("routes", {})
    if not isinstance(routes_raw, dict):
        raise sec.fail("routes", "must be a table of group = [recipients]")
    routes: list[tuple[str, tuple[str, ...]]] = []
    for group, recipients in routes_raw.items():
        if isinstance(recipients, str):
            recipients = [recipients]
        if not isinstance(recipients, list) or not recipients:
            raise sec.fail(f"routes.{group}", "must be a list of addresses")
        for address in recipients:
            if not isinstance(address, str) or "@" not in address or "\n" in address:
                raise sec.fail(f"routes.{group}", f"bad address {address!r}")
        routes.append((group, tuple(recipients)))
    return EmailConfig(
        host=sec.string("host", required=True),
        port=port,
        security=security,
        sender=sender,
        to=to,
        username=sec.string("username") or None,
        password_env=sec.string("password_env") or None,
        password_file=(base / password_file).resolve() if password_file else None,
        timeout=timeout,
        routes=tuple(routes),
    )
