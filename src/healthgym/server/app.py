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

:func:`create_app` assembles the application from the modules of each part: the error
mapping (:mod:`.errors`), the episode routes (:mod:`.routes_episode`), the service
routes (:mod:`.routes_service`) and the trainer's channel (:mod:`.routes_trainer`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Callable

from fastapi import FastAPI

from .. import __version__
from ..domains import domain_names
from .config import ServerConfig
from .errors import AsciiJSONResponse, add_error_handlers
from .limits import BodyLimitMiddleware
from .routes_episode import add_episode_routes
from .routes_service import add_service_routes
from .routes_trainer import add_trainer_route
from .sessions import SessionManager

log = logging.getLogger("healthgym.server")


def create_app(
    config: ServerConfig | None = None, clock: Callable[[], float] = time.monotonic
) -> FastAPI:
    """A FastAPI application serving healthgym episodes under ``config``."""
    config = config or ServerConfig()
    available = served_domains(config)
    sessions = SessionManager(config.max_sessions, config.idle_timeout_s, clock)
    app = FastAPI(
        title="healthgym environment server",
        version=__version__,
        lifespan=_lifespan(sessions, config),
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
    add_error_handlers(app)
    add_episode_routes(app, sessions, config, available)
    add_service_routes(app, sessions, config, available)
    if config.trainer_token is not None:
        add_trainer_route(app, sessions, config.trainer_token)
    return app


def served_domains(config: ServerConfig) -> list[str]:
    """The domains ``config`` serves (all by default); an unknown one is an error."""
    available = list(config.domains) if config.domains else domain_names()
    unknown = [d for d in available if d not in domain_names()]
    if unknown:
        raise ValueError(f"unknown domain(s) {unknown}; available: {domain_names()}")
    return available


def _lifespan(
    sessions: SessionManager, config: ServerConfig
) -> Callable[[FastAPI], contextlib.AbstractAsyncContextManager[None]]:
    """Sweep idle sessions every ``config.sweep_interval_s`` while the app runs; close
    every session at shutdown."""

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

    return lifespan
