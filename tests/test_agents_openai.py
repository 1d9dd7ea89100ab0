"""OpenAIChatPolicy pieces that need no server: retry rules, request bodies, factory."""

from __future__ import annotations

import asyncio

import pytest

openai = pytest.importorskip("openai")
httpx = pytest.importorskip("httpx")

from healthgym.agents.factory import AgentOptions, make_agent  # noqa: E402
from healthgym.agents.openai_policy import (  # noqa: E402
    MalformedResponse,
    OpenAIChatPolicy,
    retryable,
)


def _status(code: int, headers: dict[str, str] | None = None) -> openai.APIStatusError:
    request = httpx.Request("POST", "http://127.0.0.1/v1/chat/completions")
    response = httpx.Response(code, request=request, headers=headers or {})
    return openai.APIStatusError("boom", response=response, body=None)


@pytest.mark.parametrize(
    ("code", "expected"), [(429, True), (500, True), (503, True), (400, False), (401, False)]
)
def test_retryable_status_codes(code, expected):
    assert retryable(_status(code)) is expected


def test_retryable_transport_errors():
    assert retryable(asyncio.TimeoutError())
    assert retryable(MalformedResponse("x"))
    assert not retryable(ValueError("x"))


def test_request_body_native_and_hermes():
    policy = OpenAIChatPolicy(
        "http://127.0.0.1:9/v1", "m", max_tokens=64, temperature=0.2, send_task_id=True
    )
    info = {
        "task_id": "medical_qa-00001",
        "tools": [{"type": "function", "function": {"name": "f"}}],
    }
    session = policy.start(None, "obs", info)  # type: ignore[arg-type]
    body = policy._request(session, 32)
    assert body["tools"] == info["tools"] and body["max_tokens"] == 32
    assert body["temperature"] == 0.2 and body["user"] == "medical_qa-00001"
    hermes = OpenAIChatPolicy("http://127.0.0.1:9/v1", "m", tools_mode="hermes")
    s2 = hermes.start(None, "obs", info)  # type: ignore[arg-type]
    body = hermes._request(s2, None)
    assert "tools" not in body and "max_tokens" not in body and "user" not in body
    assert body["messages"][0]["role"] == "system"


def test_connection_refused_is_retried_then_raised():
    policy = OpenAIChatPolicy(
        "http://127.0.0.1:9/v1", "m", max_retries=2, backoff_s=0.001, timeout=2
    )
    session = policy.start(None, "obs", {"tools": []})  # type: ignore[arg-type]
    with pytest.raises(openai.APIConnectionError):
        asyncio.run(session.generate())
    assert policy.stats == {"requests": 3, "retries": 2, "failures": 1, "context_length": 0}


def test_factory_builds_each_policy_kind():
    assert make_agent(AgentOptions("oracle")).name == "oracle"
    agent = make_agent(AgentOptions("openai", base_url="http://127.0.0.1:9/v1", model="m"))
    assert agent.name == "openai:m"
    with pytest.raises(ValueError):
        make_agent(AgentOptions("openai"))
    with pytest.raises(ValueError):
        make_agent(AgentOptions("local"))
    with pytest.raises(ValueError):
        make_agent(AgentOptions("nope"))


def test_request_body_tool_choice_seed_and_extra_body():
    tools = [{"type": "function", "function": {"name": "f"}}]
    policy = OpenAIChatPolicy(
        "http://127.0.0.1:9/v1", "m", tool_choice="required", extra_body={"top_k": 5}
    )
    session = policy.start(None, "obs", {"tools": tools})  # type: ignore[arg-type]
    session.set_seed(3)
    body = policy._request(session, None)
    assert body["tool_choice"] == "required" and body["seed"] == 3
    assert body["extra_body"] == {"top_k": 5}  # the client merges it into the JSON body
    no_tools = policy.start(None, "obs", {"tools": []})  # type: ignore[arg-type]
    assert "tool_choice" not in policy._request(no_tools, None)
    assert "seed" not in policy._request(no_tools, None)
    with pytest.raises(ValueError):
        OpenAIChatPolicy("http://127.0.0.1:9/v1", "m", tool_choice="sometimes")


def test_fit_context_trims_the_request_not_the_history():
    policy = OpenAIChatPolicy("http://127.0.0.1:9/v1", "m", tools_mode="native")
    session = policy.start(None, "task", {"tools": []})  # type: ignore[arg-type]
    for k in range(3):
        session.messages.append(
            {"role": "assistant", "content": "", "tool_calls": [{"id": str(k), "function": {}}]}
        )
        session.messages.append({"role": "tool", "tool_call_id": str(k), "content": "y" * 900})
    session.fit_context(400)
    sent = policy._request(session, None)["messages"]
    assert sent[2]["content"] == "[tool output trimmed: 900 chars]" and session.trimmed == 2
    assert sent[-1]["content"] == "y" * 900 and session.messages[2]["content"] == "y" * 900
    assert session.trajectory()["tool_outputs_trimmed"] == 2
