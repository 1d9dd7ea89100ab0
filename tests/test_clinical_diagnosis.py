"""clinical_diagnosis: suite size, oracle/lazy bounds, leaks, tools, grader, determinism."""

from __future__ import annotations

import json
import re
from functools import cache

from healthgym.agents import LazyPolicy, OraclePolicy, RandomToolPolicy
from healthgym.clinical.diseases import PROFILES
from healthgym.clinical.text import normalize
from healthgym.domains import get_domain
from healthgym.env import HealthGymEnv
from healthgym.patients.comorbidities import COMORBIDITIES
from healthgym.runner import run_episode, run_suite, summarize
from healthgym.tools import ToolError, validate_arguments
from healthgym.tools.calculators import CALCULATOR_TOOLS
from healthgym.tools.shared import shared_tool_names

DOMAIN = get_domain("clinical_diagnosis")
TEST = DOMAIN.indices("test")


@cache
def oracle_results() -> list[dict]:
    return list(run_suite(lambda d: OraclePolicy(), ["clinical_diagnosis"], "test"))


def test_suite_size_and_splits():
    assert DOMAIN.n_tasks >= 1000
    assert len(TEST) >= 200 and len(DOMAIN.indices("train")) >= 800
    assert len(PROFILES) >= 30
    assert len(DOMAIN.toolkit) >= 15


def test_oracle_solves_every_test_task():
    results = oracle_results()
    assert len(results) == len(TEST)
    for r in results:
        c = r["reward_components"]
        assert c["accuracy"] == 1.0, (r["task_id"], c)
        assert r["reward"] >= 0.95, (r["task_id"], c)
        assert not c["violations"]


def test_oracle_covers_every_disease():
    seen = {r["reward_components"]["details"]["submitted_disease"] for r in oracle_results()}
    assert seen == set(PROFILES)


def test_lazy_policy_is_a_low_floor():
    results = list(run_suite(LazyPolicy.for_domain, ["clinical_diagnosis"], "test"))
    s = summarize(results)["overall"]
    assert s["accuracy"] <= 0.15
    assert s["reward"] < summarize(oracle_results())["overall"]["reward"] - 0.3


def test_random_policy_runs_and_is_deterministic():
    a = list(run_suite(lambda d: RandomToolPolicy(seed=5), ["clinical_diagnosis"], "test", 40))
    b = list(run_suite(lambda d: RandomToolPolicy(seed=5), ["clinical_diagnosis"], "test", 40))
    strip = [{k: v for k, v in t.items() if k != "seconds"} for t in a]
    assert strip == [{k: v for k, v in t.items() if k != "seconds"} for t in b]
    assert summarize(a)["overall"]["accuracy"] <= 0.2


def test_same_seed_same_tasks_and_trajectories():
    hashes = [DOMAIN.task(i).content_hash() for i in range(0, 1500, 37)]
    assert hashes == [DOMAIN.task(i).content_hash() for i in range(0, 1500, 37)]
    env = HealthGymEnv(split="test")
    t1 = run_episode(env, OraclePolicy(), TEST[0])
    t2 = run_episode(HealthGymEnv(split="test"), OraclePolicy(), TEST[0])
    t1.pop("seconds"), t2.pop("seconds")
    assert t1 == t2


# ------------------------------------------------------------------------- leaks


def _leak_pattern(task) -> re.Pattern[str]:
    phrases = sorted({normalize(p) for p in task.grader["accepted"]}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b")


def _all_tool_calls() -> list[tuple[str, dict]]:
    calls = []
    # calculator and knowledge tools never read the episode state
    stateless = {t.name for t in CALCULATOR_TOOLS} | shared_tool_names()
    for t in DOMAIN.toolkit:
        if t.terminal or t.name in stateless:
            continue
        props = t.parameters["properties"]
        if not props:
            calls.append((t.name, {}))
            continue
        enum_args = {k: s["enum"] for k, s in props.items() if "enum" in s}
        if t.name in ("record_differential", "lookup_icd10"):
            continue  # they echo the agent's own words
        if len(enum_args) == 1 and len(props) == 1:
            ((k, values),) = enum_args.items()
            calls += [(t.name, {k: v}) for v in values]
        else:
            args = {k: (s["enum"][0] if "enum" in s else False) for k, s in props.items()}
            calls.append((t.name, args))
    return calls


def test_no_observation_names_the_hidden_diagnosis():
    calls = _all_tool_calls()
    assert len(calls) > 100
    allowed = DOMAIN.task(0).allowed_tools
    for index in range(DOMAIN.n_tasks):
        task = DOMAIN.task(index)
        pattern = _leak_pattern(task)
        assert not pattern.search(normalize(task.prompt)), task.id
        assert task.allowed_tools == allowed
        if index % 5:  # every tool on a fifth of the suite (all diseases, all tools)
            continue
        state = DOMAIN.new_state(task)
        for name, args in calls:
            t = DOMAIN.toolkit.get(name)
            try:
                out = t(state, **validate_arguments(t, args))
            except ToolError as e:
                out = str(e)
            if name.startswith("calculate_"):
                out = out.split(":", 1)[1]  # the score's own name ("Wells PE") is constant
            if name in ("get_past_medical_history", "get_medications"):
                # a documented chronic condition ("Atrial fibrillation", "Previous stroke")
                # is the patient's history, not the hidden acute diagnosis, even where
                # the grader accepts the bare condition's name as an answer
                for c in state.patient.comorbidities:
                    out = out.replace(COMORBIDITIES[c].name, " ")
            # snake_case identifiers (component names such as pe_most_likely) are constant
            found = pattern.search(normalize(re.sub(r"\w+_\w+", " ", out)))
            assert not found, (task.id, name, args, found and found.group(0), out)


def test_reset_info_and_observation_hide_the_answer():
    """The reset observation is the domain's constant preamble (instructions and tool
    list, identical for every task, so it carries no information about any task's
    answer) plus the task's own prompt, which must not name the diagnosis."""
    env = HealthGymEnv(split=None)
    preambles, tool_sets = set(), set()
    for index in range(0, DOMAIN.n_tasks, 25):
        obs, info = env.reset(options={"index": index})
        assert env.task is not None
        preamble, prompt, rest = obs.partition(env.task.prompt)
        assert prompt and not _leak_pattern(env.task).search(normalize(prompt))
        preambles.add(preamble + rest)
        tool_sets.add(json.dumps(info.pop("tools")))
        assert not _leak_pattern(env.task).search(normalize(json.dumps(info)))
    assert len(preambles) == 1 and len(tool_sets) == 1
