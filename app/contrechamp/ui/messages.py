"""Short translated sentences for problem codes (core) and error codes (every layer; their
English sentences are the registry of ``core/messages.py``)."""

from __future__ import annotations

import re
import sys
import traceback

from PySide6.QtCore import QCoreApplication

from contrechamp.core.errors import ContrechampError
from contrechamp.core.messages import CONTEXT, error_sentence, skipped_template
from contrechamp.core.validation import Problem

__all__ = ["error_text", "failure_text", "field_name", "problem_text", "skipped_text"]


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
    return _fill(
        template,
        {
            "field": field_name(key),
            "value": problem.value or "",
            "suggestion": problem.suggestion or "",
        },
    )


def _fill(template: str, values: dict[str, str]) -> str:
    """Put the values in the template's ``{name}`` places in one pass: a tag value that
    itself reads ``{suggestion}`` stays as the walker typed it."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


def problem_text(problem: Problem) -> str:
    """Return one short translated sentence telling the walker what to check."""
    return _special_problem(problem) or _suffix_problem(problem)


def error_text(error: ContrechampError) -> str:
    """Return a short translated message for an expected error; never a traceback.

    The sentence is the registry's (``core/messages.py``); a code it lacks (the architecture
    tests keep every raised code in it) still gets a sentence, with the English detail."""
    sentence = error_sentence(error.code)
    if sentence is None:
        return translate("Messages", "This did not work: {detail}").replace(
            "{detail}", error.detail
        )
    text = translate(CONTEXT, sentence)
    return f"{error.subject}: {text}" if error.subject else text


def skipped_text(code: str, name: str) -> str:
    """The translated sentence saying why a photo import left the file ``name`` out."""
    return translate(CONTEXT, skipped_template(code)).replace("{name}", name)


def failure_text(error: BaseException) -> str:
    """Words for any failure: an expected error by its code; a bug gets a calm sentence
    (its traceback goes to stderr for the bug report, never to the window)."""
    if isinstance(error, ContrechampError):
        return error_text(error)
    traceback.print_exception(error, file=sys.stderr)
    return translate("Messages", "Something went wrong. Your saved cameras are safe.")
