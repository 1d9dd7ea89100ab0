"""Calculator tools any domain may add: one tool per calculator family.

Each tool takes the inputs explicitly (the agent reads them from the record or the
question), converts units, calls the cited calculator in :mod:`healthgym.clinical` and
returns the value, its interpretation and the step-by-step working.  Missing or invalid
inputs come back as a tool error naming the problem.  The tools do not read the
episode state: they are ``compute`` tools over the values the agent passes as
arguments (see :mod:`healthgym.tools.registry`), so they need no elicitation gate.

By responsibility: renal function and body size (:mod:`.body`), acid-base and
electrolytes (:mod:`.acid_base`), QTc and mean arterial pressure (:mod:`.cardiac`),
pregnancy dates (:mod:`.pregnancy`), opioid MME and steroid conversion
(:mod:`.medications`), lipids, cardiovascular risk and liver fibrosis
(:mod:`.cardiometabolic`).  :data:`CALCULATOR_TOOLS` lists them in the order a
toolkit shows them.
"""

from __future__ import annotations

from ..registry import Tool
from .acid_base import calc_acid_base, calc_electrolytes
from .body import calc_body_size, calc_renal_function
from .cardiac import calc_mean_arterial_pressure, calc_qtc
from .cardiometabolic import calc_cardiovascular_risk, calc_lipids_metabolic, calc_liver_fibrosis
from .medications import calc_opioid_mme, calc_steroid_conversion
from .pregnancy import calc_pregnancy_dates

CALCULATOR_TOOLS: list[Tool] = [
    calc_renal_function,
    calc_body_size,
    calc_acid_base,
    calc_electrolytes,
    calc_qtc,
    calc_pregnancy_dates,
    calc_opioid_mme,
    calc_steroid_conversion,
    calc_lipids_metabolic,
    calc_cardiovascular_risk,
    calc_liver_fibrosis,
    calc_mean_arterial_pressure,
]

__all__ = [
    "CALCULATOR_TOOLS",
    "calc_acid_base",
    "calc_body_size",
    "calc_cardiovascular_risk",
    "calc_electrolytes",
    "calc_lipids_metabolic",
    "calc_liver_fibrosis",
    "calc_mean_arterial_pressure",
    "calc_opioid_mme",
    "calc_pregnancy_dates",
    "calc_qtc",
    "calc_renal_function",
    "calc_steroid_conversion",
]
