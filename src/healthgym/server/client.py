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
"""

from __future__ import annotations

import contextlib
from typing import Any

import httpx

StepResult = tuple[str, float, bool, bool, dict[str, Any]]


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


class EnvClient:
    """A remote :class:`~healthgym.env.HealthGymEnv` (synchronous)."""

    def __init__(
        self,
        base_url: str = "http://127.0.0.1:8000",
        domain: str = "clinical_diagnosis",
        split: str | None = "train",
        max_turns: int | None = None,
        timeout: float = 60.0,
        client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.domain, self.split, self.max_turns = domain, split, max_turns
        self._owns = client is None
        self._http = client or httpx.Client(base_url=base_url, timeout=timeout, transport=transport)
        self.session_id: str | None = None
        self.info: dict[str, Any] = {}

    @property
    def tool_schemas(self) -> list[dict[str, Any]]:
        """The OpenAI function schemas of the current episode's tools."""
        return list(self.info.get("tools", []))

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[str, dict[str, Any]]:
        """Start an episode on the server (closing this client's previous one)."""
        body = _reset_body(self.domain, self.split, self.max_turns, seed, options)
        self._end_session()
        data = _check(self._http.post("/reset", json=body))
        self.session_id = data["session_id"]
        self.info = data["info"]
        return data["observation"], data["info"]

    def step(self, action: Any) -> StepResult:
        data = _check(self._http.post("/step", json={"session_id": self._sid(), "action": action}))
        return _step_result(data)

    def state(self) -> dict[str, Any]:
        return _check(self._http.get("/state", params={"session_id": self._sid()}))

    def privileged(self, token: str) -> dict[str, Any]:
        """The session's reference solution and grader spec (trainer endpoint)."""
        headers = {"Authorization": f"Bearer {token}"}
        return _check(self._http.get(f"/trainer/task/{self._sid()}", headers=headers))

    def close(self) -> None:
        """End the session and, if this client opened it, the HTTP connection pool."""
        self._end_session()
        if self._owns:
            self._http.close()

    def __enter__(self) -> EnvClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _sid(self) -> str:
        if self.session_id is None:
            raise RuntimeError("call reset() before step()/state()")
        return self.session_id

    def _end_session(self) -> None:
        if self.session_id is not None:
            sid, self.session_id = self.session_id, None
            with contextlib.suppress(httpx.HTTPError):  # server gone or session expired
                self._http.delete(f"/session/{sid}")


class AsyncEnvClient:
    """A remote :class:`~healthgym.env.HealthGymEnv` (``async`` methods)."""

    def __init__(
        self,
        base_url: str = "http://127.0.0.1:8000",
        domain: str = "clinical_diagnosis",
        split: str | None = "train",
        max_turns: int | None = None,
        timeout: float = 60.0,
        client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.domain, self.split, self.max_turns = domain, split, max_turns
        self._owns = client is None
        self._http = client or httpx.AsyncClient(
            base_url=base_url, timeout=timeout, transport=transport
        )
        self.session_id: str | None = None
        self.info: dict[str, Any] = {}

    @property
    def tool_schemas(self) -> list[dict[str, Any]]:
        return list(self.info.get("tools", []))

    async def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[str, dict[str, Any]]:
        body = _reset_body(self.domain, self.split, self.max_turns, seed, options)
        await self._end_session()
        data = _check(await self._http.post("/reset", json=body))
        self.session_id = data["session_id"]
        self.info = data["info"]
        return data["observation"], data["info"]

    async def step(self, action: Any) -> StepResult:
        body = {"session_id": self._sid(), "action": action}
        return _step_result(_check(await self._http.post("/step", json=body)))

    async def state(self) -> dict[str, Any]:
        return _check(await self._http.get("/state", params={"session_id": self._sid()}))

    async def privileged(self, token: str) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"}
        return _check(await self._http.get(f"/trainer/task/{self._sid()}", headers=headers))

    async def close(self) -> None:
        await self._end_session()
        if self._owns:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncEnvClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def _sid(self) -> str:
        if self.session_id is None:
            raise RuntimeError("call reset() before step()/state()")
        return self.session_id

    async def _end_session(self) -> None:
        if self.session_id is not None:
            sid, self.session_id = self.session_id, None
            with contextlib.suppress(httpx.HTTPError):
                await self._http.delete(f"/session/{sid}")
