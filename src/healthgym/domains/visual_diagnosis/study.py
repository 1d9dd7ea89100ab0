"""The studies of visual_diagnosis: an image or ECG strip drawn from its parameters.

A task stores only the parameters of its study; the arrays are drawn here, once per
study and process (a GRPO group resets the same task many times), kept read-only and
shared by the task's episodes together with the analyses already computed on them.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections import OrderedDict
from typing import Any

import numpy as np

from ...tasks import Task
from .ecg import FS, LEAD, EcgParams, synthesize
from .images import LesionImage, LesionParams, render_lesion
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


def study_state(task: Task) -> VisualState:
    """Render the task's study from its stored parameters (the arrays are never stored);
    each episode gets its own state around the shared, read-only arrays, and its own
    analysis cache that starts with the shared study's (read-only) results."""
    h = task.hidden
    drawn = _rendered(h["kind"], json.dumps(h["params"], sort_keys=True))
    return dataclasses.replace(
        drawn, age=h["age"], sex=h["sex"], measured={}, cache=dict(drawn.cache)
    )

