"""The lambda schedule of the distillation term (hand-computed sequences)."""

from __future__ import annotations

import itertools
import json

import pytest

from healthgym.train.schedules import KLSchedule


def test_constant() -> None:
    s = KLSchedule()
    assert [s.value(step, kl) for step, kl in [(0, None), (5, 100.0), (10**6, 0.0)]] == [4.0] * 3


def test_linear_decay_with_floor() -> None:
    s = KLSchedule("linear", lam=4.0, total_steps=6, floor=1.0)
    assert [s.value(step) for step in range(8)] == pytest.approx(
        [4.0, 3.5, 3.0, 2.5, 2.0, 1.5, 1.0, 1.0]
    )
    assert KLSchedule("linear", lam=2.0, total_steps=4).value(2) == pytest.approx(1.0)


def test_phase_out_is_monotone_once_the_kl_exceeds_the_threshold() -> None:
    s = KLSchedule("phase_out", lam=4.0, threshold=0.5, phase_out_steps=4, floor=0.0)
    kls = [0.1, 0.5, 0.6, 0.1, 0.9, 0.0, None, 0.0]
    values = [s.value(step, kl) for step, kl in enumerate(kls)]
    # 0.5 is not above the threshold; 0.6 at step 2 triggers: 3, 2, 1, 0, then the floor
    assert values == pytest.approx([4.0, 4.0, 3.0, 2.0, 1.0, 0.0, 0.0, 0.0])
    assert s.triggered_at == 2
    assert all(a >= b for a, b in itertools.pairwise(values))
    floor = KLSchedule("phase_out", lam=4.0, threshold=1.0, phase_out_steps=2, floor=0.5)
    assert [floor.value(t, kl) for t, kl in enumerate([2.0, 0.0, 0.0])] == pytest.approx(
        [2.25, 0.5, 0.5]
    )
    never = KLSchedule("phase_out", threshold=1.0)
    assert [never.value(t, 0.9) for t in range(3)] == [4.0, 4.0, 4.0]


def test_state_round_trip_continues_exactly() -> None:
    s = KLSchedule("phase_out", lam=3.0, threshold=0.2, phase_out_steps=3, floor=0.3)
    for step, kl in enumerate([0.1, 0.4, 0.0]):
        s.value(step, kl)
    state = json.loads(json.dumps(s.state_dict()))  # JSON-serialisable for checkpoints
    other = KLSchedule()
    other.load_state_dict(state)
    assert other.state_dict() == s.state_dict()
    assert [other.value(t) for t in range(3, 6)] == [s.value(t) for t in range(3, 6)]
    lin = KLSchedule("linear", total_steps=10, floor=0.5)
    copy = KLSchedule()
    copy.load_state_dict(lin.state_dict())
    assert [copy.value(t) for t in range(12)] == [lin.value(t) for t in range(12)]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"kind": "cosine"},
        {"kind": "linear"},
        {"kind": "linear", "total_steps": 0},
        {"kind": "phase_out"},
        {"kind": "phase_out", "threshold": 1.0, "phase_out_steps": 0},
    ],
)
def test_invalid_schedules(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        KLSchedule(**kwargs)
