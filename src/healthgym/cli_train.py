"""``healthgym train``: GRPO / TT-OPD on one machine (see :mod:`healthgym.train.trainer`).

torch and the trainer are imported inside the command, so ``healthgym --help`` and the
rest of the CLI never load them.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

console = Console(stderr=True)


class Algo(str, Enum):
    grpo = "grpo"
    tt_opd = "tt-opd"


def train(
    algo: Algo = typer.Option(None, help="grpo or tt-opd (default: the config's, else grpo)"),
    model: str = typer.Option(None, help="tiny, smollm2 or a local model directory"),
    domains: str = typer.Option(None, help="comma-separated domain names or 'all'"),
    steps: int = typer.Option(None, help="optimiser steps"),
    group_size: int = typer.Option(None, help="episodes per task (the GRPO group)"),
    tasks_per_step: int = typer.Option(None, help="tasks per step"),
    config: Path = typer.Option(None, help="a YAML, JSON or TOML file of TrainConfig fields"),
    out: Path = typer.Option(None, help="run directory (metrics.jsonl, checkpoints ...)"),
    lora: bool = typer.Option(None, "--lora/--no-lora", help="train LoRA adapters (peft)"),
    resume: bool = typer.Option(False, "--resume", help="continue from the latest checkpoint"),
    seed: int = typer.Option(None, help="seed of task sampling and generation"),
    max_new_tokens: int = typer.Option(None, help="new tokens per turn"),
    max_turns: int = typer.Option(None, help="turn limit per episode"),
    lr: float = typer.Option(None, help="learning rate"),
    save_every: int = typer.Option(None, help="checkpoint every N steps (0: only the last)"),
    device: str = typer.Option(None, help="auto, cpu, cuda, cuda:N"),
) -> None:
    """Train a policy with multi-turn GRPO or TT-OPD; writes OUT/metrics.jsonl."""
    from .domains import resolve_domains
    from .train.config import TrainConfig

    given: dict[str, Any] = {
        "algo": algo.value if algo is not None else None,
        "model": model,
        "steps": steps,
        "group_size": group_size,
        "tasks_per_step": tasks_per_step,
        "out": str(out) if out is not None else None,
        "lora": lora,
        "seed": seed,
        "max_new_tokens": max_new_tokens,
        "max_turns": max_turns,
        "lr": lr,
        "save_every": save_every,
        "device": device,
    }
    overrides = {k: v for k, v in given.items() if v is not None}
    if resume:
        overrides["resume"] = True
    try:
        if domains is not None:
            overrides["domains"] = resolve_domains(domains)
        cfg = (
            TrainConfig.from_file(config, **overrides)
            if config is not None
            else TrainConfig.from_dict(overrides)
        )
    except (ValueError, KeyError, OSError, TypeError) as e:
        raise typer.BadParameter(str(e)) from None
    if "out" not in overrides and config is None:
        raise typer.BadParameter("--out is required (or set out in the config file)")

    from .train.trainer import Trainer

    def show(m: dict[str, Any]) -> None:
        keys = ("reward", "accuracy", "response_tokens", "kl_turn_mean", "teacher_distance")
        parts = [f"{k} {m[k]:.4g}" for k in keys if isinstance(m.get(k), int | float)]
        console.print(
            f"step {m['step']}/{cfg.steps}: " + ", ".join(parts) + f" ({m['step_seconds']:.1f}s)"
        )

    try:
        trainer = Trainer(cfg)
    except (ValueError, OSError, RuntimeError) as e:
        raise typer.BadParameter(str(e)) from None
    run_dir = trainer.run(on_step=show)
    console.print(f"metrics -> {run_dir / 'metrics.jsonl'}")
    typer.echo(json.dumps({"run_dir": str(run_dir), "steps": cfg.steps, "algo": cfg.algo}))
