"""Kidney scores: KDIGO acute kidney injury staging."""

from __future__ import annotations

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["kdigo_aki_stage"]

_KDIGO_2012_AKI = (
    "Kidney Disease: Improving Global Outcomes (KDIGO) Acute Kidney Injury Work Group. "
    "KDIGO Clinical Practice Guideline for Acute Kidney Injury. Kidney Int Suppl. "
    "2012;2(1):1-138 (definition: recommendation 2.1.1; staging: recommendation 2.1.2, "
    "Table 2)."
)

CREATININE_MG_DL = (0.05, 30.0)


def _creatinine_stage(ratio: float, rise_48h: float, current: float) -> int:
    aki = ratio >= 1.5 or rise_48h >= 0.3
    if ratio >= 3.0 or (aki and current >= 4.0):
        return 3
    if ratio >= 2.0:
        return 2
    return 1 if aki else 0


def _urine_stage(rate: float | None, hours: float) -> int:
    if rate is None:
        return 0
    if (rate == 0 and hours >= 12) or (rate < 0.3 and hours >= 24):
        return 3
    if rate < 0.5 and hours >= 12:
        return 2
    if rate < 0.5 and hours >= 6:
        return 1
    return 0


def kdigo_aki_stage(
    *,
    baseline_creatinine_mg_dl: float,
    current_creatinine_mg_dl: float,
    creatinine_rise_48h_mg_dl: float,
    rrt_initiated: bool,
    urine_output_ml_kg_h: float | None = None,
    urine_output_hours: float = 0.0,
    pediatric_egfr_below_35: bool = False,
) -> ScoreResult:
    """KDIGO acute kidney injury (AKI) stage, 0 (no AKI) to 3.

    Source: KDIGO Clinical Practice Guideline for Acute Kidney Injury. Kidney Int Suppl
    2012;2:1-138 (recommendations 2.1.1 and 2.1.2).

    Inputs: serum creatinine (mg/dL; divide umol/L by 88.4) at baseline (known or presumed
    within the prior 7 days) and now; the absolute creatinine rise within 48 hours; the mean
    urine output (mL/kg/h) over the last ``urine_output_hours`` hours (``None`` when not
    measured); whether renal replacement therapy (RRT) was started; and, for patients under
    18 years, whether eGFR fell below 35 mL/min/1.73 m2.

    AKI is present when creatinine rises >= 0.3 mg/dL within 48 h, or to >= 1.5 times
    baseline, or urine output is < 0.5 mL/kg/h for 6 hours. The stage is the highest one
    reached by any criterion:

    * Stage 1: creatinine 1.5-1.9 times baseline or a rise >= 0.3 mg/dL (26.5 umol/L) in
      48 h; urine output < 0.5 mL/kg/h for 6-12 hours.
    * Stage 2: creatinine 2.0-2.9 times baseline; urine output < 0.5 mL/kg/h for >= 12 h.
    * Stage 3: creatinine >= 3.0 times baseline, or a rise to >= 4.0 mg/dL (353.6 umol/L)
      (taken here as reaching 4.0 mg/dL while the creatinine criteria for AKI are met), or
      initiation of RRT, or in patients < 18 years eGFR < 35 mL/min/1.73 m2; urine output
      < 0.3 mL/kg/h for >= 24 h or anuria (0 mL/kg/h) for >= 12 h.

    Ratios and rises are rounded to 6 decimals before comparison to remove floating-point
    noise. ``components`` holds the stage reached by each criterion (not additive: the
    value is their maximum).

    Interpretation: 0 no AKI by KDIGO criteria; 1-3 AKI of increasing severity. KDIGO
    recommends stage-based management (stop nephrotoxins, optimise volume status and
    perfusion, monitor creatinine and urine output; from stage 2 adjust drug doses and
    consider RRT needs; stage 3 consider RRT and avoid subclavian catheters).
    """
    lo, hi = CREATININE_MG_DL
    baseline = v.number("baseline_creatinine_mg_dl", baseline_creatinine_mg_dl, lo=lo, hi=hi)
    current = v.number("current_creatinine_mg_dl", current_creatinine_mg_dl, lo=lo, hi=hi)
    rise = v.number("creatinine_rise_48h_mg_dl", creatinine_rise_48h_mg_dl, lo=-30.0, hi=30.0)
    rrt = v.flag("rrt_initiated", rrt_initiated)
    child_egfr = v.flag("pediatric_egfr_below_35", pediatric_egfr_below_35)
    hours = v.number("urine_output_hours", urine_output_hours, lo=0.0, hi=24.0 * 30)
    rate = None
    if urine_output_ml_kg_h is not None:
        rate = v.number("urine_output_ml_kg_h", urine_output_ml_kg_h, lo=0.0, hi=50.0)
        if hours <= 0:
            raise CalculatorInputError(
                "urine_output_hours must be > 0 when urine_output_ml_kg_h is given"
            )
    ratio = round(current / baseline, 6)
    rise = round(rise, 6)
    components = {
        "stage_by_creatinine": float(_creatinine_stage(ratio, rise, current)),
        "stage_by_urine_output": float(_urine_stage(rate, hours)),
        "stage_by_rrt": 3.0 if rrt else 0.0,
        "stage_by_pediatric_egfr": 3.0 if child_egfr else 0.0,
    }
    stage = max(components.values())
    uo_text = (
        "urine output not assessed"
        if rate is None
        else f"urine output {rate:g} mL/kg/h over {hours:g} h"
    )
    steps = (
        f"creatinine ratio = {current:g} / {baseline:g} = {ratio:g} x baseline",
        f"creatinine rise within 48 h = {rise:g} mg/dL",
        f"stage by creatinine = {components['stage_by_creatinine']:g}",
        f"{uo_text}: stage {components['stage_by_urine_output']:g}",
        f"RRT initiated: {'yes (stage 3)' if rrt else 'no'}",
        f"stage = highest criterion = {stage:g}",
    )
    if stage == 0:
        band = "no AKI by KDIGO criteria"
    else:
        band = f"AKI stage {stage:g}"
        if stage == 3:
            band += "; consider renal replacement therapy and nephrology input"
        elif stage == 2:
            band += "; adjust drug doses, monitor closely and consider RRT needs"
        else:
            band += "; stop nephrotoxins, optimise volume status, monitor creatinine and UO"
    return ScoreResult(
        name="KDIGO AKI stage",
        value=stage,
        components=components,
        interpretation=f"KDIGO AKI stage {stage:g}: {band}",
        source=_KDIGO_2012_AKI,
        steps=steps,
    )
