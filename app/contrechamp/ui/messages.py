"""Short translated sentences for problem codes (core) and error codes (every layer)."""

from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import QCoreApplication

from contrechamp.core.errors import ContrechampError
from contrechamp.core.validation import Problem

__all__ = ["error_text", "failure_text", "field_name", "problem_text"]


translate = QCoreApplication.translate  # lupdate recognises this name


def field_name(key: str) -> str:
    """Return the form's name for an OSM key (``camera:mount`` -> "Mount")."""
    names = {
        "surveillance:type": translate("Messages", "Kind"),
        "surveillance": translate("Messages", "Area filmed"),
        "camera:type": translate("Messages", "Camera type"),
        "camera:mount": translate("Messages", "Mount"),
        "camera:direction": translate("Messages", "Direction"),
        "direction": translate("Messages", "Direction"),
        "surveillance:direction": translate("Messages", "Direction"),
        "height": translate("Messages", "Height"),
        "camera:angle": translate("Messages", "Tilt"),
        "surveillance:zone": translate("Messages", "Zone"),
        "operator": translate("Messages", "Operator"),
        "man_made": translate("Messages", "Object"),
    }
    return names.get(key, key)


def _special_problem(problem: Problem) -> str | None:
    special = {
        "man_made.missing": translate(
            "Messages", "Not tagged as a surveillance object (man_made=surveillance)."
        ),
        "surveillance.missing": translate(
            "Messages", "Say what it films: public space, outdoor or indoor."
        ),
        "zone.discouraged": translate(
            "Messages", "Zone “area” is discouraged: pick a more precise zone."
        ),
        "zone.ambiguous": translate(
            "Messages", "Zone “{value}” is unclear: pick town, traffic, shop…"
        ),
        "direction.legacy_key": translate(
            "Messages", "Direction is under an old key: it will be saved as camera:direction."
        ),
    }
    text = special.get(problem.code)
    return None if text is None else text.replace("{value}", problem.value or "")


def _suffix_problem(problem: Problem) -> str:
    suffix = problem.code.rsplit(".", 1)[-1]
    templates = {
        "messy": translate(
            "Messages", "{field}: “{value}” is written oddly; should be “{suggestion}”."
        ),
        "legacy": translate("Messages", "{field}: “{value}” is an old spelling of “{suggestion}”."),
        "list": translate("Messages", "{field}: “{value}” holds several values; keep one."),
        "unknown": translate("Messages", "{field}: “{value}” is not a usual value; check it."),
        "unreadable": translate("Messages", "{field}: “{value}” cannot be understood; check it."),
        "out_of_range": translate("Messages", "{field}: “{value}” is out of range; check it."),
    }
    template = templates.get(suffix, translate("Messages", "{field}: “{value}” needs checking."))
    key = problem.key
    if problem.code.startswith("camera:direction."):
        key = "camera:direction"
    return (
        template.replace("{field}", field_name(key))
        .replace("{value}", problem.value or "")
        .replace("{suggestion}", problem.suggestion or "")
    )


def problem_text(problem: Problem) -> str:
    """Return one short translated sentence telling the walker what to check."""
    return _special_problem(problem) or _suffix_problem(problem)


def _error_texts() -> dict[str, str]:
    return {
        "survey.newer": translate(
            "Messages", "This survey was made with a newer Contrechamp. Update the app to open it."
        ),
        "survey.busy": translate(
            "Messages", "The survey file is in use by another program. Try again."
        ),
        "survey.corrupt": translate("Messages", "This file is damaged or is not a survey."),
        "survey.hostile": translate(
            "Messages", "This survey file holds unexpected content and was not opened."
        ),
        "survey.full": translate("Messages", "The disk is full: the last change was not saved."),
        "survey.missing": translate("Messages", "The survey file cannot be found."),
        "survey.exists": translate("Messages", "A file with this name already exists."),
        "survey.readonly": translate(
            "Messages", "The survey file is read-only: changes cannot be saved."
        ),
        "survey.io": translate("Messages", "The survey file could not be read or written."),
        "survey.invalid": translate("Messages", "The survey file cannot be used."),
        "camera.missing": translate("Messages", "This camera is no longer in the survey."),
        "osm.corrupt": translate("Messages", "This map file is damaged."),
        "osm.hostile": translate(
            "Messages", "This map file holds unsafe content and was not read."
        ),
        "osm.format": translate("Messages", "This is not a map file Contrechamp can read."),
        "osm.truncated": translate("Messages", "This map file is cut short."),
        "photo.unreadable": translate("Messages", "This file is not a photo Contrechamp can read."),
        "gps.spec": translate("Messages", "This GPS source is not understood."),
        "input.invalid": translate("Messages", "This file or value cannot be used."),
        "osm.empty": translate("Messages", "This map file holds no map of an area."),
        "osm.coordinates": translate("Messages", "This map file has places outside the world."),
        "file.missing": translate("Messages", "The file cannot be found."),
        "file.unreadable": translate("Messages", "The file cannot be read."),
        "file.too_large": translate("Messages", "The file is too large to open safely."),
        "import.format": translate(
            "Messages",
            "Contrechamp cannot import this kind of file. Use a survey, GeoJSON, OSM or CSV file.",
        ),
        "export.target": translate("Messages", "Choose a file name, not a folder."),
    }


def _family_texts() -> dict[str, str]:
    damaged = translate(
        "Messages", "This file cannot be imported: it is damaged or laid out differently."
    )
    return {
        "survey": _error_texts()["survey.invalid"],
        "osm": translate("Messages", "This map file cannot be read."),
        "csv": damaged,
        "geojson": damaged,
        "overpass": damaged,
        "record": damaged,
        "gpx": translate("Messages", "This GPS track cannot be read."),
    }


def error_text(error: ContrechampError) -> str:
    """Return a short translated message for an expected error; never a traceback."""
    text = _error_texts().get(error.code)
    if text is not None:
        return text
    family = _family_texts().get(error.code.split(".", 1)[0])
    if family is not None:
        return family
    return translate("Messages", "This did not work: {detail}").replace("{detail}", error.detail)


def failure_text(error: BaseException) -> str:
    """Words for any failure: an expected error by its code; a bug gets a calm sentence
    (its traceback goes to stderr for the bug report, never to the window)."""
    if isinstance(error, ContrechampError):
        return error_text(error)
    traceback.print_exception(error, file=sys.stderr)
    return translate("Messages", "Something went wrong. Your saved cameras are safe.")
