"""Clients of the HTTP environment server with the gymnasium signatures.

:class:`EnvClient` (sync, ``httpx.Client``) and :class:`AsyncEnvClient` (``httpx.
AsyncClient``) behave like :class:`healthgym.env.HealthGymEnv` over the wire::

    env = EnvClient("http://127.0.0.1:8000", domain="triage_emergency")
    obs, info = env.reset(seed=0)                     # or options={"task_id": ...}
    obs, reward, terminated, truncated, info = env.step(action)
    env.state()                                       # public progress
    env.close()                                       # ends the session

``reset`` closes the previous session of this client first, so one client holds at
most one server session.  A refused request raises :class:`EnvServerError` carrying
the HTTP status and the server's message.  Pass ``client=`` (an ``httpx.Client``,
e.g. a FastAPI ``TestClient``) or ``transport=`` to run against an in-process app.

Both faces share one core (:class:`_ClientCore`): the session state, the request
building, the response parsing and the error mapping, written once as I/O-free
operations (generators of requests); each face only sends the requests.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

StepResult = tuple[str, float, bool, bool, dict[str, Any]]
T = TypeVar("T")


class EnvServerError(RuntimeError):
    """The server refused a request: ``status`` (HTTP) and ``detail`` (its message)."""

    def __init__(self, status: int, error: str, detail: Any) -> None:
        super().__init__(f"{status} {error}: {detail}")
        self.status, self.error, self.detail = status, error, detail


def _check(response: httpx.Response) -> dict[str, Any]:
    if response.status_code >= 400:
        try:
            body = response.json()
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        raise EnvServerError(
            response.status_code,
            str(body.get("error", "error")),
            body.get("detail", response.text[:500]),
        )
    data: dict[str, Any] = response.json()
    return data


def _reset_body(
    domain: str,
    split: str | None,
    max_turns: int | None,
    seed: int | None,
    options: dict[str, Any] | None,
) -> dict[str, Any]:
    options = options or {}
    unknown = set(options) - {"task_id", "index", "task_index"}
    if unknown:
        raise ValueError(f"unsupported reset option(s) {sorted(unknown)}; use task_id or index")
    body: dict[str, Any] = {"domain": domain, "split": split or "all"}
    if seed is not None:
        body["seed"] = seed
    if max_turns is not None:
        body["max_turns"] = max_turns
    if "task_id" in options:
        body["task_id"] = str(options["task_id"])
    index = options.get("index", options.get("task_index"))
    if index is not None:
        body["task_index"] = int(index)
    return body


def _step_result(data: dict[str, Any]) -> StepResult:
    return (
        data["observation"],
        float(data["reward"]),
        bool(data["terminated"]),
        bool(data["truncated"]),
        data["info"],
    )


@dataclass(frozen=True)
class _Request:
    """One HTTP request of the protocol; a ``best_effort`` one (ending a session) ignores
    transport errors and its response."""

    method: str
    url: str
    json: Any = None
    params: dict[str, str] | None = None
    headers: dict[str, str] | None = None
    best_effort: bool = False


# an operation: yields requests, receives each one's response (None for a failed
# best-effort request), returns its result
Op = Generator[_Request, "httpx.Response | None", T]


class _ClientCore:
    """The client's state and protocol, free of I/O: each operation is a generator of
    :class:`_Request` that the sync and async faces drive over their transports
    (``client``, or a new ``_http_class`` at ``base_url``, which the client then owns)."""

    _http_class: type[httpx.Client] | type[httpx.AsyncClient]

    def __init__(
        self,
        base_url: str = "http://127.0.0.1:8000",
        domain: str = "clinical_diagnosis",
        split: str | None = "train",
        max_turns: int | None = None,
        timeout: float = 60.0,
        client: httpx.Client | httpx.AsyncClient | None = None,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.domain, self.split, self.max_turns = domain, split, max_turns
        self.session_id: str | None = None
        self.info: dict[str, Any] = {}
        self._owns = client is None
        self._http: Any = client or self._http_class(
            base_url=base_url, timeout=timeout, transport=transport
        )

    @property
    def tool_schemas(self) -> list[dict[str, Any]]:
        """The OpenAI function schemas of the current episode's tools."""
        return list(self.info.get("tools", []))

    def _sid(self) -> str:
        if self.session_id is None:
            raise RuntimeError("call reset() before step()/state()")
        return self.session_id

    def _end_session_op(self) -> Op[None]:
        if self.session_id is not None:
            sid, self.session_id = self.session_id, None
            # server gone or session expired: nothing to end
            yield _Request("DELETE", f"/session/{sid}", best_effort=True)

    def _reset_op(
        self, seed: int | None, options: dict[str, Any] | None
    ) -> Op[tuple[str, dict[str, Any]]]:
        body = _reset_body(self.domain, self.split, self.max_turns, seed, options)
        yield from self._end_session_op()
        data = _check((yield _Request("POST", "/reset", json=body)))
        self.session_id = data["session_id"]
        self.info = data["info"]
        return data["observation"], data["info"]

    def _step_op(self, action: Any) -> Op[StepResult]:
        body = {"session_id": self._sid(), "action": action}
        return _step_result(_check((yield _Request("POST", "/step", json=body))))

    def _state_op(self) -> Op[dict[str, Any]]:
        return _check((yield _Request("GET", "/state", params={"session_id": self._sid()})))

    def _privileged_op(self, token: str) -> Op[dict[str, Any]]:
        headers = {"Authorization": f"Bearer {token}"}
        return _check((yield _Request("GET", f"/trainer/task/{self._sid()}", headers=headers)))


def _send(http: httpx.Client, req: _Request) -> httpx.Response | None:
    try:
        return http.request(
            req.method, req.url, json=req.json, params=req.params, headers=req.headers
        )
    except httpx.HTTPError:
        if req.best_effort:
            return None
        raise


async def _asend(http: httpx.AsyncClient, req: _Request) -> httpx.Response | None:
    try:
        return await http.request(
            req.method, req.url, json=req.json, params=req.params, headers=req.headers
        )
    except httpx.HTTPError:
        if req.best_effort:
            return None
        raise


class EnvClient(_ClientCore):
    """A remote :class:`~healthgym.env.HealthGymEnv` (synchronous; ``client``: an
    ``httpx.Client``, ``transport``: an ``httpx.BaseTransport``)."""

    _http_class = httpx.Client

    def _run(self, op: Op[T]) -> T:
        try:
            req = next(op)
            while True:
                req = op.send(_send(self._http, req))
        except StopIteration as done:
            return done.value

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[str, dict[str, Any]]:
        """Start an episode on the server (closing this client's previous one)."""
        return self._run(self._reset_op(seed, options))

    def step(self, action: Any) -> StepResult:
        return self._run(self._step_op(action))

    def state(self) -> dict[str, Any]:
        return self._run(self._state_op())

    def privileged(self, token: str) -> dict[str, Any]:
        """The session's reference solution and grader spec (trainer endpoint)."""
        return self._run(self._privileged_op(token))

    def close(self) -> None:
        """End the session and, if this client opened it, the HTTP connection pool."""
        self._run(self._end_session_op())
        if self._owns:
            self._http.close()

    def __enter__(self) -> EnvClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncEnvClient(_ClientCore):
    """A remote :class:`~healthgym.env.HealthGymEnv` (``async`` methods; ``client``: an
    ``httpx.AsyncClient``, ``transport``: an ``httpx.AsyncBaseTransport``)."""

    _http_class = httpx.AsyncClient

    async def _run(self, op: Op[T]) -> T:
        try:
            req = next(op)
            while True:
                req = op.send(await _asend(self._http, req))
        except StopIteration as done:
            return done.value

    async def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[str, dict[str, Any]]:
        """Start an episode on the server (closing this client's previous one)."""
        return await self._run(self._reset_op(seed, options))

    async def step(self, action: Any) -> StepResult:
        return await self._run(self._step_op(action))

    async def state(self) -> dict[str, Any]:
        return await self._run(self._state_op())

    async def privileged(self, token: str) -> dict[str, Any]:
        """The session's reference solution and grader spec (trainer endpoint)."""
        return await self._run(self._privileged_op(token))

    async def close(self) -> None:
        """End the session and, if this client opened it, the HTTP connection pool."""
        await self._run(self._end_session_op())
        if self._owns:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncEnvClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
