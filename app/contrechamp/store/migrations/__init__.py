"""Alembic migrations of the survey file, run programmatically by ``store.migrate``."""
