"""Load run directories and derive the per-episode numbers the report shows."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..tools.parse import parse_action


@dataclass
class EpisodeStats:
    domain: str
    reward: float | None
    turns: int
    tool_calls: int
    response_chars: list[int]
    response_tokens: list[int]
    ended_by: str | None
    error: str | None


@dataclass
class Run:
    """One ``healthgym run`` output: ``summary.json`` and, if present, the trajectories."""

    name: str
    path: Path
    summary: dict[str, Any]
    episodes: list[EpisodeStats] = field(default_factory=list)

    @property
    def domains(self) -> list[str]:
        return list(self.summary.get("by_domain", {}))

    def ended_by(self) -> Counter[str]:
        return Counter(e.error or e.ended_by or "unknown" for e in self.episodes)


def _turn_calls(turn: dict[str, Any]) -> int:
    if isinstance(turn.get("tool_calls"), list):
        return len(turn["tool_calls"])
    return parse_action(turn.get("action", "")).attempts


def _turn_text(turn: dict[str, Any]) -> str:
    if isinstance(turn.get("text"), str) and turn["text"]:
        return turn["text"]
    action = turn.get("action", "")
    return action if isinstance(action, str) else json.dumps(action)


def episode_stats(record: dict[str, Any]) -> EpisodeStats:
    turns = record.get("turns") or []
    error = record.get("error")
    return EpisodeStats(
        domain=str(record.get("domain", "?")),
        reward=record.get("reward") if record.get("reward_components") else None,
        turns=len(turns),
        tool_calls=sum(_turn_calls(t) for t in turns),
        response_chars=[len(_turn_text(t)) for t in turns],
        response_tokens=[int(t["completion_tokens"]) for t in turns if t.get("completion_tokens")],
        ended_by=record.get("ended_by"),
        error=f"error: {error.get('type', 'error')}" if isinstance(error, dict) else None,
    )


def load_run(path: str | Path) -> Run:
    """A run from its directory (or its ``summary.json``)."""
    path = Path(path)
    folder = path.parent if path.suffix == ".json" else path
    summary_file = path if path.suffix == ".json" else path / "summary.json"
    if not summary_file.is_file():
        raise FileNotFoundError(f"no summary.json in {folder}")
    summary = json.loads(summary_file.read_text())
    if "overall" not in summary or "by_domain" not in summary:
        raise ValueError(f"{summary_file} is not a healthgym run summary")
    config = summary.get("config", {})
    label = config.get("policy_name") or config.get("policy") or "run"
    run = Run(name=f"{folder.name} ({label})", path=folder, summary=summary)
    traj = folder / "trajectories.jsonl"
    if traj.is_file():
        with traj.open() as f:
            run.episodes = [episode_stats(json.loads(line)) for line in f if line.strip()]
    return run


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def domain_means(run: Run, domain: str | None = None) -> dict[str, float]:
    """Mean turns, tool calls and response length (chars, tokens) of a run's episodes."""
    eps = [e for e in run.episodes if domain is None or e.domain == domain]
    chars = [c for e in eps for c in e.response_chars]
    tokens = [t for e in eps for t in e.response_tokens]
    return {
        "turns": mean([e.turns for e in eps]),
        "tool_calls": mean([e.tool_calls for e in eps]),
        "response_chars": mean(chars),
        "response_tokens": mean(tokens),
    }
