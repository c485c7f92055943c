"""PyInstaller hook for pyogrio (GeoPackage export): its compiled submodules import each other
from C, and GDAL and PROJ need their data folders beside the package."""

from __future__ import annotations

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("pyogrio", filter=lambda name: ".tests" not in name)
datas = collect_data_files("pyogrio", subdir="gdal_data") + collect_data_files(
    "pyogrio", subdir="proj_data"
)
