"""Repeated episodes of one visual task share the rendered study, read-only."""

from __future__ import annotations

import numpy as np
import pytest

from healthgym.domains import get_domain
from healthgym.domains.visual_diagnosis.records import VisualState, new_state


def _fresh(task):
    """The study drawn from the task's parameters, bypassing every cache."""
    from healthgym.domains.visual_diagnosis.ecg import EcgParams
    from healthgym.domains.visual_diagnosis.images import LesionParams
    from healthgym.domains.visual_diagnosis.study import ecg_state, lesion_state

    h = task.hidden
    if h["kind"] == "lesion":
        return lesion_state(LesionParams.from_dict(h["params"]), h["age"], h["sex"])
    return ecg_state(EcgParams.from_dict(h["params"]), h["age"], h["sex"])


def test_repeated_states_share_read_only_arrays_but_not_episode_data():
    d = get_domain("visual_diagnosis")
    for index in (0, 1):  # a lesion and an ECG task
        task = d.task(index)
        a, b = new_state(task), new_state(task)
        arrays = [x for x in (a.image, a.signal) if x is not None]
        assert arrays and all(not x.flags.writeable for x in arrays)
        assert (a.image is b.image) and (a.signal is b.signal)
        assert a.measured is not b.measured and a.cache is not b.cache
        assert (a.age, a.sex) == (task.hidden["age"], task.hidden["sex"])
        with pytest.raises(ValueError):
            arrays[0][0] = np.zeros_like(arrays[0][0])


def _count_draws(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the studies drawn (lesion renders and ECG syntheses) from here on."""
    from healthgym.domains.visual_diagnosis import study

    drawn: list[str] = []
    real_lesion, real_ecg = study.lesion_state, study.ecg_state

    def lesion(*args, **kwargs):
        drawn.append("lesion")
        return real_lesion(*args, **kwargs)

    def ecg(*args, **kwargs):
        drawn.append("ecg")
        return real_ecg(*args, **kwargs)

    monkeypatch.setattr(study, "lesion_state", lesion)
    monkeypatch.setattr(study, "ecg_state", ecg)
    return drawn


def test_reset_draws_nothing_and_the_first_read_draws_once(monkeypatch):
    import healthgym.domains.visual_diagnosis as vd
    from healthgym.domains.visual_diagnosis.ecg import EcgParams
    from healthgym.domains.visual_diagnosis.images import LesionParams
    from healthgym.domains.visual_diagnosis.render import content_parts
    from healthgym.domains.visual_diagnosis.study import ecg_state, lesion_state
    from healthgym.env import HealthGymEnv

    d = get_domain("visual_diagnosis")
    tasks = [d.task(i) for i in (2, 3)]  # a lesion and an ECG task
    vd.clear_caches()
    drawn = _count_draws(monkeypatch)
    for task in tasks:
        state = new_state(task)
        assert not state.drawn and drawn == []  # the state is built without drawing
        assert state.fs == (500 if task.hidden["kind"] == "ecg" else 0)
        meta = d.toolkit.get("view_image_metadata")(state)  # from the parameters alone
        assert not state.drawn and drawn == []
        array = state.image if task.hidden["kind"] == "lesion" else state.signal
        assert state.drawn and drawn == [task.hidden["kind"]] and array is not None
        assert tuple(array.shape) == state.shape  # the shape known before drawing
        bare = VisualState(  # a state holding the drawn arrays, as generation builds it
            task.hidden["kind"], state.age, state.sex, image=state.image,
            scale_mm_per_px=state.scale_mm_per_px, signal=state.signal, fs=state.fs,
            lead=state.lead,
        )  # fmt: skip
        assert d.toolkit.get("view_image_metadata")(bare) == meta
        fresh_scale = _fresh(task).scale_mm_per_px
        drawn.pop()  # that fresh draw was the test's own
        assert state.scale_mm_per_px == fresh_scale  # bit for bit the renderer's scale
        assert new_state(task).cache.keys() == state.cache.keys()
        assert new_state(task).image is state.image  # drawn once per process, then shared
        assert len(drawn) == 1
        drawn.clear()
    # the observation's picture: drawn and encoded on a task's first reset, then reused
    vd.clear_caches()
    env = HealthGymEnv(domain="visual_diagnosis", split=None)
    for task in tasks:
        h = task.hidden
        fresh = (
            lesion_state(LesionParams.from_dict(h["params"]), h["age"], h["sex"])
            if h["kind"] == "lesion"
            else ecg_state(EcgParams.from_dict(h["params"]), h["age"], h["sex"])
        )
        expected = content_parts(fresh)  # byte for byte what a fresh render attaches
        drawn.clear()
        _, info = env.reset(options={"task": task})
        assert info["content"][1:] == expected and len(drawn) == 1
        for _ in range(3):
            _, info = env.reset(options={"task": task})
            assert not env.state.drawn  # the picture came from the cache: nothing drawn
            assert info["content"][1:] == expected
        assert len(drawn) == 1


def test_a_malformed_study_fails_at_reset():
    d = get_domain("visual_diagnosis")
    task = d.task(0)
    bad = task.model_copy(update={"hidden": {**task.hidden, "kind": "xray"}})
    with pytest.raises(ValueError):
        new_state(bad)
    broken = task.model_copy(update={"hidden": {**task.hidden, "params": {"seed": 1}}})
    with pytest.raises(ValueError, match="malformed lesion study"):
        new_state(broken)


def test_picture_cache_is_bounded(monkeypatch):
    import healthgym.domains.visual_diagnosis as vd

    vd.clear_caches()
    monkeypatch.setattr(vd, "_URL_CACHE_CHARS", 50_000)  # room for a few ECG pictures
    d = get_domain("visual_diagnosis")
    for i in (1, 3, 5, 7, 9):
        task = d.task(i)
        vd.reset_content(task, new_state(task))
    assert 1 <= len(vd._URLS) < 5
    assert vd._url_chars == sum(len(u) for u in vd._URLS.values()) <= 50_000
    vd.clear_caches()
    assert not vd._URLS and vd._url_chars == 0
