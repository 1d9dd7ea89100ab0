"""Issue 16: clinically equivalent radiology reports score as the reference; near misses
do not.

Every case runs a real episode (``HealthGymEnv``) on a test-split task: the reference
work-up (critical results telephoned), then a submission that changes one thing in the
reference answer.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from healthgym.domains import get_domain
from healthgym.domains.radiology_report.answers import (
    parse_category,
    parse_follow_up,
    read_critical,
)
from healthgym.domains.radiology_report.grading import impression_categories
from healthgym.env import HealthGymEnv
from healthgym.rewards.reward import evidence_met

DOMAIN = get_domain("radiology_report")


@cache
def task_where(system: str, category: str, follow_up: str, critical: str = "none") -> int:
    for i in DOMAIN.indices("test"):
        g = DOMAIN.task(i).grader
        if (g["system"], g["category"], g["follow_up"], g["critical_finding"]) == (
            system, category, follow_up, critical,
        ):  # fmt: skip
            return i
    raise LookupError((system, category, follow_up, critical))


@cache
def play(index: int, changes: str) -> dict[str, Any]:
    task = DOMAIN.task(index)
    env = HealthGymEnv("radiology_report", split=None, max_turns=30)
    env.reset(options={"task": task})
    calls = [c for c in task.reference.calls if c.name != "submit_report"]
    env.step(
        "".join(
            "<tool_call>" + json.dumps({"name": c.name, "arguments": c.arguments}) + "</tool_call>"
            for c in calls
        )
    )
    answer = {**task.reference.answer, **json.loads(changes)}
    _, _, done, _, info = env.step(
        "<tool_call>" + json.dumps({"name": "submit_report", "arguments": answer}) + "</tool_call>"
    )
    assert done
    return info["reward_components"]


def run(where: tuple[str, ...], **changes: Any) -> dict[str, Any]:
    return play(task_where(*where), json.dumps(changes, sort_keys=True))


def codes(rc: dict[str, Any]) -> set[str]:
    return {v["code"] for v in rc["violations"]}


IIF = ("bosniak_2019", "IIF", "imaging_6_12_months_then_annually_to_5_years")
B3 = ("bosniak_2019", "III", "surgery_or_active_surveillance")
TR4 = ("acr_tirads", "TR4", "ultrasound_follow_up")
TR5 = ("acr_tirads", "TR5", "fine_needle_aspiration")
BI4 = ("birads", "4", "tissue_diagnosis")
BI3 = ("birads", "3", "short_interval_follow_up_6_months")
F68 = ("fleischner_2017", "6-8 mm", "ct_6_12_months_then_consider_ct_18_24_months",
       "pulmonary_embolism")  # fmt: skip
PTX = ("fleischner_2017", ">8 mm", "no_routine_follow_up", "pneumothorax")
CLEAN = ("fleischner_2017", "<6 mm", "no_routine_follow_up")

EQUIVALENT: list[tuple[tuple[str, ...], dict[str, Any]]] = [
    (IIF, {"category": "Bosniak 2019 class IIF"}),
    (IIF, {"category": "2F"}),
    (IIF, {"category": "Bosniak v2019 II-F"}),
    (IIF, {"follow_up": "Imaging follow-up at 6 and 12 months, then annually for 5 years"}),
    (B3, {"category": "Bosniak class 3", "follow_up": "Urology referral for surgery"}),
    (TR4, {"category": "ACR TI-RADS 4"}),
    (TR4, {"category": "TR4 (moderately suspicious)", "follow_up": "Follow-up ultrasound"}),
    (TR5, {"follow_up": "Ultrasound-guided FNA"}),
    (BI4, {"category": "BI-RADS 4B"}),
    (BI4, {"category": "BI-RADS 2013 category 4C", "follow_up": "Biopsy"}),
    (BI3, {"category": "BI-RADS 3 (probably benign)", "follow_up": "6-month follow-up"}),
    (F68, {"category": "6 to 8 mm", "critical_finding": "Pulmonary embolism"}),
    (F68, {"follow_up": "follow-up CT in 6 to 12 months, consider CT at 18-24 months"}),
    (F68, {"follow_up": "CT at 6-12 months"}),
    (F68, {"critical_finding": "PE"}),
    (PTX, {"critical_finding": "Tension PTX", "follow_up": "No follow-up needed"}),
    (CLEAN, {"critical_finding": "No critical findings", "category": "less than 6 mm"}),
    (CLEAN, {"critical_finding": "no pneumothorax"}),
]  # fmt: skip


@pytest.mark.parametrize(("where", "changes"), EQUIVALENT)
def test_equivalent_reports_score_as_the_reference(where, changes):
    ref = run(where)
    got = run(where, **changes)
    assert ref["accuracy"] == pytest.approx(1.0)
    assert got["accuracy"] == pytest.approx(ref["accuracy"]), got["details"]
    assert got["safety"] == ref["safety"] == 1.0, got["violations"]
    assert got["composite"] == pytest.approx(ref["composite"], abs=1e-9)


NEAR_MISSES: list[tuple[tuple[str, ...], dict[str, Any]]] = [
    (IIF, {"category": "Bosniak II"}),
    (IIF, {"category": "not IIF"}),
    (IIF, {"category": "II or IIF"}),
    (IIF, {"category": "IIF-III"}),
    (IIF, {"follow_up": "Imaging at 3 and 6 months"}),
    (TR4, {"category": "TR3-4"}),
    (TR4, {"category": "TR4 (highly suspicious)"}),
    (TR4, {"follow_up": "FNA"}),
    (TR5, {"follow_up": "Follow-up ultrasound"}),
    (BI4, {"category": "BI-RADS 3"}),
    (BI4, {"follow_up": "Routine screening mammography"}),
    (BI3, {"follow_up": "12-month follow-up"}),
    (F68, {"follow_up": "CT at 3-6 months"}),
    (F68, {"follow_up": "CT at 6-12 months, then CT at 18-24 months"}),  # drops 'consider'
    (F68, {"critical_finding": "no pulmonary embolism"}),
    (F68, {"critical_finding": "possible PE"}),
    (F68, {"critical_finding": "PE and pneumothorax"}),
    (PTX, {"critical_finding": "none"}),
    (CLEAN, {"critical_finding": "pneumothorax"}),
    (CLEAN, {"category": "6-8 mm"}),
    (TR4, {"impression": "Thyroid nodule, not TR4."}),
    (BI4, {"impression": "Ruled out: BI-RADS 4 mass."}),
    (IIF, {"impression": "Renal cyst, Bosniak II or IIF."}),
]  # fmt: skip


@pytest.mark.parametrize(("where", "changes"), NEAR_MISSES)
def test_near_misses_lose_accuracy_or_raise_a_violation(where, changes):
    ref = run(where)
    got = run(where, **changes)
    worse = got["accuracy"] < ref["accuracy"] - 1e-9
    unsafe = bool(codes(got) - codes(ref))
    assert worse or unsafe, (got["accuracy"], got["violations"], got["details"])
    assert got["composite"] < ref["composite"]


def test_bosniak_version_year_is_not_the_class():
    assert parse_category("bosniak_2019", "Bosniak 2019 class IIF") == "IIF"
    assert impression_categories("bosniak_2019", "Bosniak 2019 class IIF cyst.", "solid") == {"IIF"}
    assert impression_categories("birads", "BI-RADS 2013 category 4: suspicious.", "") == {"4"}
    assert parse_category("birads", "BI-RADS 4A") == "4"
    assert parse_category("acr_tirads", "TI-RADS level 5") == "TR5"


def test_intervals_are_quantities():
    code = "ct_6_12_months_then_consider_ct_18_24_months"
    for text in ("CT at 6-12 months, then consider CT at 18-24 months",
                 "Follow-up CT in 6 to 12 months; consider CT in 18 to 24 months",
                 "chest CT in 6–12 mo, then consider CT at 1.5-2 years"):  # fmt: skip
        assert parse_follow_up("fleischner_2017", text) == code, text
    assert parse_follow_up("fleischner_2017", "CT at 6-12 months", code) == code
    assert parse_follow_up("fleischner_2017", "CT at 3-6 months", code) is None


def test_negated_critical_findings_are_not_critical():
    assert read_critical("No pneumothorax.") == "none"
    assert read_critical("pneumothorax") == "pneumothorax"
    assert read_critical("Free intraperitoneal air") == "pneumoperitoneum"
    assert read_critical("?dissection") is None


def test_measurements_carry_tolerances_in_the_process_score():
    """A diameter read 1 mm differently still meets the rule tool's evidence step."""
    task = DOMAIN.task(task_where(*F68))
    ref = next(c for c in task.reference.calls if c.name == "fleischner_recommendation")
    assert ref.tolerance.get("mean_diameter_mm")

    class Call:
        def __init__(self, name: str, arguments: dict[str, Any]) -> None:
            self.name, self.arguments = name, arguments

    i = task.reference.calls.index(ref)
    off = {**ref.arguments, "mean_diameter_mm": ref.arguments["mean_diameter_mm"] + 0.8}
    assert i in evidence_met(task.reference.calls, [Call(ref.name, off)])
    far = {**ref.arguments, "mean_diameter_mm": ref.arguments["mean_diameter_mm"] + 4}
    assert i not in evidence_met(task.reference.calls, [Call(ref.name, far)])
