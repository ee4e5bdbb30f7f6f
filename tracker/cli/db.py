"""`tracker db`: the database's schema revision, upgrades and downgrades (Alembic).

Every command already upgrades the database it opens, under a lock; `tracker db upgrade`
does it on purpose (e.g. before restarting the workers on a new version) and says
what it did. These commands open the database without upgrading it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from tracker.cli.context import EXIT_STORE, EXIT_USAGE, fail, load

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from tracker.store.migrations.runner import Step

app = typer.Typer(
    help="The database's schema: its revision, upgrade, downgrade, history.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

T = TypeVar("T")

DatabaseOption = Annotated[
    str | None,
    typer.Option("--database", help="This database URL instead of the config's."),
]


def _url(ctx: typer.Context, database: str | None) -> str:
    return database or load(ctx).database


def _run(url: str, locked: bool, work: Callable[[Connection], T]) -> T:
    """`work` on a connection to the database, its schema as it is; with `locked`, in
    the schema lock's transaction (committed when `work` returns). Database failures
    exit 4 with one line, a revision the user named wrongly exits 2."""
    from tracker.store.engine import StoreError, connect, schema_lock, store_errors
    from tracker.store.migrations.runner import BadRevision

    try:
        engine = connect(url, create=locked)  # only a change may make a new file
        try:
            with store_errors(url):
                if locked:
                    with schema_lock(engine) as conn:
                        return work(conn)
                with engine.connect() as conn:
                    return work(conn)
        finally:
            engine.dispose()
    except StoreError as exc:
        raise fail(str(exc), EXIT_STORE) from None
    except BadRevision as exc:
        raise fail(str(exc), EXIT_USAGE) from None


def _name(revision: str | None) -> str:
    return revision if revision is not None else "no revision"


@app.command()
def current(ctx: typer.Context, database: DatabaseOption = None) -> None:
    """The database's schema revision, and whether it is the newest this tracker knows.
    A database upgraded by a newer tracker exits 4.

    Example: tracker db current
    """
    from tracker.store.engine import safe_url
    from tracker.store.migrations import runner

    url = _url(ctx, database)

    def look(conn: Connection) -> tuple[str | None, bool]:
        return runner.current(conn), runner.made_before_migrations(conn)

    revision, legacy = _run(url, False, look)
    head = runner.head()
    where = f"database {safe_url(url)}"
    if revision == head:
        typer.echo(f"{where}: revision {head}, at head")
    elif revision is not None:
        typer.echo(f"{where}: revision {revision}, behind head {head}: run tracker db upgrade")
    elif legacy:
        typer.echo(
            f"{where}: no revision (made by a tracker before migrations), behind head {head}:"
            " run tracker db upgrade"
        )
    else:
        typer.echo(f"{where}: empty, no schema yet: tracker db upgrade creates it at {head}")


def _said(url: str, step: Step, verb: str) -> str:
    from tracker.store.engine import safe_url

    where = f"database {safe_url(url)}"
    if not step.changed:
        return f"{where}: already at revision {_name(step.after)}, nothing to do"
    if step.before is None and not step.legacy:
        return f"{where}: created the schema, from no revision to {_name(step.after)}"
    before = "no revision (made before migrations)" if step.legacy else step.before
    return f"{where}: {verb} from {before} to {_name(step.after)}"


@app.command()
def upgrade(
    ctx: typer.Context,
    revision: Annotated[str, typer.Argument(help="The revision to reach.")] = "head",
    database: DatabaseOption = None,
) -> None:
    """Upgrade the database to the newest revision (or REVISION), under the schema lock
    that starting processes take too; say from which revision to which.

    Example: tracker db upgrade
    """
    from tracker.store.migrations import runner

    url = _url(ctx, database)
    step = _run(url, True, lambda conn: runner.upgrade(conn, revision))
    typer.echo(_said(url, step, "upgraded"))


@app.command()
def downgrade(
    ctx: typer.Context,
    revision: Annotated[str, typer.Argument(help="The revision to go back to.")],
    database: DatabaseOption = None,
) -> None:
    """Undo the revisions above REVISION (to run an older tracker again). Never below
    the baseline: that would drop every table. Back up the database first.

    Example: tracker db downgrade 0001
    """
    from tracker.store.migrations import runner

    url = _url(ctx, database)
    step = _run(url, True, lambda conn: runner.downgrade(conn, revision))
    typer.echo(_said(url, step, "downgraded"))


@app.command()
def history() -> None:
    """The revisions this tracker knows, oldest first.

    Example: tracker db history
    """
    from tracker.store.migrations import runner

    head = runner.head()
    for script in runner.history():
        mark = " (head)" if script.revision == head else ""
        typer.echo(f"{script.revision}  {script.doc}{mark}")
