"""obstetrics: suite size, oracle/lazy/random bounds, determinism, leaks, env check, CLI."""

from __future__ import annotations

import json
import re
import warnings
from collections import Counter
from functools import cache

import gymnasium as gym
from gymnasium.utils.env_checker import check_env
from typer.testing import CliRunner

import healthgym  # noqa: F401  (registers the environments)
from healthgym.agents import LazyPolicy, OraclePolicy, RandomToolPolicy
from healthgym.cli import app
from healthgym.clinical.text import normalize
from healthgym.domains import get_domain
from healthgym.domains.obstetrics.tools import STATELESS_TOOLS
from healthgym.domains.obstetrics.vocab import FINDINGS, FINDINGS_BY_TYPE, TASK_TYPES
from healthgym.env import HealthGymEnv
from healthgym.runner import run_episode, run_suite, summarize
from healthgym.tools import ToolError, validate_arguments
from healthgym.tools.shared import shared_tool_names

NAME = "obstetrics"
DOMAIN = get_domain(NAME)
TEST = DOMAIN.indices("test")


@cache
def all_tasks() -> tuple:
    return tuple(DOMAIN.task(i) for i in range(DOMAIN.n_tasks))


@cache
def oracle_results() -> list[dict]:
    return list(run_suite(lambda d: OraclePolicy(), [NAME], "test"))


def test_suite_size_types_and_findings():
    tasks = all_tasks()
    assert DOMAIN.n_tasks >= 400 and len(TEST) >= 60
    assert len(DOMAIN.toolkit) >= 12
    assert Counter(t.grader["type"] for t in tasks) == dict.fromkeys(TASK_TYPES, 50)
    seen = {(t.grader["type"], t.grader["finding"]) for t in tasks}
    assert seen == {(k, f) for k, fs in FINDINGS_BY_TYPE.items() for f in fs}
    assert all(t.split == ("test" if t.index in TEST else "train") for t in tasks)


def test_oracle_solves_every_test_task():
    results = oracle_results()
    assert len(results) == len(TEST)
    for r in results:
        c = r["reward_components"]
        assert c["accuracy"] == 1.0, (r["task_id"], c)
        assert r["reward"] >= 0.95, (r["task_id"], c)
        assert not c["violations"] and c["coherence"] == 1.0


def test_oracle_solves_the_train_split_too():
    env = HealthGymEnv(domain=NAME, split=None)
    for i in DOMAIN.indices("train"):
        r = run_episode(env, OraclePolicy(), i)
        assert r["reward_components"]["accuracy"] == 1.0, r["task_id"]
        assert all(c.status == "ok" for c in env.log.calls), r["task_id"]


def test_lazy_policy_is_a_low_floor():
    s = summarize(list(run_suite(LazyPolicy.for_domain, [NAME], "test")))["overall"]
    assert s["accuracy"] <= 0.3
    assert s["reward"] < summarize(oracle_results())["overall"]["reward"] - 0.3


def test_random_policy_runs_and_is_deterministic():
    a = list(run_suite(lambda d: RandomToolPolicy(seed=5), [NAME], "test", 40))
    b = list(run_suite(lambda d: RandomToolPolicy(seed=5), [NAME], "test", 40))
    strip = [{k: v for k, v in t.items() if k != "seconds"} for t in a]
    assert strip == [{k: v for k, v in t.items() if k != "seconds"} for t in b]
    assert summarize(a)["overall"]["accuracy"] <= 0.2


def test_same_seed_same_tasks_and_trajectories():
    hashes = [t.content_hash() for t in all_tasks()[::7]]
    assert hashes == [DOMAIN.task(i).content_hash() for i in range(0, DOMAIN.n_tasks, 7)]
    assert len(set(hashes)) == len(hashes)
    t1 = run_episode(HealthGymEnv(domain=NAME, split="test"), OraclePolicy(), TEST[0])
    t2 = run_episode(HealthGymEnv(domain=NAME, split="test"), OraclePolicy(), TEST[0])
    t1.pop("seconds"), t2.pop("seconds")
    assert t1 == t2


def test_check_env_passes_without_warnings():
    check_env(HealthGymEnv(domain=NAME), skip_render_check=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(gym.make("healthgym/Obstetrics-v0", render_mode="ansi").unwrapped)
    assert [str(w.message) for w in caught] == []


def test_cli_run_oracle_on_the_test_split(tmp_path):
    out = tmp_path / NAME
    r = CliRunner().invoke(
        app, ["run", "--policy", "oracle", "--domains", NAME, "--split", "test", "--out", str(out)]
    )
    assert r.exit_code == 0, r.output
    summary = json.loads((out / "summary.json").read_text())["by_domain"][NAME]
    assert summary["episodes"] == len(TEST) and summary["accuracy"] == 1.0


# ------------------------------------------------------------------------- leaks

# Interpretations the record tools must never state: every answer label, and the words
# of a classification, a score, a diagnosis or a due date.
LEAK_WORDS = (
    "nichd",
    "category",
    "bishop",
    "apgar",
    "biophysical",
    "bpp",
    "preeclampsia",
    "pre eclampsia",
    "gestational hypertension",
    "hypertensive disorder",
    "severe feature",
    "severe features",
    "gestational diabetes",
    "gdm",
    "favourable",
    "favorable",
    "unfavourable",
    "sensitised",
    "sensitized",
    "unsensitised",
    "alloimmunised",
    "alloimmunized",
    "teratogen",
    "teratogenic",
    "contraindicated",
    "indicated",
    "reactive",
    "nonreactive",
    "equivocal",
    "reassuring",
    "oligohydramnios",
    "due date",
    "edd",
    "redate",
    "redated",
    "recurrent",
    "intermittent",
    "late deceleration",
    "early deceleration",
    "variable deceleration",
    "prolonged deceleration",
    "minimal variability",
    "moderate variability",
    "marked variability",
    "absent variability",
    "tachycardia",
    "bradycardia",
    "sinusoidal",
    "unsafe",
    "compatible",
    "avoid",
    "normal tracing",
)
ANSWER_PHRASES = sorted({normalize(f.replace("_", " ")) for f in FINDINGS}, key=len, reverse=True)
LEAK = re.compile(
    r"\b("
    + "|".join(re.escape(normalize(w)) for w in sorted({*LEAK_WORDS, *ANSWER_PHRASES}, key=len))
    + r")\b"
)


def _record_calls() -> list[tuple[str, dict]]:
    """Every state-reading tool with every value of its enum argument."""
    calls = []
    for t in DOMAIN.toolkit:
        if t.terminal or t.name in STATELESS_TOOLS or t.name in shared_tool_names():
            continue
        props = t.parameters["properties"]
        if not props:
            calls.append((t.name, {}))
        else:
            ((k, schema),) = props.items()  # record tools take at most one enum argument
            calls += [(t.name, {k: v}) for v in schema["enum"]]
    return calls


def _leaks(text: str, task) -> list[str]:
    found = [m.group(0) for m in LEAK.finditer(normalize(text))]
    if task.grader["edd"] and task.grader["edd"] in text:
        found.append(task.grader["edd"])
    return found


def test_record_tools_never_state_an_interpretation():
    calls = _record_calls()
    assert len(calls) > 20
    for task in all_tasks():
        state = DOMAIN.new_state(task)
        for name, args in calls:
            tool = DOMAIN.toolkit.get(name)
            try:
                out = tool(state, **validate_arguments(tool, args))
            except ToolError as e:
                out = str(e)
            assert not _leaks(out, task), (task.id, name, args, _leaks(out, task), out)


def test_prompts_never_name_the_answer():
    for task in all_tasks():
        prompt = normalize(task.prompt)
        for phrase in ANSWER_PHRASES:
            assert not re.search(rf"\b{re.escape(phrase)}\b", prompt), (task.id, phrase)
        if task.grader["edd"]:
            assert task.grader["edd"] not in task.prompt


def test_interpretation_tools_do_not_read_the_record():
    """Every stateless call of every reference solution gives the same output on the
    patient of another task: those tools only echo what the agent's reading implies."""
    tasks = all_tasks()
    n = 0
    for i, task in enumerate(tasks):
        other = tasks[(i + 9 * 13 + 1) % len(tasks)]
        for call in task.reference.calls:
            if call.name not in STATELESS_TOOLS:
                continue
            tool = DOMAIN.toolkit.get(call.name)
            args = validate_arguments(tool, call.arguments)
            own = tool(DOMAIN.new_state(task), **args)
            assert own == tool(DOMAIN.new_state(other), **args), (task.id, call.name)
            n += 1
    assert n > 500


def test_oracle_trajectories_reveal_nothing_before_interpretation():
    """In every oracle trajectory the record observations are free of interpretations;
    only the agent-driven interpretation tools may state one."""
    env = HealthGymEnv(domain=NAME, split=None)
    for index in range(DOMAIN.n_tasks):
        run_episode(env, OraclePolicy(), index)
        assert env.task is not None
        for call in env.log.calls:
            if call.name in STATELESS_TOOLS or call.name == "submit_assessment":
                continue
            text = call.observation.split("] ", 1)[1]  # without the '[tool_name]' prefix
            assert not _leaks(text, env.task), (env.task.id, call.name, text)


def test_reset_observation_is_a_constant_preamble_plus_the_prompt():
    env = HealthGymEnv(domain=NAME, split=None)
    preambles, tool_sets = set(), set()
    for index in range(0, DOMAIN.n_tasks, 11):
        obs, info = env.reset(options={"index": index})
        assert env.task is not None
        preamble, prompt, rest = obs.partition(env.task.prompt)
        assert prompt
        preambles.add(preamble + rest)
        tool_sets.add(json.dumps(info.pop("tools")))
        assert env.task.grader["finding"] not in json.dumps(info)
    assert len(preambles) == 1 and len(tool_sets) == 1


def test_leak_detector_catches_interpretations():
    task = next(t for t in all_tasks() if t.grader["edd"])
    for text in (
        "NICHD Category III tracing",
        "Bishop score 9",
        "Findings consistent with preeclampsia with severe features.",
        "The 3-hour test is diagnostic of gestational diabetes.",
        "Rh D-negative, unsensitised",
        "recurrent late decelerations with minimal variability",
        f"EDD {task.grader['edd']}",
        "Apgar 8 at one minute",
    ):
        assert _leaks(text, task), text
