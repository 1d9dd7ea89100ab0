"""Score tools of triage_emergency, each computed with :mod:`healthgym.clinical.scores`.

GCS (Teasdale 1974) from the agent's reading of the eye/verbal/motor findings;
shock index (Allgower 1967), qSOFA (Seymour 2016), the triage SIRS criteria (Bone
1992), the Revised Trauma Score (Champion 1989), the HEART score (Six 2008) and the
C-SSRS screener (Posner 2011) from the patient record.  Inputs that are a
clinician's reading (HEART history and ECG categories, GCS findings) are arguments.
"""

from __future__ import annotations

from typing import Literal

from ...clinical.errors import CalculatorInputError
from ...clinical.scores import gcs, heart_score, qsofa, shock_index
from ...clinical.scores.more import revised_trauma_score
from ...clinical.scores.psychiatric import c_ssrs_screen
from ...clinical.scores.result import ScoreResult
from ...tools import ToolError, tool
from .generator import HS_TNT_URL
from .protocols import sirs_vital_criteria
from .records import TriageState
from .tools import PatientId, get_patient
from .truth import gcs_total, in_arrest
from .vocab import GCS_EYE, GCS_MOTOR, GCS_VERBAL, PMH, GcsEye, GcsMotor, GcsVerbal


def _report(state: TriageState, key: str, result: ScoreResult) -> str:
    state.score_values[key] = float(result.value)
    return result.as_text()


@tool
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


@tool
def calculate_shock_index(state: TriageState, patient_id: PatientId) -> str:
    """Shock index (heart rate / systolic blood pressure) from the triage vitals.

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "calculate_shock_index")
    if p.vitals.sbp <= 0 or p.vitals.hr <= 0:
        raise ToolError("no measurable pulse or blood pressure: the shock index is undefined")
    return _report(state, "shock_index", shock_index(heart_rate=p.vitals.hr, sbp=p.vitals.sbp))


@tool
def calculate_qsofa(state: TriageState, patient_id: PatientId) -> str:
    """qSOFA (respiratory rate >= 22, SBP <= 100, altered mentation = GCS < 15) from the record.

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "calculate_qsofa")
    v = p.vitals
    result = qsofa(respiratory_rate=v.rr, sbp=v.sbp, altered_mentation=gcs_total(p) < 15)
    return _report(state, "qsofa", result)


def _sirs_text(temp: float, hr: float, rr: float) -> tuple[int, str]:
    comps = sirs_vital_criteria(temp, hr, rr)
    n = int(sum(comps.values()))
    detail = ", ".join(f"{k} {v:g}" for k, v in comps.items())
    return n, f"SIRS vital-sign criteria met: {n} of 3 ({detail}); white-cell count not yet known"


@tool
def calculate_sirs(state: TriageState, patient_id: PatientId) -> str:
    """SIRS criteria assessable at triage (temperature > 38 or < 36 C, heart rate > 90,
    respiratory rate > 20); the white-cell criterion awaits laboratory results.

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "calculate_sirs")
    v = p.vitals
    n, text = _sirs_text(v.temp_c, v.hr, v.rr)
    state.score_values["sirs"] = float(n)
    return text + "."


@tool
def sepsis_screen(state: TriageState, patient_id: PatientId) -> str:
    """Sepsis screening facts: features suggesting infection, SIRS vital-sign criteria and
    qSOFA (adult criteria; Surviving Sepsis Campaign 2021 screening).

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "sepsis_screen")
    infection = "; ".join(p.infection_signs) or "none reported"
    lines = [f"Features suggesting infection: {infection}."]
    if not p.adult:
        lines.append("Adult SIRS/qSOFA screening criteria do not apply under 18 years.")
        return "\n".join(lines)
    v = p.vitals
    lines.append(_sirs_text(v.temp_c, v.hr, v.rr)[1] + ".")
    q = qsofa(respiratory_rate=v.rr, sbp=v.sbp, altered_mentation=gcs_total(p) < 15)
    detail = ", ".join(f"{k} {c:g}" for k, c in q.components.items())
    lines.append(f"qSOFA: {q.value:g} of 3 ({detail}).")
    return "\n".join(lines)


@tool
def calculate_rts(state: TriageState, patient_id: PatientId) -> str:
    """Revised Trauma Score (weighted; GCS, systolic BP, respiratory rate) from the record.

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "calculate_rts")
    v = p.vitals
    result = revised_trauma_score(gcs=gcs_total(p), sbp=v.sbp, respiratory_rate=v.rr)
    return _report(state, "rts", result)


@tool
def calculate_heart_score(
    state: TriageState,
    patient_id: PatientId,
    history: Literal["slightly", "moderately", "highly"],
    ecg: Literal["normal", "nonspecific_repolarization", "significant_st_deviation"],
) -> str:
    """HEART score for chest pain: your reading of the history and the ECG, with age, risk
    factors and the point-of-care troponin from the record (needs the triage ECG and the
    troponin first).

    Args:
        patient_id: the patient's id (e.g. P1).
        history: how suspicious the history is for acute coronary syndrome.
        ecg: your reading of the triage ECG.
    """
    p = get_patient(state, patient_id, "calculate_heart_score")
    pid = p.id
    if not state.saw("obtain_triage_ecg", pid):
        raise ToolError("needs the ECG: call obtain_triage_ecg first")
    if not state.saw("poc_troponin", pid):
        raise ToolError("needs the troponin: call point_of_care_test with test='troponin' first")
    if in_arrest(p) or p.poc.get("troponin") is None:
        raise ToolError("the HEART score applies to adults with chest pain")
    n_rf = sum(PMH[k][1] for k in p.pmh)
    athero = any(PMH[k][2] for k in p.pmh)
    try:
        result = heart_score(
            history=history,
            ecg=ecg,
            age=p.age_years,
            risk_factor_count=n_rf,
            known_atherosclerotic_disease=athero,
            troponin_ratio=float(p.poc["troponin"]) / HS_TNT_URL,  # type: ignore[arg-type]
        )
    except CalculatorInputError as e:  # pragma: no cover - inputs are validated above
        raise ToolError(str(e)) from None
    return _report(state, "heart_score", result)


_RISK_WORD = {0: "no risk identified", 1: "low risk", 2: "moderate risk", 3: "high risk"}
_QUESTIONS = (
    ("wish_to_be_dead", "wished to be dead or to not wake up"),
    ("suicidal_thoughts", "thoughts of killing themselves"),
    ("thoughts_with_method", "thought about how (method)"),
    ("intent", "some intention of acting on the thoughts"),
    ("plan_and_intent", "worked out a plan and intends to carry it out"),
)


@tool
def suicide_risk_screen(state: TriageState, patient_id: PatientId) -> str:
    """Columbia (C-SSRS) screener: the patient's answers and the screen's risk level
    (ages 10 and over).

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "suicide_risk_screen")
    if p.age_years < 10 or gcs_total(p) < 15:
        raise ToolError("the screener needs a patient aged 10 or over who can answer questions")
    s = p.suicide
    answers = [f"{text}: {'yes' if getattr(s, key) else 'no'}" for key, text in _QUESTIONS]
    behaviour = s.suicidal_behavior.replace("_", " ")
    answers.append(f"suicidal behaviour: {behaviour}")
    level = int(c_ssrs_screen(**s.model_dump()).value)
    state.score_values["c_ssrs"] = float(level)
    return (
        f"C-SSRS screen: {'; '.join(answers)}. Screen result: {_RISK_WORD[level]} "
        f"({level} on the 0-3 scale)."
    )


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
