"""The survey file: one SQLite database per survey, through SQLAlchemy and Alembic."""

from __future__ import annotations

from contrechamp.store.imports import ImportRecord
from contrechamp.store.layout import SCHEMA_VERSION
from contrechamp.store.survey import SurveyFile

__all__ = ["SCHEMA_VERSION", "ImportRecord", "SurveyFile"]
