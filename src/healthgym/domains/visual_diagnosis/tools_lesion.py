"""Dermoscopy tools: each measures one ABCD feature from the image's pixels (observe).

The tools report measurements and the component scores they imply (A, B, C, D and the
diameter); none names the TDS band.  :func:`calculate_tds` (compute) combines the
components the agent passes in, like any calculator, without reading the image, and
prints the score only: placing it in a band (the graded finding) is the agent's step.
"""

from __future__ import annotations

from typing import Annotated

from ...clinical.guidelines.dermoscopy import COLOURS, total_dermoscopy_score
from ...tools import Range, ToolError, tool
from . import analysis as an
from .images import COLOUR_MIN_PX
from .measure_lesion import ABRUPT_WIDTH_PX, ASYMMETRY_THRESHOLD, colours_present
from .measure_structures import MIN_COUNTS, NETWORK_MIN_FRACTION, PERIODIC_MIN
from .records import VisualState


def _lesion(state: VisualState) -> None:
    """Check the modality and that a lesion can be segmented (every tool needs it)."""
    if state.kind != "lesion" or state.image is None:
        raise ToolError("this study is an ECG rhythm strip, not a dermoscopy image")
    try:
        an.segmentation(state)
    except ValueError as e:
        raise ToolError(f"segmentation failed: {e}") from None


def _label(name: str) -> str:
    return name.replace("_", " ")


@tool(kind="observe")
def segment_lesion(state: VisualState) -> str:
    """Segment the lesion from the surrounding skin and report its area and extent."""
    _lesion(state)
    seg = an.segmentation(state)
    s = state.scale_mm_per_px
    area = seg.area_px * s * s
    ys, xs = seg.mask.nonzero()
    h_mm = (ys.max() - ys.min() + 1) * s
    w_mm = (xs.max() - xs.min() + 1) * s
    state.measured["area_mm2"] = round(area, 2)
    return (
        f"Colour distance from the skin (median skin RGB {seg.skin_rgb[0]:.0f}, "
        f"{seg.skin_rgb[1]:.0f}, {seg.skin_rgb[2]:.0f}): Otsu threshold {seg.otsu_threshold:.1f}, "
        f"{seg.components} region(s) above it, the largest kept and its holes filled; edge "
        f"refined at half the rim contrast (threshold {seg.threshold:.1f}). Lesion area "
        f"{area:.2f} mm2 ({seg.area_px} px); centroid ({seg.centroid[0]:.1f}, "
        f"{seg.centroid[1]:.1f}) px; bounding box {w_mm:.2f} x {h_mm:.2f} mm."
    )


@tool(kind="observe")
def measure_asymmetry(state: VisualState) -> str:
    """Measure contour asymmetry about the lesion's two principal axes."""
    _lesion(state)
    a = an.asymmetry(state)
    state.measured["asymmetry"] = a.score
    return (
        f"Principal (long) axis at {a.major_axis_deg:.1f} deg from the image x-axis. Mirror "
        f"mismatch about the long axis {100 * a.mismatch_major:.1f} %, about the short axis "
        f"{100 * a.mismatch_minor:.1f} % (an axis is asymmetric above "
        f"{100 * ASYMMETRY_THRESHOLD:.1f} %). Asymmetric about {a.score} of 2 axes "
        f"(asymmetry score A = {a.score})."
    )


@tool(kind="observe")
def assess_border(state: VisualState) -> str:
    """Measure how abruptly the pigment ends in each of the 8 border segments."""
    _lesion(state)
    b = an.border(state)
    s = state.scale_mm_per_px
    parts = [
        f"{k + 1}: {w:.1f} px ({w * s:.2f} mm) {'abrupt' if ab else 'gradual'}"
        for k, (w, ab) in enumerate(zip(b.widths_px, b.abrupt, strict=True))
    ]
    state.measured["border"] = b.score
    return (
        "Edge width (distance from 75 % to 25 % of the pigment-to-skin contrast) per 45-degree "
        "segment, clockwise from 3 o'clock: " + "; ".join(parts) + f". Abrupt cut-off (width "
        f"< {ABRUPT_WIDTH_PX:g} px) in {b.score} of 8 segments (border score B = {b.score})."
    )


@tool(kind="observe")
def count_colours(state: VisualState) -> str:
    """Classify the lesion's pixels into the six dermoscopic colours and count the colours
    present (Stolz: every colour present scores, however small its area)."""
    _lesion(state)
    fr = an.colour_fractions(state)
    px = an.colour_pixels(state)
    present = colours_present(px)
    state.measured["colours"] = len(present)
    state.measured["colour_names"] = present
    areas = ", ".join(f"{_label(c)} {100 * fr[c]:.1f} %" for c in COLOURS)
    counts = ", ".join(f"{_label(c)} {px[c]}" for c in COLOURS)
    names = ", ".join(_label(c) for c in present) or "none"
    return (
        f"Lesion core (14 px inside the edge) by nearest reference colour: {areas}. Pixels "
        f"per colour in the core plus the dots, globules and streaks: {counts}. Colours "
        f"present (>= {COLOUR_MIN_PX} px): {names} (colour score C = {len(present)})."
    )


@tool(kind="observe")
def detect_structures(state: VisualState) -> str:
    """Detect the differential structures: pigment network, structureless areas, dots,
    globules and streaks."""
    _lesion(state)
    st = an.structures(state)
    network = "present" if "pigment_network" in st.present else "absent"
    parts = [
        f"Pigment network: textured area {100 * st.network_fraction:.1f} % of the analysable "
        f"lesion (needs >= {100 * NETWORK_MIN_FRACTION:.0f} %), lattice periodicity "
        f"{st.periodicity:.2f} at {st.period_px:.1f} px (needs >= {PERIODIC_MIN}) -> {network}",
        f"Structureless areas: {100 * st.structureless_fraction:.1f} % without texture -> "
        + ("present" if "structureless_areas" in st.present else "absent"),
    ]
    for kind in ("dots", "globules", "streaks"):
        n = st.counts[kind]
        verdict = "present" if kind in st.present else "absent"
        parts.append(f"{kind.capitalize()}: {n} (needs >= {MIN_COUNTS[kind]}) -> {verdict}")
    state.measured["structures"] = len(st.present)
    state.measured["structure_names"] = list(st.present)
    names = ", ".join(_label(s) for s in st.present) or "none"
    return (
        ". ".join(parts)
        + f". Differential structures present: {names} (structure score D = {len(st.present)})."
    )


@tool(kind="observe")
def measure_diameter(state: VisualState) -> str:
    """Measure the lesion's largest diameter (maximum Feret diameter) in millimetres."""
    _lesion(state)
    px, angle = an.feret(state)
    mm = round(px * state.scale_mm_per_px, 1)
    state.measured["diameter_mm"] = mm
    return (
        f"Largest Feret diameter {mm:.1f} mm ({px:.1f} px at {state.scale_mm_per_px:.4f} "
        f"mm/px), along {angle:.1f} deg from the image x-axis."
    )


@tool(kind="compute")
def calculate_tds(
    state: VisualState,
    asymmetry: Annotated[int, Range(0, 2)],
    border: Annotated[int, Range(0, 8)],
    colours: Annotated[int, Range(1, 6)],
    structures: Annotated[int, Range(1, 5)],
) -> str:
    """Total Dermoscopy Score of the ABCD rule from the four component scores you pass:
    TDS = 1.3 A + 0.1 B + 0.5 C + 0.5 D (Stolz W et al. Eur J Dermatol 1994;4:521-527).
    The published bands (Stolz 1994; Nachbar F et al. J Am Acad Dermatol 1994;30:551-559):
    TDS < 4.75 benign, 4.75-5.45 suspicious, > 5.45 highly suspicious for melanoma.

    Args:
        asymmetry: A, the number of asymmetric axes (0-2).
        border: B, the number of border segments with an abrupt cut-off (0-8).
        colours: C, the number of colours present (1-6).
        structures: D, the number of differential structures present (1-5).
    """
    try:
        tds = total_dermoscopy_score(asymmetry, border, colours, structures)
    except ValueError as e:
        raise ToolError(str(e)) from None
    return (
        f"TDS = 1.3 x {asymmetry} + 0.1 x {border} + 0.5 x {colours} + 0.5 x {structures} = "
        f"{tds:.2f}."
    )


LESION_TOOLS = [
    segment_lesion,
    measure_asymmetry,
    assess_border,
    count_colours,
    detect_structures,
    measure_diameter,
    calculate_tds,
]
