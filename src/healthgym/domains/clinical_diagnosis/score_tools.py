"""Risk-score tools of clinical_diagnosis: published scores over what the agent has seen.

Each tool is a ``compute`` tool that reads the patient record, but only the parts of
it the agent has already been shown in this episode: it declares ``needs`` (see
:mod:`healthgym.tools.elicit`) - the vital signs, the history of the presenting
illness, the past medical history, the social history, the examination of each body
system whose signs it reads, the ECG and each laboratory result - and refuses, naming
what is missing ("needs the extremities examination (call examine first)"), until
they have been observed.  The needs are derived from the findings each score reads
(:func:`needs_for`): a symptom is shown by the history of the presenting illness, a
sign by the examination of its body system, a past event or chronic condition by the
past medical history, smoking by the social history.  Inputs that are a clinician's
judgement (how suspicious the history is, how an ECG reads, whether another diagnosis
is more likely) are arguments.

The output is the score's value and its points per criterion, never its risk band or a
diagnosis: the bands are in the knowledge base (``read_passage`` with the id the output
gives), and weighing them is the agent's job.  The arithmetic is in
:mod:`healthgym.clinical.scores`, where each score cites its source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any, Literal

from ...clinical import scores as S
from ...clinical.diseases import PROFILES
from ...clinical.features import FEATURES
from ...clinical.labs import LAB_TESTS
from ...patients.model import Patient
from ...tools import Tool, tool
from ...tools.elicit import Need, elicited
from .records import (
    ECG,
    HPI,
    PMH,
    SOCIAL,
    VITALS,
    DiagnosisState,
    exam_key,
    lab_key,
    panel_key,
)

RISK_FACTORS = ("hypertension", "hyperlipidemia", "type2_diabetes", "obesity")
ATHEROSCLEROTIC = ("coronary_artery_disease", "prior_stroke_tia", "peripheral_arterial_disease")
# features shown by the social history rather than the past medical history
SOCIAL_FEATURES = frozenset({"current_smoker", "alcohol_excess"})

VITALS_NEED = Need("the vital signs", (VITALS,))
HPI_NEED = Need("the history of the presenting illness", (HPI,))
PMH_NEED = Need("the past medical history", (PMH,))
SOCIAL_NEED = Need("the social history", (SOCIAL,))
ECG_NEED = Need("the ECG", (ECG,))


def exam_need(system: str) -> Need:
    """The examination of one body system (``examine`` with that system)."""
    return Need(f"the {system} examination", (exam_key(system),))


def lab_need(test: str) -> Need:
    """One laboratory result, shown by its panel or by the single test."""
    panel = LAB_TESTS[test].panel
    return Need(
        f"the {LAB_TESTS[test].name.lower()} result (panel '{panel}' or test '{test}')",
        (panel_key(panel), lab_key(test)),
    )


def feature_need(feature: str) -> Need | None:
    """The observation that shows whether ``feature`` is present (None if unknown)."""
    spec = FEATURES.get(feature)
    if spec is None:
        return None
    if feature in SOCIAL_FEATURES:
        return SOCIAL_NEED
    if spec.kind == "symptom":
        return HPI_NEED
    if spec.kind == "sign":
        return exam_need(spec.system)
    return PMH_NEED


def needs_for(
    features: Iterable[str] = (),
    *,
    vitals: bool = False,
    comorbidities: bool = False,
    labs: Iterable[str] = (),
    ecg: bool = False,
) -> tuple[Need, ...]:
    """Everything a score reads, as needs (each once, in a stable order)."""
    out: list[Need] = []

    def add(need: Need | None) -> None:
        if need is not None and need not in out:
            out.append(need)

    if vitals:
        add(VITALS_NEED)
    for f in features:
        add(feature_need(f))
    if comorbidities:
        add(PMH_NEED)
    if ecg:
        add(ECG_NEED)
    for test in labs:
        add(lab_need(test))
    return tuple(out)


def _lab(state: DiagnosisState, *keys: str) -> list[float]:
    """Laboratory values (the tool's needs have checked they were shown)."""
    return [float(state.patient.labs[k]) for k in keys]


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
    """Mask every diagnosis name or synonym of the domain in a text.

    Kept for callers that show a published interpretation; the score tools of this
    module no longer show interpretations at all.
    """
    return _diagnosis_terms().sub("[diagnosis withheld]", text)


def interpretation_passage(name: str) -> str:
    """Knowledge-base id of a score's published interpretation bands."""
    return f"builtin:score/{name}/interpretation"


def _report(state: DiagnosisState, name: str, result: S.ScoreResult) -> str:
    """The value and the points per criterion; the bands are left to the agent."""
    state.score_values[name] = float(result.value)
    parts = ", ".join(f"{k} {v:g}" for k, v in result.components.items())
    text = f"{result.name}: {result.value_text()}" + (f" ({parts})" if parts else "")
    return text + f". Interpretation bands: read_passage('{interpretation_passage(name)}')."


def _cad_risk_factor_count(state: DiagnosisState) -> int:
    """HEART / TIMI risk factors: hypertension, hypercholesterolaemia, diabetes,
    obesity, current smoking, family history of premature coronary disease."""
    n = sum(_comorb(state, k) for k in RISK_FACTORS)
    return n + _has(state, "current_smoker") + _has(state, "family_history_cad")


@tool(
    kind="compute",
    needs=needs_for(["confusion"], vitals=True, labs=["bun"]),
)
def calculate_curb65(state: DiagnosisState) -> str:
    """CURB-65 from what you have observed: mental status (neurological examination), vital
    signs, BUN and age."""
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


@tool(
    kind="compute",
    needs=needs_for(["confusion"], vitals=True),
)
def calculate_crb65(state: DiagnosisState) -> str:
    """CRB-65 from what you have observed: mental status (neurological examination), vital
    signs and age."""
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


@tool(
    kind="compute",
    needs=needs_for(
        [
            "unilateral_leg_swelling",
            "recent_surgery_or_immobilization",
            "prior_vte",
            "hemoptysis",
            "active_cancer",
        ],
        vitals=True,
    ),
)
def calculate_wells_pe(state: DiagnosisState, pe_most_likely: bool) -> str:
    """Wells score for pulmonary embolism from what you have observed (history, past
    history, extremities examination, vital signs).

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


@tool(
    kind="compute",
    needs=needs_for(
        [
            "active_cancer",
            "paralysis_or_recent_cast",
            "recent_surgery_or_immobilization",
            "unilateral_leg_swelling",
            "entire_leg_swollen",
            "collateral_superficial_veins",
            "prior_vte",
        ]
    ),
)
def calculate_wells_dvt(state: DiagnosisState, alternative_diagnosis_likely: bool) -> str:
    """Wells score for deep vein thrombosis from what you have observed (past history,
    extremities examination).

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


@tool(
    kind="compute",
    needs=needs_for(
        [
            "hemoptysis",
            "estrogen_use",
            "prior_vte",
            "unilateral_leg_swelling",
            "recent_surgery_or_immobilization",
        ],
        vitals=True,
    ),
)
def calculate_perc(state: DiagnosisState) -> str:
    """PERC rule from what you have observed (history, past history, extremities
    examination, vital signs, age)."""
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


@tool(
    kind="compute",
    needs=needs_for(
        ["current_smoker", "family_history_cad", "known_cad"],
        comorbidities=True,
        ecg=True,
        labs=["troponin_i"],
    ),
)
def calculate_heart_score(
    state: DiagnosisState,
    history: Literal["slightly", "moderately", "highly"],
    ecg: Literal["normal", "nonspecific_repolarization", "significant_st_deviation"],
) -> str:
    """HEART score from what you have observed (past and social history, ECG, troponin).

    Args:
        history: how suspicious the history is for an acute coronary syndrome.
        ecg: your reading of the ECG.
    """
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


@tool(
    kind="compute",
    needs=needs_for(
        [
            "current_smoker",
            "family_history_cad",
            "known_cad",
            "aspirin_last_7d",
            "angina_2plus_24h",
        ],
        comorbidities=True,
        ecg=True,
        labs=["troponin_i"],
    ),
)
def calculate_timi_ua_nstemi(state: DiagnosisState, st_deviation_05mm: bool) -> str:
    """TIMI risk score for UA/NSTEMI from what you have observed (past and social history,
    ECG, troponin).

    Args:
        st_deviation_05mm: your reading: ST deviation of 0.5 mm or more on the ECG.
    """
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


@tool(
    kind="compute",
    needs=needs_for(["prior_vte"], comorbidities=True),
)
def calculate_cha2ds2_vasc(state: DiagnosisState) -> str:
    """CHA2DS2-VASc from what you have observed (past medical history, age, sex)."""
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


@tool(
    kind="compute",
    needs=needs_for(["cough", "tender_anterior_cervical_nodes", "tonsillar_exudate"], vitals=True),
)
def calculate_centor_mcisaac(state: DiagnosisState) -> str:
    """Centor score with McIsaac age modification from what you have observed (history,
    head and neck examination, temperature, age)."""
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


@tool(
    kind="compute",
    needs=needs_for(
        [
            "pain_migration_rlq",
            "anorexia",
            "nausea",
            "vomiting",
            "rlq_tenderness",
            "rebound_tenderness",
        ],
        vitals=True,
        labs=["wbc", "neutrophils_pct"],
    ),
)
def calculate_alvarado(state: DiagnosisState) -> str:
    """Alvarado score from what you have observed (history, abdominal examination,
    temperature, white cell count and neutrophils)."""
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


@tool(
    kind="compute",
    needs=needs_for(["confusion"], vitals=True),
)
def calculate_qsofa(state: DiagnosisState) -> str:
    """qSOFA (Sepsis-3 bedside screen) from what you have observed (vital signs, mental
    status on neurological examination)."""
    v = state.patient.vitals
    return _report(
        state,
        "qsofa",
        S.qsofa(respiratory_rate=v["rr"], sbp=v["sbp"], altered_mentation=_has(state, "confusion")),
    )


def _sirs(state: DiagnosisState) -> S.ScoreResult:
    (wbc,) = _lab(state, "wbc")
    # PaCO2 is an optional SIRS criterion: used once the blood gas has been shown
    shown = elicited(state).has(lab_key("pco2"))
    paco2 = float(state.patient.labs["pco2"]) if shown else None
    v = state.patient.vitals
    return S.sirs(
        temperature_c=v["temp_c"],
        heart_rate=v["hr"],
        respiratory_rate=v["rr"],
        wbc=wbc,
        paco2_mmhg=paco2,
    )


@tool(
    kind="compute",
    needs=needs_for(vitals=True, labs=["wbc"]),
)
def calculate_sirs(state: DiagnosisState) -> str:
    """SIRS criteria met, from what you have observed (vital signs, white cell count;
    PaCO2 if the blood gas was shown)."""
    return _report(state, "sirs", _sirs(state))


@tool(
    kind="compute",
    needs=needs_for(["confusion"], vitals=True, labs=["bun", "wbc"]),
)
def calculate_bisap(state: DiagnosisState, pleural_effusion: bool) -> str:
    """BISAP score from what you have observed (BUN, mental status, SIRS inputs, age).

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


@tool(
    kind="compute",
    needs=needs_for(
        ["melena", "syncope"], vitals=True, comorbidities=True, labs=["bun", "hemoglobin"]
    ),
)
def calculate_glasgow_blatchford(state: DiagnosisState) -> str:
    """Glasgow-Blatchford bleeding score from what you have observed (history, past
    history, vital signs, BUN, hemoglobin)."""
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


@tool(
    kind="compute",
    needs=needs_for(labs=["bilirubin_total", "albumin", "inr"]),
)
def calculate_child_pugh(
    state: DiagnosisState,
    ascites: Literal["none", "mild", "moderate_severe"],
    encephalopathy: Literal["none", "grade_1_2", "grade_3_4"],
) -> str:
    """Child-Pugh score from observed bilirubin, albumin and INR and your assessment of
    ascites and encephalopathy.

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


@tool(
    kind="compute",
    needs=needs_for(labs=["bilirubin_total", "inr", "creatinine", "sodium"]),
)
def calculate_meld_na(state: DiagnosisState) -> str:
    """MELD-Na score from observed bilirubin, INR, creatinine and sodium."""
    bili, inr, cr, na = _lab(state, "bilirubin_total", "inr", "creatinine", "sodium")
    return _report(
        state,
        "meld_na",
        S.meld_na(bilirubin_mg_dl=bili, inr=inr, creatinine_mg_dl=cr, sodium_mmol_l=na),
    )


@tool(
    kind="compute",
    needs=needs_for(vitals=True),
)
def calculate_shock_index(state: DiagnosisState) -> str:
    """Shock index (heart rate / systolic blood pressure) from the observed vital signs."""
    v = state.patient.vitals
    return _report(state, "shock_index", S.shock_index(heart_rate=v["hr"], sbp=v["sbp"]))


@tool(
    kind="compute",
    needs=needs_for(labs=["sodium", "chloride", "bicarbonate"]),
)
def calculate_anion_gap(state: DiagnosisState) -> str:
    """Serum anion gap from observed sodium, chloride and bicarbonate."""
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


def observe_all(state: DiagnosisState) -> DiagnosisState:
    """Mark every record part any score reads as shown (all labs and the ECG too).

    For generators that compute a score's value for a record outside an episode; an
    episode's own state is never marked this way.
    """
    from ...clinical.labs import panels

    state.revealed_labs |= set(LAB_TESTS)
    state.ecg_done = True
    keys = {k for t in SCORE_TOOLS for need in t.needs for k in need.keys}
    keys |= {panel_key(p) for p in panels()} | {lab_key(k) for k in LAB_TESTS}
    elicited(state).show(*keys)
    return state


def score_value(tool: Tool, patient: Patient, **arguments: Any) -> float:
    """Value ``tool`` computes for ``patient`` with every input shown (see observe_all)."""
    state = observe_all(DiagnosisState(patient=patient))
    tool(state, **arguments)
    return state.score_values[tool.name.removeprefix("calculate_")]
