"""Episode state of visual_diagnosis: the study's pixels or samples, never its recipe.

The state holds only what a reader of the study would have: the image (with its
calibrated mm-per-pixel scale) or the signal (with its sampling rate and lead), plus the
patient's age and sex.  The measuring tools compute from these arrays alone;
``measured`` records the values the tools have shown the agent (the grader's coherence
checks compare the answer with them).

An episode's state is lazy: reset builds it without drawing anything, and the study is
drawn (or taken from the process's cache of drawn studies) when the attached picture or
a measuring tool first reads ``image``, ``signal`` or ``cache``; the scale and the
array's shape follow from the parameters and are set at reset.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from ...tasks import Task

Kind = Literal["lesion", "ecg"]


@dataclass
class VisualState:
    kind: Kind
    age: int
    sex: str
    image: np.ndarray | None = None  # uint8 (h, w, 3) dermoscopy image
    scale_mm_per_px: float = 0.0
    signal: np.ndarray | None = None  # mV samples of one lead
    fs: int = 0
    lead: str = ""
    measured: dict[str, Any] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict, repr=False)  # analysis results
    # draws the study (a state holding its arrays and shared analyses); None once drawn
    draw: Callable[[], VisualState] | None = field(default=None, repr=False, compare=False)
    # the shape of the study's array, known without drawing it (empty: read the array)
    shape: tuple[int, ...] = field(default=(), compare=False)

    @property
    def study_shape(self) -> tuple[int, ...]:
        """Shape of the image or signal; from ``shape`` when set, so it draws nothing."""
        if self.shape:
            return self.shape
        array = self.image if self.kind == "lesion" else self.signal
        return () if array is None else tuple(array.shape)

    @property
    def drawn(self) -> bool:
        """Whether the study's arrays are in this state (reading them draws them)."""
        return self.__dict__.get("draw") is None

    def _materialise(self) -> None:
        d = self.__dict__
        draw, d["draw"] = d["draw"], None
        study = draw()
        d["_image"], d["_signal"] = study.image, study.signal
        d["_cache"] = {**study.cache, **d["_cache"]}  # the shared analyses, then our own


def _lazy(name: str) -> property:
    slot = "_" + name

    def get(self: VisualState) -> Any:
        if self.__dict__.get("draw") is not None:
            self._materialise()
        return self.__dict__[slot]

    def put(self: VisualState, value: Any) -> None:
        self.__dict__[slot] = value

    return property(get, put, doc=f"the study's {name} (drawn on first read)")


for _name in ("image", "signal", "cache"):
    setattr(VisualState, _name, _lazy(_name))


def new_state(task: Task) -> VisualState:
    """Each episode's state around its task's shared, read-only study (drawn on first use,
    once per process, by :func:`.study.study_state`); the episode gets its own analysis
    cache."""
    from .study import study_state  # study.py builds VisualState: imported here, not at the top

    return study_state(task)
