"""No silent failures: the oracle and the random policy play every task of the suite
and no tool raises an unexpected exception (an environment error).

An environment error is logged with its traceback and counted (``env_errors`` in the
episode info and in ``summary.json``); this test makes sure the suite has none, so a
broken tool cannot hide behind a "the tool failed" observation.
"""

from __future__ import annotations

import json
import logging

import pytest

from healthgym.agents.factory import scripted_factory
from healthgym.domains import domain_names, get_domain
from healthgym.env import HealthGymEnv
from healthgym.runner import run_episode


@pytest.mark.parametrize("domain", domain_names())
def test_oracle_and_random_raise_no_environment_errors(domain, caplog):
    caplog.set_level(logging.ERROR, logger="healthgym.env")
    d = get_domain(domain)
    env = HealthGymEnv(domain=domain, split=None)
    errors = []
    for name in ("oracle", "random"):
        policy = scripted_factory(name, seed=0)(domain)
        for index in range(d.n_tasks):
            record = run_episode(env, policy, index)
            if record["env_errors"]:
                errors.append((name, record["task_id"], record["env_errors"]))
    assert not errors, f"{len(errors)} episodes with environment errors: {errors[:10]}"
    assert not [r for r in caplog.records if r.name == "healthgym.env"]


def test_an_unexpected_tool_exception_is_logged_and_counted(caplog, monkeypatch):
    """The mechanism the test above relies on: a raising tool is an env error, logged."""
    env = HealthGymEnv(domain="medical_qa")
    env.reset(seed=0)
    call = env.task.reference.calls[0]
    tool = env.domain.toolkit.get(call.name)

    def boom(self, state, *args, **kwargs):
        raise RuntimeError("deliberate failure")

    monkeypatch.setattr(type(tool), "__call__", boom)
    caplog.set_level(logging.ERROR, logger="healthgym.env")
    action = json.dumps({"name": call.name, "arguments": call.arguments})
    obs, _r, _term, _trunc, _info = env.step(f"<tool_call>{action}</tool_call>")
    assert env.log.env_errors == 1
    assert "environment error" in obs
    assert any("deliberate failure" in (r.exc_text or "") for r in caplog.records)
    assert env.log.calls[-1].status == "env_error"
