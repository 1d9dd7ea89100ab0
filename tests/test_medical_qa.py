"""medical_qa suite: size, oracle/lazy bounds, determinism, leaks, env checks, CLI."""

from __future__ import annotations

import json
import re
import warnings
from collections import Counter
from functools import cache

import gymnasium as gym
from gymnasium.utils.env_checker import check_env
from typer.testing import CliRunner

import healthgym
from healthgym.agents import LazyPolicy, OraclePolicy, RandomToolPolicy
from healthgym.cli import app
from healthgym.clinical.text import contains_phrase, normalize
from healthgym.domains import get_domain
from healthgym.env import HealthGymEnv
from healthgym.runner import run_episode, run_suite, summarize

DOMAIN = get_domain("medical_qa")
TEST = DOMAIN.indices("test")
# a statement of which option is correct: "answer is B", "correct option: (B)", "B is correct"
VERDICT = re.compile(
    r"\b(?:answer|option|choice)\s*(?:is|:|=)\s*\(?[A-E]\b|\b[A-E]\)?\s+is\s+(?:the\s+)?"
    r"(?:correct|right|answer)|\bcorrect\s+(?:answer|option|choice)\b",
    re.IGNORECASE,
)


@cache
def oracle_results() -> list[dict]:
    return list(run_suite(lambda d: OraclePolicy(), ["medical_qa"], "test"))


@cache
def all_tasks() -> list:
    return [DOMAIN.task(i) for i in range(DOMAIN.n_tasks)]


def test_suite_size_and_splits():
    assert DOMAIN.n_tasks >= 400
    assert len(TEST) >= 60 and len(DOMAIN.indices("train")) >= 300
    kinds = Counter(t.grader["kind"] for t in all_tasks())
    assert set(kinds) >= {"diagnosis", "next_step", "treatment", "calculator"}
    assert {t.grader["kind"] for t in all_tasks() if t.split == "test"} == set(kinds)
    assert {len(t.grader["options"]) for t in all_tasks()} <= {4, 5}


def test_oracle_solves_every_test_task():
    results = oracle_results()
    assert len(results) == len(TEST)
    for r in results:
        c = r["reward_components"]
        assert c["accuracy"] == 1.0, (r["task_id"], c)
        assert r["reward"] >= 0.95, (r["task_id"], c)
        assert not c["violations"] and c["coherence"] == 1.0


def test_every_reference_passage_exists_and_names_the_answer():
    """Each knowledge question's reference reads a passage that its own search
    returned, and that passage names the correct option (train split included)."""
    env = HealthGymEnv(domain="medical_qa", split=None)
    for task in all_tasks():
        if not task.grader["evidence"]:
            continue
        search, read, _ = task.reference.calls
        env.reset(options={"task": task})
        found = env.step(json.dumps({"name": search.name, "arguments": search.arguments}))[0]
        passage_id = read.arguments["passage_id"]
        assert passage_id in found, task.id
        text = env.step(json.dumps({"name": read.name, "arguments": read.arguments}))[0]
        phrases = task.grader["options"][task.grader["answer"]]["phrases"]
        assert any(contains_phrase(normalize(text), normalize(p)) for p in phrases), task.id


def test_lazy_policy_is_a_low_floor():
    results = list(run_suite(LazyPolicy.for_domain, ["medical_qa"], "test"))
    s = summarize(results)["overall"]
    assert s["accuracy"] <= 0.3
    assert s["reward"] < summarize(oracle_results())["overall"]["reward"] - 0.3


def test_answer_letters_are_balanced():
    """The answer key is balanced within each split, so always answering one letter
    scores about a fifth."""
    for split in ("train", "test"):
        letters = Counter(t.grader["answer"] for t in all_tasks() if t.split == split)
        assert set(letters) == set("ABCDE")
        assert max(letters.values()) / sum(letters.values()) <= 0.25, (split, letters)


def test_random_policy_runs_and_is_deterministic():
    a = list(run_suite(lambda d: RandomToolPolicy(seed=5), ["medical_qa"], "test", 40))
    b = list(run_suite(lambda d: RandomToolPolicy(seed=5), ["medical_qa"], "test", 40))
    strip = [{k: v for k, v in t.items() if k != "seconds"} for t in a]
    assert strip == [{k: v for k, v in t.items() if k != "seconds"} for t in b]
    assert summarize(a)["overall"]["accuracy"] <= 0.4


def test_same_seed_same_tasks_and_trajectories():
    hashes = [t.content_hash() for t in all_tasks()]
    assert hashes == [DOMAIN.task(i).content_hash() for i in range(DOMAIN.n_tasks)]
    assert len(set(hashes)) == len(hashes)
    t1 = run_episode(HealthGymEnv(domain="medical_qa", split="test"), OraclePolicy(), TEST[0])
    t2 = run_episode(HealthGymEnv(domain="medical_qa", split="test"), OraclePolicy(), TEST[0])
    t1.pop("seconds"), t2.pop("seconds")
    assert t1 == t2


# ------------------------------------------------------------------------- leaks


def _stem(task) -> str:
    return task.prompt.split("\n\nA. ", 1)[0]


def test_no_stem_names_its_answer():
    """A diagnosis vignette never names the disease, a next-step vignette never names
    (or gives the result of) the test, a treatment vignette never names the drug;
    no prompt says which option is correct."""
    for task in all_tasks():
        g = task.grader
        assert not VERDICT.search(task.prompt), task.id
        if g["kind"] == "calculator":
            continue
        stem = normalize(_stem(task))
        right = g["options"][g["answer"]]
        names = [right["text"], right["text"].split(" (")[0]]
        if g["kind"] == "diagnosis":
            names = right["phrases"]  # the disease's name and every synonym
        found = [p for p in names if contains_phrase(stem, normalize(p))]
        assert not found, (task.id, found)


def test_nothing_before_submission_states_the_answer():
    """Over the oracle trajectories: no observation before the submission (the
    prompt, the info dict, search results, passages, calculator output) states which
    option is correct; the hidden record holds no answer."""
    env = HealthGymEnv(domain="medical_qa", split=None)
    for index in TEST:
        task = DOMAIN.task(index)
        assert set(task.hidden) == {"kind", "source"}
        obs, info = env.reset(options={"index": index})
        assert set(info) == {"task_id", "domain", "split", "max_turns", "tools"}
        policy = OraclePolicy()
        policy.reset(task, obs, info)
        seen = [obs]
        done = False
        while not done:
            obs, _, terminated, truncated, _ = env.step(policy.act(obs))
            done = terminated or truncated
            if not done:
                seen.append(obs)
        for text in seen:
            assert not VERDICT.search(text), (task.id, text[:300])


def test_passages_are_evidence_not_answers():
    """Every passage the knowledge tools show is written as a fact about the
    disease or drug, never as an answer to a question."""
    pattern = re.compile(
        r"\b(?:the\s+)?(?:correct|right|best)\s+(?:answer|option|choice)\b|\banswer\s+is\b|"
        r"\boption\s+[A-E]\b|^\s*[A-E][.)]\s",
        re.IGNORECASE | re.MULTILINE,
    )
    for r in oracle_results():
        for turn in r["turns"]:
            if '"search_knowledge"' in turn["action"] or '"read_passage"' in turn["action"]:
                assert not pattern.search(turn["observation"]), r["task_id"]


def test_reset_info_and_observation_shape():
    env = HealthGymEnv(domain="medical_qa", split=None)
    preambles, tool_sets = set(), set()
    for index in range(0, DOMAIN.n_tasks, 23):
        obs, info = env.reset(options={"index": index})
        assert env.task is not None
        preamble, prompt, rest = obs.partition(env.task.prompt)
        assert prompt
        preambles.add(preamble + rest)
        tool_sets.add(json.dumps(info.pop("tools")))
    assert len(preambles) == 1 and len(tool_sets) == 1
    names = {t["function"]["name"] for t in json.loads(tool_sets.pop())}
    assert names == {"search_knowledge", "read_passage", "calculate", "submit_answer"}


# --------------------------------------------------------------- gym and the CLI


def test_check_env_passes_without_warnings():
    env_id = healthgym.env_id("medical_qa")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(gym.make(env_id, render_mode="ansi").unwrapped)
    assert [str(w.message) for w in caught] == []


def test_cli_oracle_run_reports_full_accuracy(tmp_path):
    out = tmp_path / "mqa"
    args = ["run", "--policy", "oracle", "--domains", "medical_qa", "--split", "test"]
    r = CliRunner().invoke(app, [*args, "--out", str(out)])
    assert r.exit_code == 0, r.output
    summary = json.loads((out / "summary.json").read_text())
    d = summary["by_domain"]["medical_qa"]
    assert d["episodes"] == len(TEST) and d["accuracy"] == 1.0
