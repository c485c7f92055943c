"""The survey's cameras as a table, filtered by status and by "something to check"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contrechamp.core.camera import Status
from contrechamp.ui.cameras_model import CAMERA_ROLE, TIME_COLUMN, CameraFilter, CamerasModel
from contrechamp.ui.form.choices import status_label

__all__ = ["CameraList"]


class CameraList(QWidget):
    """A sortable table over a CamerasModel.

    Moving to a row emits ``camera_chosen`` (shown on the map); Enter or a double-click
    emits ``camera_opened`` (edit it in the form).
    """

    camera_chosen = Signal(str)  # camera id
    camera_opened = Signal(str)  # camera id

    def __init__(self, model: CamerasModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = CameraFilter(self)
        self.proxy.setSourceModel(model)
        self.status = QComboBox()
        self.problems_only = QCheckBox()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TIME_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._layout()
        self.status.currentIndexChanged.connect(self._on_status_changed)
        self.problems_only.toggled.connect(self.proxy.set_problems_only)
        self.table.activated.connect(self._on_row_activated)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._on_selection_changed)
        self._chosen: str | None = None  # the camera chosen, chosen again after a new filter
        self._choosing_again = False
        self.proxy.modelReset.connect(self._choose_again)
        self.retranslate_ui()

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.status)
        filters.addWidget(self.problems_only)
        filters.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(filters)
        column.addWidget(self.table, 1)

    def retranslate_ui(self) -> None:
        """Refresh every translated text, keeping the filter chosen."""
        current = max(self.status.currentIndex(), 0)
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(self.tr("All cameras"), None)
        for status in Status:
            self.status.addItem(status_label(status), status)
        self.status.setCurrentIndex(current)
        self.status.blockSignals(False)
        self.problems_only.setText(self.tr("Only those with something to check"))
        self.model.forget_texts()  # the text columns sort by their new texts
        self.proxy.resort()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _on_status_changed(self, _index: int) -> None:
        data = self.status.currentData()
        self.proxy.set_status(None if data is None else Status(data))

    def focus_table(self) -> None:
        """Put the keyboard in the table, on the first row if none is chosen."""
        self.table.setFocus()
        if not self.table.selectionModel().hasSelection() and self.proxy.rowCount():
            self.table.selectRow(0)

    def _on_row_activated(self, index: QModelIndex) -> None:
        camera = self.proxy.data(index, CAMERA_ROLE)
        if camera is not None:
            self.camera_opened.emit(camera.id)

    def _on_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        camera = self.proxy.data(indexes[0], CAMERA_ROLE) if indexes else None
        if camera is not None:
            again, self._chosen = camera.id == self._chosen and self._choosing_again, camera.id
            if not again:
                self.camera_chosen.emit(camera.id)

    def _choose_again(self) -> None:
        """After a new filter, choose the camera chosen before, if it is still shown."""
        source_row = self.model.row_of(self._chosen) if self._chosen else None
        if source_row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if index.isValid():  # the same camera: not shown on the map again
            self._choosing_again = True
            try:
                self.table.selectRow(index.row())
            finally:
                self._choosing_again = False
            self.table.scrollTo(index)
