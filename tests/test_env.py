from __future__ import annotations

import json
import warnings

import gymnasium as gym
import pytest
from gymnasium.utils.env_checker import check_env

import healthgym  # noqa: F401  (registers the environments)
from healthgym.env import HealthGymEnv
from healthgym.rewards.reward import COMPONENTS
from healthgym.tasks import task_id
from healthgym.tools import format_hermes

ENV_ID = "healthgym/ClinicalDiagnosis-v0"


def test_check_env_passes_without_warnings():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(gym.make(ENV_ID, render_mode="ansi").unwrapped)
    assert [str(w.message) for w in caught] == []


def test_reset_observation_and_info():
    env = gym.make(ENV_ID)
    obs, info = env.reset(seed=3)
    assert "Chief complaint" in obs and "submit_diagnosis" in obs
    assert info["tools"] and all(t["type"] == "function" for t in info["tools"])
    assert {t["function"]["name"] for t in info["tools"]} >= {"get_vitals", "submit_diagnosis"}
    assert info["task_id"].startswith("clinical_diagnosis-")


def test_same_seed_same_task_and_observation():
    a, b = HealthGymEnv(), HealthGymEnv()
    oa, ia = a.reset(seed=11)
    ob, ib = b.reset(seed=11)
    assert oa == ob and ia["task_id"] == ib["task_id"]
    ids = {HealthGymEnv().reset(seed=s)[1]["task_id"] for s in range(20)}
    assert len(ids) > 10


def test_reset_options_select_task():
    env = HealthGymEnv(split="test")
    _, info = env.reset(options={"task_id": "clinical_diagnosis-00007"})
    assert info["task_id"] == "clinical_diagnosis-00007"
    task = env.domain.task(12)
    _, info = env.reset(options={"task": task.model_dump()})
    assert info["task_id"] == task.id
    _, info = env.reset(options={"index": 5})  # the 6th task of the test split
    assert info["task_id"] == task_id("clinical_diagnosis", env.domain.indices("test")[5])


@pytest.mark.parametrize(
    ("action", "fragment"),
    [
        ("<tool_call>{not json}</tool_call>", "malformed JSON"),
        (format_hermes("launch_missiles", {}), "unknown tool 'launch_missiles'"),
        (format_hermes("examine", {"system": "soul"}), "is not one of"),
        (format_hermes("examine", {}), "missing required argument"),
        (format_hermes("get_vitals", {"x": 1}), "unknown argument"),
        (format_hermes("order_lab_panel", {"panel": 3}), "is not one of"),
        (format_hermes("x" * 100_000, {}), "unknown tool"),
        (format_hermes("examine", {"system": "\u0000\u202e" * 5000}), "is not one of"),
        ("<tool_call>" * 10_000, "malformed JSON"),
        (
            {"tool_calls": [{"function": {"name": "get_vitals", "arguments": "[1"}}]},
            "not valid JSON",
        ),
        ("Just thinking out loud.", "No tool call found"),
        (12345, "action must be text"),
    ],
)
def test_bad_actions_give_error_observations_and_the_episode_goes_on(action, fragment):
    env = HealthGymEnv(max_turns=5)
    env.reset(seed=0)
    obs, reward, terminated, truncated, info = env.step(action)
    assert fragment in obs
    assert len(obs) <= env.observation_space.max_length
    assert env.observation_space.contains(obs)
    assert reward == 0.0 and not terminated and not truncated
    obs, *_ = env.step(format_hermes("get_vitals", {}))
    assert "Heart rate" in obs


def test_tool_error_is_recorded_and_well_formed():
    env = HealthGymEnv()
    env.reset(seed=0)
    obs, *_ = env.step(format_hermes("calculate_curb65", {}))
    assert "first" in obs  # the score refuses until its inputs were observed
    assert env.log.calls[-1].status == "tool_error"


def test_truncation_reports_every_component():
    env = HealthGymEnv(max_turns=2)
    env.reset(seed=0)
    env.step(format_hermes("get_vitals", {}))
    obs, reward, terminated, truncated, info = env.step("hmm")
    assert truncated and not terminated and info["ended_by"] == "turn_limit"
    comps = info["reward_components"]
    assert set(COMPONENTS) <= set(comps)
    assert comps["accuracy"] == 0.0 and reward == comps["composite"]
    with pytest.raises(RuntimeError):
        env.step("again")


def test_submission_terminates_and_later_calls_are_ignored():
    env = HealthGymEnv()
    env.reset(seed=0)
    action = format_hermes("submit_diagnosis", {"diagnosis": "x", "plan": []}) + format_hermes(
        "get_vitals", {}
    )
    obs, reward, terminated, truncated, info = env.step(action)
    assert terminated and not truncated and "Ignored 'get_vitals'" in obs
    assert set(COMPONENTS) <= set(info["reward_components"])
    assert env.log.answer == {"diagnosis": "x", "plan": []}


def test_openai_structured_message_is_accepted():
    env = HealthGymEnv()
    env.reset(seed=0)
    msg = {
        "role": "assistant",
        "content": "",
        "tool_calls": [
            {"id": "1", "type": "function", "function": {"name": "get_vitals", "arguments": "{}"}}
        ],
    }
    obs, *_ = env.step(msg)
    assert "Heart rate" in obs


def test_render_ansi_transcript():
    env = HealthGymEnv(render_mode="ansi")
    env.reset(seed=0)
    env.step(format_hermes("get_vitals", {}))
    text = env.render()
    assert "[agent]" in text and "Heart rate" in text


def test_step_before_reset_raises():
    with pytest.raises(RuntimeError):
        HealthGymEnv().step("x")


def test_observation_never_echoes_json_of_hidden_patient():
    env = HealthGymEnv()
    obs, info = env.reset(seed=0)
    assert env.task is not None
    assert env.task.hidden["patient"]["condition"] not in obs
    assert env.task.hidden["patient"]["condition"] not in json.dumps(info)


def test_knowledge_tools_are_offered_in_every_domain():
    from healthgym.domains import domain_names

    for domain in domain_names():
        env = HealthGymEnv(domain=domain)
        obs, info = env.reset(seed=0)
        names = {t["function"]["name"] for t in info["tools"]}
        assert {"search_knowledge", "read_passage"} <= names, domain
        assert "search_knowledge(" in obs
    env = HealthGymEnv()
    env.reset(seed=0)
    obs, *_ = env.step(format_hermes("search_knowledge", {"query": "CURB-65 pneumonia severity"}))
    assert "[builtin:" in obs and "Source:" in obs
    assert env.log.calls[-1].status == "ok"


def test_corrupt_knowledge_base_is_an_error_at_start_up(tmp_path, monkeypatch):
    from healthgym.knowledge.passages import KnowledgeBaseError
    from healthgym.knowledge.store import reset_default_kb

    (tmp_path / "manifest.json").write_text("{not json")
    monkeypatch.setenv("HEALTHGYM_KB_DIR", str(tmp_path))
    reset_default_kb()
    try:
        with pytest.raises(KnowledgeBaseError, match=str(tmp_path)):
            HealthGymEnv()
    finally:
        monkeypatch.delenv("HEALTHGYM_KB_DIR")
        reset_default_kb()


def test_every_domain_is_registered_with_gymnasium():
    from healthgym import env_id
    from healthgym.domains import domain_names

    for domain in domain_names():
        env = gym.make(env_id(domain))
        obs, info = env.reset(seed=1)
        assert info["domain"] == domain and obs
    assert env_id("clinical_diagnosis") == "healthgym/ClinicalDiagnosis-v0"
