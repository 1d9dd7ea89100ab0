"""Question kinds built on a score at a time point the agent must locate or interpret."""

from __future__ import annotations

import random

from .catalog import CHART_ITEMS
from .generator import AdmissionPlan
from .kinds import Ctx, Draft, Plan, Retry, evidence_refs, history, ref, short
from .questions import unique_peak
from .score_tools import kdigo_at, news2_at, news2_result

NEWS2_LEVELS = ("low", "low-medium", "medium", "high")


def news2_level(total: float, components: dict[str, float]) -> str:
    """RCP 2017 clinical-risk level: high >= 7, medium 5-6, low-medium when one parameter
    scores 3 (total <= 4), otherwise low (Royal College of Physicians. NEWS2, 2017)."""
    if total >= 7:
        return "high"
    if total >= 5:
        return "medium"
    return "low-medium" if any(p == 3 for p in components.values()) else "low"


def _news2_at(ctx: Ctx, when: str) -> tuple[float, str]:
    _, _, result = news2_result(ctx.state, when)
    value = float(result.value)
    return value, news2_level(value, result.components)


def news2_plan(r: random.Random, variant: int) -> Plan:
    courses = ["sepsis_aki", "pneumonia", "hf_exacerbation", "dka"]
    if NEWS2_LEVELS[variant % len(NEWS2_LEVELS)] == "low-medium":
        courses = ["dka"]  # isolated Kussmaul breathing scores 3 alone
    return history(r, AdmissionPlan(r.choice(courses)))


def news2_response(ctx: Ctx) -> Draft:
    times = [
        r[0]
        for r in ctx.state.db.execute(
            "SELECT DISTINCT charttime FROM chartevents WHERE hadm_id = ? AND itemid = ? "
            "ORDER BY charttime",
            (ctx.hadm, CHART_ITEMS["rr"].itemid),
        )
    ]
    wanted = NEWS2_LEVELS[ctx.variant % len(NEWS2_LEVELS)]
    scored = [(t, *_news2_at(ctx, short(t))) for t in times]
    match = [s for s in scored if s[2] == wanted]
    if not match:
        raise Retry
    when, value, level = ctx.r.choice(match)
    question = (
        f"Using the vital signs charted at {short(when)}, what clinical-risk level does NEWS2 "
        "give per the Royal College of Physicians (2017): 'high' (7 or more), 'medium' (5-6), "
        "'low-medium' (a score of 3 in any single parameter) or 'low'? Submit answer = the "
        "level, value = the NEWS2 total."
    )
    return Draft(
        question,
        {"answer": level, "value": value},
        {"level": level, "value": value, "tol": 0.01},
        [
            *evidence_refs(news2_at(ctx.state, short(when))),
            ref("calculate_news2", charttime=short(when)),
        ],
    )


def kdigo_plan(r: random.Random, variant: int) -> Plan:
    return history(
        r, AdmissionPlan(r.choice(["sepsis_aki", "aki_hyperkalemia", "hf_exacerbation"]))
    )


def kdigo_at_peak(ctx: Ctx) -> Draft:
    when, _ = unique_peak(ctx, "creatinine")
    scored = kdigo_at(ctx.state, short(when))
    stage = scored.value
    question = (
        "What KDIGO acute kidney injury stage had the patient reached at the time of the "
        f"highest creatinine of the {ctx.ordinal} admission? Submit value = the stage (0-3), "
        "charttime = the time of that creatinine result ('YYYY-MM-DD HH:MM'), answer = a "
        "one-line summary."
    )
    return Draft(
        question,
        {"answer": "KDIGO stage at peak creatinine", "value": stage, "charttime": short(when)},
        {"value": stage, "tol": 0.01, "charttime": short(when)},
        [
            ref("list_admissions"),
            ref("query_labs", lab="creatinine", hadm_id=ctx.hadm),
            *evidence_refs(scored),
            ref("calculate_kdigo_stage", charttime=short(when)),
        ],
    )
