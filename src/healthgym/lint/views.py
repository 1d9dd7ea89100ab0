"""Per-domain record views: a task's hidden record as :class:`~.model.PatientView` s.

The views only read the records the domain generators write (shapes from each
domain's ``records.py``); they never change them.  Units are converted to the
project's catalogue (:mod:`healthgym.clinical.labs`): glucose 1 mmol/L = 18.016 mg/dL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from ..clinical.diseases import PROFILES
from ..clinical.features import FEATURES
from ..patients.coherence import is_sglt2
from ..patients.comorbidities import COMORBIDITIES
from ..tasks import Task
from .model import PatientView

GLUCOSE_MMOL_TO_MG = 18.016

# comorbidity / disease-profile keys -> condition tags the rules read
COMORBIDITY_TAGS = {
    "heart_failure": "hfref",
    "chronic_kidney_disease": "ckd",
}
PROFILE_TAGS = {
    "diabetic_ketoacidosis": "dka",
    "acute_decompensated_heart_failure": "acute_hf",
    "prerenal_aki": "aki",
    "hyperkalaemia": "aki",
}
# labs a comorbidity or home drug implies (healthgym.patients.coherence.implied_labs)
IMPLIED_BY_COMORBIDITY = {
    "heart_failure": {"bnp"},
    "chronic_kidney_disease": {"creatinine", "bun"},
}
SEX_SPECIFIC_FEATURES = {"estrogen_use": "female", "menorrhagia": "female"}

# numeric keys a record may state as derived values
_STATED = {
    "bmi": "bmi",
    "crcl": "crcl",
    "crcl_ml_min": "crcl",
    "creatinine_clearance": "crcl",
    "egfr": "egfr",
    "qtc": "qtc_ms",
    "qtc_ms": "qtc_ms",
}


def _stated(record: dict[str, Any]) -> dict[str, float]:
    out = {}
    for key, value in record.items():
        k = _STATED.get(key.lower())
        if k and isinstance(value, (int, float)) and not isinstance(value, bool):
            out[k] = float(value)
    return out


def _texts(value: Any, prefix: str) -> Iterator[tuple[str, str]]:
    """Every string of a nested record, with its path as the section name."""
    if isinstance(value, str):
        if any(c.isalpha() for c in value):
            yield prefix, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _texts(v, f"{prefix}.{k}" if prefix else str(k))
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _texts(v, prefix)


# --- the shared patient (clinical_diagnosis, cross_domain) ---------------------------


def patient_view(task: Task, p: dict[str, Any], scenario_known: bool) -> PatientView:
    """A :class:`healthgym.patients.model.Patient` record.  With ``scenario_known`` the
    disease profile's labs (and what the comorbidities and drugs imply) are the only
    abnormal labs allowed."""
    profile = PROFILES.get(p["condition"])
    comorbidities = list(p["comorbidities"])
    meds = [m["name"] for m in p["medications"]]
    conditions = {COMORBIDITY_TAGS[c] for c in comorbidities if c in COMORBIDITY_TAGS}
    if p["condition"] in PROFILE_TAGS:
        conditions.add(PROFILE_TAGS[p["condition"]])
    explained: set[str] | None = None
    if scenario_known and profile is not None:
        explained = set(profile.labs)
        for c in comorbidities:
            explained |= IMPLIED_BY_COMORBIDITY.get(c, set())
        if any(is_sglt2(m) for m in meds):
            explained.add("ua_glucose")
        if explained & {"sodium", "bicarbonate"}:
            explained.add("chloride")  # derived from them (anion gap 8-12)
        if "hemoglobin" in explained:
            explained.add("hematocrit")
    present = [FEATURES[f] for f in p["features"] if f in FEATURES]
    sections = [("chief complaint", p["chief_complaint"])]
    sections += [("history", f.present) for f in present if f.kind != "sign"]
    sections += [
        ("history", FEATURES[f].absent)
        for f in p["pertinent_negatives"]
        if f in FEATURES and FEATURES[f].absent
    ]
    sections += [("examination", f.present) for f in present if f.kind == "sign"]
    sections += [("examination", t) for v in p["exam"].values() for t in v]
    sections += [(f"imaging {k}", v) for k, v in p["imaging"].items()]
    sections.append(("ecg", p["ecg"]))
    sex_specific = [(f, s) for f, s in SEX_SPECIFIC_FEATURES.items() if f in p["features"]]
    sex_specific += [
        (c, COMORBIDITIES[c].sex or "")
        for c in comorbidities
        if c in COMORBIDITIES and COMORBIDITIES[c].sex
    ]
    return PatientView(
        task_id=task.id,
        age=p["age"],
        sex=p["sex"],
        weight_kg=p["weight_kg"],
        height_cm=p["height_cm"],
        medications=meds,
        labs=dict(p["labs"]),
        vitals=dict(p["vitals"]),
        explained_labs=explained,
        conditions=conditions,
        sex_specific=sex_specific,
        sections=sections,
        stated=_stated(p),
    )


def clinical_diagnosis(task: Task) -> list[PatientView]:
    return [patient_view(task, task.hidden["patient"], scenario_known=True)]


def cross_domain(task: Task) -> list[PatientView]:
    """The pathway patient: its pathway overlay sets labs on purpose, so only the
    plausibility bounds apply to them; the triage view adds the nurse's sections."""
    h = task.hidden
    view = patient_view(task, h["patient"], scenario_known=False)
    facts = h.get("facts") or {}
    if facts.get("pathway") == "dka":
        view.conditions.add("dka")
    triage = h.get("triage") or {}
    for key in ("chief_complaint", "hpi", "exam", "appearance", "airway", "breathing"):
        view.sections += [(f"triage {key}", t) for _, t in _texts(triage.get(key), key)]
    view.sections += [(f"facts {s}", t) for s, t in _texts(facts.get("notes") or {}, "notes")]
    return [view]


# --- other domains ---------------------------------------------------------------------


def drug_interaction(task: Task) -> list[PatientView]:
    p = task.hidden["patient"]
    labs: dict[str, float | str] = {}
    for src, key in (
        ("creatinine_mg_dl", "creatinine"),
        ("potassium", "potassium"),
        ("bilirubin_mg_dl", "bilirubin_total"),
        ("albumin_g_dl", "albumin"),
        ("inr", "inr"),
        ("alt", "alt"),
        ("ast", "ast"),
    ):
        if p.get(src) is not None:
            labs[key] = p[src]
    # its "chronic kidney disease" has no stage (stages 1-2 keep an eGFR >= 60), so it
    # is not tagged as the stage 3-4 disease of the shared patients
    conditions = {c for c in p.get("conditions", []) if c != "chronic_kidney_disease"}
    if p.get("pregnant"):
        conditions.add("pregnant")
    return [
        PatientView(
            task_id=task.id,
            age=p.get("age"),
            sex=p.get("sex"),
            weight_kg=p.get("weight_kg"),
            height_cm=p.get("height_cm"),
            medications=[m["drug"] for m in p.get("medications", [])],
            regimen_is_subject=True,  # every task is about the regimen's interactions
            labs=labs,
            conditions=conditions,
            sex_specific=[("pregnancy", "female")] if p.get("pregnant") else [],
            stated=_stated(p),
        )
    ]


ARREST_WORDS = ("arrest", "cpr")


def triage_emergency(task: Task) -> list[PatientView]:
    out = [
        # mass-casualty cards (START): age, sex and a one-line description
        PatientView(
            task_id=task.id,
            who=str(c.get("id", "")),
            age=c.get("age_years"),
            sex=c.get("sex"),
            sections=[("description", str(c.get("description", "")))],
        )
        for c in task.hidden.get("casualties", [])
    ]
    for p in task.hidden.get("patients", []):
        poc = p.get("poc") or {}
        labs: dict[str, float | str] = {}
        if isinstance(poc.get("glucose"), (int, float)):
            labs["glucose"] = round(float(poc["glucose"]) * GLUCOSE_MMOL_TO_MG)
        if isinstance(poc.get("lactate"), (int, float)):
            labs["lactate"] = float(poc["lactate"])
        scenario = str(p.get("scenario", ""))
        vitals = {k: float(v) for k, v in (p.get("vitals") or {}).items() if v is not None}
        sections = [
            (key, t)
            for key in ("chief_complaint", "hpi", "exam", "appearance", "airway", "breathing")
            for _, t in _texts(p.get(key), key)
        ]
        out.append(
            PatientView(
                task_id=task.id,
                who=str(p.get("id", "")),
                age=float(p["age_days"]) / 365.25 if p.get("age_days") is not None else None,
                sex=p.get("sex"),
                weight_kg=p.get("weight_kg"),
                medications=list(p.get("medications", [])),
                labs=labs,
                vitals=vitals,
                explained_vitals=any(w in scenario.lower() for w in ARREST_WORDS),
                conditions={"dka"} if scenario == "dka" else set(),
                sections=sections,
            )
        )
    return out


def obstetrics(task: Task) -> list[PatientView]:
    p = task.hidden["patient"]
    labs = {k: v for k, v in (p.get("labs") or {}).items() if isinstance(v, (int, float, str))}
    sections = [
        (key, t)
        for key in ("history", "symptoms", "negatives", "exam", "dating_note", "lmp_note")
        for _, t in _texts(p.get(key), key)
    ]
    return [
        PatientView(
            task_id=task.id,
            age=p.get("age"),
            sex="female",
            medications=[m["drug"] for m in p.get("medications", [])],
            labs=labs,
            vitals={k: float(v) for k, v in (p.get("vitals") or {}).items()},
            conditions={"pregnant"},
            sections=sections,
            stated=_stated(p),
        )
    ]


def psychiatry(task: Task) -> list[PatientView]:
    r = task.hidden["record"]
    ecg = r.get("ecg") or {}
    labs: dict[str, float | str] = {}
    if r.get("creatinine_mg_dl") is not None:
        labs["creatinine"] = r["creatinine_mg_dl"]
    liver = r.get("liver") or {}
    for src, key in (
        ("alt_u_l", "alt"),
        ("ast_u_l", "ast"),
        ("bilirubin_mg_dl", "bilirubin_total"),
        ("albumin_g_dl", "albumin"),
        ("inr", "inr"),
    ):
        if liver.get(src) is not None:
            labs[key] = liver[src]
    conditions = {"ckd"} if any("kidney disease" in c for c in r.get("conditions", [])) else set()
    sections = [
        (key, t)
        for key in ("chief_complaint", "impairment_text", "labs", "cognitive_concern")
        for _, t in _texts(r.get(key), key)
    ]
    return [
        PatientView(
            task_id=task.id,
            age=r.get("age"),
            sex=r.get("sex"),
            weight_kg=r.get("weight_kg"),
            height_cm=r.get("height_cm"),
            medications=[m["name"] for m in r.get("medications", [])],
            labs=labs,
            conditions=conditions,
            sex_specific=[("pregnancy", "female")] if r.get("pregnant_weeks") else [],
            sections=sections,
            stated={**_stated(r), **_stated(ecg)},
            qt_ms=ecg.get("qt_ms"),
            heart_rate=ecg.get("heart_rate"),
        )
    ]


def radiology_report(task: Task) -> list[PatientView]:
    s = task.hidden["study"]
    p = s.get("patient") or {}
    sections = [
        (key, t)
        for key in ("indication", "history", "findings")
        for _, t in _texts(s.get(key), key)
    ]
    return [PatientView(task_id=task.id, age=p.get("age"), sex=p.get("sex"), sections=sections)]


def visual_diagnosis(task: Task) -> list[PatientView]:
    h = task.hidden
    params = h.get("params") or {}
    vitals = {"hr": float(params["rate"])} if isinstance(params.get("rate"), (int, float)) else {}
    # a flutter/fibrillation tracing reports the ventricular rate; no QT is drawn
    return [
        PatientView(
            task_id=task.id,
            age=h.get("age"),
            sex=h.get("sex"),
            vitals=vitals if h.get("kind") == "ecg" else {},
        )
    ]


def medical_qa(task: Task) -> list[PatientView]:
    """A question: the vignette in the prompt is the only record."""
    return [PatientView(task_id=task.id, sections=[("vignette", task.prompt)])]


_ICD_HFREF = re.compile(r"^I50\.2")
_ICD_CKD = re.compile(r"^N18\.[34]")
_ICD_DKA = re.compile(r"^E1[013]\.1")


def ehr_management(task: Task) -> list[PatientView]:
    """One subject per task: the latest admission's medication reconciliation and the
    coded diagnoses (notes span admissions, so no cross-note contradiction check)."""
    t = task.hidden["tables"]
    views = []
    for subject, gender, anchor_age, *_ in t.get("patients", []):
        recon = [r for r in t.get("medrecon", []) if r[0] == subject]
        latest = max(recon, key=lambda r: r[2])[1] if recon else None
        meds = [r[3] for r in recon if r[1] == latest]
        codes = [r[3] for r in t.get("diagnoses_icd", []) if r[0] == subject]
        conditions = set()
        if any(_ICD_HFREF.match(c) for c in codes):
            conditions.add("hfref_coded")
        if any(_ICD_CKD.match(c) for c in codes):
            conditions.add("ckd_coded")
        views.append(
            PatientView(
                task_id=task.id,
                who=f"subject {subject}",
                age=anchor_age,
                sex={"M": "male", "F": "female"}.get(gender),
                medications=meds,
                conditions=conditions,
            )
        )
    return views


VIEWS: dict[str, Callable[[Task], list[PatientView]]] = {
    "clinical_diagnosis": clinical_diagnosis,
    "cross_domain": cross_domain,
    "drug_interaction": drug_interaction,
    "triage_emergency": triage_emergency,
    "obstetrics": obstetrics,
    "psychiatry": psychiatry,
    "radiology_report": radiology_report,
    "visual_diagnosis": visual_diagnosis,
    "medical_qa": medical_qa,
    "ehr_management": ehr_management,
}
