"""ehr_management: suite, oracle/lazy/random bounds, determinism, environment and leaks."""

from __future__ import annotations

import gc
import json
import os
import re
import subprocess
import sys
import time
import warnings
from collections import Counter
from dataclasses import fields
from functools import cache

import gymnasium as gym
from gymnasium.utils.env_checker import check_env

import healthgym  # noqa: F401  (registers the environments)
from healthgym.agents import LazyPolicy, OraclePolicy, RandomToolPolicy
from healthgym.domains import get_domain
from healthgym.domains.ehr_management.catalog import LAB_ITEMS, ORGANISMS
from healthgym.domains.ehr_management.generator import AdmissionPlan, generate_patient
from healthgym.domains.ehr_management.records import EhrState
from healthgym.domains.ehr_management.schema import TABLES, dump
from healthgym.domains.ehr_management.tasks import KINDS
from healthgym.env import HealthGymEnv
from healthgym.runner import run_episode, run_suite, summarize
from healthgym.tools import ToolError

NAME = "ehr_management"
DOMAIN = get_domain(NAME)
TEST = DOMAIN.indices("test")


@cache
def task(index: int):
    return DOMAIN.task(index)


def play(env: HealthGymEnv, policy, t) -> dict:
    """One episode on a (cached) task; like runner.run_episode, plus the reset view."""
    obs, info = env.reset(options={"task": t})
    policy.reset(t, obs, info)
    first, turns, done = (obs, info), [], False
    while not done:
        action = policy.act(obs)
        obs, reward, terminated, truncated, step_info = env.step(action)
        turns.append({"action": action, "observation": obs})
        done = terminated or truncated
    components = step_info["reward_components"]
    return {
        "task_id": t.id,
        "domain": NAME,
        "turns": turns,
        "reward": reward,
        "reward_components": components,
        "first": first,
    }


@cache
def oracle_all() -> list[dict]:
    """The oracle on every task of the suite (both splits)."""
    env = HealthGymEnv(domain=NAME, split=None)
    return [play(env, OraclePolicy(), task(i)) for i in range(DOMAIN.n_tasks)]


def test_suite_size_kinds_and_splits():
    assert DOMAIN.n_tasks >= 400 and len(KINDS) >= 15
    assert len(TEST) >= 80 and len(DOMAIN.indices("train")) >= 300
    assert len(DOMAIN.toolkit) >= 20
    kinds = {task(i).grader["kind"] for i in TEST}
    assert kinds == {k.name for k in KINDS}  # every kind is in the test split


def test_oracle_solves_every_task():
    results = oracle_all()
    assert len(results) == DOMAIN.n_tasks
    for r in results:
        c = r["reward_components"]
        assert c["accuracy"] == 1.0, (r["task_id"], c)
        assert r["reward"] >= 0.95, (r["task_id"], c)
        assert not c["violations"] and c["coherence"] == 1.0, (r["task_id"], c)
    test_ids = {task(i).id for i in TEST}
    assert summarize([r for r in results if r["task_id"] in test_ids])["overall"]["accuracy"] == 1


def test_lazy_policy_is_a_low_floor():
    counts = Counter(
        json.dumps(task(i).reference.answer, sort_keys=True) for i in DOMAIN.indices("train")
    )
    lazy = LazyPolicy(DOMAIN.submit_tool, json.loads(counts.most_common(1)[0][0]))
    env = HealthGymEnv(domain=NAME, split="test")
    s = summarize([play(env, lazy, task(i)) for i in TEST])["overall"]
    assert s["accuracy"] <= 0.3
    assert s["reward"] < 0.6


def test_random_policy_runs_and_is_deterministic():
    a = list(run_suite(lambda d: RandomToolPolicy(seed=5), [NAME], "test", 40))
    b = list(run_suite(lambda d: RandomToolPolicy(seed=5), [NAME], "test", 40))
    strip = [{k: v for k, v in t.items() if k != "seconds"} for t in a]
    assert strip == [{k: v for k, v in t.items() if k != "seconds"} for t in b]
    assert summarize(a)["overall"]["accuracy"] <= 0.1
    observations = [turn["observation"] for t in a for turn in t["turns"]]
    assert not any("the tool failed" in o for o in observations)  # no tool crashed


def test_same_seed_same_tasks_databases_and_trajectories():
    indices = list(range(0, DOMAIN.n_tasks, 29))
    assert [DOMAIN.task(i).content_hash() for i in indices] == [
        task(i).content_hash() for i in indices
    ]
    t = task(TEST[0])
    assert dump(DOMAIN.new_state(t).db) == dump(DOMAIN.new_state(DOMAIN.task(TEST[0])).db)
    plans = [AdmissionPlan("sepsis_aki"), AdmissionPlan("dka", open=True)]
    assert generate_patient(7, plans).tables == generate_patient(7, plans).tables
    t1 = run_episode(HealthGymEnv(domain=NAME, split="test"), OraclePolicy(), TEST[0])
    t2 = run_episode(HealthGymEnv(domain=NAME, split="test"), OraclePolicy(), TEST[0])
    t1.pop("seconds"), t2.pop("seconds")
    assert t1 == t2


def test_task_hashes_do_not_depend_on_the_process():
    code = (
        "import json; from healthgym.domains import get_domain; d = get_domain('ehr_management');"
        "print(json.dumps([d.task(i).content_hash() for i in range(17)]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert json.loads(out.stdout) == [task(i).content_hash() for i in range(17)], out.stderr


def test_check_env_passes_and_reset_is_fast():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(gym.make("healthgym/EhrManagement-v0", render_mode="ansi").unwrapped)
    assert [str(w.message) for w in caught] == []
    env = HealthGymEnv(domain=NAME, split=None)
    env.reset(options={"index": 0})
    gc.collect()
    gc.disable()  # a full collection of what earlier tests left in the process is not reset's
    try:
        start = time.thread_time()  # this thread's CPU time: robust to a busy machine and
        # to threads that earlier tests left in the process
        for i in range(len(KINDS)):
            obs, info = env.reset(options={"index": i})
        per_reset = (time.thread_time() - start) / len(KINDS)
    finally:
        gc.enable()
    assert per_reset < 0.05, per_reset
    assert info["tools"] and "submit_answer" in obs


# ------------------------------------------------------------------------- leaks
# The rule (healthgym.domains.ehr_management.tasks): nothing before the submission
# states the answer to the question as asked.  Checked here: (1) the prompt and reset
# info never contain the answer; (2) the episode state holds only the record; (3) no
# output of a question-agnostic tool - in every oracle trajectory and in a sweep of
# every read tool over the records - uses the vocabulary of an aggregate answer
# (peak, highest, first positive, critical, not restarted, duplicate, risk band ...);
# (4) band and level words, and derived intervals, never appear in an observation.

ROLE_WORDS = re.compile(
    r"\b(peak|highest|maximum|lowest|minimum|first positive|critical|panic|not restarted|"
    r"held|duplicat\w*|readmi\w*|risk|band|nephrotoxic|antithrombotic|within 30 days)\b",
    re.IGNORECASE,
)
AGENT_AUTHORED = {"run_sql", "describe_schema", "submit_answer"}


def _appears(needle: str, haystack: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(needle)}(?![\w])", haystack, re.IGNORECASE) is not None


def answer_strings(t) -> list[str]:
    """Distinctive text forms of a task's answer (and of an action's targets)."""
    g, a = t.grader, t.reference.answer
    out = [g[k] for k in ("charttime", "date") if k in g]
    if g["kind"] in ("peak_lab", "icu_stays", "time_to_threshold", "readmission_interval"):
        out += [f"{a['value']:g}", f"{a['value']:.2f}"]
    if g["kind"] == "lace_band" and a["value"] > 10:
        out.append(f"{a['value']:g}")
    out += [str(x) for x in a.get("items") or []]
    if g["kind"] in ("first_positive_culture", "home_med_not_restarted"):
        out.append(a["answer"])
    if "organism" in g:
        out += list(ORGANISMS[g["organism"]])
    out += g.get("discontinue", []) + g.get("keep", [])
    note = g.get("note") or {}
    out += [str(note[k]) for k in ("number", "organism") if k in note]
    return out


def test_prompts_and_reset_info_never_contain_the_answer():
    """The reset observation is a constant preamble (role, tool list, turn limit: the same
    for every task) around the task's prompt; neither the prompt nor the info may hold
    the answer."""
    preambles = set()
    for index, trajectory in enumerate(oracle_all()):
        t = task(index)
        obs, info = trajectory["first"]
        before, prompt, after = obs.partition(t.prompt)
        preambles.add(before + after)
        text = prompt + json.dumps(
            {k: v for k, v in info.items() if k not in ("tools", "max_turns")}
        )
        for s in answer_strings(t):
            assert not _appears(s, text), (t.id, s)
    assert len(preambles) == 1


def test_state_holds_only_the_record():
    t = task(0)
    assert set(t.hidden) == {"tables", "now"} and set(t.hidden["tables"]) <= set(TABLES)
    state = DOMAIN.new_state(t)
    assert {f.name for f in fields(state)} == {
        "db",
        "subject_id",
        "now",
        "open_hadm",
        "initial_orders",
        "initial_notes",
        "score_log",
    }


def _pre_submission(trajectory: dict) -> list[tuple[str, str]]:
    pairs = []
    for turn in trajectory["turns"]:
        name = re.search(r'"name": "(\w+)"', turn["action"]).group(1)
        if name == "submit_answer":
            break
        pairs.append((name, turn["observation"]))
    return pairs


def test_oracle_observations_do_not_state_answers():
    words = {"lace_band": ("low", "moderate", "high"), "news2_response": ("low", "medium", "high")}
    for index, trajectory in enumerate(oracle_all()):
        t = task(index)
        g = t.grader
        for name, obs in _pre_submission(trajectory):
            if name in AGENT_AUTHORED:
                continue
            found = ROLE_WORDS.search(obs)
            assert not found, (t.id, name, found and found.group(0))
            for word in words.get(g["kind"], ()):
                assert not _appears(word, obs), (t.id, name, word)
            if g["kind"] in ("icu_stays", "time_to_threshold", "readmission_interval"):
                assert not _appears(f"{g['value']:.2f}", obs), (t.id, name)


def _sweep_calls(t) -> list[tuple[str, dict]]:
    state = DOMAIN.new_state(t)
    hadms = [r[0] for r in state.db.execute("SELECT hadm_id FROM admissions")]
    calls: list[tuple[str, dict]] = [("get_patient_summary", {}), ("list_admissions", {})]
    calls.append(("get_microbiology", {}))
    for h in hadms:
        for name in ("get_medications", "get_home_medications", "get_diagnoses"):
            calls.append((name, {"hadm_id": h}))
        calls += [("get_procedures", {"hadm_id": h}), ("get_notes", {"hadm_id": h})]
        calls += [("lab_trend", {"lab": lab, "hadm_id": h}) for lab in ("creatinine", "glucose")]
    if t.index % 10 == 0:  # lab listings are formulaic: every analyte on a tenth of records
        calls += [("query_labs", {"lab": lab}) for lab in LAB_ITEMS]
    return calls


def test_no_read_tool_uses_answer_vocabulary_on_any_record():
    for index in range(DOMAIN.n_tasks):
        t = task(index)
        state = DOMAIN.new_state(t)
        for name, args in _sweep_calls(t):
            try:
                out = DOMAIN.toolkit.get(name)(state, **args)
            except ToolError as e:
                out = str(e)
            found = ROLE_WORDS.search(out)
            assert not found, (t.id, name, args, found and found.group(0))
        assert isinstance(state, EhrState)
