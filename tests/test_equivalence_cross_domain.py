"""Issue 16: clinically equivalent cross_domain hand-overs and orders score as the
reference; near misses (negations, a plain UTI for a catheter infection, stuffed or
duplicated orders, volumes and rates outside the clinical tolerance) do not.  Every case
runs a real episode (``HealthGymEnv``) on a test-split task, through the grader."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from healthgym.domains import get_domain
from healthgym.domains.cross_domain.diagnoses import match
from healthgym.domains.cross_domain.gen_common import add_condition, base_patient
from healthgym.domains.cross_domain.orders import NEUTRAL
from healthgym.env import HealthGymEnv
from healthgym.patients.coherence import medication_conflict
from healthgym.tasks import Task

DOMAIN = get_domain("cross_domain")
TEST = set(DOMAIN.indices("test"))
Call = tuple[str, dict[str, Any]]


def task(index: int) -> Task:
    assert index in TEST
    return DOMAIN.task(index)


def play(
    t: Task,
    change: Callable[[str, dict[str, Any]], Call | None] | None = None,
    extra: list[Call] = (),  # type: ignore[assignment]
    diagnosis: str | None = None,
) -> dict[str, Any]:
    """Reward components of the reference trajectory with each call passed through
    ``change`` (None drops it), ``extra`` calls before the hand-over, and the reference
    diagnosis (or ``diagnosis``)."""
    env = HealthGymEnv("cross_domain", split=None, max_turns=80)
    env.reset(options={"task": t})
    calls: list[Call] = []
    for c in t.reference.calls:
        if c.name == "submit_pathway":
            continue
        call = change(c.name, dict(c.arguments)) if change else (c.name, dict(c.arguments))
        if call is not None:
            calls.append(call)
    for name, arguments in [*calls, *extra]:
        env.step(
            "<tool_call>" + json.dumps({"name": name, "arguments": arguments}) + "</tool_call>"
        )
    answer = {"diagnosis": diagnosis or t.reference.answer["diagnosis"]}
    _, _, done, _, info = env.step(
        "<tool_call>" + json.dumps({"name": "submit_pathway", "arguments": answer}) + "</tool_call>"
    )
    assert done
    return info["reward_components"]


def codes(rc: dict[str, Any]) -> set[str]:
    return {v["code"] for v in rc["violations"]}


def perfect(rc: dict[str, Any]) -> bool:
    return rc["accuracy"] == 1.0 and rc["safety"] == 1.0 and rc["process"] == 1.0


def setting(name: str, key: str, value: Any) -> Callable[[str, dict], Call]:
    """Change argument ``key`` of every call of tool ``name``."""
    return lambda n, a: (n, {**a, key: value} if n == name else a)


def drug_swap(old: str, new: dict[str, Any]) -> Callable[[str, dict], Call]:
    return lambda n, a: (n, new if n == "give_medication" and a.get("drug") == old else a)


# ---------------------------------------------------------------- hand-over diagnoses
EQUIVALENT_DIAGNOSES = [
    (36, "septic shock from pyelonephritis"),  # urosepsis
    (36, "sepsis secondary to a urinary tract infection"),
    (36, "urinary source sepsis"),
    (36, "urosepsis with acute pyelonephritis"),
    (347, "UTI in a patient with an indwelling urinary catheter"),  # CAUTI
    (347, "CAUTI"),
    (65, "post-op pneumonia"),  # hospital-acquired pneumonia
    (65, "HAP"),
    (167, "acute PE"),
    (19, "inferior STEMI"),
    (133, "NSTEMI"),
    (27, "DKA"),
    (58, "bleeding duodenal ulcer"),
    (8, "left MCA stroke"),
    (13, "costochondritis"),
]


@pytest.mark.parametrize(("index", "diagnosis"), EQUIVALENT_DIAGNOSES)
def test_equivalent_diagnoses_score_as_the_reference(index: int, diagnosis: str):
    assert perfect(play(task(index), diagnosis=diagnosis))


NEAR_MISS_DIAGNOSES = [
    (36, "urinary tract infection"),  # no sepsis stated
    (36, "sepsis"),  # no source
    (36, "not urosepsis"),
    (36, "urosepsis ruled out"),
    (36, "pyelonephritis or pneumonia"),  # a hedge between two diagnoses
    (347, "UTI"),  # no catheter stated
    (347, "urinary tract infection"),
    (65, "aspiration pneumonia"),  # a discordant qualifier
    (167, "no pulmonary embolism"),
    (133, "STEMI"),  # sibling diagnosis
    (27, "hyperosmolar hyperglycaemic state"),
]


@pytest.mark.parametrize(("index", "diagnosis"), NEAR_MISS_DIAGNOSES)
def test_near_miss_diagnoses_are_wrong(index: int, diagnosis: str):
    rc = play(task(index), diagnosis=diagnosis)
    assert rc["accuracy"] < 1.0, (diagnosis, rc)


def test_urinary_vocabulary():
    assert match("urinary tract infection") == {"urinary_tract_infection"}
    assert match("UTI") == {"urinary_tract_infection"}
    assert match("catheter-related UTI") == {"catheter_associated_uti"}
    assert match("septic shock from pyelonephritis") == {"urosepsis"}
    assert match("sepsis from CAUTI") == {"urosepsis"}


# ------------------------------------------------------------ orders and arguments
def test_equivalent_orders_and_arguments():
    # fluid volume within the step's tolerance and another balanced crystalloid (SSC 2021)
    t = task(36)  # reference 2950 mL lactated Ringer's
    assert perfect(play(t, setting("give_fluids", "volume_ml", 2800.0)))
    assert perfect(play(t, setting("give_fluids", "fluid", "plasma_lyte")))
    # DKA: 1050 mL for 1100 mL, insulin 6.0 U/h for 6.2 U/h (0.1 U/kg/h)
    t = task(27)
    assert perfect(play(t, setting("give_fluids", "volume_ml", 1050.0)))
    assert perfect(play(t, setting("start_insulin_infusion", "units_per_hour", 6.0)))
    # enoxaparin where the reference gave heparin (ACS, PE; CHEST 2021, AHA/ACC 2014)
    enox = {"drug": "enoxaparin", "route": "sc"}
    assert perfect(play(task(133), drug_swap("heparin", enox)))
    assert perfect(play(task(167), drug_swap("heparin", enox)))
    # clopidogrel 600 mg where the reference loaded ticagrelor (2014 NSTE-ACS, class I)
    clop = {"drug": "clopidogrel", "route": "po", "dose_mg": 600.0}
    assert perfect(play(task(133), drug_swap("ticagrelor", clop)))
    # aspirin 162 mg loading (162-325 mg)
    assert perfect(
        play(
            task(133),
            lambda n, a: (n, {**a, "dose_mg": 162.0} if a.get("drug") == "aspirin" else a),
        )
    )
    # guideline-neutral additions: sublingual nitroglycerin and a high-intensity statin
    # and an oral beta-blocker in NSTEMI
    for drug in ("nitroglycerin", "atorvastatin", "metoprolol"):
        rc = play(task(133), extra=[("give_medication", {"drug": drug, "route": "po"})])
        assert rc["accuracy"] == 1.0 and rc["safety"] == 1.0, (drug, rc)
    assert all(source for options in NEUTRAL.values() for source in options.values())


def test_stuffed_and_duplicated_orders():
    t = task(36)
    stuff = [
        ("give_medication", {"drug": d, "route": r})
        for d, r in (("naproxen", "po"), ("aspirin", "po"), ("ibuprofen", "po"), ("heparin", "iv"))
    ]
    rc = play(t, extra=stuff)
    assert rc["accuracy"] <= 1.0 - 0.3 or rc["safety"] < 1.0, rc
    assert rc["accuracy"] <= 0.5
    # two fluoroquinolones for a catheter-associated UTI
    fq = [
        (
            "give_medication",
            {"drug": "ciprofloxacin", "route": "iv", "dose_mg": 400.0, "interval_h": 12.0},
        ),
        (
            "give_medication",
            {"drug": "levofloxacin", "route": "iv", "dose_mg": 750.0, "interval_h": 24.0},
        ),
    ]
    assert "duplicate_therapy" in codes(play(task(347), extra=fq))
    # heparin and enoxaparin together
    rc = play(task(133), extra=[("give_medication", {"drug": "enoxaparin", "route": "sc"})])
    assert "duplicate_therapy" in codes(rc) and rc["accuracy"] < 1.0
    # sacubitril/valsartan on top of home lisinopril: contraindicated (angioedema)
    rc = play(
        task(19), extra=[("give_medication", {"drug": "sacubitril-valsartan", "route": "po"})]
    )
    assert "contraindicated_combination" in codes(rc) and rc["safety"] == 0.0


def test_out_of_tolerance_arguments_miss_the_step():
    t = task(36)  # 30 mL/kg = 2950 mL; 1500 mL is half
    rc = play(t, setting("give_fluids", "volume_ml", 1500.0))
    assert rc["process"] < 1.0 and rc["accuracy"] < 1.0
    rc = play(task(27), setting("start_insulin_infusion", "units_per_hour", 12.4))  # 0.2 U/kg/h
    assert rc["process"] < 1.0 and rc["accuracy"] < 1.0
    # enoxaparin where only heparin is allowed (no slot option): ticagrelor -> prasugrel
    # in NSTEMI (prasugrel only at primary PCI for STEMI)
    pras = {"drug": "prasugrel", "route": "po", "dose_mg": 60.0}
    rc = play(task(133), drug_swap("ticagrelor", pras))
    assert rc["process"] < 1.0 and rc["accuracy"] < 1.0


# ------------------------------------------------------------------ generated records
def test_home_drugs_never_hold_a_contraindicated_or_duplicate_pair():
    for index in range(DOMAIN.n_tasks):
        meds = [m["name"] for m in DOMAIN.task(index).hidden["patient"]["medications"]]
        for i, a in enumerate(meds):
            for b in meds[i + 1 :]:
                assert medication_conflict(a, b) is None, (index, a, b)


def test_reconciliation_keeps_the_more_specific_drug():
    """HFrEF takes sacubitril/valsartan in place of an ACE inhibitor (2022 AHA/ACC/HFSA
    7.3.1): adding hypertension after heart failure does not add lisinopril."""
    p = base_patient("urosepsis", 7, "P1")
    p = p.model_copy(update={"medications": [], "comorbidities": []})
    p = add_condition(add_condition(p, "heart_failure"), "hypertension")
    names = [m.name for m in p.medications]
    assert "sacubitril/valsartan" in names and "lisinopril" not in names
    p = base_patient("urosepsis", 7, "P1").model_copy(
        update={"medications": [], "comorbidities": []}
    )
    p = add_condition(add_condition(p, "hypertension"), "heart_failure")
    names = [m.name for m in p.medications]
    assert "sacubitril/valsartan" in names and "lisinopril" not in names


def test_an_alternative_offered_commits_to_no_diagnosis() -> None:
    from healthgym.domains.cross_domain.diagnoses import match

    assert match("urosepsis") == {"urosepsis"}
    for text in (
        "urosepsis or renal colic",
        "urosepsis versus biliary sepsis",
        "either urosepsis or a drug fever",
    ):
        assert match(text) == set(), text
