"""Maternal rules: hypertensive disorders, gestational diabetes, Rh D prophylaxis.

Pure functions over already-interpreted findings, each with its source:

* ACOG Practice Bulletin No. 222: Gestational hypertension and preeclampsia. Obstet
  Gynecol 2020;135:e237-e260 (criteria, severe features, timing of delivery,
  magnesium sulfate).
* ACOG Committee Opinion No. 767: Emergent therapy for acute-onset, severe hypertension
  during pregnancy and the postpartum period. Obstet Gynecol 2019;133:e174-e180
  (severe-range BP persisting 15 minutes or more is treated within 30-60 minutes).
* ACOG Practice Bulletin No. 190: Gestational diabetes mellitus. Obstet Gynecol
  2018;131:e49-e64, with the criteria it tabulates: Carpenter MW, Coustan DR. Am J
  Obstet Gynecol 1982;144:768-773; National Diabetes Data Group. Diabetes
  1979;28:1039-1057; IADPSG Consensus Panel (Metzger BE et al.). Diabetes Care
  2010;33:676-682.
* ACOG Practice Bulletin No. 181: Prevention of Rh D alloimmunization. Obstet Gynecol
  2017;130:e57-e70.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .plan import Plan

# ---------------------------------------------------------------- hypertension (PB 222)
PLATELETS_SEVERE_BELOW = 100.0  # x10^9/L
CREATININE_SEVERE_ABOVE = 1.1  # mg/dL
TRANSAMINASE_ULN = 40.0  # U/L, the upper reference limit of this laboratory
PCR_PROTEINURIA_AT = 0.3  # mg/mg
PROTEIN_24H_AT = 300.0  # mg per 24 h


@dataclass(frozen=True)
class HypertensionFindings:
    """Findings after 20 weeks, read by the clinician from the record.

    ``hypertension``: SBP >= 140 or DBP >= 90 on two occasions at least 4 hours apart
    (or a severe-range value confirmed within minutes).  ``severe_range_bp``: SBP >= 160
    or DBP >= 110 confirmed on a repeat reading at least 15 minutes later.
    """

    hypertension: bool
    severe_range_bp: bool
    protein_creatinine_ratio: float | None = None
    protein_24h_mg: float | None = None
    platelets: float | None = None
    creatinine: float | None = None
    ast: float | None = None
    alt: float | None = None
    persistent_headache: bool = False
    visual_disturbance: bool = False
    ruq_epigastric_pain: bool = False
    pulmonary_edema: bool = False


def proteinuria(f: HypertensionFindings) -> bool:
    """>= 300 mg per 24 h or protein/creatinine ratio >= 0.3 mg/mg (PB 222)."""
    pcr = (
        f.protein_creatinine_ratio is not None and f.protein_creatinine_ratio >= PCR_PROTEINURIA_AT
    )
    day = f.protein_24h_mg is not None and f.protein_24h_mg >= PROTEIN_24H_AT
    return pcr or day


def organ_features(f: HypertensionFindings) -> list[str]:
    """The severe features other than blood pressure that are present (PB 222)."""
    out = []
    if f.platelets is not None and f.platelets < PLATELETS_SEVERE_BELOW:
        out.append("thrombocytopenia (platelets < 100 x10^9/L)")
    if f.creatinine is not None and f.creatinine > CREATININE_SEVERE_ABOVE:
        out.append("renal insufficiency (creatinine > 1.1 mg/dL)")
    liver = any(v is not None and v >= 2 * TRANSAMINASE_ULN for v in (f.ast, f.alt))
    if liver or f.ruq_epigastric_pain:
        out.append("impaired liver function (transaminases >= 2x ULN or severe RUQ pain)")
    if f.pulmonary_edema:
        out.append("pulmonary edema")
    if f.persistent_headache:
        out.append("new headache unresponsive to medication")
    if f.visual_disturbance:
        out.append("visual disturbances")
    return out


def classify_hypertension(f: HypertensionFindings) -> tuple[str, list[str]]:
    """(classification, severe features present) by ACOG PB 222.

    Preeclampsia = hypertension with proteinuria, or without proteinuria but with a
    severe (organ) feature; 'with severe features' when any severe feature, severe-range
    BP included, is present.  Hypertension alone is gestational hypertension (a
    severe-range value without proteinuria or organ features is managed as preeclampsia
    with severe features, PB 222, but reported here as gestational hypertension).
    """
    organs = organ_features(f)
    severe = (["severe-range blood pressure"] if f.severe_range_bp else []) + organs
    if not (f.hypertension or f.severe_range_bp):
        return "no_hypertensive_disorder", []
    if not proteinuria(f) and not organs:
        return "gestational_hypertension", severe
    if severe:
        return "preeclampsia_with_severe_features", severe
    return "preeclampsia_without_severe_features", []


def hypertension_plan(
    diagnosis: str, ga_weeks: int, severe_range_bp: bool, pulmonary_edema: bool
) -> Plan:
    """Management by PB 222 and CO 767.

    * none: routine prenatal care.
    * gestational hypertension or preeclampsia without severe features: expectant
      management to 37 0/7 weeks, delivery from 37 0/7 weeks; magnesium sulfate is not
      used universally.
    * with severe features: magnesium sulfate; acute antihypertensive for severe-range
      BP (CO 767); delivery after maternal stabilisation from 34 0/7 weeks; before
      34 weeks antenatal corticosteroids, and delivery or expectant management in a
      tertiary centre - delivery when expectant management is precluded (pulmonary
      edema).
    """
    acute = ("antihypertensive",) if severe_range_bp else ()
    if diagnosis == "no_hypertensive_disorder":
        return Plan(
            required=(("routine_prenatal_care",),),
            forbidden=("magnesium_sulfate", "delivery", "antihypertensive"),
        )
    if diagnosis in ("gestational_hypertension", "preeclampsia_without_severe_features"):
        if ga_weeks >= 37:
            return Plan(required=(("delivery",),), forbidden=("expectant_management",))
        return Plan(
            required=(("expectant_management",),),
            forbidden=("delivery", "magnesium_sulfate"),
        )
    required: list[tuple[str, ...]] = [("magnesium_sulfate",)]
    if acute:
        required.append(acute)
    if ga_weeks >= 34 or pulmonary_edema:
        required.append(("delivery",))
        if ga_weeks < 34:
            required.append(("antenatal_corticosteroids",))
        return Plan(required=tuple(required), forbidden=("expectant_management",))
    required += [("antenatal_corticosteroids",), ("delivery", "expectant_management")]
    return Plan(required=tuple(required), forbidden=("routine_prenatal_care",))


# ------------------------------------------------------------------------- GDM (PB 190)
GCT_THRESHOLD = 140.0  # mg/dL, this unit's 1-hour 50 g screening cut-off (PB 190 allows 130-140)
OGTT_100G: dict[str, tuple[float, float, float, float]] = {
    # fasting, 1 h, 2 h, 3 h (mg/dL); GDM when two or more are met or exceeded
    "carpenter_coustan": (95.0, 180.0, 155.0, 140.0),
    "nddg": (105.0, 190.0, 165.0, 145.0),
}
OGTT_75G_IADPSG = (92.0, 180.0, 153.0)  # fasting, 1 h, 2 h; GDM when any one is met


def gct_positive(value: float, threshold: float = GCT_THRESHOLD) -> bool:
    """1-hour 50 g glucose challenge at or above the unit's threshold."""
    return value >= threshold


def ogtt_100g_abnormal(values: tuple[float, ...], criteria: str) -> list[int]:
    """Indices (0 fasting .. 3 = 3 h) of the 100 g OGTT values at or above the criteria."""
    limits = OGTT_100G[criteria]
    return [i for i, (v, lim) in enumerate(zip(values, limits, strict=True)) if v >= lim]


def ogtt_75g_abnormal(values: tuple[float, ...]) -> list[int]:
    """Indices (0 fasting, 1 = 1 h, 2 = 2 h) of 75 g OGTT values at or above IADPSG."""
    return [i for i, (v, lim) in enumerate(zip(values, OGTT_75G_IADPSG, strict=True)) if v >= lim]


def gdm_plan(gdm: bool) -> Plan:
    """GDM: medical nutrition therapy first (PB 190); otherwise routine care."""
    if gdm:
        return Plan(
            required=(("medical_nutrition_therapy",),), forbidden=("routine_prenatal_care",)
        )
    return Plan(required=(("routine_prenatal_care",),), forbidden=("medical_nutrition_therapy",))


# --------------------------------------------------------------------- Rh D (PB 181)
RhEvent = Literal[
    "routine_28_weeks",
    "antepartum_bleeding",
    "abdominal_trauma",
    "amniocentesis",
    "external_cephalic_version",
    "postpartum",
    "none",
]
SENSITISING_EVENTS: frozenset[str] = frozenset(
    {
        "routine_28_weeks",
        "antepartum_bleeding",
        "abdominal_trauma",
        "amniocentesis",
        "external_cephalic_version",
        "postpartum",
    }
)


def rh_status(maternal_rh_negative: bool, anti_d_present: bool) -> str:
    """rh_positive, rh_negative_unsensitised or rh_negative_alloimmunised."""
    if not maternal_rh_negative:
        return "rh_positive"
    return "rh_negative_alloimmunised" if anti_d_present else "rh_negative_unsensitised"


def rhig_indicated(status: str, event: str, newborn_rh_positive: bool | None) -> bool:
    """RhIG for an unsensitised Rh D-negative patient at 28 weeks, after a sensitising
    antepartum event, and within 72 h of delivering an Rh D-positive newborn (PB 181).
    Not for Rh D-positive patients, nor once anti-D alloimmunisation is present."""
    if status != "rh_negative_unsensitised" or event not in SENSITISING_EVENTS:
        return False
    return not (event == "postpartum" and not newborn_rh_positive)


def rh_plan(status: str, event: str, newborn_rh_positive: bool | None) -> Plan:
    """RhIG when indicated (with an FMH screen after delivery, PB 181); an alloimmunised
    pregnancy is followed with serial anti-D titres instead."""
    if status == "rh_negative_alloimmunised":
        return Plan(required=(("antibody_titre_monitoring",),), forbidden=("rh_immune_globulin",))
    if rhig_indicated(status, event, newborn_rh_positive):
        required: list[tuple[str, ...]] = [("rh_immune_globulin",)]
        if event == "postpartum":
            required.append(("fetomaternal_hemorrhage_screen",))
        return Plan(required=tuple(required))
    return Plan(required=(), forbidden=("rh_immune_globulin",))
