"""Grader of obstetrics: finding, score/EDD/medications, actions, safety, consistency.

**Accuracy.** 0 when the submitted ``finding`` is wrong - read by meaning
(:func:`.answers.match_finding`: the label or clinical wording, "Cat II" = category II,
"severe preeclampsia" = preeclampsia with severe features; negated, hedged or
two-finding answers are wrong).  Otherwise the mean of the graded parts of the task
type: the finding; the score (Bishop, BPP, Apgar: exact); the EDD (dating: the exact
date); the actions, by recall and precision (:func:`action_score`: required groups met
at an in-band dose, guideline-endorsed neutral actions free, every other item lowers
precision, a forbidden action scores 0); the medications (medication review: every
condition that needs treatment in pregnancy has a drug ``compatible`` at this
gestational age, and no listed drug is ``contraindicated`` or ``avoid``).

**Safety.** Each rule of the task fires on the submission: ``missing:a|b`` when none
of the actions is chosen (e.g. no magnesium sulfate with severe features - critical;
no RhIG when indicated - major), ``given:a`` when the action is chosen (misoprostol
after a cesarean - major), ``drug:key`` when a listed medication is that drug (a
teratogen - critical; a drug to avoid at this age - major); a stated dose outside the
guideline band (magnesium sulfate, RhIG, steroids, antihypertensives, misoprostol) is
a major violation.

**Coherence checks.** ``evidence_seen``: the agent saw one item of each evidence
group of the task (the tracing, the cervix, the blood pressures and the labs ...);
``score_consistent`` (when a score is submitted for a scored type): it equals the
score the agent's own calculator call returned; ``finding_consistent`` (when the
agent ran the matching interpretation tool): the finding agrees with that tool's
last result; ``edd_consistent`` (dating, when computed): the EDD equals the one the
agent computed for the submitted basis; ``medications_checked`` (when medications
are submitted): each named drug was looked up with check_medication_in_pregnancy.

**Leak rule.** Record tools return raw findings only - timed blood pressures,
laboratory values with reference intervals, each deceleration's depth, timing and
shape, the crown-rump length, the newborn's signs in words - and never a category,
score, diagnosis or due date.  Compute tools (calculators, criteria checkers) and
reference tools (the medication table, protocols) never read the record: their output
is a function of the agent's arguments.  The compute tools print the arithmetic (a
score and its components, each criterion met or not) and never the graded label - no
cervix, tracing, BPP or Apgar band, no hypertensive-disorder or GDM diagnosis, no RhIG
verdict: the agent applies the protocol's thresholds (tests check all three properties
over every task; tests/test_obstetrics_validity.py runs a string-matching reader).
"""

from __future__ import annotations

from typing import Any

from ...clinical.calculators.obstetric_dates import parse_date
from ...clinical.errors import CalculatorInputError
from ...episode import EpisodeLog
from ...rewards import Grade, Violation
from ...tasks import Task
from .answers import NEUTRAL_ACTIONS, dose_problems, match_actions, match_finding
from .medications import match_drugs, safe_options, unsafe_at
from .records import ObstetricsState

SCORE_KEYS = {"labour": "bishop", "bpp": "bpp", "apgar": "apgar"}


def submitted_drugs(answer: dict[str, Any]) -> set[str]:
    keys: set[str] = set()
    for item in answer.get("medications") or []:
        keys |= set(match_drugs(str(item)))
    return keys


def regimen_ok(drugs: set[str], spec: dict[str, Any]) -> bool:
    ga = int(spec["ga_weeks"])
    covered = all(drugs & set(safe_options(c, ga)) for c in spec["needs"])
    return covered and not any(unsafe_at(k, ga) for k in drugs)


def _same_date(text: Any, iso: str) -> bool:
    try:
        return parse_date("edd", str(text)).isoformat() == iso
    except CalculatorInputError:
        return False


def triggered(target: str, actions: set[str], drugs: set[str]) -> bool:
    kind, _, what = target.partition(":")
    if kind == "missing":
        return not actions & set(what.split("|"))
    if kind == "given":
        return what in actions
    if kind == "drug":
        return what in drugs
    raise ValueError(f"unknown safety target {target!r}")


def action_score(spec: dict[str, Any], answer: dict[str, Any]) -> tuple[float, dict[str, Any]]:
    """Recall of the required action groups times the precision of the plan.

    A group is met when the plan asserts one of its actions (negated items choose
    nothing) at a dose inside the guideline band where a dose is stated
    (:func:`.answers.dose_problems`).  Extras - actions neither required nor neutral for
    the finding (:data:`.answers.NEUTRAL_ACTIONS`, with sources), and items that name no
    action - lower precision; a forbidden action scores the part 0.
    """
    items = answer.get("actions") or []
    chosen, unmatched = match_actions(items)
    misdosed = {p.split(":")[0] for p in dose_problems(items)}
    given = chosen - misdosed
    groups = [set(g) for g in spec["required"]]
    met = [bool(given & g) for g in groups]
    neutral = set(NEUTRAL_ACTIONS.get(spec["finding"], ((), ""))[0])
    wanted = set().union(*groups) if groups else set()
    extras = sorted(chosen - wanted - neutral) + list(unmatched)
    forbidden = sorted(chosen & set(spec["forbidden"]))
    recall = sum(met) / len(met) if met else 1.0
    done = sum(met)
    precision = done / (done + len(extras)) if done + len(extras) else (0.0 if extras else 1.0)
    score = 0.0 if forbidden else recall * precision
    return score, {
        "chosen": sorted(chosen),
        "extras": extras,
        "forbidden": forbidden,
        "misdosed": sorted(misdosed),
    }


def grade(task: Task, state: ObstetricsState, log: EpisodeLog) -> Grade:
    answer = log.answer
    spec = task.grader
    if answer is None:
        return Grade(accuracy=0.0, details={"type": spec["type"], "finding_correct": False})
    actions, _ = match_actions(answer.get("actions") or [])
    drugs = submitted_drugs(answer)
    finding = match_finding(answer.get("finding"), spec["type"])
    parts: dict[str, float] = {"finding": float(finding == spec["finding"])}
    details: dict[str, Any] = {}
    if spec["score"] is not None:
        score = answer.get("score")
        parts["score"] = float(score is not None and abs(float(score) - spec["score"]) < 1e-6)
    if spec["edd"]:
        edd = answer.get("edd")
        parts["edd"] = float(edd is not None and _same_date(edd, spec["edd"]))
    if spec["required"] or spec["forbidden"]:
        parts["actions"], details = action_score(spec, answer)
    if spec["medications"]:
        parts["medications"] = float(regimen_ok(drugs, spec["medications"]))
    accuracy = sum(parts.values()) / len(parts) if parts["finding"] else 0.0

    violations = [
        Violation(r.code, r.severity, f"{r.target}: {r.reason}")
        for r in task.safety
        if triggered(r.target, actions, drugs)
    ]
    violations += [
        Violation("dose_out_of_band", "major", problem)
        for problem in dose_problems(answer.get("actions") or [])
    ]
    return Grade(
        accuracy=accuracy,
        violations=violations,
        coherence_checks=coherence(spec, state, {**answer, "finding": finding}, drugs),
        details={
            "type": spec["type"],
            "finding_correct": bool(parts["finding"]),
            "parts": parts,
            "actions": details,
        },
    )


def coherence(
    spec: dict[str, Any], state: ObstetricsState, answer: dict[str, Any], drugs: set[str]
) -> dict[str, bool]:
    kind = spec["type"]
    checks = {"evidence_seen": all(set(g) & state.seen for g in spec["evidence"])}
    if answer.get("score") is not None and kind in SCORE_KEYS:
        computed = state.results.get(SCORE_KEYS[kind])
        checks["score_consistent"] = (
            computed is not None and abs(float(answer["score"]) - computed) < 1e-6
        )
    if f"finding:{kind}" in state.results:
        checks["finding_consistent"] = answer.get("finding") == state.results[f"finding:{kind}"]
    if kind == "dating" and answer.get("edd"):
        basis = "lmp" if answer.get("finding") == "dated_by_lmp" else "ultrasound"
        computed_edd = state.results.get(f"edd:{basis}")
        if computed_edd is not None:
            checks["edd_consistent"] = _same_date(answer["edd"], computed_edd)
    if drugs:
        checks["medications_checked"] = drugs <= state.results.get("checked_drugs", set())
    return checks
