"""The HTML map, opened in a real browser (headless Chromium): offline, escaped, complete."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest

from contrechamp.ops.exports import ExportFormat, ExportOptions, export_to
from contrechamp.store.survey import SurveyFile
from tests.ops.export_samples import HOSTILE, PSEUDONYM, Sample, build_sample

CHROMIUM = Path("/usr/bin/chromium")
needs_browser = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build_sample(tmp_path / "walk.cartoparty")


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
