"""Grader of triage_emergency: accuracy, safety and consistency for the three task kinds.

Accuracy (deterministic):

* single patient: ``0.5 * [ESI level exact] + 0.2 * [care area exact] + 0.3 * orders``
  where ``orders = recall * precision``: recall is the fraction of the required
  orders (life-saving interventions, indicated activations, ECG for chest pain,
  glucose for altered mental status or a focal deficit, oxygen below SpO2 94%,
  one-to-one observation for a high suicide risk; :func:`.truth.required_orders`)
  that were submitted (1 when none are required); precision is the fraction of
  submitted orders that are required or acceptable (:func:`.truth.acceptable_orders`;
  1 when none are submitted).
* queue: ``max(0, tau_triage) * (0.9 + 0.1 * arrival)``: ``tau_triage`` is Kendall's
  tau over the pairs of patients whose true order is a triage judgement (different ESI
  level or danger-zone count: :func:`.truth.queue_key`), ``arrival`` the fraction of the
  remaining pairs (same level and count, ordered by arrival) in arrival order.  First
  come, first served - the order with no triage at all, which the patient ids follow -
  earns nothing for the pairs that triage decides (1 for the exact order, 0 for a random
  or reversed one).
* mass casualty: the fraction of casualties given their START / JumpSTART category.

Safety: the task's rules (:mod:`.safety`): under-triage of an ESI 1-2 patient is
critical, over-triage minor, a missed stroke / STEMI / sepsis / trauma activation
major.

Coherence checks (the answer is consistent with evidence the agent saw):
``assessed`` - presentation and vitals of every patient (or the rapid assessment of
every casualty) were obtained, the presentation from any tool that shows it
(:func:`.reference.presentation_sources`); ``level_supported`` - the agent saw the evidence of
the decision point its submitted ESI level rests on (level 1: A, the ABC or mental
status; level 2: B, D or mental status; levels 3-5: the resources, C);
``activations_supported`` - each activation submitted rests on its evidence (STEMI:
the ECG; sepsis: the sepsis screen, SIRS or qSOFA; stroke and trauma: the
presentation, from any tool that shows it); ``score_consistent`` - a reported score
equals the value the tool returned in this episode (the score named case-insensitively
or by a synonym: :func:`healthgym.clinical.matching.match_score_name`).

No-leak rule (issue 15: tools observe and compute, the agent judges): no observation
before the submission states the answer.  No tool names an ESI level, a decision-point
verdict, a care area, an order to give, a risk level or a mass-casualty category (or
tag colour).  The ESI decision-point tools report findings - airway, breathing,
perfusion and responsiveness (A); history, examination, mental state against the
usual one, pain and distress (B); the anticipated care item by item, unclassified,
uncounted and padded to a length that says nothing (C) - and the danger-zone tool (D)
only compares measured values with the published limits.  Score tools report values
and components without their risk bands; the C-SSRS tool reports the answers, not the
risk level; the protocol texts and the prompt's instructions are the same for every
task.
``tests/test_triage_emergency.py`` checks all of this on every task and every
oracle trajectory.
"""

from __future__ import annotations

from typing import Any

from ...clinical.matching import match_score_name
from ...episode import EpisodeLog
from ...patients.encounter import TriagePatient
from ...rewards import Grade
from ...tasks import Task
from . import truth as T
from .records import TriageState
from .reference import presentation_sources
from .safety import violations
from .submit import parse_categories

SCORE_TOLERANCE = 0.011
_LEVEL_EVIDENCE = {
    1: ("esi_lifesaving_needs", "assess_abc", "assess_mental_status"),
    2: ("esi_high_risk_review", "check_danger_zone_vitals", "assess_mental_status"),
}
_ACTIVATION_EVIDENCE = {
    "stemi_alert": ("obtain_triage_ecg",),
    "sepsis_alert": ("sepsis_screen", "calculate_sirs", "calculate_qsofa"),
    "stroke_alert": ("presentation",),
    "trauma_activation": ("presentation",),
}


def orders_score(submitted: list[str], required: list[str], acceptable: list[str]) -> float:
    s, r = set(submitted), set(required)
    recall = len(s & r) / len(r) if r else 1.0
    extraneous = s - r - set(acceptable)
    precision = 1.0 - len(extraneous) / len(s) if s else 1.0
    return recall * precision


def kendall_tau(submitted: list[str], truth: list[str]) -> float:
    """Kendall tau-a between two orderings of the same items (1 identical, -1 reversed)."""
    pos = {x: i for i, x in enumerate(submitted)}
    n = len(truth)
    if n < 2:
        return 1.0
    score = 0
    for i in range(n):
        for j in range(i + 1, n):
            score += 1 if pos[truth[i]] < pos[truth[j]] else -1
    return score / (n * (n - 1) / 2)


def _saw_any(state: TriageState, tools: tuple[str, ...], pid: str) -> bool:
    p = state.patients[pid]
    expanded = [
        s for t in tools for s in (presentation_sources(p) if t == "presentation" else (t,))
    ]
    return any(state.saw(t, pid) for t in expanded)


def _assessed(state: TriageState, p: TriagePatient) -> bool:
    return _saw_any(state, ("presentation",), p.id) and state.saw("get_vitals", p.id)


def _grade_single(task: Task, state: TriageState, answer: dict[str, Any]) -> Grade:
    g = task.grader
    pid = next(iter(state.patients))
    esi = answer.get("esi_level")
    orders = list(answer.get("immediate_orders") or [])
    esi_ok = esi == g["esi"]
    disp_ok = answer.get("disposition") == g["disposition"]
    o_score = orders_score(orders, g["required_orders"], g["acceptable_orders"])
    accuracy = 0.5 * esi_ok + 0.2 * disp_ok + 0.3 * o_score
    checks = {
        "assessed": _assessed(state, state.patients[pid]),
        "level_supported": isinstance(esi, int)
        and _saw_any(state, _LEVEL_EVIDENCE.get(esi, ("esi_expected_resources",)), pid),
    }
    acts = [o for o in orders if o in _ACTIVATION_EVIDENCE]
    if acts:
        checks["activations_supported"] = all(
            _saw_any(state, _ACTIVATION_EVIDENCE[a], pid) for a in acts
        )
    if answer.get("score_name"):
        name = match_score_name(str(answer["score_name"]), allowed=tuple(state.score_values))
        computed = state.score_values.get(name) if name else None
        value = answer.get("score_value")
        checks["score_consistent"] = (
            computed is not None
            and isinstance(value, (int, float))
            and abs(float(value) - computed) <= SCORE_TOLERANCE
        )
    details = {
        "kind": "single",
        "esi_correct": esi_ok,
        "disposition_correct": disp_ok,
        "orders_score": o_score,
        "submitted_esi": esi,
    }
    return Grade(accuracy=accuracy, coherence_checks=checks, details=details)


def queue_accuracy(order: list[str], truth: list[str], keys: dict[str, tuple]) -> float:
    """Accuracy of a submitted queue order (see the module doc); 0 unless ``order`` lists
    every patient once.  ``keys``: each patient's :func:`.truth.queue_key`."""
    if sorted(order) != sorted(truth) or len(set(order)) != len(order):
        return 0.0
    pos = {x: i for i, x in enumerate(order)}
    triage = arrival = triage_ok = arrival_ok = 0
    for i, a in enumerate(truth):
        for b in truth[i + 1 :]:
            right = pos[a] < pos[b]
            if keys[a][:-1] != keys[b][:-1]:
                triage += 1
                triage_ok += right
            else:
                arrival += 1
                arrival_ok += right
    tau = (2 * triage_ok - triage) / triage if triage else 1.0
    return max(0.0, tau) * (0.9 + 0.1 * (arrival_ok / arrival if arrival else 1.0))


def _grade_queue(task: Task, state: TriageState, answer: dict[str, Any]) -> Grade:
    truth = task.grader["order"]
    order = [str(x).strip().upper() for x in answer.get("patient_order") or []]
    tau = kendall_tau(order, truth) if sorted(order) == sorted(truth) else -1.0
    keys = {pid: T.queue_key(state.patients[pid]) for pid in truth}
    accuracy = queue_accuracy(order, truth, keys)
    checks = {"assessed": all(_assessed(state, state.patients[p]) for p in truth)}
    details = {"kind": "queue", "order_exact": order == truth, "kendall_tau": tau}
    return Grade(accuracy=accuracy, coherence_checks=checks, details=details)


def _grade_mci(task: Task, state: TriageState, answer: dict[str, Any]) -> Grade:
    truth: dict[str, str] = task.grader["categories"]
    try:
        cats = parse_categories(answer.get("mci_categories") or [])
    except ValueError:
        cats = {}
    correct = sum(cats.get(cid) == cat for cid, cat in truth.items())
    checks = {"assessed": all(state.saw("mci_assess_casualty", cid) for cid in truth)}
    details = {"kind": "mci", "correct": correct, "casualties": len(truth)}
    return Grade(accuracy=correct / len(truth), coherence_checks=checks, details=details)


def grade(task: Task, state: TriageState, log: EpisodeLog) -> Grade:
    answer = log.answer
    kind = task.grader["kind"]
    if answer is None:
        return Grade(accuracy=0.0, details={"kind": kind, "submitted": False})
    if kind == "single":
        result = _grade_single(task, state, answer)
    elif kind == "queue":
        result = _grade_queue(task, state, answer)
    else:
        result = _grade_mci(task, state, answer)
    result.violations = violations(task.safety, answer)
    return result
