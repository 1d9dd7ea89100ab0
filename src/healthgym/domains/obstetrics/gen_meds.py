"""Case builder: medication review in early or mid pregnancy.

The patient has one to three chronic conditions, each with a current drug.  In about
70% of cases at least one drug is unsafe at her gestational age (``contraindicated``
or ``avoid`` in :mod:`.medications`); otherwise every drug is ``compatible``.  The
reference plan keeps compatible drugs, replaces an unsafe drug by the first
compatible option for a condition that needs treatment in pregnancy, and simply stops
it otherwise (statins, systemic acne drugs).
"""

from __future__ import annotations

import numpy as np

from ...clinical.guidelines.plan import Plan
from ...tasks import RefCall
from .generator import Case, base_patient, pick, ri
from .medications import CONDITIONS, DRUG_BY_KEY, level_at, safe_options, unsafe_options
from .records import MedicationEntry, ObPatient

DOSES = {
    "lisinopril": "10 mg once daily",
    "enalapril": "10 mg twice daily",
    "losartan": "50 mg once daily",
    "valsartan": "80 mg once daily",
    "atenolol": "50 mg once daily",
    "labetalol": "200 mg twice daily",
    "nifedipine": "30 mg extended release once daily",
    "methyldopa": "250 mg three times daily",
    "warfarin": "5 mg once daily (INR 2-3)",
    "apixaban": "5 mg twice daily",
    "rivaroxaban": "20 mg once daily",
    "enoxaparin": "1 mg/kg subcutaneously twice daily",
    "valproate": "500 mg twice daily",
    "topiramate": "100 mg twice daily",
    "phenytoin": "300 mg once daily",
    "lamotrigine": "200 mg twice daily",
    "levetiracetam": "1000 mg twice daily",
    "isotretinoin": "40 mg once daily",
    "doxycycline": "100 mg once daily",
    "minocycline": "100 mg once daily",
    "azelaic_acid": "15% gel twice daily",
    "benzoyl_peroxide": "5% gel once daily",
    "methotrexate": "15 mg once weekly",
    "leflunomide": "20 mg once daily",
    "hydroxychloroquine": "200 mg twice daily",
    "sulfasalazine": "1 g twice daily",
    "mycophenolate": "1 g twice daily",
    "azathioprine": "100 mg once daily",
    "tacrolimus": "2 mg twice daily",
    "atorvastatin": "40 mg once daily",
    "simvastatin": "20 mg at night",
    "levothyroxine": "100 mcg once daily",
    "methimazole": "10 mg once daily",
    "propylthiouracil": "100 mg three times daily",
    "sertraline": "100 mg once daily",
    "fluoxetine": "20 mg once daily",
    "escitalopram": "10 mg once daily",
    "paroxetine": "20 mg once daily",
    "albuterol": "2 puffs as needed",
    "budesonide": "200 mcg inhaled twice daily",
    "acetaminophen": "1 g up to four times daily as needed",
    "ibuprofen": "400 mg three times daily",
    "naproxen": "500 mg twice daily",
    "cephalexin": "500 mg twice daily for 5 days (started yesterday)",
    "amoxicillin": "500 mg three times daily for 5 days (started yesterday)",
    "nitrofurantoin": "100 mg twice daily for 5 days (started yesterday)",
    "ciprofloxacin": "250 mg twice daily for 3 days (started yesterday)",
}


def _choose(rng: np.random.Generator, condition: str, ga_weeks: int, unsafe: bool) -> str | None:
    options = unsafe_options(condition, ga_weeks) if unsafe else safe_options(condition, ga_weeks)
    options = [o for o in options if o in DOSES]
    return pick(rng, options) if options else None


def medication_case(rng: np.random.Generator, pid: str) -> Case:
    ga = ri(rng, 6 * 7, 36 * 7 + 6)
    weeks = ga // 7
    fields = base_patient(rng, pid, ga, "prenatal clinic")
    want_unsafe = rng.random() < 0.7
    conditions = [str(c) for c in rng.permutation(sorted(CONDITIONS))]
    n = ri(rng, 1, 3)
    meds: list[MedicationEntry] = []
    for condition in conditions:
        if len(meds) == n:
            break
        unsafe = (want_unsafe and not meds) or (want_unsafe and rng.random() < 0.3)
        drug = _choose(rng, condition, weeks, unsafe)
        if drug is None:
            continue
        meds.append(MedicationEntry(drug=drug, dose=DOSES[drug], condition=condition))
    fields["medications"] = meds
    if any(m.drug == "warfarin" for m in meds):
        # a woman on warfarin is monitored by INR, kept at 2.0-3.0 for most indications
        # (Coumadin prescribing information 2.1; Holbrook A et al., Chest 2012, ACCP 9th ed.)
        fields["labs"] = {**fields["labs"], "inr": round(float(rng.uniform(2.0, 3.0)), 1)}
    fields["history"][1] = (
        "Conditions: " + "; ".join(CONDITIONS[m.condition].name for m in meds) + "."
    )
    patient = ObPatient(**fields)

    any_unsafe = any(level_at(m.drug, weeks) in ("contraindicated", "avoid") for m in meds)
    keep: list[str] = []
    calls = [RefCall(name="get_medications"), RefCall(name="get_obstetric_history", required=False)]
    for m in meds:
        name = DRUG_BY_KEY[m.drug].names[0]
        args = {"drug": name, "gestational_age_weeks": weeks}
        calls.append(RefCall(name="check_medication_in_pregnancy", arguments=args, required=False))
        if level_at(m.drug, weeks) == "compatible":
            keep.append(name)
        elif CONDITIONS[m.condition].needs_treatment:
            new = DRUG_BY_KEY[safe_options(m.condition, weeks)[0]].names[0]
            keep.append(new)
            args = {"drug": new, "gestational_age_weeks": weeks}
            calls.append(
                RefCall(name="check_medication_in_pregnancy", arguments=args, required=False)
            )
    calls.append(
        RefCall(
            name="lookup_protocol", arguments={"topic": "medications_in_pregnancy"}, required=False
        )
    )
    needs = sorted({m.condition for m in meds if CONDITIONS[m.condition].needs_treatment})
    return Case(
        patient=patient,
        request=(
            "attends a prenatal visit. Review her current medications for safety at this "
            "gestational age; submit whether an unsafe medication was found as the finding and "
            "the complete list of medications she should take from now on."
        ),
        finding="unsafe_medication_identified" if any_unsafe else "medications_compatible",
        plan=Plan(required=()),
        calls=calls,
        evidence=[["medications"]],
        ga_weeks=weeks,
        medications=keep,
        medication_spec={"needs": needs, "ga_weeks": weeks},
    )
