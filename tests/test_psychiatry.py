"""psychiatry: suite size, oracle/lazy/random bounds, determinism, leaks, gym and CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import warnings
from collections import Counter
from functools import cache

import gymnasium as gym
from gymnasium.utils.env_checker import check_env
from typer.testing import CliRunner

import healthgym
from healthgym.agents import LazyPolicy, OraclePolicy, RandomToolPolicy
from healthgym.cli import app
from healthgym.clinical.text import normalize
from healthgym.domains import get_domain
from healthgym.domains.psychiatry.conditions import DIAGNOSES, VARIANTS
from healthgym.domains.psychiatry.dsm5 import CRITERIA
from healthgym.env import HealthGymEnv
from healthgym.runner import run_episode, run_suite, summarize
from healthgym.tools import ToolError, validate_arguments
from healthgym.tools.shared import shared_tool_names

NAME = "psychiatry"
DOMAIN = get_domain(NAME)
TEST = DOMAIN.indices("test")

# every way an observation could name a diagnosis (labels, synonyms, acronyms)
LABELS = (
    "major depressive disorder",
    "major depression",
    "depressive disorder",
    "generalized anxiety disorder",
    "generalised anxiety disorder",
    "posttraumatic stress disorder",
    "post traumatic stress disorder",
    "ptsd",
    "bipolar",
    "manic depressive",
    "panic disorder",
    "alcohol use disorder",
    "alcohol dependence",
    "alcoholism",
    "schizophrenia",
    "schizophrenic",
    "neurocognitive disorder",
    "dementia",
    "alzheimer",
    "cognitive impairment",
    "adjustment disorder",
    "no psychiatric disorder",
    "mdd",
    "gad",
    "aud",
    "ncd",
    "mci",
    *(k.replace("_", " ") for k in DIAGNOSES),
    *DIAGNOSES.values(),
)
LEAK = re.compile(r"\b(" + "|".join(sorted({re.escape(normalize(x)) for x in LABELS})) + r")\b")
INSTRUMENT_NAMES = re.compile(r"GAD-7")  # the questionnaire's own, constant name


def leaked(text: str) -> str | None:
    found = LEAK.search(normalize(INSTRUMENT_NAMES.sub(" ", text)))
    return found.group(0) if found else None


@cache
def oracle_results() -> list[dict]:
    return list(run_suite(lambda d: OraclePolicy(), [NAME], "test"))


def test_suite_size_splits_and_toolkit():
    assert DOMAIN.n_tasks >= 400
    assert len(TEST) >= 60 and len(DOMAIN.indices("train")) >= 300
    assert len(DOMAIN.toolkit) >= 12
    counts = Counter(DOMAIN.task(i).hidden["variant"] for i in range(DOMAIN.n_tasks))
    assert set(counts) == {v.key for v in VARIANTS}
    assert len(set(counts.values())) == 1  # every variant equally common


def test_oracle_solves_every_test_task():
    results = oracle_results()
    assert len(results) == len(TEST)
    for r in results:
        c = r["reward_components"]
        assert c["accuracy"] == 1.0, (r["task_id"], c)
        assert r["reward"] >= 0.95, (r["task_id"], c)
        assert not c["violations"], (r["task_id"], c["violations"])


def test_oracle_covers_every_diagnosis_risk_and_disposition():
    seen = Counter()
    for i in range(DOMAIN.n_tasks):
        answer = DOMAIN.task(i).reference.answer
        seen.update([answer["diagnosis"], f"risk:{answer['suicide_risk']}", answer["disposition"]])
    assert set(DIAGNOSES) <= set(seen)
    assert {"risk:low", "risk:moderate", "risk:high"} <= set(seen)
    assert {"outpatient", "psychiatric_admission", "medically_managed_withdrawal"} <= set(seen)


def test_lazy_policy_is_a_low_floor():
    results = list(run_suite(LazyPolicy.for_domain, [NAME], "test"))
    s = summarize(results)["overall"]
    assert s["accuracy"] <= 0.3
    assert s["reward"] < summarize(oracle_results())["overall"]["reward"] - 0.3


def test_random_policy_runs_and_is_deterministic():
    a = list(run_suite(lambda d: RandomToolPolicy(seed=5), [NAME], "test", 40))
    b = list(run_suite(lambda d: RandomToolPolicy(seed=5), [NAME], "test", 40))
    strip = [{k: v for k, v in t.items() if k != "seconds"} for t in a]
    assert strip == [{k: v for k, v in t.items() if k != "seconds"} for t in b]
    assert summarize(a)["overall"]["accuracy"] <= 0.3


def test_same_seed_same_tasks_and_trajectories():
    hashes = [DOMAIN.task(i).content_hash() for i in range(0, DOMAIN.n_tasks, 7)]
    assert hashes == [DOMAIN.task(i).content_hash() for i in range(0, DOMAIN.n_tasks, 7)]
    t1 = run_episode(HealthGymEnv(domain=NAME, split="test"), OraclePolicy(), TEST[0])
    t2 = run_episode(HealthGymEnv(domain=NAME, split="test"), OraclePolicy(), TEST[0])
    t1.pop("seconds"), t2.pop("seconds")
    assert t1 == t2


def test_task_hashes_do_not_depend_on_the_process():
    code = (
        "from healthgym.domains import get_domain; d = get_domain('psychiatry'); "
        "print(','.join(d.task(i).content_hash() for i in range(0, d.n_tasks, 11)))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    expected = ",".join(DOMAIN.task(i).content_hash() for i in range(0, DOMAIN.n_tasks, 11))
    assert runs == {expected + "\n"}


def test_tasks_differ_and_reference_answers_vary():
    answers = {json.dumps(DOMAIN.task(i).reference.answer, sort_keys=True) for i in TEST}
    assert len(answers) >= 28  # a degeneracy guard: well above the 17 variants (29 today)
    patients = {DOMAIN.task(i).hidden["record"]["name"] for i in range(DOMAIN.n_tasks)}
    assert len(patients) >= 200


# ------------------------------------------------------------------------- leaks


def _all_tool_calls() -> list[tuple[str, dict]]:
    """Every observe/compute call with every enum value (the checklist with every code).

    Reference tools are left out: their text is constant (the same for every task, see
    tests/test_tool_kinds.py), so it cannot tell one task's diagnosis from another's -
    and the published guideline titles they cite do name conditions.
    """
    calls = []
    for t in DOMAIN.toolkit:
        if t.terminal or t.name in shared_tool_names() or t.kind == "reference":
            continue
        props = t.parameters["properties"]
        if not props:
            calls.append((t.name, {}))
            continue
        if t.name == "dsm5_checklist":
            for c in CRITERIA:
                calls.append((t.name, {"criteria_set": c}))
                every = [code for code, _ in CRITERIA[c]]
                calls.append(
                    (t.name, {"criteria_set": c, "criteria_present": every, "duration_days": 400})
                )
            continue
        ((k, schema),) = props.items()  # every other argument of this toolkit is one enum
        calls += [(t.name, {k: v}) for v in schema["enum"]]
    return calls


def test_leak_pattern_is_meaningful():
    assert leaked("History suggests Bipolar I disorder.") == "bipolar"
    assert leaked("probable PTSD") == "ptsd"
    assert leaked("Alzheimer's disease") == "alzheimer"
    assert leaked("GAD-7 total 12") is None
    assert leaked("Depressed mood most of the day; manic episode criteria") is None


def test_no_observation_names_any_diagnosis():
    """Every tool, with every argument, on every task: no diagnostic label appears."""
    calls = _all_tool_calls()
    assert len(calls) > 50
    allowed = DOMAIN.task(0).allowed_tools
    for index in range(DOMAIN.n_tasks):
        task = DOMAIN.task(index)
        assert leaked(task.prompt) is None, task.id
        assert task.allowed_tools == allowed
        state = DOMAIN.new_state(task)
        for name, args in calls:
            t = DOMAIN.toolkit.get(name)
            try:
                out = t(state, **validate_arguments(t, args))
            except ToolError as e:
                out = str(e)
            assert leaked(out) is None, (task.id, name, args, leaked(out), out)


def test_oracle_trajectories_never_name_the_diagnosis_before_submitting():
    for r in oracle_results():
        for turn in r["turns"][:-1]:
            assert leaked(turn["observation"]) is None, (r["task_id"], turn["observation"])


def test_reference_solutions_fit_the_turn_limit_and_observe_first():
    """Observe calls come before any computation; only observe calls are required."""
    kinds = {t.name: t.kind for t in DOMAIN.toolkit}
    for index in range(DOMAIN.n_tasks):
        calls = DOMAIN.task(index).reference.calls
        assert len(calls) <= 20, index  # the environment's default turn limit
        assert kinds[calls[-1].name] == "submit"
        work = [c for c in calls[:-1] if c.name != "check_prescription"]
        observed = [i for i, c in enumerate(work) if kinds[c.name] == "observe"]
        computed = [i for i, c in enumerate(work) if kinds[c.name] == "compute"]
        assert computed and max(observed) < min(computed), index
        assert not any(c.required for c in calls if kinds[c.name] != "observe"), index


def test_reset_observation_and_info_hide_the_answer():
    env = HealthGymEnv(domain=NAME, split=None)
    preambles, tool_sets = set(), set()
    for index in range(0, DOMAIN.n_tasks, 9):
        obs, info = env.reset(options={"index": index})
        assert env.task is not None
        preamble, prompt, rest = obs.partition(env.task.prompt)
        assert prompt and leaked(prompt) is None
        preambles.add(preamble + rest)
        tool_sets.add(json.dumps(info.pop("tools")))
        assert leaked(json.dumps(info)) is None
    assert len(preambles) == 1 and len(tool_sets) == 1


def test_instrument_items_appear_only_when_administered():
    task = DOMAIN.task(TEST[0])
    env = HealthGymEnv(domain=NAME, split=None)
    env.reset(options={"index": task.index})
    phq = task.hidden["record"]["phq9"]
    items = "; ".join(f"{i}. " for i in range(1, 10))
    obs, *_ = env.step('<tool_call>{"name": "get_presentation", "arguments": {}}</tool_call>')
    assert "PHQ-9" not in obs and items not in obs
    assert "cssrs" not in env.state.results and "phq9" not in env.state.results
    obs, *_ = env.step('<tool_call>{"name": "administer_phq9", "arguments": {}}</tool_call>')
    assert "1. Little interest or pleasure in doing things: " in obs and "total" not in obs
    assert "phq9" not in env.state.results
    obs, *_ = env.step(
        '<tool_call>{"name": "score_instrument", "arguments": {"instrument": "phq9"}}</tool_call>'
    )
    assert f"PHQ-9 total {sum(phq)}/27" in obs and env.state.results["phq9"] == sum(phq)


# --------------------------------------------------------------- gym and the CLI


def test_check_env_passes():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(gym.make(healthgym.env_id(NAME), render_mode="ansi").unwrapped)
    assert [str(w.message) for w in caught] == []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(HealthGymEnv(domain=NAME))  # built directly: gymnasium notes it has no spec
    assert all("spec" in str(w.message) for w in caught)


def test_cli_oracle_run_reports_full_accuracy(tmp_path):
    out = tmp_path / NAME
    args = ["run", "--policy", "oracle", "--domains", NAME, "--split", "test"]
    r = CliRunner().invoke(app, [*args, "--out", str(out)])
    assert r.exit_code == 0, r.output
    summary = json.loads((out / "summary.json").read_text())
    d = summary["by_domain"][NAME]
    assert d["episodes"] == len(TEST) and d["accuracy"] == 1.0


def test_the_facts_that_decide_the_answer_are_observable():
    """Every symptom fact is reported by the structured interview, the episodes' severity
    features by the elevated-mood interview, the facts behind the disposition by the
    histories, and the C-SSRS answers by the screen (so the agent can judge it all)."""
    from healthgym.domains.psychiatry.interview import TOPICS
    from healthgym.domains.psychiatry.records import PsychRecord
    from healthgym.domains.psychiatry.symptoms import ALL_SYMPTOMS

    tools = DOMAIN.toolkit.tools
    for index in range(0, DOMAIN.n_tasks, 3):
        task = DOMAIN.task(index)
        r = PsychRecord.model_validate(task.hidden["record"])
        state = DOMAIN.new_state(task)
        text = " ".join(tools["interview_symptoms"](state, topic=t) for t in TOPICS)
        for key in r.symptoms:
            if key in ALL_SYMPTOMS:
                s = ALL_SYMPTOMS[key].text
                assert f"reports {s[0].lower() + s[1:]}" in text, (task.id, key)
        episodes = ([r.current_mood_episode] if r.current_mood_episode else []) + list(
            r.past_elevated_episodes
        )
        for e in episodes:
            assert f"for {e.duration_days} days the patient" in text
        assert text.count("the family had to step in") == sum(e.marked_impairment for e in episodes)
        history = " ".join(
            tools[n](state)
            for n in ("get_presentation", "get_psychiatric_history", "get_social_history")
        )
        if r.dangerousness:
            assert r.dangerousness in history
        if r.alcohol.withdrawal in ("seizure", "delirium_tremens"):
            assert "withdrawal seizure" in history or "delirium tremens" in history
        assert ("A firearm is kept at home" in history) == r.firearm_access
        screen = tools["administer_cssrs"](state)
        assert f"1. wished to be dead: {'yes' if r.cssrs.wish_to_be_dead else 'no'}" in screen
