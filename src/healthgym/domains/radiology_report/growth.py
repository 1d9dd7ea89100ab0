"""Interval growth of a nodule and its volume doubling time (pure functions).

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

from .fleischner import sphere_volume_mm3


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
