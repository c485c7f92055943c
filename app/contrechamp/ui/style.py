"""The window's style sheet: large, high-contrast targets for outdoor use."""

from __future__ import annotations

__all__ = ["FIELD_STYLE"]

FIELD_STYLE = """
QWidget { font-size: 15px; }
QLabel#formTitle { font-size: 20px; font-weight: bold; }
QLabel#nearWarning {
    background: #fff3bf; color: #5c3c00; border: 2px solid #f59f00;
    border-radius: 6px; padding: 8px;
}
QLabel#problems {
    background: #fff0f6; color: #a61e4d; border: 2px solid #f06595;
    border-radius: 6px; padding: 6px;
}
QPushButton { min-height: 34px; padding: 4px 14px; }
QComboBox, QLineEdit { min-height: 32px; }
QToolBar#fieldToolbar QToolButton { min-height: 36px; padding: 4px 12px; font-weight: bold; }
QTabBar::tab { min-height: 32px; padding: 4px 16px; }
QListView#draftQueue::item { min-height: 34px; padding: 0 6px; }
QLabel#sectionTitle { font-weight: bold; }
"""
