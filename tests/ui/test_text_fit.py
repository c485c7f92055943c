"""The cut-text finder catches each way a text can be lost, and nothing when all fits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from contrechamp.ui.form.hints import placeholder_width
from tests.ui.text_fit import cut_texts

LONG = "Ajouter sur la carte (A)"


def _shown(qtbot: QtBot, widget: QWidget, width: int) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(width, 240)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _squeezed(child: QWidget) -> QWidget:
    """A window whose only child is held narrower than it asks for."""
    top = QWidget()
    child.setFixedWidth(40)
    QVBoxLayout(top).addWidget(child)
    return top


def test_texts_that_fit_are_not_reported(qtbot: QtBot) -> None:
    top = QWidget()
    column = QVBoxLayout(top)
    edit = QLineEdit()
    edit.setPlaceholderText("e.g. 4")
    edit.setMinimumWidth(placeholder_width(edit))  # as the camera form's fields do
    for widget in (QLabel(LONG), QPushButton(LONG), edit):
        column.addWidget(widget)
    assert cut_texts(_shown(qtbot, top, 600)) == []


def test_a_narrow_label_button_or_placeholder_is_reported(qtbot: QtBot) -> None:
    edit = QLineEdit()
    edit.setPlaceholderText(LONG)
    for widget, kind in ((QLabel(LONG), "QLabel"), (QPushButton(LONG), "QPushButton")):
        found = cut_texts(_shown(qtbot, _squeezed(widget), 300))
        assert [line.split(" ", 1)[0] for line in found] == [kind]
    found = cut_texts(_shown(qtbot, _squeezed(edit), 300))
    assert found
    assert found[0].startswith(f"QLineEdit {LONG!r}")


def test_a_placeholder_the_layout_may_squeeze_is_reported(qtbot: QtBot) -> None:
    top = QWidget()
    edit = QLineEdit()
    edit.setPlaceholderText(LONG)
    QVBoxLayout(top).addWidget(edit)
    assert any("may shrink" in line for line in cut_texts(_shown(qtbot, top, 600)))


def test_elided_tabs_and_tabs_that_may_elide_are_reported(qtbot: QtBot) -> None:
    tabs = QTabWidget()
    tabs.setElideMode(Qt.TextElideMode.ElideRight)
    tabs.tabBar().setUsesScrollButtons(False)
    for title in ("Toutes les caméras", "Couches de la carte", "À vérifier (12)"):
        tabs.addTab(QWidget(), title)
    found = cut_texts(_shown(qtbot, tabs, 200))
    assert any("tab needs" in line for line in found)
    assert any("may shrink" in line for line in found)


def test_a_toolbar_action_in_the_overflow_menu_is_reported(qtbot: QtBot) -> None:
    window = QMainWindow()
    toolbar = QToolBar()
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for text in ("Nouvelle caméra ici (N)", LONG, "Suivre le GPS (F)"):
        toolbar.addAction(QAction(text, window))
    window.addToolBar(toolbar)
    window.setCentralWidget(QWidget())
    found = cut_texts(_shown(qtbot, window, 300))
    assert "QToolBar action 'Suivre le GPS (F)': in the overflow menu" in found


def test_a_button_pushed_sideways_out_of_a_scroll_area_is_reported(qtbot: QtBot) -> None:
    inner = QWidget()
    row = QHBoxLayout(inner)
    row.addWidget(QLabel("Kind"))
    row.addStretch(1)
    row.addWidget(QPushButton("Done (Enter)"))
    inner.setMinimumWidth(900)
    area = QScrollArea()
    area.setWidget(inner)
    area.setWidgetResizable(True)
    found = cut_texts(_shown(qtbot, area, 300))
    assert "QPushButton 'Done (Enter)': out of sight" in found
