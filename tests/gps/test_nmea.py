"""NMEA sentences: any talker, real receiver lines, generated sentences, damaged lines."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrechamp.core.errors import InputError
from contrechamp.core.nmea import (
    GgaSentence,
    GsaSentence,
    RmcSentence,
    nmea_checksum,
    parse_sentence,
)

TALKERS = ("GP", "GN", "GL", "GA", "BD", "GB", "GQ")


def _outcome(line: str) -> str:
    """ "read" or "ignored", or the code of the InputError the line raises."""
    try:
        parsed = parse_sentence(line)
    except InputError as exc:
        return exc.code
    return "ignored" if parsed is None else "read"


def _sentence(body: str) -> str:
    return f"${body}*{nmea_checksum(body):02X}\r\n"


def _ddmm(value: float, width: int) -> str:
    degrees = int(abs(value))
    minutes = (abs(value) - degrees) * 60
    return f"{degrees:0{width}d}{minutes:07.4f}"


@st.composite
def _positions(draw: st.DrawFn) -> tuple[float, float]:
    lat = draw(st.floats(-89.99, 89.99, allow_nan=False))
    lon = draw(st.floats(-179.99, 179.99, allow_nan=False))
    return lat, lon


def _gga_body(talker: str, stamp: str, lat: float, lon: float, quality: int, sats: int) -> str:
    ns, ew = ("N" if lat >= 0 else "S"), ("E" if lon >= 0 else "W")
    lat_text, lon_text = _ddmm(lat, 2), _ddmm(lon, 3)
    fields = f"{stamp},{lat_text},{ns},{lon_text},{ew},{quality},{sats:02d}"
    return f"{talker}GGA,{fields},1.2,35.0,M,47.0,M,,"


@given(
    st.sampled_from(TALKERS),
    _positions(),
    st.integers(0, 8),
    st.integers(0, 40),
    st.times().map(lambda t: t.replace(microsecond=t.microsecond // 1000 * 1000)),
)
def test_generated_gga_reads_back_for_every_talker(
    talker: str, position: tuple[float, float], quality: int, sats: int, when: time
) -> None:
    stamp = when.strftime("%H%M%S.") + f"{when.microsecond // 1000:03d}"
    parsed = parse_sentence(_sentence(_gga_body(talker, stamp, *position, quality, sats)))
    assert isinstance(parsed, GgaSentence)
    assert parsed.lat == pytest.approx(position[0], abs=1e-6)
    assert parsed.lon == pytest.approx(position[1], abs=1e-6)
    assert parsed.time == when
    assert parsed.satellites == sats
    assert (parsed.quality is None) == (quality == 0)


@given(st.text(max_size=100))
def test_any_line_is_ignored_read_or_refused_with_a_code(line: str) -> None:
    assert _outcome(line) in ("read", "ignored", "nmea.checksum", "nmea.malformed")


@given(
    st.sampled_from(["GGA", "RMC", "GSA"]),
    st.text(
        st.characters(min_codepoint=32, max_codepoint=126, exclude_characters="*"), max_size=80
    ),
)
def test_random_fields_with_a_valid_checksum_never_crash(kind: str, fields: str) -> None:
    assert _outcome(_sentence(f"GP{kind},{fields}")) in ("read", "nmea.malformed")


def test_real_rmc_with_status_v_has_no_fix() -> None:
    line = "$GPRMC,095255.810,V,2712.6404,S,15303.1201,E,0.00,0.00,080407,,,A*6E"
    parsed = parse_sentence(line)
    assert isinstance(parsed, RmcSentence)
    assert not parsed.valid
    assert parsed.quality is None
    assert parsed.date == date(2007, 4, 8)
    assert parsed.lat == pytest.approx(-27.21067333)


def test_real_gga_carries_quality_satellites_and_hdop() -> None:
    line = "$GPGGA,185244.000,4854.2575,N,00219.9816,E,1,05,1.7,124.4,M,47.3,M,,0000*56"
    parsed = parse_sentence(line)
    assert parsed == GgaSentence(
        time(18, 52, 44), 48.904291666666666, 2.3330266666666666, "fix", 5, 1.7, 124.4
    )


def test_gsa_gives_the_fix_mode_and_hdop() -> None:
    parsed = parse_sentence("$GPGSA,A,3,14,01,30,06,09,,,,,,,,2.8,1.7,2.2*36")
    assert parsed == GsaSentence(3, 1.7)


def test_rmc_mode_letter_gives_the_quality_and_n_means_no_fix() -> None:
    body = "GNRMC,120000.00,A,4854.2575,N,00219.9816,E,0.5,90.0,010125,,,D"
    differential = parse_sentence(_sentence(body))
    not_valid = parse_sentence(_sentence(body[:-1] + "N"))
    assert isinstance(differential, RmcSentence)
    assert differential.quality == "dgps"
    assert isinstance(not_valid, RmcSentence)
    assert not not_valid.valid


@pytest.mark.parametrize(
    "line",
    [
        "# Name: Haicom HI-305N",
        "",
        "$GPGSV,3,3,12,24,58,220,,26,17,053,,29,20,063,,30,60,311,44*7F",
        "$GPVTG,0.00,T,,,0.00,N,0.00,K,A*70",
        "$PSRF151,01*0F",
        "!AIVDM,1,1,,A,13aEOK?P00PD2wVMdLDRhgvL289?,0*26",
    ],
)
def test_comments_and_unused_sentences_are_ignored(line: str) -> None:
    assert parse_sentence(line) is None


def test_a_damaged_checksum_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        parse_sentence(
            "$GPGGA,185244.000,4854.2575,N,00219.9816,E,1,05,1.7,124.4,M,47.3,M,,0000*57"
        )
    assert caught.value.code == "nmea.checksum"


@pytest.mark.parametrize(
    "body",
    [
        "GPGGA,185244.000,4854.2575,X,00219.9816,E,1,05,1.7,124.4,M,47.3,M,,",  # hemisphere
        "GPGGA,185244.000,4864.2575,N,00219.9816,E,1,05,1.7,124.4,M,47.3,M,,",  # 64 minutes
        "GPGGA,256044.000,4854.2575,N,00219.9816,E,1,05,1.7,124.4,M,47.3,M,,",  # hour 25
        "GPRMC,185244.000,A,9100.0000,N,00219.9816,E,0.00,296.61,210706,,,A",  # 91° N
        "GPRMC,185244.000,A,4854.2575,N,00219.9816,E,0.00,296.61,320706,,,A",  # 32 July
        "GPGGA,185244.000,4854.2575,N",  # truncated
    ],
)
def test_malformed_fields_are_refused(body: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_sentence(_sentence(body))
    assert caught.value.code == "nmea.malformed"


def test_every_line_of_the_real_logs_is_read_or_ignored(nmea_log: Path) -> None:
    kinds = [type(parse_sentence(line)).__name__ for line in nmea_log.read_text().splitlines()]
    assert kinds.count("RmcSentence") >= 20
    assert kinds.count("GgaSentence") >= 20
    assert kinds.count("GsaSentence") >= 4
