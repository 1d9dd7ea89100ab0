"""medical_qa graded by meaning (issue 16): equivalent rationales and evidence count,
near misses do not - through the real grader and environment on real tasks."""

from __future__ import annotations

import json
from functools import cache

import pytest

from healthgym.domains import get_domain
from healthgym.domains.medical_qa.evidence import builtin_kb, supports
from healthgym.domains.medical_qa.grading import grade, rationale_names_choice
from healthgym.domains.medical_qa.records import QAState
from healthgym.domains.medical_qa.tasks import N_TASKS
from healthgym.env import HealthGymEnv
from healthgym.episode import CallRecord, EpisodeLog
from healthgym.tools import format_hermes

DOMAIN = get_domain("medical_qa")


@cache
def _task(kind: str, answer_key: str | None = None, topic: str | None = None):
    for i in range(N_TASKS):
        t = DOMAIN.task(i)
        g = t.grader
        key = g["options"][g["answer"]]["key"]
        if g["kind"] == kind and answer_key in (None, key) and topic in (None, g["topic"]):
            return t
    raise AssertionError((kind, answer_key, topic))


def _letter(task, key: str) -> str:
    return next(L for L, o in task.grader["options"].items() if o["key"] == key)


def _others(task) -> list[str]:
    g = task.grader
    return [o["text"] for letter, o in sorted(g["options"].items()) if g["answer"] != letter]


def _names(task, rationale: str) -> bool:
    g = task.grader
    return rationale_names_choice(rationale, g["answer"], g["options"])


def _log(answer: str, rationale: str, read: tuple[str, ...] = ()) -> EpisodeLog:
    log = EpisodeLog()
    for i, text in enumerate(read):
        log.calls.append(CallRecord(i + 1, "read_passage", {"passage_id": "p"}, "ok", text))
    log.calls.append(CallRecord(9, "submit_answer", {}, "ok", ""))
    log.answer = {"answer": answer, "rationale": rationale}
    return log


def _passage(pid: str) -> str:
    p = builtin_kb().get(pid)
    assert p is not None
    return f"[{p.id}] {p.title}\n\n{p.text}"


# --- rewordings that must count as naming the chosen option -------------------------
RUQ = ("next_step", "abdominal_ultrasound")
EQUIVALENT = [
    (RUQ, "RUQ ultrasound first: it shows gallstones and wall thickening."),
    (RUQ, "An ultrasound of the right upper quadrant is the next step."),
    (RUQ, "Right-upper-quadrant sonography (gallbladder ultrasound) will confirm it."),
    (RUQ, "ABDOMINAL ULTRASOUND."),
    (("next_step", "ct_pulmonary_angiogram"), "CTPA to confirm the embolus."),
    (("next_step", "ecg"), "Get an EKG now."),
    (("next_step", "upper_endoscopy"), "EGD within 24 hours."),
    (("diagnosis", "diabetic_ketoacidosis"), "DKA: glucose high, ketones, acidosis."),
    (("diagnosis", "acute_appendicitis"), "Acute appendicitis is most likely."),
    (("treatment", None), "{answer}; the patient's allergy rules out the usual drug."),
]


@pytest.mark.parametrize("case,rationale", EQUIVALENT)
def test_equivalent_rationales_name_the_choice(case, rationale):
    kind, key = case
    task = _task(kind, key)
    g = task.grader
    text = rationale.format(answer=g["options"][g["answer"]]["text"])
    assert _names(task, text), text


def test_rejecting_the_other_options_is_fine():
    task = _task("diagnosis", "acute_appendicitis")
    g = task.grader
    others = _others(task)
    text = f"Acute appendicitis. Not {others[0]} because of RLQ pain; {others[1]} is unlikely."
    assert _names(task, text)
    text = f"{g['options'][g['answer']]['text']} rather than {others[2]}."
    assert _names(task, text)


# --- near misses that must not -------------------------------------------------------
NEAR_MISS = [
    "name_all",
    "negated",
    "ruled_out",
    "hedged_two",
    "second_outright",
    "unlikely",
    "empty",
    "other_only",
    "avoid",
    "possible_both",
]


@pytest.mark.parametrize("miss", NEAR_MISS)
def test_near_miss_rationales_do_not_name_the_choice(miss):
    task = _task("diagnosis", "acute_appendicitis")
    g = task.grader
    right = g["options"][g["answer"]]["text"]
    others = _others(task)
    text = {
        "name_all": ", ".join(o["text"] for o in g["options"].values()),
        "negated": f"Not {right}.",
        "ruled_out": f"{right} ruled out; {others[0]}.",
        "hedged_two": f"{right} or {others[0]}.",
        "second_outright": f"{right}. {others[0]}.",
        "unlikely": f"{right} is unlikely.",
        "empty": "",
        "other_only": f"{others[1]}.",
        "avoid": f"Avoid calling this {right}.",
        "possible_both": f"Possible {right}, possible {others[2]}.",
    }[miss]
    assert not _names(task, text), text


# --- evidence: any passage that states the fact, and only such passages ---------------
def test_any_supporting_passage_is_evidence_and_earns_full_process():
    task = _task("next_step", "abdominal_ultrasound")
    read = next(c for c in task.reference.calls if c.name == "read_passage")
    alternatives = read.accept.get("passage_id", [])
    assert alternatives, "the corpus has more than one passage stating the fact"
    pid = alternatives[-1]
    g = task.grader
    answer = {"answer": g["answer"], "rationale": "RUQ ultrasound, as the passage says."}
    grade_ = grade(
        task, QAState(task_id=task.id), _log(g["answer"], answer["rationale"], (_passage(pid),))
    )
    assert grade_.coherence_checks == {
        "rationale_names_choice": True,
        "evidence_supports_choice": True,
    }
    env = HealthGymEnv(domain="medical_qa", split=None)
    env.reset(options={"task": task})
    env.step(format_hermes("read_passage", {"passage_id": pid}))
    *_, info = env.step(format_hermes("submit_answer", answer))
    c = info["reward_components"]
    assert c["accuracy"] == 1.0 and c["process"] == pytest.approx(1.0)


def test_unrelated_or_negating_passages_are_not_evidence():
    task = _task("treatment")
    g = task.grader
    right = g["options"][g["answer"]]
    subject = tuple(g["subject"])
    phrases = tuple(right["phrases"])
    # the disease and the drug both named, but the drug is to be avoided
    assert not supports(f"{subject[0]}: management\nAvoid {right['text']}.", phrases, subject)
    # the drug in one paragraph, the disease in another unrelated clause
    assert not supports(
        f"Formulary\n{right['text']} is an option for pain. Unrelated: {subject[0]}.",
        phrases,
        subject,
    )
    assert supports(f"{subject[0]}: treatment\n{right['text']} is first line.", phrases, subject)
    # reading a passage about another disease earns no process credit
    env = HealthGymEnv(domain="medical_qa", split=None)
    env.reset(options={"task": task})
    hits = builtin_kb().search("hypoglycaemia glucagon", k=1)
    env.step(format_hermes("read_passage", {"passage_id": hits[0].passage.id}))
    *_, info = env.step(
        format_hermes("submit_answer", {"answer": g["answer"], "rationale": right["text"]})
    )
    assert info["reward_components"]["process"] == 0.0
    assert json.dumps(info["reward_components"]["details"]["coherence"])  # serialisable
