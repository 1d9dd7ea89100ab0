"""Seeded task suite of medical_qa, each task with its reference solution.

The suite is a fixed plan of (kind, topic, variant) entries: for every disease
profile four diagnosis, three next-step and four treatment questions, then five
questions for each calculator template (and drug questions when the formulary
provides them).  Task ``i`` generates entry ``i`` from the task's seed: the
patient (:func:`healthgym.patients.generator.generate_patient`), the distractors
and their order; the correct option's letter comes from a balanced answer key
(:func:`answer_positions`).  Odd-numbered treatment variants look for a patient who
is allergic to a first-line drug (trying derived seeds in a fixed order), so the
suite tests that the answer respects a stated allergy.

Reference solutions: knowledge questions search the knowledge base with a query
that retrieves a passage supporting the correct option, read that passage
(required: the process score credits reading supporting evidence - any passage of the
corpus that states the answer's fact is accepted, :func:`.evidence.supporting_passages`)
and submit the letter; calculator questions ask ``calculate`` for the score's inputs
(required: any successful call of that score counts), compute it and submit; imported
benchmark questions search the knowledge base with the question's text and submit the
key.
"""

from __future__ import annotations

import json
from functools import cache

import numpy as np

from ...clinical.diseases import PROFILES
from ...patients.generator import generate_patient
from ...patients.model import Patient
from ...tasks import RefCall, ReferenceSolution, Task, task_id, task_seed, task_split
from .calc_questions import TEMPLATE_BY_SCORE, TEMPLATES, calculator_question
from .drug_questions import DRUG_QUESTIONS, drug_topics
from .evidence import (
    INTERACTION_CUES,
    SEARCH_K,
    retrieving_query,
    supporting_passage,
    supporting_passages,
)
from .questions import DISEASE_QUESTIONS, blocked_first_line
from .records import Question

DOMAIN = "medical_qa"
DISEASE_VARIANTS = {"diagnosis": 4, "next_step": 3, "treatment": 4}
CALCULATOR_VARIANTS = 5
# pharmacology questions per kind (mechanism, adverse effect, interaction); 0 until the
# built-in knowledge base carries formulary passages to support them
DRUG_TASKS_PER_KIND = 40
ALLERGY_SEARCH = 40  # derived seeds tried for an allergic patient
ALLOWED_TOOLS = ["search_knowledge", "read_passage", "calculate", "submit_answer"]
INSTRUCTION = (
    "Find evidence with the tools, then call submit_answer with the letter of the single "
    "best option and a rationale that cites your evidence."
)


@cache
def plan() -> tuple[tuple[str, str, int], ...]:
    """The suite: (kind, topic, variant) of every task, in index order."""
    entries: list[tuple[str, str, int]] = []
    for variant in range(max(DISEASE_VARIANTS.values())):
        for disease in sorted(PROFILES):
            for kind, n in DISEASE_VARIANTS.items():
                if variant < n:
                    entries.append((kind, disease, variant))
    for variant in range(CALCULATOR_VARIANTS):
        entries += [("calculator", t.score, variant) for t in TEMPLATES]
    for kind, topics in drug_topics().items():
        if DRUG_TASKS_PER_KIND:
            step = max(1, len(topics) // DRUG_TASKS_PER_KIND)
            entries += [(kind, name, 0) for name in topics[::step][:DRUG_TASKS_PER_KIND]]
    return tuple(entries)


N_TASKS = len(plan())
OPTION_COUNT = {
    "diagnosis": 5,
    "next_step": 5,
    "treatment": 5,
    "calculator": 4,
    "mechanism": 5,
    "adverse_effect": 5,
    "interaction": 5,
}


@cache
def answer_positions() -> tuple[int, ...]:
    """Where each task's correct option goes: a balanced answer key.

    Within each split, the tasks with ``n`` options take their positions, in index
    order, from consecutive seeded permutations of ``range(n)``, so every letter is
    correct equally often (to within one permutation) in the train and in the test
    split; a policy that always answers one letter scores about ``1/n``.
    """
    counters: dict[tuple[str, int], int] = {}
    positions = []
    for index, (kind, _, _) in enumerate(plan()):
        n = OPTION_COUNT[kind]
        key = (task_split(DOMAIN, index), n)
        rank = counters.get(key, 0)
        counters[key] = rank + 1
        block = task_seed(f"{DOMAIN}/answer-key/{key[0]}/{n}", rank // n)
        positions.append(int(np.random.default_rng(block).permutation(n)[rank % n]))
    return tuple(positions)


def _patient(kind: str, disease: str, variant: int, seed: int, pid: str) -> Patient:
    profile = PROFILES[disease]
    patient = generate_patient(profile, seed, patient_id=pid)
    if kind != "treatment" or variant % 2 == 0 or blocked_first_line(profile, patient):
        return patient
    for attempt in range(1, ALLERGY_SEARCH + 1):
        candidate = generate_patient(profile, task_seed(pid, attempt), patient_id=pid)
        if candidate.allergies and blocked_first_line(profile, candidate):
            return candidate
    return patient


def make_question(index: int) -> Question:
    # indices past the shipped suite (``healthgym tasks generate``) reuse the plan's
    # (kind, topic) cycle with a fresh seed
    kind, topic, variant = plan()[index % N_TASKS]
    seed = task_seed(DOMAIN, index)
    rng = np.random.default_rng([seed, 1])
    position = answer_positions()[index % N_TASKS]
    if kind == "calculator":
        return calculator_question(TEMPLATE_BY_SCORE[topic], rng, position)
    if kind in DRUG_QUESTIONS:
        question = DRUG_QUESTIONS[kind](topic, rng)
        return question.with_answer_at(position % len(question.options))
    patient = _patient(kind, topic, variant, seed, f"P-{task_id(DOMAIN, index)}")
    question = DISEASE_QUESTIONS[kind](PROFILES[topic], patient, rng)
    return question.with_answer_at(position % len(question.options))


def prompt_of(stem: str, options_text: str) -> str:
    return f"{stem}\n\n{options_text}\n\n{INSTRUCTION}"


def evidence_cue(kind: str) -> tuple[str, ...]:
    """What a supporting passage must also say for this kind of question."""
    return INTERACTION_CUES if kind == "interaction" else ()


def reference_calls(q: Question) -> list[RefCall]:
    calls: list[RefCall] = []
    correct = q.correct
    if q.query:
        about = f"disease/{q.topic}/" if q.topic in PROFILES else q.topic
        cue = evidence_cue(q.kind)
        passage_id = supporting_passage(
            q.query, correct.phrases, about=about, subject=q.subject, cue=cue
        )
        others = [
            p
            for p in supporting_passages(tuple(correct.phrases), tuple(q.subject), cue)
            if p != passage_id
        ]
        calls.append(
            RefCall(
                name="search_knowledge",
                arguments={"query": retrieving_query(q.query, passage_id), "k": SEARCH_K},
                required=False,
            )
        )
        # reading any passage that states the answer's fact is the evidence, not only the
        # one the reference's search ranked first
        calls.append(
            RefCall(
                name="read_passage",
                arguments={"passage_id": passage_id},
                accept={"passage_id": others} if others else {},
            )
        )
        rationale = f"{correct.text}: stated in passage {passage_id}."
    elif q.calculation is not None:
        score = q.calculation["score"]
        inputs = json.dumps(q.calculation["inputs"], sort_keys=True)
        calls.append(RefCall(name="calculate", arguments={"score": score}))
        calls.append(
            RefCall(name="calculate", arguments={"score": score, "inputs": inputs}, required=False)
        )
        rationale = f"The calculate tool gives {score} = {correct.text}."
    else:  # an imported benchmark question: the answer key is the only reference; the
        # reference still looks the question up (no reward without gathered evidence)
        calls.append(
            RefCall(
                name="search_knowledge",
                arguments={"query": " ".join(q.stem.split())[:480], "k": SEARCH_K},
                required=False,
            )
        )
        rationale = correct.text
    answer = {"answer": q.answer, "rationale": rationale}
    calls.append(RefCall(name="submit_answer", arguments=answer, required=False))
    return calls


def task_from_question(
    q: Question, *, tid: str, index: int, seed: int, split: str, source: str = DOMAIN
) -> Task:
    """A medical_qa task that asks ``q``."""
    calls = reference_calls(q)
    return Task(
        id=tid,
        domain=DOMAIN,
        index=index,
        seed=seed,
        split=split,  # type: ignore[arg-type]
        prompt=prompt_of(q.stem, q.options_text()),
        allowed_tools=list(ALLOWED_TOOLS),
        hidden={"kind": q.kind, "source": source},
        reference=ReferenceSolution(calls=calls, answer=calls[-1].arguments),
        grader={
            "kind": q.kind,
            "topic": q.topic,
            "answer": q.answer,
            "options": {
                L: {"text": o.text, "key": o.key, "phrases": list(o.phrases)}
                for L, o in zip(q.letters, q.options, strict=True)
            },
            "evidence": bool(q.query),
            "subject": list(q.subject),
            "calculation": q.calculation,
        },
        safety=list(q.safety),
    )


def make_task(index: int) -> Task:
    """Task number ``index`` of medical_qa (deterministic)."""
    return task_from_question(
        make_question(index),
        tid=task_id(DOMAIN, index),
        index=index,
        seed=task_seed(DOMAIN, index),
        split=task_split(DOMAIN, index),
    )
