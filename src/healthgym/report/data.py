"""Load run directories and derive the per-episode numbers the report shows."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
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
    skipped_lines: int = 0

    @property
    def domains(self) -> list[str]:
        return list(self.summary.get("by_domain", {}))

    @property
    def policy(self) -> str:
        config = self.summary.get("config") or {}
        return str(config.get("policy_name") or config.get("policy") or "")

    def ended_by(self) -> Counter[str]:
        return Counter(e.error or e.ended_by or "unknown" for e in self.episodes)

    def logs_tokens(self) -> bool:
        """Whether any turn recorded its model token count (scripted policies do not)."""
        return any(e.response_tokens for e in self.episodes)


def _turn_calls(turn: dict[str, Any]) -> int:
    if isinstance(turn.get("tool_calls"), list):
        return len(turn["tool_calls"])
    return parse_action(turn.get("action", "")).attempts


def _turn_text(turn: dict[str, Any]) -> str:
    if isinstance(turn.get("text"), str) and turn["text"]:
        return turn["text"]
    action = turn.get("action", "")
    return action if isinstance(action, str) else json.dumps(action)


def _tokens(turn: dict[str, Any]) -> int | None:
    value = turn.get("completion_tokens")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


def episode_stats(record: dict[str, Any]) -> EpisodeStats:
    turns = [t for t in record.get("turns") or [] if isinstance(t, dict)]
    error = record.get("error")
    tokens = [_tokens(t) for t in turns]
    return EpisodeStats(
        domain=str(record.get("domain", "?")),
        reward=record.get("reward") if record.get("reward_components") else None,
        turns=len(turns),
        tool_calls=sum(_turn_calls(t) for t in turns),
        response_chars=[len(_turn_text(t)) for t in turns],
        response_tokens=[t for t in tokens if t is not None],
        ended_by=record.get("ended_by"),
        error=f"error: {error.get('type', 'error')}" if isinstance(error, dict) else None,
    )


def run_label(folder: Path, summary: dict[str, Any]) -> str:
    """The run's name: its folder, with the policy added only when the folder's name
    does not already say it (``runs/oracle`` is "oracle", ``runs/a`` of the oracle
    policy is "a (oracle)")."""
    config = summary.get("config") or {}
    policy = str(config.get("policy_name") or config.get("policy") or "")
    name = folder.resolve().name or str(folder)
    if not policy or policy.lower() in name.lower():
        return name
    return f"{name} ({policy})"


def load_run(path: str | Path) -> Run:
    """A run from its directory (or its ``summary.json``)."""
    path = Path(path)
    folder = path.parent if path.suffix == ".json" else path
    summary_file = path if path.suffix == ".json" else path / "summary.json"
    if not summary_file.is_file():
        raise FileNotFoundError(f"no summary.json in {folder}")
    try:
        summary = json.loads(summary_file.read_text())
    except ValueError as e:
        raise ValueError(f"{summary_file} is not valid JSON: {e}") from None
    if (
        not isinstance(summary, dict)
        or not isinstance(summary.get("overall"), dict)
        or not isinstance(summary.get("by_domain"), dict)
        or not all(isinstance(v, dict) for v in summary["by_domain"].values())
    ):
        raise ValueError(f"{summary_file} is not a healthgym run summary")
    run = Run(name=run_label(folder, summary), path=folder, summary=summary)
    traj = folder / "trajectories.jsonl"
    if traj.is_file():
        with traj.open(encoding="utf-8", errors="replace") as f:
            for line in f:
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError:
                    run.skipped_lines += 1
                    continue
                if not isinstance(record, dict):
                    run.skipped_lines += 1
                    continue
                run.episodes.append(episode_stats(record))
    return run


def unique_names(names: list[str], paths: list[Path]) -> list[str]:
    """``names`` with any repeated name qualified by its parent folder
    (two ``oracle`` runs become ``a/oracle`` and ``b/oracle``), then numbered if still equal."""
    counts = Counter(names)
    qualified = [
        f"{p.resolve().parent.name}/{n}" if counts[n] > 1 else n
        for n, p in zip(names, paths, strict=True)
    ]
    repeats = Counter(qualified)
    seen: Counter[str] = Counter()
    result = []
    for n in qualified:
        seen[n] += 1
        result.append(n if repeats[n] == 1 else f"{n} #{seen[n]}")
    return result


def domain_order(runs: Iterable[Run]) -> list[str]:
    """The one domain order every table and plot of a report uses: alphabetical."""
    return sorted({d for r in runs for d in r.domains})


def mean(values: list[float] | list[int]) -> float | None:
    """The mean, or None (shown as "n/a") when there is nothing to average."""
    return sum(values) / len(values) if values else None


def domain_means(run: Run, domain: str | None = None) -> dict[str, float | None]:
    """Mean turns and tool calls per episode and response length per turn (chars, and
    model tokens where logged) of a run's episodes; None where nothing was recorded."""
    eps = [e for e in run.episodes if domain is None or e.domain == domain]
    chars = [c for e in eps for c in e.response_chars]
    tokens = [t for e in eps for t in e.response_tokens]
    return {
        "turns": mean([e.turns for e in eps]),
        "tool_calls": mean([e.tool_calls for e in eps]),
        "response_chars": mean(chars),
        "response_tokens": mean(tokens),
    }
