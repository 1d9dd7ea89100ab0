"""Gastrointestinal and hepatic scores (BISAP, Glasgow-Blatchford, Child-Pugh, MELD-Na,
Alvarado)."""

from __future__ import annotations

import math
from typing import Literal

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["alvarado", "bisap", "child_pugh", "glasgow_blatchford", "meld_na"]

_WU_2008 = (
    "Wu BU, Johannes RS, Sun X, Tabak Y, Conwell DL, Banks PA. The early prediction of "
    "mortality in acute pancreatitis: a large population-based study. Gut. "
    "2008;57(12):1698-1703."
)
_BLATCHFORD_2000 = (
    "Blatchford O, Murray WR, Blatchford M. A risk score to predict need for treatment for "
    "upper-gastrointestinal haemorrhage. Lancet. 2000;356(9238):1318-1321."
)
_PUGH_1973 = (
    "Pugh RN, Murray-Lyon IM, Dawson JL, Pietroni MC, Williams R. Transection of the "
    "oesophagus for bleeding oesophageal varices. Br J Surg. 1973;60(8):646-649."
)
_MELD_NA = (
    "Kim WR, Biggins SW, Kremers WK, et al. Hyponatremia and mortality among patients on "
    "the liver-transplant waiting list. N Engl J Med. 2008;359(10):1018-1026; OPTN/UNOS "
    "MELD-Na policy (implemented January 2016). Mortality bands: Wiesner R et al. "
    "Gastroenterology. 2003;124(1):91-96."
)
_ALVARADO_1986 = (
    "Alvarado A. A practical score for the early diagnosis of acute appendicitis. Ann Emerg "
    "Med. 1986;15(5):557-564."
)


def bisap(
    *,
    bun_mg_dl: float,
    impaired_mental_status: bool,
    sirs_criteria_met: int,
    age: float,
    pleural_effusion: bool,
) -> ScoreResult:
    """Bedside Index for Severity in Acute Pancreatitis (BISAP), first 24 hours.

    Source: Wu BU, Johannes RS, Sun X, et al. Gut 2008;57:1698-1703.

    One point each:

    * BUN > 25 mg/dL.
    * Impaired mental status (disorientation, lethargy, somnolence, coma, stupor).
    * SIRS: >= 2 SIRS criteria (``sirs_criteria_met`` is the count, 0-4).
    * Age > 60 years.
    * Pleural effusion on imaging.

    Interpretation: in-hospital mortality rose with each point, from < 1% at the lowest
    scores to > 20% at the highest.

    * 0-2: lower risk (mortality < 2%).
    * 3-5: high risk; markedly increased mortality and risk of organ failure and pancreatic
      necrosis: consider high-dependency or intensive care.
    """
    bun = v.number("bun_mg_dl", bun_mg_dl, lo=v.BUN_MG_DL[0], hi=v.BUN_MG_DL[1])
    n_sirs = v.integer("sirs_criteria_met", sirs_criteria_met, lo=0, hi=4)
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])
    components = {
        "bun": float(bun > 25),
        "impaired_mental_status": float(v.flag("impaired_mental_status", impaired_mental_status)),
        "sirs": float(n_sirs >= 2),
        "age": float(age > 60),
        "pleural_effusion": float(v.flag("pleural_effusion", pleural_effusion)),
    }
    total = sum(components.values())
    if total <= 2:
        band = "lower risk (in-hospital mortality <2%)"
    else:
        band = (
            "high risk (mortality rising steeply with each point, up to >20%; increased "
            "risk of organ failure and necrosis); consider HDU/ICU care"
        )
    return ScoreResult(
        name="BISAP",
        value=total,
        components=components,
        interpretation=f"BISAP {total:g}: {band}",
        source=_WU_2008,
    )


def glasgow_blatchford(
    *,
    bun_mg_dl: float,
    hemoglobin_g_dl: float,
    sex: Literal["male", "female"],
    sbp: float,
    heart_rate: float,
    melena: bool,
    syncope: bool,
    hepatic_disease: bool,
    cardiac_failure: bool,
) -> ScoreResult:
    """Glasgow-Blatchford bleeding score for upper gastrointestinal haemorrhage.

    Source: Blatchford O, Murray WR, Blatchford M. Lancet 2000;356:1318-1321.

    The published table uses blood urea in mmol/L and haemoglobin in g/L. Here BUN (mg/dL)
    is converted to urea (mmol/L) by dividing by 2.8 (rounded to 6 decimals to avoid
    floating-point artefacts at the band edges), and haemoglobin g/dL x 10 = g/L.

    * Urea (mmol/L): < 6.5: 0; 6.5-< 8.0: 2; 8.0-< 10.0: 3; 10.0-< 25: 4; >= 25: 6.
    * Haemoglobin, men (g/dL): >= 13: 0; 12-< 13: 1; 10-< 12: 3; < 10: 6.
    * Haemoglobin, women (g/dL): >= 12: 0; 10-< 12: 1; < 10: 6.
    * Systolic BP (mmHg): >= 110: 0; 100-109: 1; 90-99: 2; < 90: 3.
    * Pulse >= 100 /min: 1.
    * Melaena: 1. Syncope: 2. Hepatic disease: 2. Cardiac failure: 2.

    Interpretation (need for transfusion, endoscopic treatment or surgery):

    * 0: very low risk; can be considered for outpatient management without urgent
      endoscopy (Blatchford 2000; Stanley AJ et al. Lancet 2009;373:42-47).
    * 1: low risk; outpatient management may be considered (ESGE 2021 threshold <= 1).
    * >= 2: not low risk; admit for inpatient assessment and endoscopy; higher scores mean
      a greater likelihood of needing intervention.
    """
    bun = v.number("bun_mg_dl", bun_mg_dl, lo=v.BUN_MG_DL[0], hi=v.BUN_MG_DL[1])
    hb = v.number("hemoglobin_g_dl", hemoglobin_g_dl, lo=0.0, hi=30.0)
    sex = v.choice("sex", sex, ("male", "female"))
    sbp = v.number("sbp", sbp, lo=v.SBP[0], hi=v.SBP[1])
    hr = v.number("heart_rate", heart_rate, lo=v.HEART_RATE[0], hi=v.HEART_RATE[1])

    urea = round(bun / 2.8, 6)
    if urea < 6.5:
        urea_points = 0.0
    elif urea < 8.0:
        urea_points = 2.0
    elif urea < 10.0:
        urea_points = 3.0
    elif urea < 25.0:
        urea_points = 4.0
    else:
        urea_points = 6.0
    if sex == "male":
        hb_points = 0.0 if hb >= 13 else 1.0 if hb >= 12 else 3.0 if hb >= 10 else 6.0
    else:
        hb_points = 0.0 if hb >= 12 else 1.0 if hb >= 10 else 6.0
    if sbp >= 110:
        sbp_points = 0.0
    elif sbp >= 100:
        sbp_points = 1.0
    elif sbp >= 90:
        sbp_points = 2.0
    else:
        sbp_points = 3.0
    components = {
        "urea": urea_points,
        "hemoglobin": hb_points,
        "sbp": sbp_points,
        "heart_rate": float(hr >= 100),
        "melena": float(v.flag("melena", melena)),
        "syncope": 2.0 * v.flag("syncope", syncope),
        "hepatic_disease": 2.0 * v.flag("hepatic_disease", hepatic_disease),
        "cardiac_failure": 2.0 * v.flag("cardiac_failure", cardiac_failure),
    }
    total = sum(components.values())
    if total == 0:
        band = (
            "very low risk of needing intervention; consider outpatient management "
            "without urgent endoscopy"
        )
    elif total == 1:
        band = "low risk (<=1); outpatient management may be considered"
    else:
        band = (
            "not low risk; admit for inpatient assessment and endoscopy (higher scores: "
            "greater likelihood of transfusion, endoscopic therapy or surgery)"
        )
    return ScoreResult(
        name="Glasgow-Blatchford",
        value=total,
        components=components,
        interpretation=f"Glasgow-Blatchford {total:g}: {band}",
        source=_BLATCHFORD_2000,
    )


_ASCITES = {"none": 1.0, "mild": 2.0, "moderate_severe": 3.0}
_ENCEPHALOPATHY = {"none": 1.0, "grade_1_2": 2.0, "grade_3_4": 3.0}


def child_pugh(
    *,
    bilirubin_mg_dl: float,
    albumin_g_dl: float,
    inr: float,
    ascites: Literal["none", "mild", "moderate_severe"],
    encephalopathy: Literal["none", "grade_1_2", "grade_3_4"],
) -> ScoreResult:
    """Child-Pugh (Child-Turcotte-Pugh) score for cirrhosis.

    Source: Pugh RN, Murray-Lyon IM, Dawson JL, et al. Br J Surg 1973;60:646-649. Pugh
    published bilirubin in umol/L (< 25, 25-40, > 40), albumin in g/L (> 35, 28-35, < 28)
    and prothrombin-time prolongation (1-4, 4-6, > 6 s); the conventional US-unit/INR
    version is used here:

    * Bilirubin (mg/dL): < 2: 1; 2-3: 2; > 3: 3.
    * Albumin (g/dL): > 3.5: 1; 2.8-3.5: 2; < 2.8: 3.
    * INR: < 1.7: 1; 1.7-2.3: 2; > 2.3: 3.
    * Ascites: none 1; mild 2; moderate-severe 3.
    * Encephalopathy: none 1; grade 1-2: 2; grade 3-4: 3.

    Interpretation (commonly cited 1-/2-year survival):

    * Class A, 5-6: well-compensated disease (~100% / ~85%).
    * Class B, 7-9: significant functional compromise (~80% / ~60%).
    * Class C, 10-15: decompensated disease (~45% / ~35%); consider transplant referral.
    """
    bili = v.number("bilirubin_mg_dl", bilirubin_mg_dl, lo=0.0, hi=100.0)
    alb = v.number("albumin_g_dl", albumin_g_dl, lo=0.0, hi=10.0)
    inr = v.number("inr", inr, lo=0.1, hi=20.0)
    ascites = v.choice("ascites", ascites, _ASCITES)
    encephalopathy = v.choice("encephalopathy", encephalopathy, _ENCEPHALOPATHY)
    components = {
        "bilirubin": 1.0 if bili < 2 else 2.0 if bili <= 3 else 3.0,
        "albumin": 1.0 if alb > 3.5 else 2.0 if alb >= 2.8 else 3.0,
        "inr": 1.0 if inr < 1.7 else 2.0 if inr <= 2.3 else 3.0,
        "ascites": _ASCITES[ascites],
        "encephalopathy": _ENCEPHALOPATHY[encephalopathy],
    }
    total = sum(components.values())
    if total <= 6:
        band = "class A: well-compensated cirrhosis (1-/2-year survival ~100%/85%)"
    elif total <= 9:
        band = "class B: significant functional compromise (1-/2-year survival ~80%/60%)"
    else:
        band = (
            "class C: decompensated cirrhosis (1-/2-year survival ~45%/35%); consider "
            "transplant referral"
        )
    return ScoreResult(
        name="Child-Pugh",
        value=total,
        components=components,
        interpretation=f"Child-Pugh {total:g}: {band}",
        source=_PUGH_1973,
    )


def meld_na(
    *,
    bilirubin_mg_dl: float,
    inr: float,
    creatinine_mg_dl: float,
    sodium_mmol_l: float,
    dialysis_twice_past_week: bool = False,
) -> ScoreResult:
    """MELD-Na as implemented by OPTN/UNOS in January 2016.

    Sources: Kim WR, Biggins SW, Kremers WK, et al. N Engl J Med 2008;359:1018-1026;
    OPTN/UNOS policy (2016). Replaced for US allocation by MELD 3.0 in 2023.

    * Bilirubin, INR and creatinine below 1.0 are set to 1.0.
    * Creatinine is capped at 4.0 mg/dL, and set to 4.0 if dialysed at least twice (or 24 h
      of CVVHD) in the past week.
    * Sodium is bounded to 125-137 mmol/L.
    * MELD(i) = 0.957 ln(Cr) + 0.378 ln(bilirubin) + 1.120 ln(INR) + 0.643, rounded to the
      tenth decimal place and multiplied by 10.
    * If MELD(i) > 11: MELD = MELD(i) + 1.32 (137 - Na) - 0.033 MELD(i) (137 - Na);
      otherwise MELD = MELD(i).
    * The result is rounded to an integer (half up) and capped at 40 (OPTN maximum).

    Interpretation: 90-day mortality by MELD band (Wiesner 2003): <= 9: 1.9%; 10-19: 6.0%;
    20-29: 19.6%; 30-39: 52.6%; >= 40: 71.3%.
    """
    bili = v.number("bilirubin_mg_dl", bilirubin_mg_dl, lo=0.0, hi=100.0)
    inr = v.number("inr", inr, lo=0.0, hi=20.0)
    cr = v.number("creatinine_mg_dl", creatinine_mg_dl, lo=0.0, hi=40.0)
    na = v.number("sodium_mmol_l", sodium_mmol_l, lo=80.0, hi=200.0)
    dialysis = v.flag("dialysis_twice_past_week", dialysis_twice_past_week)

    bili_used = max(bili, 1.0)
    inr_used = max(inr, 1.0)
    cr_used = 4.0 if dialysis else min(max(cr, 1.0), 4.0)
    na_used = min(max(na, 125.0), 137.0)
    raw = (
        0.957 * math.log(cr_used) + 0.378 * math.log(bili_used) + 1.120 * math.log(inr_used) + 0.643
    )
    meld_i = v.round_half_up(raw, 1) * 10
    meld_i = v.round_half_up(meld_i, 6)  # remove float noise from the x10
    adjustment = 0.0
    if meld_i > 11:
        adjustment = 1.32 * (137 - na_used) - 0.033 * meld_i * (137 - na_used)
    total = int(min(v.round_half_up(meld_i + adjustment), 40.0))
    if total <= 9:
        band = "90-day mortality ~1.9%"
    elif total <= 19:
        band = "90-day mortality ~6.0%"
    elif total <= 29:
        band = "90-day mortality ~19.6%; prioritise transplant evaluation"
    elif total <= 39:
        band = "90-day mortality ~52.6%; high transplant priority"
    else:
        band = "90-day mortality ~71.3%; highest transplant priority"
    return ScoreResult(
        name="MELD-Na",
        value=total,
        components={"meld_i": meld_i, "sodium_adjustment": round(adjustment, 4)},
        interpretation=(
            f"MELD-Na {total}: {band} (values used: creatinine {cr_used:g}, "
            f"bilirubin {bili_used:g}, INR {inr_used:g}, sodium {na_used:g})"
        ),
        source=_MELD_NA,
    )


def alvarado(
    *,
    migration_to_rlq: bool,
    anorexia: bool,
    nausea_vomiting: bool,
    rlq_tenderness: bool,
    rebound_tenderness: bool,
    temperature_c: float,
    wbc: float,
    neutrophils_pct: float,
) -> ScoreResult:
    """Alvarado (MANTRELS) score for acute appendicitis.

    Source: Alvarado A. Ann Emerg Med 1986;15:557-564.

    * Migration of pain to the right lower quadrant: 1.
    * Anorexia: 1.
    * Nausea / vomiting: 1.
    * Tenderness in the right lower quadrant: 2.
    * Rebound tenderness: 1.
    * Elevated temperature >= 37.3 C: 1.
    * Leukocytosis, WBC > 10 x10^9/L (> 10,000 /mm^3): 2.
    * Shift to the left, neutrophils > 75%: 1.

    Interpretation (Alvarado 1986):

    * 0-4: appendicitis unlikely; consider other diagnoses / discharge with safety-net.
    * 5-6: compatible with appendicitis; observe and re-evaluate, consider imaging.
    * 7-8: probable appendicitis; surgical consultation (Alvarado recommended surgery at
      >= 7).
    * 9-10: very probable appendicitis; surgery.
    """
    temp = v.number("temperature_c", temperature_c, lo=v.TEMPERATURE_C[0], hi=v.TEMPERATURE_C[1])
    count = v.number("wbc", wbc, lo=v.WBC[0], hi=v.WBC[1])
    neut = v.number("neutrophils_pct", neutrophils_pct, lo=v.PERCENT[0], hi=v.PERCENT[1])
    components = {
        "migration_to_rlq": float(v.flag("migration_to_rlq", migration_to_rlq)),
        "anorexia": float(v.flag("anorexia", anorexia)),
        "nausea_vomiting": float(v.flag("nausea_vomiting", nausea_vomiting)),
        "rlq_tenderness": 2.0 * v.flag("rlq_tenderness", rlq_tenderness),
        "rebound_tenderness": float(v.flag("rebound_tenderness", rebound_tenderness)),
        "temperature": float(temp >= 37.3),
        "leukocytosis": 2.0 if count > 10 else 0.0,
        "left_shift": float(neut > 75),
    }
    total = sum(components.values())
    if total <= 4:
        band = "appendicitis unlikely; consider alternative diagnoses"
    elif total <= 6:
        band = "compatible with appendicitis; observe and re-evaluate, consider imaging"
    elif total <= 8:
        band = "probable appendicitis; surgical consultation (operate at >=7 per Alvarado)"
    else:
        band = "very probable appendicitis; surgery"
    return ScoreResult(
        name="Alvarado",
        value=total,
        components=components,
        interpretation=f"Alvarado {total:g}: {band}",
        source=_ALVARADO_1986,
    )
