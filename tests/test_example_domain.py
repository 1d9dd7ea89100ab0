"""docs/adding-a-domain.md, followed: an external domain works with no edits outside its folder.

``tests/fixtures/example_domain`` is a distribution of its own (``pyproject.toml`` plus
the package ``healthgym_example_bmi``: adult BMI classification by the WHO classes).  The
tests "install" it without pip: a ``<name>.dist-info`` with the ``entry_points.txt`` its
``pyproject.toml`` declares is written to a temporary site directory, which goes on
``sys.path`` with the fixture folder; :func:`healthgym.domains.rediscover` then finds the
domain through the ``healthgym.domains`` entry point group, as it would after
``pip install tests/fixtures/example_domain``.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from healthgym.agents.baselines import LazyPolicy, OraclePolicy
from healthgym.agents.factory import AgentOptions, make_agent
from healthgym.domains import (
    ENTRY_POINT_GROUP,
    domain_modules,
    domain_names,
    get_domain,
    rediscover,
    resolve_domains,
)
from healthgym.domains.base import Domain
from healthgym.env import HealthGymEnv
from healthgym.lint import lint_suite
from healthgym.lint.tool_facts import tool_fact_traceable
from healthgym.rollout import episode_specs, rollout
from healthgym.runner import summarize
from healthgym.suite import STRIDE, generate_tasks
from healthgym.tasks import task_id
from healthgym.tools.parse import format_hermes

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pytest depends on tomli there
    import tomli as tomllib

FIXTURE = Path(__file__).parent / "fixtures" / "example_domain"
PACKAGE = "healthgym_example_bmi"
NAME = "example_bmi"
SHAPE = ("__init__", "records", "tools", "tasks", "grading")
# the public shared layers a domain may import (docs/adding-a-domain.md)
ALLOWED = (
    "healthgym.clinical",
    "healthgym.patients",
    "healthgym.tools",
    "healthgym.rewards",
    "healthgym.knowledge",
    "healthgym.tasks",
    "healthgym.episode",
    "healthgym.domains.base",
)


def write_dist_info(site: Path) -> Path:
    """The ``.dist-info`` that ``pip install`` of the fixture would write (the parts
    :mod:`importlib.metadata` reads: METADATA and entry_points.txt)."""
    project = tomllib.loads((FIXTURE / "pyproject.toml").read_text())["project"]
    name, version = project["name"], project["version"]
    dist = site / f"{name.replace('-', '_')}-{version}.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    lines: list[str] = []
    for group, points in project["entry-points"].items():
        lines += [f"[{group}]", *(f"{k} = {v}" for k, v in points.items()), ""]
    (dist / "entry_points.txt").write_text("\n".join(lines), encoding="utf-8")
    return dist


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The fixture distribution, installed for this module; uninstalled afterwards."""
    path = tmp_path_factory.mktemp("site")
    write_dist_info(path)
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(FIXTURE))
        mp.syspath_prepend(str(path))
        rediscover()
        yield path
    for module in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
        del sys.modules[module]
    importlib.invalidate_caches()
    rediscover()
    assert NAME not in domain_names()


@pytest.fixture(scope="module")
def domain(site: Path) -> Domain:
    return get_domain(NAME)


def _episode(env: HealthGymEnv, index: int, actions: list[str]) -> dict[str, Any]:
    """Play ``actions`` on task ``index``; the final step's info."""
    env.reset(options={"task_id": task_id(NAME, index)})
    info: dict[str, Any] = {}
    for action in actions:
        _, _, terminated, truncated, info = env.step(action)
        if terminated or truncated:
            break
    return info


def _measure_and_submit(env: HealthGymEnv, index: int, text: str, bmi: float) -> dict[str, Any]:
    actions = [
        format_hermes("measure_height", {}),
        format_hermes("measure_weight", {}),
        format_hermes("submit_bmi_class", {"bmi_class": text, "bmi": bmi}),
    ]
    return _episode(env, index, actions)["reward_components"]


def _imports(path: Path, package: str) -> list[tuple[int, str, list[str]]]:
    """(line, absolute module, names) of every import in ``path`` of ``package``."""
    tree = ast.parse(path.read_text(), filename=str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            out.append((node.lineno, target, [a.name for a in node.names]))
    return out


# --------------------------------------------------------------------------- the shape


def test_fixture_has_the_domain_shape(domain: Domain) -> None:
    folder = FIXTURE / PACKAGE
    assert not [m for m in SHAPE if not (folder / f"{m}.py").is_file()]
    modules = {m: importlib.import_module(f"{PACKAGE}.{m}") for m in SHAPE[1:]}
    assert domain.new_state is modules["records"].new_state
    assert domain.make_task is modules["tasks"].make_task
    assert domain.grade is modules["grading"].grade
    assert domain.n_tasks == modules["tasks"].N_TASKS
    own = [t.name for t in modules["tools"].ALL_TOOLS]
    assert [t.name for t in domain.toolkit][: len(own)] == own  # then the shared tools
    assert [t.name for t in modules["tools"].ALL_TOOLS if t.terminal] == ["submit_bmi_class"]
    assert {t.kind for t in modules["tools"].ALL_TOOLS} == {
        "observe",
        "compute",
        "reference",
        "submit",
    }


def test_fixture_imports_only_public_shared_layers() -> None:
    bad = []
    for path in sorted((FIXTURE / PACKAGE).rglob("*.py")):
        for line, target, names in _imports(path, PACKAGE):
            where = f"{path.name}:{line} {target}"
            if target.split(".")[0] != "healthgym":  # own package, stdlib, third party
                continue
            if not any(target == a or target.startswith(a + ".") for a in ALLOWED):
                bad.append(f"{where} (not a shared layer)")
            elif [p for p in [*target.split("."), *names] if p.startswith("_")]:
                bad.append(f"{where} (private name)")
    assert not bad, "\n".join(bad)


def test_discovered_through_the_entry_point(site: Path, domain: Domain) -> None:
    project = tomllib.loads((FIXTURE / "pyproject.toml").read_text())["project"]
    assert project["entry-points"][ENTRY_POINT_GROUP] == {NAME: PACKAGE}
    assert NAME in domain_names()
    assert domain_modules()[NAME] == PACKAGE
    assert resolve_domains(f"clinical_diagnosis,{NAME}") == ["clinical_diagnosis", NAME]
    assert NAME in resolve_domains("all")
    assert domain.name == NAME and domain.submit_tool == "submit_bmi_class"
    assert set(domain.indices("train")) | set(domain.indices("test")) == set(range(48))


def test_tasks_are_deterministic_and_cover_every_class(domain: Domain) -> None:
    tasks = [domain.make_task(i) for i in range(domain.n_tasks)]
    assert [t.content_hash() for t in tasks] == [
        domain.make_task(i).content_hash() for i in range(domain.n_tasks)
    ]
    for split in ("train", "test"):
        assert {t.grader["bmi_class"] for t in tasks if t.split == split} == {
            "underweight",
            "normal",
            "overweight",
            "obesity_1",
            "obesity_2",
            "obesity_3",
        }
    # tasks past the suite (generate_tasks) keep the properties: every class, both splits
    more = list(generate_tasks(NAME, 2 * domain.n_tasks, seed=1))
    assert more[0].index == domain.n_tasks + STRIDE
    for split in ("train", "test"):
        assert len({t.grader["bmi_class"] for t in more if t.split == split}) == 6
    for t in tasks:  # the prompt never states the answer
        assert t.reference.answer["bmi_class"].lower() not in t.prompt.lower()
        assert str(t.reference.answer["bmi"]) not in t.prompt


# ---------------------------------------------------------------- environment and reward


def test_env_resets_and_steps(domain: Domain) -> None:
    env = HealthGymEnv(domain=NAME, split="test")
    obs, info = env.reset(seed=0)
    assert info["domain"] == NAME and info["split"] == "test"
    names = {s["function"]["name"] for s in info["tools"]}
    assert {"measure_height", "calculate_bmi", "submit_bmi_class"} <= names
    assert "submit_bmi_class" in obs
    obs, reward, terminated, truncated, info = env.step(format_hermes("measure_height", {}))
    assert obs.startswith("[measure_height] Standing height:") and " cm" in obs
    assert (reward, terminated, truncated) == (0.0, False, False)
    _, _, terminated, _, info = env.step(
        format_hermes("submit_bmi_class", {"bmi_class": "normal weight", "bmi": 22.0})
    )
    assert terminated and info["ended_by"] == "submitted" and info["env_errors"] == 0
    assert set(info["reward_components"]) >= {"accuracy", "process", "composite"}


def test_oracle_scores_full_accuracy_on_every_task(domain: Domain) -> None:
    env = HealthGymEnv(domain=NAME, split=None)
    policy = OraclePolicy()
    for index in range(domain.n_tasks):
        obs, info = env.reset(options={"task_id": task_id(NAME, index)})
        assert env.task is not None
        policy.reset(env.task, obs, info)
        done = False
        while not done:
            obs, reward, terminated, truncated, info = env.step(policy.act(obs))
            done = terminated or truncated
        parts = info["reward_components"]
        assert info["ended_by"] == "submitted" and info["env_errors"] == 0, env.task.id
        assert parts["accuracy"] == 1.0, (env.task.id, parts["details"])
        assert parts["composite"] == pytest.approx(1.0), (env.task.id, parts)


def test_lazy_policy_earns_nothing_where_its_guess_is_wrong(domain: Domain) -> None:
    """The lazy policy submits the most common training answer without measuring: no
    process credit anywhere, and composite 0 on every task of another class.  Where its
    guessed class happens to be right it keeps that accuracy (as in every domain with a
    most common answer), so its mean composite is bounded, not 0."""
    env = HealthGymEnv(domain=NAME, split="test")
    lazy = LazyPolicy.for_domain(NAME)
    guess = lazy.answer["bmi_class"]
    composites = []
    for index in domain.indices("test"):
        parts = _episode(env, index, [lazy.act("")])["reward_components"]
        assert parts["process"] == 0.0
        if domain.make_task(index).reference.answer["bmi_class"] != guess:
            assert parts["accuracy"] == 0.0 and parts["composite"] == 0.0
        composites.append(parts["composite"])
    assert sum(composites) / len(composites) <= 0.25


@pytest.mark.parametrize(
    ("text", "accuracy"),
    [
        ("{label}", 1.0),
        ("{synonym}", 1.0),
        ("BMI {bmi} kg/m2: {label}.", 1.0),
        ("not underweight; {label}", 1.0),
        ("{wrong}", 0.0),
        ("not {label}", 0.0),
        ("{label} ruled out", 0.0),
        ("possibly {label}", 0.0),
        ("probably {label}", 0.0),
        ("{label} or {wrong}", 0.0),
        ("{label}, {wrong}", 0.0),
        ("obesity", 0.0),
        ("", 0.0),
    ],
)
def test_only_a_committed_correct_class_is_accurate(
    domain: Domain, text: str, accuracy: float
) -> None:
    env = HealthGymEnv(domain=NAME, split=None)
    index = next(
        i for i in range(domain.n_tasks) if domain.make_task(i).grader["bmi_class"] == "obesity_2"
    )
    answer = domain.make_task(index).reference.answer
    filled = text.format(
        label=answer["bmi_class"],
        synonym="class 2 obesity",
        wrong="obesity class III",
        bmi=answer["bmi"],
    )
    parts = _measure_and_submit(env, index, filled, answer["bmi"])
    assert parts["accuracy"] == accuracy, (filled, parts["details"])


def test_safety_and_coherence(domain: Domain) -> None:
    env = HealthGymEnv(domain=NAME, split=None)
    tasks = [domain.make_task(i) for i in range(domain.n_tasks)]
    under = next(t for t in tasks if t.grader["bmi_class"] == "underweight")
    bmi = under.reference.answer["bmi"]
    parts = _measure_and_submit(env, under.index, "normal weight", bmi)
    assert parts["safety"] == 0.5 and [v["code"] for v in parts["violations"]] == [
        "missed_underweight"
    ]
    assert parts["details"]["coherence"] == {
        "measured": True,
        "bmi_matches_measurements": True,
        "class_matches_bmi": False,
    }
    parts = _measure_and_submit(env, under.index, "underweight", bmi)
    assert parts["safety"] == 1.0 and all(parts["details"]["coherence"].values())
    # an answer without the measurements: accurate by luck, incoherent
    info = _episode(
        env,
        under.index,
        [format_hermes("submit_bmi_class", {"bmi_class": "underweight", "bmi": 30.0})],
    )
    assert info["reward_components"]["details"]["coherence"] == {
        "measured": False,
        "bmi_matches_measurements": False,
        "class_matches_bmi": False,
    }
    assert info["reward_components"]["process"] == 0.0


# ------------------------------------------------------------------- the validity rules


def test_compute_and_reference_tools_read_nothing_hidden(domain: Domain) -> None:
    """Same arguments, same output on every task's fresh state; and the calculator
    prints the value, never the class (the agent judges)."""
    labels = ["underweight", "normal", "overweight", "obes"]
    for name, args in (
        ("calculate_bmi", {"weight_kg": 70.0, "height_cm": 175.0}),
        ("calculate_bmi", {"weight_kg": 131.5, "height_cm": 162.2}),
        ("who_bmi_classification", {}),
    ):
        tool = domain.toolkit.get(name)
        assert tool is not None
        outputs = {
            tool(domain.new_state(domain.make_task(i)), **args) for i in range(domain.n_tasks)
        }
        assert len(outputs) == 1, name
        if name == "calculate_bmi":
            text = outputs.pop().lower()
            assert not any(word in text for word in labels), text


def test_observe_tools_print_only_record_facts(domain: Domain) -> None:
    """The task-level lint rule (``tool_fact_traceable``) on every task."""
    for index in range(domain.n_tasks):
        task = domain.make_task(index)
        assert list(tool_fact_traceable(NAME, task)) == [], task.id


def test_tasks_lint_passes(domain: Domain) -> None:
    report = lint_suite([NAME], workers=1)
    assert report.tasks == domain.n_tasks
    assert report.violations == []


def test_random_policy_causes_no_environment_errors(domain: Domain) -> None:
    records = rollout(make_agent(AgentOptions(policy="random")), episode_specs([NAME], None, None))
    assert len(records) == domain.n_tasks
    assert sum(r["env_errors"] for r in records) == 0
    assert not [r for r in records if r.get("error")]


def test_suite_runs_through_the_rollout_runner(domain: Domain) -> None:
    records = rollout(
        make_agent(AgentOptions(policy="oracle")), episode_specs([NAME], "test", None)
    )
    summary = summarize(records)["by_domain"][NAME]
    assert summary["episodes"] == len(domain.indices("test"))
    assert summary["accuracy"] == 1.0 and summary["env_errors"] == 0


def test_cli_run_and_gym_make(site: Path, tmp_path: Path) -> None:
    """The installed domain through the command line and ``gymnasium.make`` in a fresh
    process (installed before ``import healthgym``, so its Gymnasium id is registered)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(site), str(FIXTURE), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    out = tmp_path / "run"
    cmd = [sys.executable, "-m", "healthgym.cli", "run", "--policy", "oracle"]
    cmd += ["--domains", NAME, "--split", "all", "--out", str(out)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads((out / "summary.json").read_text())
    row = summary["by_domain"][NAME]
    assert row["episodes"] == 48 and row["accuracy"] == 1.0 and row["env_errors"] == 0
    assert summary["overall"]["env_errors"] == 0
    code = (
        "import gymnasium as gym, healthgym\n"
        f"env = gym.make(healthgym.env_id({NAME!r}))\n"
        "obs, info = env.reset(seed=1)\n"
        "print(info['domain'], env.unwrapped.domain.submit_tool)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == [NAME, "submit_bmi_class"]


def test_out_of_range_inputs_are_rejected_by_the_schema(domain: Domain) -> None:
    """Bounds declared with ``Range`` reach the model in the schema and are checked before
    the tool runs: an impossible weight is an invalid call, not a crash."""
    env = HealthGymEnv(domain=NAME, split=None)
    env.reset(options={"task_id": task_id(NAME, 0)})
    obs, *_ = env.step(format_hermes("calculate_bmi", {"weight_kg": 5, "height_cm": 170}))
    assert "below the minimum" in obs
    assert env.log.calls[-1].status == "invalid"
