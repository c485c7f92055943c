"""Every control a screen reader reaches has a name, and a description where it has a tooltip:
the main window with each of its tabs and pages shown in turn, and its dialogs. What is read
is what Qt's accessibility interface gives, as an assistive technology gets it."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from contrechamp.store.survey import SurveyFile
from contrechamp.ui import accessibility
from contrechamp.ui.accessibility import accessible_texts, is_control
from contrechamp.ui.campaign_dialog import CampaignDialog, PasswordDialog
from contrechamp.ui.export_dialog import ExportDialog, PhotoExportDialog
from contrechamp.ui.glossary.dialog import GlossaryDialog
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.sector_dialog import SectorDialog
from contrechamp.ui.settings_dialog import SettingsDialog
from contrechamp.ui.translations import Translations
from contrechamp.ui.upload_dialog import UploadDialog


def _label(widget: QWidget) -> str:
    parents, parent = [], widget.parentWidget()
    while parent is not None:
        parents.append(type(parent).__name__)
        parent = parent.parentWidget()
    return f"{type(widget).__name__} '{widget.objectName()}' in {' < '.join(parents[:4])}"


def _missing(root: QWidget) -> list[str]:
    """The shown controls of ``root`` without a name, or with a tooltip but no description."""
    QApplication.processEvents()
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or not is_control(widget):
            continue
        name, description = accessible_texts(widget)
        if not name:
            missing.append(f"no name: {_label(widget)}")
        elif widget.toolTip() and not description:
            missing.append(f"no description: {_label(widget)} {name!r}")
    return missing


def _pages(window: QWidget) -> Iterator[str]:
    """Show each page of every tab widget and stack of ``window`` in turn."""
    for stack in [*window.findChildren(QTabWidget), *window.findChildren(QStackedWidget)]:
        if isinstance(stack.parentWidget(), QTabWidget):
            continue  # the tab widget's own stack: shown through the tab widget
        for index in range(stack.count()):
            stack.setCurrentIndex(index)
            yield f"{type(stack).__name__} page {index}"


def test_every_control_of_the_window_and_its_tabs_is_named(window: MainWindow) -> None:
    missing = set(_missing(window))
    visited = 0
    for page in _pages(window):
        visited += 1
        missing.update(f"{page}: {entry}" for entry in _missing(window))
    assert visited >= 6  # the side tabs and the camera panel's pages were all walked
    assert not missing, "\n".join(sorted(missing))


def test_a_camera_being_edited_is_named_field_by_field(window: MainWindow) -> None:
    window.sightings.new_camera_here()
    QApplication.processEvents()
    assert window.form.isVisible()
    assert not _missing(window.form)
    name, description = accessible_texts(window.form.compass)
    assert name == "Direction compass"
    assert "arrow keys" in description  # from its tooltip


def test_the_dialogs_are_named(window: MainWindow, qtbot: QtBot) -> None:
    session = window.session
    assert session is not None
    path = session.survey.path
    with SurveyFile.open(path) as survey:
        dialogs: list[QWidget] = [
            SettingsDialog(window.settings, window),
            ExportDialog(path, window, sectors=["north"]),
            PhotoExportDialog(path, window),
            GlossaryDialog(window),
            SectorDialog(window),
            UploadDialog(survey, window),
            CampaignDialog(window.settings, window.opened, window.files.jobs, lambda: None, window),
            PasswordDialog("ana@db.example.org", "The campaign server wants a password.", window),
        ]
        missing = []
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            dialog.show()
            missing += [f"{type(dialog).__name__}: {entry}" for entry in _missing(dialog)]
            dialog.close()
    assert not missing, "\n".join(missing)


def test_a_name_given_by_the_ui_is_kept_and_a_derived_one_follows_its_text(qtbot: QtBot) -> None:
    given, derived, bare = QLineEdit(), QPushButton("Open"), QLineEdit()
    given.setAccessibleName("Walk title")
    bare.setToolTip("The pair's pseudonym")
    holder = QWidget()
    for widget in (given, derived, bare):
        widget.setParent(holder)
    qtbot.addWidget(holder)
    accessibility.install(holder)
    holder.show()
    assert accessible_texts(given)[0] == "Walk title"
    assert accessible_texts(bare) == ("The pair's pseudonym", "The pair's pseudonym")
    derived.setText("Close")
    assert accessible_texts(derived)[0] == "Close"  # Qt's own name, never frozen here
    bare.setToolTip("The walker's pseudonym")
    accessibility.describe(holder)
    assert accessible_texts(bare)[0] == "The walker's pseudonym"


def test_names_given_here_follow_the_language(qtbot: QtBot) -> None:
    holder, bare = QWidget(), QLineEdit()
    bare.setParent(holder)
    bare.setToolTip("Le pseudonyme du binôme")
    qtbot.addWidget(holder)
    accessibility.install(holder)
    holder.show()
    assert accessible_texts(bare)[0] == "Le pseudonyme du binôme"
    bare.setToolTip("The pair's pseudonym")  # as a window's retranslate_ui does
    QApplication.sendEvent(holder, QEvent(QEvent.Type.LanguageChange))
    qtbot.waitUntil(lambda: accessible_texts(bare)[0] == "The pair's pseudonym", timeout=2000)


def test_the_map_is_named_in_the_language_shown(window: MainWindow) -> None:
    translations = Translations()
    try:
        translations.apply("fr")
        QApplication.processEvents()
        QApplication.processEvents()
        expected = QCoreApplication.translate("Accessibility", "Map")
        assert accessible_texts(window.canvas)[0] == expected
    finally:
        translations.clear()
        QApplication.processEvents()
