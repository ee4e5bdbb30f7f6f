"""TOML configuration -> validated settings, with errors that name file, key and problem.

Relative paths (local feeds, the outbox, SQLite files) resolve against the folder
of the config file, so a config works the same from any working directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import tomli  # tomllib upstream, compiled: a 1,000-official config in a quarter of the time
from pydantic import ValidationError

from tracker import config_schema as schema
from tracker.domain import Official, Role
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
    lease_margin: float = 30.0  # a worker's claim on a feed lasts total_timeout + this
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
        data = tomli.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomli.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # tomli recurses into nested arrays and inline tables
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None
    return parse_config(data, path=path.resolve(), env=dict(os.environ))


# --- schema -> settings ---------------------------------------------------------------


def _resolve_database(url: str, base: Path) -> str:
    """Make a relative SQLite path absolute against the config folder."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith("sqlite:////"):
        rest = url[len(prefix) :]
        if rest and rest != ":memory:" and not rest.startswith("file:"):
            return prefix + str((base / rest).resolve())
    return url


def _local(where: str, key: str, text: str, base: Path) -> Path:
    """A path from the file, relative to its folder; `~` is the home folder."""
    try:
        return (base / Path(text).expanduser()).resolve()
    except (RuntimeError, OSError, ValueError) as exc:
        raise ConfigError(f"{where}: {key}: cannot use path {text!r}: {exc}") from None


def _readable(where: str, key: str, path: Path) -> Path:
    """A secret file is read when sending; a missing one is found at load, not at 3 am."""
    try:
        path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{where}: {key}: cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{where}: {key}: {path} is not UTF-8 text") from None
    return path


def parse_config(data: dict[str, Any], *, path: Path | None, env: dict[str, str]) -> Config:
    """Validate a parsed TOML document against the schema (tracker/config_schema.py) and
    build the settings; reads `env` and checks that secret files can be read."""
    where = str(path) if path else "<config>"
    base = path.parent if path else Path.cwd()
    try:
        doc = schema.Document.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{where}: {schema.first_problem(exc)}") from None

    database = env.get(ENV_DATABASE) or _resolve_database(doc.database, base)
    default_adaptive = doc.defaults.threshold == "adaptive"
    threshold = _fixed(doc.defaults.threshold, timedelta(days=7))

    feeds: list[FeedConfig] = []
    seen_urls: set[str] = set()
    for i, feed in enumerate(doc.feeds):
        url = feed.url
        if not schema.has_scheme(url):
            url = str(_local(where, f"feeds[{i}].url", url, base))
        if url in seen_urls:
            raise ConfigError(f"{where}: feeds[{i}].url: duplicate feed {url!r}")
        seen_urls.add(url)
        feeds.append(
            FeedConfig(
                url=url,
                name=feed.name or url,
                interval=feed.interval or doc.defaults.interval,
                fulltext=feed.fulltext,
                category=feed.category,
            )
        )

    officials: list[Official] = []
    for item in doc.officials:
        short = tuple(item.short) if item.short is not None else _default_short(item.name)
        short += tuple(n for n in item.never_alone if n not in short)
        officials.append(
            Official(
                name=item.name,
                aliases=tuple(item.aliases),
                short=short,
                roles=tuple(Role(r.title, r.since, r.until) for r in item.roles),
                threshold=_fixed(item.threshold, threshold),
                adaptive=item.threshold == "adaptive"
                or (item.threshold is None and default_adaptive),
                group=item.group,
            )
        )

    return Config(
        database=database,
        outbox=_local(where, "outbox", doc.outbox, base),
        threshold=threshold,
        interval=doc.defaults.interval,
        evaluate_every=doc.defaults.evaluate_every,
        feeds=tuple(feeds),
        officials=tuple(officials),
        email=_email(where, doc.email, base) if doc.email else None,
        polling=PollingConfig(**doc.polling.model_dump()),
        alerts=_alerts(doc.alerts),
        awaits=tuple(
            AwaitConfig(a.official, a.since, a.within, tuple(a.about)) for a in doc.awaits
        ),
        notify=tuple(_notify(where, i, n, base) for i, n in enumerate(doc.notify)),
        path=path,
        base_dir=base,
    )


def _fixed(value: timedelta | str | None, default: timedelta) -> timedelta:
    """A threshold as written, or `default` when absent or "adaptive" (the fallback)."""
    return value if isinstance(value, timedelta) else default


def _alerts(alerts: schema.Alerts) -> AlertsConfig:
    return AlertsConfig(
        repeat_every=alerts.repeat_every,
        early_warning=alerts.early_warning or None,
        group=alerts.group,
        adaptive=AdaptivePolicy(**alerts.adaptive.model_dump()),
        retry_min=alerts.retry_min,
        retry_max=alerts.retry_max,
        lease=alerts.lease,
    )


def _email(where: str, email: schema.Email, base: Path) -> EmailConfig:
    password_file = None
    if email.password_file:
        password_file = _local(where, "email.password_file", email.password_file, base)
        _readable(where, "email.password_file", password_file)
    return EmailConfig(
        host=email.host,
        port=email.port or {"starttls": 587, "ssl": 465, "none": 25}[email.security],
        security=email.security,
        sender=email.sender,
        to=tuple(email.to),
        username=email.username or None,
        password_env=email.password_env or None,
        password_file=password_file,
        timeout=email.timeout,
        routes=tuple((group, tuple(to)) for group, to in email.routes.items()),
    )


def _notify(where: str, i: int, route: schema.Notify, base: Path) -> NotifyConfig:
    url_file = None
    if route.url_file:
        key = f"notify[{i}].url_file"
        url_file = _readable(where, key, _local(where, key, route.url_file, base))
    return NotifyConfig(
        name=route.name,
        kind=route.kind,
        url=route.url,
        url_env=route.url_env,
        url_file=url_file,
        groups=tuple(route.groups),
        timeout=route.timeout,
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
