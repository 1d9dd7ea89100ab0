"""The service routes: ``GET /health``, ``GET /metadata`` and ``GET /schema``."""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import FastAPI

from .. import __version__
from ..domains import get_domain
from .config import ServerConfig
from .errors import RequestError
from .models import ResetRequest, StateResponse, StepRequest, StepResponse
from .sessions import SessionManager


def add_service_routes(
    app: FastAPI, sessions: SessionManager, config: ServerConfig, available: list[str]
) -> None:
    """Register the health, metadata and schema routes of ``available`` domains."""

    @app.get("/health")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "sessions": len(sessions), "max_sessions": config.max_sessions}

    @app.get("/metadata")
    async def metadata() -> dict[str, Any]:
        return {
            "name": "healthgym",
            "version": __version__,
            "domains": {d: domain_summary(d) for d in available},
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


@cache
def domain_summary(name: str) -> dict[str, Any]:
    """A domain's description, task counts and tools, as ``/metadata`` lists it."""
    d = get_domain(name)
    return {
        "description": d.description,
        "n_tasks": d.n_tasks,
        "train": len(d.indices("train")),
        "test": len(d.indices("test")),
        "n_tools": len(d.toolkit),
        "submit_tool": d.submit_tool,
    }
