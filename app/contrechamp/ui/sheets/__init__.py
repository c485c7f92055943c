"""Printable field sheets: the PDF painter and the window's print command."""
