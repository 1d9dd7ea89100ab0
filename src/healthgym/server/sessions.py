"""Sessions: one isolated :class:`HealthGymEnv` per episode, with expiry and a cap.

Each session owns its environment and an :class:`asyncio.Lock`, so two requests on
the same session run one after the other while different sessions run side by side.
Environment work (task generation, tool calls, grading) runs in a worker thread, so
a slow episode never blocks the event loop or another session.  Session ids come
from :func:`secrets.token_urlsafe` (unguessable).
"""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.concurrency import run_in_threadpool

from ..env import HealthGymEnv


class SessionError(Exception):
    """A request the session layer refuses; ``status`` is the HTTP status to answer."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SessionNotFound(SessionError):
    status = 404
    code = "session_not_found"


class SessionLimit(SessionError):
    status = 429
    code = "session_limit"


class EpisodeOver(SessionError):
    status = 409
    code = "episode_over"


@dataclass(eq=False)
class Session:
    """One client's episode: its own environment, lock and timestamps."""

    id: str
    env: HealthGymEnv
    created: float
    last_used: float
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    closed: bool = False
    reward: float | None = None
    final_info: dict[str, Any] | None = None

    @property
    def done(self) -> bool:
        return self.env.task is None or self.final_info is not None

    def public_state(self, now: float) -> dict[str, Any]:
        """What a client may see: progress only, never the task's hidden data."""
        out: dict[str, Any] = {"session_id": self.id}
        out.update(episode_progress(self.env, self.done, self.reward, self.final_info))
        out["idle_s"] = round(now - self.last_used, 3)
        return out


def episode_progress(
    env: HealthGymEnv,
    done: bool,
    reward: float | None = None,
    final_info: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The public progress of ``env``'s episode, shared by every server (HTTP, OpenEnv,
    MCP): domain, task, turn, calls so far, and the reward once the episode has ended.
    Never the task's hidden data (patient, answer, reference solution)."""
    task = env.task
    calls = [{"turn": c.turn, "name": c.name, "status": c.status} for c in env.log.calls]
    out: dict[str, Any] = {
        "domain": env.domain.name,
        "task_id": task.id if task else None,
        "split": task.split if task else None,
        "turn": env.log.turns,
        "max_turns": env.max_turns,
        "tool_calls": calls,
        "done": done,
        "ended_by": env.log.ended_by,
    }
    if final_info is not None:  # after the end the reward is public
        out["reward"] = reward
        out["reward_components"] = final_info.get("reward_components")
    return out


class SessionManager:
    """Creates, finds, steps and expires sessions under a cap."""

    def __init__(
        self,
        max_sessions: int,
        idle_timeout_s: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_sessions = max_sessions
        self.idle_timeout_s = idle_timeout_s
        self.clock = clock
        self._sessions: dict[str, Session] = {}
        self._reserved = 0  # slots taken by sessions being built
        self.expired_total = 0

    def __len__(self) -> int:
        return len(self._sessions)

    # ----------------------------------------------------------------- lifecycle
    async def create(
        self,
        make_env: Callable[[], HealthGymEnv],
        seed: int | None,
        options: dict[str, Any],
    ) -> tuple[Session, str, dict[str, Any]]:
        """Build a new environment in a worker thread, reset it, register the session.

        Raises :class:`SessionLimit` when the cap is reached (after expiring idle
        sessions), and lets ``ValueError``/``KeyError`` from a bad domain or task out.
        """
        self.expire_idle()
        if len(self._sessions) + self._reserved >= self.max_sessions:
            raise SessionLimit(
                f"session limit reached ({self.max_sessions} open sessions); close finished "
                "sessions with DELETE /session/{id} or retry later"
            )
        self._reserved += 1
        try:
            env, obs, info = await run_in_threadpool(_new_episode, make_env, seed, options)
        finally:
            self._reserved -= 1
        now = self.clock()
        sid = secrets.token_urlsafe(24)
        while sid in self._sessions:  # pragma: no cover - 192 random bits
            sid = secrets.token_urlsafe(24)
        session = Session(id=sid, env=env, created=now, last_used=now)
        self._sessions[sid] = session
        return session, obs, info

    def get(self, session_id: str) -> Session:
        """The open session ``session_id``; :class:`SessionNotFound` otherwise."""
        session = self._sessions.get(session_id) if isinstance(session_id, str) else None
        if session is None or session.closed:
            raise SessionNotFound(
                "unknown or expired session; start one with POST /reset (sessions idle for "
                f"{self.idle_timeout_s:g} s are closed)"
            )
        return session

    async def step(self, session_id: str, action: Any) -> tuple[str, float, bool, bool, dict]:
        """One environment step, serialized with any other request on this session."""
        session = self.get(session_id)
        async with session.lock:
            if session.closed:  # closed while this request waited for the lock
                raise SessionNotFound("the session was closed")
            if session.done:
                raise EpisodeOver(
                    "the episode has ended; start a new one with POST /reset and close this "
                    "session with DELETE /session/{id}"
                )
            session.last_used = self.clock()
            result = await run_in_threadpool(session.env.step, action)
            _obs, reward, terminated, truncated, info = result
            session.last_used = self.clock()
            if terminated or truncated:
                session.reward = reward
                session.final_info = info
            return result

    async def state(self, session_id: str) -> dict[str, Any]:
        """The public state, taken between steps (never half-way through one)."""
        session = self.get(session_id)
        async with session.lock:
            if session.closed:
                raise SessionNotFound("the session was closed")
            return session.public_state(self.clock())

    def close(self, session_id: str) -> bool:
        """Drop a session; ``False`` when there was none."""
        session = self._sessions.pop(session_id, None)
        if session is None:
            return False
        session.closed = True
        session.env.close()
        return True

    def expire_idle(self) -> int:
        """Close every session idle longer than the timeout (not one mid-step)."""
        now = self.clock()
        stale = [
            s.id
            for s in self._sessions.values()
            if now - s.last_used > self.idle_timeout_s and not s.lock.locked()
        ]
        for sid in stale:
            self.close(sid)
        self.expired_total += len(stale)
        return len(stale)

    def close_all(self) -> None:
        for sid in list(self._sessions):
            self.close(sid)


def _new_episode(
    make_env: Callable[[], HealthGymEnv], seed: int | None, options: dict[str, Any]
) -> tuple[HealthGymEnv, str, dict[str, Any]]:
    env = make_env()
    obs, info = env.reset(seed=seed, options=options)
    return env, obs, info
