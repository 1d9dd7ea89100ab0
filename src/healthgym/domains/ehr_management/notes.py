"""Clinical notes written from an admission's generated facts.

Notes narrate what happened (complaint, diagnoses, procedures, ICU care, disposition)
without the quantities chart-review questions ask about: they never quote laboratory
values, culture results, scores, risk bands or medication changes, so an answer must
be derived from the structured tables (see the leak rule in :mod:`.tasks`).
"""

from __future__ import annotations

from datetime import datetime

from .catalog import ICD10_CM, ICD10_PCS
from .realise import AdmissionCtx, Builder, fmt

FOLLOW_UP = {
    "sepsis_aki": "primary care and nephrology",
    "hf_exacerbation": "cardiology (heart failure clinic)",
    "dka": "endocrinology (diabetes clinic)",
    "gi_bleed": "gastroenterology",
    "pneumonia": "primary care",
    "aki_hyperkalemia": "nephrology",
    "elective_pci": "cardiology",
}


def _add(b: Builder, ctx: AdmissionCtx, when: datetime, category: str, text: str) -> None:
    row = [b.next_id("note", 0), b.subject_id, ctx.hadm_id, fmt(when), category, text]
    b.add("noteevents", row)


def write_notes(
    b: Builder,
    ctx: AdmissionCtx,
    disch: datetime | None,
    diagnoses: list[str],
    procedures: list[str],
) -> None:
    spec = ctx.spec
    for hour, finding in spec.radiology:
        if hour <= ctx.end_h:
            text = f"CHEST (PORTABLE AP)\nFINDINGS: {finding}\nIMPRESSION: As above."
            _add(b, ctx, ctx.time(hour), "Radiology", text)
    route = (
        "Admitted through the emergency department."
        if spec.admission_type != "ELECTIVE"
        else "Elective admission for a scheduled procedure."
    )
    if disch is None:
        text = (
            f"Admission note\nChief complaint: {spec.complaint}.\n{route}\n"
            "Assessment and plan: workup and treatment as ordered; see the order record."
        )
        _add(b, ctx, ctx.time(2.5), "Physician", text)
        return
    icu = f" Cared for in the {spec.careunit} for part of the stay." if spec.icu else ""
    others = "; ".join(ICD10_CM[c] for c in diagnoses[1:]) or "none"
    done = "; ".join(ICD10_PCS[c] for c in procedures) or "none"
    text = (
        "Discharge Summary\n"
        f"Admission date: {ctx.admit:%Y-%m-%d}  Discharge date: {disch:%Y-%m-%d}\n"
        f"Chief complaint: {spec.complaint}.\n"
        f"Principal diagnosis: {ICD10_CM[diagnoses[0]]}\n"
        f"Other diagnoses: {others}\n"
        f"Procedures: {done}\n"
        f"Hospital course: {route}{icu} Treated as documented in the order record; see the "
        "laboratory and flowsheet data for the course.\n"
        f"Disposition: {spec.discharge_location}\n"
        f"Follow-up: {FOLLOW_UP[spec.course]} within 2 weeks."
    )
    _add(b, ctx, disch, "Discharge summary", text)
