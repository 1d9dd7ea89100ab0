"""Score tools of triage_emergency, each computed with :mod:`healthgym.clinical.scores`.

All are ``compute`` tools.  GCS (Teasdale 1974) takes the agent's reading of the
eye/verbal/motor findings as arguments.  The others read the patient record, but only
values the agent has already been shown for THAT patient (``needs=``, keyed
``"<observe tool>:<patient id>"``): shock index (Allgower 1967) and the triage SIRS
criteria (Bone 1992) need the vital signs; qSOFA (Seymour 2016), the sepsis screen and
the Revised Trauma Score (Champion 1989) also need the mental-status assessment (GCS);
the HEART score (Six 2008) needs the presentation (age, risk factors), the triage ECG
and the point-of-care troponin.  Inputs that are a clinician's reading (HEART history
and ECG categories, GCS findings) are arguments.  Scores keep their published point
values; none states a triage level, an activation or a disposition.

The record-reading scores are record-bound tools (:mod:`healthgym.tools.record_bound`):
qSOFA, SIRS, the shock index and the HEART score are the declarations shared with
clinical_diagnosis (and ehr_management for qSOFA), the RTS is declared here; this
domain supplies the accessor :data:`PATIENT` (the patient named by ``patient_id``),
its checks and its wording.

The C-SSRS screener (Posner 2011) is an ``observe`` tool: it reports the patient's
answers to the screening questions; the risk level they imply is the agent's judgment
(``lookup_protocol('suicide')``).
"""

from __future__ import annotations

from ...clinical.scores import gcs, qsofa
from ...clinical.scores.result import ScoreResult
from ...clinical.triage import sirs_vital_criteria
from ...clinical.triage_vocab import (
    GCS_EYE,
    GCS_MOTOR,
    GCS_VERBAL,
    PMH,
    GcsEye,
    GcsMotor,
    GcsVerbal,
)
from ...tools import ToolError, tool
from ...tools.elicit import Need
from ...tools.record_bound import (
    HEART_SCORE,
    QSOFA,
    SHOCK_INDEX,
    SIRS,
    Arg,
    RecordScore,
    RecordSource,
)
from .generator import HS_TNT_URL
from .records import TriagePatient, TriageState
from .tools_record import PatientId, get_patient
from .truth import gcs_total, in_arrest

VITALS = Need("this patient's vital signs", ("get_vitals:{patient_id}",))
MENTAL = Need("this patient's mental-status assessment", ("assess_mental_status:{patient_id}",))
HISTORY = Need(
    "this patient's presentation (age, past history)",
    # the ESI high-risk review shows the same history and past history
    ("get_presentation:{patient_id}", "esi_high_risk_review:{patient_id}"),
)
ECG = Need("this patient's triage ECG", ("obtain_triage_ecg:{patient_id}",))
TROPONIN = Need(
    "this patient's troponin (point_of_care_test with test='troponin')",
    ("poc_troponin:{patient_id}",),
)


def _report(state: TriageState, key: str, result: ScoreResult) -> str:
    """The score's value and its components; the published interpretation (risk bands,
    recommended escalation or discharge) is left out - weighing the value is the
    agent's job."""
    state.score_values[key] = float(result.value)
    parts = ", ".join(f"{k} {v:g}" for k, v in result.components.items())
    return f"{result.name}: {result.value_text()}" + (f" ({parts})." if parts else ".")


def _adult(p: TriagePatient, score: str) -> None:
    if not p.adult:
        raise ToolError(f"{score} is validated for adults (18 years and over) only")


def _sirs_text(components: dict[str, float]) -> tuple[int, str]:
    n = int(sum(components.values()))
    detail = ", ".join(f"{k} {v:g}" for k, v in components.items())
    return n, f"SIRS vital-sign criteria met: {n} of 3 ({detail}); white-cell count not yet known"


def _sirs_report(state: TriageState, p: TriagePatient, key: str, result: ScoreResult) -> str:
    n, text = _sirs_text(result.components)
    state.score_values[key] = float(n)
    return text + "."


def _measurable(p: TriagePatient) -> None:
    if p.vitals.sbp <= 0 or p.vitals.hr <= 0:
        raise ToolError("no measurable pulse or blood pressure: the shock index is undefined")


def _chest_pain(p: TriagePatient) -> None:
    if in_arrest(p) or p.poc.get("troponin") is None:
        raise ToolError("the HEART score applies to adults with chest pain")


# the patient a score reads, picked by the patient_id the agent names
PATIENT: RecordSource[TriagePatient] = RecordSource(
    locate=lambda state, tool_name, patient_id: get_patient(state, patient_id, tool_name),
    locator=(Arg("patient_id", PatientId),),
    fields={
        "respiratory_rate": lambda p: p.vitals.rr,
        "sbp": lambda p: p.vitals.sbp,
        "heart_rate": lambda p: p.vitals.hr,
        "temperature_c": lambda p: p.vitals.temp_c,
        "wbc": lambda p: None,  # no white-cell count at triage: that criterion is not assessed
        "gcs": gcs_total,
        "altered_mentation": lambda p: gcs_total(p) < 15,
        "age": lambda p: p.age_years,
        "risk_factor_count": lambda p: sum(PMH[k][1] for k in p.pmh),
        "known_atherosclerotic_disease": lambda p: any(PMH[k][2] for k in p.pmh),
        "troponin_ratio": lambda p: float(p.poc["troponin"]) / HS_TNT_URL,  # type: ignore[arg-type]
    },
    report=lambda state, p, key, result: _report(state, key, result),
)


@tool(kind="compute")
def calculate_gcs(state: TriageState, eye: GcsEye, verbal: GcsVerbal, motor: GcsMotor) -> str:
    """Glasgow Coma Scale from the eye, verbal and motor findings you observed (preverbal
    children: use the preverbal verbal/motor responses).

    Args:
        eye: best eye opening.
        verbal: best verbal response (adult or preverbal wording).
        motor: best motor response (adult or preverbal wording).
    """
    result = gcs(eye=GCS_EYE[eye][0], verbal=GCS_VERBAL[verbal][0], motor=GCS_MOTOR[motor][0])
    return _report(state, "gcs", result)


calculate_shock_index = SHOCK_INDEX.bind(
    PATIENT,
    needs=(VITALS,),
    check=_measurable,
    doc="""Shock index (heart rate / systolic blood pressure) from the triage vitals you
    measured (call get_vitals first).

    Args:
        patient_id: the patient's id (e.g. P1).
    """,
)


calculate_qsofa = QSOFA.bind(
    PATIENT,
    needs=(VITALS, MENTAL),
    check=lambda p: _adult(p, "qSOFA"),
    doc="""qSOFA (respiratory rate >= 22, SBP <= 100, altered mentation = GCS < 15) from the
    vitals and mental status you observed (call get_vitals and assess_mental_status first).

    Args:
        patient_id: the patient's id (e.g. P1).
    """,
)

calculate_sirs = SIRS.bind(
    PATIENT,
    needs=(VITALS,),
    check=lambda p: _adult(p, "the adult SIRS criteria"),
    report=_sirs_report,
    doc="""SIRS criteria assessable at triage (temperature > 38 or < 36 C, heart rate > 90,
    respiratory rate > 20) from the vitals you measured (call get_vitals first); the
    white-cell criterion awaits laboratory results.

    Args:
        patient_id: the patient's id (e.g. P1).
    """,
)


@tool(kind="compute", needs=(VITALS, MENTAL))
def sepsis_screen(state: TriageState, patient_id: PatientId) -> str:
    """Adult sepsis screening arithmetic (Surviving Sepsis Campaign 2021 screening): the
    SIRS vital-sign criteria and qSOFA from the vitals and mental status you observed
    (call get_vitals and assess_mental_status first). Whether an infection is suspected,
    and what the screen means, is your judgment (see lookup_protocol('sepsis')).

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "sepsis_screen")
    if not p.adult:
        return "The adult SIRS / qSOFA screening criteria do not apply under 18 years."
    v = p.vitals
    lines = [_sirs_text(sirs_vital_criteria(v.temp_c, v.hr, v.rr))[1] + "."]
    q = qsofa(respiratory_rate=v.rr, sbp=v.sbp, altered_mentation=gcs_total(p) < 15)
    detail = ", ".join(f"{k} {c:g}" for k, c in q.components.items())
    lines.append(f"qSOFA: {q.value:g} of 3 ({detail}).")
    return "\n".join(lines)


calculate_rts = RecordScore(
    "calculate_rts", "revised_trauma_score", ("gcs", "sbp", "respiratory_rate"), key="rts"
).bind(
    PATIENT,
    needs=(VITALS, MENTAL),
    doc="""Revised Trauma Score (weighted; GCS, systolic BP, respiratory rate) from the vitals
    and mental status you observed (call get_vitals and assess_mental_status first).

    Args:
        patient_id: the patient's id (e.g. P1).
    """,
)

calculate_heart_score = HEART_SCORE.bind(
    PATIENT,
    needs=(HISTORY, ECG, TROPONIN),
    check=_chest_pain,
    refuse_invalid_inputs=True,
    doc="""HEART score for chest pain: your reading of the history and the ECG, with age, risk
    factors and the point-of-care troponin you obtained (call get_presentation,
    obtain_triage_ecg and point_of_care_test with test='troponin' first).

    Args:
        patient_id: the patient's id (e.g. P1).
        history: how suspicious the history is for acute coronary syndrome.
        ecg: your reading of the triage ECG.
    """,
)


_QUESTIONS = (
    ("wish_to_be_dead", "1. wished to be dead or to not wake up"),
    ("suicidal_thoughts", "2. thoughts of killing themselves"),
    ("thoughts_with_method", "3. thought about how (method)"),
    ("intent", "4. some intention of acting on the thoughts"),
    ("plan_and_intent", "5. worked out a plan and intends to carry it out"),
)
_BEHAVIOUR = {
    "none": "never",
    "over_3_months_ago": "yes, more than 3 months ago",
    "past_3_months": "yes, within the past 3 months",
}


@tool(kind="observe")
def suicide_risk_screen(state: TriageState, patient_id: PatientId) -> str:
    """Ask the Columbia (C-SSRS) screener questions (ages 10 and over) and record the
    patient's answers (past month; question 6 about lifetime suicidal behaviour). The
    risk level the answers imply is your judgment (see lookup_protocol('suicide')).

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "suicide_risk_screen", observe=True)
    if p.age_years < 10 or gcs_total(p) < 15:
        raise ToolError("the screener needs a patient aged 10 or over who can answer questions")
    s = p.suicide
    answers = [f"{text}: {'yes' if getattr(s, key) else 'no'}" for key, text in _QUESTIONS]
    answers.append(
        "6. ever done, started or prepared anything to end their life: "
        + _BEHAVIOUR[s.suicidal_behavior]
    )
    return "C-SSRS screener answers: " + "; ".join(answers) + "."


SCORE_TOOLS = [
    calculate_gcs,
    calculate_shock_index,
    calculate_qsofa,
    calculate_sirs,
    sepsis_screen,
    calculate_rts,
    calculate_heart_score,
    suicide_risk_screen,
]
