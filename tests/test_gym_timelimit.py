"""gymnasium time limits: the registry's max_episode_steps and grading of truncated episodes.

gymnasium's ``TimeLimit`` truncates *after* ``env.step`` returns, so an env that only
knew its own ``max_turns`` would leave an episode cut short by the wrapper ungraded
(reward 0.0, no ``reward_components``).  The env ends and grades the episode on the
step any wrapping ``TimeLimit`` will truncate.
"""

from __future__ import annotations

import inspect
import warnings

import gymnasium as gym
import pytest
from gymnasium.utils.env_checker import check_env
from gymnasium.wrappers import TimeLimit

import healthgym
from healthgym.domains import domain_names
from healthgym.env import HealthGymEnv

ENV_ID = "healthgym/ClinicalDiagnosis-v0"
NO_CALL = "I am still thinking about the case."  # a step that submits nothing


def _run_unsubmitted(env: gym.Env, steps: int) -> list[tuple]:
    env.reset(seed=0)
    out = []
    for _ in range(steps):
        out.append(env.step(NO_CALL))
        if out[-1][2] or out[-1][3]:
            break
    return out


def _assert_graded_truncation(results: list[tuple], steps: int) -> None:
    assert len(results) == steps
    for _obs, reward, terminated, truncated, info in results[:-1]:
        assert not terminated and not truncated
        assert reward == 0.0 and "reward_components" not in info
    _obs, reward, terminated, truncated, info = results[-1]
    assert truncated and not terminated
    assert info["ended_by"] == "turn_limit"
    components = info["reward_components"]
    assert {"accuracy", "format"} <= set(components)
    assert reward == pytest.approx(components["composite"])


def test_registry_max_episode_steps_is_the_turn_limit():
    default = inspect.signature(HealthGymEnv.__init__).parameters["max_turns"].default
    assert healthgym.DEFAULT_MAX_TURNS == default == 20
    for domain in domain_names():
        assert gym.spec(healthgym.env_id(domain)).max_episode_steps == default


def test_made_env_truncates_at_the_turn_limit_graded():
    env = gym.make(ENV_ID)
    results = _run_unsubmitted(env, 25)
    _assert_graded_truncation(results, 20)
    env.close()


def test_make_with_shorter_max_episode_steps_is_graded():
    env = gym.make(ENV_ID, max_episode_steps=3)
    obs, info = env.reset(seed=0)
    assert info["max_turns"] == 3 and "at most 3 turns" in obs
    results = _run_unsubmitted(env, 3)
    _assert_graded_truncation(results, 3)
    assert env.unwrapped.log.ended_by == "turn_limit"
    assert env.unwrapped.last_reward is not None
    env.close()


def test_hand_applied_time_limit_is_graded():
    env = TimeLimit(HealthGymEnv(domain="clinical_diagnosis"), max_episode_steps=2)
    _assert_graded_truncation(_run_unsubmitted(env, 2), 2)
    # a second episode on the same wrapper: the counters restart with reset
    _assert_graded_truncation(_run_unsubmitted(env, 2), 2)


def test_nested_time_limits_and_other_wrappers_use_the_shortest():
    inner = TimeLimit(HealthGymEnv(domain="clinical_diagnosis"), max_episode_steps=4)
    env = gym.wrappers.RecordEpisodeStatistics(TimeLimit(inner, max_episode_steps=6))
    _assert_graded_truncation(_run_unsubmitted(env, 6), 4)


def test_longer_time_limit_leaves_max_turns_in_charge():
    env = TimeLimit(HealthGymEnv(domain="clinical_diagnosis", max_turns=2), max_episode_steps=9)
    _assert_graded_truncation(_run_unsubmitted(env, 9), 2)


def test_unwrapped_env_is_unchanged():
    env = HealthGymEnv(domain="clinical_diagnosis", max_turns=3)
    obs, info = env.reset(seed=0)
    assert info["max_turns"] == 3 and "at most 3 turns" in obs
    _assert_graded_truncation(_run_unsubmitted(env, 5), 3)


def test_max_turns_lowered_mid_episode_is_honoured():
    """rollout.py ends an episode early by lowering ``env.max_turns`` between steps."""
    env = gym.make(ENV_ID)
    env.reset(seed=0)
    env.step(NO_CALL)
    env.unwrapped.max_turns = 2
    _obs, _r, terminated, truncated, info = env.step(NO_CALL)
    assert truncated and not terminated and "reward_components" in info


def test_submission_before_the_limit_is_terminated_not_truncated():
    env = gym.make(ENV_ID, max_episode_steps=2)
    _obs, info = env.reset(seed=0)
    task = env.unwrapped.task
    submit = task.reference.calls[-1]
    from healthgym.tools.parse import format_hermes

    env.step(NO_CALL)
    _obs, _r, terminated, truncated, info = env.step(format_hermes(submit.name, submit.arguments))
    assert terminated and info["ended_by"] == "submitted"
    # TimeLimit may also flag truncation on the same step; the grade is the submission's
    assert "reward_components" in info
    del truncated


def test_check_env_still_passes_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_env(gym.make(ENV_ID, render_mode="ansi").unwrapped)
        check_env(gym.make(ENV_ID, max_episode_steps=3, render_mode="ansi").unwrapped)
