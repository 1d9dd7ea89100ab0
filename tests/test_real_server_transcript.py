"""The OpenAI-compatible policy against a real server's recorded replies (issue 19).

The transcripts in ``tests/data/transcripts/`` were recorded by
``scripts/record_transcript.py`` between ``healthgym run --policy openai`` and
llama-cpp-python 0.3.36's OpenAI-compatible server (SmolLM2-135M-Instruct Q4_1 GGUF,
``n_ctx`` 2048, ``chat_format chatml-function-calling``, started by
``scripts/llama_server.py``); each holds the server's status and body for every
request and the shape of the request that produced it.  Replaying them checks the
client against what a real server said, not what we assumed it would say:

* ``llama_cpp_tools_ignored``: the model never calls a tool (the chat format drops
  them from its output); the prompt grows until the server answers HTTP 400 "This
  model's maximum context length is 2048 tokens": the episode ends
  ``context_length``, graded, and the run warns that the server ignores ``tools``;
* ``llama_cpp_forced_tool``: ``tool_choice`` forcing a function (sent with
  ``--extra-body``): the server's tool calls come with ``"content": null``; the client
  sends them back with ``"content": ""`` and the server accepts every follow-up (200);
* ``llama_cpp_tool_choice_required``: ``tool_choice: "required"`` makes the server fail
  with an empty HTTP 500 (an assertion in its chat handler); a bare 500 is retried, then
  the episode is recorded as an error and the summary's metrics are null.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("openai")
pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from healthgym.agents.mock_server import MockServer, create_replay_app
from healthgym.agents.openai_policy import OpenAIChatPolicy
from healthgym.rollout import EpisodeSpec, RolloutConfig, rollout
from healthgym.runner import summarize, tools_ignored_warning

DATA = Path(__file__).parent / "data" / "transcripts"


def _load(name: str) -> tuple[dict, list[dict]]:
    lines = [json.loads(x) for x in (DATA / f"{name}.jsonl").read_text().splitlines()]
    return lines[0], lines[1:]


def _replay(name: str, **policy_kw):
    header, exchanges = _load(name)
    run = header["run"]
    app = create_replay_app(exchanges)
    with MockServer(app=app) as srv:
        policy = OpenAIChatPolicy(
            srv.base_url,
            "smollm2",
            temperature=0.0,
            max_tokens=run["max_new_tokens"],
            tools_mode="native",
            tool_choice=run.get("tool_choice"),
            extra_body=run.get("extra_body"),
            timeout=30.0,
            backoff_s=0.0,
            **policy_kw,
        )
        spec = EpisodeSpec(run["domain"], run["task_index"])
        cfg = RolloutConfig(max_turns=run["max_turns"], max_new_tokens=run["max_new_tokens"])
        records = rollout(policy, [spec], cfg)
    return header, exchanges, app.state.seen, records


def test_transcripts_name_the_real_server():
    for path in sorted(DATA.glob("*.jsonl")):
        header, exchanges = _load(path.stem)
        assert "llama-cpp-python 0.3.36" in header["label"], path
        assert exchanges and all({"status", "response", "request"} <= set(e) for e in exchanges)


def test_context_length_and_ignored_tools_from_a_real_server():
    _, exchanges, seen, records = _replay("llama_cpp_tools_ignored")
    assert len(seen) == len(exchanges)  # every recorded reply was asked for, none more
    assert [s["roles"] for s in seen] == [e["request"]["roles"] for e in exchanges]
    last = exchanges[-1]
    assert last["status"] == 400
    assert "maximum context length is 2048 tokens" in last["response"]["error"]["message"]
    (record,) = records
    assert record["ended_by"] == "context_length"
    assert record.get("error") is None and "composite" in record["reward_components"]
    summary = summarize(records)
    assert summary["overall"]["scored"] == 1 and summary["overall"]["context_length"] == 1
    assert tools_ignored_warning(records) is not None


def test_null_content_tool_calls_are_sent_back_as_empty_strings():
    _, exchanges, seen, records = _replay("llama_cpp_forced_tool")
    replies = [e["response"]["choices"][0]["message"] for e in exchanges]
    assert all(m["content"] is None and m["tool_calls"] for m in replies)  # the server's way
    # what the real server accepted (200) and what the client sends now: "" beside calls
    assert all(e["status"] == 200 for e in exchanges)
    for recorded, sent in zip([e["request"] for e in exchanges], seen, strict=True):
        assert sent == recorded
        assert all(a["content"] == "" for a in sent["assistant"] if a["tool_calls"])
    (record,) = records
    assert record.get("error") is None and record["ended_by"] == "turn_limit"
    assert record["reward_components"]["format"] > 0  # well-formed calls were made


def test_an_empty_server_500_is_retried_then_recorded_as_an_error():
    _, exchanges, seen, records = _replay("llama_cpp_tool_choice_required", max_retries=4)
    assert all(e["status"] == 500 for e in exchanges)
    assert len(seen) == len(exchanges) == 5  # the first try and four retries
    assert all(s["tool_choice"] == "required" for s in seen)
    (record,) = records
    assert record.get("error")
    overall = summarize(records)["overall"]
    assert overall["scored"] == 0 and overall["errors"] == 1
    assert overall["reward"] is None and overall["accuracy"] is None
