"""For developers: write a new revision from the difference between the models and the
newest revision, as `alembic revision --autogenerate` would, without an alembic.ini.

    python -m tracker.store.migrations revision -m "correction table"
    python -m tracker.store.migrations revision -m "fill in x" --empty   # data only

The models are compared with a scratch SQLite database brought to the current head; the
new revision is numbered after it (0002, 0003, ...) and HEAD in
tracker/store/schema_version.py is moved to it. Read and edit what it wrote (see
README.md here) before committing.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from alembic import command

from tracker.store import schema_version
from tracker.store.engine import open_engine
from tracker.store.migrations.runner import config, head


def next_revision(current: str) -> str:
    """Revisions are numbered: two written on parallel branches collide visibly."""
    return f"{int(current) + 1:04d}"


def set_head(revision: str) -> Path:
    """Move schema_version.HEAD to `revision`; the module's path."""
    path = Path(schema_version.__file__)
    source = path.read_text(encoding="utf-8")
    updated, count = re.subn(r'^HEAD = "[^"]*"', f'HEAD = "{revision}"', source, flags=re.M)
    if count != 1:
        raise SystemExit(f"{path}: no HEAD = line to update")
    path.write_text(updated, encoding="utf-8")
    return path


def revision(message: str, empty: bool) -> None:
    rev_id = next_revision(head())
    with tempfile.TemporaryDirectory() as folder:
        engine = open_engine(f"sqlite:///{Path(folder) / 'head.db'}")  # at the current head
        try:
            with engine.begin() as conn:
                cfg = config(conn)
                # the new file formatted as the project's code is (ruff, a dev dependency)
                cfg.set_section_option("post_write_hooks", "hooks", "ruff")
                cfg.set_section_option("post_write_hooks", "ruff.type", "module")
                cfg.set_section_option("post_write_hooks", "ruff.module", "ruff")
                cfg.set_section_option(
                    "post_write_hooks", "ruff.options", "format REVISION_SCRIPT_FILENAME"
                )
                written = command.revision(
                    cfg, message=message, autogenerate=not empty, rev_id=rev_id
                )
        finally:
            engine.dispose()
    scripts = written if isinstance(written, list) else [written]
    for script in scripts:
        if script is not None:
            print(f"wrote {script.path}")
    print(f"HEAD is now {rev_id} in {set_head(rev_id)}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m tracker.store.migrations")
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("revision", help="write a new revision")
    new.add_argument("-m", "--message", required=True, help="what the revision changes")
    new.add_argument("--empty", action="store_true", help="no autogenerate (data migrations)")
    args = parser.parse_args(argv)
    if args.command == "revision":
        revision(args.message, args.empty)


if __name__ == "__main__":
    main(sys.argv[1:])
