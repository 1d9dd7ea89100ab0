"""The studies of visual_diagnosis: an image or ECG strip drawn from its parameters.

A task stores only the parameters of its study; the arrays are drawn here, once per
study and process (a GRPO group resets the same task many times), kept read-only and
shared by the task's episodes together with the analyses already computed on them.
Reset draws nothing: an episode's state draws its study when the attached picture or a
measuring tool first reads it (see :class:`.records.VisualState`).
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections import OrderedDict
from functools import lru_cache, partial
from typing import Any

import numpy as np

from ...tasks import Task
from .ecg import FS, LEAD, N_SAMPLES, EcgParams, synthesize
from .images import SIZE, LesionImage, LesionParams, contour_feret_px, render_lesion
from .records import VisualState


def lesion_state(params: LesionParams, age: int, sex: str) -> VisualState:
    return state_of(render_lesion(params, with_truth=False), age, sex)


def state_of(lesion: LesionImage, age: int, sex: str) -> VisualState:
    return VisualState(
        kind="lesion", age=age, sex=sex, image=lesion.image, scale_mm_per_px=lesion.scale_mm_per_px
    )


def ecg_state(params: EcgParams, age: int, sex: str) -> VisualState:
    strip = synthesize(params)
    return VisualState(kind="ecg", age=age, sex=sex, signal=strip.signal, fs=FS, lead=LEAD)


# Studies drawn from their parameters, most recent last: the rendered arrays (read-only)
# and the analyses already computed on them. Generating a task renders and measures its
# study (rejection sampling), so the accepted draw is kept here and the task's episodes
# neither render nor measure it again; a study not here is rendered at reset.
_STUDIES: OrderedDict[tuple[str, str], VisualState] = OrderedDict()
_STUDY_CACHE_SIZE = 64  # at most ~0.8 MB a lesion study, ~0.1 MB an ECG strip
# Not kept: the per-pixel colour classes (0.5 MB) only feed the colour fractions and the
# structures, which are kept; an episode that needs them again recomputes them.
_NOT_SHARED = frozenset({"labels"})
_STUDIES_LOCK = threading.Lock()


def _params_key(params: dict[str, Any]) -> str:
    """The key of a study: its parameters as stored in a task (after a JSON round trip)."""
    return json.dumps(json.loads(json.dumps(params)), sort_keys=True)


def _freeze(value: Any) -> None:
    """Make the arrays of an analysis result read-only (results are shared by episodes)."""
    if isinstance(value, np.ndarray):
        value.flags.writeable = False
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            _freeze(getattr(value, f.name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            _freeze(item)
    elif isinstance(value, dict):
        for item in value.values():
            _freeze(item)


def _remember(key: tuple[str, str], state: VisualState) -> VisualState:
    cache = {k: v for k, v in state.cache.items() if k not in _NOT_SHARED}
    shared = dataclasses.replace(state, age=0, sex="", measured={}, cache=cache)
    for array in (shared.image, shared.signal):
        if array is not None:
            array.flags.writeable = False
    _freeze(shared.cache)
    with _STUDIES_LOCK:
        _STUDIES[key] = shared
        _STUDIES.move_to_end(key)
        while len(_STUDIES) > _STUDY_CACHE_SIZE:
            _STUDIES.popitem(last=False)
    return shared


def share(kind: str, params: dict[str, Any], state: VisualState) -> None:
    """Keep a generated task's rendered and measured study for its episodes."""
    _remember((kind, _params_key(params)), state)


def _rendered(kind: str, params_json: str) -> VisualState:
    """The study drawn from its parameters, shared by the episodes of one task (e.g. a
    GRPO group): rendered once, its arrays read-only, with generation's analyses."""
    key = (kind, params_json)
    with _STUDIES_LOCK:
        state = _STUDIES.get(key)
        if state is not None:
            _STUDIES.move_to_end(key)
            return state
    params = json.loads(params_json)
    if kind == "lesion":
        state = lesion_state(LesionParams.from_dict(params), 0, "")
    else:
        state = ecg_state(EcgParams.from_dict(params), 0, "")
    return _remember(key, state)


def study_key(task: Task) -> str:
    """The key of a task's study in this process's caches (its parameters as JSON)."""
    return json.dumps(task.hidden["params"], sort_keys=True)


def study_state(task: Task) -> VisualState:
    """The episode state of ``task``, drawing nothing yet: on first read of its arrays
    the study is drawn from the stored parameters (the arrays are never stored), or taken
    from this process's cache; each episode gets its own state around the shared,
    read-only arrays, and its own analysis cache that starts with the shared study's
    (read-only) results.  The parameters are checked here, so a malformed task fails at
    reset, not at its first tool call."""
    h = task.hidden
    kind = h["kind"]
    if kind not in ("lesion", "ecg"):
        raise ValueError(f"visual_diagnosis study kind must be 'lesion' or 'ecg', not {kind!r}")
    try:
        (LesionParams if kind == "lesion" else EcgParams).from_dict(h["params"])
    except (KeyError, TypeError, ValueError) as e:
        raise ValueError(f"task {task.id}: malformed {kind} study parameters ({e})") from None
    ecg = kind == "ecg"
    key = study_key(task)
    return VisualState(
        kind=kind,
        age=h["age"],
        sex=h["sex"],
        scale_mm_per_px=0.0 if ecg else _lesion_scale(key),
        fs=FS if ecg else 0,
        lead=LEAD if ecg else "",
        draw=partial(_rendered, kind, key),
        shape=(N_SAMPLES,) if ecg else (SIZE, SIZE, 3),
    )


@lru_cache(maxsize=4096)
def _lesion_scale(params_json: str) -> float:
    """The lesion image's mm per pixel, as :func:`.images.render_lesion` computes it."""
    p = LesionParams.from_dict(json.loads(params_json))
    return p.diameter_mm / contour_feret_px(p)


def clear_caches() -> None:
    """Forget every drawn study of this process (episodes in progress keep theirs)."""
    with _STUDIES_LOCK:
        _STUDIES.clear()
