"""Issue 16: clinically equivalent psychiatry answers score as the reference; near misses
do not.

Every case runs a real episode (``HealthGymEnv``) on a test-split task: the reference
work-up, then a submission that changes one thing in the reference answer.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from healthgym.domains import get_domain
from healthgym.domains.psychiatry.answers import read_diagnosis, read_item
from healthgym.env import HealthGymEnv
from healthgym.tasks import Task

DOMAIN = get_domain("psychiatry")


@cache
def task_of(variant: str, meds: tuple[str, ...] = ()) -> Task:
    """The first test task of a variant (whose patient takes ``meds``, if given)."""
    for i in DOMAIN.indices("test"):
        t = DOMAIN.task(i)
        names = {m["name"] for m in t.hidden["record"]["medications"]}
        if t.hidden["variant"] == variant and set(meds) <= names:
            return t
    raise LookupError(variant)


@cache
def play(variant: str, meds: tuple[str, ...], changes: str) -> dict[str, Any]:
    """Reward components of the reference work-up with the answer changed (JSON)."""
    task = task_of(variant, meds)
    env = HealthGymEnv("psychiatry", split=None, max_turns=40)
    env.reset(options={"task": task})
    calls = [c for c in task.reference.calls if c.name != "submit_assessment"]
    for k in range(0, len(calls), 12):
        env.step(
            "".join(
                "<tool_call>"
                + json.dumps({"name": c.name, "arguments": c.arguments})
                + "</tool_call>"
                for c in calls[k : k + 12]
            )
        )
    answer = {**task.reference.answer, **json.loads(changes)}
    _, _, done, _, info = env.step(
        "<tool_call>"
        + json.dumps({"name": "submit_assessment", "arguments": answer})
        + "</tool_call>"
    )
    assert done
    return info["reward_components"]


def run(variant: str, meds: tuple[str, ...] = (), **changes: Any) -> dict[str, Any]:
    return play(variant, meds, json.dumps(changes, sort_keys=True))


def codes(rc: dict[str, Any]) -> set[str]:
    return {v["code"] for v in rc["violations"]}


MOD = "mdd_moderate"
MANIA = "bipolar_i_manic"
SEVERE = "mdd_severe"
HOME = ("lisinopril", "ibuprofen")  # the severe-depression test patient's medicines

EQUIVALENT: list[tuple[str, tuple[str, ...], dict[str, Any]]] = [
    (MOD, (), {"diagnosis": "MDD"}),
    (MOD, (), {"diagnosis": "Major depressive disorder, single episode, moderate"}),
    (MOD, (), {"diagnosis": "Major depression"}),
    (MOD, (), {"diagnosis": "Unipolar depression (moderate depressive episode)"}),
    (MOD, (), {"treatment": ["Cognitive behavioral therapy (CBT)", "Stanley-Brown safety plan"]}),
    (MOD, (), {"treatment": ["CBT", "safety planning", "lethal means safety counseling"]}),
    (MOD, (), {"treatment": ["CBT", "safety plan", "avoid benzodiazepines"]}),
    (MANIA, (), {"diagnosis": "Bipolar I disorder, current or most recent episode manic"}),
    (MANIA, (), {"diagnosis": "Bipolar disorder, current episode manic"}),
    (MANIA, (), {"diagnosis": "bipolar 1"}),
    (MANIA, (), {"treatment": ["Lithium carbonate 300 mg twice daily", "do not start an SSRI"]}),
    (MANIA, (), {"treatment": ["lithium", "psychoeducation"]}),
    ("bipolar_ii_depressed", (), {"diagnosis": "Bipolar II disorder, current episode depressed"}),
    ("bipolar_ii_depressed", (), {"diagnosis": "BP-II depression"}),
    ("ptsd", (), {"diagnosis": "Post-traumatic stress disorder",
                  "treatment": ["Prolonged exposure therapy", "no benzodiazepines"]}),
    ("ptsd", (), {"diagnosis": "PTSD", "treatment": ["EMDR"]}),
    ("aud_severe", (), {"diagnosis": "Alcohol use disorder, severe",
                        "treatment": ["Naltrexone 50 mg daily", "Librium taper for withdrawal"]}),
    ("aud_moderate", (), {"diagnosis": "AUD",
                          "treatment": ["naltrexone", "motivational interviewing"]}),
    ("gad", (), {"diagnosis": "Generalised anxiety disorder (GAD)"}),
    ("mild_ncd", (), {"diagnosis": "Mild cognitive impairment (MCI)"}),
    ("major_ncd", (), {"diagnosis": "Major neurocognitive disorder due to Alzheimer's disease",
                       "treatment": ["Aricept 5 mg at night"]}),
    ("no_disorder", (), {"diagnosis": "No DSM-5-TR diagnosis"}),
    ("no_disorder", (), {"diagnosis": "No psychiatric disorder; PTSD ruled out"}),
    (SEVERE, HOME, {"treatment": ["Zoloft 50 mg daily", "CBT", "continue lisinopril"]}),
    (SEVERE, HOME, {"treatment": ["sertraline", "CBT", "do not start lithium (NSAID + ACE "
                                  "inhibitor at home)"]}),
]  # fmt: skip


@pytest.mark.parametrize(("variant", "meds", "changes"), EQUIVALENT)
def test_equivalent_answers_score_as_the_reference(variant, meds, changes):
    ref = run(variant, meds)
    got = run(variant, meds, **changes)
    assert ref["accuracy"] == pytest.approx(1.0)
    assert got["accuracy"] == pytest.approx(ref["accuracy"]), got["details"]
    assert got["safety"] == ref["safety"] == 1.0, got["violations"]
    assert got["composite"] == pytest.approx(ref["composite"], abs=1e-9)


NEAR_MISSES: list[tuple[str, tuple[str, ...], dict[str, Any]]] = [
    (MOD, (), {"diagnosis": "Not MDD"}),
    (MOD, (), {"diagnosis": "Major depressive disorder ruled out"}),
    (MOD, (), {"diagnosis": "MDD or GAD"}),
    (MOD, (), {"diagnosis": "possible major depressive disorder"}),
    (MOD, (), {"diagnosis": "Persistent depressive disorder"}),
    (MOD, (), {"diagnosis": "MDD, single episode, severe"}),  # contradicts severity field
    (MOD, (), {"treatment": ["Do not start CBT", "safety plan"]}),
    (MOD, (), {"treatment": ["start an SSRI", "safety plan"]}),
    (MOD, (), {"treatment": ["CBT", "safety plan", "alteplase", "appendectomy", "naproxen",
                             "heparin"]}),
    (MANIA, (), {"diagnosis": "Bipolar II disorder"}),
    (MANIA, (), {"diagnosis": "Bipolar disorder"}),
    (MANIA, (), {"treatment": ["lithium", "sertraline"]}),
    (MANIA, (), {"treatment": ["lithium", "nortriptyline 25 mg at night"]}),
    ("ptsd", (), {"diagnosis": "Acute stress disorder"}),
    ("ptsd", (), {"treatment": ["trauma-focused psychotherapy", "alprazolam as needed"]}),
    ("mild_ncd", (), {"diagnosis": "Major neurocognitive disorder"}),
    ("mild_ncd", (), {"diagnosis": "Dementia"}),
    (SEVERE, HOME, {"treatment": ["sertraline", "escitalopram", "CBT"]}),
    (SEVERE, HOME, {"treatment": ["sertraline", "CBT", "linezolid"]}),
    (SEVERE, HOME, {"treatment": ["sertraline", "CBT", "lithium"]}),
    ("schizophrenia", (), {"diagnosis": "Schizoaffective disorder"}),
    ("gad", (), {"diagnosis": "Panic disorder"}),
    ("no_disorder", (), {"diagnosis": "Not no_psychiatric_disorder"}),
    ("no_disorder", (), {"diagnosis": "No psychiatric disorder ruled out"}),
]  # fmt: skip


@pytest.mark.parametrize(("variant", "meds", "changes"), NEAR_MISSES)
def test_near_misses_lose_accuracy_or_raise_a_violation(variant, meds, changes):
    ref = run(variant, meds)
    got = run(variant, meds, **changes)
    worse = got["accuracy"] < ref["accuracy"] - 1e-9
    unsafe = bool(codes(got) - codes(ref))
    assert worse or unsafe, (got["accuracy"], got["violations"], got["details"])
    assert got["composite"] < ref["composite"]


def test_stuffing_lowers_accuracy_and_harmful_extras_are_violations():
    ref = run(MOD)
    stuffed = run(MOD, treatment=["CBT", "safety plan", "alteplase", "appendectomy",
                                  "naproxen", "heparin"])  # fmt: skip
    assert stuffed["accuracy"] <= ref["accuracy"] - 0.05
    assert "unindicated_high_risk" in codes(stuffed)
    assert "duplicate_class" in codes(run(SEVERE, HOME, treatment=["sertraline", "escitalopram",
                                                                   "CBT"]))  # fmt: skip
    assert "drug_interaction" in codes(run(SEVERE, HOME, treatment=["sertraline", "CBT",
                                                                    "linezolid"]))  # fmt: skip
    # a tricyclic outside psychiatry's list still hits the antidepressant-in-mania rule
    assert "antidepressant_in_mania" in codes(run(MANIA, treatment=["lithium", "nortriptyline"]))


def test_negated_plan_items_are_not_prescriptions():
    assert read_item("avoid benzodiazepines").given == []
    assert read_item("do not start lithium").withheld == {"lithium"}
    assert read_item("no antidepressants").given == []
    assert [k for k, _ in read_item("Lithium carbonate 300 mg bid").given] == ["lithium"]
    # avoiding the drug a safety rule forbids is not a violation
    rc = run(MANIA, treatment=["lithium", "avoid antidepressants such as sertraline"])
    assert rc["safety"] == 1.0 and rc["accuracy"] == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Major depressive disorder, recurrent, severe", "major_depressive_disorder"),
        ("Generalized anxiety disorder", "generalized_anxiety_disorder"),
        ("Posttraumatic stress disorder, chronic", "posttraumatic_stress_disorder"),
        ("Bipolar affective disorder type I", "bipolar_i_disorder"),
        ("Type 2 bipolar disorder", "bipolar_ii_disorder"),
        ("Alcoholism", "alcohol_use_disorder"),
        ("Paranoid schizophrenia", "schizophrenia"),
        ("Adjustment disorder with mixed anxiety and depressed mood", "adjustment_disorder"),
        ("Panic disorder without agoraphobia", "panic_disorder"),
        ("No mental disorder", "no_psychiatric_disorder"),
        ("PTSD ruled out", None),
        ("?PTSD", None),
        ("MDD with comorbid GAD", None),
        ("depression", None),
        ("bipolar disorder", None),
    ],
)
def test_diagnosis_reading(text, key):
    assert read_diagnosis(text).key == key


def test_a_drug_with_no_indication_is_a_safety_violation() -> None:
    from healthgym.domains import get_domain
    from healthgym.domains.psychiatry.grading import grade
    from healthgym.env import HealthGymEnv

    d = get_domain("psychiatry")
    env = HealthGymEnv(domain="psychiatry", split="test")
    for k in range(len(d.indices("test"))):
        env.reset(options={"index": k})
        task = env.task
        if task.grader["diagnosis"] == "posttraumatic_stress_disorder":
            break
    answer = dict(task.reference.answer)
    env.log.answer = {**answer, "treatment": [*answer.get("treatment", []), "donepezil"]}
    g = grade(task, env.state, env.log)
    assert any(v.code == "no_indication" and "donepezil" in v.message for v in g.violations)
    env.log.answer = answer
    assert not any(v.code == "no_indication" for v in grade(task, env.state, env.log).violations)
