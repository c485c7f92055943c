"""A survey to export: cameras of every status, hostile tag values, a pseudonym, a camera
linked to OSM without a known version, two sectors and photos with EXIF and XMP."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from shapely import box

from contrechamp.core.area import Sector
from contrechamp.core.camera import Camera, Status
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.store.survey import SurveyFile
from tests.photos.photo_factory import T0, make_exif

PSEUDONYM = "pair-zebra-3"
HOSTILE = (
    "<img src=x onerror=\"document.title='pwned-img'\">",
    "</script><script>document.title='pwned-script'</script>",
    "${document.title='pwned-template'}`",
    '"><svg onload="document.body.appendChild(document.createElement(\'pwned\'))">',
)
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    b'22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" '
    b'dc:creator="Walker Name"/></rdf:RDF></x:xmpmeta>'
)
BIG_ID = 11_234_567_890  # above 2^32, as Monaco's cameras are


@dataclass(frozen=True)
class Sample:
    """The survey and its cameras by role."""

    path: Path
    fixed: Camera  # confirmed, direction 90, hostile tags, in sector North
    dome: Camera  # draft, in sector South
    rejected: Camera
    unversioned: Camera  # confirmed, linked to OSM node 987654321 without a version
    linked: Camera  # confirmed, linked to BIG_ID v4


def photo_with_metadata(color: str = "steelblue") -> bytes:
    """A JPEG with EXIF (GPS, time) and an XMP packet naming its author."""
    out = io.BytesIO()
    exif = make_exif(lat=43.7331, lon=7.4251, taken_at=T0)
    Image.new("RGB", (64, 48), color).save(out, "JPEG", exif=exif.tobytes(), xmp=XMP)
    return out.getvalue()


def build_sample(path: Path) -> Sample:
    """Write the sample survey at ``path``."""
    base = {"man_made": "surveillance", "surveillance:type": "camera"}
    fixed = Camera(
        43.7331,
        7.4251,
        {**base, "camera:direction": "90", "camera:type": "fixed", "note": HOSTILE[0],
         "operator": HOSTILE[1], "description": HOSTILE[2], "name": HOSTILE[3],
         "ref": "=HYPERLINK(\"http://x\")", "height": "-12.5"},
        status=Status.CONFIRMED,
        surveyor=PSEUDONYM,
    )  # fmt: skip
    dome = Camera(43.7301, 7.4201, {**base, "camera:type": "dome"}, surveyor=PSEUDONYM)
    rejected = Camera(43.7302, 7.4202, dict(base), status=Status.REJECTED, surveyor=PSEUDONYM)
    unversioned = Camera(43.7335, 7.4255, dict(base), status=Status.CONFIRMED, osm_id=987654321)
    linked = Camera(
        43.7336, 7.4256, {**base, "camera:mount": "wall"}, status=Status.CONFIRMED,
        osm_id=BIG_ID, osm_version=4,
    )  # fmt: skip
    with SurveyFile.create(path, title=HOSTILE[1], surveyor=PSEUDONYM) as survey:
        for camera in (fixed, dome, rejected, unversioned, linked):
            survey.add_camera(camera)
        survey.add_sector(Sector("North", box(7.42, 43.732, 7.43, 43.74).wkb))
        survey.add_sector(Sector("South", box(7.41, 43.72, 7.43, 43.731).wkb))
        for camera, color in ((fixed, "steelblue"), (fixed, "olive"), (rejected, "red")):
            data = photo_with_metadata(color)
            info = PhotoInfo(None, camera.id, "", "IMG_Walker.jpg", "image/jpeg", PhotoRole.WIDE)
            survey.add_photo(info, data)
    return Sample(path, fixed, dome, rejected, unversioned, linked)
