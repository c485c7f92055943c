"""Everything PySide6: the window, map canvas, camera form, GPS sources."""
