"""Full episodes against a loopback OpenAI-compatible mock server (FastAPI + uvicorn).

The server (random free port on 127.0.0.1, started by a fixture, stopped after)
replays each task's reference solution, or misbehaves on purpose: malformed outputs,
timeouts, 5xx, 429, a reply without choices, no tool support.
"""

from __future__ import annotations

import json

import pytest

pytest.importorskip("openai")
pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from typer.testing import CliRunner

from healthgym.agents.mock_server import MockServer
from healthgym.agents.openai_policy import OpenAIChatPolicy
from healthgym.cli import app
from healthgym.rollout import RolloutConfig, episode_specs, rollout
from healthgym.runner import summarize

DOMAINS = ["clinical_diagnosis", "triage_emergency", "drug_interaction"]


@pytest.fixture(scope="module")
def server():
    with MockServer(slow_seconds=3.0) as srv:
        yield srv


def _run(server, mode: str, n: int = 2, **kw):
    kw.setdefault("timeout", 1.0)
    kw.setdefault("backoff_s", 0.01)
    policy = OpenAIChatPolicy(server.base_url, mode, send_task_id=True, **kw)
    records = rollout(policy, episode_specs(DOMAINS, "test", n), RolloutConfig(max_turns=30))
    return policy, records


def test_native_tool_calls_replay_the_oracle(server):
    policy, records = _run(server, "oracle")
    s = summarize(records)["overall"]
    assert s["episodes"] == 6 and s["errors"] == 0 and s["accuracy"] == 1.0
    r = records[0]
    assert r["ended_by"] == "submitted" and r["tools_mode"] == "native"
    roles = [m["role"] for m in r["messages"]]
    assert roles[:3] == ["user", "assistant", "tool"]
    assert r["messages"][1]["tool_calls"][0]["id"] == r["messages"][2]["tool_call_id"]
    turn = r["turns"][0]
    assert turn["tool_calls"][0]["status"] == "ok" and turn["observation"]
    assert turn["gen_seconds"] >= 0 and turn["env_seconds"] >= 0
    assert r["reward_components"]["accuracy"] == 1.0 and r["completion_tokens"] > 0


def test_hermes_text_mode(server):
    policy, records = _run(server, "oracle-text", tools_mode="hermes")
    assert summarize(records)["overall"]["accuracy"] == 1.0
    r = records[0]
    assert r["messages"][0]["role"] == "system" and "<tools>" in r["messages"][0]["content"]
    assert r["messages"][3]["role"] == "user"
    assert r["messages"][3]["content"].startswith("<tool_response>")


def test_auto_mode_falls_back_to_hermes_when_tools_are_rejected(server):
    policy, records = _run(server, "notools")
    assert policy.native is False
    assert all(r["tools_mode"] == "hermes" and r["error"] is None for r in records)
    assert summarize(records)["overall"]["accuracy"] == 1.0


def test_malformed_outputs_are_recorded_and_the_episode_goes_on(server):
    _, records = _run(server, "garbage")
    assert all(r["error"] is None and r["reward_components"] for r in records)
    statuses = [c["status"] for c in (records[0]["turns"][k]["tool_calls"][0] for k in range(3))]
    assert statuses == ["malformed", "malformed", "invalid"]
    assert "No tool call found" in records[0]["turns"][3]["observation"]
    s = summarize(records)["overall"]
    assert s["format"] < 1.0 and s["accuracy"] == 1.0


@pytest.mark.parametrize("mode", ["flaky", "ratelimit"])
def test_retryable_errors_are_retried(server, mode):
    policy, records = _run(server, mode, n=1)
    assert all(r["error"] is None for r in records)
    assert policy.stats["retries"] == sum(len(r["turns"]) for r in records)
    assert all(t["retries"] == 1 for r in records for t in r["turns"])


def test_failures_are_recorded_and_never_abort_the_batch(server):
    # mixed: task index mod 5 -> 500 always, a reply slower than the timeout, garbage,
    # and the oracle twice
    policy, records = _run(server, "mixed", n=5, max_retries=1, timeout=0.5)
    by_kind: dict[str, list[dict]] = {}
    for r in records:
        kind = ["error500", "slow", "garbage", "oracle", "oracle"][
            int(r["task_id"].split("-")[1]) % 5
        ]
        by_kind.setdefault(kind, []).append(r)
    for r in by_kind.get("error500", []):
        assert r["error"]["type"] == "InternalServerError" and r["error"]["status_code"] == 500
        assert r["reward_components"] is None
    for r in by_kind.get("slow", []):
        assert r["error"]["type"] == "TimeoutError"
    for kind in ("garbage", "oracle"):
        assert all(r["error"] is None and r["reward_components"] for r in by_kind.get(kind, []))
    s = summarize(records)["overall"]
    assert s["episodes"] == 15 and s["errors"] == len(by_kind.get("error500", [])) + len(
        by_kind.get("slow", [])
    )
    assert s["errors"] > 0 and s["scored"] > 0 and policy.stats["failures"] == s["errors"]


def test_empty_replies_are_errors(server):
    _, records = _run(server, "empty", n=1, max_retries=0)
    assert all(r["error"]["type"] == "MalformedResponse" for r in records)


def test_episode_timeout_is_recorded(server):
    policy = OpenAIChatPolicy(server.base_url, "slow", send_task_id=True, timeout=10)
    cfg = RolloutConfig(episode_timeout=0.3)
    records = rollout(policy, episode_specs(["medical_qa"], "test", 2), cfg)
    assert [r["error"]["message"] for r in records] == ["episode timeout"] * 2


def test_cli_run_openai_writes_summary_trajectories_and_report(server, tmp_path):
    out = tmp_path / "run"
    args = ["run", "--policy", "openai", "--base-url", server.base_url, "--model", "oracle"]
    args += ["--send-task-id", "--domains", "triage_emergency,medical_qa", "--limit-per-domain"]
    args += ["2", "--concurrency", "4", "--timeout", "5", "--report", "--out", str(out)]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["overall"]["episodes"] == 4 and summary["overall"]["accuracy"] == 1.0
    assert summary["config"]["policy_name"] == "openai:oracle"
    assert len((out / "trajectories.jsonl").read_text().splitlines()) == 4
    assert "data:image/png;base64," in (out / "report.html").read_text()


def test_cli_openai_needs_base_url_and_model(tmp_path):
    r = CliRunner().invoke(app, ["run", "--policy", "openai", "--out", str(tmp_path)])
    assert r.exit_code != 0 and "base-url" in r.output
