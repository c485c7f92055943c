"""Contrechamp: map surveillance cameras on a cartoparty walk and publish them in OpenStreetMap."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Contrechamp"
GENERATOR = f"{APP_NAME} {__version__}"
