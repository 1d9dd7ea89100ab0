"""Record tools of drug_interaction (kind ``observe``): the patient's chart as a pharmacist
sees it.  Every successful call is recorded in the episode's elicitation record under
the tool's name, which gates the record-reading calculators of :mod:`.tools_dosing`."""

from __future__ import annotations

from ...clinical.drugs import CONDITIONS
from ...tools import tool
from .records import DrugState

ASCITES = {"none": "none", "mild": "mild", "moderate_severe": "moderate to severe"}
ENCEPHALOPATHY = {"none": "none", "grade_1_2": "grade 1-2", "grade_3_4": "grade 3-4"}


@tool(kind="observe")
def get_patient_summary(state: DrugState) -> str:
    """Return age, sex, weight, height, pregnancy and breastfeeding status."""
    p = state.patient
    state.record_viewed.add("summary")
    pregnancy = f"pregnant, {p.gestational_weeks} weeks" if p.pregnant else "not pregnant"
    status = f" Pregnancy: {pregnancy}. Breastfeeding: {'yes' if p.lactating else 'no'}."
    return (
        f"{p.name}, {p.age}-year-old {p.sex}. Weight {p.weight_kg:g} kg, height "
        f"{p.height_cm:g} cm." + (status if p.sex == "female" else "")
    )


@tool(kind="observe")
def get_problem_list(state: DrugState) -> str:
    """Return the patient's active problem list (diagnoses)."""
    state.record_viewed.add("problems")
    items = [CONDITIONS[c].name for c in state.patient.conditions]
    return "Active problems: " + ("; ".join(items) if items else "none recorded") + "."


@tool(kind="observe")
def get_medication_list(state: DrugState) -> str:
    """Return the current home medications as written, with doses and indications."""
    state.record_viewed.add("medications")
    meds = state.patient.medications
    if not meds:
        return "No current medications."
    lines = [
        f"{i}. {m.label} {m.dose} (for {CONDITIONS[m.indication].name.lower()})"
        for i, m in enumerate(meds, 1)
    ]
    return f"Current medications ({len(meds)}):\n" + "\n".join(lines)


@tool(kind="observe")
def get_allergies(state: DrugState) -> str:
    """Return documented drug allergies and the reactions they caused."""
    state.record_viewed.add("allergies")
    allergies = state.patient.allergies
    if not allergies:
        return "No known drug allergies."
    return "Allergies: " + "; ".join(f"{a.allergen} ({a.reaction})" for a in allergies) + "."


@tool(kind="observe")
def get_labs(state: DrugState) -> str:
    """Return recent laboratory results, liver-related findings and the latest ECG QTc."""
    state.record_viewed.add("labs")
    p = state.patient
    ecg = f"QTc {p.qtc_ms} ms" if p.qtc_ms is not None else "no ECG on file"
    return (
        f"Serum creatinine {p.creatinine_mg_dl:g} mg/dL (ref 0.6-1.2); potassium "
        f"{p.potassium:g} mmol/L (ref 3.5-5.0); total bilirubin {p.bilirubin_mg_dl:g} mg/dL "
        f"(ref 0.3-1.2); albumin {p.albumin_g_dl:g} g/dL (ref 3.5-5.0); INR {p.inr:g}; ALT "
        f"{p.alt} U/L; AST {p.ast} U/L. Examination: ascites {ASCITES[p.ascites]}; hepatic "
        f"encephalopathy {ENCEPHALOPATHY[p.encephalopathy]}. ECG: {ecg}."
    )


RECORD_TOOLS = [get_patient_summary, get_problem_list, get_medication_list, get_allergies, get_labs]
