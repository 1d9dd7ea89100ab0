"""The trainer's channel: ``GET /trainer/task/{session_id}`` (the session's reference
solution and grader specification) and the bearer-token check that also unlocks the
per-turn ``step_signals`` of ``POST /step``.

The route exists only when the server was started with a trainer token, and answers
only a caller presenting it (``Authorization: Bearer ...``): 401 without a token, 403
with a wrong one, 404 when the server has no token configured.
"""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import FastAPI, Request

from .errors import error_response
from .sessions import SessionManager


def bearer_ok(request: Request, token: str | None) -> bool:
    """Whether the request presents the server's trainer token."""
    if token is None:
        return False
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode(), token.encode()
    )


def add_trainer_route(app: FastAPI, sessions: SessionManager, token: str) -> None:
    """Register the trainer route guarded by ``token``."""
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
