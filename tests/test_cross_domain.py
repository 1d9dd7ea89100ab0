"""cross_domain suite: size, oracle/lazy/random bounds, determinism, leaks, gym, CLI."""

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
from healthgym.clinical.text import normalize
from healthgym.domains import get_domain
from healthgym.domains.cross_domain.clock import ACTION_TOOLS
from healthgym.domains.cross_domain.diagnoses import phrases_of
from healthgym.domains.cross_domain.pathways import PATHWAY_ORDER, PATHWAYS
from healthgym.domains.cross_domain.tools import REUSED, TOOL_NAMES
from healthgym.env import HealthGymEnv
from healthgym.runner import run_episode, run_suite, summarize
from healthgym.tools import ToolError, validate_arguments
from healthgym.tools.shared import shared_tool_names

NAME = "cross_domain"
DOMAIN = get_domain(NAME)
TEST = DOMAIN.indices("test")
ESI = re.compile(r"\besi\s*(level\s*)?[1-5]\b", re.IGNORECASE)


@cache
def all_tasks() -> list:
    return [DOMAIN.task(i) for i in range(DOMAIN.n_tasks)]


@cache
def oracle_results(split: str | None = "test") -> list[dict]:
    return list(run_suite(lambda d: OraclePolicy(), [NAME], split))


def test_suite_size_splits_and_balance():
    assert DOMAIN.n_tasks >= 360
    assert len(TEST) >= 60 and len(DOMAIN.indices("train")) >= 280
    by_pathway = Counter(t.grader["pathway"] for t in all_tasks())
    assert set(by_pathway) == set(PATHWAYS) and len(set(by_pathway.values())) == 1
    assert {t.grader["pathway"] for t in all_tasks() if t.split == "test"} == set(PATHWAYS)
    assert len(DOMAIN.toolkit) >= 40


def test_every_reference_fits_the_default_turn_limit():
    assert max(len(t.reference.calls) for t in all_tasks()) <= 19  # runner default: 20 turns


def test_oracle_solves_every_task_with_every_phase_perfect():
    results = oracle_results(None)
    assert len(results) == DOMAIN.n_tasks
    for r in results:
        c = r["reward_components"]
        assert c["accuracy"] == 1.0, (r["task_id"], c["details"]["phases"])
        assert r["reward"] >= 0.95, (r["task_id"], c)
        assert not c["violations"] and c["coherence"] == 1.0, (r["task_id"], c)
        phases = c["details"]["phases"]
        assert phases and all(p["score"] == 1.0 for p in phases.values())


def test_oracle_on_the_test_split_and_coverage():
    results = oracle_results("test")
    assert len(results) == len(TEST)
    assert all(r["reward_components"]["accuracy"] == 1.0 for r in results)
    variants = {(t.grader["pathway"], t.grader["variant"]) for t in all_tasks()}
    seen = {
        (r["reward_components"]["details"]["pathway"], r["reward_components"]["details"]["variant"])
        for r in oracle_results(None)
    }
    assert seen == variants and len(variants) >= 18


def test_decisions_vary_within_each_pathway():
    """No pathway is answerable by a constant: its key decisions take several values."""
    by: dict[str, Counter] = {}
    for t in all_tasks():
        e = t.grader["expect"]
        key = tuple(
            str(e.get(k))
            for k in (
                "esi",
                "destination",
                "heart",
                "nihss",
                "potassium",
                "transfuse",
                "gbs",
                "escalation",
                "source",
            )
        )
        actions = tuple(
            (c.name, json.dumps(c.arguments, sort_keys=True))
            for c in t.reference.calls
            if c.name in ACTION_TOOLS
        )
        by.setdefault(t.grader["pathway"], Counter())[(key, actions)] += 1
    for pathway, counter in by.items():
        assert len(counter) >= 8, pathway
        assert counter.most_common(1)[0][1] <= 0.5 * sum(counter.values()), pathway


def test_lazy_policy_is_a_low_floor():
    results = list(run_suite(LazyPolicy.for_domain, [NAME], "test"))
    s = summarize(results)["overall"]
    assert s["accuracy"] <= 0.3
    assert s["accuracy"] <= 0.15  # in practice: only the handover diagnosis of one pathway
    assert s["reward"] < summarize(oracle_results())["overall"]["reward"] - 0.4


def test_random_policy_runs_and_is_deterministic():
    a = list(run_suite(lambda d: RandomToolPolicy(seed=5), [NAME], "test", 30))
    b = list(run_suite(lambda d: RandomToolPolicy(seed=5), [NAME], "test", 30))
    strip = [{k: v for k, v in t.items() if k != "seconds"} for t in a]
    assert strip == [{k: v for k, v in t.items() if k != "seconds"} for t in b]
    assert summarize(a)["overall"]["accuracy"] <= 0.3


def test_same_seed_same_tasks_and_trajectories():
    hashes = [DOMAIN.task(i).content_hash() for i in range(0, DOMAIN.n_tasks, 7)]
    assert hashes == [DOMAIN.task(i).content_hash() for i in range(0, DOMAIN.n_tasks, 7)]
    assert len(set(hashes)) == len(hashes)
    for index in TEST[:6]:
        t1 = run_episode(HealthGymEnv(domain=NAME, split="test"), OraclePolicy(), index)
        t2 = run_episode(HealthGymEnv(domain=NAME, split="test"), OraclePolicy(), index)
        t1.pop("seconds"), t2.pop("seconds")
        assert t1 == t2


def test_tasks_are_well_formed():
    names = set(DOMAIN.toolkit.tools)
    for t in all_tasks():
        assert t.allowed_tools == TOOL_NAMES
        assert all(c.name in names for c in t.reference.calls)
        assert t.reference.calls[-1].name == "submit_pathway"
        assert t.reference.answer == t.reference.calls[-1].arguments
        assert t.grader["phases"] and set(t.grader["phases"]) <= set(
            PATHWAYS[t.grader["pathway"]].phase_keys
        )
        for c in t.reference.calls:
            validate_arguments(DOMAIN.toolkit.tools[c.name], c.arguments)


# ------------------------------------------------------------------------- leaks


def _leak_pattern(task) -> re.Pattern[str]:
    phrases = {p for key in task.grader["accepted"] for p in phrases_of(key)}
    phrases = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b")


# tools whose output does not depend on the episode (references, calculators, and the
# knowledge-base tools every domain is offered); the action tools, which repeat the
# agent's own arguments back (its decisions), are left out of the sweep too
STATELESS = {
    "lookup_protocol",
    "drug_monograph",
    "check_interaction",
    "calc_renal_function",
    "calc_body_size",
}


def _sweep_calls() -> list[tuple[str, dict]]:
    calls = []
    for t in DOMAIN.toolkit:
        if t.terminal or t.name in STATELESS | shared_tool_names() or t.name in ACTION_TOOLS:
            continue
        props = t.parameters["properties"]
        if "patient_id" in props:
            calls.append((t.name, {"patient_id": "P1"}))
        elif len(props) == 1 and "enum" in next(iter(props.values())):
            ((k, s),) = props.items()
            calls += [(t.name, {k: v}) for v in s["enum"]]
        elif t.name == "check_allergy":
            calls += [(t.name, {"drug": d}) for d in ("ceftriaxone", "levofloxacin", "heparin")]
        elif t.name == "calculate_nihss":
            calls.append((t.name, dict.fromkeys(props, 1)))
        else:
            args = {}
            for k in t.parameters["required"]:
                schema = props[k]
                args[k] = schema["enum"][0] if "enum" in schema else schema["type"] == "boolean"
            calls.append((t.name, args))
    return calls


def test_no_tool_output_names_a_hidden_answer():
    """Every state-reading tool with every enum value on a third of the tasks: no output
    names the task's accepted diagnoses (any synonym) or an ESI level."""
    calls = _sweep_calls()
    assert len(calls) > 80
    for index in range(0, DOMAIN.n_tasks, 3):
        task = DOMAIN.task(index)
        pattern = _leak_pattern(task)
        state = DOMAIN.new_state(task)
        for name, args in calls:
            t = DOMAIN.toolkit.get(name)
            assert t is not None
            try:
                out = t(state, **validate_arguments(t, args))
            except ToolError as e:
                out = str(e)
            if name.startswith("calculate_"):
                out = out.split(":", 1)[1]  # the score's own name is constant
            found = pattern.search(normalize(re.sub(r"\w+_\w+", " ", out)))
            assert not found, (task.id, name, args, found and found.group(0), out)
            assert not ESI.search(out), (task.id, name, out)


def test_no_reference_trajectory_observation_names_a_hidden_answer():
    """Every observation of every oracle episode before the submission (all tasks)."""
    env = HealthGymEnv(domain=NAME, split=None, max_turns=30)
    for index in range(DOMAIN.n_tasks):
        traj = run_episode(env, OraclePolicy(), index)
        assert env.task is not None
        pattern = _leak_pattern(env.task)
        for turn in traj["turns"][:-1]:
            obs = turn["observation"]
            found = pattern.search(normalize(re.sub(r"\w+_\w+", " ", obs)))
            assert not found, (env.task.id, turn["action"], found and found.group(0))
            if "assign_triage_level" not in turn["action"]:
                assert not ESI.search(obs), (env.task.id, obs)


def test_prompts_and_reset_hide_the_answer():
    """The reset observation is the domain's constant preamble plus the task prompt, whose
    phase list is the same for every patient of a pathway."""
    env = HealthGymEnv(domain=NAME, split=None)
    preambles, tool_sets = set(), set()
    phase_lists: dict[str, set[str]] = {}
    for index in range(DOMAIN.n_tasks):
        task = all_tasks()[index]
        assert not _leak_pattern(task).search(normalize(task.prompt)), task.id
        assert not ESI.search(task.prompt)
        phase_lists.setdefault(task.grader["pathway"], set()).add(task.prompt.split("Pathway:")[1])
        if index % 15:
            continue
        obs, info = env.reset(options={"index": index})
        preamble, prompt, rest = obs.partition(task.prompt)
        assert prompt
        preambles.add(preamble + rest)
        tool_sets.add(json.dumps(info.pop("tools")))
        assert not _leak_pattern(task).search(normalize(json.dumps(info)))
    assert len(preambles) == 1 and len(tool_sets) == 1
    assert all(len(v) == 1 for v in phase_lists.values())


def test_reused_tools_are_the_other_domains_tools():
    """A reused tool is the other domain's own Tool object, and the wrapped version keeps
    its name, description and schema (it is one tool, counted once)."""
    from healthgym.domains.clinical_diagnosis import tools as cd
    from healthgym.domains.cross_domain import tools as mine
    from healthgym.domains.drug_interaction import tools as di
    from healthgym.domains.triage_emergency import tools as te
    from healthgym.tools.calculators import CALCULATOR_TOOLS

    others = [*cd.ALL_TOOLS, *di.ALL_TOOLS, *CALCULATOR_TOOLS, *te.ALL_TOOLS]
    reused = [
        t
        for t in (*mine.RECORD_TOOLS, *mine.TRIAGE_TOOLS, *mine.SCORE_TOOLS, *mine.REFERENCE_TOOLS)
        if t.name in REUSED
    ]
    assert len(reused) == len(REUSED) >= 25
    for original in reused:
        assert any(original is o for o in others), original.name
        wrapped = DOMAIN.toolkit.get(original.name)
        assert wrapped is not None and wrapped.schema == original.schema


# --------------------------------------------------------------- gym and the CLI


def test_check_env_passes():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(gym.make(healthgym.env_id(NAME), render_mode="ansi").unwrapped)
    assert [str(w.message) for w in caught] == []
    check_env(HealthGymEnv(domain=NAME), skip_render_check=True)


def test_cli_oracle_run_reports_full_accuracy(tmp_path):
    out = tmp_path / NAME
    args = ["run", "--policy", "oracle", "--domains", NAME, "--split", "test"]
    r = CliRunner().invoke(app, [*args, "--out", str(out)])
    assert r.exit_code == 0, r.output
    summary = json.loads((out / "summary.json").read_text())
    d = summary["by_domain"][NAME]
    assert d["episodes"] == len(TEST) and d["accuracy"] == 1.0


def test_pathway_order_matches_task_indices():
    for t in all_tasks()[:12]:
        assert t.grader["pathway"] == PATHWAY_ORDER[t.index % len(PATHWAY_ORDER)]
