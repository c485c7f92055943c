"""The settings dialog: language, GPS source and tracking, following, online tiles."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from contrechamp.core.errors import InputError
from contrechamp.core.gps_spec import format_gps_spec, parse_gps_spec
from contrechamp.ui.gps.source_form import GpsSourceForm
from contrechamp.ui.messages import error_text
from contrechamp.ui.settings import (
    FOLLOW_GPS,
    GPS_SPEC,
    LANGUAGE,
    ONLINE_TILES,
    ONLINE_TILES_URL,
    TRACK_LOGGING,
    Settings,
)

__all__ = ["SettingsDialog"]


class SettingsDialog(QDialog):
    """Edits the stored options; ``accept`` writes them (the window then applies them)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language = QComboBox()
        self.gps = GpsSourceForm()
        self.follow = QCheckBox()
        self.online = QCheckBox()
        self.tiles_url = QLineEdit()
        self.error = QLabel()
        self.error.setObjectName("nearWarning")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self.retranslate_ui()
        self._load()

    def _layout(self) -> None:
        general = QFormLayout()
        self.language_label = QLabel()
        general.addRow(self.language_label, self.language)
        self.gps_box = QGroupBox()
        gps = QVBoxLayout(self.gps_box)
        gps.addWidget(self.gps)
        gps.addWidget(self.follow)
        self.map_box = QGroupBox()
        tiles = QVBoxLayout(self.map_box)
        tiles.addWidget(self.online)
        tiles.addWidget(self.tiles_url)
        column = QVBoxLayout(self)
        column.addLayout(general)
        column.addWidget(self.gps_box)
        column.addWidget(self.map_box)
        column.addWidget(self.error)
        column.addWidget(self.buttons)

    def retranslate_ui(self) -> None:
        """Refresh every translated text (language names stay in their own language)."""
        self.setWindowTitle(self.tr("Settings"))
        current = max(self.language.currentIndex(), 0)
        self.language.clear()
        self.language.addItem(self.tr("Same as the computer"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.language.setCurrentIndex(current)
        self.language_label.setText(self.tr("Language"))
        self.gps_box.setTitle(self.tr("GPS"))
        self.follow.setText(self.tr("Keep the map on my position"))
        self.map_box.setTitle(self.tr("Map"))
        self.online.setText(self.tr("Use online map tiles (needs the internet)"))
        self.tiles_url.setToolTip(self.tr("Address of the tiles, with {z}, {x} and {y}"))

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _load(self) -> None:
        s = self.settings
        self.language.setCurrentIndex(max(self.language.findData(s.get(LANGUAGE)), 0))
        try:
            self.gps.set_spec(parse_gps_spec(s.get(GPS_SPEC)))
        except InputError:
            self.gps.set_spec(parse_gps_spec("none"))
        self.gps.keep_track.setChecked(s.get(TRACK_LOGGING))
        self.follow.setChecked(s.get(FOLLOW_GPS))
        self.online.setChecked(s.get(ONLINE_TILES))
        self.tiles_url.setText(s.get(ONLINE_TILES_URL))

    def accept(self) -> None:
        """Store the options; a GPS source that is not understood keeps the dialog open."""
        try:
            spec = format_gps_spec(self.gps.spec())
        except InputError as error:
            self.error.setText(error_text(error))
            self.error.show()
            return
        s = self.settings
        s.set(LANGUAGE, str(self.language.currentData()))
        s.set(GPS_SPEC, spec)
        s.set(TRACK_LOGGING, self.gps.keep_track.isChecked())
        s.set(FOLLOW_GPS, self.follow.isChecked())
        s.set(ONLINE_TILES, self.online.isChecked())
        s.set(ONLINE_TILES_URL, self.tiles_url.text().strip() or ONLINE_TILES_URL.default)
        super().accept()
