"""Copy the bytes of pending photos (recorded by an import) from their originals into the survey."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from contrechamp.ops.progress import Progress, quiet
from contrechamp.store.pending import PendingPhoto, PendingState, read_original
from contrechamp.store.survey import SurveyFile

__all__ = ["BATCH_BYTES", "CopySummary", "copy_pending_photos"]

BATCH_BYTES = 32 * 1024 * 1024
"""Bytes copied per transaction: large commits are cheap per photo, and a crash loses at most
one batch of copying (never a photo: it stays pending)."""


@dataclass
class CopySummary:
    """What a copy did: photos copied in and their bytes; ``left``, the photos still pending
    because their original is missing or changed (with that state); whether it was stopped."""

    copied: int = 0
    bytes_copied: int = 0
    left: list[PendingPhoto] = field(default_factory=list)
    cancelled: bool = False


def copy_pending_photos(survey: SurveyFile, progress: Progress | None = None) -> CopySummary:
    """Copy every pending photo's bytes into the survey, about 32 MB per transaction.

    Each original is checked (size, then SHA-256) as it is read: one that vanished or changed
    stays pending with that state and is tried again next time. Stopping (``progress.stop()``),
    a crash or a full disk (SurveyError) keeps every batch already committed; calling again
    resumes with the photos still pending. ``progress`` advances by (photos done, photos to copy).
    """
    progress = progress or quiet()
    pending = survey.pending_photos()
    summary = CopySummary()
    batch = _Batch(survey, summary)
    for done, photo in enumerate(pending):
        if progress.stopped:
            summary.cancelled = True
            break
        batch.add(photo, read_original(photo))
        if batch.size >= BATCH_BYTES:
            batch.commit()
        progress.advance(done + 1, len(pending))
    batch.commit()
    return summary


class _Batch:
    """Originals read but not yet committed, and the photos whose original is unusable."""

    def __init__(self, survey: SurveyFile, summary: CopySummary) -> None:
        self._survey, self._summary = survey, summary
        self._originals: list[tuple[PendingPhoto, bytes]] = []
        self._unusable: list[PendingPhoto] = []
        self.size = 0

    def add(self, photo: PendingPhoto, original: bytes | PendingState) -> None:
        """Take a photo's original bytes, or the reason it has none."""
        if isinstance(original, bytes):
            self._originals.append((photo, original))
            self.size += len(original)
        else:
            self._unusable.append(replace(photo, state=original))

    def commit(self) -> None:
        """Store the batch in one transaction, then count it in the summary."""
        copied: list[int] = []  # sizes of the photos stored
        with self._survey.transaction():
            for photo, data in self._originals:
                if self._survey.store_original(photo.photo_id, data):
                    copied.append(len(data))
                else:  # same size, other bytes
                    self._unusable.append(replace(photo, state=PendingState.CHANGED))
            for photo in self._unusable:
                self._survey.set_pending_state(photo.photo_id, photo.state)
        self._summary.copied += len(copied)
        self._summary.bytes_copied += sum(copied)
        self._summary.left += self._unusable
        self._originals, self._unusable, self.size = [], [], 0
