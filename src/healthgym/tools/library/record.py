"""Record tools of a patient work-up: history, examination, vital signs, labs, imaging, ECG.

Every tool is ``observe`` (see :mod:`healthgym.tools.registry`): each returns one part
of the :class:`healthgym.patients.model.Patient` record of an
:class:`~.encounter.EncounterState`; laboratory values appear only once ordered, and
imaging and ECG reports describe findings without naming a diagnosis.  Every call is
recorded in the episode's elicitation record under its tool name; ``examine``, the
laboratory tools and ``order_imaging`` also record what they showed
(``examine:abdominal``, ``order_lab_test:bun``, ...; see :mod:`.encounter`), so
record-bound score tools can require exactly the findings they read.

Offered by clinical_diagnosis and cross_domain (same names, schemas and code).
"""

from __future__ import annotations

from typing import Literal

from ...clinical.features import FEATURES
from ...clinical.imaging import IMAGING
from ...clinical.labs import LAB_TESTS, panels
from ...patients.comorbidities import COMORBIDITIES
from ..elicit import elicited
from ..registry import tool
from .encounter import EncounterState, exam_key, imaging_key, lab_key, panel_key

EXAM_SYSTEMS = (
    "general",
    "heent",
    "neck",
    "cardiovascular",
    "respiratory",
    "abdominal",
    "genitourinary",
    "musculoskeletal",
    "skin",
    "neurological",
    "extremities",
)
NORMAL_EXAM: dict[str, str] = {
    "general": "Awake and cooperative.",
    "heent": "Oropharynx clear, mucous membranes moist, no scleral icterus.",
    "neck": "Supple, no lymphadenopathy, jugular venous pressure not raised.",
    "cardiovascular": "Regular rhythm, normal heart sounds, no murmurs.",
    "respiratory": "Clear to auscultation bilaterally, no wheeze or crackles.",
    "abdominal": "Soft, non-tender, non-distended, normal bowel sounds.",
    "genitourinary": "No costovertebral angle tenderness.",
    "musculoskeletal": "No joint swelling, warmth or tenderness; full range of motion.",
    "skin": "Warm and dry, no rash.",
    "neurological": "Alert and oriented, cranial nerves intact, normal strength and sensation.",
    "extremities": "No edema, calves soft and non-tender.",
}

ExamSystem = Literal[EXAM_SYSTEMS]  # type: ignore[valid-type]
PanelName = Literal[tuple(panels())]  # type: ignore[valid-type]
LabName = Literal[tuple(LAB_TESTS)]  # type: ignore[valid-type]
StudyName = Literal[tuple(IMAGING)]  # type: ignore[valid-type]
VITAL_LABELS = {
    "hr": ("Heart rate", "beats/min"),
    "sbp": ("Systolic blood pressure", "mmHg"),
    "dbp": ("Diastolic blood pressure", "mmHg"),
    "rr": ("Respiratory rate", "breaths/min"),
    "temp_c": ("Temperature", "C"),
    "spo2": ("Oxygen saturation (room air)", "%"),
}


@tool(kind="observe")
def get_demographics(state: EncounterState) -> str:
    """Return the patient's age, sex, height, weight and body-mass index."""
    p = state.patient
    return (
        f"{p.name}, {p.age}-year-old {p.sex}. Height {p.height_cm:g} cm, weight "
        f"{p.weight_kg:g} kg, BMI {p.bmi:g} kg/m2."
    )


@tool(kind="observe")
def get_history_of_present_illness(state: EncounterState) -> str:
    """Take the history of the presenting complaint: symptoms and pertinent negatives."""
    p = state.patient
    lines = [f"Presenting complaint: {p.chief_complaint}."]
    lines += [FEATURES[f].present for f in p.features if FEATURES[f].kind == "symptom"]
    lines += [FEATURES[f].absent for f in p.pertinent_negatives if FEATURES[f].kind == "symptom"]
    return " ".join(lines)


@tool(kind="observe")
def get_past_medical_history(state: EncounterState) -> str:
    """Return past medical history: chronic conditions and relevant past events."""
    p = state.patient
    conditions = [COMORBIDITIES[c].name for c in p.comorbidities]
    events = [
        FEATURES[f].present
        for f in p.features
        if FEATURES[f].kind == "history" and f not in ("current_smoker", "alcohol_excess")
    ]
    text = "Conditions: " + ("; ".join(conditions) if conditions else "none known") + "."
    if events:
        text += " History: " + " ".join(events)
    return text


@tool(kind="observe")
def get_social_history(state: EncounterState) -> str:
    """Return smoking and alcohol history."""
    return f"Smoking: {state.patient.smoking} Alcohol: {state.patient.alcohol}"


@tool(kind="observe")
def get_medications(state: EncounterState) -> str:
    """Return the patient's current home medications with doses."""
    meds = state.patient.medications
    if not meds:
        return "No regular medications."
    return "; ".join(
        f"{m.name} {m.dose}" + (f" ({m.indication})" if m.indication else "") for m in meds
    )


@tool(kind="observe")
def get_allergies(state: EncounterState) -> str:
    """Return documented drug allergies and the reactions they caused."""
    allergies = state.patient.allergies
    if not allergies:
        return "No known drug allergies."
    return "; ".join(f"{a.allergen}: {a.reaction}" for a in allergies)


@tool(kind="observe")
def get_vitals(state: EncounterState) -> str:
    """Return the triage vital signs."""
    v = state.patient.vitals
    parts = [f"{VITAL_LABELS[k][0]} {v[k]:g} {VITAL_LABELS[k][1]}" for k in VITAL_LABELS]
    return "; ".join(parts) + "."


@tool(kind="observe")
def examine(state: EncounterState, system: ExamSystem) -> str:
    """Perform a focused physical examination of one body system.

    Args:
        system: the body system to examine.
    """
    p = state.patient
    found = [
        FEATURES[f].present
        for f in p.features
        if FEATURES[f].kind == "sign" and FEATURES[f].system == system
    ]
    found += p.exam.get(system, [])
    negatives = [
        FEATURES[f].absent
        for f in p.pertinent_negatives
        if FEATURES[f].kind == "sign" and FEATURES[f].system == system
    ]
    elicited(state).show(exam_key(system))
    if not found:
        return " ".join([NORMAL_EXAM[system], *negatives]).strip()
    return " ".join(found + negatives)


def _lab_line(key: str, value: float | str) -> str:
    test = LAB_TESTS[key]
    flag = test.flag(value)
    shown = value if isinstance(value, str) else f"{value:g}"
    if test.categorical:
        return f"{test.name}: {shown}"
    unit = f" {test.unit}" if test.unit else ""
    ref = f"(ref {test.low:g}-{test.high:g})"
    return f"{test.name}: {shown}{unit} {ref}" + (f" [{flag}]" if flag else "")


@tool(kind="observe")
def order_lab_panel(state: EncounterState, panel: PanelName) -> str:
    """Order a laboratory panel and return its results with reference intervals.

    Args:
        panel: the panel to order (e.g. cbc, bmp).
    """
    keys = panels()[panel]
    state.revealed_labs.update(keys)
    elicited(state).show(panel_key(panel), *(lab_key(k) for k in keys))
    return "; ".join(_lab_line(k, state.patient.labs[k]) for k in keys)


@tool(kind="observe")
def order_lab_test(state: EncounterState, test: LabName) -> str:
    """Order a single laboratory test and return its result.

    Args:
        test: the test to order (a key of the laboratory catalogue, e.g. troponin_i).
    """
    state.revealed_labs.add(test)
    elicited(state).show(lab_key(test))
    return _lab_line(test, state.patient.labs[test])


@tool(kind="observe")
def order_imaging(state: EncounterState, study: StudyName) -> str:
    """Order an imaging or diagnostic study and return the radiologist's report.

    Args:
        study: the study to order.
    """
    state.imaging_done.add(study)
    elicited(state).show(imaging_key(study))
    report = state.patient.imaging.get(study, IMAGING[study].normal_report)
    return f"{IMAGING[study].name}: {report}"


@tool(kind="observe")
def order_ecg(state: EncounterState) -> str:
    """Record a 12-lead ECG and return its interpretation."""
    state.ecg_done = True
    return f"12-lead ECG: {state.patient.ecg}"


RECORD_TOOLS = [
    get_demographics,
    get_history_of_present_illness,
    get_past_medical_history,
    get_social_history,
    get_medications,
    get_allergies,
    get_vitals,
    examine,
    order_lab_panel,
    order_lab_test,
    order_imaging,
    order_ecg,
]
