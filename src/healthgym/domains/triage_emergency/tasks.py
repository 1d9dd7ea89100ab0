"""Seeded task generator of triage_emergency.

Task ``i`` is of kind ``single`` when ``i mod 5`` is 0, 1 or 2 (a single ED arrival;
the k-th single task takes its presentation from pool ``k mod 5`` of
:data:`LEVEL_POOLS`, so the five ESI levels are about equally common), ``queue``
when it is 3 (3-6 arrivals to put in order; at most one needs a life-saving
intervention), and ``mci`` when it is 4 (4-7 casualties of a
mass-casualty scene).  Every patient is generated from the task's seed; the ground
truth comes from :mod:`.truth` (ESI v4 via :mod:`healthgym.patients.esi`),
:mod:`healthgym.clinical.triage` and :mod:`.mci`.
"""

from __future__ import annotations

import random
from typing import Any

from ...patients.encounter import TriagePatient
from ...patients.esi import danger_count, true_esi
from ...tasks import RefCall, ReferenceSolution, Task, task_id, task_seed, task_split
from ...tools.elicit import elicited
from . import truth as T
from .generator import age_text, article, clock, person_word
from .mci import SCENES, category, generate_casualties
from .records import TaskKind, TriageState
from .reference import decided_at, mci_reference, queue_reference, single_reference
from .safety import mci_rules, queue_rules, single_rules
from .scenarios_emergent import EMERGENT_SCENARIOS
from .scenarios_resus import RESUS_SCENARIOS
from .scenarios_urgent import (
    NO_RESOURCE_SCENARIOS,
    ONE_RESOURCE_SCENARIOS,
    STABLE_SCENARIOS,
    URGENT_SCENARIOS,
)
from .score_tools import calculate_heart_score
from .tools import TOOL_NAMES

DOMAIN = "triage_emergency"
N_TASKS = 750
SCENARIOS = {**RESUS_SCENARIOS, **EMERGENT_SCENARIOS, **URGENT_SCENARIOS}
SCENARIO_KEYS: tuple[str, ...] = tuple(SCENARIOS)
# presentations grouped by the ESI decision point that usually decides them (A, B,
# C with two or more resources, one resource, none), so single tasks cover the five
# levels evenly; the level itself is always computed from the generated patient
LEVEL_POOLS: tuple[tuple[str, ...], ...] = tuple(
    tuple(pool)
    for pool in (
        RESUS_SCENARIOS,
        EMERGENT_SCENARIOS,
        STABLE_SCENARIOS,
        ONE_RESOURCE_SCENARIOS,
        NO_RESOURCE_SCENARIOS,
    )
)

SINGLE_PROMPT = (
    "Emergency department triage. {article} {age} {person} arrives ({mode}) at {time}. Chief "
    'complaint: "{complaint}". Patient id: {pid}. Assess the patient with the tools, then '
    "call submit_triage with esi_level (1-5), disposition (the care area now) and "
    "immediate_orders (orders and activations to start from triage; may be empty)."
)
QUEUE_PROMPT = (
    "Triage queue: {n} patients are waiting to be triaged.\n{listing}\nAssess them with the "
    "tools, then call submit_triage with patient_order: every patient id, the one to be seen "
    "first first. Order by ESI level (1 first); within the same level, the patient with more "
    "ESI danger-zone vital signs first; if still tied, earlier arrival first."
)
MCI_PROMPT = (
    "Mass-casualty incident. {scene} You are the triage officer at the casualty collection "
    "point; casualties: {listing}. Triage each one with START (adults and children aged 9 "
    "and over) or JumpSTART (children aged 1-8), then call submit_triage with mci_categories, "
    "one 'ID: category' entry per casualty (immediate, delayed, minor or expectant)."
)


def task_kind(index: int) -> TaskKind:
    r = index % 5
    return "single" if r < 3 else ("queue" if r == 3 else "mci")


def build_patient(key: str, rng: random.Random, pid: str, arrival: int) -> TriagePatient:
    p = SCENARIOS[key](rng)
    return p.model_copy(update={"id": pid, "arrival_minute": arrival})


def _heart_value(p: TriagePatient, arguments: dict[str, Any]) -> float:
    state = TriageState(kind="single", patients={p.id: p})
    shown = ("get_presentation", "obtain_triage_ecg", "poc_troponin")
    elicited(state).show(*(f"{key}:{p.id}" for key in shown))
    calculate_heart_score(state, **arguments)
    return state.score_values["heart_score"]


def _single(index: int, rng: random.Random) -> dict[str, Any]:
    k = (index // 5) * 3 + index % 5
    pool = LEVEL_POOLS[k % len(LEVEL_POOLS)]
    key = pool[(k // len(LEVEL_POOLS)) % len(pool)]
    p = build_patient(key, rng, "P1", rng.randint(0, 1439))
    esi = true_esi(p)
    calls, extra = single_reference(p)
    if "score_name" in extra:
        heart = next(c for c in calls if c.name == "calculate_heart_score")
        extra["score_value"] = _heart_value(p, heart.arguments)
    answer = {
        "esi_level": esi,
        "disposition": T.disposition_for(p, esi),
        "immediate_orders": T.required_orders(p),
        **extra,
    }
    prompt = SINGLE_PROMPT.format(
        article=article(age_text(p.age_days)).capitalize(),
        age=age_text(p.age_days),
        person=person_word(p.sex, p.age_years),
        mode=p.arrival_mode,
        time=clock(p.arrival_minute),
        complaint=p.chief_complaint,
        pid=p.id,
    )
    grader = {
        "kind": "single",
        "scenario": key,
        "esi": esi,
        "decided_at": decided_at(p),
        "disposition": answer["disposition"],
        "required_orders": answer["immediate_orders"],
        "acceptable_orders": T.acceptable_orders(p, esi),
        "activations": T.activations(p),
    }
    return {
        "prompt": prompt,
        "hidden": {"kind": "single", "patients": [p.model_dump(mode="json")]},
        "calls": calls,
        "answer": answer,
        "grader": grader,
        "safety": single_rules(p, esi),
    }


def _queue(rng: random.Random) -> dict[str, Any]:
    n = rng.randint(3, 6)
    others = [k for k in SCENARIO_KEYS if k not in RESUS_SCENARIOS]
    keys = rng.sample(others, n)
    if rng.random() < 0.35:
        keys[rng.randrange(n)] = rng.choice(list(RESUS_SCENARIOS))
    minute = rng.randint(0, 1380)
    patients = []
    for i, key in enumerate(keys):
        minute += rng.randint(1, 12)
        patients.append(build_patient(key, rng, f"P{i + 1}", minute))
    order = [p.id for p in sorted(patients, key=T.queue_key)]
    esi = {p.id: true_esi(p) for p in patients}
    listing = "\n".join(
        f"- {p.id} (arrived {clock(p.arrival_minute)}): {age_text(p.age_days)} "
        f'{person_word(p.sex, p.age_years)}, "{p.chief_complaint}"'
        for p in patients
    )
    return {
        "prompt": QUEUE_PROMPT.format(n=n, listing=listing),
        "hidden": {"kind": "queue", "patients": [p.model_dump(mode="json") for p in patients]},
        "calls": queue_reference(patients),
        "answer": {"patient_order": order},
        "grader": {
            "kind": "queue",
            "order": order,
            "esi": esi,
            "danger": {p.id: danger_count(p) for p in patients},
            "scenarios": keys,
        },
        "safety": queue_rules(order, esi),
    }


def _mci(rng: random.Random) -> dict[str, Any]:
    scene = rng.choice(SCENES)
    casualties = generate_casualties(rng)
    truth = {c.id: category(c) for c in casualties}
    listing = ", ".join(f"{c.id} (about {c.age_years} years)" for c in casualties)
    return {
        "prompt": MCI_PROMPT.format(scene=scene, listing=listing),
        "hidden": {"kind": "mci", "casualties": [c.model_dump(mode="json") for c in casualties]},
        "calls": mci_reference(casualties),
        "answer": {"mci_categories": [f"{cid}: {cat}" for cid, cat in truth.items()]},
        "grader": {"kind": "mci", "categories": truth},
        "safety": mci_rules(casualties, truth),
    }


def make_task(index: int) -> Task:
    """Task number ``index`` of triage_emergency (deterministic)."""
    seed = task_seed(DOMAIN, index)
    rng = random.Random(seed)
    kind = task_kind(index)
    if kind == "single":
        parts = _single(index, rng)
    elif kind == "queue":
        parts = _queue(rng)
    else:
        parts = _mci(rng)
    calls: list[RefCall] = parts["calls"]
    calls.append(RefCall(name="submit_triage", arguments=parts["answer"], required=False))
    return Task(
        id=task_id(DOMAIN, index),
        domain=DOMAIN,
        index=index,
        seed=seed,
        split=task_split(DOMAIN, index),
        prompt=parts["prompt"],
        allowed_tools=list(TOOL_NAMES),
        hidden=parts["hidden"],
        reference=ReferenceSolution(calls=calls, answer=parts["answer"]),
        grader=parts["grader"],
        safety=parts["safety"],
    )
