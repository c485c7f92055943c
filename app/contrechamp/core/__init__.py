"""The camera domain in pure Python: no Qt, no SQLAlchemy."""
