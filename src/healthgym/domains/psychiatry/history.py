"""Social and medical history of a synthetic psychiatric patient, and the VA/DoD 2019
risk and protective factors derived from the record.

Medications are chosen to exercise the psychotropic safety rules of ``safety.py``:
MAO-B inhibitors (Parkinson disease), lithium-interacting antihypertensives and NSAIDs,
opioids, a known-risk QT drug (amiodarone), reduced kidney function, a prolonged QTc,
epilepsy and pregnancy.  An MAO-B inhibitor is only given with a condition whose
first-line treatment does not need a serotonergic drug.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ...clinical.calculators.renal import ckd_epi_2021
from . import presentations as p
from .conditions import Variant
from .records import Ecg, LiverTests, Medication, PsychRecord

NON_DRUG_FIRST_LINE = {
    "mdd_mild",
    "mdd_moderate",
    "gad",
    "panic",
    "adjustment",
    "mild_ncd",
    "major_ncd",
    "no_disorder",
}


WITH_PARTNER = ("lives with partner and two children", "lives with partner")
WITHOUT_PARTNER = ("lives alone in a flat", "lives with parents")
ALL_LIVING = (
    "lives alone in a flat",
    "lives with partner and two children",
    "lives with parents",
    "lives with partner",
)


def social_history(
    rng: np.random.Generator, age: int, facts: dict, partner: bool | None = None
) -> dict:
    """Living situation, work and supports.

    ``partner``: True when another section names a spouse or partner at home (a spouse
    who noticed the memory problems, a partner pressing about the drinking, a partner's
    illness), False when one rules it out (a divorce), None when nothing does: the living
    situation is drawn to agree with the rest of the record.
    """
    if facts.get("dangerousness", "").startswith("has stopped eating"):
        living = "homeless for the past month"
    elif age >= 55:
        both = ("lives with spouse", "lives alone in a flat")
        living = p.pick(rng, {True: both[:1], False: both[1:]}.get(partner, both))
    else:
        living = p.pick(rng, {True: WITH_PARTNER, False: WITHOUT_PARTNER}.get(partner, ALL_LIVING))
    if age >= 67:
        occupation = p.pick(rng, ["retired teacher", "retired engineer", "retired nurse"])
    elif facts.get("functional_decline") or rng.random() < 0.15:
        occupation = "unemployed"
    elif age < 26 and rng.random() < 0.5:
        occupation = "is a university student"
    else:
        occupation = p.pick(
            rng,
            [
                "works as an accountant",
                "works as a delivery driver",
                "works as a nurse",
                "works in retail",
                "works as a teacher",
            ],
        )
    supports = p.pick(
        rng,
        [
            "close to a sister who visits weekly",
            "a good group of friends",
            "few friends; estranged from family",
        ],
    )
    return {"living": living, "occupation": occupation, "supports": supports}


def medical_history(
    rng: np.random.Generator, v: Variant, age: int, sex: str, liver: LiverTests | None = None
) -> dict:
    conditions: list[str] = []
    meds: list[Medication] = []

    def add(condition: str, name: str, dose: str) -> None:
        conditions.append(condition)
        meds.append(Medication(name=name, dose=dose, indication=condition))

    if age > 40 and rng.random() < 0.3:
        name, dose = p.pick(
            rng,
            [
                ("lisinopril", "10 mg once daily"),
                ("losartan", "50 mg once daily"),
                ("hydrochlorothiazide", "25 mg once daily"),
            ],
        )
        add("hypertension", name, dose)
    if age > 45 and rng.random() < 0.15:
        add(
            "knee osteoarthritis",
            *p.pick(
                rng, [("ibuprofen", "400 mg three times daily"), ("naproxen", "500 mg twice daily")]
            ),
        )
    opioid_p = 0.2 if v.diagnosis == "alcohol_use_disorder" else 0.08
    if rng.random() < opioid_p:
        add(
            "chronic low back pain",
            *p.pick(
                rng, [("oxycodone", "10 mg twice daily"), ("tramadol", "50 mg four times daily")]
            ),
        )
    if age > 60 and rng.random() < 0.12:
        add("atrial fibrillation", "amiodarone", "200 mg once daily")
    if age > 55 and v.key in NON_DRUG_FIRST_LINE and rng.random() < 0.15:
        add("Parkinson disease", "selegiline", "5 mg twice daily")
    if age < 55 and rng.random() < 0.1:
        add("migraine", "sumatriptan", "50 mg as needed")
    if rng.random() < 0.1:
        add("hypothyroidism (treated, euthyroid)", "levothyroxine", "75 mcg once daily")
    if age > 40 and rng.random() < 0.15:
        add("type 2 diabetes", "metformin", "1 g twice daily")
    seizures = rng.random() < 0.05
    if seizures:
        add("epilepsy", "levetiracetam", "500 mg twice daily")
    height, weight = body_size(rng, age, sex)
    creatinine = None
    if age > 50 and rng.random() < 0.08:
        conditions.append("chronic kidney disease stage 4")
        creatinine = ckd4_creatinine(rng, age, sex)
    elif age >= 40 or meds or rng.random() < 0.7:
        creatinine = normal_creatinine(rng, sex)
    prolonged = rng.random() < 0.07
    if prolonged:
        conditions.append("prolonged QTc on a previous ECG")
    ecg = None
    on_qt_drug = any(m.name == "amiodarone" for m in meds)
    if prolonged or on_qt_drug or age >= 50 or rng.random() < 0.5:
        ecg = ecg_for(rng, sex, prolonged)
    if liver is None:
        liver = liver_tests(rng, "normal")
    if liver.cirrhosis:
        conditions.append("alcohol-related liver cirrhosis")
    pregnant = None
    if (
        sex == "female"
        and 18 <= age <= 42
        and v.diagnosis != "alcohol_use_disorder"
        and rng.random() < 0.15
    ):
        pregnant = int(rng.integers(8, 30))
    return {
        "conditions": conditions,
        "medications": meds,
        "height_cm": height,
        "weight_kg": weight,
        "creatinine_mg_dl": creatinine,
        "ecg": ecg,
        "liver": liver,
        "pregnant_weeks": pregnant,
        "seizure_history": seizures,
    }


def body_size(rng: np.random.Generator, age: int, sex: str) -> tuple[float, float]:
    """(height cm, weight kg) plausible for age and sex.

    Adult height about 176 +/- 7 cm (men) and 162 +/- 6.5 cm (women), a little less after
    70; BMI about 26.5 +/- 4.5 kg/m^2 kept within 18.5-40 (NCD Risk Factor Collaboration,
    Lancet 2016;387:1377-96 and eLife 2016;5:e13410: adult height and BMI distributions).
    """
    mean = 176.0 if sex == "male" else 162.0
    sd = 7.0 if sex == "male" else 6.5
    height = float(np.clip(rng.normal(mean - 3.0 * (age >= 70), sd), mean - 20, mean + 20))
    bmi = float(np.clip(rng.normal(26.5, 4.5), 18.5, 40.0))
    height = round(height)
    return float(height), float(round(bmi * (height / 100) ** 2))


def normal_creatinine(rng: np.random.Generator, sex: str) -> float:
    """Serum creatinine within the adult reference interval, mg/dL (men 0.70-1.20,
    women 0.55-1.00; enzymatic IDMS-traceable assay reference intervals, e.g. Junge W, et
    al. Clin Chim Acta 2004;344:137-48)."""
    lo, hi = (0.70, 1.20) if sex == "male" else (0.55, 1.00)
    return round(float(rng.uniform(lo, hi)), 2)


def ckd4_creatinine(rng: np.random.Generator, age: int, sex: str) -> float:
    """A serum creatinine (mg/dL) whose CKD-EPI 2021 eGFR is 15-29 mL/min/1.73 m^2:
    KDIGO 2012 category G4, what "chronic kidney disease stage 4" means (Inker LA, et al.
    N Engl J Med 2021;385:1737-49, the project calculator)."""
    grid = [round(x, 2) for x in np.arange(1.5, 8.0, 0.05)]
    fits = [
        c
        for c in grid
        if 15 <= ckd_epi_2021(age=age, sex=sex, creatinine=c).value < 30  # type: ignore[arg-type]
    ]
    return float(fits[int(rng.integers(len(fits)))])


def ecg_for(rng: np.random.Generator, sex: str, prolonged: bool) -> Ecg:
    """A resting ECG whose Bazett QTc is normal for sex (below the AHA/ACCF/HRS 2009
    limits of 450 ms in men and 460 ms in women; Rautaharju PM, et al. Circulation
    2009;119:e241-50) or, for a prolonged QTc, 505-525 ms (> 500 ms: Drew BJ, et al.
    Circulation 2010;121:1047-60).  The QT is measured; the QTc is computed from it."""
    rate = int(rng.integers(58, 97))
    if prolonged:
        target = float(rng.uniform(505, 525))
    else:
        target = float(rng.uniform(385, 440 if sex == "male" else 450))
    qt = round(target * (60.0 / rate) ** 0.5)
    return Ecg(heart_rate=rate, qt_ms=qt)


def liver_tests(rng: np.random.Generator, kind: str) -> LiverTests:
    """Liver blood tests: ``normal``; ``raised`` (heavy drinking: GGT and transaminases
    raised, AST above ALT - Cohen JA, Kaplan MM. Dig Dis Sci 1979;24:835-8); or
    ``cirrhosis_b`` / ``cirrhosis_c`` with Child-Pugh inputs drawn for class B (score 8)
    or C (score 12) - Pugh RN, et al. Br J Surg 1973;60:646-9."""
    u = rng.uniform
    if kind == "normal":
        return LiverTests(
            alt_u_l=int(u(12, 36)),
            ast_u_l=int(u(12, 33)),
            ggt_u_l=int(u(10, 46)),
            bilirubin_mg_dl=round(float(u(0.3, 1.1)), 1),
            albumin_g_dl=round(float(u(3.8, 4.8)), 1),
            inr=round(float(u(0.9, 1.1)), 1),
        )
    raised = dict(alt_u_l=int(u(30, 70)), ast_u_l=int(u(60, 140)), ggt_u_l=int(u(90, 400)))
    if kind == "raised":
        return LiverTests(
            **raised,
            bilirubin_mg_dl=round(float(u(0.4, 1.1)), 1),
            albumin_g_dl=round(float(u(3.6, 4.6)), 1),
            inr=round(float(u(0.9, 1.1)), 1),
        )
    if kind == "cirrhosis_b":
        return LiverTests(
            **raised,
            bilirubin_mg_dl=round(float(u(2.1, 2.9)), 1),
            albumin_g_dl=round(float(u(2.9, 3.4)), 1),
            inr=round(float(u(1.3, 1.6)), 1),
            cirrhosis=True,
            ascites="mild",
        )
    return LiverTests(
        **raised,
        bilirubin_mg_dl=round(float(u(3.3, 5.0)), 1),
        albumin_g_dl=round(float(u(2.2, 2.7)), 1),
        inr=round(float(u(1.8, 2.2)), 1),
        cirrhosis=True,
        ascites="moderate_severe",
    )


def risk_factors(rng: np.random.Generator, r: PsychRecord) -> dict[str, Any]:
    """Risk and protective factors (VA/DoD 2019) derived from the record's facts.

    Each factor is a fact some history tool reports (issue 17: no factor known only to
    the risk interview): prior attempt and family history of suicide in the psychiatric
    history, hopelessness in the presentation, firearm, loss, living alone, substance
    use, unemployment, faith and care in the social history, chronic pain in the medical
    history.
    """
    firearm = rng.random() < (0.35 if r.trauma and "combat" in r.trauma.what else 0.2)
    risk = []
    if r.cssrs.suicidal_behavior != "none":
        risk.append("prior_attempt")
    if firearm:
        risk.append("firearm_access")
    if r.stressor is not None or (r.trauma is not None and r.trauma.months_ago < 6):
        risk.append("recent_loss")
    if "alone" in r.living or "homeless" in r.living:
        risk.append("living_alone")
    heavy = r.alcohol.drinks_per_week > (14 if r.sex == "male" else 7)
    if heavy or "daily" in r.drug_use:
        risk.append("substance_misuse")
    if "chronic low back pain" in r.conditions:
        risk.append("chronic_pain")
    if r.occupation == "unemployed":
        risk.append("unemployment")
    if r.cssrs.suicidal_thoughts:
        risk.append("hopelessness")
    if any("suicide" in f for f in r.family_history):
        risk.append("family_history_suicide")
    protective = []
    if not r.supports.startswith("few"):
        protective.append("social_support")
    if "children" in r.living:
        protective.append("children_at_home")
    if rng.random() < 0.25:
        protective.append("religious_faith")
    if rng.random() < 0.4:
        protective.append("engaged_in_care")
    if not r.cssrs.suicidal_thoughts:
        protective.append("future_plans")
    return {"firearm_access": firearm, "risk_factors": risk, "protective_factors": protective}
