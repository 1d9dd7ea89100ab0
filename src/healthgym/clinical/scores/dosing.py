"""Renal-function bands used for drug-dose adjustment."""

from __future__ import annotations

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["egfr_dose_band"]

_RENAL_DOSING = (
    "US Food and Drug Administration. Guidance for Industry: Pharmacokinetics in Patients "
    "with Impaired Renal Function - Study Design, Data Analysis, and Impact on Dosing and "
    "Labeling (draft guidance, March 2010), Table 1; Kidney Disease: Improving Global "
    "Outcomes (KDIGO) CKD Work Group. KDIGO 2012 Clinical Practice Guideline for the "
    "Evaluation and Management of Chronic Kidney Disease. Kidney Int Suppl. 2013;3(1):1-150 "
    "(GFR categories G1-G5)."
)

# (lower limit inclusive, band number, FDA 2010 description, KDIGO GFR category)
_BANDS = (
    (90.0, 1, "normal renal function (>=90 mL/min)", "G1"),
    (60.0, 2, "mild impairment (60-89 mL/min)", "G2"),
    (45.0, 3, "moderate impairment (30-59 mL/min)", "G3a"),
    (30.0, 3, "moderate impairment (30-59 mL/min)", "G3b"),
    (15.0, 4, "severe impairment (15-29 mL/min)", "G4"),
    (0.0, 5, "end-stage renal disease (<15 mL/min, not on dialysis)", "G5"),
)

_ADVICE = {
    1: "usual dosing",
    2: "usual dosing for most drugs; check the label for drugs cleared mainly by the kidney",
    3: "check the label: dose reduction or longer interval often needed for renally cleared drugs",
    4: "dose reduction or avoidance often needed for renally cleared drugs; check the label",
    5: "many renally cleared drugs need major adjustment or are contraindicated; dialysis "
    "patients need dosing relative to dialysis sessions",
}


def egfr_dose_band(*, gfr_ml_min: float, on_dialysis: bool) -> ScoreResult:
    """Renal-function band for drug-dose adjustment from eGFR or creatinine clearance.

    Source: FDA Guidance for Industry, Pharmacokinetics in Patients with Impaired Renal
    Function (draft, 2010), Table 1; KDIGO 2012 CKD guideline (Kidney Int Suppl
    2013;3:1-150) GFR categories.

    ``gfr_ml_min`` is the estimated GFR (mL/min/1.73 m2) or the Cockcroft-Gault creatinine
    clearance (mL/min), whichever the drug label refers to. Bands (value = band number):

    * 1: >= 90: normal renal function (KDIGO G1).
    * 2: 60-89: mild impairment (G2).
    * 3: 30-59: moderate impairment (G3a 45-59, G3b 30-44).
    * 4: 15-29: severe impairment (G4).
    * 5: < 15 (end-stage renal disease, G5) or on dialysis, whatever the GFR.

    Values between the integers fall in the band whose lower limit they reach (89.9 is
    band 2). ``components`` holds the inputs (not additive).

    Interpretation: the band selects the renal dosing row of a drug label; the label, not
    this band, gives the adjusted dose.
    """
    gfr = v.number("gfr_ml_min", gfr_ml_min, lo=0.0, hi=250.0)
    dialysis = v.flag("on_dialysis", on_dialysis)
    band, text, kdigo = next((b, t, k) for lo, b, t, k in _BANDS if gfr >= lo)
    if dialysis:
        band, text, kdigo = 5, "end-stage renal disease on dialysis", "G5D"
    return ScoreResult(
        name="Renal dosing band",
        value=float(band),
        components={"gfr_ml_min": gfr, "on_dialysis": float(dialysis)},
        interpretation=(f"Renal dosing band {band} (KDIGO {kdigo}): {text}; {_ADVICE[band]}"),
        source=_RENAL_DOSING,
        steps=(
            f"GFR / CrCl = {gfr:g} mL/min" + (", on dialysis" if dialysis else ""),
            f"band {band}: {text} (KDIGO {kdigo})",
        ),
    )
