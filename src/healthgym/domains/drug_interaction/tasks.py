"""Seeded task generator of drug_interaction.

Task ``i`` has type ``TASK_TYPES[i % 5]`` (so the five types are equally common) and
is built from ``task_seed(domain, i)`` by the type's builder, which retries with the
same random stream until its coherence conditions hold (deterministic).

**Evidence rule (no observation states the answer).**  The prompt names the question
and, for order tasks, the ordered drug; never the answer.  Tools report facts about
what the call named and never a verdict on the task's question:

* (a) most severe interaction: no tool scans the hidden regimen; the interaction tools
  are ``reference`` lookups over drugs the agent names.  ``screen_interactions`` flags
  interacting pairs among the drugs it is given without severity (always >= 2 of them
  for the regimen), and a severity appears only for a pair the agent asks about
  (``check_interaction``, ``check_interactions``, or ``find_alternatives`` with ``avoid``);
  comparing them is the agent's job;
* (b) order review: severities, cross-reactivity and renal bands are evidence; no tool
  says approve or reject;
* (c) alternative: ``find_alternatives`` lists the whole class and annotates only the
  hazard the agent names; a trap alternative guarantees that no single view equals the
  accepted set;
* (d) renal dose: the renal tool prints the full band table without marking the band
  that applies;
* (e) deprescribing: facts are per drug (a monograph, a renal table, a pregnancy
  rating); no tool says which drug to stop.

Tool kinds (``healthgym tools list``): the chart tools are ``observe``; the formulary
and interaction tools are ``reference`` (their output depends on the drugs named only);
the renal, hepatic and allergy calculators are ``compute`` and refuse until the agent
has read the parts of the chart they use (demographics, labs, problem list, allergies),
so the reference solutions read those first.

The leak tests in ``tests/test_drug_interaction.py`` check these properties over every
task and every tool call.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ...tasks import ReferenceSolution, Task, task_id, task_seed, task_split
from .patients import GenerationFailed
from .task_common import Built, call
from .tasks_review import build_most_severe, build_order_review
from .tasks_therapy import build_alternative, build_deprescribe, build_renal_dose
from .tools import ALL_TOOLS

DOMAIN = "drug_interaction"
N_TASKS = 500
MAX_ATTEMPTS = 2000
TASK_TYPES = ("most_severe", "order_review", "alternative", "renal_dose", "deprescribe")
BUILDERS: dict[str, Callable[[np.random.Generator, str], Built]] = {
    "most_severe": build_most_severe,
    "order_review": build_order_review,
    "alternative": build_alternative,
    "renal_dose": build_renal_dose,
    "deprescribe": build_deprescribe,
}
WITHHELD = {"most_severe": ("check_regimen",)}


def task_type_of(index: int) -> str:
    return TASK_TYPES[index % len(TASK_TYPES)]


def allowed_tools(task_type: str) -> list[str]:
    return [t.name for t in ALL_TOOLS if t.name not in WITHHELD.get(task_type, ())]


def build(index: int) -> Built:
    """The built content of task ``index`` (deterministic)."""
    kind = task_type_of(index)
    rng = np.random.default_rng(task_seed(DOMAIN, index))
    pid = f"P-{task_id(DOMAIN, index)}"
    for _ in range(MAX_ATTEMPTS):
        try:
            return BUILDERS[kind](rng, pid)
        except GenerationFailed:
            continue
    raise RuntimeError(f"{DOMAIN} task {index} ({kind}) could not be generated")


def make_task(index: int) -> Task:
    """Task number ``index`` of drug_interaction (deterministic)."""
    kind = task_type_of(index)
    built = build(index)
    calls = [*built.calls, call("submit_answer", False, **built.answer)]
    return Task(
        id=task_id(DOMAIN, index),
        domain=DOMAIN,
        index=index,
        seed=task_seed(DOMAIN, index),
        split=task_split(DOMAIN, index),
        prompt=built.prompt,
        allowed_tools=allowed_tools(kind),
        hidden={
            "patient": built.patient.model_dump(mode="json"),
            "task_type": kind,
            "order": built.order,
        },
        reference=ReferenceSolution(calls=calls, answer=built.answer),
        grader={"task_type": kind, **built.grader},
        safety=built.safety,
    )
