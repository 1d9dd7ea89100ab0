"""Criteria checkers over the agent's readings (compute), the pregnancy drug table and
the unit protocols (reference), and the submit tool.

Like :mod:`.calc_tools`, none of them reads the patient record, and none states the
graded judgment: the criteria checkers report each criterion met or not by the values
the agent passed (no hypertensive-disorder label, no "diagnostic of GDM"); whether Rh D
immune globulin is due is the agent's decision from the protocol (ACOG PB 181).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Literal

from ...clinical.guidelines.obstetric_maternal import (
    GCT_THRESHOLD,
    OGTT_75G_IADPSG,
    OGTT_100G,
    PCR_PROTEINURIA_AT,
    PROTEIN_24H_AT,
    HypertensionFindings,
    classify_hypertension,
    gct_positive,
    ogtt_75g_abnormal,
    ogtt_100g_abnormal,
    organ_features,
    proteinuria,
)
from ...tools import MaxLen, Range, ToolError, tool
from .medications import DRUGS, assess, match_drugs
from .protocols import PROTOCOLS
from .records import ObstetricsState
from .vocab import ACTION_TEXT, FINDINGS_BY_TYPE

ProtocolTopic = Literal[tuple(PROTOCOLS)]  # type: ignore[valid-type]


def _met(flag: bool) -> str:
    return "met" if flag else "not met"


@tool(kind="compute")
def check_preeclampsia_criteria(
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
    """Check your findings against each ACOG Practice Bulletin 222 (2020) criterion for
    the hypertensive disorders of pregnancy (hypertension, proteinuria, each severe
    feature). It reports each criterion met or not; you make the diagnosis.

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
    state.results["finding:hypertension"] = classify_hypertension(findings)[0]
    measured = []
    if protein_creatinine_ratio is not None:
        measured.append(f"PCR {protein_creatinine_ratio:g} (>= {PCR_PROTEINURIA_AT:g})")
    if protein_24h_mg is not None:
        measured.append(f"24-h protein {protein_24h_mg:g} mg (>= {PROTEIN_24H_AT:g})")
    protein = (
        f"{_met(proteinuria(findings))} by {', '.join(measured)}"
        if measured
        else "not assessed (no urine protein value passed)"
    )
    organs = organ_features(findings)
    lines = [
        f"Hypertension (>= 140/90 twice >= 4 h apart): {_met(hypertension_confirmed)}",
        f"severe-range blood pressure (>= 160/110 confirmed): {_met(severe_range_bp_confirmed)}",
        f"proteinuria: {protein}",
    ]
    not_passed = [
        name
        for name, value in (
            ("platelets", platelets),
            ("creatinine", creatinine),
            ("AST/ALT", ast if ast is not None else alt),
        )
        if value is None
    ]
    lines.append("severe features other than blood pressure met: " + ("; ".join(organs) or "none"))
    text = "ACOG PB 222 criteria by your values - " + "; ".join(lines) + "."
    if not_passed:
        text += " Not assessed (no value passed): " + ", ".join(not_passed) + "."
    return text


@tool(kind="compute")
def compare_glucose_thresholds(
    state: ObstetricsState,
    test: Literal["gct_50g_1h", "ogtt_100g_3h", "ogtt_75g_2h"],
    values: Annotated[list[float], MaxLen(4)],
    criteria: Literal["carpenter_coustan", "nddg", "iadpsg"] | None = None,
) -> str:
    """Compare glucose test values with the published thresholds (ACOG PB 190, 2018:
    Carpenter-Coustan and NDDG; IADPSG 2010; this practice's 1-h screen cut-off). It
    reports which values meet or exceed their threshold; you apply the diagnostic rule.

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
        return (
            f"1-h 50 g challenge {values[0]:g} mg/dL is {side} this practice's screening "
            f"threshold of {GCT_THRESHOLD:g} mg/dL."
        )
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
    state.results["finding:gdm"] = "gdm" if len(abnormal) >= need else "no_gdm"
    each = "; ".join(
        f"{times[i]} {values[i]:g} vs {limits[i]:g}: "
        + ("at or above" if i in abnormal else "below")
        for i in range(len(values))
    )
    name = (criteria or "iadpsg").replace("_", "-")
    return f"{name} thresholds - {each}. Values at or above threshold: {len(abnormal)}."


@tool(kind="reference")
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


@tool(kind="reference")
def lookup_protocol(state: ObstetricsState, topic: ProtocolTopic) -> str:
    """Read this unit's protocol on a topic (criteria, thresholds, drugs and doses).

    Args:
        topic: the protocol to read.
    """
    return PROTOCOLS[topic]


_ACTIONS_DOC = "; ".join(f"{k} = {v}" for k, v in ACTION_TEXT.items())
_FINDINGS_DOC = "; ".join(f"{k}: {', '.join(v)}" for k, v in FINDINGS_BY_TYPE.items())


@tool(terminal=True)
def submit_assessment(
    state: ObstetricsState,
    finding: Annotated[str, MaxLen(200)],
    actions: Annotated[list[Annotated[str, MaxLen(200)]], MaxLen(12)] | None = None,
    score: Annotated[float, Range(0, 13)] | None = None,
    edd: Annotated[str, MaxLen(20)] | None = None,
    medications: Annotated[list[Annotated[str, MaxLen(100)]], MaxLen(12)] | None = None,
) -> str:
    """Submit your assessment and plan. Ends the episode.

    Args:
        finding: your main assessment: one finding label, or the finding in words
            (graded by meaning, e.g. "category II tracing").
        actions: the management actions you choose: action labels or plan items in words
            (doses, where you state them, are checked against the guideline).
        score: the score asked for (Bishop, biophysical profile or Apgar), if any.
        edd: the estimated due date (YYYY-MM-DD) for a dating question.
        medications: the medications the patient should take from now on (names).
    """
    return "Assessment submitted."


# the meaning of each action label, shown in the submit tool's description
submit_assessment = replace(
    submit_assessment,
    description=(
        f"{submit_assessment.description} Findings by task type: {_FINDINGS_DOC}. "
        f"Actions: {_ACTIONS_DOC}."
    ),
)
ASSESS_TOOLS = [
    check_preeclampsia_criteria,
    compare_glucose_thresholds,
    check_medication_in_pregnancy,
    lookup_protocol,
]
