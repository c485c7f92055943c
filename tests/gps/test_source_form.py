"""The GPS settings form: shows only the fields of the chosen source and gives back its spec."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from contrechamp.core.errors import InputError
from contrechamp.core.gps_spec import GpsSpec, parse_gps_spec
from contrechamp.ui.gps.source_form import GpsSourceForm


@pytest.fixture
def form(qtbot: QtBot) -> GpsSourceForm:
    widget = GpsSourceForm()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.mark.parametrize(
    "text",
    ["none", "system", "serial:/dev/ttyUSB0:9600", "tcp:192.168.1.20:50000", "file:/tmp/w.nmea"],
)
def test_a_spec_shown_in_the_form_comes_back_unchanged(form: GpsSourceForm, text: str) -> None:
    spec = parse_gps_spec(text)
    form.set_spec(spec)
    assert form.spec() == spec


def test_only_the_fields_of_the_chosen_source_are_visible(form: GpsSourceForm) -> None:
    form.set_spec(parse_gps_spec("tcp:phone.local:10110"))
    assert form.host.isVisible()
    assert form.tcp_port.isVisible()
    assert not form.port.isVisible()
    assert not form.path.isVisible()
    form.set_spec(parse_gps_spec("serial:COM3"))
    assert form.port.isVisible()
    assert form.baud.isVisible()
    assert not form.host.isVisible()


def test_an_incomplete_source_raises_input_error(form: GpsSourceForm) -> None:
    form.set_spec(parse_gps_spec("tcp:phone.local:10110"))
    form.host.clear()
    with pytest.raises(InputError) as caught:
        form.spec()
    assert caught.value.code == "gps.spec"


def test_keeping_the_track_is_off_until_ticked(form: GpsSourceForm) -> None:
    assert not form.keep_track.isChecked()


def test_choosing_a_source_announces_a_change_and_names_it_plainly(
    qtbot: QtBot, form: GpsSourceForm
) -> None:
    with qtbot.waitSignal(form.changed):
        form.kind.setCurrentIndex(2)
    assert form.kind.currentText() == "GPS receiver (USB or serial)"
    form.port.setEditText("/dev/ttyUSB0")
    assert form.spec() == GpsSpec("serial", "/dev/ttyUSB0", 4800)
