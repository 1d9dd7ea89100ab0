"""The OpenAI-compatible policy against real servers' failure modes (issue 19).

Each defect seen with llama-cpp-python's server is replayed by the loopback mock
server (:mod:`healthgym.agents.mock_server`), one test per defect: a server that
rejects ``"content": null`` beside tool calls, deterministic 4xx and validation-error
5xx (never retried), a context-length 400 (the episode ends truncated and graded), the
trimming of old tool output that avoids it, a server that ignores ``tools`` (warned
once), the new CLI options, and null metrics when nothing was scored.
"""

from __future__ import annotations

import json

import pytest

openai = pytest.importorskip("openai")
httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from typer.testing import CliRunner  # noqa: E402

from healthgym.agents.chat import TRIMMED_NOTE, estimate_prompt_tokens, trim_tool_output  # noqa: E402
from healthgym.agents.mock_server import MockServer, _context_tokens  # noqa: E402
from healthgym.agents.openai_policy import (  # noqa: E402
    OpenAIChatPolicy,
    context_length_error,
    deterministic_body,
    retryable,
)
from healthgym.cli import app  # noqa: E402
from healthgym.rollout import RolloutConfig, episode_specs, rollout  # noqa: E402
from healthgym.runner import summarize, tools_ignored_warning  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def server():
    with MockServer() as srv:
        yield srv


def _policy(server, mode: str, **kw) -> OpenAIChatPolicy:
    kw.setdefault("timeout", 5.0)
    kw.setdefault("backoff_s", 0.01)
    return OpenAIChatPolicy(server.base_url, mode, send_task_id=True, **kw)


def _run(server, mode: str, domains=("medical_qa",), n: int = 2, cfg=None, **kw):
    policy = _policy(server, mode, **kw)
    records = rollout(policy, episode_specs(list(domains), "test", n), cfg or RolloutConfig())
    return policy, records


def _status_error(code: int, body: dict) -> openai.APIStatusError:
    request = httpx.Request("POST", "http://127.0.0.1/v1/chat/completions")
    response = httpx.Response(code, request=request, json=body)
    inner = body.get("error", body)
    message = inner.get("message", "") if isinstance(inner, dict) else str(inner)
    return openai.APIStatusError(message, response=response, body=body)


# ------------------------------------------------------------------ null content


def test_mock_strict_server_rejects_null_content(server):
    body = {
        "model": "strict",
        "messages": [
            {"role": "user", "content": "hi"},
            {"role": "assistant", "content": None, "tool_calls": []},
        ],
    }
    r = httpx.post(f"{server.base_url}/chat/completions", json=body, timeout=10)
    assert r.status_code == 500 and "validation error" in r.text


def test_assistant_tool_calls_carry_empty_content_not_null(server):
    policy, records = _run(server, "strict", max_retries=0)
    assert all(r["error"] is None and r["ended_by"] == "submitted" for r in records)
    assert summarize(records)["overall"]["accuracy"] == 1.0
    sent = [m for m in records[0]["messages"] if m["role"] == "assistant" and m.get("tool_calls")]
    assert sent and all(m["content"] == "" for m in sent)
    assert policy.stats["retries"] == 0


# ------------------------------------------------------------------ no retry


def test_4xx_is_not_retried(server):
    policy, records = _run(server, "error400", max_retries=4)
    assert all(r["error"]["status_code"] == 400 for r in records)
    assert policy.stats == {"requests": 2, "retries": 0, "failures": 2, "context_length": 0}


def test_validation_error_500_is_not_retried(server):
    policy, records = _run(server, "validation500", max_retries=4)
    assert all(r["error"]["status_code"] == 500 for r in records)
    assert policy.stats["requests"] == 2 and policy.stats["retries"] == 0


def test_retry_rules_on_bodies():
    validation = _status_error(500, {"error": {"message": "1 validation error for Request"}})
    plain = _status_error(500, {"error": {"message": "CUDA out of memory, try later"}})
    jinja = _status_error(500, {"error": {"message": "TypeError: can only concatenate str"}})
    assert deterministic_body(validation) and not retryable(validation)
    assert not retryable(jinja)
    assert not deterministic_body(plain) and retryable(plain)
    for code in (400, 401, 403, 404, 413, 422):
        assert not retryable(_status_error(code, {"error": {"message": "no"}}))
    for code in (408, 429, 502, 503):
        assert retryable(_status_error(code, {"error": {"message": "busy"}}))


# ------------------------------------------------------------------ context length


@pytest.mark.parametrize(
    ("code", "body", "limit", "requested"),
    [
        (  # OpenAI, vLLM, llama-cpp-python (the message)
            400,
            {
                "error": {
                    "message": "This model's maximum context length is 2048 tokens. However, "
                    "you requested 2111 tokens (1599 in the messages, 512 in the completion).",
                    "type": "invalid_request_error",
                    "code": "context_length_exceeded",
                }
            },
            2048,
            2111,
        ),
        (  # newer vLLM
            400,
            {
                "error": {
                    "message": "'max_tokens' is too large: 512. This model's maximum context "
                    "length is 4096 tokens and your request has 3700 input tokens"
                }
            },
            4096,
            3700,
        ),
        (
            400,
            {"error": {"message": "Requested tokens (2111) exceed context window of 2048"}},
            2048,
            2111,
        ),
        (
            400,
            {
                "error": {
                    "message": "the request exceeds the available context size, try increasing it",
                    "type": "exceed_context_size_error",
                }
            },
            None,
            None,
        ),
        (400, {"error": {"message": "x", "code": "context_length_exceeded"}}, None, None),
        (
            422,
            {
                "error": "Input validation error: `inputs` tokens + `max_new_tokens` must be "
                "<= 4096. Given: 4000 `inputs` tokens and 512 `max_new_tokens`"
            },
            4096,
            4000,
        ),
    ],
)
def test_context_length_errors_of_real_servers_are_recognised(code, body, limit, requested):
    found = context_length_error(_status_error(code, body))
    assert found is not None and found.limit == limit and found.requested == requested


def test_other_errors_are_not_context_length():
    assert context_length_error(_status_error(400, {"error": {"message": "bad tool"}})) is None
    assert context_length_error(ValueError("maximum context length is 3 tokens")) is None


def _sizes(server, task_index: int) -> list[int]:
    """The mock's token count of each request of the oracle's episode."""
    server.bodies.clear()
    policy = _policy(server, "oracle")
    from healthgym.rollout import EpisodeSpec

    rollout(policy, [EpisodeSpec("medical_qa", task_index)], RolloutConfig(max_new_tokens=64))
    return [_context_tokens(b) for b in server.bodies]


@pytest.fixture(scope="module")
def long_task(server):
    """A medical_qa test task of three or more requests, and their mock token counts."""
    from healthgym.domains import get_domain

    for index in get_domain("medical_qa").indices("test")[:10]:
        sizes = _sizes(server, index)
        if len(sizes) >= 3 and sizes[-1] > sizes[0] + 200:
            return index, sizes
    pytest.skip("no medical_qa task with a large early tool output")


def test_context_length_400_ends_the_episode_truncated_and_graded(server, long_task):
    from healthgym.rollout import EpisodeSpec

    index, sizes = long_task
    limit = sizes[-1] - 1  # the last request overflows
    policy = _policy(server, f"ctx-{limit}", max_retries=3)
    cfg = RolloutConfig(max_new_tokens=64)
    (r,) = rollout(policy, [EpisodeSpec("medical_qa", index)], cfg)
    assert r["error"] is None and r["ended_by"] == "context_length" and r["truncated"]
    assert r["reward_components"] is not None and r["reward"] is not None
    assert r["reward_components"]["accuracy"] == 0.0  # never submitted
    assert r["context_length"]["limit"] == limit and r["context_length"]["requested"] > limit
    assert len(r["turns"]) == len(sizes) - 1
    assert policy.stats["retries"] == 0 and policy.stats["context_length"] == 1
    s = summarize([r])["overall"]
    assert s["scored"] == 1 and s["errors"] == 0 and s["context_length"] == 1


def test_trimming_old_tool_output_avoids_the_overflow(server, long_task):
    from healthgym.rollout import EpisodeSpec

    index, sizes = long_task
    limit = sizes[-1] - 1
    server.bodies.clear()
    policy = _policy(server, f"ctx-{limit}", keep_last_turns=1)
    cfg = RolloutConfig(max_new_tokens=64, context_window=limit)
    (r,) = rollout(policy, [EpisodeSpec("medical_qa", index)], cfg)
    assert r["error"] is None and r["ended_by"] == "submitted"
    assert r["reward_components"]["accuracy"] == 1.0 and r["tool_outputs_trimmed"] >= 1
    assert r["context_budget"] == limit - 64
    last = server.bodies[-1]["messages"]
    assert any(str(m.get("content", "")).startswith("[tool output trimmed:") for m in last)
    # the recorded history keeps every tool output whole
    assert not any("[tool output trimmed" in str(m.get("content")) for m in r["messages"])


def test_trim_policy_keeps_system_task_and_last_turns():
    big = "x" * 3000
    messages = [
        {"role": "system", "content": "sys " * 50},
        {"role": "user", "content": "task " * 100},
        {"role": "assistant", "content": "", "tool_calls": [{"id": "1", "function": {}}]},
        {"role": "tool", "tool_call_id": "1", "content": big},
        {"role": "assistant", "content": "", "tool_calls": [{"id": "2", "function": {}}]},
        {"role": "tool", "tool_call_id": "2", "content": big},
        {"role": "assistant", "content": "", "tool_calls": [{"id": "3", "function": {}}]},
        {"role": "tool", "tool_call_id": "3", "content": big},
    ]
    full = estimate_prompt_tokens(messages)
    assert full > 3000
    # room for all but one old tool output: only the oldest goes
    out, n = trim_tool_output(messages, full - 900, keep_last_turns=1)
    assert n == 1 and out[3]["content"] == TRIMMED_NOTE.format(n=3000)
    assert out[5]["content"] == big and out[7]["content"] == big
    assert messages[3]["content"] == big  # the input is untouched
    # no room at all: every old tool output goes, the protected ones stay
    out, n = trim_tool_output(messages, 10, keep_last_turns=1)
    assert n == 2 and out[:3] == messages[:3] and out[7]["content"] == big
    out, n = trim_tool_output(messages, 10, keep_last_turns=2)
    assert n == 1 and out[5]["content"] == big
    # fits already: unchanged
    assert trim_tool_output(messages, full) == (messages, 0)
    # Hermes mode: the user message wrapping <tool_response> keeps its wrapper
    hermes = [
        *messages[:3],
        {"role": "user", "content": f"<tool_response>\n{big}\n</tool_response>"},
    ]
    hermes += messages[4:6]
    out, n = trim_tool_output(hermes, 10, keep_last_turns=1)
    assert n == 1 and out[3]["content"].startswith("<tool_response>\n[tool output trimmed:")


# ------------------------------------------------------------------ ignored tools


def test_a_server_ignoring_tools_is_warned_once(server, tmp_path):
    out = tmp_path / "ignored"
    args = ["run", "--policy", "openai", "--base-url", server.base_url, "--model", "ignoretools"]
    args += ["--send-task-id", "--domains", "medical_qa,psychiatry", "--limit-per-domain", "3"]
    args += ["--max-turns", "2", "--out", str(out)]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    summary = json.loads((out / "summary.json").read_text())
    assert len(summary["warnings"]) == 1 and "ignore `tools`" in summary["warnings"][0]
    assert r.output.count("ignore `tools`") == 1
    # a server that calls tools draws no warning
    _, records = _run(server, "oracle", n=3)
    assert tools_ignored_warning(records) is None and summarize(records)["warnings"] == []


# ------------------------------------------------------------------ CLI options


def test_cli_tool_choice_extra_body_context_window_and_seeds(server, tmp_path):
    out = tmp_path / "opts"
    server.bodies.clear()
    args = ["run", "--policy", "openai", "--base-url", server.base_url, "--model", "oracle"]
    args += ["--send-task-id", "--domains", "medical_qa", "--limit-per-domain", "2"]
    args += ["--tool-choice", "required", "--extra-body", '{"top_k": 20, "min_p": 0.05}']
    args += ["--context-window", "32768", "--trials", "2", "--seed", "5", "--out", str(out)]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    bodies = list(server.bodies)
    assert bodies and all(b["tool_choice"] == "required" for b in bodies)
    assert all(b["top_k"] == 20 and b["min_p"] == 0.05 for b in bodies)
    assert {b["seed"] for b in bodies} == {5, 6}
    summary = json.loads((out / "summary.json").read_text())
    assert summary["config"]["tool_choice"] == "required"
    assert summary["config"]["extra_body"] == {"top_k": 20, "min_p": 0.05}
    assert summary["by_domain"]["medical_qa"]["pass_hat_k"] == {"1": 1.0, "2": 1.0}
    for bad in ('{"top_k": ', "[1, 2]"):
        r = runner.invoke(app, [*args[:-2], "--extra-body", bad, "--out", str(out)])
        assert r.exit_code != 0
    r = runner.invoke(app, [*args[:-2], "--tool-choice", "sometimes", "--out", str(out)])
    assert r.exit_code != 0


# ------------------------------------------------------------------ null metrics


def test_metrics_are_null_when_nothing_was_scored(server, tmp_path):
    out = tmp_path / "failed"
    args = ["run", "--policy", "openai", "--base-url", server.base_url, "--model", "error400"]
    args += ["--send-task-id", "--domains", "medical_qa", "--limit-per-domain", "2"]
    args += ["--report", "--out", str(out)]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    summary = json.loads((out / "summary.json").read_text())
    for group in (summary["overall"], summary["by_domain"]["medical_qa"]):
        assert group["scored"] == 0 and group["errors"] == 2
        assert group["reward"] is None and group["accuracy"] is None
        assert group["mean_turns"] is None
    assert "n/a" in r.output and "n/a" in (out / "report.html").read_text()
