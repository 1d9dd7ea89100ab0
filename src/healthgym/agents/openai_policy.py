"""A policy served by any OpenAI-compatible chat endpoint (vLLM, SGLang, Ollama, OpenAI).

* ``tools_mode="native"`` sends the tool schemas as ``tools=`` and accepts structured
  ``tool_calls``; the environment's reply goes back as ``tool`` messages.
* ``tools_mode="hermes"`` is plain text for servers without tool support: the tools
  are listed in the system prompt, the model writes ``<tool_call>`` blocks and the
  reply comes back as a user message in ``<tool_response>``.
* ``tools_mode="auto"`` (default) starts native and switches to Hermes for good when
  the server rejects ``tools`` (HTTP 400/422 naming tools).

Requests are bounded by a semaphore (``concurrency``), each has a timeout, and 429,
5xx, timeouts and connection errors are retried with exponential backoff and jitter
(honouring ``Retry-After``). A request that still fails raises, and the rollout
records that episode's error without stopping the others.
"""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any

import openai

from ..tasks import Task
from .base import Generation
from .chat import env_messages, initial_messages

RETRY_STATUS = {408, 409, 429}


class ToolsUnsupported(RuntimeError):
    """The server rejected the ``tools`` parameter."""


class MalformedResponse(RuntimeError):
    """The server's reply has no usable choice."""


def retryable(error: BaseException) -> bool:
    if isinstance(error, (asyncio.TimeoutError, openai.APIConnectionError, MalformedResponse)):
        return True  # APITimeoutError is an APIConnectionError
    if isinstance(error, openai.APIStatusError):
        return error.status_code in RETRY_STATUS or error.status_code >= 500
    return False


def _retry_after(error: BaseException) -> float | None:
    response = getattr(error, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


class OpenAISession:
    """One episode's message history with the server."""

    def __init__(
        self, policy: OpenAIChatPolicy, observation: str, info: dict[str, Any], user: str | None
    ):
        self.policy = policy
        self.observation = observation
        self.info = info
        self.user = user
        self.native = policy.native is not False
        self.messages = self._initial()
        self.turns = 0

    def _initial(self) -> list[dict[str, Any]]:
        return initial_messages(
            self.observation,
            self.info,
            native_tools=self.native,
            system=self.policy.system,
            multimodal=self.policy.multimodal,
        )

    async def generate(self, max_new_tokens: int | None = None) -> Generation:
        start = time.perf_counter()
        try:
            resp, retries = await self.policy.complete(self, max_new_tokens)
        except ToolsUnsupported:
            if self.turns or not self.native:
                raise
            self.native = False  # Hermes mode from here on, for this and later episodes
            self.messages = self._initial()
            resp, retries = await self.policy.complete(self, max_new_tokens)
        self.turns += 1
        if not getattr(resp, "choices", None) or resp.choices[0].message is None:
            raise MalformedResponse("the server returned no choices")
        choice = resp.choices[0]
        msg = choice.message
        text = msg.content or ""
        calls = [
            {
                "id": tc.id or f"call_{self.turns}_{k}",
                "type": "function",
                "function": {"name": tc.function.name, "arguments": tc.function.arguments},
            }
            for k, tc in enumerate(msg.tool_calls or [])
            if getattr(tc, "function", None) is not None
        ]
        assistant: dict[str, Any] = {"role": "assistant", "content": text or None}
        if calls:
            assistant["tool_calls"] = calls
        self.messages.append(assistant)
        usage = getattr(resp, "usage", None)
        completion = getattr(usage, "completion_tokens", None)
        return Generation(
            text=text,
            action=assistant if calls else text,
            tool_calls=calls,
            finish_reason=choice.finish_reason,
            prompt_tokens=getattr(usage, "prompt_tokens", None),
            completion_tokens=completion if completion is not None else len(text) // 4,
            seconds=time.perf_counter() - start,
            retries=retries,
        )

    def observe(self, observation: str, info: dict[str, Any]) -> None:
        last = self.messages[-1] if self.messages else {}
        ids = [c["id"] for c in last.get("tool_calls", [])]
        self.messages += env_messages(observation, ids, tool_role=bool(ids))

    def trajectory(self) -> dict[str, Any]:
        return {"messages": self.messages, "tools_mode": "native" if self.native else "hermes"}

    def close(self) -> None:
        pass


class OpenAIChatPolicy:
    """See the module docstring. ``api_key`` may be any string for local servers."""

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        concurrency: int = 16,
        timeout: float = 60.0,
        max_retries: int = 4,
        backoff_s: float = 0.5,
        max_backoff_s: float = 20.0,
        tools_mode: str = "auto",
        temperature: float | None = None,
        max_tokens: int | None = None,
        system: str | None = None,
        multimodal: bool = False,
        send_task_id: bool = False,
        extra_body: dict[str, Any] | None = None,
        client: openai.AsyncOpenAI | None = None,
        name: str | None = None,
    ) -> None:
        if tools_mode not in ("auto", "native", "hermes"):
            raise ValueError("tools_mode must be auto, native or hermes")
        self.model = model
        self.name = name or f"openai:{model}"
        self.client = client or openai.AsyncOpenAI(
            base_url=base_url, api_key=api_key or "EMPTY", timeout=timeout, max_retries=0
        )
        self.concurrency = concurrency
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s
        self.native: bool | None = {"auto": None, "native": True, "hermes": False}[tools_mode]
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.system = system
        self.multimodal = multimodal
        self.send_task_id = send_task_id
        self.extra_body = extra_body
        self._semaphores: dict[int, asyncio.Semaphore] = {}
        self.stats = {"requests": 0, "retries": 0, "failures": 0}

    def start(self, task: Task, observation: str, info: dict[str, Any]) -> OpenAISession:
        user = str(info.get("task_id")) if self.send_task_id else None
        return OpenAISession(self, observation, info, user)

    def _semaphore(self) -> asyncio.Semaphore:
        key = id(asyncio.get_running_loop())
        if key not in self._semaphores:
            self._semaphores = {key: asyncio.Semaphore(self.concurrency)}
        return self._semaphores[key]

    def _request(self, session: OpenAISession, max_new_tokens: int | None) -> dict[str, Any]:
        body: dict[str, Any] = {"model": self.model, "messages": session.messages}
        if session.native:
            body["tools"] = session.info.get("tools", [])
        limit = min(x for x in (self.max_tokens, max_new_tokens, 1 << 30) if x is not None)
        if limit < 1 << 30:
            body["max_tokens"] = limit
        if self.temperature is not None:
            body["temperature"] = self.temperature
        if session.user:
            body["user"] = session.user
        if self.extra_body:
            body["extra_body"] = self.extra_body
        return body

    async def complete(self, session: OpenAISession, max_new_tokens: int | None) -> tuple[Any, int]:
        """One chat completion with retries; returns (response, retries used)."""
        attempt = 0
        while True:
            body = self._request(session, max_new_tokens)
            try:
                async with self._semaphore():
                    self.stats["requests"] += 1
                    resp = await asyncio.wait_for(
                        self.client.chat.completions.create(**body), self.timeout
                    )
                if not getattr(resp, "choices", None):
                    raise MalformedResponse("the server returned no choices")
                return resp, attempt
            except openai.APIStatusError as e:
                if e.status_code in (400, 422) and session.native and "tool" in str(e).lower():
                    self.native = False
                    raise ToolsUnsupported(str(e)) from e
                error: BaseException = e
            except (asyncio.TimeoutError, openai.APIConnectionError, MalformedResponse) as e:
                error = e
            if not retryable(error) or attempt >= self.max_retries:
                self.stats["failures"] += 1
                raise error
            delay = min(self.max_backoff_s, self.backoff_s * 2**attempt)
            delay = _retry_after(error) or delay * (0.5 + random.random() / 2)
            attempt += 1
            self.stats["retries"] += 1
            await asyncio.sleep(min(delay, self.max_backoff_s))

    async def aclose(self) -> None:
        await self.client.close()
