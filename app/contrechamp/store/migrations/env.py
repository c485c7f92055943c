"""Alembic environment: migrate the connection ``store.migrate`` hands over, in its transaction."""

from __future__ import annotations

from alembic import context


def run_migrations() -> None:
    """Run the requested migrations on the caller's connection (online mode only)."""
    connection = context.config.attributes["connection"]
    # The caller has already begun an IMMEDIATE transaction and commits it: Alembic sees an
    # external transaction and opens none of its own, so the whole upgrade is all-or-nothing.
    context.configure(connection=connection)
    context.run_migrations()


run_migrations()
