"""The visual_diagnosis toolkit: metadata, the modality's measuring tools, the submission.

Tasks allow the metadata tool, the tools of their modality (dermoscopy or ECG) and
``submit_reading``; ECG tasks also get the shared ``calc_qtc`` calculator.
"""

from __future__ import annotations

from typing import Annotated, Literal

from ...clinical.guidelines.dermoscopy import BANDS
from ...tools import MaxLen, Range, Tool, tool
from ...tools.calculators import calc_qtc
from .ecg import RHYTHMS
from .records import VisualState
from .tools_ecg import ECG_TOOLS
from .tools_lesion import LESION_TOOLS

FINDINGS: tuple[str, ...] = (*BANDS, *RHYTHMS)
Finding = Literal[FINDINGS]  # type: ignore[valid-type]


@tool(kind="observe")
def view_image_metadata(state: VisualState) -> str:
    """Show the study's technical metadata: modality, size, scale or sampling rate, lead."""
    shape = state.study_shape  # known from the parameters: nothing is drawn for this
    if state.kind == "lesion":
        assert shape, "a lesion state without an image"
        h, w = shape[:2]
        s = state.scale_mm_per_px
        return (
            f"Dermoscopy image (polarised, contact), {w} x {h} px RGB, calibrated scale "
            f"{s:.4f} mm/px (field of view {w * s:.1f} x {h * s:.1f} mm). Patient: "
            f"{state.age}-year-old {state.sex}."
        )
    assert shape, "an ECG state without a signal"
    n = shape[0]
    return (
        f"ECG rhythm strip, lead {state.lead}, {n / state.fs:.1f} s at {state.fs} Hz ({n} "
        f"samples), amplitude in mV; the attached picture shows it at 25 mm/s and 10 mm/mV. "
        f"Patient: {state.age}-year-old {state.sex}."
    )


@tool(terminal=True)
def submit_reading(
    state: VisualState,
    finding: Annotated[str, MaxLen(120)],
    tds: Annotated[float, Range(0, 10)] | None = None,
    diameter_mm: Annotated[float, Range(0, 100)] | None = None,
    heart_rate: Annotated[float, Range(10, 300)] | None = None,
    pr_ms: Annotated[float, Range(0, 1000)] | None = None,
    qtc_ms: Annotated[float, Range(100, 1000)] | None = None,
) -> str:
    """Submit the reading of the study. Ends the episode.

    Args:
        finding: for a dermoscopy image the ABCD-rule band (benign, suspicious,
            highly suspicious); for an ECG strip the rhythm, in words.
        tds: dermoscopy: the Total Dermoscopy Score.
        diameter_mm: dermoscopy: the lesion's largest diameter in mm.
        heart_rate: ECG: the ventricular rate in beats/min.
        pr_ms: ECG: the PR interval in ms (when P waves are present).
        qtc_ms: ECG: the QTc in ms by Bazett's formula (when P waves are present).
    """
    return "Reading submitted."


COMMON_TOOLS: list[Tool] = [view_image_metadata]
ALL_TOOLS: list[Tool] = [*COMMON_TOOLS, *LESION_TOOLS, *ECG_TOOLS, calc_qtc, submit_reading]
TOOLS_BY_KIND: dict[str, list[str]] = {
    "lesion": [t.name for t in (*COMMON_TOOLS, *LESION_TOOLS, submit_reading)],
    "ecg": [t.name for t in (*COMMON_TOOLS, *ECG_TOOLS, calc_qtc, submit_reading)],
}
