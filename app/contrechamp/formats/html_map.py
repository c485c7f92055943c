"""Write cameras as one standalone HTML map (folium), that works offline.

Leaflet's script and style sheet are copied into the file (nothing comes from a CDN, and
folium's other assets, jQuery, Bootstrap, Font Awesome, are left out: the map uses none of
them). Every value a user typed reaches the page as JSON data inside the script, escaped
for it, and is put into the popups as text (``textContent``), never as markup: a tag value
like ``<img src=x onerror=…>`` or ``</script>`` shows as those characters and runs nothing.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from contrechamp.formats._atomic import atomic_text_writer
from contrechamp.formats._point_record import valid_position
from contrechamp.resources import resource_path

__all__ = ["MapBackground", "MapCamera", "write_html_map"]

Ring = Sequence[tuple[float, float]]
"""A polygon's outline as (latitude, longitude) pairs."""


@dataclass(frozen=True, slots=True)
class MapCamera:
    """One camera on the map: where, its status, the rows of its popup, its field of view
    (polygons as outlines of latitude, longitude) and its photos as ``data:`` JPEG URIs."""

    id: str
    lat: float
    lon: float
    status: str
    rows: Sequence[tuple[str, str]]
    fields: Sequence[Ring] = ()
    photos: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class MapBackground:
    """A line or outline of the base map drawn under the cameras (a street, a building)."""

    kind: str
    points: Ring
    closed: bool


def write_html_map(
    path: Path,
    cameras: Sequence[MapCamera],
    *,
    title: str,
    background: Sequence[MapBackground] = (),
) -> int:
    """Write the map atomically; return how many cameras it shows.

    The map opens fitted to the cameras (or the background when there are none); a link
    ending in ``#camera=<id>`` opens that camera's popup. Raises ``ValueError`` for a
    position out of range; the file is then left as it was.
    """
    for camera in cameras:
        if not valid_position(camera.lat, camera.lon):
            raise ValueError(f"position out of range: ({camera.lat}, {camera.lon})")
    page = _page(cameras, title, background)
    with atomic_text_writer(path) as out:
        out.write(page)
    return len(cameras)


def _page(cameras: Sequence[MapCamera], title: str, background: Sequence[MapBackground]) -> str:
    """The whole HTML document."""
    import folium
    from branca.element import Element

    south, west, north, east = _bounds(cameras, background)
    world = folium.Map(
        location=((south + north) / 2, (west + east) / 2),
        zoom_start=17,
        tiles=None,
        control_scale=True,
        max_zoom=21,
    )
    world.default_js, world.default_css = [], []  # no CDN: Leaflet is inlined below
    header = world.get_root().header  # type: ignore[attr-defined]
    header.add_child(Element(f"<title>{html.escape(title or 'Cameras')}</title>"), name="title")
    for name, tag in (("leaflet.css", "style"), ("leaflet.js", "script")):
        text = resource_path("leaflet", name).read_text(encoding="utf-8")
        header.add_child(Element(f"<{tag}>{text}</{tag}>"), name=name)
    header.add_child(Element(_STYLE), name="contrechamp_css")
    world.fit_bounds([[south, west], [north, east]], max_zoom=19)
    world.add_child(_camera_layer_class()(cameras, background))
    page: str = world.get_root().render()
    return page


def _bounds(
    cameras: Sequence[MapCamera], background: Sequence[MapBackground]
) -> tuple[float, float, float, float]:
    """South, west, north, east of the cameras, or of the background without cameras."""
    points = [(c.lat, c.lon) for c in cameras] or [p for b in background for p in b.points]
    if not points:
        return -60.0, -170.0, 75.0, 170.0
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return min(lats), min(lons), max(lats), max(lons)


def _camera_data(camera: MapCamera) -> dict[str, object]:
    """What the page's script reads of a camera (rounded to OSM's 7 decimals)."""
    return {
        "id": camera.id,
        "lat": round(camera.lat, 7),
        "lon": round(camera.lon, 7),
        "status": camera.status,
        "rows": [list(row) for row in camera.rows],
        "fields": [[[round(a, 7), round(b, 7)] for a, b in ring] for ring in camera.fields],
        "photos": list(camera.photos),
    }


def _background_data(item: MapBackground) -> dict[str, object]:
    """What the page's script reads of a background line or outline."""
    return {
        "kind": item.kind,
        "closed": item.closed,
        "points": [[round(a, 6), round(b, 6)] for a, b in item.points],
    }


def _camera_layer_class() -> type:
    """The folium element drawing the cameras: its data through ``tojson`` (which escapes
    ``<``, ``>``, ``&`` and ``'``), its popups built with DOM calls. Made on first use:
    folium takes a while to import."""
    from branca.element import MacroElement
    from folium.template import Template

    class CameraLayer(MacroElement):
        _template = Template(_SCRIPT)

        def __init__(
            self, cameras: Sequence[MapCamera], background: Sequence[MapBackground]
        ) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "CameraLayer"
            self.cameras = [_camera_data(c) for c in cameras]
            self.background = [_background_data(b) for b in background]

    return CameraLayer


_STYLE = """<style>
.cc-popup table { border-collapse: collapse; font: 12px/1.35 sans-serif; }
.cc-popup th { text-align: left; padding: 1px 8px 1px 0; color: #555; font-weight: normal;
  vertical-align: top; white-space: nowrap; }
.cc-popup td { padding: 1px 0; word-break: break-word; }
.cc-popup img { display: block; max-width: 280px; margin-top: 6px; border-radius: 3px; }
.cc-legend { background: #fff; padding: 4px 8px; border-radius: 4px; font: 12px sans-serif;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.cc-legend span { display: inline-block; width: 10px; height: 10px; border-radius: 50%;
  margin: 0 4px 0 8px; vertical-align: -1px; }
.leaflet-container { background: #f2efe9; }
</style>"""

_SCRIPT = """
{% macro script(this, kwargs) %}
(function (map) {
  var cameras = {{ this.cameras|tojson }};
  var background = {{ this.background|tojson }};
  var colours = {"confirmed": "#15803d", "draft": "#d97706"};
  var ground = {"water": "#aad3df", "green": "#cdebb0", "building": "#d9d0c9",
                "railway": "#999999", "motorway": "#e892a2", "primary": "#fcd6a4",
                "secondary": "#f7fabf"};
  var byId = {};
  if (background.length) {  // the base map is OSM data: ODbL asks for the credit
    map.attributionControl.addAttribution("Map data \u00a9 OpenStreetMap contributors");
  }
  background.forEach(function (item) {
    var colour = ground[item.kind] || "#ffffff";
    var style = {color: colour, weight: item.closed ? 0.5 : 4,
                 fillColor: colour, fillOpacity: 1, opacity: 1, interactive: false,
                 className: "cc-ground"};
    if (!item.closed && !ground[item.kind]) { style.color = "#ffffff"; style.weight = 3; }
    (item.closed ? L.polygon : L.polyline)(item.points, style).addTo(map);
  });
  function text(tag, value) {
    var element = document.createElement(tag);
    element.textContent = value;
    return element;
  }
  function popup(camera) {
    var box = document.createElement("div");
    box.className = "cc-popup";
    var table = document.createElement("table");
    camera.rows.forEach(function (row) {
      var line = document.createElement("tr");
      line.appendChild(text("th", row[0]));
      line.appendChild(text("td", row[1]));
      table.appendChild(line);
    });
    box.appendChild(table);
    camera.photos.forEach(function (uri) {
      if (uri.indexOf("data:image/jpeg;base64,") !== 0) { return; }
      var image = document.createElement("img");
      image.alt = "";
      image.src = uri;
      box.appendChild(image);
    });
    return box;
  }
  cameras.forEach(function (camera) {
    var colour = colours[camera.status] || "#2563eb";
    camera.fields.forEach(function (ring) {
      L.polygon(ring, {color: colour, weight: 1, fillColor: colour, fillOpacity: 0.18,
                       interactive: false, className: "cc-fov"}).addTo(map);
    });
    var marker = L.circleMarker([camera.lat, camera.lon], {
      radius: 6, color: "#ffffff", weight: 2, fillColor: colour, fillOpacity: 1,
      className: "cc-camera"}).addTo(map);
    marker.bindPopup(function () { return popup(camera); }, {maxWidth: 320});
    byId[camera.id] = marker;
  });
  var legend = L.control({position: "bottomleft"});
  legend.onAdd = function () {
    var box = L.DomUtil.create("div", "cc-legend");
    box.appendChild(document.createTextNode(cameras.length + " cameras"));
    Object.keys(colours).forEach(function (status) {
      var dot = document.createElement("span");
      dot.style.background = colours[status];
      box.appendChild(dot);
      box.appendChild(document.createTextNode(status));
    });
    return box;
  };
  legend.addTo(map);
  var wanted = /^#camera=([0-9a-f]{32})$/.exec(window.location.hash);
  if (wanted && byId[wanted[1]]) { byId[wanted[1]].openPopup(); }
})({{ this._parent.get_name() }});
{% endmacro %}
"""
