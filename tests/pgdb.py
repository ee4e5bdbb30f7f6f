"""Fresh databases on the test PostgreSQL server (tests/conftest.py's postgres_url)."""

from __future__ import annotations

import itertools
import os

import psycopg
from sqlalchemy import make_url

_names = itertools.count()


def fresh_database(server_url: str, prefix: str) -> str:
    """A new, empty database on the server; its SQLAlchemy URL."""
    server = make_url(server_url)
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"{prefix}_{os.getpid()}_{next(_names)}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    return server.set(database=name).render_as_string(hide_password=False)
