"""The Coverage tab: how much of the streets the cameras film, for the area or a sector, the
most filmed streets and the blind spots, the streets coloured on the map, a printed report.

The coverage (``ops.coverage.open_coverage``) is worked out off the window's thread the first
time the tab is shown or the map layer turned on; afterwards a camera logged, moved, turned
or deleted updates it at once on the window's thread (only the streets that camera sees are
counted again: a few milliseconds), and the map a moment later.

A route, drawn by clicks on the map or read from a GPX file, shows its exposure: the cameras
that see it, the metres filmed, and where (its filmed stretches on the map). It lives in the
panel only and is never written to the survey: a walker's way is personal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrechamp.core.area import ExistingCamera, Sector
from contrechamp.core.camera import Camera
from contrechamp.core.coverage import StreetCoverage
from contrechamp.core.coverage_figures import CoverageSummary, StreetShare, summarise
from contrechamp.core.errors import ContrechampError
from contrechamp.core.messages import QT_TRANSLATE_NOOP
from contrechamp.ops.coverage import (
    RANKED,
    RouteOnMap,
    coverage_camera,
    open_coverage,
    osm_coverage_camera,
    route_of_gpx,
    route_on_map,
    sector_summary,
    write_report,
)
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.coverage_legend import CoverageLegend, local_length, local_number
from contrechamp.ui.coverage_report import ReportContent
from contrechamp.ui.map import MapCanvas
from contrechamp.ui.map.coverage_layer import CoverageShapes
from contrechamp.ui.session import SurveySession
from contrechamp.ui.side_tabs import TabTexts
from contrechamp.ui.tasks import run_task
from contrechamp.ui.window_parts import OpenSurvey, StatusSink

__all__ = ["COVERAGE_TAB", "COVERAGE_TAB_TEXTS", "MAP_DELAY_MS", "CoveragePanel"]

COVERAGE_TAB = "coverage"
COVERAGE_TAB_TEXTS = TabTexts(
    "CoveragePanel",
    QT_TRANSLATE_NOOP("CoveragePanel", "Coverage"),
    QT_TRANSLATE_NOOP("CoveragePanel", "How much of the streets the cameras film"),
)
MAP_DELAY_MS = 400
"""How long after the last edit the map's coverage is painted again."""


@dataclass(frozen=True)
class _Built:
    """What the background work hands the panel."""

    model: StreetCoverage
    sectors: list[Sector]
    existing: dict[int, ExistingCamera]


class CoveragePanel(QWidget):
    """The open survey's coverage; ``figures_shown`` follows each update of the figures."""

    figures_shown = Signal()

    def __init__(self, opened: OpenSurvey, status: StatusSink, canvas: MapCanvas) -> None:
        super().__init__()
        self._opened, self._status, self._canvas = opened, status, canvas
        self._session: SurveySession | None = None
        self._built: _Built | None = None
        self._linked: dict[str, int] = {}  # survey camera -> the OSM node it stands for
        self._asked = 0
        self._state = "idle"  # idle, working, no_area, ready
        self.summary: CoverageSummary | None = None
        self._route: tuple[list[tuple[float, float]], set[int]] | None = None  # points, breaks
        self.route: RouteOnMap | None = None  # its exposure, while the coverage is known
        self._build()
        self._map_later = QTimer(self, singleShot=True, interval=MAP_DELAY_MS)
        self._map_later.timeout.connect(self._show_on_map)
        canvas.sketch.line_finished.connect(self._on_route_drawn)
        canvas.sketch.changed.connect(self._show_route_state)
        opened.changed.connect(self.set_session)
        self.retranslate_ui()
        self.set_session(opened.session)

    def _build_route(self) -> QVBoxLayout:
        self.route_title = QLabel()
        self.route_title.setObjectName("sectionTitle")
        self.draw_route_button, self.open_route_button = QPushButton(), QPushButton()
        self.clear_route_button = QPushButton()
        self.draw_route_button.clicked.connect(self.start_route)
        self.open_route_button.clicked.connect(lambda: self.open_route())
        self.clear_route_button.clicked.connect(self.clear_route)
        buttons = QHBoxLayout()
        for button in (self.draw_route_button, self.open_route_button, self.clear_route_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.route_text, self.route_hint = QLabel(), QLabel()
        for label in (self.route_text, self.route_hint):
            label.setWordWrap(True)
        self.stretches = _table()
        self.stretches.itemActivated.connect(lambda item, _column: self._show_stretch(item))
        column = QVBoxLayout()
        column.addWidget(self.route_title)
        column.addLayout(buttons)
        column.addWidget(self.route_text)
        column.addWidget(self.stretches, 1)
        column.addWidget(self.route_hint)
        return column

    def _build(self) -> None:
        self.zone = QComboBox()
        self.zone.currentIndexChanged.connect(lambda _i: self._show_figures())
        self.on_map = QCheckBox()
        self.on_map.toggled.connect(self._on_map_toggled)
        self.headline, self.details = QLabel(), QLabel()
        self.headline.setWordWrap(True)
        self.details.setWordWrap(True)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.headline.setFont(font)
        self.legend = CoverageLegend()
        self.most, self.blind = _table(), _table()
        self.most_title, self.blind_title = QLabel(), QLabel()
        for title in (self.most_title, self.blind_title):
            title.setObjectName("sectionTitle")  # names the table below it for screen readers
        self.print_button = QPushButton()
        self.print_button.clicked.connect(lambda: self.print_report())
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.zone, 1)
        top.addWidget(self.on_map)
        content = QWidget()
        scroll = QScrollArea()  # a small screen scrolls the panel, the window keeps its size
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        column = QVBoxLayout(content)
        column.addLayout(top)
        for widget in (self.headline, self.details, self.legend, self.most_title):
            column.addWidget(widget)
        column.addWidget(self.most, 1)
        column.addWidget(self.blind_title)
        column.addWidget(self.blind, 1)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addLayout(self._build_route(), 1)
        column.addWidget(self.hint)

    # --- the survey -----------------------------------------------------------------------
    def set_session(self, session: SurveySession | None) -> None:
        """Follow another survey (its coverage is worked out when asked for)."""
        if self._session is not None:
            for signal, slot in self._session_links(self._session):
                signal.disconnect(slot)
        self._session, self._built, self.summary = session, None, None
        self._forget_route()  # never carried over to another survey
        self._state = "idle"
        self._asked += 1
        if session is not None:
            for signal, slot in self._session_links(session):
                signal.connect(slot)
        self._canvas.set_coverage(CoverageShapes.empty())
        self._fill_zones()
        self._show_figures()
        if session is not None and (self.isVisible() or self.on_map.isChecked()):
            self.refresh()

    def _session_links(
        self, session: SurveySession
    ) -> list[tuple[SignalInstance, Callable[..., None]]]:
        return [
            (session.camera_added, self._on_camera),
            (session.camera_changed, self._on_camera),
            (session.camera_removed, self._on_camera_removed),
            (session.contents_replaced, self.refresh),
            (session.sectors_changed, self.refresh),
        ]

    def area_changed(self) -> None:
        """Work the coverage out again for a new area."""
        self.refresh()

    def refresh(self) -> None:
        """Work the whole coverage out again, off the window's thread."""
        self._asked += 1
        session, asked = self._session, self._asked
        if session is None:
            return
        path = session.survey.path
        self._state = "working"
        self.headline.setText(self._empty_text())

        def work(_progress: Callable[[int, int], None], _cancelled: threading.Event) -> object:
            with SurveyFile.reader(path) as survey:  # its own connection, in this thread
                if survey.area_bbox() is None:
                    return None
                existing = {c.osm_id: c for c in survey.existing_cameras()}
                return _Built(open_coverage(survey), survey.sectors(), existing)

        run_task(work, lambda built: self._on_built(asked, built), self._on_failed)

    def _on_built(self, asked: int, built: _Built | None) -> None:
        if asked != self._asked or self._session is None:
            return  # another survey, or a later request
        self._built = built
        self._state = "no_area" if built is None else "ready"
        self._linked = {}
        if built is not None:
            for camera in self._session.cameras():
                if camera.osm_id is not None:
                    self._linked[camera.id] = camera.osm_id
        self._fill_zones()
        self._show_figures()
        self._show_route()
        if self.on_map.isChecked():
            self._show_on_map()

    def _on_failed(self, error: Exception) -> None:
        self._state = "idle"
        self._status.show_error(error)
        self._show_figures()

    # --- cameras changing -----------------------------------------------------------------
    def _on_camera(self, camera: Camera) -> None:
        if self._built is None:
            return
        model, counted = self._built.model, coverage_camera(camera)
        if counted is None:
            model.remove_camera(camera.id)
        else:
            model.set_camera(counted)
        self._relink(camera.id, camera.osm_id)
        self._changed()

    def _on_camera_removed(self, camera_id: str) -> None:
        if self._built is None:
            return
        self._built.model.remove_camera(camera_id)
        self._relink(camera_id, None)
        self._changed()

    def _relink(self, camera_id: str, osm_id: int | None) -> None:
        """Keep each OSM camera counted once: out while a sighting stands for it."""
        assert self._built is not None
        model, before = self._built.model, self._linked.pop(camera_id, None)
        if osm_id is not None:
            self._linked[camera_id] = osm_id
            model.remove_camera(f"node/{osm_id}")
        if before is not None and before != osm_id and before not in self._linked.values():
            node = self._built.existing.get(before)
            if node is not None:
                model.set_camera(osm_coverage_camera(node))

    def _changed(self) -> None:
        self._show_figures()
        self._show_route()
        if self.on_map.isChecked():
            self._map_later.start()

    # --- figures --------------------------------------------------------------------------
    def _fill_zones(self) -> None:
        chosen = self.zone.currentData()
        self.zone.blockSignals(True)
        self.zone.clear()
        self.zone.addItem(self.tr("The whole area"), None)
        for sector in [] if self._built is None else self._built.sectors:
            self.zone.addItem(self.tr("Sector %1").replace("%1", sector.name), sector.id)
        index = self.zone.findData(chosen)
        self.zone.setCurrentIndex(max(index, 0))
        self.zone.blockSignals(False)

    def current_sector(self) -> Sector | None:
        """The sector chosen (None: the whole area)."""
        sector_id = self.zone.currentData()
        sectors = [] if self._built is None else self._built.sectors
        return next((s for s in sectors if s.id == sector_id), None)

    def _show_figures(self) -> None:
        self.summary = None
        if self._built is not None and self._session is not None:
            sector = self.current_sector()
            try:
                model = self._built.model
                self.summary = (
                    summarise(model)
                    if sector is None
                    else sector_summary(self._session.survey, model, sector)
                )
            except ContrechampError as error:
                self._status.show_error(error)
        self._show_summary(self.summary)
        self.figures_shown.emit()

    def _show_summary(self, summary: CoverageSummary | None) -> None:
        self.print_button.setEnabled(summary is not None)
        if summary is None:
            self.headline.setText(self._empty_text())
            self.details.clear()
            _fill(self.most, [])
            _fill(self.blind, [])
            return
        self.headline.setText(
            self.tr("%1% of %2 of street filmed")
            .replace("%1", local_number(summary.percent_filmed, 1))
            .replace("%2", local_length(summary.street_m))
        )
        self.details.setText(self._details(summary))
        _fill(self.most, [_row(s, s.percent_filmed) for s in summary.most_filmed(RANKED)])
        blind = [_row(s, s.percent_filmed) for s in summary.blind_spots(RANKED)]
        _fill(self.blind, blind)

    def _empty_text(self) -> str:
        if self._session is None:
            return self.tr("Open a survey to see what its cameras film.")
        if self._state == "working":
            return self.tr("Working out what the cameras film…")
        if self._state == "no_area":
            return self.tr(
                "Load the area's map (File → Load map area from OSM extract) to measure "
                "what is filmed."
            )
        return ""

    def _details(self, summary: CoverageSummary) -> str:
        lines = [
            self.tr("By two cameras or more: %1.").replace(
                "%1", local_length(summary.filmed_twice_m)
            ),
            self.tr("Cameras on the street: %1, that is %2 per km of street, %3 per km of road.")
            .replace("%1", str(summary.cameras))
            .replace("%2", local_number(summary.cameras_per_km, 2))
            .replace("%3", local_number(summary.cameras_per_road_km, 2)),
        ]
        if summary.within_reach_m > summary.filmed_m:
            lines.append(
                self.tr("Up to %1% within reach of the cameras whose direction is not mapped (%2).")
                .replace("%1", local_number(summary.percent_within_reach, 1))
                .replace("%2", str(summary.cameras_without_direction))
            )
        return "\n".join(lines)

    # --- the map and the report -----------------------------------------------------------
    def _on_map_toggled(self, shown: bool) -> None:
        if not shown:
            self._canvas.set_coverage(CoverageShapes.empty())
        elif self._built is None:
            self.refresh()
        else:
            self._show_on_map()

    def _show_on_map(self) -> None:
        self._map_later.stop()
        if self._built is not None and self.on_map.isChecked():
            self._canvas.set_coverage(CoverageShapes.of(self._built.model))

    @property
    def model(self) -> StreetCoverage | None:
        """The coverage worked out (None before it is, or without an area)."""
        return None if self._built is None else self._built.model

    def report_content(self) -> ReportContent | None:
        """What the printed report of the zone shown holds (None without figures)."""
        session, summary, built = self._session, self.summary, self._built
        if session is None or summary is None or built is None:
            return None
        sector = self.current_sector()
        return ReportContent(
            title=session.survey.title.strip() or session.survey.path.stem,
            zone=None if sector is None else sector.name,
            summary=summary,
            shapes=CoverageShapes.of(built.model),
            area=session.survey.area_bbox(),
            features=session.survey.map_features(),
            outline=None if sector is None else sector.wkb,
        )

    def print_report(self, path: Path | None = None) -> bool:
        """Write the one-page A4 report of the zone shown (asking where when ``path`` is
        None); True when it was written."""
        content, session = self.report_content(), self._session
        if content is None or session is None:
            return False
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the coverage report"), "", self.tr("PDF (*.pdf)")
            )
            if not name:
                return False
            path = Path(name)
        from contrechamp.ui.coverage_report import render_coverage_report

        try:
            write_report(session.survey, path, render_coverage_report(content))
        except ContrechampError as error:
            self._status.show_error(error)
            return False
        self._status.say(self.tr("Coverage report saved: %1").replace("%1", path.name))
        return True

    # --- a route -------------------------------------------------------------------------
    def start_route(self) -> None:
        """Arm drawing a route on the map: clicks add its points (see the hint)."""
        if self._built is None:
            return
        self._canvas.sketch.start(line=True)
        self._canvas.setFocus()

    def _on_route_drawn(self, points: list[tuple[float, float]]) -> None:
        if len(points) < 2:
            self._status.say(self.tr("A route needs two points or more."))
            return
        self.set_route(points)

    def open_route(self, path: Path | None = None) -> bool:
        """Show the exposure of a GPX file's track (asking which when ``path`` is None);
        True when it was read."""
        if self._built is None:
            return False
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open a route"), "", self.tr("GPS tracks (*.gpx)")
            )
            if not name:
                return False
            path = Path(name)
        try:
            points, breaks = route_of_gpx(path)
        except ContrechampError as error:
            self._status.show_error(error)
            return False
        return self.set_route(points, breaks)

    def set_route(self, points: list[tuple[float, float]], breaks: set[int] | None = None) -> bool:
        """Show the exposure of the route through ``points`` (a new line at each index of
        ``breaks``); True when it could be measured."""
        self._route = (list(points), set(breaks or ()))
        self._show_route()
        if self.route is None:
            self._route = None
            return False
        return True

    def clear_route(self) -> None:
        """Forget the route: off the map and out of the panel."""
        self._forget_route()
        self._show_route()

    def _forget_route(self) -> None:
        self._route, self.route = None, None
        self._canvas.route.clear()

    def _show_route(self) -> None:
        """Measure the route against the coverage as it is now, and show it."""
        self.route = None
        if self._route is not None and self._built is not None:
            try:
                self.route = route_on_map(self._built.model, *self._route)
            except ContrechampError as error:
                self._status.show_error(error)
        route = self.route
        if route is None:
            self._canvas.route.clear()
        else:
            self._canvas.route.set_route(route.points, route.breaks, route.filmed)
        self.route_text.setText("" if route is None else self._route_text(route))
        self.stretches.clear()
        for number, stretch in enumerate(() if route is None else route.exposure.stretches):
            item = QTreeWidgetItem(
                [
                    self.tr("%1 to %2")
                    .replace("%1", local_length(stretch.from_m))
                    .replace("%2", local_length(stretch.to_m)),
                    local_length(stretch.length_m),
                    str(len(stretch.cameras)),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, number)
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.stretches.addTopLevelItem(item)
        self.stretches.setVisible(route is not None and bool(route.exposure.stretches))
        self._show_route_state()

    def _route_text(self, route: RouteOnMap) -> str:
        exposure = route.exposure
        if not exposure.cameras:
            return self.tr("Route of %1: no camera films it.").replace(
                "%1", local_length(exposure.length_m)
            )
        text = (
            self.tr("Route of %1: %2 filmed (%3%), seen by 1 camera.")
            if len(exposure.cameras) == 1
            else self.tr("Route of %1: %2 filmed (%3%), seen by %4 cameras.")
        )  # never fewer than 1: singular for 1, plural from 2 in English and in French
        return (
            text.replace("%1", local_length(exposure.length_m))
            .replace("%2", local_length(exposure.filmed_m))
            .replace("%3", local_number(exposure.percent_filmed, 1))
            .replace("%4", str(len(exposure.cameras)))
        )

    def _show_stretch(self, item: QTreeWidgetItem) -> None:
        """Centre the map on a filmed stretch of the route."""
        number = item.data(0, Qt.ItemDataRole.UserRole)
        if self.route is None or not isinstance(number, int):
            return
        path = self.route.filmed[number]
        lat, lon = path[len(path) // 2]
        self._canvas.center_on(lat, lon)

    def _show_route_state(self) -> None:
        sketch = self._canvas.sketch
        drawing = sketch.active and sketch.line
        ready = self._built is not None
        self.draw_route_button.setEnabled(ready and not drawing)
        self.open_route_button.setEnabled(ready and not drawing)
        self.clear_route_button.setEnabled(self._route is not None and not drawing)
        private = self.tr("The route is only shown here: it is never saved in the survey.")
        if drawing:
            self.route_hint.setText(
                self.tr(
                    "Click the route's points on the map. Enter or a double-click ends it, "
                    "Backspace takes the last point back, Esc cancels."
                )
                + " "
                + private
            )
        else:
            self.route_hint.setText(
                self.tr(
                    "Draw a route or open a GPX track to see which cameras film it and "
                    "where (the thick red stretches on the map)."
                )
                + " "
                + private
            )

    # --- texts ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Work the coverage out the first time the tab is seen."""
        super().showEvent(event)
        if self._session is not None and self._built is None:
            self.refresh()

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        self.on_map.setText(self.tr("Show on the &map"))
        self.on_map.setToolTip(self.tr("Colour the streets by how many cameras film them"))
        self.most_title.setText(self.tr("Most filmed streets"))
        self.blind_title.setText(self.tr("Blind spots: the least filmed streets"))
        for table in (self.most, self.blind):
            table.setHeaderLabels([self.tr("Street"), self.tr("Length"), self.tr("Filmed")])
        self.print_button.setText(self.tr("&Print report…"))
        self.print_button.setToolTip(self.tr("A one-page A4 report (PDF) to hand out"))
        self.hint.setText(
            self.tr(
                "Fields of view as OSM's viewers draw them (35 m when the height is not "
                "mapped), cut where buildings block the view."
            )
        )
        self.route_title.setText(self.tr("Exposure along a route"))
        self.draw_route_button.setText(self.tr("Draw a &route"))
        self.draw_route_button.setToolTip(self.tr("Click the route's points on the map"))
        self.open_route_button.setText(self.tr("Open a &GPX…"))
        self.clear_route_button.setText(self.tr("C&lear route"))
        self.stretches.setHeaderLabels(
            [self.tr("Filmed from"), self.tr("Length"), self.tr("Cameras")]
        )
        self._fill_zones()
        self.legend.retranslate_ui()
        self._show_summary(self.summary)
        self._show_route()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _table() -> QTreeWidget:
    table = QTreeWidget()
    table.setColumnCount(3)
    table.setRootIsDecorated(False)
    table.setUniformRowHeights(True)
    header = table.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in (1, 2):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _row(street: StreetShare, percent: float) -> list[str]:
    return [street.name, local_length(street.length_m), f"{local_number(percent, 0)}%"]


def _fill(table: QTreeWidget, rows: list[list[str]]) -> None:
    table.clear()
    for row in rows:
        item = QTreeWidgetItem(row)
        for column in (1, 2):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
        table.addTopLevelItem(item)
