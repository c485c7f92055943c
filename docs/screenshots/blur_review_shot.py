"""The review of blurred regions (blur-review.png): street photos made from the images
scikit-image ships (the astronaut's head pasted on a brick façade, a parked car's plate drawn
on), the faces found by the real detector, a plate blurred by hand.

Called by take.py; runs on its own too: ``QT_QPA_PLATFORM=offscreen PYTHONPATH=.
.venv/bin/python docs/screenshots/blur_review_shot.py OUT.png``.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw
from PySide6.QtWidgets import QApplication

from contrechamp.core.blur import BlurRegion, RegionKind
from contrechamp.core.camera import Camera
from contrechamp.core.photo import PhotoInfo
from contrechamp.ops.blur import scan_photos
from contrechamp.ops.photo_previews import render_previews
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.photos.blur_review import BlurReviewDialog
from contrechamp.ui.session import SurveySession

__all__ = ["take_blur_review"]

_SIZE = (1600, 1200)
_HEADS = (  # (left, top, height) of each head, per photo; () is a bare façade
    ((300, 380, 260),),
    ((150, 500, 180), (900, 420, 220)),
    (),
    ((1100, 300, 320),),
    ((600, 650, 140), (1250, 600, 150)),
    (),
    ((200, 250, 400),),
    ((700, 500, 200),),
)
_PLATE = (560, 980, 300, 70)  # left, top, width, height of the plate on the car photo
_CAR_PHOTO = 2


def _street(heads: tuple[tuple[int, int, int], ...], car: bool) -> bytes:
    """A façade with heads pasted on (and a car's plate when ``car``), as a JPEG."""
    from skimage import data

    tile = Image.fromarray(data.brick()).convert("RGB").resize((400, 400))
    photo = Image.new("RGB", _SIZE)
    for x in range(0, _SIZE[0], 400):
        for y in range(0, _SIZE[1], 400):
            photo.paste(tile, (x, y))
    head = Image.fromarray(data.astronaut()).crop((160, 30, 290, 190))
    for left, top, height in heads:
        photo.paste(head.resize((round(height * 130 / 160), height)), (left, top))
    if car:
        draw = ImageDraw.Draw(photo)
        draw.rounded_rectangle((350, 820, 1250, 1150), 60, fill="#3a5f8a")
        left, top, width, height = _PLATE
        draw.rectangle((left, top, left + width, top + height), fill="white", outline="black")
        draw.text((left + 40, top + 18), "AB-123-CD", fill="black", font_size=40)
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=90)
    return out.getvalue()


def _survey(path: Path) -> list[int]:
    """A survey with one camera and its street photos, faces found, the plate drawn."""
    ids = []
    with SurveyFile.create(path, title="Gare") as survey:
        camera = Camera(48.8443, 2.3744, {"man_made": "surveillance"})
        survey.add_camera(camera)
        for n, heads in enumerate(_HEADS):
            info = PhotoInfo(None, camera.id, "", f"IMG_{n}.jpg", "image/jpeg")
            stored = survey.add_photo(info, _street(heads, n == _CAR_PHOTO))
            assert stored.id is not None
            ids.append(stored.id)
        render_previews(survey, ids)
        scan_photos(survey, ids)
        left, top, width, height = _PLATE
        plate = BlurRegion(left / _SIZE[0], top / _SIZE[1], width / _SIZE[0],
                           height / _SIZE[1], RegionKind.PLATE).grown(1.15)  # fmt: skip
        survey.add_blur_region(ids[_CAR_PHOTO], plate)
    return ids


def take_blur_review(out: Path) -> None:
    """Write the review dialog, at 1200 × 760, to ``out``."""
    app = QApplication.instance()
    assert app is not None
    with tempfile.TemporaryDirectory() as folder:
        ids = _survey(Path(folder) / "gare.cartoparty")
        session = SurveySession(SurveyFile.open(Path(folder) / "gare.cartoparty"))
        dialog = BlurReviewDialog(session, ids)
        dialog.resize(1200, 760)
        dialog.show()
        for _ in range(10):
            app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(out), "PNG", 9)
        dialog.close()
        session.close()
    print(f"{out}: {out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    application = QApplication(sys.argv)
    take_blur_review(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("blur-review.png"))
