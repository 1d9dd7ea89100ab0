"""triage_emergency suite: size, oracle/lazy/random bounds, determinism, leaks, gym, CLI."""

from __future__ import annotations

import itertools
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
from healthgym.domains import get_domain
from healthgym.domains.triage_emergency import truth as T
from healthgym.domains.triage_emergency.reference import MAX_REFERENCE_CALLS
from healthgym.domains.triage_emergency.tasks import SCENARIO_KEYS
from healthgym.domains.triage_emergency.vocab import DISPOSITIONS, ORDERS
from healthgym.env import HealthGymEnv
from healthgym.patients import esi as E
from healthgym.runner import run_episode, run_suite, summarize
from healthgym.tools import ToolError, validate_arguments

NAME = "triage_emergency"
DOMAIN = get_domain(NAME)
TEST = DOMAIN.indices("test")


@cache
def all_tasks() -> list:
    return [DOMAIN.task(i) for i in range(DOMAIN.n_tasks)]


@cache
def oracle_results() -> list[dict]:
    return list(run_suite(lambda d: OraclePolicy(), [NAME], "test"))


def test_suite_size_kinds_ages_and_levels():
    tasks = all_tasks()
    assert DOMAIN.n_tasks >= 400 and len(TEST) >= 100
    assert len(DOMAIN.toolkit) >= 12
    kinds = Counter(t.grader["kind"] for t in tasks)
    assert set(kinds) == {"single", "queue", "mci"}
    assert {t.grader["kind"] for t in tasks if t.split == "test"} == set(kinds)
    singles = [t for t in tasks if t.grader["kind"] == "single"]
    levels = Counter(t.grader["esi"] for t in singles)
    assert set(levels) == {1, 2, 3, 4, 5}
    assert max(levels.values()) / len(singles) <= 0.3, levels
    assert {t.grader["esi"] for t in singles if t.split == "test"} == {1, 2, 3, 4, 5}
    assert {t.grader["scenario"] for t in singles} == set(SCENARIO_KEYS)
    ages = [p["age_days"] for t in tasks for p in t.hidden.get("patients", [])]
    assert min(ages) <= 28 and max(ages) >= 85 * 365  # neonates to the elderly
    cats = Counter(
        c for t in tasks if t.grader["kind"] == "mci" for c in t.grader["categories"].values()
    )
    assert set(cats) == {"immediate", "delayed", "minor", "expectant"}


def test_every_reference_fits_the_turn_budget_and_the_oracle_solves_every_task():
    assert all(len(t.reference.calls) <= MAX_REFERENCE_CALLS for t in all_tasks())
    results = list(run_suite(lambda d: OraclePolicy(), [NAME], None))
    assert len(results) == DOMAIN.n_tasks
    for r in results:
        c = r["reward_components"]
        assert c["accuracy"] == 1.0 and r["reward"] >= 0.95, (r["task_id"], c)
        assert not c["violations"] and c["coherence"] == 1.0, r["task_id"]


def test_oracle_on_the_test_split():
    results = oracle_results()
    assert len(results) == len(TEST)
    s = summarize(results)["overall"]
    assert s["accuracy"] == 1.0 and s["reward"] >= 0.95 and s["critical_capped"] == 0


def test_ground_truth_invariants():
    """Coherent patients: P/U responsiveness always needs airway support, V is new
    lethargy, every activation patient is emergent; the queue tie rule matters;
    paediatric danger-zone vitals up-triage two-resource children from 3 to 2."""
    up_triaged_children = 0
    tie_decided_by_danger = 0
    for task in all_tasks():
        state = DOMAIN.new_state(task)
        for p in state.patients.values():
            esi = E.true_esi(p)
            if E.avpu(p) in ("P", "U"):  # unresponsive: airway support is life-saving
                assert "airway_support" in p.lsi, (task.id, p.scenario)
            if E.avpu(p) == "V":  # lethargy is new (ESI decision point B)
                assert p.new_confusion, (task.id, p.scenario)
            if esi >= 3:  # stable adults with an infection screen negative for sepsis
                assert not T.activations(p), (task.id, p.scenario)
            if T.activations(p):
                assert esi <= 2, (task.id, p.scenario)
            if E.esi_result(p).interpretation.endswith("up-triaged") and not p.adult:
                up_triaged_children += 1
        if task.grader["kind"] == "queue":
            g = task.grader
            order = g["order"]
            assert [g["esi"][x] for x in order] == sorted(g["esi"].values())
            tie_decided_by_danger += any(
                g["esi"][a] == g["esi"][b] and g["danger"][a] != g["danger"][b]
                for a, b in itertools.pairwise(order)
            )
    assert up_triaged_children >= 20 and tie_decided_by_danger >= 20


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
    hashes = [t.content_hash() for t in all_tasks()]
    assert hashes == [DOMAIN.task(i).content_hash() for i in range(DOMAIN.n_tasks)]
    assert len(set(hashes)) == len(hashes)
    for index in TEST[:3]:
        t1 = run_episode(HealthGymEnv(domain=NAME, split="test"), OraclePolicy(), index)
        t2 = run_episode(HealthGymEnv(domain=NAME, split="test"), OraclePolicy(), index)
        t1.pop("seconds"), t2.pop("seconds")
        assert t1 == t2


# ------------------------------------------------------------------------- leaks

LEVEL = re.compile(r"\b(?:esi|level|triage)\s*(?:level\s*)?[1-5]\b", re.IGNORECASE)
CARE_AREAS = [k.replace("_", " ") for k in DISPOSITIONS] + ["resus", "fast-track"]
ORDER_WORDS = [k.replace("_", " ") for k in ORDERS if k not in ("oxygen", "analgesia")] + [
    "code stroke",
    "stroke team",
    "cath lab",
    "catheterisation laboratory",
    "sepsis pathway",
    "trauma team",
    "one-to-one",
]
ANSWER_WORDS = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in CARE_AREAS + ORDER_WORDS) + r")\b", re.IGNORECASE
)
MCI_WORDS = re.compile(
    r"\b(immediate\w*|delayed|minor|expectant|deceased|dead|red|yellow|green|black)\b",
    re.IGNORECASE,
)


def _clean(text: str) -> str:
    return text.replace("_", " ")


def _tool_outputs(task) -> dict[str, str]:
    """Every tool (except the submission) on every patient / casualty of the task."""
    state = DOMAIN.new_state(task)
    out: dict[str, str] = {}

    def run(name: str, **args) -> None:
        t = DOMAIN.toolkit.get(name)
        try:
            out[f"{name}{sorted(args.items())}"] = t(state, **validate_arguments(t, args))
        except ToolError as e:
            out[f"{name}{sorted(args.items())}"] = str(e)

    ids = list(state.patients) or ["P1"]
    for pid in ids:
        for t in DOMAIN.toolkit:
            props = t.parameters["properties"]
            if t.terminal or set(props) != {"patient_id"}:
                continue
            run(t.name, patient_id=pid)
        for test in ("glucose", "troponin", "lactate", "urine_hcg"):
            run("point_of_care_test", patient_id=pid, test=test)
        run("calculate_heart_score", patient_id=pid, history="highly", ecg="normal")
    for cid in list(state.casualties) or ["C1"]:
        run("mci_assess_casualty", casualty_id=cid)
    return out


def test_no_tool_output_or_prompt_states_the_answer():
    """On every task, every tool's output (each patient, each casualty) and the
    task-specific part of the prompt: no ESI level statement, no care-area name, no
    order or activation name, and (mass casualty) no category word or tag colour.
    The protocol texts are checked to be the same for every task."""
    protocols = {}
    for task in all_tasks():
        kind = task.grader["kind"]
        specific = task.prompt.split(" Assess ")[0] if kind != "mci" else task.prompt
        if kind == "mci":
            specific = specific.split(" Triage each one")[0]
        texts = [specific, *_tool_outputs(task).values()]
        for text in texts:
            assert not LEVEL.search(text), (task.id, text)
            found = ANSWER_WORDS.search(_clean(text))
            assert not found, (task.id, found.group(0), text)
            if kind == "mci":
                found = MCI_WORDS.search(text)
                assert not found, (task.id, found.group(0), text)
        state = DOMAIN.new_state(task)
        tool = DOMAIN.toolkit.get("lookup_protocol")
        for name in tool.parameters["properties"]["protocol"]["enum"]:
            protocols.setdefault(name, set()).add(tool(state, protocol=name))
    assert all(len(v) == 1 for v in protocols.values())


def test_no_observation_before_submission_states_the_answer():
    """Over the oracle trajectories of every test task: what the agent sees before it
    submits (except the constant protocol texts) carries no answer."""
    for r in oracle_results():
        kind = DOMAIN.task(r["task_id"]).grader["kind"]
        for turn in r["turns"][:-1]:
            if '"lookup_protocol"' in turn["action"]:
                continue
            obs = turn["observation"]
            assert not LEVEL.search(obs), (r["task_id"], obs)
            assert not ANSWER_WORDS.search(_clean(obs)), (r["task_id"], obs)
            if kind == "mci":
                assert not MCI_WORDS.search(obs), (r["task_id"], obs)


def test_reset_info_and_observation_hide_the_answer():
    """The reset observation is a constant preamble plus the task's prompt; the info
    dict holds no answer."""
    env = HealthGymEnv(domain=NAME, split=None)
    preambles, tool_sets = set(), set()
    for index in range(0, DOMAIN.n_tasks, 17):
        obs, info = env.reset(options={"index": index})
        assert env.task is not None
        preamble, prompt, rest = obs.partition(env.task.prompt)
        assert prompt
        preambles.add(preamble + rest)
        tool_sets.add(json.dumps(info.pop("tools")))
        assert set(info) == {"task_id", "domain", "split", "max_turns"}
        assert not LEVEL.search(json.dumps(info))
    assert len(preambles) == 1 and len(tool_sets) == 1


# --------------------------------------------------------------- gym and the CLI


def test_check_env_passes_without_warnings():
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
