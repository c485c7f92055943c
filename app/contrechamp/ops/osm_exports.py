"""The OSM exports (OSM.md §3): a JOSM ``.osm`` file and an osmChange ``.osc`` file.

New cameras get negative ids; cameras linked to an OSM node carry its id and version and are
marked modified only when they differ from the node as it is in OSM. A camera linked to a
node whose version is unknown (imported from Overpass Turbo's ``out body;``) is left out of
both, and counted: JOSM refuses a node without its version, and a ``<modify>`` needs it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from contrechamp.core.area import ExistingCamera
from contrechamp.core.camera import Status
from contrechamp.formats.osm_read import read_camera_nodes
from contrechamp.formats.osm_write import OsmWriteNode, write_josm, write_osmchange
from contrechamp.ops.camera_records import check_tag_lengths
from contrechamp.ops.exports import CameraSelection, ExportedCamera, ExportResult
from contrechamp.store.cameras import ExportRow, collector_paused
from contrechamp.store.survey import SurveyFile

__all__ = ["osm_nodes", "write_josm_export", "write_osc_export"]

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
        if camera.osm_id is not None:
            if camera.osm_version is None:
                continue
            modified = _differs(camera, originals.get(camera.osm_id))
            node = OsmWriteNode(
                camera.osm_id, camera.osm_version, camera.lat, camera.lon, camera.tags, modified
            )
        else:
            node = OsmWriteNode(next_new, None, camera.lat, camera.lon, camera.tags)
            next_new -= 1
        if node.modified:  # the XML writer refuses characters XML cannot carry
            check_tag_lengths(camera.tags, f"camera {camera.id}")
        nodes.append(node)
    return nodes


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
