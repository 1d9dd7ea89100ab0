"""Medication calculator tools: opioid morphine milligram equivalents and corticosteroid
dose conversion."""

from __future__ import annotations

from typing import Any

from ...clinical.calculators import medications
from ..errors import ToolError
from ..registry import tool
from ._common import run


@tool(kind="compute")
def calc_opioid_mme(
    state: Any, drugs: list[str], doses: list[float], doses_per_day: list[float]
) -> str:
    """Total daily morphine milligram equivalents (CDC 2022 factors) of an opioid regimen.

    Args:
        drugs: opioid names (e.g. oxycodone, fentanyl patch), one per regimen line.
        doses: dose per administration in the drug's unit (mg; mcg for buccal fentanyl;
            mcg/h for the fentanyl patch), aligned with drugs.
        doses_per_day: administrations per day, aligned with drugs.
    """
    if not (len(drugs) == len(doses) == len(doses_per_day)) or not drugs:
        raise ToolError("drugs, doses and doses_per_day must be non-empty lists of equal length")
    lines = list(zip(drugs, doses, doses_per_day, strict=True))
    return run(medications.morphine_milligram_equivalents, {}, doses=lines)


@tool(kind="compute")
def calc_steroid_conversion(state: Any, dose_mg: float, from_steroid: str, to_steroid: str) -> str:
    """Equivalent dose of another corticosteroid (glucocorticoid potency equivalence).

    Args:
        dose_mg: dose of the current steroid in mg.
        from_steroid: current steroid (e.g. prednisone, dexamethasone IV).
        to_steroid: steroid to convert to.
    """
    return run(
        medications.steroid_conversion,
        {},
        dose=dose_mg,
        from_steroid=from_steroid,
        to_steroid=to_steroid,
    )
