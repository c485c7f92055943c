"""The survey file: one SQLite database per survey, through SQLAlchemy and Alembic."""
