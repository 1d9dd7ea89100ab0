"""Every tool of every domain, called with schema-valid random arguments, answers.

A tool may refuse a request with a clinical error (ToolError -> status 'tool_error'
with its own message), but an internal exception (reported by the env as "the tool
failed (ExceptionType)") is a bug.
"""

from __future__ import annotations

import numpy as np
import pytest

from healthgym.agents.baselines import random_arguments
from healthgym.domains import domain_names, get_domain
from healthgym.env import HealthGymEnv
from healthgym.tools import format_hermes


@pytest.mark.parametrize("domain", domain_names())
def test_every_tool_answers_random_valid_arguments(domain):
    d = get_domain(domain)
    env = HealthGymEnv(domain=domain, split=None, max_turns=10_000)
    rng = np.random.default_rng(0)
    failures = []
    for index in (0, 1, d.n_tasks // 2, d.n_tasks - 1):
        env.reset(options={"index": index})
        assert env.task is not None
        for t in d.toolkit:
            if t.terminal or t.name not in env.task.allowed_tools:
                continue
            for _ in range(4):
                args = random_arguments(t.parameters, rng)
                obs, *_ = env.step(format_hermes(t.name, args))
                if "the tool failed (" in obs:
                    failures.append((index, t.name, args, obs[:200]))
    assert not failures, failures[:5]
