"""What an evaluation run is: the benchmarks, the policy, the mode and their settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .scripted import SCRIPTED_POLICIES
from .stats import DEFAULT_RESAMPLES

MODES = ("direct", "agentic", "loglik")
MODEL_POLICIES = ("openai", "local", "smollm2")
POLICIES = (*SCRIPTED_POLICIES, *MODEL_POLICIES)


@dataclass
class EvalConfig:
    """What to evaluate and how. ``limit``: the first ``limit`` items of each benchmark
    (file order); ``label``: the run's column name in combined reports."""

    benchmarks: list[str]
    data_dir: str
    policy: str = "lazy"
    mode: str = "direct"
    limit: int | None = None
    seed: int = 0
    label: str | None = None
    max_turns: int = 8
    max_new_tokens: int | None = None
    concurrency: int = 16
    resamples: int = DEFAULT_RESAMPLES
    sql_db: str | None = None
    loglik_norm: str = "mean"
    resume: bool = False
    trials: int = 1
    # model policies (see healthgym.agents.factory.AgentOptions)
    base_url: str | None = None
    model: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    timeout: float = 60.0
    max_retries: int = 4
    tools_mode: str = "auto"
    temperature: float | None = None
    batch_size: int = 16
    multimodal: bool = False  # openai: send VQA images as image parts
    extra: dict[str, Any] = field(default_factory=dict)

    def validate(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.policy not in POLICIES:
            raise ValueError(f"policy must be one of {', '.join(POLICIES)}, not {self.policy!r}")
        if self.mode == "loglik" and self.policy not in ("local", "smollm2"):
            raise ValueError("loglik mode needs a local model: --policy local or smollm2")
        if self.limit is not None and self.limit < 1:
            raise ValueError("limit must be at least 1")
        if self.trials < 1:
            raise ValueError("trials must be at least 1")
        if self.mode == "loglik" and self.trials > 1:
            raise ValueError("loglik mode has no sampling: every trial would be the same")
