"""setuptools' build backend, asking for PySide6 (for its lrelease) only where it is needed.

Building a wheel compiles the translations (setup.py). PySide6-Essentials, which brings
``pyside6-lrelease``, is added to the wheel's build requirements unless an ``lrelease`` is
already there (a distribution's or the Flatpak SDK's Qt tools, or ``CONTRECHAMP_LRELEASE``).
The sdist and the editable install (``make run``) need no Qt to build.
"""

from __future__ import annotations

import os
import shutil

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403  (the whole PEP 517 interface)

LRELEASE_REQUIREMENT = "PySide6-Essentials>=6.8"
_SYSTEM_LRELEASE = ("pyside6-lrelease", "lrelease", "lrelease-qt6", "lrelease6")


def get_requires_for_build_wheel(config_settings: dict[str, object] | None = None) -> list[str]:
    """setuptools' requirements, plus PySide6 when no lrelease is on this machine."""
    required = list(build_meta.get_requires_for_build_wheel(config_settings))
    has_lrelease = os.environ.get("CONTRECHAMP_LRELEASE") or any(
        shutil.which(name) for name in _SYSTEM_LRELEASE
    )
    return required if has_lrelease else [*required, LRELEASE_REQUIREMENT]
