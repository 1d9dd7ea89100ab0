"""Issue 16: clinically equivalent drug_interaction answers and work-ups score as the
reference; near misses (out-of-band doses, negations, unsafe or stuffed alternatives,
wrong pairs) do not.  Every case runs a real episode (``HealthGymEnv``) on a test-split
task, through the domain's grader."""

from __future__ import annotations

import json
from typing import Any

import pytest

from healthgym.domains import get_domain
from healthgym.domains.drug_interaction.hazards import hazards
from healthgym.domains.drug_interaction.records import DrugPatient
from healthgym.env import HealthGymEnv
from healthgym.patients.model import Allergy
from healthgym.tasks import Task

DOMAIN = get_domain("drug_interaction")
TEST = set(DOMAIN.indices("test"))


def task(index: int) -> Task:
    assert index in TEST
    return DOMAIN.task(index)


def play(
    t: Task, answer: dict[str, Any] | None = None, calls: list | None = None, **changes: Any
) -> dict[str, Any]:
    """Reward components of the reference work-up (or ``calls``) and the reference answer
    changed by ``changes`` (or ``answer``)."""
    env = HealthGymEnv("drug_interaction", split=None, max_turns=40)
    env.reset(options={"task": t})
    if calls is None:
        calls = [(c.name, c.arguments) for c in t.reference.calls if c.name != "submit_answer"]
    for name, arguments in calls:
        env.step(
            "<tool_call>" + json.dumps({"name": name, "arguments": arguments}) + "</tool_call>"
        )
    final = answer if answer is not None else {**t.reference.answer, **changes}
    _, _, done, _, info = env.step(
        "<tool_call>" + json.dumps({"name": "submit_answer", "arguments": final}) + "</tool_call>"
    )
    assert done
    return info["reward_components"]


def codes(rc: dict[str, Any]) -> set[str]:
    return {v["code"] for v in rc["violations"]}


def same_as_reference(rc: dict[str, Any]) -> bool:
    return rc["accuracy"] == 1.0 and rc["safety"] == 1.0


# ----------------------------------------------------------------- equivalent answers
# (task index, answer changes): each must score as the reference answer
EQUIVALENT = [
    # renal dose as a quantity inside the band (amoxicillin, CrCl >= 30: "500 mg every 8
    # hours or 875 mg every 12 hours")
    (373, {"dose": "875 mg every 12 hours"}),
    (373, {"dose": "500 mg PO q8h"}),
    (373, {"dose": "No renal adjustment needed"}),
    (373, {"dose": "amoxicillin 500 mg three times daily"}),
    (68, {"dose": "3.375 g IV q6h"}),  # piperacillin-tazobactam, usual band
    (68, {"dose": "3375 mg IV every 6 hours"}),
    (78, {"dose": "50 mg every 12 hours"}),  # tramadol, CrCl < 30: 50-100 mg q12h
    (88, {"dose": "sitagliptin 100mg OD"}),
    (358, {"dose": "300 mg twice daily"}),  # cefdinir every 12 hours
    (343, {"dose": "10 mg BID"}),  # enalapril 5-20 mg twice daily
    # alternatives: brand name, a prescribing sentence, the original named to be replaced
    (32, {"drugs": ["Eliquis"]}),
    (32, {"drugs": ["switch to apixaban 5 mg twice daily instead of edoxaban"]}),
    (102, {"drugs": ["avoid methadone", "morphine"]}),
    # most severe pair: brand name, reversed order, one item
    (0, {"drugs": ["Parnate", "Wellbutrin"]}),
    (0, {"drugs": ["tranylcypromine + bupropion"]}),
    # deprescribing: the drug named to stop
    (44, {"drugs": ["stop clonazepam"]}),
    (44, {"drugs": ["continue apixaban; discontinue Klonopin"]}),
    # order review: the culprit by brand name
    (11, {"drugs": ["Imdur"]}),
]


@pytest.mark.parametrize(("index", "changes"), EQUIVALENT)
def test_equivalent_answers_score_as_the_reference(index: int, changes: dict[str, Any]):
    rc = play(task(index), **changes)
    assert same_as_reference(rc), (index, changes, rc)


def test_equivalent_work_ups_meet_the_evidence():
    # most severe: the pair's severity from check_interactions, the screen in any order
    t = task(0)
    meds = [m["drug"] for m in t.hidden["patient"]["medications"]]
    calls = [
        ("get_medication_list", {}),
        ("screen_interactions", {"drugs": list(reversed(meds))}),
        (
            "check_interactions",
            {"drug": "bupropion", "others": [m for m in meds if m != "bupropion"]},
        ),
    ]
    rc = play(t, calls=calls)
    assert rc["process"] == 1.0 and rc["accuracy"] == 1.0, rc
    # alternative: another accepted drug, checked against the regimen
    t = task(62)
    assert t.reference.answer == {"drugs": ["paroxetine"]} and "sertraline" in t.grader["accepted"]
    calls = [
        (
            c.name,
            {**c.arguments, "drug": "sertraline"}
            if c.arguments.get("drug") == "paroxetine"
            else c.arguments,
        )
        for c in t.reference.calls
        if c.name != "submit_answer"
    ]
    rc = play(t, calls=calls, drugs=["sertraline"])
    assert rc["process"] == 1.0 and same_as_reference(rc), rc
    # deprescribing for pregnancy/renal reasons: the monograph shows the same facts
    t = task(49)
    calls = [
        ("drug_monograph", {"drug": c.arguments["drug"]})
        if c.name == "renal_dose_adjustment"
        else (c.name, c.arguments)
        for c in t.reference.calls
        if c.name != "submit_answer"
    ]
    assert play(t, calls=calls)["process"] == 1.0


# ----------------------------------------------------------------------- near misses
def test_out_of_band_doses_are_wrong():
    assert play(task(373), dose="250 mg every 24 hours")["accuracy"] == 0.0  # CrCl < 10 band
    rc = play(task(373), dose="1 g every 8 hours")  # above any amoxicillin band
    assert rc["accuracy"] == 0.0 and "renal_overdose" in codes(rc)
    rc = play(task(78), dose="100 mg every 6 hours")  # tramadol's normal-kidney band
    assert rc["accuracy"] == 0.0 and "renal_overdose" in codes(rc)
    assert play(task(88), dose="50 mg once daily")["accuracy"] == 0.0
    assert play(task(78), dose="No renal adjustment needed")["accuracy"] == 0.0
    assert play(task(158), dose="avoid")["accuracy"] == 0.0  # meloxicam usual band
    # a hedge between two bands commits to the last
    assert play(task(373), dose="875 mg every 12 hours or 250 mg every 24 hours")["accuracy"] == 0


def test_wrong_or_stuffed_alternatives_are_wrong():
    t = task(32)  # edoxaban -> apixaban; rivaroxaban is the trap
    assert play(t, drugs=["avoid apixaban"])["accuracy"] == 0.0
    rc = play(t, drugs=["rivaroxaban"])
    assert rc["accuracy"] == 0.0 and rc["safety"] < 1.0
    rc = play(t, drugs=["edoxaban"])  # the original order
    assert rc["accuracy"] == 0.0 and rc["safety"] < 1.0
    rc = play(t, drugs=["apixaban", "warfarin", "aspirin", "ibuprofen"])  # stuffing
    assert rc["accuracy"] <= 0.2 and rc["safety"] < 1.0
    rc = play(task(62), drugs=["paroxetine", "sertraline"])  # two SSRIs at once
    assert rc["accuracy"] <= 0.5 and "duplicate_class" in codes(rc)


def test_negated_or_wrong_pairs_and_stops_are_wrong():
    assert play(task(0), drugs=["not bupropion", "tranylcypromine"])["accuracy"] == 0.0
    assert play(task(0), severity="major")["accuracy"] == pytest.approx(0.7)
    assert play(task(44), drugs=["apixaban"])["accuracy"] == 0.0
    assert play(task(11), drugs=["avoid Imdur"])["accuracy"] == 0.5  # reason right, no culprit


def test_penicillin_allergy_by_severity_and_side_chain():
    """AAAAI/ACAAI 2022: after hives, ceftriaxone may be given; after anaphylaxis it may
    not; cephalexin shares amoxicillin's R1 side chain either way."""
    p = DrugPatient.model_validate(task(0).hidden["patient"])

    def allergic(drug: str, reaction: str) -> bool:
        q = p.model_copy(update={"allergies": [Allergy(allergen="Penicillin", reaction=reaction)]})
        return any(h.reason == "allergy" for h in hazards(drug, q, regimen=[]))

    assert not allergic("ceftriaxone", "hives")
    assert allergic("ceftriaxone", "anaphylaxis")
    assert allergic("cephalexin", "hives")
    assert allergic("amoxicillin", "rash")
    assert not allergic("aztreonam", "anaphylaxis")
