"""Venous thromboembolism probability scores (Wells PE, Wells DVT, PERC)."""

from __future__ import annotations

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["perc", "wells_dvt", "wells_pe"]

_WELLS_2000 = (
    "Wells PS, Anderson DR, Rodger M, et al. Derivation of a simple clinical model to "
    "categorize patients probability of pulmonary embolism: increasing the models utility "
    "with the SimpliRED D-dimer. Thromb Haemost. 2000;83(3):416-420."
)
_WELLS_2003 = (
    "Wells PS, Anderson DR, Rodger M, et al. Evaluation of D-dimer in the diagnosis of "
    "suspected deep-vein thrombosis. N Engl J Med. 2003;349(13):1227-1235."
)
_KLINE_2004 = (
    "Kline JA, Mitchell AM, Kabrhel C, Richman PB, Courtney DM. Clinical criteria to "
    "prevent unnecessary diagnostic testing in emergency department patients with "
    "suspected pulmonary embolism. J Thromb Haemost. 2004;2(8):1247-1255."
)


def wells_pe(
    *,
    clinical_signs_dvt: bool,
    pe_most_likely: bool,
    heart_rate: float,
    immobilization_or_surgery: bool,
    prior_vte: bool,
    hemoptysis: bool,
    malignancy: bool,
) -> ScoreResult:
    """Wells score for pulmonary embolism.

    Source: Wells PS, Anderson DR, Rodger M, et al. Thromb Haemost 2000;83:416-420.

    Criteria:

    * Clinical signs and symptoms of DVT (leg swelling, pain on palpation of deep veins): 3.
    * An alternative diagnosis is less likely than PE (PE most likely): 3.
    * Heart rate > 100 /min: 1.5.
    * Immobilization (>= 3 days) or surgery in the previous 4 weeks: 1.5.
    * Previous DVT or PE: 1.5.
    * Hemoptysis: 1.
    * Malignancy (on treatment, treated in the last 6 months, or palliative): 1.

    Interpretation, both schemes from Wells 2000:

    * Three-tier: < 2 low (PE prevalence ~3.6% in the derivation set), 2-6 moderate
      (~20.5%), > 6 high (~66.7%).
    * Two-tier: <= 4 "PE unlikely" (D-dimer; a negative result excludes PE), > 4 "PE likely"
      (proceed to CT pulmonary angiography).
    """
    signs = v.flag("clinical_signs_dvt", clinical_signs_dvt)
    likely = v.flag("pe_most_likely", pe_most_likely)
    hr = v.number("heart_rate", heart_rate, lo=v.HEART_RATE[0], hi=v.HEART_RATE[1])
    immob = v.flag("immobilization_or_surgery", immobilization_or_surgery)
    prior = v.flag("prior_vte", prior_vte)
    hemo = v.flag("hemoptysis", hemoptysis)
    cancer = v.flag("malignancy", malignancy)

    components = {
        "clinical_signs_dvt": 3.0 if signs else 0.0,
        "pe_most_likely": 3.0 if likely else 0.0,
        "heart_rate": 1.5 if hr > 100 else 0.0,
        "immobilization_or_surgery": 1.5 if immob else 0.0,
        "prior_vte": 1.5 if prior else 0.0,
        "hemoptysis": 1.0 if hemo else 0.0,
        "malignancy": 1.0 if cancer else 0.0,
    }
    total = sum(components.values())
    if total < 2:
        three = "low probability (<2; PE prevalence ~3.6%)"
    elif total <= 6:
        three = "moderate probability (2-6; PE prevalence ~20.5%)"
    else:
        three = "high probability (>6; PE prevalence ~66.7%)"
    if total <= 4:
        two = "PE unlikely (<=4): obtain D-dimer; a negative D-dimer excludes PE without imaging"
    else:
        two = "PE likely (>4): proceed to CT pulmonary angiography"
    return ScoreResult(
        name="Wells PE",
        value=total,
        components=components,
        interpretation=f"Wells PE {total:g}: three-tier {three}; two-tier {two}",
        source=_WELLS_2000,
    )


def wells_dvt(
    *,
    active_cancer: bool,
    paralysis_or_recent_cast: bool,
    bedridden_or_major_surgery: bool,
    localized_deep_vein_tenderness: bool,
    entire_leg_swollen: bool,
    calf_swelling_3cm: bool,
    pitting_edema_symptomatic_leg: bool,
    collateral_superficial_veins: bool,
    prior_dvt: bool,
    alternative_diagnosis_likely: bool,
) -> ScoreResult:
    """Wells score for deep-vein thrombosis (2003 version with previously documented DVT).

    Source: Wells PS, Anderson DR, Rodger M, et al. N Engl J Med 2003;349:1227-1235.

    One point each:

    * Active cancer (treatment ongoing, within 6 months, or palliative).
    * Paralysis, paresis, or recent plaster immobilization of the lower extremity.
    * Recently bedridden > 3 days, or major surgery within 12 weeks.
    * Localized tenderness along the distribution of the deep venous system.
    * Entire leg swollen.
    * Calf swelling > 3 cm compared with the asymptomatic leg (10 cm below tibial tuberosity).
    * Pitting edema confined to the symptomatic leg.
    * Collateral superficial (non-varicose) veins.
    * Previously documented DVT.

    Minus 2 if an alternative diagnosis is at least as likely as DVT. Range -2 to 9.

    Interpretation (two-level, Wells 2003):

    * < 2: DVT unlikely (prevalence ~6%); D-dimer; a negative result excludes DVT.
    * >= 2: DVT likely (prevalence ~28%); compression ultrasonography (a negative
      ultrasound with a positive D-dimer needs repeat imaging).
    """
    names_values = {
        "active_cancer": active_cancer,
        "paralysis_or_recent_cast": paralysis_or_recent_cast,
        "bedridden_or_major_surgery": bedridden_or_major_surgery,
        "localized_deep_vein_tenderness": localized_deep_vein_tenderness,
        "entire_leg_swollen": entire_leg_swollen,
        "calf_swelling_3cm": calf_swelling_3cm,
        "pitting_edema_symptomatic_leg": pitting_edema_symptomatic_leg,
        "collateral_superficial_veins": collateral_superficial_veins,
        "prior_dvt": prior_dvt,
    }
    components = {name: float(v.flag(name, val)) for name, val in names_values.items()}
    alt = v.flag("alternative_diagnosis_likely", alternative_diagnosis_likely)
    components["alternative_diagnosis_likely"] = -2.0 if alt else 0.0
    total = sum(components.values())
    if total < 2:
        band = "DVT unlikely (<2; prevalence ~6%): obtain D-dimer; a negative D-dimer excludes DVT"
    else:
        band = "DVT likely (>=2; prevalence ~28%): proceed to compression ultrasonography"
    return ScoreResult(
        name="Wells DVT",
        value=total,
        components=components,
        interpretation=f"Wells DVT {total:g}: {band}",
        source=_WELLS_2003,
    )


def perc(
    *,
    age: float,
    heart_rate: float,
    spo2: float,
    hemoptysis: bool,
    estrogen_use: bool,
    prior_vte: bool,
    unilateral_leg_swelling: bool,
    recent_surgery_or_trauma: bool,
) -> ScoreResult:
    """Pulmonary Embolism Rule-out Criteria (PERC).

    Source: Kline JA, Mitchell AM, Kabrhel C, et al. J Thromb Haemost 2004;2:1247-1255.

    Each criterion present counts 1 (the value is the number of criteria positive):

    * Age >= 50 years.
    * Heart rate >= 100 /min.
    * SpO2 (room air) < 95%.
    * Hemoptysis.
    * Exogenous estrogen use.
    * Prior DVT or PE.
    * Unilateral leg swelling.
    * Surgery or trauma requiring hospitalization within the prior 4 weeks.

    Interpretation:

    * 0 (PERC negative): in a patient whose clinical pretest probability is already low
      (gestalt < 15%), PE can be ruled out without D-dimer testing (risk of PE < 2%).
    * >= 1 (PERC positive): PE cannot be excluded by PERC; proceed with D-dimer or imaging
      according to pretest probability.
    """
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])
    hr = v.number("heart_rate", heart_rate, lo=v.HEART_RATE[0], hi=v.HEART_RATE[1])
    sat = v.number("spo2", spo2, lo=v.SPO2[0], hi=v.SPO2[1])
    components = {
        "age": float(age >= 50),
        "heart_rate": float(hr >= 100),
        "spo2": float(sat < 95),
        "hemoptysis": float(v.flag("hemoptysis", hemoptysis)),
        "estrogen_use": float(v.flag("estrogen_use", estrogen_use)),
        "prior_vte": float(v.flag("prior_vte", prior_vte)),
        "unilateral_leg_swelling": float(
            v.flag("unilateral_leg_swelling", unilateral_leg_swelling)
        ),
        "recent_surgery_or_trauma": float(
            v.flag("recent_surgery_or_trauma", recent_surgery_or_trauma)
        ),
    }
    total = sum(components.values())
    if total == 0:
        band = (
            "PERC negative: if pretest probability is low (<15%), PE is ruled out without "
            "D-dimer testing (PE risk <2%)"
        )
    else:
        band = (
            "PERC positive: PE cannot be ruled out by PERC; proceed with D-dimer or "
            "imaging according to pretest probability"
        )
    return ScoreResult(
        name="PERC",
        value=total,
        components=components,
        interpretation=f"PERC {total:g} criteria positive: {band}",
        source=_KLINE_2004,
    )
