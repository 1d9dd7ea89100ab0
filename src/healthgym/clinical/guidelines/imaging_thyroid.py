"""ACR TI-RADS points, level and FNA / follow-up recommendation (pure functions).

Source: Tessler FN, Middleton WD, Grant EG, Hoang JK, Berland LL, Teefey SA, et al.
"ACR Thyroid Imaging, Reporting and Data System (TI-RADS): White Paper of the ACR TI-RADS
Committee". J Am Coll Radiol 2017;14(5):587-595, Figure 1 (the TI-RADS chart).

Points per category (one choice each, echogenic foci: all that apply, summed):

* composition: cystic or almost completely cystic 0, spongiform 0, mixed cystic and
  solid 1, solid or almost completely solid 2;
* echogenicity: anechoic 0, hyperechoic or isoechoic 1, hypoechoic 2, very hypoechoic 3;
* shape (transverse image): wider-than-tall 0, taller-than-wide 3;
* margin: smooth 0, ill-defined 0, lobulated or irregular 2, extra-thyroidal extension 3;
* echogenic foci: none or large comet-tail artifacts 0, macrocalcifications 1,
  peripheral (rim) calcifications 2, punctate echogenic foci 3.

A spongiform nodule scores 0: "do not add further points for other categories".
Levels: 0 points TR1 (benign), 2 points TR2 (not suspicious), 3 points TR3 (mildly
suspicious), 4-6 points TR4 (moderately suspicious), >= 7 points TR5 (highly
suspicious).  The chart gives no level to exactly 1 point; it is placed in TR1 here
(TR1 and TR2 carry the same management, so no recommendation depends on it).

Management by maximum diameter: TR3 FNA if >= 2.5 cm, follow-up if >= 1.5 cm; TR4 FNA if
>= 1.5 cm, follow-up if >= 1.0 cm; TR5 FNA if >= 1.0 cm, follow-up if >= 0.5 cm; TR1 and
TR2 no FNA.  Suggested follow-up ultrasound: TR3 at 1, 3 and 5 years; TR4 at 1, 2, 3 and
5 years; TR5 every year for up to 5 years.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Composition = Literal["cystic", "spongiform", "mixed_cystic_solid", "solid"]
Echogenicity = Literal["anechoic", "hyperechoic", "isoechoic", "hypoechoic", "very_hypoechoic"]
Shape = Literal["wider_than_tall", "taller_than_wide"]
Margin = Literal["smooth", "ill_defined", "lobulated_or_irregular", "extrathyroidal_extension"]
EchogenicFocus = Literal[
    "none",
    "large_comet_tail_artifacts",
    "macrocalcifications",
    "peripheral_calcifications",
    "punctate_echogenic_foci",
]

COMPOSITION_POINTS = {"cystic": 0, "spongiform": 0, "mixed_cystic_solid": 1, "solid": 2}
ECHOGENICITY_POINTS = {
    "anechoic": 0,
    "hyperechoic": 1,
    "isoechoic": 1,
    "hypoechoic": 2,
    "very_hypoechoic": 3,
}
SHAPE_POINTS = {"wider_than_tall": 0, "taller_than_wide": 3}
MARGIN_POINTS = {
    "smooth": 0,
    "ill_defined": 0,
    "lobulated_or_irregular": 2,
    "extrathyroidal_extension": 3,
}
FOCI_POINTS = {
    "none": 0,
    "large_comet_tail_artifacts": 0,
    "macrocalcifications": 1,
    "peripheral_calcifications": 2,
    "punctate_echogenic_foci": 3,
}
# level -> (FNA threshold cm, follow-up threshold cm); None = never
THRESHOLDS_CM: dict[str, tuple[float, float] | None] = {
    "TR1": None,
    "TR2": None,
    "TR3": (2.5, 1.5),
    "TR4": (1.5, 1.0),
    "TR5": (1.0, 0.5),
}
LEVEL_NAMES = {
    "TR1": "benign",
    "TR2": "not suspicious",
    "TR3": "mildly suspicious",
    "TR4": "moderately suspicious",
    "TR5": "highly suspicious",
}
FOLLOW_UP_SCHEDULE = {
    "TR3": "ultrasound at 1, 3 and 5 years",
    "TR4": "ultrasound at 1, 2, 3 and 5 years",
    "TR5": "ultrasound every year for up to 5 years",
}


def _check(name: str, value: str, table: dict[str, int]) -> int:
    if value not in table:
        raise ValueError(f"{name} {value!r} is not one of: {', '.join(table)}")
    return table[value]


def tirads_points(
    composition: str,
    echogenicity: str,
    shape: str,
    margin: str,
    echogenic_foci: Iterable[str],
) -> dict[str, int]:
    """Points of each category (and ``total``) from the five feature categories."""
    foci = sorted(set(echogenic_foci)) or ["none"]
    for f in foci:
        _check("echogenic focus", f, FOCI_POINTS)
    if "none" in foci and len(foci) > 1:
        raise ValueError("echogenic foci 'none' cannot be combined with other foci")
    points = {
        "composition": _check("composition", composition, COMPOSITION_POINTS),
        "echogenicity": _check("echogenicity", echogenicity, ECHOGENICITY_POINTS),
        "shape": _check("shape", shape, SHAPE_POINTS),
        "margin": _check("margin", margin, MARGIN_POINTS),
        "echogenic_foci": sum(FOCI_POINTS[f] for f in foci),
    }
    if composition == "spongiform":  # "do not add further points for other categories"
        points = dict.fromkeys(points, 0)
    points["total"] = sum(points.values())
    return points


def tirads_level(total_points: int) -> str:
    """TR level of a point total (Figure 1 chart)."""
    if total_points < 0:
        raise ValueError("points cannot be negative")
    if total_points <= 1:
        return "TR1"
    if total_points == 2:
        return "TR2"
    if total_points == 3:
        return "TR3"
    return "TR4" if total_points <= 6 else "TR5"


def tirads_action(level: str, max_diameter_mm: float) -> str:
    """``fine_needle_aspiration``, ``ultrasound_follow_up`` or ``no_fna_or_follow_up``."""
    if level not in THRESHOLDS_CM:
        raise ValueError(f"unknown TI-RADS level {level!r}")
    if max_diameter_mm <= 0:
        raise ValueError("the maximum diameter must be positive")
    limits = THRESHOLDS_CM[level]
    if limits is None:
        return "no_fna_or_follow_up"
    fna_cm, follow_cm = limits
    cm = max_diameter_mm / 10.0
    if cm >= fna_cm - 1e-9:
        return "fine_needle_aspiration"
    if cm >= follow_cm - 1e-9:
        return "ultrasound_follow_up"
    return "no_fna_or_follow_up"


@dataclass(frozen=True)
class TiradsResult:
    points: dict[str, int]
    level: str
    action: str
    max_diameter_mm: float

    @property
    def total(self) -> int:
        return self.points["total"]


def tirads_assessment(
    composition: str,
    echogenicity: str,
    shape: str,
    margin: str,
    echogenic_foci: Iterable[str],
    max_diameter_mm: float,
) -> TiradsResult:
    """Points, level and recommended action of one thyroid nodule."""
    points = tirads_points(composition, echogenicity, shape, margin, echogenic_foci)
    level = tirads_level(points["total"])
    return TiradsResult(points, level, tirads_action(level, max_diameter_mm), max_diameter_mm)
