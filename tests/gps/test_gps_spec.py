"""GPS source specs: every valid spec survives the text round trip, bad text is refused clearly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrechamp.core.errors import InputError
from contrechamp.core.gps_spec import BAUD_RATES, GpsSpec, format_gps_spec, parse_gps_spec

_NAME_CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"))
_hostnames = st.from_regex(r"\A[a-z0-9]([a-z0-9.\-]{0,30}[a-z0-9])?\Z")
_ipv6 = st.ip_addresses(v=6).map(str)
_paths = st.text(_NAME_CHARS, min_size=1, max_size=40)


def _serial_ok(spec_args: tuple[str, int | None]) -> bool:
    try:
        GpsSpec("serial", *spec_args)
    except InputError:
        return False
    return True


_specs = st.one_of(
    st.just(GpsSpec("none")),
    st.just(GpsSpec("system")),
    st.tuples(_paths, st.none() | st.sampled_from(BAUD_RATES))
    .filter(_serial_ok)
    .map(lambda args: GpsSpec("serial", *args)),
    st.builds(GpsSpec, st.just("tcp"), _hostnames | _ipv6, st.integers(1, 65535)),
    st.builds(GpsSpec, st.just("file"), _paths),
)


@given(_specs)
def test_every_spec_round_trips_through_its_text(spec: GpsSpec) -> None:
    assert parse_gps_spec(format_gps_spec(spec)) == spec


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("system", GpsSpec("system")),
        ("  None ", GpsSpec("none")),
        ("serial:/dev/ttyUSB0", GpsSpec("serial", "/dev/ttyUSB0")),
        ("serial:/dev/ttyUSB0:9600", GpsSpec("serial", "/dev/ttyUSB0", 9600)),
        ("serial:COM3:4800", GpsSpec("serial", "COM3", 4800)),
        (
            "serial:/dev/serial/by-path/pci-0000:00:14.0-usb-0:2:1.0",
            GpsSpec("serial", "/dev/serial/by-path/pci-0000:00:14.0-usb-0:2:1.0"),
        ),
        ("tcp:192.168.1.20:10110", GpsSpec("tcp", "192.168.1.20", 10110)),
        ("tcp:phone.local:50000", GpsSpec("tcp", "phone.local", 50000)),
        ("tcp:[fe80::1]:10110", GpsSpec("tcp", "fe80::1", 10110)),
        ("file:C:\\walks\\monday.nmea", GpsSpec("file", "C:\\walks\\monday.nmea")),
        ("FILE:walk 1.nmea", GpsSpec("file", "walk 1.nmea")),
    ],
)
def test_written_specs_mean_what_users_expect(text: str, expected: GpsSpec) -> None:
    assert parse_gps_spec(text) == expected


def test_serial_speed_defaults_to_the_nmea_standard() -> None:
    assert parse_gps_spec("serial:/dev/ttyUSB0").baud == 4800


@pytest.mark.parametrize(
    "text",
    [
        "",
        "gps",
        "bluetooth:00:11:22",
        "system:now",
        "none:x",
        "serial:",
        "serial",
        "tcp:phone",
        "tcp:phone:",
        "tcp::10110",
        "tcp:phone:0",
        "tcp:phone:65536",
        "tcp:phone:http",
        "tcp:fe80::1:10110",
        "tcp:[fe80::1:10110",
        "tcp:bad host:10110",
        "file:",
        "file:   ",
    ],
)
def test_bad_specs_raise_input_error_with_a_stable_code(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_gps_spec(text)
    assert caught.value.code == "gps.spec"
    assert caught.value.detail


@given(st.text(max_size=60))
def test_any_text_either_parses_to_a_valid_spec_or_raises_input_error(text: str) -> None:
    try:
        spec = parse_gps_spec(text)
    except InputError as exc:
        outcome = exc.code
    else:
        outcome = "round trip" if parse_gps_spec(format_gps_spec(spec)) == spec else "broken"
    assert outcome in ("gps.spec", "round trip")


def test_a_spec_object_cannot_be_built_inconsistent() -> None:
    with pytest.raises(InputError):
        GpsSpec("serial", "/dev/ttyUSB0", 1234)
    with pytest.raises(InputError):
        GpsSpec("system", "x")
    with pytest.raises(InputError):
        GpsSpec("gpsd")  # type: ignore[arg-type]
