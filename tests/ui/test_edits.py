"""What typed text does to tags: clean values written plainly, anything else kept and flagged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from contrechamp.core.direction import DirectionError, parse_direction
from contrechamp.core.tags import DIRECTION_KEYS, format_number, read_camera
from contrechamp.ui.form.edits import direction_tags, fixed_tags, number_tags

BASE = {"man_made": "surveillance", "surveillance": "public", "direction": "N"}
typed = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=25)


@given(typed)
def test_a_typed_direction_lands_in_camera_direction_only(text: str) -> None:
    out = direction_tags(BASE, text)
    assert not any(k in out for k in DIRECTION_KEYS[1:])
    if not text.strip():
        assert "camera:direction" not in out
        return
    value = out["camera:direction"]
    try:
        parse_direction(value)
    except DirectionError:
        assert value == text.strip()
        assert read_camera(out).direction.problem is not None


@given(st.floats(min_value=0, max_value=300, allow_nan=False))
def test_a_typed_height_number_is_written_plainly(value: float) -> None:
    out = number_tags(BASE, "height", str(value).replace(".", ","))
    assert out["height"] == format_number(value)
    assert read_camera(out).height.problem is None


@given(typed)
def test_any_typed_height_is_kept_or_cleaned_never_lost(text: str) -> None:
    out = number_tags(BASE, "height", text)
    if not text.strip():
        assert "height" not in out
    else:
        reading = read_camera(out).height
        assert reading.raw == out["height"]
        assert reading.problem is not None or reading.value is not None


@given(typed)
def test_using_suggestions_never_adds_problems(text: str) -> None:
    tags = {**BASE, "camera:angle": text} if text.strip() else dict(BASE)
    before = {p for p in read_camera(tags).fields() if p.problem}
    after = {p for p in read_camera(fixed_tags(tags)).fields() if p.problem}
    assert len(after) <= len(before)
