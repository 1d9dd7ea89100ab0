"""Pictures of the study for multimodal models: the lesion image as is, the ECG strip
drawn on standard paper (25 mm/s, 10 mm/mV, 1 mm and 5 mm grid) by a small rasteriser.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .png import data_url
from .records import VisualState

PX_PER_MM = 4
MM_PER_S = 25.0
MM_PER_MV = 10.0
PAPER_MM = 52  # strip height; the 0 mV line sits 32 mm from the top (+3.2 to -2.0 mV)
ZERO_MM = 32
BACKGROUND = (255, 246, 246)
MINOR = (250, 210, 210)
MAJOR = (236, 150, 150)
TRACE = (20, 20, 20)


def ecg_paper_image(signal: np.ndarray, fs: int) -> np.ndarray:
    """RGB uint8 picture of a strip (columns of ``1 / (25 mm/s * 4 px/mm)`` s each)."""
    x = np.asarray(signal, dtype=np.float64)
    seconds = len(x) / fs
    width = round(seconds * MM_PER_S * PX_PER_MM)
    height = PAPER_MM * PX_PER_MM
    img = np.empty((height, width, 3), dtype=np.uint8)
    img[:] = BACKGROUND
    img[::PX_PER_MM, :] = MINOR
    img[:, ::PX_PER_MM] = MINOR
    img[:: 5 * PX_PER_MM, :] = MAJOR
    img[:, :: 5 * PX_PER_MM] = MAJOR
    # vertical span of the trace in each pixel column (joined to the previous column)
    y = ZERO_MM * PX_PER_MM - x * MM_PER_MV * PX_PER_MM
    col = np.minimum((np.arange(len(x)) * width) // len(x), width - 1)
    lo = np.full(width, np.inf)
    hi = np.full(width, -np.inf)
    np.minimum.at(lo, col, y)
    np.maximum.at(hi, col, y)
    prev_last = np.concatenate([[y[0]], y[np.searchsorted(col, np.arange(1, width)) - 1]])
    lo = np.minimum(lo, prev_last)
    hi = np.maximum(hi, prev_last)
    lo = np.clip(lo, 0, height - 1)
    hi = np.clip(hi, 0, height - 1)
    rows = np.arange(height)[:, None]
    ink = (rows >= np.floor(lo)[None, :] - 0.5) & (rows <= np.ceil(hi)[None, :] + 0.5)
    img[ink] = TRACE
    return img


def study_image(state: VisualState) -> np.ndarray:
    """The picture shown to a multimodal model for this state."""
    if state.kind == "lesion":
        assert state.image is not None
        return state.image
    assert state.signal is not None
    return ecg_paper_image(state.signal, state.fs)


def content_parts(state: VisualState) -> list[dict[str, Any]]:
    """OpenAI content parts: the study as an inline PNG image."""
    return [{"type": "image_url", "image_url": {"url": data_url(study_image(state))}}]
