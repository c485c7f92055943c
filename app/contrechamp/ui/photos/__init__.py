"""Walk photos in the window: the import dialog and the review queue of photo drafts."""

from __future__ import annotations

from contrechamp.ui.photos.import_dialog import PhotoImportDialog
from contrechamp.ui.photos.review_queue import DraftReviewQueue

__all__ = ["DraftReviewQueue", "PhotoImportDialog"]
