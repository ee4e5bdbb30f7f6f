"""`tracker correct`: corrections by hand (reject a sighting, an entry not about the
official, a sighting seen by a person), listed and removed. Stored beside the evidence
(tracker/store/corrections.py); status, history, alerts and replay honour them."""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tracker.cli.alerts import OFFICIAL
from tracker.cli.context import (
    EXIT_USAGE,
    Store,
    check_ids,
    fail,
    load,
    official_named,
    open_store,
    parse_time,
    utcnow,
)

if TYPE_CHECKING:  # the store is imported inside the commands, so --help stays light
    from sqlalchemy.engine import Engine

    from tracker.config import Config
    from tracker.store.corrections import Listed

app = typer.Typer(
    help="Corrections by hand: reject a sighting, mark an entry not about someone, add a "
    "sighting; list and remove them.",
    no_args_is_help=True,
)

By = Annotated[
    str | None, typer.Option("--by", help="Who corrects (default: $USER), kept with it.")
]
Reason = Annotated[str, typer.Option("--reason", help="Why (kept, shown in history).")]


def _author(by: str | None) -> str:
    name = (by or os.environ.get("USER") or "").strip()
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "unknown"
    return name[:200]


def _done(item: Listed, verb: str) -> None:
    typer.echo(f"{verb} {item.describe()}")


def _open(ctx: typer.Context, name: str | None = None) -> tuple[Store, int | None]:
    """The store, and the id of the official named (any case, accents, alias, surname)."""
    config = load(ctx)
    official = official_named(config, name) if name is not None else None
    store = open_store(config, utcnow())
    return store, store.ids[official] if official is not None else None


@app.command()
def reject(
    ctx: typer.Context,
    finding: Annotated[int, typer.Argument(help="The finding's id (tracker history --ids).")],
    reason: Reason = "",
    by: By = None,
) -> None:
    """Reject a recorded sighting (or any finding): it no longer counts. The evidence stays.

    Example: tracker correct reject 412 --reason "archive footage, not a new appearance"
    """
    from tracker.store import corrections
    from tracker.store.corrections import CorrectionError
    from tracker.store.engine import session as session_for

    (finding_id,) = check_ids([finding], "finding id")
    if not reason.strip():
        raise fail("--reason is required: say why the sighting is wrong", EXIT_USAGE)
    store, _ = _open(ctx)
    with session_for(store.engine) as session:
        try:
            item = corrections.reject(
                session, finding_id, reason=reason.strip(), author=_author(by), now=utcnow()
            )
        except CorrectionError as exc:
            raise fail(str(exc), EXIT_USAGE) from None
    _done(item, "stored")


@app.command("not-about")
def not_about(
    ctx: typer.Context,
    entry: Annotated[str, typer.Argument(help="The entry: its id (history --ids) or its link.")],
    name: Annotated[str, typer.Argument(help="Who it is not about. " + OFFICIAL)],
    reason: Reason = "",
    by: By = None,
) -> None:
    """Mark an entry as not about an official: none of its findings of them count.

    Example: tracker correct not-about 97 "Sergey Lavrov" --reason "another Lavrov"
    """
    from tracker.store import corrections, repo
    from tracker.store.corrections import CorrectionError
    from tracker.store.engine import session as session_for
    from tracker.store.tables import EntryRow

    author = _author(by)
    store, official_id = _open(ctx, name)
    assert official_id is not None
    with session_for(store.engine) as session:
        if entry.isdigit():
            (entry_id,) = check_ids([int(entry)], "entry id")
            found = session.get(EntryRow, entry_id)
            rows = [found] if found is not None else []
        else:
            rows = repo.entries_by_url(session, entry)
        if not rows:
            raise fail(
                f"no entry {entry!r} (give its id from `tracker history --ids`, or its link)",
                EXIT_USAGE,
            )
        try:
            items = [
                corrections.not_about(
                    session,
                    row,
                    official_id,
                    reason=reason.strip(),
                    author=author,
                    now=utcnow(),
                )
                for row in rows
            ]
        except CorrectionError as exc:
            raise fail(str(exc), EXIT_USAGE) from None
    for item in items:
        _done(item, "stored")


@app.command()
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Who was seen. " + OFFICIAL)],
    on: Annotated[str, typer.Option("--on", help="The day seen (YYYY-MM-DD).")],
    source: Annotated[
        str, typer.Option("--source", help="Where: e.g. 'Rossiya 1 evening news'.")
    ] = "",
    note: Annotated[str, typer.Option("--note", help="What was seen.")] = "",
    url: Annotated[str, typer.Option("--url", help="A link, if there is one.")] = "",
    by: By = None,
) -> None:
    """Add a sighting by hand (seen on TV, in person, in a source the feeds do not carry).

    Example: tracker correct add "Sergey Lavrov" --on 2025-11-12 --source "Rossiya 1 news"
    """
    from tracker.store import corrections
    from tracker.store.corrections import CorrectionError
    from tracker.store.engine import session as session_for

    moment = parse_time(on, end_of_day=False, option="--on")
    assert moment is not None
    if not (source.strip() or note.strip()):
        raise fail("say where or what: --source or --note", EXIT_USAGE)
    store, official_id = _open(ctx, name)
    assert official_id is not None
    with session_for(store.engine) as session:
        try:
            item = corrections.add(
                session,
                official_id,
                moment.date(),
                source=source.strip(),
                note=note.strip(),
                url=url.strip(),
                reason="",
                author=_author(by),
                now=utcnow(),
            )
        except CorrectionError as exc:
            raise fail(str(exc), EXIT_USAGE) from None
    _done(item, "stored")


@app.command("list")
def list_(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="Only this official. " + OFFICIAL)] = None,
    include_removed: Annotated[
        bool, typer.Option("--all", help="Also those removed (the whole log).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON for programs.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV for spreadsheets.")] = False,
) -> None:
    """The corrections in force, oldest first.

    Example: tracker correct list "Sergey Lavrov" --all
    """
    from tracker.cli.tables import check_format, print_csv, print_json
    from tracker.store import corrections
    from tracker.store.engine import session as session_for

    check_format(as_json, as_csv)
    store, official_id = _open(ctx, name)
    with session_for(store.engine) as session:
        items = corrections.listed(
            session, official_id=official_id, include_removed=include_removed
        )
    if as_csv:
        print_csv([i.as_json() for i in items])
        return
    if as_json:
        payload = {"corrections": [i.as_json() for i in items]}
        print_json(payload)
        return
    for item in items:
        removed = item.row.removed_at
        gone = (
            f"\n    removed {removed:%Y-%m-%d %H:%M} UTC by {item.row.removed_by}"
            + (f": {item.row.removed_reason}" if item.row.removed_reason else "")
            if removed
            else ""
        )
        typer.echo(item.describe() + gone)
    if not items:
        typer.echo("no corrections")


@app.command()
def remove(
    ctx: typer.Context,
    correction: Annotated[int, typer.Argument(help="The correction's id (correct list).")],
    reason: Reason = "",
    by: By = None,
) -> None:
    """Take a correction back: what it corrected counts again (the record is kept).

    Example: tracker correct remove 3 --reason "the footage was new after all"
    """
    from tracker.store import corrections
    from tracker.store.corrections import CorrectionError
    from tracker.store.engine import session as session_for

    (correction_id,) = check_ids([correction], "correction id")
    store, _ = _open(ctx)
    with session_for(store.engine) as session:
        try:
            item = corrections.remove(
                session, correction_id, author=_author(by), reason=reason.strip(), now=utcnow()
            )
        except CorrectionError as exc:
            raise fail(str(exc), EXIT_USAGE) from None
    _done(item, "removed")


def carry_into(config: Config, ids: dict[str, int], engine: Engine, url: str) -> int:
    """A replay into `url` honours the corrections of the configured database: copied in
    (by official, entry key, kind and day). Nothing when there is no such database yet."""
    from sqlalchemy.engine import make_url

    from tracker.store import corrections
    from tracker.store.engine import StoreError, open_engine
    from tracker.store.engine import session as session_for

    source = config.database
    if make_url(source).render_as_string() == make_url(url).render_as_string():
        return 0
    parsed = make_url(source)
    if parsed.get_backend_name() == "sqlite" and (
        parsed.database in (None, "", ":memory:") or not Path(parsed.database).exists()
    ):
        return 0
    try:
        configured = open_engine(source)
    except StoreError as exc:
        typer.echo(f"tracker: warning: corrections not carried over: {exc}", err=True)
        return 0
    try:
        with session_for(configured) as session:
            rows = corrections.listed(session)
    finally:
        configured.dispose()
    with session_for(engine) as session:
        return corrections.copy_into(session, rows, ids)
