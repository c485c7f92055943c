"""The HTML map, opened in a real browser (headless Chromium): offline, escaped, complete."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
import shapely

from contrechamp.core.area import BBox, FeatureKind, MapFeature
from contrechamp.core.coverage_classes import COVERAGE_STYLES
from contrechamp.core.sectors import sector_named
from contrechamp.ops.coverage import open_coverage, sector_summary
from contrechamp.ops.coverage_map import figure_rows, map_coverage
from contrechamp.ops.exports import ExportFormat, ExportOptions, export_to
from contrechamp.store.survey import SurveyFile
from tests.ops.export_samples import HOSTILE, PSEUDONYM, Sample, build_sample

CHROMIUM = Path("/usr/bin/chromium")
needs_browser = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build_sample(tmp_path / "walk.cartoparty")


@pytest.fixture
def covered(sample: Sample) -> Sample:
    """The sample with an area whose streets bear the hostile values as names: one through
    the dome (filmed), one east of the fixed camera (in sector North), one far from both."""
    streets = [
        (HOSTILE[0], [(7.4185, 43.7301), (7.4217, 43.7301)]),
        (HOSTILE[2], [(7.4250, 43.7331), (7.4280, 43.7331)]),
        (HOSTILE[3], [(7.4150, 43.7250), (7.4180, 43.7250)]),
    ]
    features = [
        MapFeature(FeatureKind.RESIDENTIAL, shapely.LineString(line).wkb, name)
        for name, line in streets
    ]
    with SurveyFile.open(sample.path) as survey:
        survey.set_area(BBox(7.41, 43.72, 7.43, 43.74), features, [], "hostile.osm")
    return sample


def _html(sample: Sample, out: Path, **options: object) -> Path:
    with SurveyFile.open_untrusted_readonly(sample.path) as survey:
        export_to(survey, ExportFormat.HTML, out, ExportOptions(**options))  # type: ignore[arg-type]
    return out


def browse(page: Path, tmp_path: Path, *extra: str, fragment: str = "") -> str:
    """The DOM of ``page`` after its scripts ran in headless Chromium, no network used."""
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        f"--user-data-dir={profile}", "--virtual-time-budget=5000", *extra,
        page.resolve().as_uri() + fragment,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def test_the_map_inlines_leaflet_and_links_to_nothing(sample: Sample, tmp_path: Path) -> None:
    text = _html(sample, tmp_path / "map.html").read_text(encoding="utf-8")
    assert "Leaflet 1.9.4" in text
    assert not re.search(r"<(script|link|img)[^>]*(src|href)=", text)
    for asset in ("cdn.", "jquery", "bootstrap", "font-awesome", "fontawesome"):
        assert asset not in text.lower()


def test_the_map_escapes_every_value_inside_its_script(sample: Sample, tmp_path: Path) -> None:
    text = _html(sample, tmp_path / "map.html").read_text(encoding="utf-8")
    for value in HOSTILE:
        assert value not in text
    assert text.count("</script>") == text.count("<script>")  # none closed early
    assert "<title>&lt;/script&gt;&lt;script&gt;" in text  # the survey's hostile title


def test_photos_go_into_the_map_only_when_asked(sample: Sample, tmp_path: Path) -> None:
    photo = "data:image/jpeg;base64,/9j/"  # a JPEG's first bytes, base64
    assert photo not in _html(sample, tmp_path / "a.html").read_text()
    text = _html(sample, tmp_path / "b.html", with_photos=True).read_text()
    assert text.count(photo) == 2  # the rejected camera's photo left out
    assert "Walker Name" not in text
    assert PSEUDONYM not in text


def test_a_survey_without_an_area_has_no_coverage_panel(sample: Sample, tmp_path: Path) -> None:
    text = _html(sample, tmp_path / "map.html").read_text(encoding="utf-8")
    assert "var coverage = null;" in text


def test_the_coverage_panel_escapes_the_street_names(covered: Sample, tmp_path: Path) -> None:
    text = _html(covered, tmp_path / "map.html").read_text(encoding="utf-8")
    assert "Coverage of the whole area" in text
    for value in HOSTILE:
        assert value not in text
    assert text.count("</script>") == text.count("<script>")


def test_the_layer_takes_its_colours_from_the_window_classes(
    covered: Sample, tmp_path: Path
) -> None:
    with SurveyFile.open_untrusted_readonly(covered.path) as survey:
        coverage = map_coverage(survey)
    assert coverage is not None
    assert [(c.colour, c.width_px, c.dashed) for c in coverage.classes] == [
        (s.colour, s.width_px, s.dashed) for s in COVERAGE_STYLES
    ]
    assert len(coverage.classes[0].lines) == 3  # every street, under the filmed pieces
    assert coverage.classes[1].lines  # the dome films its street
    assert coverage.views


def test_with_a_sector_the_figures_are_the_sectors(covered: Sample, tmp_path: Path) -> None:
    with SurveyFile.open_untrusted_readonly(covered.path) as survey:
        coverage = map_coverage(survey, "North")
        model = open_coverage(survey)
        north = sector_summary(
            survey, model, sector_named(survey.sectors(), "North", "coverage.sector")
        )
    assert coverage is not None
    assert coverage.heading == "Coverage of sector North"
    assert coverage.figures == figure_rows(north)
    assert north.street_m == pytest.approx(241.4, abs=1.0)  # only the street east of the fixed one
    assert [row[0] for row in coverage.blind_spots] == [HOSTILE[2]]
    streets = [p for line in coverage.classes[0].lines for p in line]
    assert min(lat for lat, _ in streets) >= 43.732  # cut to the sector
    text = _html(covered, tmp_path / "north.html", sector="North").read_text(encoding="utf-8")
    assert "Coverage of sector North" in text


def test_the_figures_can_be_left_out(covered: Sample, tmp_path: Path) -> None:
    text = _html(covered, tmp_path / "map.html", with_coverage=False).read_text(encoding="utf-8")
    assert "var coverage = null;" in text


@needs_browser
def test_in_a_browser_the_coverage_panel_shows_street_names_as_text(
    covered: Sample, tmp_path: Path
) -> None:
    page = _html(covered, tmp_path / "map.html")
    dom = browse(page, tmp_path, "--dump-dom")
    title = html.escape(HOSTILE[1], quote=False)
    assert re.findall("<title>(.*?)</title>", dom) == [title]
    assert "<pwned" not in dom
    assert '<img src="x"' not in dom
    panel = dom[dom.index('<div class="cc-coverage-panel') :]
    assert "<h2>Coverage of the whole area</h2>" in panel
    names = re.findall('<td class="cc-street">(.*?)</td>', panel)
    assert html.escape(HOSTILE[0], quote=False) in names
    assert html.escape(HOSTILE[3], quote=False) in names
    assert len(re.findall('class="cc-coverage[" ]', dom)) == 2  # all streets, those filmed once
    assert len(re.findall('class="cc-view[" ]', dom)) == 2  # the wedge and the dome


@needs_browser
def test_in_a_browser_the_box_turns_the_coverage_layer_off(covered: Sample, tmp_path: Path) -> None:
    page = _html(covered, tmp_path / "map.html")
    untick = "<script>document.querySelector('.cc-coverage-toggle').click();</script>"
    clicked = tmp_path / "clicked.html"  # the click runs after the map's own script
    clicked.write_text(page.read_text(encoding="utf-8") + untick, encoding="utf-8")
    dom = browse(clicked, tmp_path, "--dump-dom")
    assert "cc-coverage-panel" in dom
    assert not re.search('class="cc-(coverage|view)[" ]', dom)


@needs_browser
def test_in_a_browser_the_map_shows_every_camera_and_runs_no_injected_script(
    sample: Sample, tmp_path: Path
) -> None:
    page = _html(sample, tmp_path / "map.html", with_photos=True)
    dom = browse(page, tmp_path, "--dump-dom", fragment=f"#camera={sample.fixed.id}")
    assert dom.count('class="cc-camera leaflet-interactive"') == 4  # rejected left out
    assert dom.count('class="cc-fov"') == 2  # the wedge and the dome's circle
    # Each hostile value would set the title to "pwned-…" or add a <pwned> element.
    title = html.escape(HOSTILE[1], quote=False)
    assert re.findall("<title>(.*?)</title>", dom) == [title]
    assert "<pwned" not in dom
    popup = dom[dom.index('<div class="cc-popup">') :]
    assert "<td>&lt;img src=x onerror=" in popup  # shown as text, not made an element
    assert '<img src="x"' not in dom
    assert "<svg onload" not in dom
    assert popup.count('<img alt="" src="data:image/jpeg;base64,') == 2


@needs_browser
def test_the_map_draws_its_cameras_in_a_screenshot(sample: Sample, tmp_path: Path) -> None:
    from PIL import Image

    page = _html(sample, tmp_path / "map.html")
    shot = tmp_path / "map.png"
    browse(page, tmp_path, f"--screenshot={shot}", "--window-size=800,600")
    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    greens = sum(n for n, (r, g, b) in colours if (r, g, b) == (0x15, 0x80, 0x3D))
    assert greens > 50  # the confirmed cameras' green dots are painted
