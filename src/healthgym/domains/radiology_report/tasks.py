"""Seeded task generator of radiology_report, with each task's reference solution.

Task ``i`` is a study of family ``FAMILIES[i % 4]`` (chest CT with pulmonary nodules,
thyroid ultrasound, mammography, renal mass CT/MRI) built by that family's builder from
the task seed, scenario ``i // 4``.  The truth (category, follow-up) is computed by the
system's pure rule function from the features the study shows, the same function the
rule tool runs on the agent's arguments.

The reference solution reads the request, history, technique and findings list,
examines the index lesion (and any critical finding), gets the prior and computes the
growth when the study is a follow-up, runs the system's rule tool on the correct
reading, telephones a critical finding to the ordering clinician, and submits a full
report whose impression states the category and documents the communication.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np

from ...clinical.guidelines import imaging_breast, imaging_chest, imaging_renal, imaging_thyroid
from ...tasks import RefCall, ReferenceSolution, SafetyRule, Task, task_id, task_seed, task_split
from .gen_breast import breast_case
from .gen_chest import chest_case
from .gen_renal import renal_case
from .gen_thyroid import thyroid_case
from .generator import Case
from .report_tools import READ_DELAY_MIN
from .tools import TOOL_NAMES
from .vocab import CRITICAL_NAMES, FOLLOW_UP_TEXT, NO_ACTION_CODES, WORKUP_CODES

DOMAIN = "radiology_report"
N_TASKS = 520
FAMILIES: tuple[tuple[str, Callable[[np.random.Generator, int], Case]], ...] = (
    ("chest_nodule", chest_case),
    ("thyroid", thyroid_case),
    ("breast", breast_case),
    ("renal", renal_case),
)
PROMPT = (
    "Report this study: {exam} for a {age}-year-old {sex} (accession {acc}). Review the "
    "request, the technique, the findings and any prior study with the tools, classify the "
    "index lesion with the appropriate system, communicate any critical finding to the "
    "responsible clinician, and submit a structured report with submit_report."
)


def truth(case: Case) -> dict[str, Any]:
    """Category, follow-up code (and TI-RADS points) of the case's correct reading."""
    a = case.rule_args
    if case.system == "fleischner_2017":
        f = imaging_chest.fleischner_recommendation(**a)
        return {"category": f.band, "follow_up": f.code}
    if case.system == "acr_tirads":
        t = imaging_thyroid.tirads_assessment(**a)
        return {"category": t.level, "follow_up": t.action, "points": t.total}
    if case.system == "birads":
        b = imaging_breast.birads_assessment(**a)
        return {"category": b.category, "follow_up": b.management}
    r = imaging_renal.bosniak_classification(**a)
    return {"category": r.bosniak_class, "follow_up": r.management}


def first_notification_time(case: Case) -> str:
    s = case.study
    start = dt.datetime.fromisoformat(f"{s.date}T{s.time}")
    when = start + dt.timedelta(minutes=READ_DELAY_MIN)
    return f"{when:%H:%M} on {when:%Y-%m-%d}"


def reference_answer(case: Case, t: dict[str, Any]) -> dict[str, Any]:
    s = case.study
    impression = case.lesion_text + "."
    if case.critical != "none":
        impression += (
            f" {CRITICAL_NAMES[case.critical].capitalize()}: communicated by telephone to "
            f"{s.ordering.name} at {first_notification_time(case)}."
        )
    recommendation = FOLLOW_UP_TEXT[t["follow_up"]]
    if t["follow_up"] == "ultrasound_follow_up":
        recommendation += f" Schedule: {imaging_thyroid.FOLLOW_UP_SCHEDULE[t['category']]}."
    answer: dict[str, Any] = {
        "indication": s.indication,
        "technique": " ".join(s.technique),
        "comparison": f"{s.prior.exam}, {s.prior.date}." if s.prior else "None.",
        "findings": case.findings_text,
        "impression": impression,
        "recommendation": recommendation,
        "classification_system": case.system,
        "category": t["category"],
        "follow_up": t["follow_up"],
        "critical_finding": case.critical,
    }
    if case.lesion_size_mm is not None:
        answer["lesion_size_mm"] = case.lesion_size_mm
    if "points" in t:
        answer["tirads_points"] = t["points"]
    if case.growth_mm is not None:
        answer["growth_mm"] = case.growth_mm
        if case.vdt_days is not None:
            answer["volume_doubling_time_days"] = round(case.vdt_days, 1)
    return answer


# Per-argument tolerances of the rule tools' numeric arguments (the process score): a
# diameter, thickness or protrusion is read to the nearest millimetre with about 1 mm
# between readers (Bankier AA et al. Recommendations for measuring pulmonary nodules at
# CT: a statement from the Fleischner Society. Radiology 2017;285:584-600: round to the
# nearest whole millimetre; Revel MP et al. Radiology 2004;231:453-8, inter-reader
# limits of agreement about 1.5 mm); a wall or septum thickness within 0.5 mm (Bosniak
# 2019 grades them by whole millimetres: <= 2 thin, 3 minimally thickened, >= 4 thick);
# growth within 0.5 mm; attenuation within 10 HU
# (Bosniak 2019, Silverman 2019: ROI measurements differ by several HU); counts and
# intervals between dated studies are exact.
MM_TOLERANCE = 1.0
GROWTH_TOLERANCE_MM = 0.5
HU_TOLERANCE = 10.0
EXACT = 1e-9


def argument_tolerances(arguments: dict[str, Any]) -> dict[str, float]:
    """Relative tolerances (RefCall ``tolerance``) of a call's numeric arguments."""
    out: dict[str, float] = {}
    for k, v in arguments.items():
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            continue
        if k == "growth_mm" or "thickness" in k:
            absolute = GROWTH_TOLERANCE_MM
        elif k.endswith("_mm"):
            absolute = MM_TOLERANCE
        elif k.endswith("_hu"):
            absolute = HU_TOLERANCE
        else:
            out[k] = EXACT
            continue
        out[k] = round(min(0.5, absolute / abs(v)) if v else 0.5, 4)
    return out


def with_tolerances(call: RefCall) -> RefCall:
    tol = argument_tolerances(call.arguments)
    if not tol or call.name == "submit_report":
        return call
    return call.model_copy(update={"tolerance": {**tol, **call.tolerance}})


def reference_calls(case: Case, answer: dict[str, Any]) -> list[RefCall]:
    calls = [
        RefCall(name=n)
        for n in ("get_study_info", "get_clinical_history", "get_technique", "list_findings")
    ]
    calls += [RefCall(name="describe_finding", arguments={"finding_id": i}) for i in case.index_ids]
    calls += [
        RefCall(name="describe_finding", arguments={"finding_id": i}, required=False)
        for i in case.optional_ids
    ]
    calls += case.extra_calls
    calls.append(RefCall(name=case.rule_tool, arguments=case.rule_args))
    calls.append(
        RefCall(
            name="get_report_template",
            arguments={"classification_system": case.system},
            required=False,
        )
    )
    if case.critical != "none":
        calls.append(
            RefCall(
                name="communicate_critical_result",
                arguments={
                    "finding": case.critical,
                    "recipient": case.study.ordering.name,
                    "method": "telephone",
                },
            )
        )
    calls.append(RefCall(name="submit_report", arguments=answer, required=False))
    return [with_tolerances(c) for c in calls]


def safety_rules(case: Case, t: dict[str, Any]) -> list[SafetyRule]:
    rules: list[SafetyRule] = []
    if case.critical != "none":
        name = CRITICAL_NAMES[case.critical]
        rules += [
            SafetyRule(
                code="critical_result_not_communicated",
                severity="critical",
                target=f"uncommunicated:{case.critical}",
                reason=f"{name} needs direct communication to the responsible clinician",
            ),
            SafetyRule(
                code="indirect_critical_communication",
                severity="major",
                target=f"indirect:{case.critical}",
                reason=f"{name} was sent only by message; emergent results need a telephone "
                "call or a conversation in person",
            ),
        ]
    else:
        rules.append(
            SafetyRule(
                code="unwarranted_critical_alert",
                severity="minor",
                target="alert_without_finding",
                reason="no critical finding is present; false alerts erode urgent channels",
            )
        )
    code = t["follow_up"]
    if code in WORKUP_CODES:
        rules.append(
            SafetyRule(
                code="under_management",
                severity="major",
                target="no_action_follow_up",
                reason=f"category {t['category']} needs: {FOLLOW_UP_TEXT[code]}",
            )
        )
    elif code in NO_ACTION_CODES:
        rules.append(
            SafetyRule(
                code="unnecessary_invasive_workup",
                severity="minor",
                target="invasive_follow_up",
                reason=f"category {t['category']} needs no further work-up",
            )
        )
    return rules


def make_task(index: int) -> Task:
    """Task number ``index`` of radiology_report (deterministic)."""
    if index < 0:
        raise ValueError(f"task index must be non-negative, not {index}")
    family, builder = FAMILIES[index % len(FAMILIES)]
    seed = task_seed(DOMAIN, index)
    case = builder(np.random.default_rng(seed), index // len(FAMILIES))
    t = truth(case)
    answer = reference_answer(case, t)
    s = case.study
    return Task(
        id=task_id(DOMAIN, index),
        domain=DOMAIN,
        index=index,
        seed=seed,
        split=task_split(DOMAIN, index),
        prompt=PROMPT.format(exam=s.exam, age=s.patient.age, sex=s.patient.sex, acc=s.accession),
        allowed_tools=list(TOOL_NAMES),
        hidden={"study": s.model_dump(mode="json"), "family": family},
        reference=ReferenceSolution(calls=reference_calls(case, answer), answer=answer),
        grader={
            "system": case.system,
            "category": t["category"],
            "follow_up": t["follow_up"],
            "critical_finding": case.critical,
            "lesion_size_mm": case.lesion_size_mm,
            "tirads_points": t.get("points"),
            "growth_mm": case.growth_mm,
            "vdt_days": case.vdt_days,
            "index_ids": case.index_ids,
            "nodule_type": case.rule_args.get("nodule_type"),
            "recipient": s.ordering.name,
        },
        safety=safety_rules(case, t),
    )
