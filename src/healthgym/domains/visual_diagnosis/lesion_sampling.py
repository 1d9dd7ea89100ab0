"""Drawing lesion parameters for a target TDS band, rejecting ambiguous designs.

:func:`sample_lesion` draws the ABCD design (A 0-2, B 0-8, C 1-6 colours, the
structures) until its TDS falls in the requested band, then a contour that realises
A, renders it and keeps it only when the ground truth is unambiguous:

* contour asymmetry on the ideal (noise-free) mask: designed-symmetric axes mismatch
  <= 2 %, designed-asymmetric axes >= 8 % (the measuring threshold is 4.5 %);
* the colours present are exactly the design's: its zone colours, the spot colour of
  its dots and globules, and the colour of its streaks (darker than the rim) - Stolz
  counts every colour present, so the structures' dark brown or black counts too - and
  each has >= 3 x ``COLOUR_MIN_PX`` painted pixels in the analysed area (threshold 4 px);
* the network-free share of the lesion is >= 20 % or < 4 % (threshold 10 %), and the
  network covers >= 20 % or < 3 % of it (threshold 10 %);
* every requested dot, globule and streak was placed.

What is left (noise) is checked by the task generator against the measuring tools.
"""

from __future__ import annotations

import numpy as np

from ...clinical.guidelines.dermoscopy import COLOURS, tds_band, total_dermoscopy_score
from .images import (
    COLOUR_MIN_PX,
    SIZE,
    SKIN_RGB,
    LesionImage,
    LesionParams,
    darker_colour,
    radius,
    render_lesion,
)
from .measure_lesion import asymmetry

MAX_TRIES = 500
SYMMETRIC_MAX = 0.02  # mirror mismatch of a designed-symmetric axis (ideal mask)
ASYMMETRIC_MIN = 0.08  # ... of a designed-asymmetric axis; the tool's cut is 4.5 %


def _ideal_mask(p: LesionParams) -> np.ndarray:
    ys, xs = np.mgrid[0:SIZE, 0:SIZE].astype(np.float64)
    theta = np.arctan2(ys - p.cy, xs - p.cx)
    return np.hypot(xs - p.cx, ys - p.cy) <= radius(p, theta)


def shape_is_clear(p: LesionParams) -> bool:
    """The designed asymmetry is unmistakable on the ideal mask and the lesion fits."""
    th = np.linspace(0, 2 * np.pi, 720, endpoint=False)
    r = radius(p, th)
    if r.max() > 92 or r.min() < 42:
        return False
    a = asymmetry(_ideal_mask(p))
    low, high = sorted((a.mismatch_major, a.mismatch_minor))
    if p.asymmetry == 0:
        return high <= SYMMETRIC_MAX
    if p.asymmetry == 1:
        return low <= SYMMETRIC_MAX and high >= ASYMMETRIC_MIN
    return low >= ASYMMETRIC_MIN


_UNIT: dict = {
    "seed": 0,
    "cx": 0.0,
    "cy": 0.0,
    "r0": 1.0,
    "asymmetry": 0,
    "abrupt": (False,) * 8,
    "gradual_width": 5.0,
    "colours": ("light_brown",),
    "sectors": ("light_brown",),
    "sector_rotation": 0.0,
    "network": "none",
    "network_angle": 0.0,
    "network_period": 9.0,
    "network_rotation": 0.0,
    "n_dots": 0,
    "n_globules": 0,
    "n_streaks": 0,
    "streak_angle": 0.0,
    "diameter_mm": 5.0,
    "skin": SKIN_RGB,
    "aspect": 1.0,
    "rotation": 0.0,
    "a1": 0.0,
    "a3": 0.0,
    "b3": 0.0,
    "c4": 0.0,
}


def _design(rng: np.random.Generator) -> dict:
    a = int(rng.integers(0, 3))
    b = int(rng.integers(0, 9))
    n_zones = int(rng.integers(1, 7))
    network = str(rng.choice(["none", "full", "partial"]))
    # a pigment network is a brown lattice over a light-brown background (and rim)
    rim = "light_brown" if network != "none" else str(rng.choice(["light_brown", "dark_brown"]))
    others = [x for x in COLOURS if x != rim]
    picked = [str(x) for x in rng.choice(others, size=n_zones - 1, replace=False)]
    colours = (rim, *picked)
    extra = int(rng.integers(0, 3)) if len(colours) > 1 else 0  # interior sectors in the rim colour
    interior = set(colours[1:]) | ({rim} if extra or len(colours) == 1 else set())
    counts = {
        "n_dots": int(rng.integers(5, 11)) if rng.random() < 0.5 else 0,
        "n_globules": int(rng.integers(3, 6)) if rng.random() < 0.5 else 0,
        "n_streaks": int(rng.integers(3, 7)) if rng.random() < 0.5 else 0,
    }
    # dots and globules share one colour, darker than the zones they are placed on
    spot_options = sorted({c for z in interior if (c := darker_colour(z)) is not None})
    spot = ""
    if counts["n_dots"] or counts["n_globules"]:
        if not spot_options:
            return {}
        spot = str(rng.choice(spot_options))
    present = set(colours) | ({spot} if spot else set())
    if counts["n_streaks"]:
        present.add(str(darker_colour(rim)))
    structureless = network != "full" or len(colours) > 1
    d = (network != "none") + structureless + sum(1 for v in counts.values() if v > 0)
    if d == 0:
        return {}
    c = len(present)  # Stolz: every colour present counts, the structures' colours too
    tds = total_dermoscopy_score(a, b, c, d)
    return {"a": a, "b": b, "colours": colours, "extra": extra, "spot_colour": spot,
            "present": tuple(x for x in COLOURS if x in present), "network": network,
            "tds": tds, **counts}  # fmt: skip


def _params(rng: np.random.Generator, design: dict, seed: int) -> LesionParams:
    a = design["a"]
    a1 = a3 = b3 = 0.0
    if a >= 1:  # cos 3t keeps the mirror symmetry about the long axis only
        a1 = float(rng.uniform(-0.08, 0.08))
        a3 = float(rng.choice([-1, 1]) * rng.uniform(0.10, 0.14))
    if a == 2:  # sin 3t breaks the long axis's symmetry too
        b3 = float(rng.choice([-1, 1]) * rng.uniform(0.10, 0.14))
    abrupt = [False] * 8
    for i in rng.choice(8, size=design["b"], replace=False):
        abrupt[int(i)] = True
    colours = design["colours"]
    rim = colours[0]
    extra = design["extra"]
    sectors = [*colours[1:], *([rim] * extra)] or [rim]
    order = rng.permutation(len(sectors))
    skin = tuple(int(v + rng.integers(-6, 7)) for v in SKIN_RGB)
    shape = {
        "aspect": float(rng.uniform(1.15, 1.35)),
        "rotation": float(rng.uniform(0, np.pi)),
        "a1": a1,
        "a3": a3,
        "b3": b3,
        "c4": float(rng.uniform(-0.04, 0.04)),
    }
    unit = LesionParams(**{**_UNIT, **shape})  # r0 = 1: scale so the lesion fits
    th = np.linspace(0, 2 * np.pi, 720, endpoint=False)
    r0 = float(rng.uniform(76.0, 90.0)) / float(radius(unit, th).max())
    return LesionParams(
        seed=seed,
        cx=float(SIZE / 2 + rng.uniform(-6, 6)),
        cy=float(SIZE / 2 + rng.uniform(-6, 6)),
        r0=r0,
        **shape,
        asymmetry=a,
        abrupt=tuple(abrupt),
        gradual_width=float(rng.uniform(4.0, 6.0)),
        colours=tuple(colours),
        sectors=tuple(sectors[i] for i in order),
        sector_rotation=float(rng.uniform(0, 2 * np.pi)),
        network=design["network"],
        network_angle=float(rng.uniform(0, 2 * np.pi)),
        network_period=float(rng.uniform(8.0, 11.0)),
        network_rotation=float(rng.uniform(0, np.pi / 2)),
        n_dots=design["n_dots"],
        n_globules=design["n_globules"],
        n_streaks=design["n_streaks"],
        streak_angle=float(rng.uniform(0, 2 * np.pi)),
        diameter_mm=round(float(rng.uniform(3.0, 12.0)), 1),
        skin=(skin[0], skin[1], skin[2]),
        spot_colour=design["spot_colour"],
    )


def truth_is_clear(p: LesionParams, lesion: LesionImage, present: tuple[str, ...]) -> bool:
    """The rendered ground truth is the design's and sits away from every measuring
    threshold."""
    if tuple(lesion.truth["colours"]) != present:
        return False
    pixels = lesion.colour_pixels or {}
    if any(0 < pixels[c] < 3 * COLOUR_MIN_PX for c in COLOURS):
        return False
    if 0.04 <= lesion.structureless_fraction < 0.20:
        return False
    if 0.03 <= lesion.network_fraction < 0.20:
        return False
    wanted = {"dots": p.n_dots, "globules": p.n_globules, "streaks": p.n_streaks}
    return lesion.truth["structure_counts"] == wanted


def sample_lesion(
    rng: np.random.Generator, band: str | None = None
) -> tuple[LesionParams, LesionImage]:
    """A lesion whose TDS lies in ``band`` (any band when ``None``), with clear truth."""
    for _ in range(MAX_TRIES):
        design = _design(rng)
        if not design or (band is not None and tds_band(design["tds"]) != band):
            continue
        params = _params(rng, design, seed=int(rng.integers(0, 2**31 - 1)))
        if not shape_is_clear(params):
            continue
        lesion = render_lesion(params)
        if truth_is_clear(params, lesion, design["present"]) and lesion.truth["band"] == tds_band(
            design["tds"]
        ):
            return params, lesion
    raise RuntimeError(f"no clear lesion found for band {band!r} in {MAX_TRIES} tries")
