"""The gradient-free EMA teacher of TT-OPD.

The teacher is a frozen deep copy of the student (the whole module: a peft
LoRA-wrapped model is copied with its adapters) that follows it by an exponential
moving average, ``theta_T <- alpha * theta_T + (1 - alpha) * theta_S`` every ``k``
optimiser steps (alpha 0.995, k 5), and optionally by a hard copy every ``H`` steps.
It never has gradients or optimiser state: every parameter has ``requires_grad=False``,
updates run under ``torch.no_grad()``, and the module stays in ``eval()`` mode.
Buffers (e.g. rotary frequencies, normalisation statistics) are copied from the
student at every update rather than averaged.

Parameters and buffers are paired by name, so teacher and student must have the same
structure (which a deep copy guarantees).
"""

from __future__ import annotations

import copy
import math
from typing import Any

import torch
from torch import nn


def _pairs(teacher: nn.Module, student: nn.Module, what: str) -> list[tuple[Any, Any]]:
    t_items = dict(getattr(teacher, f"named_{what}")())
    s_items = dict(getattr(student, f"named_{what}")())
    if t_items.keys() != s_items.keys():
        missing = sorted(set(t_items) ^ set(s_items))[:5]
        raise ValueError(f"teacher and student {what} differ (e.g. {missing})")
    return [(t_items[k], s_items[k]) for k in t_items]


@torch.no_grad()
def ema_update_(
    teacher: nn.Module, student: nn.Module, alpha: float, *, trainable_only: bool = False
) -> None:
    """In place: ``theta_T <- alpha * theta_T + (1 - alpha) * theta_S``; buffers copied.

    ``trainable_only=True`` skips the student's frozen parameters (e.g. a LoRA model's
    base weights), which is exact as long as they never change, and much cheaper.
    """
    if not 0.0 <= alpha <= 1.0:
        raise ValueError("alpha must be in [0, 1]")
    for t, s in _pairs(teacher, student, "parameters"):
        if trainable_only and not s.requires_grad:
            continue
        t.lerp_(s.detach().to(device=t.device, dtype=t.dtype), 1.0 - alpha)
    for t, s in _pairs(teacher, student, "buffers"):
        t.copy_(s)


@torch.no_grad()
def hard_copy_(teacher: nn.Module, student: nn.Module) -> None:
    """In place: the teacher's parameters and buffers become exactly the student's."""
    for t, s in _pairs(teacher, student, "parameters"):
        t.copy_(s.detach())
    for t, s in _pairs(teacher, student, "buffers"):
        t.copy_(s)


@torch.no_grad()
def parameter_distance(a: nn.Module, b: nn.Module) -> float:
    """The L2 norm of the difference of all parameters (paired by name), in float64."""
    total = 0.0
    for p, q in _pairs(a, b, "parameters"):
        diff = p.detach().to(torch.float64) - q.detach().to(device=p.device, dtype=torch.float64)
        total += float((diff * diff).sum())
    return math.sqrt(total)


class EMATeacher:
    """A frozen EMA copy of a student, updated on a step schedule.

    ``maybe_update(step, student)`` is called after optimiser step number ``step``
    (counted from 1). On a step that is a multiple of ``hard_copy_every`` (when set) the
    teacher becomes an exact copy of the student (``"copy"``); otherwise on a multiple of
    ``update_every`` it takes one EMA step (``"ema"``); otherwise nothing happens
    (``None``). A step at or before the last one handled is ignored, so a resumed run
    never updates twice for the same step.
    """

    def __init__(
        self,
        student: nn.Module,
        *,
        alpha: float = 0.995,
        update_every: int = 5,
        hard_copy_every: int | None = None,
        trainable_only: bool = False,
    ) -> None:
        if not 0.0 <= alpha <= 1.0:
            raise ValueError("alpha must be in [0, 1]")
        if update_every < 1:
            raise ValueError("update_every must be >= 1")
        if hard_copy_every is not None and hard_copy_every < 1:
            raise ValueError("hard_copy_every must be >= 1 or None")
        self.alpha = float(alpha)
        self.update_every = int(update_every)
        self.hard_copy_every = hard_copy_every
        self.trainable_only = trainable_only
        self.model: nn.Module = copy.deepcopy(student)
        self.model.requires_grad_(False)
        self.model.eval()
        self.n_ema = 0
        self.n_copy = 0
        self.last_step = 0

    def maybe_update(self, step: int, student: nn.Module) -> str | None:
        """Update the teacher if ``step`` is due; returns ``"ema"``, ``"copy"`` or None."""
        if step <= self.last_step:
            return None
        self.last_step = step
        if self.hard_copy_every and step % self.hard_copy_every == 0:
            hard_copy_(self.model, student)
            self.n_copy += 1
            return "copy"
        if step % self.update_every == 0:
            ema_update_(self.model, student, self.alpha, trainable_only=self.trainable_only)
            self.n_ema += 1
            return "ema"
        return None

    def distance(self, student: nn.Module) -> float:
        """Teacher-student parameter distance (L2 norm of the difference)."""
        return parameter_distance(self.model, student)

    def state_dict(self) -> dict[str, Any]:
        """The teacher's weights and the schedule's counters, for an exact resume."""
        return {
            "model": self.model.state_dict(),
            "alpha": self.alpha,
            "update_every": self.update_every,
            "hard_copy_every": self.hard_copy_every,
            "n_ema": self.n_ema,
            "n_copy": self.n_copy,
            "last_step": self.last_step,
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.model.load_state_dict(state["model"])
        self.model.requires_grad_(False)
        self.model.eval()
        self.alpha = float(state["alpha"])
        self.update_every = int(state["update_every"])
        self.hard_copy_every = state["hard_copy_every"]
        self.n_ema = int(state["n_ema"])
        self.n_copy = int(state["n_copy"])
        self.last_step = int(state["last_step"])


__all__ = ["EMATeacher", "ema_update_", "hard_copy_", "parameter_distance"]
