"""The campaign database migrations (Alembic), apart from the survey file's."""
