"""Record tools of clinical_diagnosis: history, examination, labs, imaging, ECG, answer.

Kinds (see :mod:`healthgym.tools.registry`): the history, examination, vital-sign,
laboratory, imaging and ECG tools are ``observe`` tools - each returns one part of the
patient record, and laboratory values appear only once ordered; imaging and ECG
reports describe findings without naming a diagnosis.  ``record_differential`` is an
``act`` tool (it writes the agent's working differential into the episode),
``lookup_icd10`` a ``reference`` tool over the full ICD-10-CM code set (its answer
never depends on the episode or on the task catalogue) and ``submit_diagnosis`` the
``submit`` tool.

Every observe call is recorded in the episode's elicitation record under its tool
name; ``examine``, the laboratory tools and ``order_imaging`` also record what they
showed (``examine:abdominal``, ``order_lab_test:bun``, ...; see :mod:`.records`), so
the score tools can require exactly the findings they read.
"""

from __future__ import annotations

from typing import Annotated, Literal

from ...clinical.features import FEATURES
from ...clinical.imaging import IMAGING
from ...clinical.labs import LAB_TESTS, panels
from ...patients.comorbidities import COMORBIDITIES
from ...tools import MaxLen, ToolError, tool
from ...tools.elicit import elicited
from .icd10 import search_icd10, searchable
from .records import DiagnosisState, exam_key, imaging_key, lab_key, panel_key

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
def get_demographics(state: DiagnosisState) -> str:
    """Return the patient's age, sex, height, weight and body-mass index."""
    p = state.patient
    return (
        f"{p.name}, {p.age}-year-old {p.sex}. Height {p.height_cm:g} cm, weight "
        f"{p.weight_kg:g} kg, BMI {p.bmi:g} kg/m2."
    )


@tool(kind="observe")
def get_history_of_present_illness(state: DiagnosisState) -> str:
    """Take the history of the presenting complaint: symptoms and pertinent negatives."""
    p = state.patient
    lines = [f"Presenting complaint: {p.chief_complaint}."]
    lines += [FEATURES[f].present for f in p.features if FEATURES[f].kind == "symptom"]
    lines += [FEATURES[f].absent for f in p.pertinent_negatives if FEATURES[f].kind == "symptom"]
    return " ".join(lines)


@tool(kind="observe")
def get_past_medical_history(state: DiagnosisState) -> str:
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
def get_social_history(state: DiagnosisState) -> str:
    """Return smoking and alcohol history."""
    return f"Smoking: {state.patient.smoking} Alcohol: {state.patient.alcohol}"


@tool(kind="observe")
def get_medications(state: DiagnosisState) -> str:
    """Return the patient's current home medications with doses."""
    meds = state.patient.medications
    if not meds:
        return "No regular medications."
    return "; ".join(
        f"{m.name} {m.dose}" + (f" ({m.indication})" if m.indication else "") for m in meds
    )


@tool(kind="observe")
def get_allergies(state: DiagnosisState) -> str:
    """Return documented drug allergies and the reactions they caused."""
    allergies = state.patient.allergies
    if not allergies:
        return "No known drug allergies."
    return "; ".join(f"{a.allergen}: {a.reaction}" for a in allergies)


@tool(kind="observe")
def get_vitals(state: DiagnosisState) -> str:
    """Return the triage vital signs."""
    v = state.patient.vitals
    parts = [f"{VITAL_LABELS[k][0]} {v[k]:g} {VITAL_LABELS[k][1]}" for k in VITAL_LABELS]
    return "; ".join(parts) + "."


@tool(kind="observe")
def examine(state: DiagnosisState, system: ExamSystem) -> str:
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
def order_lab_panel(state: DiagnosisState, panel: PanelName) -> str:
    """Order a laboratory panel and return its results with reference intervals.

    Args:
        panel: the panel to order (e.g. cbc, bmp).
    """
    keys = panels()[panel]
    state.revealed_labs.update(keys)
    elicited(state).show(panel_key(panel), *(lab_key(k) for k in keys))
    return "; ".join(_lab_line(k, state.patient.labs[k]) for k in keys)


@tool(kind="observe")
def order_lab_test(state: DiagnosisState, test: LabName) -> str:
    """Order a single laboratory test and return its result.

    Args:
        test: the test to order (a key of the laboratory catalogue, e.g. troponin_i).
    """
    state.revealed_labs.add(test)
    elicited(state).show(lab_key(test))
    return _lab_line(test, state.patient.labs[test])


@tool(kind="observe")
def order_imaging(state: DiagnosisState, study: StudyName) -> str:
    """Order an imaging or diagnostic study and return the radiologist's report.

    Args:
        study: the study to order.
    """
    state.imaging_done.add(study)
    elicited(state).show(imaging_key(study))
    report = state.patient.imaging.get(study, IMAGING[study].normal_report)
    return f"{IMAGING[study].name}: {report}"


@tool(kind="observe")
def order_ecg(state: DiagnosisState) -> str:
    """Record a 12-lead ECG and return its interpretation."""
    state.ecg_done = True
    return f"12-lead ECG: {state.patient.ecg}"


@tool(kind="act")
def record_differential(state: DiagnosisState, diagnoses: Annotated[list[str], MaxLen(10)]) -> str:
    """Record your working differential diagnosis (most likely first).

    Args:
        diagnoses: up to 10 candidate diagnoses.
    """
    cleaned = [d.strip()[:200] for d in diagnoses if d.strip()]
    if not cleaned:
        raise ToolError("the differential is empty")
    state.differential = cleaned
    return f"Differential recorded ({len(cleaned)} diagnoses)."


@tool(kind="reference")
def lookup_icd10(state: DiagnosisState, query: Annotated[str, MaxLen(200)]) -> str:
    """Search the full ICD-10-CM code set by code (e.g. 'J18.9') or by words of the
    description (every word must match; e.g. 'renal cell carcinoma'). Lists the closest
    codes, billable ones marked.

    Args:
        query: an ICD-10-CM code, or words of the condition's name.
    """
    if not searchable(query):
        raise ToolError(
            "the query has no searchable words; give words of a condition's name or a code"
        )
    return search_icd10(query)


@tool(terminal=True)
def submit_diagnosis(
    state: DiagnosisState,
    diagnosis: Annotated[str, MaxLen(300)],
    plan: Annotated[list[str], MaxLen(20)],
    icd10: Annotated[str, MaxLen(12)] | None = None,
    score_name: Annotated[str, MaxLen(40)] | None = None,
    score_value: float | None = None,
) -> str:
    """Submit the final diagnosis and the initial management plan. Ends the episode.

    Args:
        diagnosis: the single most likely diagnosis.
        plan: management items, one per entry (drugs, procedures, supportive care).
        icd10: optional ICD-10-CM code of the diagnosis.
        score_name: optional risk score that supports the decision (e.g. curb65).
        score_value: the value of that score.
    """
    return "Diagnosis and plan submitted."


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
    record_differential,
    lookup_icd10,
]
