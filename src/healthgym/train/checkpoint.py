"""Checkpoints for an exact resume.

A checkpoint is ``run_dir/checkpoints/step_{N:06d}/state.pt`` (written to a temporary
name, then renamed, so a crash never leaves a half-written one) holding everything the
next step depends on: the model's weights, the optimiser and LR scheduler states, the
EMA teacher (weights and update counters), the KL schedule, the random generators
(Python, NumPy, torch CPU and CUDA) and ``step`` = the number of completed steps.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import numpy as np
import torch

_NAME = re.compile(r"^step_(\d+)$")


def checkpoint_dir(run_dir: str | Path, step: int) -> Path:
    return Path(run_dir) / "checkpoints" / f"step_{step:06d}"


def latest_checkpoint(run_dir: str | Path) -> Path | None:
    """The checkpoint with the most completed steps (None when there is none)."""
    root = Path(run_dir) / "checkpoints"
    if not root.is_dir():
        return None
    found = [
        (int(m.group(1)), p)
        for p in root.iterdir()
        if (m := _NAME.match(p.name)) and (p / "state.pt").is_file()
    ]
    return max(found)[1] if found else None


def rng_state() -> dict[str, Any]:
    state = {
        "python": random.getstate(),
        "numpy": np.random.get_state(),
        "torch": torch.random.get_rng_state(),
    }
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict[str, Any]) -> None:
    random.setstate(state["python"])
    np.random.set_state(state["numpy"])
    torch.random.set_rng_state(state["torch"])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


def save_checkpoint(
    run_dir: str | Path,
    step: int,
    *,
    model: Any,
    optimizer: Any,
    scheduler: Any,
    teacher: Any | None = None,
    kl_schedule: Any | None = None,
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write the checkpoint after ``step`` completed steps; returns its folder."""
    folder = checkpoint_dir(run_dir, step)
    folder.mkdir(parents=True, exist_ok=True)
    state = {
        "step": step,
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict(),
        "scheduler": scheduler.state_dict(),
        "teacher": teacher.state_dict() if teacher is not None else None,
        "kl_schedule": kl_schedule.state_dict() if kl_schedule is not None else None,
        "rng": rng_state(),
        "extra": extra or {},
    }
    tmp = folder / "state.pt.tmp"
    torch.save(state, tmp)
    tmp.replace(folder / "state.pt")
    return folder


def load_checkpoint(
    folder: str | Path,
    *,
    model: Any,
    optimizer: Any,
    scheduler: Any,
    teacher: Any | None = None,
    kl_schedule: Any | None = None,
) -> dict[str, Any]:
    """Restore every state saved by :func:`save_checkpoint`; returns the raw state
    (``state["step"]`` = completed steps, ``state["extra"]``)."""
    device = next(model.parameters()).device
    state = torch.load(Path(folder) / "state.pt", map_location=device, weights_only=False)
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    scheduler.load_state_dict(state["scheduler"])
    if teacher is not None and state.get("teacher") is not None:
        teacher.load_state_dict(state["teacher"])
    if kl_schedule is not None and state.get("kl_schedule") is not None:
        kl_schedule.load_state_dict(state["kl_schedule"])
    set_rng_state(state["rng"])
    return state
