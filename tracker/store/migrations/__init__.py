"""Versioned schema migrations (Alembic), run on the connection tracker opened, under its
schema lock (tracker.store.engine). See README.md here for adding a revision."""
