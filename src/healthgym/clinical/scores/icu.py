"""Intensive-care severity scores (APACHE II, SOFA)."""

from __future__ import annotations

from typing import Literal

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores._quantity import measured, optional_measured
from healthgym.clinical.scores.result import ScoreResult
from healthgym.clinical.units import Q

__all__ = ["apache_ii", "sofa"]

_KNAUS_1985 = (
    "Knaus WA, Draper EA, Wagner DP, Zimmerman JE. APACHE II: a severity of disease "
    "classification system. Crit Care Med. 1985;13(10):818-829."
)
_VINCENT_1996 = (
    "Vincent JL, Moreno R, Takala J, et al. The SOFA (Sepsis-related Organ Failure "
    "Assessment) score to describe organ dysfunction/failure. Intensive Care Med. "
    "1996;22(7):707-710. Mortality: Ferreira FL, Bota DP, Bross A, Melot C, Vincent JL. "
    "Serial evaluation of the SOFA score to predict outcome in critically ill patients. "
    "JAMA. 2001;286(14):1754-1758."
)

Band = tuple[tuple[float, float], ...]


def _aps(x: float, high: Band, low: Band) -> float:
    """Points for ``x``: the first (limit, points) of ``high`` with x >= limit, else the
    first of ``low`` with x < limit, else 0."""
    for limit, points in high:
        if x >= limit:
            return points
    for limit, points in low:
        if x < limit:
            return points
    return 0.0


_TEMP = (((41, 4), (39, 3), (38.5, 1)), ((30, 4), (32, 3), (34, 2), (36, 1)))
_MAP = (((160, 4), (130, 3), (110, 2)), ((50, 4), (70, 2)))
_HR = (((180, 4), (140, 3), (110, 2)), ((40, 4), (55, 3), (70, 2)))
_RR = (((50, 4), (35, 3), (25, 1)), ((6, 4), (10, 2), (12, 1)))
_AA = (((500, 4), (350, 3), (200, 2)), ())
_PH = (((7.7, 4), (7.6, 3), (7.5, 1)), ((7.15, 4), (7.25, 3), (7.33, 2)))
_HCO3 = (((52, 4), (41, 3), (32, 1)), ((15, 4), (18, 3), (22, 2)))
_NA = (((180, 4), (160, 3), (155, 2), (150, 1)), ((111, 4), (120, 3), (130, 2)))
_K = (((7, 4), (6, 3), (5.5, 1)), ((2.5, 4), (3, 2), (3.5, 1)))
_CR = (((3.5, 4), (2, 3), (1.5, 2)), ((0.6, 2),))
_HCT = (((60, 4), (50, 2), (46, 1)), ((20, 4), (30, 2)))
_WBC = (((40, 4), (20, 2), (15, 1)), ((1, 4), (3, 2)))
_CHRONIC = {
    "none": 0.0,
    "nonoperative": 5.0,
    "emergency_postoperative": 5.0,
    "elective_postoperative": 2.0,
}


# Approximate in-hospital mortality by APACHE II score band (Knaus 1985).
_APACHE_MORTALITY = (
    (4, "~4%"),
    (9, "~8%"),
    (14, "~15%"),
    (19, "~25%"),
    (24, "~40%"),
    (29, "~55%"),
    (34, "~75%"),
)


def _pao2_points(pao2: float) -> float:
    if pao2 > 70:
        return 0.0
    if pao2 > 60:
        return 1.0
    if pao2 >= 55:
        return 3.0
    return 4.0


def _steps(parts: list[tuple[str, str, float]], total: float) -> tuple[str, ...]:
    return (
        *(f"{label} ({detail}): {pts:+g}" for label, detail, pts in parts),
        f"total = {total:g}",
    )


def apache_ii(
    *,
    age: float,
    temperature_c: float | Q,
    map_mmhg: float,
    heart_rate: float,
    respiratory_rate: float,
    fio2: float,
    sodium_mmol_l: float | Q,
    potassium_mmol_l: float | Q,
    creatinine_mg_dl: float | Q,
    acute_renal_failure: bool,
    hematocrit_pct: float,
    wbc: float | Q,
    gcs: int,
    chronic_health: Literal[
        "none", "nonoperative", "emergency_postoperative", "elective_postoperative"
    ],
    pao2_mmhg: float | None = None,
    aa_gradient_mmhg: float | None = None,
    arterial_ph: float | None = None,
    serum_hco3_mmol_l: float | None = None,
) -> ScoreResult:
    """APACHE II score (worst values of the first 24 ICU hours).

    Source: Knaus WA, Draper EA, Wagner DP, Zimmerman JE. Crit Care Med 1985;13:818-829.

    Acute Physiology Score (points for values above / below the normal band):

    * Rectal temperature (C): >= 41: 4; 39-40.9: 3; 38.5-38.9: 1; 36-38.4: 0; 34-35.9: 1;
      32-33.9: 2; 30-31.9: 3; <= 29.9: 4.
    * Mean arterial pressure (mmHg): >= 160: 4; 130-159: 3; 110-129: 2; 70-109: 0;
      50-69: 2; <= 49: 4.
    * Heart rate (/min): >= 180: 4; 140-179: 3; 110-139: 2; 70-109: 0; 55-69: 2;
      40-54: 3; <= 39: 4.
    * Respiratory rate (/min): >= 50: 4; 35-49: 3; 25-34: 1; 12-24: 0; 10-11: 1; 6-9: 2;
      <= 5: 4.
    * Oxygenation (``fio2`` as a fraction 0.21-1.0): if FiO2 >= 0.5 the A-a gradient
      (mmHg): >= 500: 4; 350-499: 3; 200-349: 2; < 200: 0; if FiO2 < 0.5 the PaO2 (mmHg):
      > 70: 0; 61-70: 1; 55-60: 3; < 55: 4.
    * Arterial pH: >= 7.7: 4; 7.6-7.69: 3; 7.5-7.59: 1; 7.33-7.49: 0; 7.25-7.32: 2;
      7.15-7.24: 3; < 7.15: 4. Without an arterial gas, venous HCO3 (mmol/L): >= 52: 4;
      41-51.9: 3; 32-40.9: 1; 22-31.9: 0; 18-21.9: 2; 15-17.9: 3; < 15: 4.
    * Sodium (mmol/L): >= 180: 4; 160-179: 3; 155-159: 2; 150-154: 1; 130-149: 0;
      120-129: 2; 111-119: 3; <= 110: 4.
    * Potassium (mmol/L): >= 7: 4; 6-6.9: 3; 5.5-5.9: 1; 3.5-5.4: 0; 3-3.4: 1; 2.5-2.9: 2;
      < 2.5: 4.
    * Creatinine (mg/dL): >= 3.5: 4; 2-3.4: 3; 1.5-1.9: 2; 0.6-1.4: 0; < 0.6: 2; points
      doubled in acute renal failure.
    * Haematocrit (%): >= 60: 4; 50-59.9: 2; 46-49.9: 1; 30-45.9: 0; 20-29.9: 2; < 20: 4.
    * White cell count (x10^9/L): >= 40: 4; 20-39.9: 2; 15-19.9: 1; 3-14.9: 0; 1-2.9: 2;
      < 1: 4.
    * Glasgow Coma Scale: 15 - GCS.

    Non-integer values between the published bands fall in the band below the next
    published limit (e.g. temperature 38.45 C scores 0). Age: <= 44: 0; 45-54: 2;
    55-64: 3; 65-74: 5; >= 75: 6. Chronic health (history of severe organ insufficiency -
    biopsy-proven cirrhosis, NYHA IV heart failure, severe COPD, chronic dialysis - or
    immunocompromise): nonoperative or emergency postoperative 5; elective postoperative
    2; none 0.

    Interpretation (approximate in-hospital mortality, Knaus 1985): 0-4: ~4%; 5-9: ~8%;
    10-14: ~15%; 15-19: ~25%; 20-24: ~40%; 25-29: ~55%; 30-34: ~75%; >= 35: ~85%.
    Postoperative patients have lower mortality than nonoperative patients at the same score.
    """
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])
    temp = measured(
        "temperature_c", temperature_c, analyte="temperature", unit="c", lo=20.0, hi=46.0
    )
    mean_bp = v.number("map_mmhg", map_mmhg, lo=0.0, hi=300.0)
    hr = v.number("heart_rate", heart_rate, lo=v.HEART_RATE[0], hi=v.HEART_RATE[1])
    rr = v.number(
        "respiratory_rate", respiratory_rate, lo=v.RESPIRATORY_RATE[0], hi=v.RESPIRATORY_RATE[1]
    )
    fio2 = v.number("fio2", fio2, lo=0.21, hi=1.0)
    na = measured(
        "sodium_mmol_l", sodium_mmol_l, analyte="electrolyte", unit="mmol/L", lo=80, hi=220
    )
    k = measured(
        "potassium_mmol_l", potassium_mmol_l, analyte="electrolyte", unit="mmol/L", lo=0.5, hi=15
    )
    cr = measured(
        "creatinine_mg_dl", creatinine_mg_dl, analyte="creatinine", unit="mg/dL", lo=0, hi=40
    )
    arf = v.flag("acute_renal_failure", acute_renal_failure)
    hct = v.number("hematocrit_pct", hematocrit_pct, lo=v.PERCENT[0], hi=v.PERCENT[1])
    white = measured("wbc", wbc, analyte="cell_count", unit="10^9/L", lo=v.WBC[0], hi=v.WBC[1])
    coma = v.integer("gcs", gcs, lo=3, hi=15)
    chronic = v.choice("chronic_health", chronic_health, _CHRONIC)
    pao2 = None if pao2_mmhg is None else v.number("pao2_mmhg", pao2_mmhg, lo=0.0, hi=800.0)
    aa = (
        None
        if aa_gradient_mmhg is None
        else v.number("aa_gradient_mmhg", aa_gradient_mmhg, lo=-50.0, hi=800.0)
    )
    ph = None if arterial_ph is None else v.number("arterial_ph", arterial_ph, lo=6.5, hi=8.0)
    hco3 = optional_measured(
        "serum_hco3_mmol_l", serum_hco3_mmol_l, analyte="electrolyte", unit="mmol/L", lo=0, hi=80
    )

    if fio2 >= 0.5:
        if aa is None:
            raise CalculatorInputError("aa_gradient_mmhg is required when fio2 >= 0.5")
        oxy = _aps(aa, *_AA)
        oxy_detail = f"FiO2 {fio2:g} >= 0.5, A-a gradient {aa:g} mmHg"
    else:
        if pao2 is None:
            raise CalculatorInputError("pao2_mmhg is required when fio2 < 0.5")
        oxy = _pao2_points(pao2)
        oxy_detail = f"FiO2 {fio2:g} < 0.5, PaO2 {pao2:g} mmHg"
    if ph is not None:
        acid = _aps(ph, *_PH)
        acid_detail = f"arterial pH {ph:g}"
    elif hco3 is not None:
        acid = _aps(hco3, *_HCO3)
        acid_detail = f"no arterial gas, serum HCO3 {hco3:g} mmol/L"
    else:
        raise CalculatorInputError("arterial_ph (or serum_hco3_mmol_l without a gas) is required")
    cr_points = _aps(cr, *_CR) * (2 if arf else 1)
    if age < 45:
        age_points = 0.0
    elif age < 55:
        age_points = 2.0
    elif age < 65:
        age_points = 3.0
    elif age < 75:
        age_points = 5.0
    else:
        age_points = 6.0
    parts = [
        ("temperature", f"{temp:.4g} C", _aps(temp, *_TEMP)),
        ("mean_arterial_pressure", f"{mean_bp:.4g} mmHg", _aps(mean_bp, *_MAP)),
        ("heart_rate", f"{hr:g} /min", _aps(hr, *_HR)),
        ("respiratory_rate", f"{rr:g} /min", _aps(rr, *_RR)),
        ("oxygenation", oxy_detail, oxy),
        ("acid_base", acid_detail, acid),
        ("sodium", f"{na:g} mmol/L", _aps(na, *_NA)),
        ("potassium", f"{k:g} mmol/L", _aps(k, *_K)),
        (
            "creatinine",
            f"{cr:.3g} mg/dL{', doubled for acute renal failure' if arf else ''}",
            cr_points,
        ),
        ("hematocrit", f"{hct:g}%", _aps(hct, *_HCT)),
        ("wbc", f"{white:.4g} x10^9/L", _aps(white, *_WBC)),
        ("gcs", f"15 - GCS {coma}", float(15 - coma)),
        ("age", f"{age:g} years", age_points),
        ("chronic_health", chronic.replace("_", " "), _CHRONIC[chronic]),
    ]
    components = {label: float(pts) for label, _, pts in parts}
    total = sum(components.values())
    mortality = next((rate for upper, rate in _APACHE_MORTALITY if total <= upper), "~85%")
    return ScoreResult(
        name="APACHE II",
        value=total,
        components=components,
        interpretation=(
            f"APACHE II {total:g}: approximate in-hospital mortality {mortality} "
            "(lower for postoperative than nonoperative admissions)"
        ),
        source=_KNAUS_1985,
        steps=_steps(parts, total),
    )


def sofa(
    *,
    pao2_mmhg: float,
    fio2: float,
    respiratory_support: bool,
    platelets: float | Q,
    gcs: int,
    bilirubin_mg_dl: float | Q,
    creatinine_mg_dl: float | Q | None = None,
    map_mmhg: float | None = None,
    hypotension: bool = False,
    dopamine: float = 0.0,
    dobutamine: float = 0.0,
    epinephrine: float = 0.0,
    norepinephrine: float = 0.0,
    urine_output_ml_day: float | None = None,
) -> ScoreResult:
    """Sequential (Sepsis-related) Organ Failure Assessment (SOFA) score.

    Source: Vincent JL, Moreno R, Takala J, et al. Intensive Care Med 1996;22:707-710.
    Mortality bands: Ferreira FL et al. JAMA 2001;286:1754-1758.

    Six organ systems, 0-4 points each (worst value of the day):

    * Respiration, PaO2/FiO2 (mmHg; ``fio2`` as a fraction): >= 400: 0; < 400: 1;
      < 300: 2; < 200 with respiratory support (mechanical ventilation or CPAP): 3;
      < 100 with respiratory support: 4. Without support the maximum is 2.
    * Coagulation, platelets (x10^9/L = x10^3/uL): >= 150: 0; < 150: 1; < 100: 2; < 50: 3;
      < 20: 4.
    * Liver, bilirubin (mg/dL): < 1.2: 0; 1.2-1.9: 1; 2.0-5.9: 2; 6.0-11.9: 3; >= 12: 4.
    * Cardiovascular (vasopressor doses in ug/kg/min given for >= 1 h): no hypotension 0;
      MAP < 70 mmHg 1 (``hypotension`` is used only when ``map_mmhg`` is not given);
      dopamine <= 5 or dobutamine (any dose) 2; dopamine > 5 or epinephrine <= 0.1 or
      norepinephrine <= 0.1: 3; dopamine > 15 or epinephrine > 0.1 or norepinephrine
      > 0.1: 4.
    * Central nervous system, Glasgow Coma Scale: 15: 0; 13-14: 1; 10-12: 2; 6-9: 3; < 6: 4.
    * Renal, creatinine (mg/dL) or urine output (at least one required; the worse counts):
      < 1.2: 0; 1.2-1.9: 1; 2.0-3.4: 2; 3.5-4.9 or urine output < 500 mL/day: 3; >= 5.0 or
      urine output < 200 mL/day: 4.

    Interpretation: higher scores mean more organ dysfunction. In Ferreira 2001 an initial
    SOFA <= 9 predicted mortality < 33% and > 11 predicted mortality ~95%; a rise of >= 2
    points from baseline with infection defines sepsis (Sepsis-3, Singer M et al. JAMA
    2016;315:801-810).
    """
    pao2 = v.number("pao2_mmhg", pao2_mmhg, lo=1.0, hi=800.0)
    fio2 = v.number("fio2", fio2, lo=0.21, hi=1.0)
    support = v.flag("respiratory_support", respiratory_support)
    plt = measured("platelets", platelets, analyte="cell_count", unit="10^9/L", lo=0, hi=3000)
    coma = v.integer("gcs", gcs, lo=3, hi=15)
    bili = measured(
        "bilirubin_mg_dl", bilirubin_mg_dl, analyte="bilirubin", unit="mg/dL", lo=0, hi=100
    )
    cr = optional_measured(
        "creatinine_mg_dl", creatinine_mg_dl, analyte="creatinine", unit="mg/dL", lo=0, hi=40
    )
    mean_bp = None if map_mmhg is None else v.number("map_mmhg", map_mmhg, lo=0.0, hi=300.0)
    low_bp = v.flag("hypotension", hypotension)
    dopa = v.number("dopamine", dopamine, lo=0.0, hi=100.0)
    dobu = v.number("dobutamine", dobutamine, lo=0.0, hi=100.0)
    epi = v.number("epinephrine", epinephrine, lo=0.0, hi=10.0)
    norepi = v.number("norepinephrine", norepinephrine, lo=0.0, hi=10.0)
    urine = (
        None
        if urine_output_ml_day is None
        else v.number("urine_output_ml_day", urine_output_ml_day, lo=0.0, hi=50000.0)
    )

    ratio = pao2 / fio2
    resp = 0.0 if ratio >= 400 else 1.0 if ratio >= 300 else 2.0
    if support and ratio < 200:
        resp = 3.0 if ratio >= 100 else 4.0
    coag = _aps(plt, (), ((20, 4), (50, 3), (100, 2), (150, 1)))
    liver = _aps(bili, ((12, 4), (6, 3), (2, 2), (1.2, 1)), ())
    cardio = float((mean_bp < 70) if mean_bp is not None else low_bp)
    if dobu > 0 or 0 < dopa <= 5:
        cardio = 2.0
    if dopa > 5 or 0 < epi <= 0.1 or 0 < norepi <= 0.1:
        cardio = 3.0
    if dopa > 15 or epi > 0.1 or norepi > 0.1:
        cardio = 4.0
    cns = 0.0 if coma == 15 else 1.0 if coma >= 13 else 2.0 if coma >= 10 else 3.0
    if coma < 6:
        cns = 4.0
    if cr is None and urine is None:
        raise CalculatorInputError("creatinine_mg_dl or urine_output_ml_day is required")
    renal = 0.0 if cr is None else _aps(cr, ((5, 4), (3.5, 3), (2, 2), (1.2, 1)), ())
    if urine is not None:
        renal = max(renal, 4.0 if urine < 200 else 3.0 if urine < 500 else 0.0)
    renal_parts = [f"creatinine {cr:.3g} mg/dL"] if cr is not None else []
    if urine is not None:
        renal_parts.append(f"urine output {urine:g} mL/day")
    bp_text = f"MAP {mean_bp:.4g} mmHg" if mean_bp is not None else f"hypotension {low_bp}"
    parts = [
        (
            "respiration",
            f"PaO2/FiO2 {ratio:.4g}, {'with' if support else 'without'} respiratory support",
            resp,
        ),
        ("coagulation", f"platelets {plt:.4g} x10^9/L", coag),
        ("liver", f"bilirubin {bili:.3g} mg/dL", liver),
        (
            "cardiovascular",
            f"{bp_text}; dopamine {dopa:g}, dobutamine {dobu:g}, epinephrine {epi:g}, "
            f"norepinephrine {norepi:g} ug/kg/min",
            cardio,
        ),
        ("cns", f"GCS {coma}", cns),
        ("renal", ", ".join(renal_parts), renal),
    ]
    components = {label: float(pts) for label, _, pts in parts}
    total = sum(components.values())
    if total <= 9:
        band = "initial SOFA <= 9: mortality < 33% (Ferreira 2001)"
    elif total <= 11:
        band = "initial SOFA 10-11: intermediate mortality (between the two bands, Ferreira 2001)"
    else:
        band = "initial SOFA > 11: mortality ~95% (Ferreira 2001)"
    return ScoreResult(
        name="SOFA",
        value=total,
        components=components,
        interpretation=f"SOFA {total:g}: {band}",
        source=_VINCENT_1996,
        steps=_steps(parts, total),
    )
