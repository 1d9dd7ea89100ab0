"""A policy served by any OpenAI-compatible chat endpoint (vLLM, SGLang, Ollama, OpenAI).

* ``tools_mode="native"`` sends the tool schemas as ``tools=`` and accepts structured
  ``tool_calls``; the environment's reply goes back as ``tool`` messages.
* ``tools_mode="hermes"`` is plain text for servers without tool support: the tools
  are listed in the system prompt, the model writes ``<tool_call>`` blocks and the
  reply comes back as a user message in ``<tool_response>``.
* ``tools_mode="auto"`` (default) starts native and switches to Hermes for good when
  the server rejects ``tools`` (HTTP 400/422 naming tools).

Requests are bounded by a semaphore (``concurrency``), each has a timeout, and
transient failures are retried with exponential backoff and jitter (honouring
``Retry-After``): 408, 409, 429, 5xx, timeouts, connection errors, replies without
choices. Deterministic failures are never retried: any other 4xx, and a 5xx whose body
is a validation error (some servers, e.g. llama-cpp-python, answer a malformed
request with 500; see :func:`deterministic_body`). A request that still fails raises,
and the rollout records that episode's error without stopping the others.

Hardened against real servers:

* an assistant message with ``tool_calls`` carries ``"content": ""``, never ``null``
  (llama-cpp-python's ``chatml-function-calling`` answers ``null`` with HTTP 500);
* a context-length failure (OpenAI's ``context_length_exceeded`` code, or a message
  such as "maximum context length is N tokens ... you requested M", see
  :func:`context_length_error`) raises
  :class:`~healthgym.agents.base.ContextLengthExceeded`: the rollout ends the episode
  as truncated and grades it;
* :meth:`OpenAISession.fit_context` (called by the rollout with
  ``--context-window``) trims old tool output to a token budget before each request
  (:func:`healthgym.agents.chat.trim_tool_output`);
* ``tool_choice`` (auto, required, none), ``extra_body`` (merged into the request
  body) and a per-episode sampling ``seed`` (``--trials``) are passed through.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import time
from typing import Any

import openai

from ..tasks import Task
from .base import ContextLengthExceeded, Generation
from .chat import env_messages, initial_messages, trim_tool_output

RETRY_STATUS = {408, 409, 429}
TOOL_CHOICES = ("auto", "required", "none")

# A 5xx whose body says the request itself is bad: retrying cannot help.
_DETERMINISTIC = re.compile(
    r"validation error|validationerror|pydantic|input should be|field required"
    r"|is not a valid|invalid_request_error|unprocessable|jinja|templateerror"
    r"|typeerror|keyerror|attributeerror|nonetype",
    re.IGNORECASE,
)
# Context-length failures as servers word them (OpenAI, vLLM, llama.cpp and
# llama-cpp-python, SGLang, TGI).
_CONTEXT_PATTERNS = [
    re.compile(r"maximum context length is (?P<limit>\d+) tokens", re.IGNORECASE),
    re.compile(
        r"requested tokens \((?P<requested>\d+)\) exceed context window of (?P<limit>\d+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"longer than the model'?s context length \((?P<limit>\d+) tokens?\)", re.IGNORECASE
    ),
    re.compile(r"exceeds? the available context size", re.IGNORECASE),
    re.compile(r"must be <= (?P<limit>\d+)\. given: (?P<requested>\d+)", re.IGNORECASE),
    re.compile(r"context[ _](?:length|window|size)[ _]exceeded", re.IGNORECASE),
    re.compile(r"exceed_context_size", re.IGNORECASE),
]
_REQUESTED = re.compile(
    r"you requested (\d+) tokens|request has (\d+) (?:input )?tokens|\((\d+) tokens?\) is longer",
    re.IGNORECASE,
)


class ToolsUnsupported(RuntimeError):
    """The server rejected the ``tools`` parameter."""


class MalformedResponse(RuntimeError):
    """The server's reply has no usable choice."""


def error_text(error: BaseException) -> str:
    """The message and the body of an API error, as one string to match on."""
    body = getattr(error, "body", None)
    try:
        body_text = json.dumps(body) if body is not None else ""
    except (TypeError, ValueError):
        body_text = str(body)
    return f"{error} {body_text}"


def _error_code(error: BaseException) -> str | None:
    code = getattr(error, "code", None)
    body = getattr(error, "body", None)
    if code is None and isinstance(body, dict):
        inner = body.get("error", body)
        code = inner.get("code") if isinstance(inner, dict) else None
    return str(code) if code is not None else None


def deterministic_body(error: BaseException) -> bool:
    """Whether a server error's body says the request itself is invalid (a validation
    error, a template or type error): the same request would fail again."""
    return bool(_DETERMINISTIC.search(error_text(error)))


def context_length_error(error: BaseException) -> ContextLengthExceeded | None:
    """A :class:`ContextLengthExceeded` when ``error`` is a server's context-length
    failure (any 4xx/5xx status), else None."""
    if not isinstance(error, openai.APIStatusError):
        return None
    text = error_text(error)
    hit = _error_code(error) == "context_length_exceeded"
    limit = requested = None
    for pattern in _CONTEXT_PATTERNS:
        m = pattern.search(text)
        if m:
            hit = True
            groups = m.groupdict()
            limit = limit or (int(groups["limit"]) if groups.get("limit") else None)
            if groups.get("requested"):
                requested = requested or int(groups["requested"])
    if not hit:
        return None
    m = _REQUESTED.search(text)
    if m and requested is None:
        requested = int(next(g for g in m.groups() if g))
    return ContextLengthExceeded(str(error)[:500], limit=limit, requested=requested)


def retryable(error: BaseException) -> bool:
    """Transient failures only: 408/409/429, a 5xx that is not a validation error,
    timeouts, connection errors and replies without choices."""
    if isinstance(error, (asyncio.TimeoutError, openai.APIConnectionError, MalformedResponse)):
        return True  # APITimeoutError is an APIConnectionError
    if isinstance(error, openai.APIStatusError):
        if error.status_code in RETRY_STATUS:
            return True
        if error.status_code >= 500:
            return not deterministic_body(error) and context_length_error(error) is None
        return False
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
        self.seed: int | None = None
        self.budget: int | None = None  # prompt tokens a request may hold (fit_context)
        self.trimmed = 0  # tool results trimmed from the last request
        self.max_trimmed = 0

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
        # "" (not null) beside tool calls: some servers reject a null content
        assistant: dict[str, Any] = {"role": "assistant", "content": text}
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

    def set_seed(self, seed: int) -> None:
        """The sampling seed sent with every request of this episode (``--trials``)."""
        self.seed = seed

    def fit_context(self, budget: int) -> None:
        """Send at most ``budget`` prompt tokens from now on, trimming old tool output
        (see :func:`healthgym.agents.chat.trim_tool_output`); the recorded history
        stays whole."""
        self.budget = budget

    def request_messages(self) -> list[dict[str, Any]]:
        if self.budget is None:
            return self.messages
        tools = self.info.get("tools", []) if self.native else None
        messages, self.trimmed = trim_tool_output(
            self.messages,
            self.budget,
            keep_last_turns=self.policy.keep_last_turns,
            tools=tools,
            count=self.policy.count_tokens,
        )
        self.max_trimmed = max(self.max_trimmed, self.trimmed)
        return messages

    def trajectory(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "messages": self.messages,
            "tools_mode": "native" if self.native else "hermes",
        }
        if self.budget is not None:
            out["context_budget"] = self.budget
            out["tool_outputs_trimmed"] = self.max_trimmed
        return out

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
        tool_choice: str | None = None,
        keep_last_turns: int = 1,
        count_tokens: Any = None,
        client: openai.AsyncOpenAI | None = None,
        name: str | None = None,
    ) -> None:
        if tools_mode not in ("auto", "native", "hermes"):
            raise ValueError("tools_mode must be auto, native or hermes")
        if tool_choice is not None and tool_choice not in TOOL_CHOICES:
            raise ValueError(f"tool_choice must be one of {', '.join(TOOL_CHOICES)}")
        if extra_body is not None and not isinstance(extra_body, dict):
            raise ValueError("extra_body must be a JSON object")
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
        self.tool_choice = tool_choice
        self.keep_last_turns = keep_last_turns
        self.count_tokens = count_tokens  # str -> int; None: chat.estimate_tokens
        self.auto_tools = tools_mode == "auto"
        self._semaphores: dict[int, asyncio.Semaphore] = {}
        self.stats = {"requests": 0, "retries": 0, "failures": 0, "context_length": 0}

    def start(self, task: Task, observation: str, info: dict[str, Any]) -> OpenAISession:
        user = str(info.get("task_id")) if self.send_task_id else None
        return OpenAISession(self, observation, info, user)

    def _semaphore(self) -> asyncio.Semaphore:
        key = id(asyncio.get_running_loop())
        if key not in self._semaphores:
            self._semaphores = {key: asyncio.Semaphore(self.concurrency)}
        return self._semaphores[key]

    def _request(self, session: OpenAISession, max_new_tokens: int | None) -> dict[str, Any]:
        body: dict[str, Any] = {"model": self.model, "messages": session.request_messages()}
        if session.native:
            body["tools"] = session.info.get("tools", [])
            if self.tool_choice is not None and body["tools"]:
                body["tool_choice"] = self.tool_choice
        limit = min(x for x in (self.max_tokens, max_new_tokens, 1 << 30) if x is not None)
        if limit < 1 << 30:
            body["max_tokens"] = limit
        if self.temperature is not None:
            body["temperature"] = self.temperature
        if session.user:
            body["user"] = session.user
        if session.seed is not None:
            body["seed"] = session.seed
        if self.extra_body:
            # the client merges these keys into the JSON body (overriding ours)
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
                overflow = context_length_error(e)
                if overflow is not None:
                    self.stats["context_length"] += 1
                    raise overflow from e
                if (
                    e.status_code in (400, 422)
                    and session.native
                    and self.auto_tools
                    and session.turns == 0
                    and "tool" in str(e).lower()
                ):
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
