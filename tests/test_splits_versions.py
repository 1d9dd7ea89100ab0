"""Split-relative task indices, the suite version stamp, environment errors are counted."""

from __future__ import annotations

import dataclasses
import json
import logging

import pytest

from healthgym.agents.baselines import LazyPolicy
from healthgym.domains import get_domain
from healthgym.env import HealthGymEnv
from healthgym.runner import run_suite, summarize
from healthgym.tasks import task_id
from healthgym.tools import Toolkit, tool
from healthgym.version import check_same_suite, code_digest, suite_version

DOMAIN = "medical_qa"


@pytest.mark.parametrize("split", ["train", "test"])
def test_index_is_a_position_inside_the_split(split: str) -> None:
    env = HealthGymEnv(domain=DOMAIN, split=split)
    indices = get_domain(DOMAIN).indices(split)
    for k in (0, 1, len(indices) - 1):
        _, info = env.reset(options={"index": k})
        assert info["task_id"] == task_id(DOMAIN, indices[k])
        assert info["split"] == split


def test_index_out_of_range_is_a_clear_error() -> None:
    env = HealthGymEnv(domain=DOMAIN, split="test")
    n = len(get_domain(DOMAIN).indices("test"))
    with pytest.raises(ValueError, match=rf"index {n} is out of range.*{n} tasks in split 'test'"):
        env.reset(options={"index": n})
    with pytest.raises(ValueError, match="out of range"):
        env.reset(options={"index": -1})


def test_split_none_indexes_the_whole_domain_and_task_id_is_global() -> None:
    env = HealthGymEnv(domain=DOMAIN, split=None)
    _, info = env.reset(options={"index": 41})
    assert info["task_id"] == task_id(DOMAIN, 41)
    test_env = HealthGymEnv(domain=DOMAIN, split="test")
    train_index = get_domain(DOMAIN).indices("train")[0]
    _, info = test_env.reset(options={"task_id": task_id(DOMAIN, train_index)})
    assert info["split"] == "train"  # a task id addresses any task


def test_suite_version_is_stable_and_stamped_on_results() -> None:
    v = suite_version()
    assert v == suite_version() and v.endswith(code_digest()[:12])
    trajectories = list(run_suite(LazyPolicy.for_domain, [DOMAIN], "test", 2))
    assert all(t["suite_version"] == v for t in trajectories)
    summary = summarize(trajectories)
    assert summary["suite_version"] == v
    json.dumps(summary)


def test_different_suites_are_never_compared_silently() -> None:
    assert check_same_suite({"a": "1", "b": "1"}) is None
    warning = check_same_suite({"a": "1", "b": "2"})
    assert warning and "a: 1" in warning and "b: 2" in warning
    assert check_same_suite({"a": "1", "old": None})


def test_unexpected_tool_exception_is_logged_and_counted(caplog) -> None:
    @tool(kind="observe")
    def broken(state: object) -> str:
        """A tool with a bug."""
        raise RuntimeError("bug")

    env = HealthGymEnv(domain=DOMAIN, split="test")
    env.reset(options={"index": 0})
    env.domain = dataclasses.replace(
        env.domain, toolkit=Toolkit([*env.domain.toolkit, broken], domain=DOMAIN)
    )
    env.allowed = lambda task: {t.name for t in env.domain.toolkit}  # type: ignore[method-assign]
    with caplog.at_level(logging.ERROR, logger="healthgym.env"):
        obs, *_ = env.step('<tool_call>{"name": "broken", "arguments": {}}</tool_call>')
    assert "environment error" in obs
    assert env.log.calls[-1].status == "env_error" and env.log.env_errors == 1
    assert any(r.exc_info for r in caplog.records)
    env.max_turns = env.log.turns + 1
    *_, info = env.step("done")
    assert info["env_errors"] == 1
