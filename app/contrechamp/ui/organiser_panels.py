"""The organiser's tabs, plugged into the window's side panel: the merge review, the
official lists and the sectors. The first two show only for a survey they have a use for (a
merged survey, a survey holding a list), the sectors for every survey; each takes the open
survey, the status sink, the map and the form's opener."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from contrechamp.ui.lists_panel import LISTS_TAB, LISTS_TAB_TEXTS, OfficialListPanel
from contrechamp.ui.map import MapCanvas
from contrechamp.ui.merge_review_panel import MERGE_TAB, MERGE_TAB_TEXTS, MergeReviewPanel
from contrechamp.ui.sectors_panel import SECTORS_TAB, SECTORS_TAB_TEXTS, SectorsPanel
from contrechamp.ui.session import SurveySession
from contrechamp.ui.side_tabs import SidePanelTabs
from contrechamp.ui.window_parts import OpenSurvey, StatusSink

__all__ = ["OrganiserPanels"]

_CLOSE_ZOOM = 18.0


class OrganiserPanels(QObject):
    """Adds the merge review, official list and sectors tabs and keeps them in step with the
    survey.

    ``show_in_form(camera_id)`` loads a camera in the form (M in the merge review)."""

    def __init__(
        self,
        tabs: SidePanelTabs,
        survey: OpenSurvey,
        status: StatusSink,
        canvas: MapCanvas,
        show_in_form: Callable[[str], None],
    ) -> None:
        super().__init__(tabs)
        self._tabs, self._survey, self._canvas = tabs, survey, canvas
        self._show_in_form = show_in_form
        self.merge_review = MergeReviewPanel(survey, status)
        tabs.add_panel(MERGE_TAB, self.merge_review, MERGE_TAB_TEXTS)
        self.merge_review.count_changed.connect(lambda n: tabs.set_count(MERGE_TAB, n))
        self.merge_review.camera_current.connect(self._on_merged_camera_current)
        self.official_lists = OfficialListPanel()
        tabs.add_panel(LISTS_TAB, self.official_lists, LISTS_TAB_TEXTS)
        self.official_lists.position_chosen.connect(
            lambda lat, lon: canvas.center_on(lat, lon, max(canvas.zoom, _CLOSE_ZOOM))
        )
        self.sectors = SectorsPanel(survey, status, canvas)
        tabs.add_panel(SECTORS_TAB, self.sectors, SECTORS_TAB_TEXTS)
        tabs.currentChanged.connect(self._on_tab_shown)
        survey.changed.connect(self._on_survey_changed)
        self._on_survey_changed(survey.session)

    def _on_survey_changed(self, session: SurveySession | None) -> None:
        self._tabs.set_panel_visible(MERGE_TAB, self.merge_review.is_merged_survey())
        survey = session.survey if session is not None else None
        has_lists = survey is not None and bool(survey.list_names())
        self._tabs.set_panel_visible(LISTS_TAB, has_lists)
        self.official_lists.set_survey(survey if has_lists else None)

    def _on_tab_shown(self, _index: int) -> None:
        if self._tabs.current_key() == LISTS_TAB:
            self.official_lists.refresh()  # cameras logged since: seen, or not listed

    def _on_merged_camera_current(self, camera_id: str, close_up: bool) -> None:
        session = self._survey.session
        camera = session.camera(camera_id) if session is not None else None
        if camera is None:
            return
        self._canvas.set_selected(camera_id)
        zoom = max(self._canvas.zoom, _CLOSE_ZOOM) if close_up else None
        self._canvas.center_on(camera.lat, camera.lon, zoom)
        if close_up:
            self._show_in_form(camera_id)
