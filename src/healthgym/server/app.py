"""The HTTP environment server: a FastAPI application over isolated sessions.

Endpoints (OpenEnv style; every body is JSON):

* ``POST /reset`` ``{domain, seed?, task_index? | task_id?, split?, max_turns?}`` ->
  ``{session_id, observation, info}`` (``task_index`` is a position inside ``split``;
  ``task_id`` is global); ``info`` holds the task id and the tool
  schemas, never the hidden patient, answer or reference solution.
* ``POST /step`` ``{session_id, action}`` -> ``{observation, reward, terminated,
  truncated, done, info}``; ``info["step_signals"]`` (the turn's evidence and safety
  events) only at the end of the episode, or on every step to a caller presenting the
  trainer token.
* ``GET /state?session_id=...`` -> public progress (turn, tool calls so far, done).
* ``DELETE /session/{id}``, ``GET /health``, ``GET /schema``, ``GET /metadata``.
* ``GET /trainer/task/{session_id}``: the session's reference solution and grader
  specification, only when the server was started with a trainer token and only to
  a caller presenting it (``Authorization: Bearer ...``); 401 without a token, 403
  with a wrong one, 404 when the server has no token configured.

Bad input is always a 4xx with ``{"error": ..., "detail": ...}``: malformed JSON
400, a body over the cap 413, a field that does not fit 422, an unknown or expired
session 404, a step after the end 409, too many sessions 429.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from functools import cache
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..domains import domain_names, get_domain
from ..env import HealthGymEnv
from .config import ServerConfig
from .limits import BodyLimitMiddleware
from .models import (
    ResetRequest,
    ResetResponse,
    StateResponse,
    StepRequest,
    StepResponse,
)
from .sessions import SessionError, SessionManager

log = logging.getLogger("healthgym.server")


class AsciiJSONResponse(JSONResponse):
    """JSON with every non-ASCII character escaped: text echoed from a client (a tool
    name, a field name) can never make the response unencodable (lone surrogates)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(
            content, ensure_ascii=True, allow_nan=False, separators=(",", ":")
        ).encode()


class RequestError(Exception):
    """A refused request: HTTP ``status``, a short ``error`` code and a clear detail."""

    def __init__(self, status: int, error: str, detail: Any) -> None:
        super().__init__(str(detail))
        self.status, self.error, self.detail = status, error, detail


def error_response(status: int, error: str, detail: Any, **headers: str) -> JSONResponse:
    return AsciiJSONResponse(
        {"error": error, "detail": detail}, status_code=status, headers=headers
    )


async def parse_body(request: Request, model: type[BaseModel]) -> Any:
    """The request body as ``model``: 400 for malformed JSON, 422 for wrong fields."""
    raw = await request.body()
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as e:  # JSONDecodeError, bad UTF-8, deep nesting
        msg = e.msg if isinstance(e, json.JSONDecodeError) else type(e).__name__
        raise RequestError(400, "malformed_json", f"the body is not valid JSON: {msg}") from None
    try:
        return model.model_validate(data)
    except ValidationError as e:
        errors = [
            {"loc": list(err["loc"]), "msg": err["msg"]}
            for err in e.errors(include_url=False, include_input=False)[:20]
        ]
        raise RequestError(422, "invalid_request", errors) from None
    except RecursionError:
        raise RequestError(422, "invalid_request", "the body is nested too deeply") from None


def create_app(
    config: ServerConfig | None = None, clock: Callable[[], float] = time.monotonic
) -> FastAPI:
    """A FastAPI application serving healthgym episodes under ``config``."""
    config = config or ServerConfig()
    available = list(config.domains) if config.domains else domain_names()
    unknown = [d for d in available if d not in domain_names()]
    if unknown:
        raise ValueError(f"unknown domain(s) {unknown}; available: {domain_names()}")
    sessions = SessionManager(config.max_sessions, config.idle_timeout_s, clock)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async def sweep() -> None:
            while True:
                await asyncio.sleep(config.sweep_interval_s)
                n = sessions.expire_idle()
                if n:
                    log.info("closed %d idle session(s)", n)

        task = asyncio.create_task(sweep())
        try:
            yield
        finally:
            task.cancel()
            sessions.close_all()

    app = FastAPI(
        title="healthgym environment server",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        default_response_class=AsciiJSONResponse,
    )
    app.state.config = config
    app.state.sessions = sessions
    app.add_middleware(
        BodyLimitMiddleware, max_bytes=config.max_body_bytes, timeout_s=config.body_timeout_s
    )

    @app.exception_handler(RequestError)
    async def _request_error(request: Request, exc: RequestError) -> JSONResponse:
        return error_response(exc.status, exc.error, exc.detail)

    @app.exception_handler(SessionError)
    async def _session_error(request: Request, exc: SessionError) -> JSONResponse:
        headers = {"Retry-After": "5"} if exc.status == 429 else {}
        return error_response(exc.status, exc.code, exc.message, **headers)

    @app.exception_handler(RequestValidationError)
    async def _query_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in exc.errors()[:20]]
        return error_response(422, "invalid_request", errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, "http_error", exc.detail)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", "internal server error")

    # ------------------------------------------------------------------ episodes
    @app.post("/reset", response_model=ResetResponse)
    async def reset(request: Request) -> dict[str, Any]:
        body: ResetRequest = await parse_body(request, ResetRequest)
        if body.domain not in available:
            raise RequestError(
                422, "unknown_domain", f"unknown domain {body.domain!r}; available: {available}"
            )
        max_turns = body.max_turns or config.max_turns
        if max_turns > config.max_turns_cap:
            raise RequestError(
                422, "invalid_request", f"max_turns must be at most {config.max_turns_cap}"
            )
        split = None if body.split == "all" else body.split
        options: dict[str, Any] = {}
        if body.task_id is not None:
            options["task_id"] = body.task_id
        elif body.task_index is not None:
            options["index"] = body.task_index

        def make_env() -> HealthGymEnv:
            return HealthGymEnv(domain=body.domain, split=split, max_turns=max_turns)

        try:
            session, obs, info = await sessions.create(make_env, body.seed, options)
        except (ValueError, KeyError) as e:
            detail = e.args[0] if e.args else str(e)
            raise RequestError(422, "invalid_task", str(detail)) from None
        return {"session_id": session.id, "observation": obs, "info": info}

    @app.post("/step", response_model=StepResponse)
    async def step(request: Request) -> dict[str, Any]:
        body: StepRequest = await parse_body(request, StepRequest)
        action = body.action
        if isinstance(action, str) and len(action) > config.max_action_chars:
            raise RequestError(
                413,
                "action_too_long",
                f"action of {len(action)} characters exceeds {config.max_action_chars}",
            )
        obs, reward, terminated, truncated, info = await sessions.step(body.session_id, action)
        if not (terminated or truncated) and not _bearer_ok(request, config.trainer_token):
            # per-turn process/safety events say which actions the task required: a
            # trainer's channel (bearer token) until the episode is over
            info = {k: v for k, v in info.items() if k != "step_signals"}
        return {
            "observation": obs,
            "reward": reward,
            "terminated": terminated,
            "truncated": truncated,
            "done": terminated or truncated,
            "info": info,
        }

    @app.get("/state", response_model=StateResponse)
    async def state(session_id: str) -> dict[str, Any]:
        return await sessions.state(session_id)

    @app.delete("/session/{session_id}")
    async def close(session_id: str) -> dict[str, Any]:
        if not sessions.close(session_id):
            sessions.get(session_id)  # raises the 404 with its message
        return {"session_id": session_id, "closed": True}

    # ------------------------------------------------------------------ service
    @app.get("/health")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "sessions": len(sessions), "max_sessions": config.max_sessions}

    @app.get("/metadata")
    async def metadata() -> dict[str, Any]:
        return {
            "name": "healthgym",
            "version": __version__,
            "domains": {d: _domain_summary(d) for d in available},
            "limits": {
                "max_sessions": config.max_sessions,
                "idle_timeout_s": config.idle_timeout_s,
                "max_body_bytes": config.max_body_bytes,
                "max_action_chars": config.max_action_chars,
                "max_turns": config.max_turns,
                "max_turns_cap": config.max_turns_cap,
            },
            "trainer_endpoint": config.trainer_token is not None,
        }

    @app.get("/schema")
    async def schema(domain: str | None = None) -> dict[str, Any]:
        if domain is not None and domain not in available:
            raise RequestError(404, "unknown_domain", f"unknown domain {domain!r}")
        chosen = [domain] if domain else available
        return {
            "reset": ResetRequest.model_json_schema(),
            "action": StepRequest.model_json_schema(),
            "observation": StepResponse.model_json_schema(),
            "state": StateResponse.model_json_schema(),
            "tools": {d: get_domain(d).toolkit.schemas for d in chosen},
        }

    if config.trainer_token is not None:
        _add_trainer_route(app, sessions, config.trainer_token)
    return app


def _bearer_ok(request: Request, token: str | None) -> bool:
    """Whether the request presents the server's trainer token."""
    if token is None:
        return False
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode(), token.encode()
    )


def _add_trainer_route(app: FastAPI, sessions: SessionManager, token: str) -> None:
    expected = token.encode()

    @app.get("/trainer/task/{session_id}")
    async def trainer_task(session_id: str, request: Request) -> Any:
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not given:
            return error_response(
                401, "unauthorized", "a bearer token is required", **{"WWW-Authenticate": "Bearer"}
            )
        if not hmac.compare_digest(given.strip().encode(), expected):
            return error_response(403, "forbidden", "the token is not valid")
        task = sessions.get(session_id).env.task
        assert task is not None
        return {
            "session_id": session_id,
            "task_id": task.id,
            "reference": task.reference.model_dump(mode="json"),
            "grader": task.grader,
            "safety": [r.model_dump(mode="json") for r in task.safety],
        }


@cache
def _domain_summary(name: str) -> dict[str, Any]:
    d = get_domain(name)
    return {
        "description": d.description,
        "n_tasks": d.n_tasks,
        "train": len(d.indices("train")),
        "test": len(d.indices("test")),
        "n_tools": len(d.toolkit),
        "submit_tool": d.submit_tool,
    }
