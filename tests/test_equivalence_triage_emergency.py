"""Issue 16: equivalent triage answers and work-ups score as the reference; near misses
do not.  Every case runs a real episode (``HealthGymEnv``) on a test-split task."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest

from healthgym.domains import get_domain
from healthgym.domains.triage_emergency.grading import queue_accuracy
from healthgym.domains.triage_emergency.reference import presentation_sources
from healthgym.env import HealthGymEnv
from healthgym.patients.encounter import TriagePatient
from healthgym.tasks import Task

DOMAIN = get_domain("triage_emergency")


def _patients(t: Task) -> list[TriagePatient]:
    return [TriagePatient.model_validate(p) for p in t.hidden.get("patients", [])]


@cache
def _tasks() -> tuple[Task, ...]:
    return tuple(DOMAIN.task(i) for i in DOMAIN.indices("test"))


def find(pred: Callable[[Task], bool]) -> Task:
    return next(t for t in _tasks() if pred(t))


def single(pred: Callable[[Task], bool] = lambda t: True) -> Task:
    return find(lambda t: t.grader["kind"] == "single" and pred(t))


def play(
    task: Task, swap: dict[str, str] | None = None, turns: list[dict] | None = None, **changes
) -> dict[str, Any]:
    """Reward components of the reference work-up (tools renamed by ``swap``) and the
    reference answer changed by ``changes`` (or the submissions ``turns``, one a turn)."""
    swap = swap or {}
    env = HealthGymEnv("triage_emergency", split=None, max_turns=40)
    env.reset(options={"task": task})
    calls: list[tuple[str, dict]] = []
    for c in task.reference.calls:
        call = (swap.get(c.name, c.name), c.arguments)
        if c.name != "submit_triage" and call not in calls:  # a renamed call may repeat one
            calls.append(call)
    for name, arguments in calls:
        env.step(
            "<tool_call>" + json.dumps({"name": name, "arguments": arguments}) + "</tool_call>"
        )
    answers = turns or [{**task.reference.answer, **changes}]
    info: dict[str, Any] = {}
    for answer in answers:
        answer = {k: v for k, v in answer.items() if v is not None}
        _, _, done, _, info = env.step(
            "<tool_call>"
            + json.dumps({"name": "submit_triage", "arguments": answer})
            + "</tool_call>"
        )
        if done:
            break
    return info["reward_components"]


def codes(rc: dict[str, Any]) -> set[str]:
    return {v["code"] for v in rc["violations"]}


def _heart(t: Task) -> bool:
    return t.reference.answer.get("score_name") == "heart_score"


def _no_injuries(t: Task) -> bool:
    return all(not p.injuries for p in _patients(t))


def _esi2_with_acceptable(t: Task) -> bool:
    return t.grader["esi"] == 2 and {"iv_access", "cardiac_monitor"} <= set(
        t.grader["acceptable_orders"]
    )


def _same(ref: dict, got: dict) -> None:
    for key in ("accuracy", "safety", "process", "coherence"):
        assert got[key] == pytest.approx(ref[key]), (key, got["details"], got["violations"])


# -- equivalent answers and work-ups ---------------------------------------------------
EQUIVALENT: list[tuple[str, Callable[[], Task], dict[str, Any]]] = [
    ("HEART upper case", lambda: single(_heart), {"score_name": "HEART"}),
    ("HEART score words", lambda: single(_heart), {"score_name": "HEART score"}),
    ("Heart Score title", lambda: single(_heart), {"score_name": "Heart Score"}),
    ("calculate_ prefix", lambda: single(_heart), {"score_name": "calculate_heart_score"}),
    ("orders permuted", lambda: single(lambda t: len(t.grader["required_orders"]) >= 2), {}),
    ("acceptable orders added", lambda: single(_esi2_with_acceptable), {"extra": True}),
    ("presentation from ESI review", lambda: single(_no_injuries), {"swap": True}),
    ("queue ids lower case", lambda: find(lambda t: t.grader["kind"] == "queue"), {"lower": 1}),
    (
        "queue: presentation from ESI review",
        lambda: find(lambda t: t.grader["kind"] == "queue" and _no_injuries(t)),
        {"swap": True},
    ),
    ("mci tag colours", lambda: find(lambda t: t.grader["kind"] == "mci"), {"colours": True}),
    ("mci '=' and capitals", lambda: find(lambda t: t.grader["kind"] == "mci"), {"eq": True}),
]
_COLOUR = {"immediate": "red", "delayed": "yellow", "minor": "green", "expectant": "black"}


@pytest.mark.parametrize(("label", "get", "how"), EQUIVALENT, ids=[e[0] for e in EQUIVALENT])
def test_equivalent_answers_score_as_the_reference(label: str, get, how: dict) -> None:
    task = get()
    ref = play(task)
    assert ref["accuracy"] == 1.0 and ref["safety"] == 1.0
    answer = dict(task.reference.answer)
    swap = None
    if "score_name" in how:
        answer["score_name"] = how["score_name"]
    if label == "orders permuted":
        answer["immediate_orders"] = list(reversed(answer["immediate_orders"]))
    if how.get("extra"):
        answer["immediate_orders"] = [*answer["immediate_orders"], "iv_access", "cardiac_monitor"]
    if how.get("swap"):
        swap = {"get_presentation": "esi_high_risk_review"}
    if how.get("lower"):
        answer["patient_order"] = [p.lower() for p in answer["patient_order"]]
    if how.get("colours") or how.get("eq"):
        cats = dict(e.split(": ") for e in answer["mci_categories"])
        if how.get("colours"):
            answer["mci_categories"] = [f"{c}: {_COLOUR[v]}" for c, v in cats.items()]
        else:
            answer["mci_categories"] = [f"{c.lower()}={v.upper()}" for c, v in cats.items()]
    got = play(task, swap=swap, **answer)
    _same(ref, got)


def test_presentation_alternatives_follow_the_evidence() -> None:
    """The ESI high-risk review is an equivalent source of the history except when the
    patient has visible injuries (only get_presentation shows them); vital signs have no
    other source."""
    for t in _tasks():
        for p in _patients(t):
            pres = [
                c
                for c in t.reference.calls
                if c.arguments.get("patient_id") == p.id and c.name == "get_presentation"
            ]
            vitals = [
                c
                for c in t.reference.calls
                if c.arguments.get("patient_id") == p.id and c.name == "get_vitals"
            ]
            assert pres and vitals
            assert pres[0].alternatives == list(presentation_sources(p)[1:])
            assert ("esi_high_risk_review" in pres[0].alternatives) == (not p.injuries)
            assert vitals[0].alternatives == []


# -- near misses -----------------------------------------------------------------------
def test_near_misses_do_not_score_as_the_reference() -> None:
    # 1. one ESI level less urgent: accuracy drops, under-triage flagged
    t = single(lambda t: t.grader["esi"] == 2)
    got = play(t, esi_level=3, disposition="acute_bed")
    assert got["accuracy"] <= 0.3 and "under_triage" in codes(got)
    # 2. one level more urgent: accuracy drops, over-triage flagged
    t = single(lambda t: t.grader["esi"] == 4)
    got = play(t, esi_level=3, disposition="acute_bed")
    assert got["accuracy"] < 1.0 and "over_triage" in codes(got)
    # 3. a required activation left out
    t = single(lambda t: "stroke_alert" in t.grader["required_orders"])
    orders = [o for o in t.reference.answer["immediate_orders"] if o != "stroke_alert"]
    got = play(t, immediate_orders=orders)
    assert got["accuracy"] < 1.0 and "missed_activation" in codes(got)
    # 4. CPR for a patient with a pulse: critical
    t = single(lambda t: "cpr_defibrillation" not in t.grader["required_orders"])
    got = play(t, immediate_orders=[*t.reference.answer["immediate_orders"], "cpr_defibrillation"])
    assert got["accuracy"] < 1.0 and got["safety"] == 0.0 and got["capped"]
    # 5. epinephrine without anaphylaxis: major
    t = single(lambda t: "im_epinephrine" not in t.grader["required_orders"])
    got = play(t, immediate_orders=[*t.reference.answer["immediate_orders"], "im_epinephrine"])
    assert "unindicated_intervention" in codes(got) and got["safety"] <= 0.5
    # 6. stuffing activations
    t = single(lambda t: not t.grader["activations"])
    got = play(
        t,
        immediate_orders=[
            *t.reference.answer["immediate_orders"],
            "stemi_alert",
            "trauma_activation",
            "stroke_alert",
        ],
    )
    assert got["accuracy"] < 1.0 and "unwarranted_activation" in codes(got)
    # 7. a wrong score name: incoherent
    t = single(_heart)
    got = play(t, score_name="qSOFA")
    assert got["coherence"] < 1.0
    # 8. presentation from the review for an injured patient: the injuries were not seen
    t = single(lambda t: not _no_injuries(t))
    ref, got = play(t), play(t, swap={"get_presentation": "esi_high_risk_review"})
    assert got["process"] < ref["process"]
    # 9. the queue reversed, and first come first served
    q = find(
        lambda t: t.grader["kind"] == "queue" and t.reference.answer["patient_order"][0] != "P1"
    )
    order = q.reference.answer["patient_order"]
    assert play(q, patient_order=list(reversed(order)))["accuracy"] == 0.0
    fifo = sorted(order, key=lambda x: int(x[1:]))
    assert play(q, patient_order=fifo)["accuracy"] < 1.0
    # 10. an immediate casualty tagged minor: critical
    m = find(lambda t: t.grader["kind"] == "mci" and "immediate" in t.grader["categories"].values())
    cats = dict(t.split(": ") for t in m.reference.answer["mci_categories"])
    cid = next(c for c, v in cats.items() if v == "immediate")
    cats[cid] = "minor"
    got = play(m, mci_categories=[f"{c}: {v}" for c, v in cats.items()])
    assert got["accuracy"] < 1.0 and "mci_under_triage" in codes(got) and got["capped"]


def test_a_wrong_submission_is_final() -> None:
    """A submission that does not fit the task kind is graded, not refused: it cannot be
    replaced by the right answer afterwards (``submit_twice``)."""
    q = find(lambda t: t.grader["kind"] == "queue")
    wrong = {"esi_level": 3, "disposition": "acute_bed", "immediate_orders": []}
    got = play(q, turns=[wrong, q.reference.answer])
    assert got["accuracy"] == 0.0


def test_queue_accuracy_credits_triage_pairs_not_arrival() -> None:
    keys = {"P1": (3, 0, 1), "P2": (3, 0, 2), "P3": (1, -1, 3)}
    truth = ["P3", "P1", "P2"]
    assert queue_accuracy(truth, truth, keys) == 1.0
    assert queue_accuracy(["P1", "P2", "P3"], truth, keys) == 0.0  # FIFO: triage pairs wrong
    assert queue_accuracy(["P3", "P2", "P1"], truth, keys) == pytest.approx(0.9)
    assert queue_accuracy(["P3", "P1"], truth, keys) == 0.0
