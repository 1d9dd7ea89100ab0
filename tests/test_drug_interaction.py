"""drug_interaction: suite size, oracle/lazy/random bounds, determinism, leaks, env, CLI."""

from __future__ import annotations

import json
import re
import warnings
from functools import cache

import gymnasium as gym
from gymnasium.utils.env_checker import check_env
from typer.testing import CliRunner

import healthgym  # noqa: F401  (registers the environments)
from healthgym.agents import LazyPolicy, OraclePolicy, RandomToolPolicy
from healthgym.cli import app
from healthgym.clinical.drugs import drugs, group_members
from healthgym.clinical.drugs.model import is_avoid_text
from healthgym.clinical.text import normalize
from healthgym.domains import get_domain
from healthgym.domains.drug_interaction.tasks import TASK_TYPES
from healthgym.env import HealthGymEnv
from healthgym.runner import run_episode, run_suite, summarize
from healthgym.tools import ToolError, validate_arguments

DOMAIN = get_domain("drug_interaction")
TEST = DOMAIN.indices("test")
REASON_WORDS = {"beers": r"beers", "renal": r"crcl|egfr", "pregnancy": r"pregnan"}
VERDICTS = ("most severe", "approve", "reject", "deprescrib", "should be stopped", "safe for this")


@cache
def tasks() -> tuple:
    return tuple(DOMAIN.task(i) for i in range(DOMAIN.n_tasks))


@cache
def oracle_results() -> list[dict]:
    return list(run_suite(lambda d: OraclePolicy(), ["drug_interaction"], None))


def test_suite_size_types_and_tools():
    assert DOMAIN.n_tasks >= 400
    assert len(TEST) >= 80 and len(DOMAIN.indices("train")) >= 300
    assert len(DOMAIN.toolkit) >= 12
    counts = {t: sum(x.grader["task_type"] == t for x in tasks()) for t in TASK_TYPES}
    assert min(counts.values()) == DOMAIN.n_tasks // 5
    assert all(t.hidden["patient"]["medications"] for t in tasks())


def test_oracle_solves_every_task():
    results = oracle_results()
    assert len(results) == DOMAIN.n_tasks
    for r in results:
        c = r["reward_components"]
        assert c["accuracy"] == 1.0, (r["task_id"], c)
        assert r["reward"] >= 0.95, (r["task_id"], c)
        assert not c["violations"] and r["ended_by"] == "submitted"
    test_ids = {DOMAIN.task(i).id for i in TEST}
    assert len([r for r in results if r["task_id"] in test_ids]) == len(TEST)


def test_answers_are_varied():
    answers = {json.dumps(t.reference.answer, sort_keys=True) for t in tasks()}
    assert len(answers) >= 250
    severities = {
        t.grader.get("severity") for t in tasks() if t.grader["task_type"] == "most_severe"
    }
    assert severities == {"contraindicated", "major", "moderate"}
    decisions = [t.grader["decision"] for t in tasks() if t.grader["task_type"] == "order_review"]
    assert 0.25 < decisions.count("approve") / len(decisions) < 0.6


def test_lazy_policy_is_a_low_floor():
    results = list(run_suite(LazyPolicy.for_domain, ["drug_interaction"], "test"))
    s = summarize(results)["overall"]
    assert s["accuracy"] <= 0.3
    assert s["reward"] < summarize(oracle_results())["overall"]["reward"] - 0.3


def test_random_policy_runs_and_is_deterministic():
    a = list(run_suite(lambda d: RandomToolPolicy(seed=5), ["drug_interaction"], "test", 40))
    b = list(run_suite(lambda d: RandomToolPolicy(seed=5), ["drug_interaction"], "test", 40))
    strip = [{k: v for k, v in t.items() if k != "seconds"} for t in a]
    assert strip == [{k: v for k, v in t.items() if k != "seconds"} for t in b]
    assert summarize(a)["overall"]["accuracy"] <= 0.2


def test_same_seed_same_tasks_and_trajectories():
    hashes = [DOMAIN.task(i).content_hash() for i in range(0, DOMAIN.n_tasks, 7)]
    assert hashes == [t.content_hash() for t in tasks()[::7]]
    t1 = run_episode(HealthGymEnv("drug_interaction", split="test"), OraclePolicy(), TEST[0])
    t2 = run_episode(HealthGymEnv("drug_interaction", split="test"), OraclePolicy(), TEST[0])
    t1.pop("seconds"), t2.pop("seconds")
    assert t1 == t2


def test_check_env_passes():
    check_env(HealthGymEnv(domain="drug_interaction"), skip_render_check=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(gym.make("healthgym/DrugInteraction-v0", render_mode="ansi").unwrapped)
    assert [str(w.message) for w in caught] == []


def test_cli_oracle_run_reports_full_accuracy(tmp_path):
    out = tmp_path / "di"
    args = ["run", "--policy", "oracle", "--domains", "drug_interaction", "--split", "test"]
    r = CliRunner().invoke(app, [*args, "--out", str(out)])
    assert r.exit_code == 0, r.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["by_domain"]["drug_interaction"]["accuracy"] == 1.0


# ------------------------------------------------------------------------- leaks
#
# Rule (see healthgym.domains.drug_interaction.tasks): the prompt never names the answer,
# and no observation gives a verdict on the task's question.  Evidence about what a call
# named is allowed (e.g. the severity of the pair asked about).  Checked structurally:
#   (a) every severity shown is for a pair with a drug the call named (no tool scans the
#       regimen and ranks it), and screening the regimen always flags >= 2 candidate pairs;
#   (c) an observation that mentions an accepted alternative without being asked about it
#       also mentions a rejected one, and no find_alternatives view equals the answer set;
#   (d) an observation showing the answer band's dose for the drug shows every band;
#   (e) the reason to stop a drug (Beers, renal, pregnancy facts) is shown only for a drug
#       the call named;
#   all: no verdict words ("approve", "reject", "most severe", ...) in any observation.


def _mentions(text: str, name: str) -> bool:
    return f" {normalize(name)} " in f" {normalize(text)} "


def _probe_calls(task) -> list[tuple[str, dict]]:
    """Every tool with every argument that matters for this task."""
    p = task.hidden["patient"]
    regimen = [m["drug"] for m in p["medications"]]
    order = task.hidden["order"]
    focus = [*regimen, *([order] if order else [])]
    focus += [m for m in group_members(drugs()[order].group)] if order else []
    focus = list(dict.fromkeys(focus))
    avoid = regimen + [a["allergen"] for a in p["allergies"]]
    calls: list[tuple[str, dict]] = [
        (t.name, {}) for t in DOMAIN.toolkit if not t.terminal and not t._required
    ]
    calls += [(n, {"drugs": regimen}) for n in ("screen_interactions", "cyp_profile")]
    for d in focus:
        for name in ("drug_monograph", "renal_dose_adjustment", "hepatic_dose_adjustment"):
            calls.append((name, {"drug": d}))
        for name in ("check_allergy", "pregnancy_lactation_safety"):
            calls.append((name, {"drug": d}))
        calls.append(("check_interactions", {"drug": d, "others": regimen}))
        for name in ("screen_interactions", "cyp_profile", "qt_burden", "serotonergic_burden"):
            calls.append((name, {"drugs": [*regimen, d]}))
        calls += [("find_alternatives", {"drug": d, "avoid": a}) for a in avoid]
    calls += [
        ("check_interaction", {"drug_a": a, "drug_b": b})
        for i, a in enumerate(focus)
        for b in focus[i + 1 :]
    ]
    return [c for c in calls if c[0] in task.allowed_tools]


def _run(task, calls) -> list[tuple[str, dict, str]]:
    state = DOMAIN.new_state(task)
    for t in DOMAIN.toolkit:  # read the chart first: the calculators are gated on it
        if t.kind == "observe":
            t(state)
    out = []
    for name, args in calls:
        tool = DOMAIN.toolkit.get(name)
        try:
            text = tool(state, **validate_arguments(tool, args))
        except ToolError as e:
            text = str(e)
        out.append((name, args, text))
    return out


def _named(args: dict, name: str) -> bool:
    values = [x for v in args.values() for x in (v if isinstance(v, list) else [v])]
    return any(isinstance(v, str) and _mentions(v, name) for v in values)


def _single_named(args: dict, name: str) -> bool:
    """``name`` is a drug the call asked about by itself (not an item of a list)."""
    return any(isinstance(v, str) and _mentions(v, name) for v in args.values())


def _check_observation(task, name: str, args: dict, text: str) -> None:
    kind = task.grader["task_type"]
    low = text.lower()
    assert not any(v in low for v in VERDICTS), (task.id, name, text)
    regimen = [m["drug"] for m in task.hidden["patient"]["medications"]]
    if kind == "most_severe":
        lines = [ln for ln in text.splitlines() if "Severity:" in ln]
        pairs = [ln for ln in lines if sum(_mentions(ln, m) for m in regimen) >= 2]
        for ln in pairs:  # a severity only for a pair with a drug the call asked about
            assert any(_single_named(args, m) and _mentions(ln, m) for m in regimen), (
                task.id,
                name,
                args,
                ln,
            )
        if name == "screen_interactions" and sorted(args.get("drugs", [])) == sorted(regimen):
            assert text.count("\n- ") >= 2, (task.id, text)
    if kind == "alternative":  # a list of alternatives always includes a rejected one
        accepted, original = task.grader["accepted"], task.grader["original"]
        listed = {
            m
            for m in group_members(task.grader["group"])
            if m != original and _mentions(text, m) and not _named(args, m)
        }
        if listed & set(accepted) and len(listed) >= 2:
            assert listed - set(accepted), (task.id, name, text)
    if kind == "renal_dose":
        bands = drugs()[task.grader["drug"]].renal.bands
        dose = bands[task.grader["band"]].dose
        # an 'avoid'/'contraindicated' band is only a band where a renal table is printed
        # (the same word in a pregnancy rating says nothing about kidney function)
        renal_text = not is_avoid_text(dose) or re.search(r"CrCl|eGFR", text)
        if _mentions(text, task.grader["drug"]) and dose in text and renal_text:
            assert all(b.dose in text for b in bands), (task.id, name, text)
    if kind == "deprescribe":  # the reason is only shown for a drug the agent asked about
        target = task.grader["drug"]
        if not _single_named(args, target):
            for line in text.splitlines():
                if _mentions(line, target):
                    words = REASON_WORDS[task.grader["reason"]]
                    assert not re.search(words, line.lower()), (task.id, name, line)


def _clear_set(text: str, accepted: list[str]) -> set[str]:
    clear = set()
    for line in text.splitlines():
        m = re.match(r"- (.+?): ", line)
        if m and ("no interaction" in line or re.search(r"MODERATE|MINOR| class: no", line)):
            clear.add(m.group(1))
    return clear


def _check_prompt(task) -> None:
    kind, prompt = task.grader["task_type"], task.prompt
    p = task.hidden["patient"]
    regimen = [m["drug"] for m in p["medications"]] + [m["label"] for m in p["medications"]]
    if kind in ("most_severe", "deprescribe", "order_review"):
        assert not any(_mentions(prompt, m) for m in regimen), (task.id, prompt)
    if kind == "order_review":
        assert not any(_mentions(prompt, a["allergen"]) for a in p["allergies"])
    if kind == "alternative":
        others = [m for m in group_members(task.grader["group"]) if m != task.grader["original"]]
        assert not any(_mentions(prompt, m) for m in others), (task.id, prompt)
    if kind == "renal_dose":
        bands = drugs()[task.grader["drug"]].renal.bands
        assert not any(normalize(b.dose) in normalize(prompt) for b in bands), task.id


def test_no_observation_states_the_answer():
    for index, task in enumerate(tasks()):
        _check_prompt(task)
        if index % 2 and task.grader["task_type"] != "alternative":
            continue  # exhaustive probing on half the suite, every alternative task
        for name, args, text in _run(task, _probe_calls(task)):
            _check_observation(task, name, args, text)
        if task.grader["task_type"] == "alternative":
            views = [
                _clear_set(text, task.grader["accepted"])
                for name, args, text in _run(
                    task,
                    [
                        ("find_alternatives", {"drug": task.grader["original"], "avoid": a})
                        for a in _probe_calls(task)[0:0]
                        + [m["drug"] for m in task.hidden["patient"]["medications"]]
                        + [a["allergen"] for a in task.hidden["patient"]["allergies"]]
                    ],
                )
            ]
            assert views and all(v != set(task.grader["accepted"]) for v in views), task.id


def test_oracle_trajectories_do_not_leak_before_submission():
    by_id = {t.id: t for t in tasks()}
    for r in oracle_results():
        task = by_id[r["task_id"]]
        for turn in r["turns"][:-1]:
            call = json.loads(
                turn["action"].removeprefix("<tool_call>").removesuffix("</tool_call>")
            )
            _check_observation(task, call["name"], call["arguments"], turn["observation"])


def test_reset_observation_and_info_hide_the_answer():
    env = HealthGymEnv("drug_interaction", split=None)
    preambles: dict[str, set[str]] = {}
    for index in range(0, DOMAIN.n_tasks, 9):
        obs, info = env.reset(options={"index": index})
        task = env.task
        before, prompt, after = obs.partition(task.prompt)
        assert prompt
        preambles.setdefault(task.grader["task_type"], set()).add(before + after)
        assert set(info) == {"task_id", "domain", "split", "max_turns", "tools"}
        names = {t["function"]["name"] for t in info["tools"]}
        assert {"check_interactions", "screen_interactions"} <= names
        assert not {"check_regimen", "screen_regimen"} & names
    assert all(len(v) == 1 for v in preambles.values())
