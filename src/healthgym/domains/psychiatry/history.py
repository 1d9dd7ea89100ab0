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

from . import presentations as p
from .conditions import Variant
from .records import Medication, PsychRecord

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


def social_history(rng: np.random.Generator, age: int, facts: dict) -> dict:
    if facts.get("dangerousness", "").startswith("has stopped eating"):
        living = "homeless for the past month"
    elif age >= 70:
        living = p.pick(rng, ["lives with spouse", "lives alone in a flat"])
    else:
        living = p.pick(
            rng,
            [
                "lives alone in a flat",
                "lives with partner and two children",
                "lives with parents",
                "lives with partner",
            ],
        )
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


def medical_history(rng: np.random.Generator, v: Variant, age: int, sex: str) -> dict:
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
    crcl = float(rng.integers(70, 121))
    if age > 50 and rng.random() < 0.08:
        conditions.append("chronic kidney disease stage 4")
        crcl = float(rng.integers(18, 30))
    qtc = int(rng.integers(400, 451))
    if rng.random() < 0.07:
        conditions.append("prolonged QTc on a previous ECG")
        qtc = int(rng.integers(500, 521))
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
        "crcl_ml_min": crcl,
        "qtc_ms": qtc,
        "pregnant_weeks": pregnant,
        "seizure_history": seizures,
    }


def risk_factors(rng: np.random.Generator, r: PsychRecord) -> dict[str, Any]:
    """Risk and protective factors (VA/DoD 2019) derived from the record's facts."""
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
    if rng.random() < 0.08:
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
