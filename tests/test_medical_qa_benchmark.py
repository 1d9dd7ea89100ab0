"""Benchmark records (MedQA, MedMCQA, MMLU, PubMedQA, MIRAGE) as medical_qa tasks."""

from __future__ import annotations

import json
import re

import pytest

from healthgym.agents import OraclePolicy
from healthgym.datasets import MCQRecord, load_medmcqa, load_medqa, load_mirage, load_pubmedqa
from healthgym.domains.medical_qa import benchmark_task, benchmark_tasks
from healthgym.env import HealthGymEnv
from healthgym.tools import format_hermes
from shared_data import BENCHMARKS, needs_shared

BENCH = BENCHMARKS
needs_files = needs_shared(BENCH)
RECORD = MCQRecord(
    id="q1",
    source="toy",
    question="Which vitamin deficiency causes rickets?",
    options={"A": "Vitamin C", "B": "Vitamin D", "C": "Iron", "D": "Vitamin B12"},
    answer="B",
    subject="nutrition",
    meta={"exp": "Ans: B. Vitamin D deficiency causes rickets."},
)


def play(task, *actions: str) -> dict:
    env = HealthGymEnv(domain="medical_qa", split=None)
    obs, info = env.reset(options={"task": task})
    for action in actions:
        *_, info = env.step(action)
    return info["reward_components"]


def oracle(task, env: HealthGymEnv) -> tuple[list[str], dict]:
    obs, info = env.reset(options={"task": task})
    policy = OraclePolicy()
    policy.reset(task, obs, info)
    seen = [obs, json.dumps(info)]
    done = False
    while not done:
        obs, _, terminated, truncated, info = env.step(policy.act(obs))
        seen.append(obs)
        done = terminated or truncated
    return seen, info["reward_components"]


def test_record_becomes_a_task_without_its_answer():
    task = benchmark_task(RECORD)
    assert task.id == "medical_qa/toy/q1" and task.split == "test"
    assert task.domain == "medical_qa"
    assert "Which vitamin deficiency causes rickets?" in task.prompt
    assert "A. Vitamin C\nB. Vitamin D\nC. Iron\nD. Vitamin B12" in task.prompt
    assert "Ans:" not in task.prompt and "rickets." not in task.prompt.replace("rickets?", "")
    assert task.hidden == {"kind": "benchmark", "source": "toy"}
    assert task.grader["answer"] == "B" and not task.grader["evidence"]
    assert [c.name for c in task.reference.calls] == ["search_knowledge", "submit_answer"]
    assert not any(c.required for c in task.reference.calls)


def test_benchmark_task_is_graded_in_the_environment():
    task = benchmark_task(RECORD)
    search = format_hermes("search_knowledge", {"query": "rickets vitamin deficiency"})
    submit = format_hermes("submit_answer", {"answer": "B", "rationale": "Vitamin D"})
    right = play(task, search, submit)
    assert right["accuracy"] == 1.0 and right["coherence"] == 1.0 and right["composite"] >= 0.95
    blind = play(task, submit)  # the right letter with no evidence gathered earns less
    assert blind["accuracy"] == 1.0 and blind["process"] == 0.0 and blind["composite"] < 0.95
    wrong = play(task, format_hermes("submit_answer", {"answer": "C", "rationale": "Vitamin D"}))
    assert wrong["accuracy"] == 0.0 and wrong["coherence"] == 0.0


def test_context_is_shown_and_too_many_options_are_refused():
    r = MCQRecord(
        id="1",
        source="pubmedqa",
        question="Does X work?",
        options={"A": "yes", "B": "no", "C": "maybe"},
        answer="A",
        context=("First paragraph.", "Second paragraph."),
        meta={"long_answer": "Yes, X works."},
    )
    prompt = benchmark_task(r).prompt
    assert prompt.startswith("Context:\nFirst paragraph.\nSecond paragraph.\n\nQuestion: Does X")
    assert "X works" not in prompt
    six = MCQRecord(
        id="6", source="x", question="q", options={L: L * 2 for L in "ABCDEF"}, answer="F"
    )
    with pytest.raises(ValueError, match="6 options"):
        benchmark_task(six)
    tasks = benchmark_tasks([RECORD, r])
    assert [t.index for t in tasks] == [0, 1] and tasks[0].seed != tasks[1].seed


@needs_files
def test_oracle_on_real_benchmark_tasks():
    records = (
        load_medqa(BENCH / "medqa_usmle_4opt")[:40]
        + load_medmcqa(BENCH / "medmcqa")[:40]
        + load_pubmedqa(BENCH / "pubmedqa", split="test")[:20]
        + load_mirage(BENCH / "mirage", subsets=["bioasq", "mmlu"])[:20]
    )
    env = HealthGymEnv(domain="medical_qa", split=None)
    for task in benchmark_tasks(records):
        seen, reward = oracle(task, env)
        assert reward["accuracy"] == 1.0 and reward["composite"] >= 0.95, task.id
        letter = task.grader["answer"]
        answer_statement = re.compile(rf"\b(?:answer|correct)\b[^.\n]{{0,20}}\b{letter}\b", re.I)
        for text in seen[:-1]:  # everything the agent saw before its submission
            assert not answer_statement.search(text), (task.id, text[:200])


@needs_files
def test_no_explanation_reaches_the_prompt():
    """MedMCQA ships explanations that start with the answer ("Ans. is 'a' ..."); the
    task never shows them, and no task's observable parts carry the answer key."""
    records = load_medmcqa(BENCH / "medmcqa")
    with_exp = [r for r in records if r.meta.get("exp")]
    assert len(with_exp) == 2206
    for r in with_exp[:300]:
        task = benchmark_task(r)
        assert r.meta["exp"] not in task.prompt
        assert "answer" not in json.dumps(task.hidden)
