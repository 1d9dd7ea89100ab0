"""Assessment tools over the agent's readings (maternal rules, medications, protocols)
and the submit tool.  Like :mod:`.calc_tools`, none of them reads the patient record."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Literal

from ...tools import MaxLen, Range, ToolError, tool
from .medications import DRUGS, assess, match_drugs
from .protocols import PROTOCOLS
from .records import ObstetricsState
from .rules_maternal import (
    GCT_THRESHOLD,
    OGTT_75G_IADPSG,
    OGTT_100G,
    HypertensionFindings,
    RhEvent,
    classify_hypertension,
    gct_positive,
    ogtt_75g_abnormal,
    ogtt_100g_abnormal,
    rh_status,
    rhig_indicated,
)
from .vocab import ACTION_TEXT, Action, Finding

ProtocolTopic = Literal[tuple(PROTOCOLS)]  # type: ignore[valid-type]
LABELS = {
    "no_hypertensive_disorder": "no hypertensive disorder of pregnancy",
    "gestational_hypertension": "gestational hypertension",
    "preeclampsia_without_severe_features": "preeclampsia without severe features",
    "preeclampsia_with_severe_features": "preeclampsia with severe features",
}


@tool
def assess_hypertensive_disorder(
    state: ObstetricsState,
    gestational_age_weeks: Annotated[int, Range(0, 44)],
    hypertension_confirmed: bool,
    severe_range_bp_confirmed: bool,
    protein_creatinine_ratio: Annotated[float, Range(0, 30)] | None = None,
    protein_24h_mg: Annotated[float, Range(0, 30000)] | None = None,
    platelets: Annotated[float, Range(0, 2000)] | None = None,
    creatinine: Annotated[float, Range(0, 20)] | None = None,
    ast: Annotated[float, Range(0, 10000)] | None = None,
    alt: Annotated[float, Range(0, 10000)] | None = None,
    persistent_headache: bool = False,
    visual_disturbance: bool = False,
    ruq_epigastric_pain: bool = False,
    pulmonary_edema: bool = False,
) -> str:
    """Apply the ACOG Practice Bulletin 222 (2020) criteria for gestational hypertension
    and preeclampsia (with or without severe features) to your findings.

    Args:
        gestational_age_weeks: completed weeks (the criteria apply from 20 weeks).
        hypertension_confirmed: SBP >= 140 or DBP >= 90 on two occasions >= 4 h apart.
        severe_range_bp_confirmed: SBP >= 160 or DBP >= 110 confirmed >= 15 min apart.
        protein_creatinine_ratio: urine protein/creatinine ratio (mg/mg).
        protein_24h_mg: 24-hour urine protein (mg).
        platelets: platelet count (x10^9/L).
        creatinine: serum creatinine (mg/dL).
        ast: AST (U/L; upper reference limit 40).
        alt: ALT (U/L; upper reference limit 40).
        persistent_headache: new headache unresponsive to medication.
        visual_disturbance: visual disturbances (scotomata, photopsia, blurred vision).
        ruq_epigastric_pain: severe persistent right upper quadrant or epigastric pain.
        pulmonary_edema: pulmonary edema.
    """
    if gestational_age_weeks < 20:
        raise ToolError("these criteria apply from 20 weeks of gestation")
    findings = HypertensionFindings(
        hypertension=hypertension_confirmed,
        severe_range_bp=severe_range_bp_confirmed,
        protein_creatinine_ratio=protein_creatinine_ratio,
        protein_24h_mg=protein_24h_mg,
        platelets=platelets,
        creatinine=creatinine,
        ast=ast,
        alt=alt,
        persistent_headache=persistent_headache,
        visual_disturbance=visual_disturbance,
        ruq_epigastric_pain=ruq_epigastric_pain,
        pulmonary_edema=pulmonary_edema,
    )
    label, severe = classify_hypertension(findings)
    state.results["finding:hypertension"] = label
    text = f"By ACOG PB 222 criteria: {LABELS[label]}"
    if severe:
        text += "; severe features: " + "; ".join(severe)
    return text + "."


@tool
def interpret_glucose_tolerance(
    state: ObstetricsState,
    test: Literal["gct_50g_1h", "ogtt_100g_3h", "ogtt_75g_2h"],
    values: Annotated[list[float], MaxLen(4)],
    criteria: Literal["carpenter_coustan", "nddg", "iadpsg"] | None = None,
) -> str:
    """Interpret a glucose test in pregnancy (ACOG PB 190; IADPSG 2010).

    Args:
        test: gct_50g_1h, ogtt_100g_3h or ogtt_75g_2h.
        values: the values in mg/dL in time order (1 for the challenge; fasting, 1 h,
            2 h, 3 h for the 100 g test; fasting, 1 h, 2 h for the 75 g test).
        criteria: carpenter_coustan or nddg for the 100 g test; iadpsg for the 75 g test.
    """
    expected = {"gct_50g_1h": 1, "ogtt_100g_3h": 4, "ogtt_75g_2h": 3}[test]
    if len(values) != expected:
        raise ToolError(f"{test} needs {expected} value(s), got {len(values)}")
    if test == "gct_50g_1h":
        pos = gct_positive(values[0])
        if not pos:
            state.results["finding:gdm"] = "no_gdm"
        side = "at or above" if pos else "below"
        nxt = "a 3-hour 100 g OGTT is needed" if pos else "screen negative"
        return f"1-h challenge {values[0]:g} mg/dL is {side} {GCT_THRESHOLD:g} mg/dL: {nxt}."
    if test == "ogtt_100g_3h":
        if criteria not in OGTT_100G:
            raise ToolError("the 100 g test needs criteria carpenter_coustan or nddg")
        abnormal = ogtt_100g_abnormal(tuple(values), criteria)
        limits, need = OGTT_100G[criteria], 2
        times = ("fasting", "1 h", "2 h", "3 h")
    else:
        if criteria not in (None, "iadpsg"):
            raise ToolError("the 75 g test is interpreted with the iadpsg criteria")
        abnormal = ogtt_75g_abnormal(tuple(values))
        limits, need = OGTT_75G_IADPSG, 1
        times = ("fasting", "1 h", "2 h")
    gdm = len(abnormal) >= need
    state.results["finding:gdm"] = "gdm" if gdm else "no_gdm"
    listed = ", ".join(f"{times[i]} {values[i]:g} >= {limits[i]:g}" for i in abnormal) or "none"
    verdict = "diagnostic of" if gdm else "not diagnostic of"
    return (
        f"{len(abnormal)} value(s) met or exceeded ({listed}); {need} needed: {verdict} "
        "gestational diabetes."
    )


@tool
def assess_rhig_indication(
    state: ObstetricsState,
    maternal_rh: Literal["positive", "negative"],
    anti_d_antibodies: bool,
    event: RhEvent,
    newborn_rh: Literal["positive", "negative", "unknown"] = "unknown",
) -> str:
    """Rh D status and whether Rh D immune globulin is indicated (ACOG PB 181, 2017).

    Args:
        maternal_rh: the patient's Rh(D) type.
        anti_d_antibodies: the antibody screen shows anti-D (alloimmunisation).
        event: the current indication: routine_28_weeks, antepartum_bleeding,
            abdominal_trauma, amniocentesis, external_cephalic_version, postpartum or none.
        newborn_rh: the newborn's Rh(D) type after delivery.
    """
    status = rh_status(maternal_rh == "negative", anti_d_antibodies)
    state.results["finding:rhesus"] = status
    baby = {"positive": True, "negative": False}.get(newborn_rh)
    if event == "postpartum" and status == "rh_negative_unsensitised" and baby is None:
        raise ToolError("after delivery the newborn's Rh(D) type decides: order cord_blood")
    indicated = rhig_indicated(status, event, baby)
    words = status.replace("_", " ").replace("rh ", "Rh D-", 1)
    return f"Status: {words}; Rh D immune globulin {'indicated' if indicated else 'not indicated'}."


@tool
def check_medication_in_pregnancy(
    state: ObstetricsState,
    drug: Annotated[str, MaxLen(100)],
    gestational_age_weeks: Annotated[int, Range(0, 44)],
) -> str:
    """Pregnancy safety of one drug at a gestational age: level, reason and source.

    Args:
        drug: generic or brand name.
        gestational_age_weeks: completed weeks of gestation.
    """
    keys = match_drugs(drug)
    if not keys:
        names = ", ".join(d.names[0] for d in DRUGS)
        raise ToolError(
            f"'{drug[:60]}' is not a known drug; this unit's pregnancy table holds: {names} "
            "(other formulary drugs are found by generic or brand name)"
        )
    lines = []
    for key in keys:
        a = assess(key, gestational_age_weeks)
        state.results.setdefault("checked_drugs", set()).add(key)
        lines.append(
            f"{a.name} ({a.drug_class}) at {gestational_age_weeks} weeks: {a.level} - "
            f"{a.note}. Source: {a.source}."
        )
    return " ".join(lines)


@tool
def lookup_protocol(state: ObstetricsState, topic: ProtocolTopic) -> str:
    """Read this unit's protocol on a topic (criteria, thresholds, drugs and doses).

    Args:
        topic: the protocol to read.
    """
    return PROTOCOLS[topic]


_ACTIONS_DOC = "; ".join(f"{k} = {v}" for k, v in ACTION_TEXT.items())


@tool(terminal=True)
def submit_assessment(
    state: ObstetricsState,
    finding: Finding,
    actions: Annotated[list[Action], MaxLen(12)] | None = None,
    score: Annotated[float, Range(0, 13)] | None = None,
    edd: Annotated[str, MaxLen(20)] | None = None,
    medications: Annotated[list[Annotated[str, MaxLen(100)]], MaxLen(12)] | None = None,
) -> str:
    """Submit your assessment and plan. Ends the episode.

    Args:
        finding: your main assessment (one label).
        actions: the management actions you choose.
        score: the score asked for (Bishop, biophysical profile or Apgar), if any.
        edd: the estimated due date (YYYY-MM-DD) for a dating question.
        medications: the medications the patient should take from now on (names).
    """
    return "Assessment submitted."


# the meaning of each action label, shown in the submit tool's description
submit_assessment = replace(
    submit_assessment, description=f"{submit_assessment.description} Actions: {_ACTIONS_DOC}."
)
ASSESS_TOOLS = [
    assess_hypertensive_disorder,
    interpret_glucose_tolerance,
    assess_rhig_indication,
    check_medication_in_pregnancy,
    lookup_protocol,
]
