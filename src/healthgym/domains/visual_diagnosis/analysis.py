"""Cached measurement pipelines over a :class:`VisualState` (shared by tools and tasks).

Each function computes from the state's pixels or samples and memoises the result in
``state.cache``, so a tool called twice does not recompute and the task generator's
reference values are exactly the ones the tools print.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import ecg_atrial as ea
from . import measure_ecg as me
from . import measure_lesion as ml
from . import measure_structures as ms
from .records import VisualState


def _cached(state: VisualState, key: str, compute: Any) -> Any:
    if key not in state.cache:
        state.cache[key] = compute()
    return state.cache[key]


def _image(state: VisualState) -> np.ndarray:
    if state.image is None:
        raise ValueError("this study has no image")
    return state.image


def _signal(state: VisualState) -> np.ndarray:
    if state.signal is None:
        raise ValueError("this study has no signal")
    return state.signal


def segmentation(state: VisualState) -> ml.Segmentation:
    return _cached(state, "segmentation", lambda: ml.segment(_image(state)))


def asymmetry(state: VisualState) -> ml.Asymmetry:
    return _cached(state, "asymmetry", lambda: ml.asymmetry(segmentation(state).mask))


def border(state: VisualState) -> ml.Border:
    return _cached(state, "border", lambda: ml.border(segmentation(state)))


def colour_labels(state: VisualState) -> np.ndarray:
    return _cached(state, "labels", lambda: ml.classify_colours(_image(state)))


def colour_fractions(state: VisualState) -> dict[str, float]:
    return _cached(
        state,
        "fractions",
        lambda: ml.colour_fractions(colour_labels(state), segmentation(state).mask),
    )


def colour_pixels(state: VisualState) -> dict[str, int]:
    """Pixels of each colour in the core plus the dark spots (the colour count's area)."""

    def compute() -> dict[str, int]:
        spots = structures(state).spots
        return ml.colour_pixels(colour_labels(state), segmentation(state).mask, spots)

    return _cached(state, "colour_pixels", compute)


def structures(state: VisualState) -> ms.Structures:
    seg = segmentation(state)
    return _cached(
        state,
        "structures",
        lambda: ms.detect_structures(_image(state), seg.mask, colour_labels(state), seg.centroid),
    )


def feret(state: VisualState) -> tuple[float, float]:
    return _cached(state, "feret", lambda: ml.feret_diameter_px(segmentation(state).mask))


def r_peaks(state: VisualState) -> me.RPeaks:
    def compute() -> me.RPeaks:
        return me.rr_statistics(me.pan_tompkins(me.remove_baseline(_signal(state))))

    return _cached(state, "rpeaks", compute)


def median_rr(state: VisualState) -> float:
    return float(np.median(r_peaks(state).rr_ms))


def morphology(state: VisualState) -> np.ndarray:
    return _cached(state, "morph", lambda: me.morphology_signal(_signal(state), median_rr(state)))


def beat(state: VisualState) -> me.AveragedBeat:
    return _cached(
        state, "beat", lambda: me.averaged_beat(morphology(state), r_peaks(state).indices)
    )


def fiducials(state: VisualState) -> me.Fiducials:
    return _cached(state, "fiducials", lambda: me.fiducials(beat(state), median_rr(state)))


def atrial(state: VisualState) -> ea.AtrialActivity:
    def compute() -> ea.AtrialActivity:
        cleaned = me.clean(_signal(state))
        return ea.atrial_activity(
            cleaned, morphology(state), r_peaks(state).indices, beat(state), fiducials(state)
        )

    return _cached(state, "atrial", compute)
