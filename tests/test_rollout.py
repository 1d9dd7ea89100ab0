"""The async rollout runner with scripted and fake policies (no server, no model)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from healthgym.agents import OraclePolicy, RandomToolPolicy
from healthgym.agents.base import Generation
from healthgym.agents.scripted import ScriptedAgent
from healthgym.domains import get_domain
from healthgym.env import HealthGymEnv
from healthgym.rollout import EpisodeSpec, RolloutConfig, episode_specs, rollout
from healthgym.runner import TRAJECTORY_FIELDS, run_episode, run_suite, summarize, trajectory
from healthgym.tools.parse import format_hermes


def test_scripted_rollout_matches_the_synchronous_runner():
    domains = ["clinical_diagnosis", "psychiatry"]
    specs = episode_specs(domains, "test", 3)
    agent = ScriptedAgent(lambda d: RandomToolPolicy(seed=3), name="random")
    records = rollout(agent, specs, RolloutConfig(max_turns=8, concurrency=6))
    reference = list(run_suite(lambda d: RandomToolPolicy(seed=3), domains, "test", 3, 8))
    assert [r["task_id"] for r in records] == [r["task_id"] for r in reference]
    for new, old in zip(records, reference, strict=True):
        assert new["policy"] == "random" and new["task_hash"] == old["task_hash"]
        assert new["reward_components"] == old["reward_components"]
        assert [t["action"] for t in new["turns"]] == [t["action"] for t in old["turns"]]
        assert [t["observation"] for t in new["turns"]] == [t["observation"] for t in old["turns"]]
    assert summarize(records)["overall"]["reward"] == summarize(reference)["overall"]["reward"]


def test_run_episode_is_a_face_of_the_rollout_loop():
    """The synchronous runner plays the one loop: its trajectory is the rollout record's
    compact view, the policy object itself plays, and a failure is raised."""
    env = HealthGymEnv("psychiatry", split=None, max_turns=8)
    policy = RandomToolPolicy(seed=4)
    traj = run_episode(env, policy, 7)
    assert tuple(traj) == TRAJECTORY_FIELDS
    assert set(traj["turns"][0]) == {"action", "observation"}
    (record,) = rollout(
        ScriptedAgent(lambda d: RandomToolPolicy(seed=4), name="random"),
        [EpisodeSpec("psychiatry", 7)],
        RolloutConfig(max_turns=8),
    )
    view = trajectory(record)
    assert {**traj, "seconds": 0} == {**view, "seconds": 0}
    assert policy._submit is not None  # the caller's object was reset and played

    class Broken(OraclePolicy):
        def act(self, observation: str) -> str:
            raise KeyError("boom")

    with pytest.raises(KeyError, match="boom"):
        run_episode(env, Broken(), 7)


async def _run_episode_inside_an_event_loop() -> dict[str, Any]:
    return run_episode(HealthGymEnv("medical_qa", split=None), OraclePolicy(), 0)


def test_run_episode_works_when_called_from_async_code():
    traj = asyncio.run(_run_episode_inside_an_event_loop())
    assert traj["reward_components"]["accuracy"] == 1.0


def test_oracle_over_every_domain_concurrently():
    from healthgym.domains import domain_names

    specs = episode_specs(domain_names(), "test", 2)
    done: list[str] = []
    agent = ScriptedAgent(lambda d: OraclePolicy(), name="oracle")
    records = rollout(agent, specs, RolloutConfig(), on_result=lambda r: done.append(r["task_id"]))
    assert sorted(done) == sorted(r["task_id"] for r in records)
    s = summarize(records)
    assert s["overall"]["accuracy"] == 1.0 and s["overall"]["errors"] == 0
    assert set(s["by_domain"]) == set(domain_names())
    calls = records[0]["turns"][0]["tool_calls"]
    assert calls and calls[0]["status"] == "ok" and calls[0]["result"]


class FakeSession:
    """Says nothing useful, ``tokens`` completion tokens a turn; may fail or hang."""

    def __init__(self, tokens: int, fail_at: int | None, hang: bool, submit: str | None):
        # submit: a Hermes submit call to make at once (None: never submit)
        self.tokens, self.fail_at, self.hang, self.submit = tokens, fail_at, hang, submit
        self.turn = 0
        self.limits: list[int | None] = []
        self.closed = False

    async def generate(self, max_new_tokens: int | None = None) -> Generation:
        self.limits.append(max_new_tokens)
        self.turn += 1
        await asyncio.sleep(0)
        if self.hang:
            await asyncio.sleep(60)
        if self.fail_at is not None and self.turn >= self.fail_at:
            raise ConnectionError("model went away")
        text = self.submit or "thinking"
        n = min(self.tokens, max_new_tokens or self.tokens)
        return Generation(text=text, action=text, completion_tokens=n)

    def observe(self, observation: str, info: dict[str, Any]) -> None:
        pass

    def trajectory(self) -> dict[str, Any]:
        return {"messages": [], "limits": self.limits}

    def close(self) -> None:
        self.closed = True


class FakeAgent:
    name = "fake"

    def __init__(self, tokens=10, fail=(), hang=(), fail_at=2, submit=False):
        self.tokens, self.fail, self.hang, self.fail_at = tokens, set(fail), set(hang), fail_at
        self.submit = submit
        self.sessions: list[FakeSession] = []

    def start(self, task, observation, info):
        s = FakeSession(
            self.tokens,
            self.fail_at if task.index in self.fail else None,
            task.index in self.hang,
            format_hermes(get_domain(task.domain).submit_tool, task.reference.answer)
            if self.submit
            else None,
        )
        self.sessions.append(s)
        return s

    async def aclose(self) -> None:
        pass


def test_token_budget_makes_the_last_turn_and_grades_it():
    agent = FakeAgent(tokens=30)
    cfg = RolloutConfig(max_turns=20, token_budget=100, max_new_tokens=40)
    (record,) = rollout(agent, [EpisodeSpec("medical_qa", 0)], cfg)
    assert record["ended_by"] == "token_budget" and record["reward_components"] is not None
    assert record["completion_tokens"] == 100 and len(record["turns"]) == 4
    assert record["limits"] == [40, 40, 40, 10]
    assert "Turn limit" in record["turns"][-1]["observation"]
    # the environment is handed back with its own turn limit
    (again,) = rollout(
        FakeAgent(tokens=1), [EpisodeSpec("medical_qa", 0)], RolloutConfig(max_turns=3)
    )
    assert again["ended_by"] == "turn_limit" and len(again["turns"]) == 3


def test_failures_and_timeouts_are_recorded_per_episode():
    specs = [EpisodeSpec("medical_qa", i) for i in range(6)]
    agent = FakeAgent(fail={1, 4}, hang={2})
    records = rollout(agent, specs, RolloutConfig(max_turns=5, episode_timeout=1.0))
    assert [r["task_id"] for r in records] == [f"medical_qa-{i:05d}" for i in range(6)]
    errors = [r["error"] for r in records]
    assert errors[1]["type"] == "ConnectionError"
    assert errors[1]["turn"] == 1 and "model went away" in errors[1]["message"]
    assert errors[2]["message"] == "episode timeout"
    assert errors[4]["type"] == "ConnectionError"
    for i in (0, 3, 5):
        assert errors[i] is None
        assert records[i]["ended_by"] == "turn_limit" and records[i]["reward_components"]
    assert all(s.closed for s in agent.sessions)
    s = summarize(records)["overall"]
    assert (s["episodes"], s["scored"], s["errors"]) == (6, 3, 3)


def test_submitting_ends_the_episode():
    agent = FakeAgent(submit=True)
    (record,) = rollout(agent, [EpisodeSpec("medical_qa", 0)], RolloutConfig())
    assert record["ended_by"] == "submitted" and len(record["turns"]) == 1
    assert record["reward_components"]["accuracy"] == 1.0
