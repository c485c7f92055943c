"""Alembic environment of the campaign database: migrate the connection handed over, in its
transaction, keeping Alembic's version table in the ``campaign`` schema."""

from __future__ import annotations

from alembic import context


def run_migrations() -> None:
    """Run the requested migrations on the caller's connection (online mode only)."""
    connection = context.config.attributes["connection"]
    # The caller began the transaction and commits it: the whole upgrade is all-or-nothing
    # (PostgreSQL's DDL is transactional).
    context.configure(connection=connection, version_table_schema="campaign")
    context.run_migrations()


run_migrations()
