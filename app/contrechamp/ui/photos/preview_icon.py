"""A photo's preview as an icon, with a plain picture icon while it has none."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QStyle, QWidget

from contrechamp.core.errors import ContrechampError
from contrechamp.store.survey import SurveyFile

__all__ = ["preview_icon"]


def preview_icon(survey: SurveyFile, photo_id: int, widget: QWidget) -> QIcon:
    """The stored preview of a photo; a plain icon, never an empty square, when it has none
    yet (previews are made after the import) or cannot be read right now."""
    try:
        data = survey.thumbnail(photo_id)
    except ContrechampError:  # e.g. moved into the survey by a copy at this very moment
        data = None
    image = QImage.fromData(data or b"")
    if image.isNull():
        return widget.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
    return QIcon(QPixmap.fromImage(image))
