"""The official lists of a survey against the cameras seen: counts and the rows to look at."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrechamp.core.list_comparison import ListedCamera, Placement, SeenCamera
from contrechamp.core.messages import QT_TRANSLATE_NOOP
from contrechamp.ui.side_tabs import TabTexts

if TYPE_CHECKING:
    from contrechamp.ops.official_lists import ListReport
    from contrechamp.store.survey import SurveyFile

__all__ = ["LISTS_TAB", "LISTS_TAB_TEXTS", "OfficialListPanel"]

POSITION_ROLE = Qt.ItemDataRole.UserRole
"""An item's (lat, lon), None for a row without a position."""


LISTS_TAB = "lists"
LISTS_TAB_TEXTS = TabTexts(
    "OfficialListPanel",
    QT_TRANSLATE_NOOP("OfficialListPanel", "Lists"),
    QT_TRANSLATE_NOOP(
        "OfficialListPanel",
        "Official lists of cameras compared with those seen: listed but not seen, "
        "seen but not listed",
    ),
)


class OfficialListPanel(QWidget):
    """One official list at a time (a choice when the survey holds several): the figures of
    its comparison, then the rows listed but not seen, the cameras seen but not listed and
    the unplaced rows. Activating a row with a position (Enter, double-click) emits
    ``position_chosen(lat, lon)``.
    """

    position_chosen = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._survey: SurveyFile | None = None
        self._reports: list[ListReport] = []
        self.choice = QComboBox()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setRootIsDecorated(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.choice)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.choice.currentIndexChanged.connect(self._on_choice_changed)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.retranslate_ui()

    def set_survey(self, survey: SurveyFile | None) -> None:
        """Show the lists of ``survey`` (nothing for None)."""
        self._survey = survey
        self.refresh()

    def refresh(self) -> None:
        """Read the survey's lists and cameras again (after an import or an edit)."""
        from contrechamp.ops.official_lists import list_reports

        chosen = self.choice.currentText()
        self._reports = list_reports(self._survey) if self._survey is not None else []
        names = [report.name for report in self._reports]
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItems(names)
        self.choice.setCurrentIndex(names.index(chosen) if chosen in names else 0)
        self.choice.blockSignals(False)
        self.choice.setVisible(len(names) > 1)
        self._show()

    def current_report(self) -> ListReport | None:
        """The comparison shown, None when the survey holds no list."""
        index = self.choice.currentIndex()
        return self._reports[index] if 0 <= index < len(self._reports) else None

    def retranslate_ui(self) -> None:
        """Set every text in the current language."""
        self.choice.setToolTip(self.tr("The official list to compare with the cameras seen"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show(self) -> None:
        """Fill the summary and the tree from the chosen list."""
        self.tree.clear()
        report = self.current_report()
        if report is None:
            self.summary.setText(
                self.tr("No official list in this survey (contrechamp import-list SURVEY FILE).")
            )
            return
        self.summary.setText(self._summary(report))
        comparison = report.comparison
        groups = (
            (self.tr("Listed but not seen (%1)"), comparison.listed_not_seen),
            (self.tr("Seen but not listed (%1)"), comparison.seen_not_listed),
            (self.tr("Unplaced rows (%1)"), comparison.unplaced),
        )
        for title, rows in groups:
            group = QTreeWidgetItem(self.tree, [_fill(title, len(rows))])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for row in rows:
                self._add_row(group, row)
            group.setExpanded(True)

    def _summary(self, report: ListReport) -> str:
        counts = report.comparison.counts()
        lines = [
            _fill(self.tr("%1 listed cameras, %2 cameras seen"), report.listed, report.seen),
            _fill(self.tr("Seen and listed: %1"), counts["seen_and_listed"]),
            _fill(
                self.tr("A camera seen within %1 m is taken as listed."), report.comparison.radius_m
            ),
        ]
        if counts["outside_area"]:
            lines.append(_fill(self.tr("Outside the survey's area: %1"), counts["outside_area"]))
        return "\n".join(lines)

    def _add_row(self, group: QTreeWidgetItem, row: ListedCamera | SeenCamera) -> None:
        """One row under its group, with its position for ``position_chosen``."""
        if isinstance(row, SeenCamera):
            item = QTreeWidgetItem(group, [_fill(self.tr("Camera %1"), row.id[:8])])
            item.setData(0, POSITION_ROLE, (row.lat, row.lon))
            return
        place = row.place or self.tr("(no address)")
        if row.ref:
            label = _fill(self.tr("Line %1 (%2): %3"), row.line, row.ref, place)
        else:
            label = _fill(self.tr("Line %1: %2"), row.line, place)
        item = QTreeWidgetItem(group, [label])
        crossing = row.tags.get("crossing")
        if crossing and row.placed is Placement.CROSSING:
            item.setToolTip(0, _fill(self.tr("Placed at the crossing of %1"), crossing))
        position = None if row.lat is None or row.lon is None else (row.lat, row.lon)
        item.setData(0, POSITION_ROLE, position)

    def _on_choice_changed(self, _index: int) -> None:
        self._show()

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        position = item.data(0, POSITION_ROLE)
        if position is not None:
            self.position_chosen.emit(float(position[0]), float(position[1]))


def _fill(template: str, *values: object) -> str:
    """A translated template with ``%1``, ``%2``… replaced in one pass (a value holding
    ``%2`` stays as it is); numbers as the shortest text that reads them."""
    texts = [f"{v:g}" if isinstance(v, float) else str(v) for v in values]
    return re.sub(r"%(\d)", lambda m: texts[int(m.group(1)) - 1], template)
