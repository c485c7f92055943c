"""Write cameras as one standalone HTML map (folium), that works offline.

Leaflet's script and style sheet are copied into the file (nothing comes from a CDN, and
folium's other assets, jQuery, Bootstrap, Font Awesome, are left out: the map uses none of
them). Every value a user typed reaches the page as JSON data inside the script, escaped
for it, and is put into the popups as text (``textContent``), never as markup: a tag value
like ``<img src=x onerror=…>`` or ``</script>`` shows as those characters and runs nothing.
So are the street names of the coverage panel (``MapCoverage``): they come from OSM.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from contrechamp.formats._atomic import atomic_text_writer
from contrechamp.formats._point_record import valid_position
from contrechamp.resources import resource_path

__all__ = ["MapBackground", "MapCamera", "MapCoverage", "MapCoverageClass", "write_html_map"]

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


@dataclass(frozen=True, slots=True)
class MapCoverageClass:
    """One class of the coverage legend and its streets: label, colour (``#rrggbb``), line
    width in pixels, dashed or not, and its lines as (latitude, longitude) points."""

    label: str
    colour: str
    width_px: float
    dashed: bool
    lines: Sequence[Ring] = ()


@dataclass(frozen=True, slots=True)
class MapCoverage:
    """The coverage panel and layer: a heading, the figures as (label, value) rows, the most
    filmed streets and the blind spots as (street, length, share filmed), the classes of the
    layer in legend order, and the cameras' visible areas (each a list of rings) with their
    legend label and fill (red, green, blue, alpha 0-255)."""

    heading: str
    figures: Sequence[tuple[str, str]]
    most_filmed: Sequence[tuple[str, str, str]]
    blind_spots: Sequence[tuple[str, str, str]]
    classes: Sequence[MapCoverageClass]
    views: Sequence[Sequence[Ring]] = ()
    views_label: str = "What the cameras see"
    view_fill: tuple[int, int, int, int] = (13, 8, 135, 28)
    layer_label: str = "Streets coloured by coverage"
    most_title: str = "Most filmed streets"
    blind_title: str = "Blind spots: the least filmed streets"
    note: str = ""


def write_html_map(
    path: Path,
    cameras: Sequence[MapCamera],
    *,
    title: str,
    background: Sequence[MapBackground] = (),
    coverage: MapCoverage | None = None,
) -> int:
    """Write the map atomically; return how many cameras it shows.

    With ``coverage``, a panel gives its figures and a layer (a box turns it off) colours the
    streets by how many cameras film them. The map opens fitted to the cameras (or the
    background, or the coverage's streets, when there are none); a link
    ending in ``#camera=<id>`` opens that camera's popup. Raises ``ValueError`` for a
    position out of range; the file is then left as it was.
    """
    for camera in cameras:
        if not valid_position(camera.lat, camera.lon):
            raise ValueError(f"position out of range: ({camera.lat}, {camera.lon})")
    page = _page(cameras, title, background, coverage)
    with atomic_text_writer(path) as out:
        out.write(page)
    return len(cameras)


def _page(
    cameras: Sequence[MapCamera],
    title: str,
    background: Sequence[MapBackground],
    coverage: MapCoverage | None = None,
) -> str:
    """The whole HTML document."""
    import folium
    from branca.element import Element

    streets = [] if coverage is None else [p for c in coverage.classes[:1] for p in c.lines]
    south, west, north, east = _bounds(cameras, background, streets)
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
    world.add_child(_camera_layer_class()(cameras, background, coverage))
    page: str = world.get_root().render()
    return page


def _bounds(
    cameras: Sequence[MapCamera],
    background: Sequence[MapBackground],
    streets: Sequence[Ring] = (),
) -> tuple[float, float, float, float]:
    """South, west, north, east of the cameras, or of the background without cameras, or of
    the coverage's streets without either."""
    points = (
        [(c.lat, c.lon) for c in cameras]
        or [p for b in background for p in b.points]
        or [p for line in streets for p in line]
    )
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


def _ring(ring: Ring) -> list[list[float]]:
    return [[round(a, 6), round(b, 6)] for a, b in ring]


def _coverage_data(coverage: MapCoverage | None) -> dict[str, object] | None:
    """What the page's script reads of the coverage (None: no panel, no layer)."""
    if coverage is None:
        return None
    red, green, blue, alpha = coverage.view_fill
    return {
        "heading": coverage.heading,
        "figures": [list(row) for row in coverage.figures],
        "most": {"title": coverage.most_title, "rows": [list(r) for r in coverage.most_filmed]},
        "blind": {"title": coverage.blind_title, "rows": [list(r) for r in coverage.blind_spots]},
        "classes": [
            {
                "label": c.label,
                "colour": c.colour,
                "width": c.width_px,
                "dashed": c.dashed,
                "lines": [_ring(line) for line in c.lines],
            }
            for c in coverage.classes
        ],
        "views": [[_ring(ring) for ring in rings] for rings in coverage.views],
        "viewsLabel": coverage.views_label,
        "viewFill": f"rgb({red},{green},{blue})",
        "viewOpacity": round(alpha / 255, 3),
        "layerLabel": coverage.layer_label,
        "note": coverage.note,
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
            self,
            cameras: Sequence[MapCamera],
            background: Sequence[MapBackground],
            coverage: MapCoverage | None = None,
        ) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "CameraLayer"
            self.cameras = [_camera_data(c) for c in cameras]
            self.background = [_background_data(b) for b in background]
            self.coverage = _coverage_data(coverage)

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
.cc-coverage-panel { background: #fff; padding: 6px 10px; border-radius: 4px; max-width: 300px;
  max-height: 70vh; overflow: auto; font: 12px/1.35 sans-serif;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.cc-coverage-panel h2 { font-size: 14px; margin: 2px 0 6px; }
.cc-coverage-panel h3 { font-size: 12px; margin: 8px 0 2px; }
.cc-coverage-panel table { border-collapse: collapse; width: 100%; }
.cc-coverage-panel th { text-align: left; font-weight: normal; color: #555;
  padding: 1px 8px 1px 0; vertical-align: top; }
.cc-coverage-panel td { padding: 1px 0 1px 6px; text-align: right; white-space: nowrap; }
.cc-coverage-panel td.cc-street { text-align: left; white-space: normal;
  word-break: break-word; padding-left: 0; }
.cc-coverage-panel label { display: block; margin: 8px 0 2px; font-weight: bold; }
.cc-coverage-panel svg { vertical-align: middle; margin-right: 6px; }
.cc-coverage-panel p { margin: 6px 0 0; color: #555; }
</style>"""

_SCRIPT = """
{% macro script(this, kwargs) %}
(function (map) {
  var cameras = {{ this.cameras|tojson }};
  var background = {{ this.background|tojson }};
  var coverage = {{ this.coverage|tojson }};
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
  function table(rows) {
    var element = document.createElement("table");
    rows.forEach(function (row) {
      var line = document.createElement("tr");
      line.appendChild(text("th", row[0]));
      line.appendChild(text("td", row[1]));
      element.appendChild(line);
    });
    return element;
  }
  function popup(camera) {
    var box = document.createElement("div");
    box.className = "cc-popup";
    box.appendChild(table(camera.rows));
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
  if (coverage) { showCoverage(coverage); }
  function showCoverage(coverage) {
    var layer = L.layerGroup();
    coverage.views.forEach(function (rings) {
      L.polygon(rings, {stroke: false, fillColor: coverage.viewFill,
                        fillOpacity: coverage.viewOpacity, interactive: false,
                        className: "cc-view"}).addTo(layer);
    });
    coverage.classes.forEach(function (item) {
      if (!item.lines.length) { return; }
      L.polyline(item.lines, {color: item.colour, weight: item.width, opacity: 1,
                              lineCap: item.dashed ? "butt" : "round", lineJoin: "round",
                              dashArray: item.dashed ? dashes(item.width) : null,
                              interactive: false, className: "cc-coverage"}).addTo(layer);
    });
    layer.addTo(map);
    var panel = L.control({position: "topright"});
    panel.onAdd = function () {
      var box = L.DomUtil.create("div", "cc-coverage-panel");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      box.appendChild(text("h2", coverage.heading));
      box.appendChild(table(coverage.figures));
      var toggle = document.createElement("label");
      var tick = document.createElement("input");
      tick.type = "checkbox";
      tick.checked = true;
      tick.className = "cc-coverage-toggle";
      tick.addEventListener("change", function () {
        if (tick.checked) { layer.addTo(map); } else { map.removeLayer(layer); }
      });
      toggle.appendChild(tick);
      toggle.appendChild(document.createTextNode(" " + coverage.layerLabel));
      box.appendChild(toggle);
      coverage.classes.forEach(function (item) {
        box.appendChild(swatch(item.colour, item.width, item.dashed, item.label));
      });
      box.appendChild(swatch(coverage.viewFill, 0, false, coverage.viewsLabel,
                             coverage.viewOpacity));
      streets(box, coverage.most);
      streets(box, coverage.blind);
      if (coverage.note) { box.appendChild(text("p", coverage.note)); }
      return box;
    };
    panel.addTo(map);
  }
  function dashes(width) { return (3 * width) + " " + (2 * width); }  // as the window's
  function swatch(colour, width, dashed, label, fill) {
    var ns = "http://www.w3.org/2000/svg";
    var row = document.createElement("div");
    var icon = document.createElementNS(ns, "svg");
    icon.setAttribute("width", "28");
    icon.setAttribute("height", "14");
    var shape;
    if (fill) {
      shape = document.createElementNS(ns, "rect");
      shape.setAttribute("x", "1"); shape.setAttribute("y", "1");
      shape.setAttribute("width", "26"); shape.setAttribute("height", "12");
      shape.setAttribute("fill", colour);
      shape.setAttribute("fill-opacity", String(Math.min(1, fill * 3)));
    } else {
      shape = document.createElementNS(ns, "line");
      shape.setAttribute("x1", "3"); shape.setAttribute("x2", "25");
      shape.setAttribute("y1", "7"); shape.setAttribute("y2", "7");
      shape.setAttribute("stroke", colour);
      shape.setAttribute("stroke-width", String(width));
      shape.setAttribute("stroke-linecap", dashed ? "butt" : "round");
      if (dashed) { shape.setAttribute("stroke-dasharray", dashes(width)); }
    }
    icon.appendChild(shape);
    row.appendChild(icon);
    row.appendChild(document.createTextNode(label));
    return row;
  }
  function streets(box, list) {
    if (!list.rows.length) { return; }
    box.appendChild(text("h3", list.title));
    var grid = document.createElement("table");
    grid.className = "cc-streets";
    list.rows.forEach(function (row) {
      var line = document.createElement("tr");
      var name = text("td", row[0]);
      name.className = "cc-street";
      line.appendChild(name);
      line.appendChild(text("td", row[1]));
      line.appendChild(text("td", row[2]));
      grid.appendChild(line);
    });
    box.appendChild(grid);
  }
  var wanted = /^#camera=([0-9a-f]{32})$/.exec(window.location.hash);
  if (wanted && byId[wanted[1]]) { byId[wanted[1]].openPopup(); }
})({{ this._parent.get_name() }});
{% endmacro %}
"""
