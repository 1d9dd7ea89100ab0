"""Risk-score tools of clinical_diagnosis: published scores over what the agent has seen.

Each tool is a record-bound ``compute`` tool (:mod:`healthgym.tools.record_bound`): it
applies a calculator of :mod:`healthgym.clinical.registry` (where each score cites its
source) to the patient record, reading it through the domain's accessor
(:mod:`.score_record`) - but only the parts the agent has already been shown in this
episode: it declares ``needs`` (:mod:`.score_needs`) - the vital signs, the history of
the presenting illness, the past medical history, the social history, the examination
of each body system whose signs it reads, the ECG and each laboratory result - and
refuses, naming what is missing ("needs the extremities examination (call examine
first)"), until they have been observed.  Inputs that are a clinician's judgement (how
suspicious the history is, how an ECG reads, whether another diagnosis is more likely)
are arguments.  qSOFA, SIRS, the shock index and the HEART score are the declarations
shared with triage_emergency (and ehr_management for qSOFA).

The output is the score's value and its points per criterion, never its risk band or a
diagnosis: the bands are in the knowledge base (``read_passage`` with the id the output
gives), and weighing them is the agent's job.
"""

from __future__ import annotations

from ...tools import Tool
from ...tools.record_bound import HEART_SCORE, QSOFA, SHOCK_INDEX, SIRS, Arg, RecordScore
from .score_needs import needs_for
from .score_record import RECORD

calculate_curb65 = RecordScore(
    "calculate_curb65",
    "curb65",
    ("confusion", "bun_mg_dl", "respiratory_rate", "sbp", "dbp", "age"),
).bind(
    RECORD,
    needs=needs_for(["confusion"], vitals=True, labs=["bun"]),
    doc="""CURB-65 from what you have observed: mental status (neurological examination), vital
    signs, BUN and age.""",
)

calculate_crb65 = RecordScore(
    "calculate_crb65", "crb65", ("confusion", "respiratory_rate", "sbp", "dbp", "age")
).bind(
    RECORD,
    needs=needs_for(["confusion"], vitals=True),
    doc="""CRB-65 from what you have observed: mental status (neurological examination), vital
    signs and age.""",
)

calculate_wells_pe = RecordScore(
    "calculate_wells_pe",
    "wells_pe",
    (
        "clinical_signs_dvt",
        "heart_rate",
        "immobilization_or_surgery",
        "prior_vte",
        "hemoptysis",
        "malignancy",
    ),
    elicited=(Arg("pe_most_likely"),),
).bind(
    RECORD,
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
    doc="""Wells score for pulmonary embolism from what you have observed (history, past
    history, extremities examination, vital signs).

    Args:
        pe_most_likely: your judgement that pulmonary embolism is the most likely diagnosis.
    """,
)

calculate_wells_dvt = RecordScore(
    "calculate_wells_dvt",
    "wells_dvt",
    (
        "active_cancer",
        "paralysis_or_recent_cast",
        "bedridden_or_major_surgery",
        "localized_deep_vein_tenderness",
        "entire_leg_swollen",
        "calf_swelling_3cm",
        "pitting_edema_symptomatic_leg",
        "collateral_superficial_veins",
        "prior_dvt",
    ),
    elicited=(Arg("alternative_diagnosis_likely"),),
).bind(
    RECORD,
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
    doc="""Wells score for deep vein thrombosis from what you have observed (past history,
    extremities examination).

    Args:
        alternative_diagnosis_likely: your judgement that another diagnosis is at least as likely.
    """,
)

calculate_perc = RecordScore(
    "calculate_perc",
    "perc",
    (
        "age",
        "heart_rate",
        "spo2",
        "hemoptysis",
        "estrogen_use",
        "prior_vte",
        "unilateral_leg_swelling",
        "recent_surgery_or_trauma",
    ),
).bind(
    RECORD,
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
    doc="""PERC rule from what you have observed (history, past history, extremities
    examination, vital signs, age).""",
)

calculate_heart_score = HEART_SCORE.bind(
    RECORD,
    needs=needs_for(
        ["current_smoker", "family_history_cad", "known_cad"],
        comorbidities=True,
        ecg=True,
        labs=["troponin_i"],
    ),
    doc="""HEART score from what you have observed (past and social history, ECG, troponin).

    Args:
        history: how suspicious the history is for an acute coronary syndrome.
        ecg: your reading of the ECG.
    """,
)

calculate_timi_ua_nstemi = RecordScore(
    "calculate_timi_ua_nstemi",
    "timi_ua_nstemi",
    (
        "age",
        "three_or_more_cad_risk_factors",
        "known_cad_stenosis_50",
        "aspirin_last_7d",
        "severe_angina_2plus_24h",
        "positive_cardiac_marker",
    ),
    elicited=(Arg("st_deviation_05mm"),),
).bind(
    RECORD,
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
    doc="""TIMI risk score for UA/NSTEMI from what you have observed (past and social history,
    ECG, troponin).

    Args:
        st_deviation_05mm: your reading: ST deviation of 0.5 mm or more on the ECG.
    """,
)

calculate_cha2ds2_vasc = RecordScore(
    "calculate_cha2ds2_vasc",
    "cha2ds2_vasc",
    (
        "age",
        "sex",
        "chf",
        "hypertension",
        "stroke_tia_thromboembolism",
        "vascular_disease",
        "diabetes",
    ),
).bind(
    RECORD,
    needs=needs_for(["prior_vte"], comorbidities=True),
    doc="""CHA2DS2-VASc from what you have observed (past medical history, age, sex).""",
)

calculate_centor_mcisaac = RecordScore(
    "calculate_centor_mcisaac",
    "centor_mcisaac",
    (
        "temperature_c",
        "cough_absent",
        "tender_anterior_cervical_nodes",
        "tonsillar_exudate_or_swelling",
        "age",
    ),
).bind(
    RECORD,
    needs=needs_for(["cough", "tender_anterior_cervical_nodes", "tonsillar_exudate"], vitals=True),
    doc="""Centor score with McIsaac age modification from what you have observed (history,
    head and neck examination, temperature, age).""",
)

calculate_alvarado = RecordScore(
    "calculate_alvarado",
    "alvarado",
    (
        "migration_to_rlq",
        "anorexia",
        "nausea_vomiting",
        "rlq_tenderness",
        "rebound_tenderness",
        "temperature_c",
        "wbc",
        "neutrophils_pct",
    ),
).bind(
    RECORD,
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
    doc="""Alvarado score from what you have observed (history, abdominal examination,
    temperature, white cell count and neutrophils).""",
)

calculate_qsofa = QSOFA.bind(
    RECORD,
    needs=needs_for(["confusion"], vitals=True),
    doc="""qSOFA (Sepsis-3 bedside screen) from what you have observed (vital signs, mental
    status on neurological examination).""",
)

calculate_sirs = SIRS.bind(
    RECORD,
    needs=needs_for(vitals=True, labs=["wbc"]),
    doc="""SIRS criteria met, from what you have observed (vital signs, white cell count;
    PaCO2 if the blood gas was shown).""",
)

calculate_bisap = RecordScore(
    "calculate_bisap",
    "bisap",
    ("bun_mg_dl", "impaired_mental_status", "sirs_criteria_met", "age"),
    elicited=(Arg("pleural_effusion"),),
).bind(
    RECORD,
    needs=needs_for(["confusion"], vitals=True, labs=["bun", "wbc"]),
    doc="""BISAP score from what you have observed (BUN, mental status, SIRS inputs, age).

    Args:
        pleural_effusion: whether imaging showed a pleural effusion.
    """,
)

calculate_glasgow_blatchford = RecordScore(
    "calculate_glasgow_blatchford",
    "glasgow_blatchford",
    (
        "bun_mg_dl",
        "hemoglobin_g_dl",
        "sex",
        "sbp",
        "heart_rate",
        "melena",
        "syncope",
        "hepatic_disease",
        "cardiac_failure",
    ),
).bind(
    RECORD,
    needs=needs_for(
        ["melena", "syncope"], vitals=True, comorbidities=True, labs=["bun", "hemoglobin"]
    ),
    doc="""Glasgow-Blatchford bleeding score from what you have observed (history, past
    history, vital signs, BUN, hemoglobin).""",
)

calculate_child_pugh = RecordScore(
    "calculate_child_pugh",
    "child_pugh",
    ("bilirubin_mg_dl", "albumin_g_dl", "inr"),
    elicited=(Arg("ascites"), Arg("encephalopathy")),
).bind(
    RECORD,
    needs=needs_for(labs=["bilirubin_total", "albumin", "inr"]),
    doc="""Child-Pugh score from observed bilirubin, albumin and INR and your assessment of
    ascites and encephalopathy.

    Args:
        ascites: your assessment of ascites.
        encephalopathy: your grading of hepatic encephalopathy.
    """,
)

calculate_meld_na = RecordScore(
    "calculate_meld_na",
    "meld_na",
    ("bilirubin_mg_dl", "inr", "creatinine_mg_dl", "sodium_mmol_l"),
).bind(
    RECORD,
    needs=needs_for(labs=["bilirubin_total", "inr", "creatinine", "sodium"]),
    doc="""MELD-Na score from observed bilirubin, INR, creatinine and sodium.""",
)

calculate_shock_index = SHOCK_INDEX.bind(
    RECORD,
    needs=needs_for(vitals=True),
    doc="""Shock index (heart rate / systolic blood pressure) from the observed vital signs.""",
)

calculate_anion_gap = RecordScore(
    "calculate_anion_gap", "anion_gap", ("sodium", "chloride", "bicarbonate")
).bind(
    RECORD,
    needs=needs_for(labs=["sodium", "chloride", "bicarbonate"]),
    doc="""Serum anion gap from observed sodium, chloride and bicarbonate.""",
)


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
