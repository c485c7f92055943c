"""The OSM exports (OSM.md §3): a JOSM ``.osm`` file and an osmChange ``.osc`` file.

New cameras get negative ids; cameras linked to an OSM node carry its id and version and are
marked modified only when they differ from the node as it is in OSM. A camera linked to a
node whose version is unknown (imported from Overpass Turbo's ``out body;``) is left out of
both, and counted: JOSM refuses a node without its version, and a ``<modify>`` needs it.

A JOSM file is written the fast way (``_FastJosmExport``): SQLite checks the rows, and new
cameras whose stored tags text is proven canonical become ``<node>`` elements by byte
replacements (``formats.osm_fast``); the other rows are decoded and checked one by one. Should
anything be refused, the export starts again the careful way, which raises today's error.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from itertools import compress
from pathlib import Path
from typing import TypeVar

from shapely import intersects_xy

from contrechamp.core.area import ExistingCamera
from contrechamp.core.camera import Status
from contrechamp.core.errors import InputError, SurveyError
from contrechamp.formats.osm_fast import NewNodeBatch, TagsTextProver
from contrechamp.formats.osm_read import read_camera_nodes
from contrechamp.formats.osm_write import (
    OsmWriteNode,
    josm_node,
    write_josm,
    write_josm_parts,
    write_osmchange,
)
from contrechamp.ops.camera_records import check_tag_lengths
from contrechamp.ops.exports import PROGRESS_EVERY, CameraSelection, ExportedCamera, ExportResult
from contrechamp.store.cameras import (
    ROW_CONFIRMED,
    ExportRow,
    collector_paused,
    decoded_export_tags,
    plausible_raw_chunk,
)
from contrechamp.store.rows import plausible_position_and_link
from contrechamp.store.survey import SurveyFile

__all__ = ["osm_nodes", "write_josm_export", "write_osc_export"]

_log = logging.getLogger(__name__)

# Coordinates are compared at the 7 decimals OSM stores.
_SAME_PLACE = 1e-7


def _differs(camera: ExportedCamera, original: ExistingCamera | None) -> bool:
    """True unless the camera is exactly its original node (version, position, tags)."""
    if original is None or original.version != camera.osm_version:
        return True
    moved = (
        abs(original.lat - camera.lat) > _SAME_PLACE or abs(original.lon - camera.lon) > _SAME_PLACE
    )
    return moved or dict(original.tags) != dict(camera.tags)


def _unversioned(camera: ExportedCamera) -> bool:
    """A camera linked to an OSM node whose version is not known."""
    return camera.osm_id is not None and camera.osm_version is None


def osm_nodes(
    cameras: Iterable[ExportedCamera], originals: Mapping[int, ExistingCamera]
) -> list[OsmWriteNode]:
    """Turn cameras into OSM nodes: new ones numbered -1, -2, …; linked ones with id + version.

    A linked camera is marked modified unless it matches its original; with no original
    known it is marked modified too, to be safe (JOSM then shows it for review). Cameras
    linked to a node without a known version are left out (see the module's docstring).
    """
    nodes: list[OsmWriteNode] = []
    next_new = -1
    for camera in cameras:
        if _unversioned(camera):
            continue
        node = _node(camera, originals, next_new)
        next_new -= node.id < 0
        nodes.append(node)
    return nodes


def _node(
    camera: ExportedCamera, originals: Mapping[int, ExistingCamera], new_id: int
) -> OsmWriteNode:
    """The node of a camera that is not left out: linked (id, version) or new (``new_id``)."""
    if camera.osm_id is not None and camera.osm_version is not None:
        modified = _differs(camera, originals.get(camera.osm_id))
        node = OsmWriteNode(
            camera.osm_id, camera.osm_version, camera.lat, camera.lon, camera.tags, modified
        )
    else:
        node = OsmWriteNode(new_id, None, camera.lat, camera.lon, camera.tags)
    if node.modified:  # the XML writer refuses characters XML cannot carry
        check_tag_lengths(camera.tags, f"camera {camera.id}")
    return node


def _originals(survey: SurveyFile, existing: Path | None) -> dict[int, ExistingCamera]:
    """The OSM nodes as they are in OSM: the survey's area, then the extract given."""
    known = {c.osm_id: c for c in survey.existing_cameras()}
    if existing is not None:
        for node in read_camera_nodes(existing):
            if node.id > 0 and node.version is not None:
                known[node.id] = ExistingCamera(
                    node.id, node.version, node.lat, node.lon, node.tags
                )
    return known


def _rows(survey: SurveyFile, selection: CameraSelection) -> list[ExportRow]:
    """The selected cameras' export rows, read at once."""
    with collector_paused(), selection.rows(survey) as rows:  # no cycles
        return list(rows)


def write_josm_export(
    survey: SurveyFile, selection: CameraSelection, out: Path, existing: Path | None
) -> ExportResult:
    """Write the selected cameras as a JOSM file; review-only when it holds drafts."""
    export = _FastJosmExport(selection)
    try:
        parts = export.parts(survey, existing)
    except _REFUSED as error:  # the careful export says what is wrong
        _log.info("the .osm export takes the careful way (%s)", type(error).__name__)
        return write_josm_export_carefully(survey, selection, out, existing)
    write_josm_parts(out, parts, upload=not export.has_draft)
    return ExportResult(cameras=export.written, unversioned=export.unversioned)


def write_josm_export_carefully(
    survey: SurveyFile, selection: CameraSelection, out: Path, existing: Path | None
) -> ExportResult:
    """``write_josm_export`` through Camera-like rows and ``OsmWriteNode`` objects, each one
    decoded and checked: slower, the same file, and the errors that say what is wrong."""
    cameras = _rows(survey, selection)
    with collector_paused():
        nodes = osm_nodes(cameras, _originals(survey, existing))
    # Drafts are not reviewed yet: JOSM must not upload them as they are.
    write_josm(out, nodes, upload=all(c.status is Status.CONFIRMED for c in cameras))
    return ExportResult(cameras=len(nodes), unversioned=sum(map(_unversioned, cameras)))


def write_osc_export(
    survey: SurveyFile, selection: CameraSelection, out: Path, existing: Path | None
) -> ExportResult:
    """Write an osmChange: ``<create>`` for new cameras, ``<modify>`` for changed linked ones.

    Linked cameras whose original is unknown are left out (there is no telling whether they
    changed, and a needless ``<modify>`` would bump the node's version in OSM), and so are
    those without a known version; both are counted in the result.
    """
    originals = _originals(survey, existing)
    cameras = _rows(survey, selection)
    compared = [c for c in cameras if c.osm_id is None or c.osm_id in originals]
    with collector_paused():
        nodes = osm_nodes(compared, originals)
    create = [n for n in nodes if n.id < 0]
    modify = [n for n in nodes if n.id > 0 and n.modified]
    write_osmchange(out, create, modify)
    unversioned = sum(map(_unversioned, cameras))
    unknown = sum(
        1
        for c in cameras
        if c.osm_id is not None and c.osm_version is not None and c.osm_id not in originals
    )
    return ExportResult(
        cameras=len(create) + len(modify), unknown_original=unknown, unversioned=unversioned
    )


_Value = TypeVar("_Value")


def _kept(column: Sequence[_Value], inside: Iterable[bool]) -> tuple[_Value, ...]:
    """The values of ``column`` where ``inside`` is true."""
    return tuple(compress(column, inside))


class _CarefulExportNeededError(Exception):
    """The fast export met a row it must not write: the careful one says why."""


# What makes the fast export give way to the careful one, which then raises today's error:
# its own refusal, or the error of a row it decoded and checked one by one.
_REFUSED = (_CarefulExportNeededError, SurveyError, InputError, ValueError)


class _FastJosmExport:
    """The ``<node>`` elements of a JOSM export, chunk by chunk of raw rows (see the module's
    docstring): what ``write_josm_export_carefully`` writes, or an error (a row refused, one
    checked one by one) when the careful export must run instead."""

    def __init__(self, selection: CameraSelection) -> None:
        self._selection = selection
        self._prover = TagsTextProver()
        self._originals: Mapping[int, ExistingCamera] = {}
        self._linked: set[int] = set()  # a node given twice is refused by the careful writer
        self._next_id = -1
        self.has_draft = False
        self.written = 0
        self.unversioned = 0

    def parts(self, survey: SurveyFile, existing: Path | None) -> list[bytes]:
        """Read, check and turn every selected camera into ``<node>`` elements (UTF-8)."""
        try:
            self._originals = _originals(survey, existing)
        except OSError as error:  # the careful export reads the rows first, then fails here
            raise _CarefulExportNeededError from error
        parts: list[bytes] = []
        done = 0
        with collector_paused(), closing(survey.raw_export_rows(self._selection.statuses)) as rows:
            for chunk in rows:
                done = self._report(done, len(chunk))
                parts.append(self._chunk(*zip(*chunk, strict=True)))
        return parts

    def _report(self, done: int, more: int) -> int:
        """Report progress as ``CameraSelection.only`` does, every 500 cameras read."""
        progress, total = self._selection.progress, self._selection.total
        if progress is not None:
            first = done + PROGRESS_EVERY - done % PROGRESS_EVERY
            for reached in range(first, done + more + 1, PROGRESS_EVERY):
                progress.advance(reached, total)
        return done + more

    def _chunk(
        self,
        lats: Sequence[float],
        lons: Sequence[float],
        osm_ids: Sequence[int | None],
        versions: Sequence[int | None],
        texts: Sequence[str],
        codes: Sequence[int],
    ) -> bytes:
        """The ``<node>`` elements of one chunk of raw rows (the columns of the chunk)."""
        if not plausible_raw_chunk(lats, lons, osm_ids, versions, texts, codes):
            raise _CarefulExportNeededError  # every row is checked, as export_rows does
        area = self._selection.area
        if area is not None:
            inside = intersects_xy(area, lons, lats)
            if not inside.all():
                lats, lons, osm_ids = (
                    _kept(lats, inside),
                    _kept(lons, inside),
                    _kept(osm_ids, inside),
                )
                versions, texts = _kept(versions, inside), _kept(texts, inside)
                codes = _kept(codes, inside)
        self.has_draft = self.has_draft or any(not code & ROW_CONFIRMED for code in codes)
        batch = self._prover.batch(texts)
        careful = set(batch.careful)
        if osm_ids.count(None) != len(osm_ids) or versions.count(None) != len(versions):
            links = enumerate(zip(osm_ids, versions, strict=True))
            careful.update(i for i, link in links if link != (None, None))
        if not careful:
            return self._new_nodes(batch, 0, len(texts), lats, lons)
        pieces: list[bytes] = []
        start = 0
        for row in sorted(careful):
            pieces.append(self._new_nodes(batch, start, row, lats, lons))
            status = Status.CONFIRMED if codes[row] & ROW_CONFIRMED else Status.DRAFT
            camera = (lats[row], lons[row], status, osm_ids[row], versions[row], texts[row])
            pieces.append(self._careful_node(*camera))
            start = row + 1
        pieces.append(self._new_nodes(batch, start, len(texts), lats, lons))
        return b"".join(pieces)

    def _new_nodes(
        self,
        batch: NewNodeBatch,
        start: int,
        stop: int,
        lats: Sequence[float],
        lons: Sequence[float],
    ) -> bytes:
        """The nodes of rows ``start`` to ``stop`` of a batch, new and proven, numbered on."""
        first, count = self._next_id, stop - start
        self._next_id -= count
        self.written += count
        if count == len(lats):
            return batch.nodes(first, lats, lons)
        return batch.run(start, stop, first, lats, lons) if count else b""

    def _careful_node(
        self,
        lat: float,
        lon: float,
        status: Status,
        osm_id: int | None,
        version: int | None,
        text: str,
    ) -> bytes:
        """One camera decoded, checked and written as ``osm_nodes`` and ``write_josm`` do."""
        if not plausible_position_and_link("", lat, lon, osm_id, version):
            raise _CarefulExportNeededError
        tags = decoded_export_tags(text)
        camera = ExportRow("", lat, lon, status, osm_id, version, tags, None)
        if _unversioned(camera):
            self.unversioned += 1
            return b""
        if osm_id is not None:
            if osm_id in self._linked:
                raise _CarefulExportNeededError
            self._linked.add(osm_id)
        node = _node(camera, self._originals, self._next_id)
        self._next_id -= node.id < 0
        self.written += 1
        return josm_node(node).encode()
