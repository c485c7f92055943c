"""Benchmark sizes, paths and the version key of the cached generated data."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "BENCH_DIR",
    "DATA_VERSION",
    "PROFILE_DIR",
    "REPO_DIR",
    "RESULTS_PATH",
    "Sizes",
    "city_extract",
    "data_dir",
    "scratch_path",
]

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
PROFILE_DIR = BENCH_DIR / "profiles"
RESULTS_PATH = BENCH_DIR / "results.json"

# Bump when a generator changes what it writes: the cache under bench/data/ is keyed by it.
DATA_VERSION = "v1"

_MONACO = REPO_DIR.parent / "shared" / "data" / "osm" / "monaco.osm.pbf"
_HELSINKI = REPO_DIR / "resources" / "demo" / "helsinki.osm.pbf"


@dataclass(frozen=True)
class Sizes:
    """How much data one benchmark run generates and how often it repeats each figure."""

    label: str
    cameras: int
    photos: int
    surveys: int
    pbf_copies: int
    runs: int
    heavy_runs: int
    saves: int
    pan_frames: int
    scale: tuple[int, int, int]
    """The survey sizes of the growth rows: small, medium, large (the large one is the
    million-camera survey of the scale rows)."""

    @classmethod
    def full(cls) -> Sizes:
        """The sizes of DESIGN.md's table."""
        return cls("full", 100_000, 1_000, 20, 9, 5, 3, 300, 30, (10_000, 100_000, 1_000_000))

    @classmethod
    def quick(cls) -> Sizes:
        """Small data for a check under a minute."""
        return cls("quick", 10_000, 100, 20, 1, 3, 2, 300, 8, (1_000, 3_000, 10_000))


def city_extract() -> Path:
    """The real city whose streets carry the generated cameras: Monaco, else Helsinki."""
    return _MONACO if _MONACO.is_file() else _HELSINKI


def data_dir(sizes: Sizes) -> Path:
    """The cache folder of one size set (git-ignored), created on demand."""
    root = Path(os.environ.get("CONTRECHAMP_BENCH_DATA", BENCH_DIR / "data"))
    folder = root / f"{DATA_VERSION}-{sizes.label}-{city_extract().stem.split('.')[0]}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def scratch_path(target: Path, suffix: str = "") -> Path:
    """Where this process writes ``target`` before renaming it into place: a name of its own,
    so two benchmark runs generating the same file never write into each other's."""
    return target.with_name(f".{target.name}.{os.getpid()}.partial{suffix}")
