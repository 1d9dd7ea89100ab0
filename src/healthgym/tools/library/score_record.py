"""How the score tools of clinical_diagnosis read the patient record and report a score.

:data:`RECORD` is the domain's record accessor for :mod:`healthgym.tools.record_bound`:
an episode has one patient (no locator), and each calculator input is read from it by
the getter named after the input.  The tools' ``needs`` have checked that each part
read was shown (see :mod:`.score_needs`), so a getter reads it directly; the one
optional input, PaCO2 for SIRS, is read only once the blood gas has been shown.
Inputs that are a clinician's judgement (how suspicious a history is, how an ECG
reads, whether another diagnosis is more likely) are not read here: they are the
tools' arguments.

Readings (the record's findings and past history; the calculators cite the criteria):

* a finding counts when the patient has it (``Patient.has``); confusion is the
  altered mentation / impaired mental status of qSOFA, CURB-65 and BISAP;
* HEART / TIMI risk factors: hypertension, hypercholesterolaemia, diabetes, obesity
  (past history), current smoking, family history of premature coronary disease;
  known atherosclerotic disease: coronary or peripheral arterial disease, prior
  stroke/TIA or known coronary disease;
* troponin I as a multiple of its upper reference limit (HEART), or above it (TIMI).

The report is the score's value and its points per criterion, never its risk band or a
diagnosis: the bands are in the knowledge base (``read_passage`` with the id the output
gives), and weighing them is the agent's job.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from ...clinical.diseases import PROFILES
from ...clinical.labs import LAB_TESTS
from ...clinical.registry import calculator
from ...clinical.scores.result import ScoreResult
from ...tools.elicit import elicited
from ...tools.library.encounter import lab_key
from ...tools.record_bound import RecordSource
from .encounter import EncounterState

RISK_FACTORS = ("hypertension", "hyperlipidemia", "type2_diabetes", "obesity")
ATHEROSCLEROTIC = ("coronary_artery_disease", "prior_stroke_tia", "peripheral_arterial_disease")

Getter = Callable[[EncounterState], Any]


@cache
def _diagnosis_terms() -> re.Pattern[str]:
    phrases = {t for p in PROFILES.values() for t in (p.name, *p.synonyms)}
    alternation = "|".join(re.escape(t) for t in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b({alternation})\b", re.IGNORECASE)


def withhold_diagnoses(text: str) -> str:
    """Mask every diagnosis name or synonym of the domain in a text.

    Kept for callers that show a published interpretation; the score tools of this
    domain do not show interpretations at all.
    """
    return _diagnosis_terms().sub("[diagnosis withheld]", text)


def interpretation_passage(name: str) -> str:
    """Knowledge-base id of a score's published interpretation bands."""
    return f"builtin:score/{name}/interpretation"


def report(state: EncounterState, record: Any, name: str, result: ScoreResult) -> str:
    """The value and the points per criterion; the bands are left to the agent."""
    state.score_values[name] = float(result.value)
    parts = ", ".join(f"{k} {v:g}" for k, v in result.components.items())
    text = f"{result.name}: {result.value_text()}" + (f" ({parts})" if parts else "")
    return text + f". Interpretation bands: read_passage('{interpretation_passage(name)}')."


def _lab(state: EncounterState, key: str) -> float:
    """A laboratory value (the tool's needs have checked it was shown)."""
    return float(state.patient.labs[key])


def _has(state: EncounterState, feature: str) -> bool:
    return state.patient.has(feature)


def _comorb(state: EncounterState, *keys: str) -> bool:
    return any(k in state.patient.comorbidities for k in keys)


def has(*features: str) -> Getter:
    """Getter: any of ``features`` is present."""
    return lambda s: any(_has(s, f) for f in features)


def lab(key: str) -> Getter:
    return lambda s: _lab(s, key)


def vital(key: str) -> Getter:
    return lambda s: s.patient.vitals[key]


def comorbid(*keys: str) -> Getter:
    return lambda s: _comorb(s, *keys)


def cad_risk_factor_count(state: EncounterState) -> int:
    """HEART / TIMI risk factors: hypertension, hypercholesterolaemia, diabetes,
    obesity, current smoking, family history of premature coronary disease."""
    n = sum(_comorb(state, k) for k in RISK_FACTORS)
    return n + _has(state, "current_smoker") + _has(state, "family_history_cad")


def _paco2(state: EncounterState) -> float | None:
    """PaCO2, an optional SIRS criterion: used once the blood gas has been shown."""
    return _lab(state, "pco2") if elicited(state).has(lab_key("pco2")) else None


def sirs_result(state: EncounterState) -> ScoreResult:
    """SIRS of the record (white cell count; PaCO2 once shown)."""
    wbc = _lab(state, "wbc")
    paco2 = _paco2(state)
    v = state.patient.vitals
    return calculator("sirs")(
        temperature_c=v["temp_c"],
        heart_rate=v["hr"],
        respiratory_rate=v["rr"],
        wbc=wbc,
        paco2_mmhg=paco2,
    )


def _troponin_ratio(state: EncounterState) -> float:
    return _lab(state, "troponin_i") / (LAB_TESTS["troponin_i"].high or 1.0)


def _troponin_positive(state: EncounterState) -> bool:
    return _lab(state, "troponin_i") > (LAB_TESTS["troponin_i"].high or 0)


FIELDS: dict[str, Getter] = {
    # demographics and vital signs
    "age": lambda s: s.patient.age,
    "sex": lambda s: s.patient.sex,
    "respiratory_rate": vital("rr"),
    "sbp": vital("sbp"),
    "dbp": vital("dbp"),
    "heart_rate": vital("hr"),
    "spo2": vital("spo2"),
    "temperature_c": vital("temp_c"),
    # laboratory results
    "bun_mg_dl": lab("bun"),
    "wbc": lab("wbc"),
    "paco2_mmhg": _paco2,
    "neutrophils_pct": lab("neutrophils_pct"),
    "hemoglobin_g_dl": lab("hemoglobin"),
    "bilirubin_mg_dl": lab("bilirubin_total"),
    "albumin_g_dl": lab("albumin"),
    "inr": lab("inr"),
    "creatinine_mg_dl": lab("creatinine"),
    "sodium_mmol_l": lab("sodium"),
    "sodium": lab("sodium"),
    "chloride": lab("chloride"),
    "bicarbonate": lab("bicarbonate"),
    "troponin_ratio": _troponin_ratio,
    "positive_cardiac_marker": _troponin_positive,
    "sirs_criteria_met": lambda s: int(sirs_result(s).value),
    # mental status
    "confusion": has("confusion"),
    "altered_mentation": has("confusion"),
    "impaired_mental_status": has("confusion"),
    # venous thromboembolism
    "clinical_signs_dvt": has("unilateral_leg_swelling"),
    "unilateral_leg_swelling": has("unilateral_leg_swelling"),
    "localized_deep_vein_tenderness": has("unilateral_leg_swelling"),
    "calf_swelling_3cm": has("unilateral_leg_swelling"),
    "entire_leg_swollen": has("entire_leg_swollen"),
    "pitting_edema_symptomatic_leg": has("unilateral_pitting_edema"),
    "collateral_superficial_veins": has("collateral_superficial_veins"),
    "immobilization_or_surgery": has("recent_surgery_or_immobilization"),
    "bedridden_or_major_surgery": has("recent_surgery_or_immobilization"),
    "recent_surgery_or_trauma": has("recent_surgery_or_immobilization"),
    "paralysis_or_recent_cast": has("paralysis_or_recent_cast"),
    "prior_vte": has("prior_vte"),
    "prior_dvt": has("prior_vte"),
    "hemoptysis": has("hemoptysis"),
    "estrogen_use": has("estrogen_use"),
    "malignancy": has("active_cancer"),
    "active_cancer": has("active_cancer"),
    # cardiac
    "risk_factor_count": cad_risk_factor_count,
    "three_or_more_cad_risk_factors": lambda s: cad_risk_factor_count(s) >= 3,
    "known_atherosclerotic_disease": lambda s: _comorb(s, *ATHEROSCLEROTIC) or _has(s, "known_cad"),
    "known_cad_stenosis_50": has("known_cad"),
    "aspirin_last_7d": has("aspirin_last_7d"),
    "severe_angina_2plus_24h": has("angina_2plus_24h"),
    "chf": comorbid("heart_failure"),
    "hypertension": comorbid("hypertension"),
    "stroke_tia_thromboembolism": lambda s: _comorb(s, "prior_stroke_tia") or _has(s, "prior_vte"),
    "vascular_disease": comorbid("coronary_artery_disease", "peripheral_arterial_disease"),
    "diabetes": comorbid("type2_diabetes", "type1_diabetes"),
    # sore throat
    "cough_absent": lambda s: not _has(s, "cough"),
    "tender_anterior_cervical_nodes": has("tender_anterior_cervical_nodes"),
    "tonsillar_exudate_or_swelling": has("tonsillar_exudate"),
    # abdomen and gastrointestinal bleeding
    "migration_to_rlq": has("pain_migration_rlq"),
    "anorexia": has("anorexia"),
    "nausea_vomiting": has("nausea", "vomiting"),
    "rlq_tenderness": has("rlq_tenderness"),
    "rebound_tenderness": has("rebound_tenderness"),
    "melena": has("melena"),
    "syncope": has("syncope"),
    "hepatic_disease": comorbid("cirrhosis"),
    "cardiac_failure": comorbid("heart_failure"),
}

RECORD: RecordSource[EncounterState] = RecordSource(
    locate=lambda state, tool_name: state,
    fields=FIELDS,
    report=report,
)
"""The patient of the episode (one per episode, so no locator argument)."""
