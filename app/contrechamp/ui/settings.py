"""The app's user options, each declared once with its default, stored with QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QSettings

__all__ = [
    "CAMPAIGN_URL",
    "FOLLOW_GPS",
    "GPS_SPEC",
    "LANGUAGE",
    "LAST_SURVEY",
    "ONLINE_TILES",
    "ONLINE_TILES_URL",
    "OPTIONS",
    "TRACK_LOGGING",
    "Option",
    "Settings",
]

T = TypeVar("T", bound=str | bool)

ORGANIZATION = "Contrechamp"
APPLICATION = "Contrechamp"


@dataclass(frozen=True, slots=True)
class Option(Generic[T]):
    """One user option: its QSettings key and its default (which also fixes its type)."""

    key: str
    default: T


LANGUAGE = Option("ui/language", "system")  # "system", "en" or "fr"
GPS_SPEC = Option("gps/spec", "none")  # off until chosen: "system" may ask the network
FOLLOW_GPS = Option("gps/follow", True)
TRACK_LOGGING = Option("gps/track_logging", False)  # privacy: off unless the walker turns it on
ONLINE_TILES = Option("map/online_tiles", False)  # no network unless the user asks for it
ONLINE_TILES_URL = Option("map/online_tiles_url", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
LAST_SURVEY = Option("survey/last", "")
CAMPAIGN_URL = Option("campaign/url", "")  # postgresql://USER@HOST:PORT/DATABASE, no password

OPTIONS: tuple[Option[str] | Option[bool], ...] = (
    LANGUAGE,
    GPS_SPEC,
    FOLLOW_GPS,
    TRACK_LOGGING,
    ONLINE_TILES,
    ONLINE_TILES_URL,
    LAST_SURVEY,
    CAMPAIGN_URL,
)


class Settings:
    """Typed access to the options; a path gives a private INI file (tests, portable use)."""

    def __init__(self, path: str | None = None) -> None:
        if path is None:
            self._store = QSettings(ORGANIZATION, APPLICATION)
        else:
            self._store = QSettings(path, QSettings.Format.IniFormat)

    def get(self, option: Option[T]) -> T:
        """Return the stored value of an option, or its default when unset or unreadable."""
        raw: object = self._store.value(option.key, option.default)
        value: object = option.default if raw is None else str(raw)
        if isinstance(option.default, bool):
            value = _as_bool(raw)
        return cast(T, value)

    def set(self, option: Option[T], value: T) -> None:
        """Store a new value for an option (written to disk at once)."""
        self._store.setValue(option.key, value)
        self._store.sync()

    def reset(self, option: Option[T]) -> None:
        """Forget the stored value so the default applies again."""
        self._store.remove(option.key)
        self._store.sync()


def _as_bool(raw: object) -> bool:
    # INI files store booleans as text; QSettings gives them back as str.
    if isinstance(raw, str):
        return raw.strip().lower() in ("true", "1", "yes", "on")
    return bool(raw)
