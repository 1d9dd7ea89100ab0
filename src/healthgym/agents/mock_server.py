"""A scripted OpenAI-compatible chat server on loopback, for tests and benchmarks.

``POST /v1/chat/completions`` answers at once from a script chosen by the request's
``model``; the episode's task is read from the ``user`` field (the policy sends the
task id with ``send_task_id=True``) and the turn from the number of assistant messages:

* ``oracle``: the task's reference calls as structured ``tool_calls``;
* ``oracle-text``: the same as Hermes ``<tool_call>`` text (no ``tools`` support needed);
* ``notools``: HTTP 400 when ``tools`` is sent, else ``oracle-text``;
* ``garbage``: four malformed turns (broken JSON in a block, broken structured
  arguments, an unknown tool, plain text), then the oracle;
* ``slow``: sleeps ``slow_seconds`` (to trip client timeouts); ``error500``: always
  HTTP 500; ``flaky`` / ``ratelimit``: HTTP 503 / 429 (``Retry-After: 0``) on the first
  try of every turn, then the oracle; ``empty``: a reply without choices;
* ``mixed``: by task index mod 5: error500, slow, garbage, oracle, oracle.

Real servers' failure modes (issue 19), each replying as the oracle otherwise:

* ``strict``: HTTP 500 with a validation-error body when an assistant message has
  ``"content": null`` (llama-cpp-python's ``chatml-function-calling`` does so);
* ``validation500``: always HTTP 500 whose body is a validation error (deterministic);
  ``error400``: always HTTP 400;
* ``ctx-<N>``: a model with an N-token context: a request whose messages and tools
  (JSON, 4 characters a token) plus ``max_tokens`` exceed N gets OpenAI's HTTP 400
  ``context_length_exceeded`` ("This model's maximum context length is N tokens.
  However, you requested M tokens ...");
* ``ignoretools``: accepts ``tools`` but never calls one (plain text every turn), as a
  server whose chat format drops them.

Replay (:func:`create_replay_app`): a transcript recorded from a real server by
``scripts/record_transcript.py`` is served back, the n-th request getting the n-th
recorded status and body; each request's shape (:func:`request_summary`) is kept beside
the recorded one so a test can check the client sent what the real server accepted.

``GET /stats`` reports requests served and seconds spent building replies (after the
request body is read; a ``slow`` reply's sleep counts); ``GET /bodies`` the last 200
request bodies (for tests of what the client sends).
Run it standalone with ``python -m healthgym.agents.mock_server --port 0`` (prints
``PORT <n>`` once listening).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import threading
import time
from functools import lru_cache
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from ..domains import get_domain
from ..tasks import parse_task_id


@lru_cache(maxsize=4096)
def _reference(task_id: str) -> list[tuple[str, str]]:
    domain, _ = parse_task_id(task_id)
    task = get_domain(domain).task(task_id)
    return [(c.name, json.dumps(c.arguments)) for c in task.reference.calls]


def _reply(content: str | None, calls: list[tuple[str, str]], turn: int) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if calls:
        message["tool_calls"] = [
            {"id": f"call_{turn}_{k}", "type": "function", "function": {"name": n, "arguments": a}}
            for k, (n, a) in enumerate(calls)
        ]
    text = (content or "") + "".join(a for _, a in calls)
    return {
        "id": f"mock-{turn}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "mock",
        "choices": [
            {"index": 0, "message": message, "finish_reason": "tool_calls" if calls else "stop"}
        ],
        "usage": {
            "prompt_tokens": 1,
            "completion_tokens": max(1, len(text) // 4),
            "total_tokens": 2,
        },
    }


GARBAGE: list[tuple[str | None, list[tuple[str, str]]]] = [
    ('<tool_call>{"name": "get_vitals", "arguments": {oops</tool_call>', []),
    (None, [("submit_answer", '{"answer": ')]),
    (None, [("no_such_tool", "{}")]),
    ("I think the patient is fine, but I am not sure what to do.", []),
]


VALIDATION_ERROR = (
    "1 validation error for ChatCompletionRequestAssistantMessage\ncontent\n"
    "  Input should be a valid string [type=string_type, input_value=None]"
)


def _context_tokens(body: dict[str, Any]) -> int:
    """The mock's token count of a request: messages and tools as JSON, 4 characters a
    token, plus the completion's ``max_tokens``."""
    text = json.dumps(body.get("messages", [])) + json.dumps(body.get("tools", []))
    return len(text) // 4 + int(body.get("max_tokens") or 0)


def create_app(slow_seconds: float = 5.0) -> FastAPI:
    app = FastAPI()
    stats: dict[str, float] = {"requests": 0, "handler_seconds": 0.0}
    tries: dict[tuple[str, str, int], int] = {}
    bodies: list[dict[str, Any]] = []
    app.state.bodies = bodies

    def oracle(task_id: str, turn: int, text: bool) -> dict[str, Any]:
        ref = _reference(task_id)
        if turn >= len(ref):
            return _reply("I have nothing more to add.", [], turn)
        name, args = ref[turn]
        if text:
            block = f'<tool_call>{{"name": "{name}", "arguments": {args}}}</tool_call>'
            return _reply(block, [], turn)
        return _reply(None, [ref[turn]], turn)

    def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
        body = {"error": {"message": message, "type": "mock", "code": status}}
        return JSONResponse(body, status_code=status, headers=headers)

    async def respond(body: dict[str, Any]) -> Any:
        mode = str(body.get("model", "oracle"))
        task_id = str(body.get("user") or "")
        turn = sum(1 for m in body.get("messages", []) if m.get("role") == "assistant")
        if mode == "mixed":
            _, index = parse_task_id(task_id)
            mode = ["error500", "slow", "garbage", "oracle", "oracle"][index % 5]
        key = (mode, task_id, turn)
        tries[key] = tries.get(key, 0) + 1
        if mode == "strict":
            if any(
                m.get("role") == "assistant" and m.get("content") is None
                for m in body.get("messages", [])
            ):
                return error(500, VALIDATION_ERROR)
            return oracle(task_id, turn, False)
        if mode == "validation500":
            return error(500, VALIDATION_ERROR)
        if mode == "error400":
            return error(400, "bad request (scripted)")
        if mode.startswith("ctx-"):
            limit = int(mode[4:])
            used = _context_tokens(body)
            if used > limit:
                message = (
                    f"This model's maximum context length is {limit} tokens. However, you "
                    f"requested {used} tokens. Please reduce the length of the messages "
                    "or completion."
                )
                payload = {
                    "error": {
                        "message": message,
                        "type": "invalid_request_error",
                        "param": "messages",
                        "code": "context_length_exceeded",
                    }
                }
                return JSONResponse(payload, status_code=400)
            return oracle(task_id, turn, False)
        if mode == "ignoretools":
            return _reply("I would examine the patient and review the record first.", [], turn)
        if mode == "error500":
            return error(500, "internal error (scripted)")
        if mode == "slow":
            await asyncio.sleep(slow_seconds)
            return oracle(task_id, turn, False)
        if mode == "empty":
            return {"id": "mock", "object": "chat.completion", "choices": []}
        if mode == "flaky" and tries[key] == 1:
            return error(503, "overloaded (scripted)")
        if mode == "ratelimit" and tries[key] == 1:
            return error(429, "rate limited (scripted)", {"retry-after": "0"})
        if mode == "notools" and "tools" in body:
            return error(400, "this server does not support tools")
        if mode == "garbage" and turn < len(GARBAGE):
            return _reply(*GARBAGE[turn], turn)
        if mode == "garbage":
            return oracle(task_id, turn - len(GARBAGE), False)
        return oracle(task_id, turn, mode in ("oracle-text", "notools"))

    @app.post("/v1/chat/completions")
    async def chat(request: Request) -> Any:
        body = await request.json()
        bodies.append(body)
        del bodies[:-200]
        start = time.perf_counter()
        try:
            return await respond(body)
        finally:
            stats["requests"] += 1
            stats["handler_seconds"] += time.perf_counter() - start

    @app.get("/stats")
    async def get_stats() -> dict[str, float]:
        return dict(stats)

    @app.get("/bodies")
    async def get_bodies() -> list[dict[str, Any]]:
        return list(bodies)

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    return app


def request_summary(body: dict[str, Any]) -> dict[str, Any]:
    """The shape of a chat request, without its text: message roles, what each assistant
    message carried as ``content`` (None, "" or "text") and whether it had tool calls,
    whether ``tools`` were sent, and ``tool_choice``."""
    messages = body.get("messages") or []

    def content_kind(m: dict[str, Any]) -> str | None:
        c = m.get("content")
        return None if c is None else ("" if c == "" else "text")

    return {
        "roles": [m.get("role") for m in messages],
        "assistant": [
            {"content": content_kind(m), "tool_calls": bool(m.get("tool_calls"))}
            for m in messages
            if m.get("role") == "assistant"
        ],
        "tools": bool(body.get("tools")),
        "tool_choice": body.get("tool_choice"),
    }


def create_replay_app(exchanges: list[dict[str, Any]]) -> FastAPI:
    """Serve ``exchanges`` (``{"status", "response", ...}``) in order; ``app.state.seen``
    collects the :func:`request_summary` of every request; past the end: HTTP 500
    ``unrecorded request`` (a test then fails loudly)."""
    app = FastAPI()
    app.state.seen = []
    lock = threading.Lock()

    @app.post("/v1/chat/completions")
    async def chat(request: Request) -> Any:
        body = await request.json()
        with lock:
            n = len(app.state.seen)
            app.state.seen.append(request_summary(body))
        if n >= len(exchanges):
            return JSONResponse({"error": {"message": "unrecorded request"}}, status_code=500)
        return JSONResponse(exchanges[n]["response"], status_code=exchanges[n]["status"])

    return app


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


class MockServer:
    """Runs the app (the scripted one, or ``app``) with uvicorn in a background thread on
    a free loopback port."""

    def __init__(self, slow_seconds: float = 5.0, app: FastAPI | None = None) -> None:
        import uvicorn

        self.sock = free_socket()
        self.port = self.sock.getsockname()[1]
        self.app = app if app is not None else create_app(slow_seconds)
        config = uvicorn.Config(self.app, log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    @property
    def bodies(self) -> list[dict[str, Any]]:
        """The last 200 request bodies the server received."""
        return self.app.state.bodies

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> MockServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        if not self.server.started:
            raise RuntimeError("the mock server did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


def main() -> None:  # pragma: no cover - used as a separate process by the benchmark
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--slow-seconds", type=float, default=5.0)
    args = parser.parse_args()
    sock = free_socket() if args.port == 0 else socket.create_server(("127.0.0.1", args.port))
    print(f"PORT {sock.getsockname()[1]}", flush=True)
    config = uvicorn.Config(create_app(args.slow_seconds), log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


if __name__ == "__main__":  # pragma: no cover
    main()
