"""Where the bundled resources (demo area, glossary drawings, map style) and the compiled
translations are found: in a PyInstaller bundle, inside the installed package (a wheel, whose
build step copies ``resources/`` and the built ``i18n/*.qm`` into it), or beside the sources
(a checkout or an editable install, where ``make translations`` builds the ``.qm``)."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["resource_path", "translations_dir"]

_PACKAGE = Path(__file__).resolve().parent


def _folder(name: str) -> Path:
    """The folder ``name`` (``resources`` or ``i18n``) of the bundle, package or checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen is not None:
        return Path(frozen) / name
    installed = _PACKAGE / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parents[1] / name


def resource_path(*parts: str) -> Path:
    """Return the path of a bundled resource, e.g. ``resource_path("demo", "helsinki.osm.pbf")``."""
    return _folder("resources").joinpath(*parts)


def translations_dir() -> Path:
    """Return the folder of the compiled translations, ``contrechamp_<lang>.qm``."""
    return _folder("i18n")
