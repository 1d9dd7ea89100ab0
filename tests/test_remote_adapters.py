"""The TRL and verl adapters drive a remote environment (the HTTP server) exactly as a
local one: same observations, same reward components."""

from __future__ import annotations

import pytest

pytest.importorskip("torch")
pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from healthgym.server.app import create_app
from healthgym.server.client import EnvClient
from healthgym.server.config import ServerConfig
from healthgym.train.env_session import Replayer, hermes_call
from healthgym.train.trl_env import environment_factory

TID = "medical_qa-00000"
PASSAGE = "builtin:disease/acute_appendicitis/diagnosis"
SUBMIT = {"answer": "A", "rationale": f"Acute appendicitis: stated in passage {PASSAGE}."}


@pytest.fixture
def http():
    with TestClient(create_app(ServerConfig())) as client:
        yield client


def _play(env) -> tuple[list[str], float, dict]:
    seen = [env.reset(task_id=TID, privileged_context="never sent")]
    seen.append(env.read_passage(passage_id=PASSAGE))
    seen.append(env.search_knowledge(query="appendicitis right lower quadrant", k=2))
    seen.append(env.submit_answer(**SUBMIT))
    return seen, env.get_reward(), env.reward_components


def test_trl_environment_over_http_equals_the_local_one(http):
    def remote(domain: str) -> EnvClient:
        return EnvClient(domain=domain, split=None, client=http)

    local = _play(environment_factory("medical_qa")())
    over_http = _play(environment_factory("medical_qa", env_factory=remote)())
    assert over_http == local
    assert local[1] == 1.0


def test_reward_replay_over_http_equals_the_local_one(http):
    def remote(domain: str) -> EnvClient:
        return EnvClient(domain=domain, split=None, client=http)

    completion = hermes_call("read_passage", {"passage_id": PASSAGE}) + hermes_call(
        "submit_answer", SUBMIT
    )
    wrong = hermes_call("submit_answer", {"answer": "B", "rationale": "guess"})
    for text in (completion, wrong, "no tool call at all"):
        assert Replayer(remote).components(TID, text) == Replayer().components(TID, text)
