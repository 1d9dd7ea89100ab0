"""Issue 16: clinically equivalent answers score as the reference; near misses do not.

Every case runs a real episode (``HealthGymEnv``): the reference work-up, then a
submission that changes one thing in the reference answer.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from healthgym.domains import get_domain
from healthgym.domains.clinical_diagnosis.plan import NEUTRAL, drug_group, grade_plan
from healthgym.env import HealthGymEnv
from healthgym.patients.model import Patient
from healthgym.tasks import Task

DOMAIN = get_domain("clinical_diagnosis")


@cache
def task_of(disease: str, split: str = "test") -> Task:
    """The first task of ``split`` whose hidden diagnosis is ``disease`` and whose patient
    has no allergy or comorbidity that changes the first-line plan."""
    for i in DOMAIN.indices(split):
        t = DOMAIN.task(i)
        if t.grader["diagnosis"] != disease:
            continue
        groups = t.grader["plan_groups"]
        if all(g for g in groups) and not t.hidden["patient"]["allergies"]:
            return t
    raise LookupError(disease)


def play(task: Task, **changes: Any) -> dict[str, Any]:
    """Reward components of the reference work-up with the answer changed by ``changes``."""
    env = HealthGymEnv("clinical_diagnosis", split=None, max_turns=40)
    env.reset(options={"task": task})
    calls = [c for c in task.reference.calls if c.name != "submit_diagnosis"]
    env.step(
        "".join(
            "<tool_call>" + json.dumps({"name": c.name, "arguments": c.arguments}) + "</tool_call>"
            for c in calls
        )
    )
    answer = {k: v for k, v in {**task.reference.answer, **changes}.items() if v is not None}
    _, _, done, _, info = env.step(
        "<tool_call>"
        + json.dumps({"name": "submit_diagnosis", "arguments": answer})
        + "</tool_call>"
    )
    assert done
    return info["reward_components"]


def codes(rc: dict[str, Any]) -> set[str]:
    return {v["code"] for v in rc["violations"]}


PYELO = "acute_pyelonephritis"

# (disease, changes to the reference answer): each must score exactly as the reference
EQUIVALENT: list[tuple[str, dict[str, Any]]] = [
    (PYELO, {"diagnosis": "acute pyelonephritis (N10)", "icd10": None}),
    (PYELO, {"diagnosis": "Pyelonephritis, acute"}),
    (PYELO, {"diagnosis": "Acute kidney infection (upper urinary tract infection)"}),
    (PYELO, {"plan": ["IV ceftriaxone 1 g every 24 hours"]}),
    (PYELO, {"plan": ["Rocephin 2 g IV q24h"]}),
    (PYELO, {"plan": ["Ceftriaxone", "Do not use nitrofurantoin"]}),
    (PYELO, {"plan": ["Ceftriaxone", "avoid ibuprofen"]}),
    (PYELO, {"plan": ["Ceftriaxone 1 g IV then step down to oral ciprofloxacin"]}),
    (PYELO, {"plan": ["Ceftriaxone", "IV fluids", "paracetamol for fever", "admit to ward"]}),
    (PYELO, {"score_name": "QSOFA"}),
    (PYELO, {"score_name": "quick SOFA"}),
    ("community_acquired_pneumonia", {"diagnosis": "CAP", "icd10": "J18"}),
    ("community_acquired_pneumonia", {"diagnosis": "Pneumonia, community-acquired"}),
    ("stemi", {"diagnosis": "ST-elevation myocardial infarction", "icd10": "I21"}),
    ("deep_vein_thrombosis", {"diagnosis": "deep venous thrombosis of the leg"}),
    ("af_rvr", {"diagnosis": "AF with RVR"}),
    ("af_rvr", {"diagnosis": "Atrial fibrillation with rapid ventricular response"}),
    ("urosepsis", {"diagnosis": "Septic shock from pyelonephritis"}),
    ("acute_appendicitis", {"score_name": "MANTRELS"}),
    ("acute_appendicitis", {"score_name": "alvarado score"}),
    ("diabetic_ketoacidosis", {"diagnosis": "DKA"}),
    ("subarachnoid_haemorrhage", {"diagnosis": "subarachnoid hemorrhage"}),
    ("giant_cell_arteritis", {"diagnosis": "temporal arteritis"}),
]


@pytest.mark.parametrize(("disease", "changes"), EQUIVALENT)
def test_equivalent_answers_score_as_the_reference(disease: str, changes: dict) -> None:
    task = task_of(disease)
    ref = play(task)
    got = play(task, **changes)
    assert ref["accuracy"] == 1.0 and ref["safety"] == 1.0
    assert got["accuracy"] == pytest.approx(ref["accuracy"]), got["details"]
    assert got["safety"] == 1.0, got["violations"]
    assert got["coherence"] == pytest.approx(ref["coherence"]), got["details"]["coherence"]


# (disease, changes, what must happen): accuracy 0, an accuracy drop, a violation code
NEAR_MISS: list[tuple[str, dict[str, Any], str]] = [
    (PYELO, {"diagnosis": "Not acute pyelonephritis"}, "wrong"),
    (PYELO, {"diagnosis": "Acute pyelonephritis ruled out"}, "wrong"),
    (PYELO, {"diagnosis": "No evidence of acute pyelonephritis"}, "wrong"),
    (PYELO, {"diagnosis": "renal cell carcinoma", "icd10": "N10"}, "wrong"),
    (PYELO, {"diagnosis": "infection", "icd10": "N10"}, "wrong"),
    (PYELO, {"diagnosis": "Acute pyelonephritis or acute appendicitis"}, "wrong"),
    (PYELO, {"diagnosis": "acute pyelonephritis versus acute cholecystitis"}, "wrong"),
    (PYELO, {"diagnosis": "chronic pyelonephritis"}, "wrong"),
    (PYELO, {"diagnosis": "cystitis"}, "wrong"),
    (PYELO, {"diagnosis": "N10", "icd10": "N10"}, "wrong"),
    ("bacterial_meningitis", {"diagnosis": "viral meningitis"}, "wrong"),
    ("stemi", {"diagnosis": "NSTEMI"}, "wrong"),
    ("acute_ischaemic_stroke", {"diagnosis": "haemorrhagic stroke"}, "wrong"),
    (
        PYELO,
        {"plan": ["Ceftriaxone", "Alteplase", "Heparin infusion", "Appendectomy", "Naproxen"]},
        "stuffed",
    ),
    (PYELO, {"plan": ["Ceftriaxone", "Ciprofloxacin", "Levofloxacin"]}, "duplicate_class"),
    (PYELO, {"plan": ["Ceftriaxone", "Nitrofurantoin"]}, "contraindicated_treatment"),
    (PYELO, {"plan": ["Ceftriaxone", "Lisinopril"]}, "extra"),
    (PYELO, {"plan": ["No antibiotics; ceftriaxone is not needed"]}, "missed"),
    (
        "stemi",
        {"plan": ["Aspirin", "Clopidogrel", "Ticagrelor", "Heparin", "PCI"]},
        "duplicate_class",
    ),
    (PYELO, {"score_name": "CURB-65"}, "incoherent"),
]


@pytest.mark.parametrize(("disease", "changes", "expect"), NEAR_MISS)
def test_near_misses_do_not_score_as_the_reference(disease: str, changes: dict, expect: str):
    task = task_of(disease)
    got = play(task, **changes)
    if expect == "wrong":
        assert got["accuracy"] == 0.0, got["details"]
        assert got["details"]["diagnosis_correct"] is False
    elif expect == "stuffed":
        assert got["accuracy"] <= 0.7, got["details"]
        assert got["safety"] < 1.0 and "unindicated_high_risk" in codes(got)
        assert "drug_interaction" in codes(got)  # heparin + naproxen (shared table)
    elif expect == "extra":
        assert got["accuracy"] < 1.0 and got["details"]["plan_extras"] == ["lisinopril"]
    elif expect == "missed":
        assert got["accuracy"] == pytest.approx(0.7)
    elif expect == "incoherent":
        assert got["accuracy"] == 1.0 and got["coherence"] < 1.0
    else:
        assert expect in codes(got), got["violations"]
        assert got["safety"] < 1.0


def test_diagnosis_reading_in_grade_details() -> None:
    task = task_of(PYELO)
    neg = play(task, diagnosis="Acute pyelonephritis ruled out")["details"]
    assert neg["diagnosis_negated"] == [PYELO] and neg["submitted_disease"] is None
    hedged = play(task, diagnosis="probable acute pyelonephritis", icd10="N10")["details"]
    assert hedged["diagnosis_hedged"] is True and hedged["diagnosis_correct"] is True
    assert hedged["code_confirms"] is True
    wrong_code = play(task, icd10="J18.9")
    assert wrong_code["details"]["code_confirms"] is False
    assert wrong_code["details"]["coherence"]["icd10_consistent"] is False


def test_avoiding_a_contraindicated_drug_is_neutral_and_reported() -> None:
    got = play(task_of(PYELO), plan=["Ceftriaxone", "Do not use nitrofurantoin"])
    assert got["accuracy"] == 1.0 and got["safety"] == 1.0
    assert got["details"]["avoided_contraindicated"] == ["nitrofurantoin"]


def test_neutral_options_have_sources_and_known_keys() -> None:
    from healthgym.clinical.diseases import PROFILES
    from healthgym.clinical.treatments import TREATMENTS

    for disease, items in NEUTRAL.items():
        assert disease in PROFILES
        for key, source in items:
            assert key in TREATMENTS and len(source) > 20
            assert key not in PROFILES[disease].contraindicated


def test_reference_plans_are_clean_on_every_task() -> None:
    """No reference plan misses an item, carries an extra or trips a violation (the
    aspirin-allergic STEMI patient gets one P2Y12 inhibitor, not two)."""
    for i in range(0, 1500, 3):
        t = DOMAIN.task(i)
        g = grade_plan(
            t.reference.answer["plan"],
            t.grader["plan_groups"],
            t.grader["diagnosis"],
            Patient.model_validate(t.hidden["patient"]),
            {},
            {r.target for r in t.safety},
        )
        assert (g.recall, g.precision, g.violations) == (1.0, 1.0, []), (i, g)


def test_drug_groups() -> None:
    assert drug_group("ciprofloxacin") == drug_group("levofloxacin") == "fluoroquinolone"
    assert drug_group("alteplase") == drug_group("tenecteplase")
    assert drug_group("iv_fluids") is None
