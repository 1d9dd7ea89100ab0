"""Risk-score tools of clinical_diagnosis, each computed from the patient record.

A score reads vital signs, history, examination findings and laboratory values
from the record.  Laboratory inputs must have been ordered first (the tool says
which), and inputs that are a clinician's judgement (how suspicious the history
is, how an ECG reads, whether another diagnosis is more likely) are arguments.
The arithmetic is in :mod:`healthgym.clinical.scores`, where each score cites
its source.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from ...clinical import scores as S
from ...clinical.diseases import PROFILES
from ...clinical.labs import LAB_TESTS
from ...tools import Tool, ToolError, tool
from .records import DiagnosisState

RISK_FACTORS = ("hypertension", "hyperlipidemia", "type2_diabetes", "obesity")
ATHEROSCLEROTIC = ("coronary_artery_disease", "prior_stroke_tia", "peripheral_arterial_disease")


def _lab(state: DiagnosisState, *keys: str) -> list[float]:
    missing = [k for k in keys if k not in state.revealed_labs]
    if missing:
        raise ToolError(
            f"needs {', '.join(missing)}: order it first (order_lab_panel or order_lab_test)"
        )
    return [float(state.patient.labs[k]) for k in keys]


def _need_ecg(state: DiagnosisState) -> None:
    if not state.ecg_done:
        raise ToolError("needs the ECG: call order_ecg first")


def _has(state: DiagnosisState, feature: str) -> bool:
    return state.patient.has(feature)


def _comorb(state: DiagnosisState, *keys: str) -> bool:
    return any(k in state.patient.comorbidities for k in keys)


@cache
def _diagnosis_terms() -> re.Pattern[str]:
    phrases = {t for p in PROFILES.values() for t in (p.name, *p.synonyms)}
    alternation = "|".join(re.escape(t) for t in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b({alternation})\b", re.IGNORECASE)


def withhold_diagnoses(text: str) -> str:
    """Mask every diagnosis name or synonym of the domain in a score's interpretation.

    Published interpretations name the disease a score is about ("probable
    appendicitis"); in an episode that would hand the agent an answer string, so the
    risk band and advice are kept and the diagnosis term is withheld.
    """
    return _diagnosis_terms().sub("[diagnosis withheld]", text)


def _report(state: DiagnosisState, name: str, result: S.ScoreResult) -> str:
    state.score_values[name] = float(result.value)
    parts = ", ".join(f"{k} {v:g}" for k, v in result.components.items())
    text = f"{result.name}: {result.value:g}" + (f" ({parts})" if parts else "")
    if result.interpretation:
        text += f". {withhold_diagnoses(result.interpretation)}"
    return text


def _cad_risk_factor_count(state: DiagnosisState) -> int:
    """HEART / TIMI risk factors: hypertension, hypercholesterolaemia, diabetes,
    obesity, current smoking, family history of premature coronary disease."""
    n = sum(_comorb(state, k) for k in RISK_FACTORS)
    return n + _has(state, "current_smoker") + _has(state, "family_history_cad")


@tool
def calculate_curb65(state: DiagnosisState) -> str:
    """CURB-65 pneumonia severity from the record (needs BUN)."""
    p = state.patient
    (bun,) = _lab(state, "bun")
    return _report(
        state,
        "curb65",
        S.curb65(
            confusion=_has(state, "confusion"),
            bun_mg_dl=bun,
            respiratory_rate=p.vitals["rr"],
            sbp=p.vitals["sbp"],
            dbp=p.vitals["dbp"],
            age=p.age,
        ),
    )


@tool
def calculate_crb65(state: DiagnosisState) -> str:
    """CRB-65 pneumonia severity (no laboratory values needed)."""
    p = state.patient
    return _report(
        state,
        "crb65",
        S.crb65(
            confusion=_has(state, "confusion"),
            respiratory_rate=p.vitals["rr"],
            sbp=p.vitals["sbp"],
            dbp=p.vitals["dbp"],
            age=p.age,
        ),
    )


@tool
def calculate_wells_pe(state: DiagnosisState, pe_most_likely: bool) -> str:
    """Wells score for pulmonary embolism from the record.

    Args:
        pe_most_likely: your judgement that pulmonary embolism is the most likely diagnosis.
    """
    p = state.patient
    return _report(
        state,
        "wells_pe",
        S.wells_pe(
            clinical_signs_dvt=_has(state, "unilateral_leg_swelling"),
            pe_most_likely=pe_most_likely,
            heart_rate=p.vitals["hr"],
            immobilization_or_surgery=_has(state, "recent_surgery_or_immobilization"),
            prior_vte=_has(state, "prior_vte"),
            hemoptysis=_has(state, "hemoptysis"),
            malignancy=_has(state, "active_cancer"),
        ),
    )


@tool
def calculate_wells_dvt(state: DiagnosisState, alternative_diagnosis_likely: bool) -> str:
    """Wells score for deep vein thrombosis from the record.

    Args:
        alternative_diagnosis_likely: your judgement that another diagnosis is at least as likely.
    """
    swollen = _has(state, "unilateral_leg_swelling")
    return _report(
        state,
        "wells_dvt",
        S.wells_dvt(
            active_cancer=_has(state, "active_cancer"),
            paralysis_or_recent_cast=_has(state, "paralysis_or_recent_cast"),
            bedridden_or_major_surgery=_has(state, "recent_surgery_or_immobilization"),
            localized_deep_vein_tenderness=swollen,
            entire_leg_swollen=_has(state, "entire_leg_swollen"),
            calf_swelling_3cm=swollen,
            pitting_edema_symptomatic_leg=_has(state, "unilateral_pitting_edema"),
            collateral_superficial_veins=_has(state, "collateral_superficial_veins"),
            prior_dvt=_has(state, "prior_vte"),
            alternative_diagnosis_likely=alternative_diagnosis_likely,
        ),
    )


@tool
def calculate_perc(state: DiagnosisState) -> str:
    """PERC rule for pulmonary embolism from the record."""
    p = state.patient
    return _report(
        state,
        "perc",
        S.perc(
            age=p.age,
            heart_rate=p.vitals["hr"],
            spo2=p.vitals["spo2"],
            hemoptysis=_has(state, "hemoptysis"),
            estrogen_use=_has(state, "estrogen_use"),
            prior_vte=_has(state, "prior_vte"),
            unilateral_leg_swelling=_has(state, "unilateral_leg_swelling"),
            recent_surgery_or_trauma=_has(state, "recent_surgery_or_immobilization"),
        ),
    )


@tool
def calculate_heart_score(
    state: DiagnosisState,
    history: Literal["slightly", "moderately", "highly"],
    ecg: Literal["normal", "nonspecific_repolarization", "significant_st_deviation"],
) -> str:
    """HEART score for chest pain (needs the ECG and troponin).

    Args:
        history: how suspicious the history is for an acute coronary syndrome.
        ecg: your reading of the ECG.
    """
    _need_ecg(state)
    (trop,) = _lab(state, "troponin_i")
    uln = LAB_TESTS["troponin_i"].high or 1.0
    p = state.patient
    return _report(
        state,
        "heart_score",
        S.heart_score(
            history=history,
            ecg=ecg,
            age=p.age,
            risk_factor_count=_cad_risk_factor_count(state),
            known_atherosclerotic_disease=_comorb(state, *ATHEROSCLEROTIC)
            or _has(state, "known_cad"),
            troponin_ratio=trop / uln,
        ),
    )


@tool
def calculate_timi_ua_nstemi(state: DiagnosisState, st_deviation_05mm: bool) -> str:
    """TIMI risk score for UA/NSTEMI (needs the ECG and troponin).

    Args:
        st_deviation_05mm: your reading: ST deviation of 0.5 mm or more on the ECG.
    """
    _need_ecg(state)
    (trop,) = _lab(state, "troponin_i")
    p = state.patient
    return _report(
        state,
        "timi_ua_nstemi",
        S.timi_ua_nstemi(
            age=p.age,
            three_or_more_cad_risk_factors=_cad_risk_factor_count(state) >= 3,
            known_cad_stenosis_50=_has(state, "known_cad"),
            aspirin_last_7d=_has(state, "aspirin_last_7d"),
            severe_angina_2plus_24h=_has(state, "angina_2plus_24h"),
            st_deviation_05mm=st_deviation_05mm,
            positive_cardiac_marker=trop > (LAB_TESTS["troponin_i"].high or 0),
        ),
    )


@tool
def calculate_cha2ds2_vasc(state: DiagnosisState) -> str:
    """CHA2DS2-VASc stroke risk in atrial fibrillation from the record."""
    p = state.patient
    return _report(
        state,
        "cha2ds2_vasc",
        S.cha2ds2_vasc(
            age=p.age,
            sex=p.sex,
            chf=_comorb(state, "heart_failure"),
            hypertension=_comorb(state, "hypertension"),
            stroke_tia_thromboembolism=_comorb(state, "prior_stroke_tia")
            or _has(state, "prior_vte"),
            vascular_disease=_comorb(
                state, "coronary_artery_disease", "peripheral_arterial_disease"
            ),
            diabetes=_comorb(state, "type2_diabetes", "type1_diabetes"),
        ),
    )


@tool
def calculate_centor_mcisaac(state: DiagnosisState) -> str:
    """Centor score with McIsaac age modification for sore throat, from the record."""
    p = state.patient
    return _report(
        state,
        "centor_mcisaac",
        S.centor_mcisaac(
            temperature_c=p.vitals["temp_c"],
            cough_absent=not _has(state, "cough"),
            tender_anterior_cervical_nodes=_has(state, "tender_anterior_cervical_nodes"),
            tonsillar_exudate_or_swelling=_has(state, "tonsillar_exudate"),
            age=p.age,
        ),
    )


@tool
def calculate_alvarado(state: DiagnosisState) -> str:
    """Alvarado score for appendicitis (needs the CBC)."""
    wbc, neut = _lab(state, "wbc", "neutrophils_pct")
    return _report(
        state,
        "alvarado",
        S.alvarado(
            migration_to_rlq=_has(state, "pain_migration_rlq"),
            anorexia=_has(state, "anorexia"),
            nausea_vomiting=_has(state, "nausea") or _has(state, "vomiting"),
            rlq_tenderness=_has(state, "rlq_tenderness"),
            rebound_tenderness=_has(state, "rebound_tenderness"),
            temperature_c=state.patient.vitals["temp_c"],
            wbc=wbc,
            neutrophils_pct=neut,
        ),
    )


@tool
def calculate_qsofa(state: DiagnosisState) -> str:
    """qSOFA (Sepsis-3 bedside screen) from the record."""
    v = state.patient.vitals
    return _report(
        state,
        "qsofa",
        S.qsofa(respiratory_rate=v["rr"], sbp=v["sbp"], altered_mentation=_has(state, "confusion")),
    )


def _sirs(state: DiagnosisState) -> S.ScoreResult:
    (wbc,) = _lab(state, "wbc")
    paco2 = float(state.patient.labs["paco2"]) if "paco2" in state.revealed_labs else None
    v = state.patient.vitals
    return S.sirs(
        temperature_c=v["temp_c"],
        heart_rate=v["hr"],
        respiratory_rate=v["rr"],
        wbc=wbc,
        paco2_mmhg=paco2,
    )


@tool
def calculate_sirs(state: DiagnosisState) -> str:
    """SIRS criteria met, from the record (needs the WBC)."""
    return _report(state, "sirs", _sirs(state))


@tool
def calculate_bisap(state: DiagnosisState, pleural_effusion: bool) -> str:
    """BISAP severity of acute pancreatitis (needs BUN and WBC).

    Args:
        pleural_effusion: whether imaging showed a pleural effusion.
    """
    (bun,) = _lab(state, "bun")
    sirs_met = int(_sirs(state).value)
    return _report(
        state,
        "bisap",
        S.bisap(
            bun_mg_dl=bun,
            impaired_mental_status=_has(state, "confusion"),
            sirs_criteria_met=sirs_met,
            age=state.patient.age,
            pleural_effusion=pleural_effusion,
        ),
    )


@tool
def calculate_glasgow_blatchford(state: DiagnosisState) -> str:
    """Glasgow-Blatchford bleeding score (needs BUN and hemoglobin)."""
    bun, hgb = _lab(state, "bun", "hemoglobin")
    p = state.patient
    return _report(
        state,
        "glasgow_blatchford",
        S.glasgow_blatchford(
            bun_mg_dl=bun,
            hemoglobin_g_dl=hgb,
            sex=p.sex,
            sbp=p.vitals["sbp"],
            heart_rate=p.vitals["hr"],
            melena=_has(state, "melena"),
            syncope=_has(state, "syncope"),
            hepatic_disease=_comorb(state, "cirrhosis"),
            cardiac_failure=_comorb(state, "heart_failure"),
        ),
    )


@tool
def calculate_child_pugh(
    state: DiagnosisState,
    ascites: Literal["none", "mild", "moderate_severe"],
    encephalopathy: Literal["none", "grade_1_2", "grade_3_4"],
) -> str:
    """Child-Pugh class of cirrhosis (needs bilirubin, albumin and INR).

    Args:
        ascites: your assessment of ascites.
        encephalopathy: your grading of hepatic encephalopathy.
    """
    bili, alb, inr = _lab(state, "bilirubin_total", "albumin", "inr")
    return _report(
        state,
        "child_pugh",
        S.child_pugh(
            bilirubin_mg_dl=bili,
            albumin_g_dl=alb,
            inr=inr,
            ascites=ascites,
            encephalopathy=encephalopathy,
        ),
    )


@tool
def calculate_meld_na(state: DiagnosisState) -> str:
    """MELD-Na score (needs bilirubin, INR, creatinine and sodium)."""
    bili, inr, cr, na = _lab(state, "bilirubin_total", "inr", "creatinine", "sodium")
    return _report(
        state,
        "meld_na",
        S.meld_na(bilirubin_mg_dl=bili, inr=inr, creatinine_mg_dl=cr, sodium_mmol_l=na),
    )


@tool
def calculate_shock_index(state: DiagnosisState) -> str:
    """Shock index (heart rate / systolic blood pressure) from the vital signs."""
    v = state.patient.vitals
    return _report(state, "shock_index", S.shock_index(heart_rate=v["hr"], sbp=v["sbp"]))


@tool
def calculate_anion_gap(state: DiagnosisState) -> str:
    """Serum anion gap (needs sodium, chloride and bicarbonate)."""
    na, cl, hco3 = _lab(state, "sodium", "chloride", "bicarbonate")
    return _report(state, "anion_gap", S.anion_gap(sodium=na, chloride=cl, bicarbonate=hco3))


SCORE_TOOLS: list[Tool] = [
    calculate_curb65,
    calculate_crb65,
    calculate_wells_pe,
    calculate_wells_dvt,
    calculate_perc,
    calculate_heart_score,
    calculate_timi_ua_nstemi,
    calculate_cha2ds2_vasc,
    calculate_centor_mcisaac,
    calculate_alvarado,
    calculate_qsofa,
    calculate_sirs,
    calculate_bisap,
    calculate_glasgow_blatchford,
    calculate_child_pugh,
    calculate_meld_na,
    calculate_shock_index,
    calculate_anion_gap,
]
# score name (as used in disease profiles) -> tool
SCORE_TOOL_BY_NAME: dict[str, Tool] = {t.name.removeprefix("calculate_"): t for t in SCORE_TOOLS}
# laboratory inputs each score reads (the reference solution orders them first)
SCORE_LABS: dict[str, tuple[str, ...]] = {
    "curb65": ("bun",),
    "heart_score": ("troponin_i",),
    "timi_ua_nstemi": ("troponin_i",),
    "alvarado": ("wbc", "neutrophils_pct"),
    "sirs": ("wbc",),
    "bisap": ("bun", "wbc"),
    "glasgow_blatchford": ("bun", "hemoglobin"),
    "child_pugh": ("bilirubin_total", "albumin", "inr"),
    "meld_na": ("bilirubin_total", "inr", "creatinine", "sodium"),
    "anion_gap": ("sodium", "chloride", "bicarbonate"),
}
SCORE_NEEDS_ECG = frozenset({"heart_score", "timi_ua_nstemi"})
