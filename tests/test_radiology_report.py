"""radiology_report: suite size, oracle/lazy/random bounds, leaks, determinism, gym, CLI."""

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
from healthgym.domains import get_domain
from healthgym.domains.radiology_report.rule_tools import RULE_TOOLS
from healthgym.domains.radiology_report.tools_record import RECORD_TOOLS
from healthgym.domains.radiology_report.vocab import FOLLOW_UP_TEXT, SYSTEMS
from healthgym.env import HealthGymEnv
from healthgym.runner import run_episode, run_suite, summarize
from healthgym.tools import parse_action

NAME = "radiology_report"
DOMAIN = get_domain(NAME)
TEST = DOMAIN.indices("test")
RECORD = {t.name for t in RECORD_TOOLS}
RULES = {t.name for t in RULE_TOOLS}
# what no record tool, prompt or reset info may say: a category, a system's verdict, a
# critical diagnosis by name, a management recommendation
FORBIDDEN = re.compile(
    r"\bTR\s*-?\s*[1-5]\b|ti-?rads|bi-?rads|bosniak|fleischner|"
    r"\bclass\s+(?:IIF|III|IV|II|I)\b|probably benign|suspicious|highly suggestive|"
    r"embol|pneumothora|pneumoperitoneum|free air|free gas|dissection|"
    r"haemorrhage|hemorrhage|haematoma|hematoma|bleed|"
    r"<6 mm|6-8 mm|>8 mm|>=6 mm",
    re.I,
)
RECOMMENDATIONS = [t.lower() for t in FOLLOW_UP_TEXT.values()] + list(FOLLOW_UP_TEXT)


def leaks(text: str) -> list[str]:
    low = text.lower()
    found = [m.group(0) for m in FORBIDDEN.finditer(text)]
    return found + [r for r in RECOMMENDATIONS if r.lower() in low]


@cache
def oracle_results() -> list[dict]:
    return list(run_suite(lambda d: OraclePolicy(), [NAME], "test"))


def test_suite_size_splits_and_coverage():
    assert DOMAIN.n_tasks >= 500 and len(DOMAIN.toolkit) >= 12
    assert len(TEST) >= 90 and len(DOMAIN.indices("train")) >= 380
    tasks = [DOMAIN.task(i) for i in range(DOMAIN.n_tasks)]
    cats = Counter((t.grader["system"], t.grader["category"]) for t in tasks)
    assert {s for s, _ in cats} == set(SYSTEMS)
    assert {c for s, c in cats if s == "acr_tirads"} == {"TR1", "TR2", "TR3", "TR4", "TR5"}
    assert {c for s, c in cats if s == "birads"} == set("0123456")
    assert {c for s, c in cats if s == "bosniak_2019"} == {"I", "II", "IIF", "III", "IV"}
    assert {c for s, c in cats if s == "fleischner_2017"} == {"<6 mm", "6-8 mm", ">8 mm", ">=6 mm"}
    assert {t.grader["follow_up"] for t in tasks} >= set(FOLLOW_UP_TEXT) - {
        "ct_3_6_months_persistent_highly_suspicious"
    }
    critical = Counter(t.grader["critical_finding"] for t in tasks)
    assert len(critical) == 6 and min(critical.values()) >= 5
    assert sum(t.grader["growth_mm"] is not None for t in tasks) >= 30
    assert max(len(t.reference.calls) for t in tasks) <= 18  # within the 20-turn limit


def test_oracle_solves_every_test_task():
    results = oracle_results()
    assert len(results) == len(TEST)
    for r in results:
        c = r["reward_components"]
        assert c["accuracy"] == 1.0, (r["task_id"], c)
        assert r["reward"] >= 0.95, (r["task_id"], c)
        assert not c["violations"] and all(c["details"]["coherence"].values())


def test_lazy_policy_is_a_low_floor():
    results = list(run_suite(LazyPolicy.for_domain, [NAME], "test"))
    s = summarize(results)["overall"]
    assert s["accuracy"] <= 0.3
    assert s["reward"] < summarize(oracle_results())["overall"]["reward"] - 0.3
    assert s["critical_capped"] > 0  # it never communicates a critical finding


def test_random_policy_runs_and_is_deterministic():
    a = list(run_suite(lambda d: RandomToolPolicy(seed=5), [NAME], "test", 40))
    b = list(run_suite(lambda d: RandomToolPolicy(seed=5), [NAME], "test", 40))
    strip = [{k: v for k, v in t.items() if k != "seconds"} for t in a]
    assert strip == [{k: v for k, v in t.items() if k != "seconds"} for t in b]
    assert summarize(a)["overall"]["accuracy"] <= 0.2


def test_same_seed_same_tasks_and_trajectories():
    hashes = [DOMAIN.task(i).content_hash() for i in range(0, DOMAIN.n_tasks, 13)]
    assert hashes == [DOMAIN.task(i).content_hash() for i in range(0, DOMAIN.n_tasks, 13)]
    assert len(set(hashes)) == len(hashes)
    t1 = run_episode(HealthGymEnv(domain=NAME, split="test"), OraclePolicy(), TEST[0])
    t2 = run_episode(HealthGymEnv(domain=NAME, split="test"), OraclePolicy(), TEST[0])
    t1.pop("seconds"), t2.pop("seconds")
    assert t1 == t2


# ------------------------------------------------------------------------- leaks


def test_leak_detector_catches_answers():
    for text in (
        "ACR TI-RADS TR4",
        "BI-RADS 0",
        "Bosniak IIF",
        "Fleischner category 6-8 mm",
        "CT at 6-12 months, then CT at 18-24 months.",
        "acute pulmonary embolism",
        "small left pneumothorax",
        "subdural haematoma",
        "Stanford A aortic dissection",
        "free air under the diaphragm",
    ):
        assert leaks(text), text
    assert not leaks("Long axis 9 mm, short axis 5 mm; margin smooth.")


def test_critical_findings_fit_the_examination():
    exams = {
        "pulmonary_embolism": ("angiogram",),
        "intracranial_haemorrhage": ("CT head",),
        "pneumoperitoneum": ("abdomen",),
        "aortic_dissection": ("angiogram", "abdomen"),
        "pneumothorax": ("chest", "angiogram"),
    }
    for index in range(DOMAIN.n_tasks):
        task = DOMAIN.task(index)
        critical = task.grader["critical_finding"]
        if critical != "none":
            exam = task.hidden["study"]["exam"]
            assert any(word in exam for word in exams[critical]), (task.id, exam)
            assert task.safety[0].severity == "critical"


def test_record_tools_never_state_a_category_or_critical_diagnosis():
    """Every record tool on every task (every finding described) returns raw findings."""
    for index in range(DOMAIN.n_tasks):
        task = DOMAIN.task(index)
        assert not leaks(task.prompt), task.id
        state = DOMAIN.new_state(task)
        outs = [DOMAIN.toolkit.get(n)(state) for n in sorted(RECORD - {"describe_finding"})]
        describe = DOMAIN.toolkit.get("describe_finding")
        outs += [describe(state, f.id) for f in state.study.findings]
        for out in outs:
            assert not leaks(out), (task.id, leaks(out), out)


def test_rule_tools_are_functions_of_their_arguments_only():
    """The reference rule-tool call gives the same text on its own task's state, on
    another task's state and on no state at all; the template is the same for all."""
    other = DOMAIN.new_state(DOMAIN.task(1))
    template = DOMAIN.toolkit.get("get_report_template")
    for index in range(DOMAIN.n_tasks):
        task = DOMAIN.task(index)
        mine = DOMAIN.new_state(task)
        for call in task.reference.calls:
            if call.name in RULES:
                tool = DOMAIN.toolkit.get(call.name)
                out = tool(mine, **call.arguments)
                assert out == tool(other, **call.arguments) == tool(None, **call.arguments)
        system = task.grader["system"]
        assert template(mine, system) == template(other, system)


def test_oracle_trajectories_reveal_nothing_before_the_agent_computes_it():
    for r in oracle_results():
        task = DOMAIN.task(r["task_id"])
        for turn in r["turns"]:
            (call,) = parse_action(turn["action"]).calls
            if call.name in RECORD:
                assert not leaks(turn["observation"]), (task.id, turn)
            elif call.name in RULES:  # what the agent's own arguments imply
                out = DOMAIN.toolkit.get(call.name)(None, **call.arguments)
                assert turn["observation"] == f"[{call.name}] {out}"


def test_reset_info_and_observation_hide_the_answer():
    env = HealthGymEnv(domain=NAME, split=None)
    preambles, tool_sets = set(), set()
    for index in range(0, DOMAIN.n_tasks, 7):
        obs, info = env.reset(options={"index": index})
        assert env.task is not None
        preamble, prompt, rest = obs.partition(env.task.prompt)
        assert prompt and not leaks(prompt)
        preambles.add(preamble + rest)
        tool_sets.add(json.dumps(info.pop("tools")))
        assert not leaks(json.dumps(info))
    assert len(preambles) == 1 and len(tool_sets) == 1


# --------------------------------------------------------------- gym and the CLI


def test_check_env_passes():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(gym.make(healthgym.env_id(NAME), render_mode="ansi").unwrapped)
    assert [str(w.message) for w in caught] == []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(HealthGymEnv(domain=NAME))
    assert all("spec" in str(w.message) for w in caught)


def test_cli_oracle_run_reports_full_accuracy(tmp_path):
    out = tmp_path / NAME
    args = ["run", "--policy", "oracle", "--domains", NAME, "--split", "test", "--out", str(out)]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output
    summary = json.loads((out / "summary.json").read_text())
    d = summary["by_domain"][NAME]
    assert d["episodes"] == len(TEST) and d["accuracy"] == 1.0
