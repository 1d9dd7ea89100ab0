"""Tasks past the shipped suite: deterministic, disjoint, oracle-solvable."""

from __future__ import annotations

import pytest

from healthgym.agents import OraclePolicy
from healthgym.domains import domain_names, get_domain
from healthgym.env import HealthGymEnv
from healthgym.suite import STRIDE, generate_tasks


@pytest.mark.parametrize("domain", domain_names())
def test_generated_tasks_are_new_deterministic_and_solvable(domain):
    tasks = list(generate_tasks(domain, 3, seed=2))
    again = list(generate_tasks(domain, 3, seed=2))
    other = list(generate_tasks(domain, 3, seed=3))
    assert [t.content_hash() for t in tasks] == [t.content_hash() for t in again]
    assert not {t.id for t in tasks} & {t.id for t in other}
    n = get_domain(domain).n_tasks
    assert all(t.index >= n + 2 * STRIDE for t in tasks)
    env = HealthGymEnv(domain=domain, split=None)
    for task in tasks:
        obs, info = env.reset(options={"task": task})
        policy = OraclePolicy()
        policy.reset(task, obs, info)
        done = False
        while not done:
            obs, _, terminated, truncated, info = env.step(policy.act(obs))
            done = terminated or truncated
        assert info["reward_components"]["accuracy"] == 1.0, task.id


def test_generate_rejects_bad_arguments():
    with pytest.raises(ValueError):
        list(generate_tasks("clinical_diagnosis", -1))
    with pytest.raises(ValueError):
        list(generate_tasks("clinical_diagnosis", 1, seed=-1))


def test_tasks_generate_cli(tmp_path):
    import json

    from typer.testing import CliRunner

    from healthgym.cli import app
    from healthgym.tasks import Task

    out = tmp_path / "t.jsonl"
    r = CliRunner().invoke(
        app,
        [
            "tasks",
            "generate",
            "--domain",
            "psychiatry",
            "--n",
            "3",
            "--seed",
            "1",
            "--out",
            str(out),
        ],
    )
    assert r.exit_code == 0, r.output
    tasks = [Task.model_validate(json.loads(line)) for line in out.read_text().splitlines()]
    assert [t.content_hash() for t in tasks] == [
        t.content_hash() for t in generate_tasks("psychiatry", 3, seed=1)
    ]
    r = CliRunner().invoke(app, ["tasks", "generate", "--domain", "nope", "--n", "1"])
    assert r.exit_code != 0


def test_cli_generate_with_workers_writes_the_same_tasks(tmp_path):
    from typer.testing import CliRunner

    from healthgym.cli import app

    runner = CliRunner()
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    args = ["tasks", "generate", "--domain", "medical_qa", "--n", "6", "--seed", "3"]
    assert runner.invoke(app, [*args, "--out", str(one)]).exit_code == 0
    assert runner.invoke(app, [*args, "--workers", "2", "--out", str(two)]).exit_code == 0
    assert one.read_text() == two.read_text() and len(one.read_text().splitlines()) == 6
