"""The episode routes: ``POST /reset``, ``POST /step``, ``GET /state``, ``DELETE
/session/{id}`` (one isolated :class:`~healthgym.env.HealthGymEnv` per session)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request

from ..env import HealthGymEnv
from .config import ServerConfig
from .errors import RequestError, parse_body
from .models import ResetRequest, ResetResponse, StateResponse, StepRequest, StepResponse
from .routes_trainer import bearer_ok
from .sessions import SessionManager


def add_episode_routes(
    app: FastAPI, sessions: SessionManager, config: ServerConfig, available: list[str]
) -> None:
    """Register the episode routes of ``available`` domains on ``app``."""

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
        if not (terminated or truncated) and not bearer_ok(request, config.trainer_token):
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
