"""The collector paused while many objects are built, and not walking them afterwards."""

from __future__ import annotations

import gc

from contrechamp.core.collector import collector_paused


def _in_generation(thing: object, generation: int) -> bool:
    return any(found is thing for found in gc.get_objects(generation=generation))


def test_the_collector_is_paused_and_enabled_again() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the outer one enables it again
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_what_was_built_while_paused_goes_to_the_oldest_generation_unwalked() -> None:
    with collector_paused():
        built = [[n] for n in range(10_000)]
    assert _in_generation(built[0], 2)
    assert not _in_generation(built[0], 0)
    assert gc.get_count()[0] < 1_000  # no collection waits to walk the 10,000 lists


def test_a_paused_collector_stays_off_for_whoever_turned_it_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
