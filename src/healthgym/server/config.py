"""Settings of the HTTP environment server (limits, expiry, the trainer token)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServerConfig:
    """What one server process allows.

    ``trainer_token``: when set, ``GET /trainer/task/{session_id}`` serves a session's
    privileged task data (reference solution, grader specification) to callers that
    present it as ``Authorization: Bearer <token>``; when ``None`` that route does not
    exist (404).
    """

    max_sessions: int = 256
    idle_timeout_s: float = 600.0  # a session unused this long is closed
    sweep_interval_s: float = 30.0  # how often idle sessions are looked for
    max_body_bytes: int = 1_000_000  # larger request bodies get 413
    body_timeout_s: float = 30.0  # a request body not received within this gets 408
    max_action_chars: int = 100_000  # longer text actions get 413
    max_turns: int = 20  # default turn limit of an episode
    max_turns_cap: int = 100  # the most a client may ask for
    trainer_token: str | None = None
    domains: tuple[str, ...] | None = None  # None = every registered domain

    def __post_init__(self) -> None:
        if self.max_sessions < 1:
            raise ValueError("max_sessions must be at least 1")
        if self.idle_timeout_s <= 0 or self.sweep_interval_s <= 0:
            raise ValueError("idle_timeout_s and sweep_interval_s must be positive")
        if self.max_body_bytes < 1024:
            raise ValueError("max_body_bytes must be at least 1024")
        if self.trainer_token is not None and len(self.trainer_token) < 16:
            raise ValueError("trainer_token must be at least 16 characters")
        if not 1 <= self.max_turns <= self.max_turns_cap:
            raise ValueError("max_turns must be between 1 and max_turns_cap")
