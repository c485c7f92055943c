"""The one registry of error codes: a short English sentence for a user, for every code.

Every layer raises ``ContrechampError(detail, code)``; the window shows the sentence of the
code here, translated (``ui/messages.py`` passes it to ``QCoreApplication.translate`` in the
context ``"Messages"``; ``pyside6-lupdate`` collects the sentences from this file through
``QT_TRANSLATE_NOOP``). The command line speaks English and prints an error's ``detail``,
which names the file and says what is wrong in it; it uses the sentences here for the lists
that carry only codes (the photos ``import-photos`` left out), led by the file's name.

A code is looked up exactly, then by its family (the part before the first dot: one sentence
for the many detailed codes of a reader, ``csv.row``, ``csv.header``…).
``tests/architecture/test_codes.py`` checks that every code raised anywhere has a sentence,
that every sentence is used, and that each has its French.
"""

from __future__ import annotations

__all__ = [
    "CONTEXT",
    "ERRORS",
    "FAMILIES",
    "NOT_COPIED",
    "NOT_COPIED_OTHERWISE",
    "QT_TRANSLATE_NOOP",
    "SKIPPED",
    "SKIPPED_OTHERWISE",
    "error_sentence",
    "not_copied_sentence",
    "not_copied_template",
    "skipped_sentence",
    "skipped_template",
]

CONTEXT = "Messages"
"""The translation context of every sentence here (the window's ``Messages``)."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; return it unchanged (Qt's no-op marker)."""
    return text


_SURVEY_UNUSABLE = QT_TRANSLATE_NOOP("Messages", "The survey file cannot be used.")
_NOT_IMPORTED = QT_TRANSLATE_NOOP(
    "Messages", "This file cannot be imported: it is damaged or laid out differently."
)

ERRORS: dict[str, str] = {
    "error": QT_TRANSLATE_NOOP("Messages", "This did not work."),
    "input.invalid": QT_TRANSLATE_NOOP("Messages", "This file or value cannot be used."),
    "write.unexpected": QT_TRANSLATE_NOOP("Messages", "The change could not be saved."),
    "blur.detector": QT_TRANSLATE_NOOP(
        "Messages", "Faces cannot be found on this computer: nothing was exported."
    ),
    "blur.missing": QT_TRANSLATE_NOOP("Messages", "This blur region is no longer in the survey."),
    "export.cancelled": QT_TRANSLATE_NOOP(
        "Messages", "The export was stopped: nothing was written."
    ),
    # the survey file
    "survey.invalid": _SURVEY_UNUSABLE,
    "survey.newer": QT_TRANSLATE_NOOP(
        "Messages", "This survey was made with a newer Contrechamp. Update the app to open it."
    ),
    "survey.busy": QT_TRANSLATE_NOOP(
        "Messages", "The survey file is in use by another program. Try again."
    ),
    "survey.corrupt": QT_TRANSLATE_NOOP("Messages", "This file is damaged or is not a survey."),
    "survey.hostile": QT_TRANSLATE_NOOP(
        "Messages", "This survey file holds unexpected content and was not opened."
    ),
    "survey.full": QT_TRANSLATE_NOOP(
        "Messages", "The disk is full: the last change was not saved."
    ),
    "survey.missing": QT_TRANSLATE_NOOP("Messages", "The survey file cannot be found."),
    "survey.exists": QT_TRANSLATE_NOOP("Messages", "A file with this name already exists."),
    "survey.readonly": QT_TRANSLATE_NOOP(
        "Messages", "The survey file is read-only: changes cannot be saved."
    ),
    "survey.io": QT_TRANSLATE_NOOP("Messages", "The survey file could not be read or written."),
    # what the survey holds
    "camera.missing": QT_TRANSLATE_NOOP("Messages", "This camera is no longer in the survey."),
    "camera.exists": QT_TRANSLATE_NOOP("Messages", "This camera is already in the survey."),
    "sheet_line.invalid": QT_TRANSLATE_NOOP(
        "Messages",
        "A sheet line is up to 20 letters, digits, hyphens or spaces, such as 12 or A-3.",
    ),
    "sector.missing": QT_TRANSLATE_NOOP("Messages", "This sector is no longer in the survey."),
    "photo.missing": QT_TRANSLATE_NOOP("Messages", "This photo is no longer in the survey."),
    "photo.pending": QT_TRANSLATE_NOOP(
        "Messages", "This photo is not inside the survey yet, and its original file is gone."
    ),
    # any file given to the app
    "file.missing": QT_TRANSLATE_NOOP("Messages", "The file cannot be found."),
    "file.unreadable": QT_TRANSLATE_NOOP("Messages", "The file cannot be read."),
    "file.too_large": QT_TRANSLATE_NOOP("Messages", "The file is too large to open safely."),
    "file.held": QT_TRANSLATE_NOOP(
        "Messages", "This file is the open survey itself: it cannot be used here."
    ),
    # photos
    "photo.unsupported": QT_TRANSLATE_NOOP(
        "Messages", "This file is not a photo (JPEG, HEIC, JPEG XL, AVIF, PNG or WebP)."
    ),
    "photo.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "This file is not a photo Contrechamp can read."
    ),
    "photo.too_large": QT_TRANSLATE_NOOP(
        "Messages", "This photo has too many pixels to be opened safely."
    ),
    # map files and OSM data
    "osm.corrupt": QT_TRANSLATE_NOOP("Messages", "This map file is damaged."),
    "osm.hostile": QT_TRANSLATE_NOOP(
        "Messages", "This map file holds unsafe content and was not read."
    ),
    "osm.format": QT_TRANSLATE_NOOP("Messages", "This is not a map file Contrechamp can read."),
    "osm.empty": QT_TRANSLATE_NOOP("Messages", "This map file holds no map of an area."),
    "osm.coordinates": QT_TRANSLATE_NOOP("Messages", "This map file has places outside the world."),
    "osm.id": QT_TRANSLATE_NOOP("Messages", "An OSM id in this file is out of range."),
    "osm.version": QT_TRANSLATE_NOOP(
        "Messages",
        "A camera linked to OSM has no version number: download it again with its metadata.",
    ),
    "mbtiles.corrupt": QT_TRANSLATE_NOOP("Messages", "This MBTiles file is damaged."),
    "mbtiles.empty": QT_TRANSLATE_NOOP("Messages", "This MBTiles file holds no tiles."),
    "mbtiles.format": QT_TRANSLATE_NOOP(
        "Messages", "The tiles of this MBTiles file are not images."
    ),
    # imports and exports
    "import.format": QT_TRANSLATE_NOOP(
        "Messages",
        "Contrechamp cannot import this kind of file. Use a survey, GeoJSON, OSM or CSV file.",
    ),
    "csv.encoding": QT_TRANSLATE_NOOP(
        "Messages", "This CSV file is not in a known text encoding: save it as UTF-8."
    ),
    "csv.columns": QT_TRANSLATE_NOOP(
        "Messages", "This CSV file has no latitude and longitude columns."
    ),
    "geojson.crs": QT_TRANSLATE_NOOP(
        "Messages", "This GeoJSON file is not in WGS 84 longitude and latitude."
    ),
    "overpass.incomplete": QT_TRANSLATE_NOOP(
        "Messages", "The Overpass server stopped before the end: download the data again."
    ),
    "tags.invalid": QT_TRANSLATE_NOOP(
        "Messages", "A tag is empty, too long, or has characters OSM cannot store."
    ),
    "export.target": QT_TRANSLATE_NOOP(
        "Messages",
        "The cameras cannot be exported there: choose a new file name in an existing folder.",
    ),
    "export.invalid": QT_TRANSLATE_NOOP(
        "Messages", "The survey holds a value this format cannot carry: nothing was exported."
    ),
    "export.write": QT_TRANSLATE_NOOP(
        "Messages", "The file could not be written (a full disk or a read-only folder)."
    ),
    "export.sector": QT_TRANSLATE_NOOP(
        "Messages", "This survey has no sector of that name: nothing was exported."
    ),
    # merging surveys
    "merge.radius": QT_TRANSLATE_NOOP("Messages", "The merge radius is out of range."),
    "merge.target": QT_TRANSLATE_NOOP(
        "Messages", "Choose a survey file name for the merge, not a folder."
    ),
    "merge.not_merged": QT_TRANSLATE_NOOP(
        "Messages", "This file exists and is not a merged survey: choose a new file name."
    ),
    "merge.same_file": QT_TRANSLATE_NOOP(
        "Messages", "A survey to merge is the merged survey itself: choose another file name."
    ),
    # preparing a workshop
    "sectors.no_area": QT_TRANSLATE_NOOP(
        "Messages", "A sector's polygon encloses no area: draw it again."
    ),
    "sector.name": QT_TRANSLATE_NOOP("Messages", "Give the sector a name."),
    "sector.name_taken": QT_TRANSLATE_NOOP(
        "Messages", "The survey already has a sector of this name: choose another name."
    ),
    "sector.corners": QT_TRANSLATE_NOOP(
        "Messages", "A sector needs at least three corners: draw it again."
    ),
    "sector.crossing": QT_TRANSLATE_NOOP(
        "Messages", "The sector's edge crosses itself: click its corners in order around it."
    ),
    "handout.no_pairs": QT_TRANSLATE_NOOP(
        "Messages", "No sector is handed to a pair yet: give the sectors their pairs first."
    ),
    "handout.exists": QT_TRANSLATE_NOOP(
        "Messages", "Handouts are already in this folder: choose another folder, or replace them."
    ),
    "handout.target": QT_TRANSLATE_NOOP(
        "Messages", "The handouts cannot be written there: choose another folder."
    ),
    # field sheets
    "sheets.no_area": QT_TRANSLATE_NOOP(
        "Messages", "The survey has no map area yet: load an OSM extract first."
    ),
    "sheets.sector": QT_TRANSLATE_NOOP(
        "Messages", "The survey has no sector of this name: choose one of its sectors."
    ),
    "sheets.target": QT_TRANSLATE_NOOP(
        "Messages",
        "The field sheets cannot be written there: choose a new file name in an existing folder.",
    ),
    # street coverage
    "coverage.no_area": QT_TRANSLATE_NOOP(
        "Messages", "The survey has no map area yet: load an OSM extract to measure coverage."
    ),
    "coverage.sector": QT_TRANSLATE_NOOP(
        "Messages", "The survey has no sector of this name: choose one of its sectors."
    ),
    "coverage.route": QT_TRANSLATE_NOOP(
        "Messages", "A route needs two points or more: click at least two points on the map."
    ),
    "gpx.no_route": QT_TRANSLATE_NOOP(
        "Messages", "This GPX file has no track or route of two points or more."
    ),
    # official lists of cameras
    "list.format": QT_TRANSLATE_NOOP(
        "Messages", "This file is not a list of cameras: save it as CSV or GeoJSON."
    ),
    "list.empty": QT_TRANSLATE_NOOP("Messages", "This list holds no camera."),
    "list.columns": QT_TRANSLATE_NOOP(
        "Messages", "This list has no coordinate columns and no address column."
    ),
    "list.column": QT_TRANSLATE_NOOP("Messages", "This list has no column of that name."),
    "list.unplaced": QT_TRANSLATE_NOOP(
        "Messages",
        "No row of this list has coordinates or a street crossing found on the survey's map.",
    ),
    "list.name": QT_TRANSLATE_NOOP("Messages", "This list name cannot be used."),
    "list.radius": QT_TRANSLATE_NOOP(
        "Messages", "The comparison radius must be more than 0 and at most 1000 metres."
    ),
    # GPS
    "gps.spec": QT_TRANSLATE_NOOP("Messages", "This GPS source is not understood."),
    "gpx.no_track": QT_TRANSLATE_NOOP("Messages", "This GPS track has no point with a time."),
    "gpx.too_large": QT_TRANSLATE_NOOP("Messages", "This GPS track has too many points."),
    # uploading to OpenStreetMap
    "upload.comment": QT_TRANSLATE_NOOP(
        "Messages", "Say in a changeset comment what you mapped (at most 255 characters)."
    ),
    "osmapi.url": QT_TRANSLATE_NOOP(
        "Messages", "This is not the address of an OSM server (https://…)."
    ),
    "osmapi.client_id": QT_TRANSLATE_NOOP(
        "Messages",
        "Contrechamp has no OAuth 2 client id for this server: register it there, then give "
        "its client id.",
    ),
    "osmapi.login": QT_TRANSLATE_NOOP(
        "Messages", "The login to OpenStreetMap did not finish: try again."
    ),
    "osmapi.unauthorized": QT_TRANSLATE_NOOP(
        "Messages", "OpenStreetMap no longer accepts this login: log in again."
    ),
    "osmapi.forbidden": QT_TRANSLATE_NOOP(
        "Messages",
        "OpenStreetMap refused: this account may not edit now (blocked, or new terms to "
        "accept). Check it on the website.",
    ),
    "osmapi.offline": QT_TRANSLATE_NOOP(
        "Messages", "OpenStreetMap cannot be reached: check the connection, then upload again."
    ),
    "osmapi.timeout": QT_TRANSLATE_NOOP(
        "Messages", "OpenStreetMap did not answer in time: upload again later."
    ),
    "osmapi.server": QT_TRANSLATE_NOOP(
        "Messages", "The OpenStreetMap server has a problem: upload again later."
    ),
    "osmapi.busy": QT_TRANSLATE_NOOP(
        "Messages", "OpenStreetMap asks to slow down: wait a few minutes, then upload again."
    ),
    "osmapi.answer": QT_TRANSLATE_NOOP(
        "Messages", "OpenStreetMap sent an answer Contrechamp cannot read: upload again later."
    ),
    "osmapi.lost": QT_TRANSLATE_NOOP(
        "Messages",
        "The upload was interrupted and OSM's answer lost: upload again, it first checks what "
        "OSM received, so nothing is sent twice.",
    ),
    "osmapi.conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "Someone changed one of these cameras in OSM during the upload: upload again, it "
        "reads their change first.",
    ),
    "osmapi.closed": QT_TRANSLATE_NOOP(
        "Messages",
        "OpenStreetMap closed the changeset before the end: upload again to send the rest.",
    ),
    "osmapi.owner": QT_TRANSLATE_NOOP(
        "Messages",
        "This upload was started with another OSM account: log in with that account.",
    ),
    "osmapi.precondition": QT_TRANSLATE_NOOP(
        "Messages", "OpenStreetMap refused a change that depends on other data: nothing was sent."
    ),
    "osmapi.refused": QT_TRANSLATE_NOOP(
        "Messages", "OpenStreetMap refused the changes as malformed: please report this bug."
    ),
    # the campaign store (PostgreSQL + PostGIS)
    "campaign.invalid": QT_TRANSLATE_NOOP("Messages", "The campaign database cannot be used."),
    "campaign.url": QT_TRANSLATE_NOOP(
        "Messages", "This is not a campaign address: give postgresql://USER@HOST:PORT/DATABASE."
    ),
    "campaign.url_password": QT_TRANSLATE_NOOP(
        "Messages",
        "The campaign address holds a password: remove it and put the password in the "
        "keyring, PGPASSWORD or ~/.pgpass.",
    ),
    "campaign.password": QT_TRANSLATE_NOOP(
        "Messages",
        "The campaign server refused the password: check the one in the keyring, PGPASSWORD "
        "or ~/.pgpass.",
    ),
    "campaign.unreachable": QT_TRANSLATE_NOOP(
        "Messages", "The campaign server cannot be reached: check its address and the network."
    ),
    "campaign.no_database": QT_TRANSLATE_NOOP(
        "Messages", "This database does not exist on the campaign server."
    ),
    "campaign.permission": QT_TRANSLATE_NOOP(
        "Messages", "This user may not change the campaign database."
    ),
    "campaign.connection_lost": QT_TRANSLATE_NOOP(
        "Messages",
        "The connection to the campaign server was lost: nothing was changed there. Try again.",
    ),
    "campaign.newer": QT_TRANSLATE_NOOP(
        "Messages", "This campaign was made with a newer Contrechamp. Update the app to use it."
    ),
    "campaign.older": QT_TRANSLATE_NOOP(
        "Messages", "This campaign has an older layout: set it up again (campaign init) first."
    ),
    "campaign.missing": QT_TRANSLATE_NOOP(
        "Messages", "This database holds no campaign yet: set one up first (campaign init)."
    ),
    "campaign.corrupt": QT_TRANSLATE_NOOP("Messages", "The campaign database is damaged."),
    "campaign.postgis": QT_TRANSLATE_NOOP(
        "Messages", "PostGIS is not available in this database: ask its administrator."
    ),
    "campaign.sector": QT_TRANSLATE_NOOP("Messages", "The campaign has no sector of this name."),
    "campaign.cancelled": QT_TRANSLATE_NOOP(
        "Messages", "The campaign action was stopped: nothing was changed."
    ),
}
"""The sentence of each code that has one of its own."""

FAMILIES: dict[str, str] = {
    "survey": _SURVEY_UNUSABLE,
    "csv": _NOT_IMPORTED,
    "geojson": _NOT_IMPORTED,
    "overpass": _NOT_IMPORTED,
    "record": _NOT_IMPORTED,
    "gpx": QT_TRANSLATE_NOOP("Messages", "This GPS track cannot be read."),
    "nmea": QT_TRANSLATE_NOOP("Messages", "The GPS sends data that cannot be read."),
    "cli": QT_TRANSLATE_NOOP("Messages", "A value given on the command line cannot be used."),
    "list": QT_TRANSLATE_NOOP("Messages", "This list of cameras cannot be read."),
    "sectors": QT_TRANSLATE_NOOP(
        "Messages", "These sectors cannot be used: give polygons with different, short names."
    ),
}
"""The sentence of the codes of a family (``csv.row``: ``csv``) that have none of their own."""

SKIPPED: dict[str, str] = {
    "file.missing": QT_TRANSLATE_NOOP("Messages", "{name}: no such file or folder"),
    "file.unreadable": QT_TRANSLATE_NOOP("Messages", "{name} cannot be read"),
    "file.too_large": QT_TRANSLATE_NOOP("Messages", "{name} is too large to be a photo"),
    "file.held": QT_TRANSLATE_NOOP("Messages", "{name} is the survey itself, not a photo"),
    "photo.unsupported": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a JPEG, HEIC, JPEG XL, AVIF, PNG or WebP photo"
    ),
    "photo.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "{name} is damaged: it cannot be read as a photo"
    ),
    "photo.too_large": QT_TRANSLATE_NOOP(
        "Messages", "{name} has too many pixels to be opened safely"
    ),
    "survey.full": QT_TRANSLATE_NOOP(
        "Messages", "{name} was not imported: the disk holding the survey is full"
    ),
    "survey.io": QT_TRANSLATE_NOOP(
        "Messages", "{name} was not imported: the survey file could not be written"
    ),
    "survey.readonly": QT_TRANSLATE_NOOP(
        "Messages", "{name} was not imported: the survey file is read-only"
    ),
    "survey.busy": QT_TRANSLATE_NOOP(
        "Messages", "{name} was not imported: another program is using the survey file"
    ),
}
"""Why a photo given to a photo import was left out, by the code the import reports."""

SKIPPED_OTHERWISE = QT_TRANSLATE_NOOP("Messages", "{name} could not be imported")

NOT_COPIED: dict[str, str] = {
    "missing": QT_TRANSLATE_NOOP(
        "Messages", "{name} was not copied into the survey: the file is gone"
    ),
    "changed": QT_TRANSLATE_NOOP(
        "Messages", "{name} was not copied into the survey: the file changed during the import"
    ),
    "waiting": QT_TRANSLATE_NOOP("Messages", "{name} was not copied into the survey yet"),
}
"""Why a photo recorded by an import is still outside the survey, by its pending state."""

NOT_COPIED_OTHERWISE = QT_TRANSLATE_NOOP("Messages", "{name} was not copied into the survey")


def error_sentence(code: str) -> str | None:
    """The English sentence of an error code: its own, else its family's; None for neither.

    >>> error_sentence("csv.row")
    'This file cannot be imported: it is damaged or laid out differently.'
    >>> error_sentence("thing.unknown") is None
    True
    """
    own = ERRORS.get(code)
    return own if own is not None else FAMILIES.get(code.split(".", 1)[0])


def skipped_template(code: str) -> str:
    """The sentence, with ``{name}`` for the file, saying why a photo import left a file out."""
    return SKIPPED.get(code, SKIPPED_OTHERWISE)


def not_copied_template(state: str) -> str:
    """The sentence, with ``{name}`` for the file, saying why a photo is outside the survey."""
    return NOT_COPIED.get(state, NOT_COPIED_OTHERWISE)


def skipped_sentence(code: str, name: str) -> str:
    """The sentence saying why the photo ``name`` was skipped.

    >>> skipped_sentence("photo.unsupported", "notes.txt")
    'notes.txt is not a JPEG, HEIC, JPEG XL, AVIF, PNG or WebP photo'
    >>> skipped_sentence("some.new_code", "a.jpg")
    'a.jpg could not be imported'
    """
    return skipped_template(code).replace("{name}", name)


def not_copied_sentence(state: str, name: str) -> str:
    """The sentence saying why the photo ``name`` is not inside the survey.

    >>> not_copied_sentence("missing", "IMG_1.jpg")
    'IMG_1.jpg was not copied into the survey: the file is gone'
    """
    return not_copied_template(state).replace("{name}", name)
