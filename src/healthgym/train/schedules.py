"""Schedules: the distillation weight lambda in ``L = L_GRPO + lambda * L_turnKL``
(:class:`KLSchedule`) and the learning-rate factor (:func:`lr_lambda`)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import TrainConfig

KINDS = ("constant", "linear", "phase_out")


class KLSchedule:
    """lambda as a function of the optimiser step (and of the measured turn-level KL).

    - ``"constant"``: ``lam`` at every step;
    - ``"linear"``: from ``lam`` at step 0 linearly to ``floor`` at ``total_steps``,
      ``floor`` afterwards: ``lam + (floor - lam) * min(step / total_steps, 1)``;
    - ``"phase_out"``: ``lam`` until the measured KL passed to :meth:`value` first
      exceeds ``threshold`` (strictly), at step ``s0``; from then on
      ``lam + (floor - lam) * min((step - s0 + 1) / phase_out_steps, 1)``, so the
      decay starts at the triggering step, reaches ``floor`` after ``phase_out_steps``
      steps and never rises again (the trigger is sticky; later KL values are ignored).

    ``value(step, kl)`` is deterministic given the trigger; the trigger is part of the
    state (:meth:`state_dict`), so a resumed run continues exactly.
    """

    def __init__(
        self,
        kind: str = "constant",
        lam: float = 4.0,
        *,
        total_steps: int | None = None,
        floor: float = 0.0,
        threshold: float | None = None,
        phase_out_steps: int = 50,
    ) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown schedule {kind!r}; choose one of {KINDS}")
        if kind == "linear" and (total_steps is None or total_steps < 1):
            raise ValueError("a linear schedule needs total_steps >= 1")
        if kind == "phase_out" and threshold is None:
            raise ValueError("a phase_out schedule needs a KL threshold")
        if phase_out_steps < 1:
            raise ValueError("phase_out_steps must be >= 1")
        self.kind = kind
        self.lam = float(lam)
        self.total_steps = total_steps
        self.floor = float(floor)
        self.threshold = threshold
        self.phase_out_steps = int(phase_out_steps)
        self.triggered_at: int | None = None

    def _toward_floor(self, progress: float) -> float:
        progress = min(max(progress, 0.0), 1.0)
        return self.lam + (self.floor - self.lam) * progress

    def value(self, step: int, kl: float | None = None) -> float:
        """lambda at ``step``; ``kl`` (the last measured turn-level KL) drives phase_out."""
        if self.kind == "constant":
            return self.lam
        if self.kind == "linear":
            assert self.total_steps is not None
            return self._toward_floor(step / self.total_steps)
        if (
            self.triggered_at is None
            and kl is not None
            and self.threshold is not None
            and kl > self.threshold
        ):
            self.triggered_at = int(step)
        if self.triggered_at is None:
            return self.lam
        return self._toward_floor((step - self.triggered_at + 1) / self.phase_out_steps)

    def state_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "lam": self.lam,
            "total_steps": self.total_steps,
            "floor": self.floor,
            "threshold": self.threshold,
            "phase_out_steps": self.phase_out_steps,
            "triggered_at": self.triggered_at,
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        self.kind = state["kind"]
        self.lam = float(state["lam"])
        self.total_steps = state["total_steps"]
        self.floor = float(state["floor"])
        self.threshold = state["threshold"]
        self.phase_out_steps = int(state["phase_out_steps"])
        self.triggered_at = state["triggered_at"]


def lr_lambda(config: TrainConfig) -> Callable[[int], float]:
    """The LR multiplier of optimiser step ``i`` (for ``torch.optim.lr_scheduler.LambdaLR``):
    linear warm-up over ``warmup_steps``, then constant, linear decay to 0 or a cosine
    decay to 0 at ``steps`` (``lr_schedule``)."""
    warm, total = config.warmup_steps, max(1, config.steps)

    def factor(i: int) -> float:
        if warm and i < warm:
            return (i + 1) / warm
        if config.lr_schedule == "constant":
            return 1.0
        progress = min(1.0, (i - warm) / max(1, total - warm))
        if config.lr_schedule == "linear":
            return 1.0 - progress
        return 0.5 * (1.0 + math.cos(math.pi * progress))

    return factor


__all__ = ["KINDS", "KLSchedule", "lr_lambda"]
