"""The cyclic collector paused around work on a large catalog, and restored after."""

from __future__ import annotations

import gc

import pytest

from fwtui.gcpause import cyclic_gc_paused


def test_paused_inside_restored_after_and_what_lives_is_frozen() -> None:
    assert gc.isenabled()
    frozen_before = gc.get_freeze_count()
    kept = [[n] for n in range(1000)]
    with cyclic_gc_paused():
        assert not gc.isenabled()
        kept.append([1001])
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen_before + len(kept)


def test_restored_after_an_error_and_left_off_when_it_was_off() -> None:
    with pytest.raises(ValueError, match="boom"), cyclic_gc_paused():
        raise ValueError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
