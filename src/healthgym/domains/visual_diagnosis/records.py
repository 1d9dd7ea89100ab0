"""Episode state of visual_diagnosis: the study's pixels or samples, never its recipe.

The state is built by rendering the task's generator parameters and then holds only
what a reader of the study would have: the image (with its calibrated mm-per-pixel
scale) or the signal (with its sampling rate and lead), plus the patient's age and
sex.  The measuring tools compute from these arrays alone; ``measured`` records the
values the tools have shown the agent (the grader's coherence checks compare the
answer with them).
"""

from __future__ import annotations

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


def new_state(task: Task) -> VisualState:
    """Each episode's state around its task's shared, read-only study (drawn once per
    process by :func:`.study.study_state`); the episode gets its own analysis cache."""
    from .study import study_state  # study.py builds VisualState: imported here, not at the top

    return study_state(task)
