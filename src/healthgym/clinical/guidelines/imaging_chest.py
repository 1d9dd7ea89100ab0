"""Pulmonary nodules: Fleischner Society 2017 management, interval growth and volume
doubling time (pure functions).

Source: MacMahon H, Naidich DP, Goo JM, Lee KS, Leung ANC, Mayo JR, et al.
"Guidelines for Management of Incidental Pulmonary Nodules Detected on CT Images: From
the Fleischner Society 2017". Radiology 2017;284(1):228-243, Table 1.

* Scope: incidental nodules in adults >= 35 years; not for lung cancer screening,
  immunocompromised patients or patients with a known primary cancer.
* Size: the average of the long- and short-axis diameters, rounded to the nearest
  millimetre (Table 1 note; Bankier AA, MacMahon H, Goo JM, et al. "Recommendations for
  Measuring Pulmonary Nodules at CT: A Statement from the Fleischner Society". Radiology
  2017;285(2):584-600).  Solid nodules fall in <6 mm (<100 mm3), 6-8 mm (100-250 mm3)
  or >8 mm (>250 mm3); subsolid nodules in <6 mm or >=6 mm.
* Risk: low = minimal or absent smoking history and no other known risk factors;
  high = smoking history or other known risk factors (asbestos, radon or uranium
  exposure, lung cancer in a first-degree relative).  Subsolid recommendations are not
  risk-stratified.
* Table 1, solid single: <6 mm low risk no routine follow-up, high risk optional CT at
  12 months; 6-8 mm low risk CT at 6-12 months then consider CT at 18-24 months, high
  risk CT at 6-12 months then CT at 18-24 months; >8 mm consider CT at 3 months, PET/CT
  or tissue sampling.  Solid multiple: <6 mm as single; >=6 mm (the 6-8 and >8 mm
  columns share one cell) low risk CT at 3-6 months then consider CT at 18-24 months,
  high risk CT at 3-6 months then CT at 18-24 months.
* Subsolid: single ground glass <6 mm no routine follow-up, >=6 mm CT at 6-12 months
  then CT every 2 years until 5 years; single part-solid <6 mm no routine follow-up,
  >=6 mm CT at 3-6 months, then annual CT for 5 years if unchanged with a solid
  component <6 mm (a persistent solid component >=6 mm is highly suspicious); multiple
  subsolid <6 mm CT at 3-6 months then consider CT at 2 and 4 years, >=6 mm CT at 3-6
  months then management by the most suspicious nodule.
* Comparison with a prior CT (solid nodules) - this project's rule for follow-up
  studies, built from the two sources: an increase of >= 2 mm in mean diameter is
  regarded as real growth (Bankier 2017), and a growing solid nodule is treated as
  suspicious and directed to PET/CT or tissue sampling (the work-up Table 1 gives for
  the most suspicious solid nodules); a solid nodule unchanged for >= 2 years needs no
  further routine follow-up (Table 1's schedules end with the 18-24-month CT).

Volume doubling time (Schwartz M. "A biomathematical approach to clinical tumor
growth". Cancer 1961;14:1272-1294; used for pulmonary nodules by the Fleischner
Society: Bankier AA et al., Radiology 2017;285:584-600):

    VDT = t * ln 2 / ln(V2 / V1)

with t the interval in days and V1, V2 the volumes at the prior and current study,
each taken as a sphere of the mean diameter d, V = pi * d^3 / 6 (so that
VDT = t * ln 2 / (3 * ln(d2 / d1))).  VDT is undefined when the nodule did not grow.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Literal

NoduleType = Literal["solid", "part_solid", "ground_glass"]
Multiplicity = Literal["single", "multiple"]
Risk = Literal["low", "high"]
GROWTH_THRESHOLD_MM = 2.0
STABLE_DAYS = 730  # two years


def round_mm(value: float) -> int:
    """Round half up to the nearest millimetre (7.5 -> 8)."""
    return math.floor(value + 0.5)


def mean_diameter(long_axis_mm: float, short_axis_mm: float) -> float:
    """Average of the long- and short-axis diameters (Bankier 2017)."""
    if long_axis_mm <= 0 or short_axis_mm <= 0:
        raise ValueError("axis diameters must be positive")
    if short_axis_mm > long_axis_mm:
        raise ValueError("the short axis cannot exceed the long axis")
    return (long_axis_mm + short_axis_mm) / 2.0


def sphere_volume_mm3(diameter_mm: float) -> float:
    """Volume of a sphere of this diameter, pi * d^3 / 6."""
    return math.pi * diameter_mm**3 / 6.0


def size_band(nodule_type: str, size_mm: int) -> str:
    """The Table 1 size column of a nodule of rounded mean diameter ``size_mm``."""
    if size_mm < 6:
        return "<6 mm"
    if nodule_type != "solid":
        return ">=6 mm"
    return "6-8 mm" if size_mm <= 8 else ">8 mm"


@dataclass(frozen=True)
class FleischnerResult:
    size_mm: int
    band: str
    code: str
    basis: str


def _table(nodule_type: str, multiplicity: str, band: str, risk: str, solid_mm: float) -> str:
    if nodule_type == "solid":
        if band == "<6 mm":
            return "no_routine_follow_up" if risk == "low" else "optional_ct_at_12_months"
        if multiplicity == "multiple":
            return (
                "ct_3_6_months_then_consider_ct_18_24_months"
                if risk == "low"
                else "ct_3_6_months_then_ct_18_24_months"
            )
        if band == "6-8 mm":
            return (
                "ct_6_12_months_then_consider_ct_18_24_months"
                if risk == "low"
                else "ct_6_12_months_then_ct_18_24_months"
            )
        return "consider_ct_3_months_pet_ct_or_tissue_sampling"
    if multiplicity == "multiple":
        return (
            "ct_3_6_months_then_consider_ct_at_2_and_4_years"
            if band == "<6 mm"
            else "ct_3_6_months_then_manage_most_suspicious_nodule"
        )
    if band == "<6 mm":
        return "no_routine_follow_up"
    if nodule_type == "ground_glass":
        return "ct_6_12_months_then_every_2_years_until_5_years"
    if solid_mm >= 6:
        return "ct_3_6_months_persistent_highly_suspicious"
    return "ct_3_6_months_then_annual_ct_for_5_years"


def fleischner_recommendation(
    nodule_type: str,
    multiplicity: str,
    mean_diameter_mm: float,
    risk: str,
    solid_component_mm: float | None = None,
    growth_mm: float | None = None,
    interval_days: int | None = None,
) -> FleischnerResult:
    """Fleischner 2017 recommendation for the (most suspicious) nodule described.

    ``mean_diameter_mm`` is rounded half up to whole millimetres before banding.  For a
    part-solid nodule ``solid_component_mm`` is required.  ``growth_mm`` and
    ``interval_days`` (both or neither) describe the change since a prior CT and are
    accepted for solid nodules only.
    """
    if nodule_type not in ("solid", "part_solid", "ground_glass"):
        raise ValueError(f"unknown nodule type {nodule_type!r}")
    if multiplicity not in ("single", "multiple"):
        raise ValueError(f"multiplicity must be 'single' or 'multiple', not {multiplicity!r}")
    if risk not in ("low", "high"):
        raise ValueError(f"risk must be 'low' or 'high', not {risk!r}")
    if mean_diameter_mm <= 0:
        raise ValueError("the mean diameter must be positive")
    if mean_diameter_mm >= 30:
        raise ValueError("a lesion of 30 mm or more is a mass, not a nodule (outside Table 1)")
    size = round_mm(mean_diameter_mm)
    band = size_band(nodule_type, size)
    solid_mm = 0.0
    if nodule_type == "part_solid":
        if solid_component_mm is None:
            raise ValueError("a part-solid nodule needs solid_component_mm")
        if not 0 < solid_component_mm <= mean_diameter_mm:
            raise ValueError("the solid component must be positive and within the nodule")
        solid_mm = solid_component_mm
    if (growth_mm is None) != (interval_days is None):
        raise ValueError("give both growth_mm and interval_days, or neither")
    if growth_mm is not None and interval_days is not None:
        if nodule_type != "solid":
            raise ValueError("prior-comparison rules are implemented for solid nodules only")
        if interval_days <= 0:
            raise ValueError("interval_days must be positive")
        if growth_mm >= GROWTH_THRESHOLD_MM:
            return FleischnerResult(
                size, band, "pet_ct_or_tissue_sampling", "growth >= 2 mm since the prior CT"
            )
        if interval_days >= STABLE_DAYS:
            return FleischnerResult(
                size, band, "no_routine_follow_up", "solid nodule stable for >= 2 years"
            )
    code = _table(nodule_type, multiplicity, band, risk, solid_mm)
    who = "" if nodule_type != "solid" else f", {risk}-risk patient"
    basis = f"{multiplicity} {nodule_type.replace('_', '-')} nodule {band}{who} (Table 1)"
    return FleischnerResult(size, band, code, basis)


# ----------------------------------------------------- interval growth (Schwartz 1961)
def parse_iso_date(name: str, value: str) -> dt.date:
    """A ``YYYY-MM-DD`` date, or a ``ValueError`` naming the argument."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{name} must be a date as YYYY-MM-DD, got {value[:40]!r}") from None


@dataclass(frozen=True)
class Growth:
    interval_days: int
    growth_mm: float
    prior_volume_mm3: float
    current_volume_mm3: float
    vdt_days: float | None  # None when the nodule did not grow


def volume_doubling_time(d1_mm: float, d2_mm: float, interval_days: float) -> float | None:
    """VDT in days from two mean diameters ``interval_days`` apart (None if no growth)."""
    if d1_mm <= 0 or d2_mm <= 0:
        raise ValueError("diameters must be positive")
    if interval_days <= 0:
        raise ValueError("the interval must be positive")
    v1, v2 = sphere_volume_mm3(d1_mm), sphere_volume_mm3(d2_mm)
    if v2 <= v1:
        return None
    return interval_days * math.log(2) / math.log(v2 / v1)


def nodule_growth(
    prior_diameter_mm: float, current_diameter_mm: float, prior_date: str, current_date: str
) -> Growth:
    """Growth in mean diameter, spherical volumes and VDT between two dated studies."""
    d0 = parse_iso_date("prior_date", prior_date)
    d1 = parse_iso_date("current_date", current_date)
    days = (d1 - d0).days
    if days <= 0:
        raise ValueError("the prior study must be dated before the current study")
    vdt = volume_doubling_time(prior_diameter_mm, current_diameter_mm, days)
    return Growth(
        interval_days=days,
        growth_mm=round(current_diameter_mm - prior_diameter_mm, 2),
        prior_volume_mm3=sphere_volume_mm3(prior_diameter_mm),
        current_volume_mm3=sphere_volume_mm3(current_diameter_mm),
        vdt_days=vdt,
    )
