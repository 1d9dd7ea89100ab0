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

The teacher computes with its own weights. Trainers patch a model's ``forward`` per
instance (TRL's ``GRPOTrainer`` replaces it by a fused-LM-head closure that holds the
*original model's* bound ``forward``); a deep copy keeps such a closure, so the copy
would run the student. :func:`detach_forward_patches` removes every instance-level
``forward`` override (closures and bound methods) from the copy, so each module runs its
class's ``forward`` on its own parameters; accelerate's dispatch hooks (a
``functools.partial`` over the module, which a deep copy rebinds) are kept.

A peft LoRA student is averaged on its *merged* weights: the teacher is the merged model
``W0 + s * B @ A`` (:meth:`peft.PeftModel.merge_and_unload` of the copy) and each LoRA
layer follows ``W_T <- alpha * W_T + (1 - alpha) * (W0 + s * B_S @ A_S)``, so the teacher
is ``W0`` plus the exact EMA of the student's weight deltas. Averaging ``A`` and ``B``
separately would not be: the product of averages is not the average of products (e.g.
alpha 0.5 from a zero-delta teacher gives ``0.25 B A`` instead of ``0.5 B A``), and a sum
of rank-r deltas is not rank r, so a LoRA-shaped teacher cannot hold it. The price is a
full copy of the adapted matrices (the base weights are copied anyway).
"""

from __future__ import annotations

import copy
import functools
import math
from collections.abc import Iterator
from typing import Any

import torch
from torch import nn


def detach_forward_patches(model: nn.Module) -> int:
    """Remove instance-level ``forward`` overrides (closures, bound methods) from every
    module of ``model``, keeping ``functools.partial`` dispatch hooks; returns how many."""
    n = 0
    for m in model.modules():
        fwd = m.__dict__.get("forward")
        if fwd is not None and not isinstance(fwd, functools.partial):
            del m.__dict__["forward"]
            n += 1
    return n


def is_peft_lora(model: nn.Module) -> bool:
    """Whether ``model`` is a peft model (``PeftModel``) whose adapters can be merged."""
    return hasattr(model, "peft_config") and hasattr(model, "merge_and_unload")


def _lora_layers(student: nn.Module) -> dict[str, Any]:
    from peft.tuners.lora import LoraLayer

    layers = {}
    for name, mod in student.get_base_model().named_modules():  # type: ignore[operator]
        if isinstance(mod, LoraLayer):
            if any(getattr(mod, "use_dora", {}).values()):
                raise ValueError("the EMA teacher does not support DoRA adapters")
            layers[name] = mod
    return layers


def student_weights(
    student: nn.Module, *, trainable_only: bool = False
) -> Iterator[tuple[str, torch.Tensor]]:
    """The student's parameters as the teacher names them.

    A plain model: its ``named_parameters()``. A peft LoRA model: the parameters of the
    merged model, each LoRA layer's weight being ``W0 + sum of active s * B @ A`` (its
    bias the base bias), computed one layer at a time. ``trainable_only`` skips frozen
    parameters outside the LoRA layers.
    """
    if not is_peft_lora(student):
        for name, p in student.named_parameters():
            if not trainable_only or p.requires_grad:
                yield name, p.detach()
        return
    layers = _lora_layers(student)
    base = student.get_base_model()  # type: ignore[operator]
    for name, p in base.named_parameters():
        owner = next((k for k in layers if name.startswith(k + ".")), None)
        if owner is None:
            if not trainable_only or p.requires_grad:
                yield name, p.detach()
            continue
        rest = name[len(owner) + 1 :]
        if rest == "base_layer.weight":
            layer = layers[owner]
            w = p.detach()
            for adapter in layer.active_adapters:
                if adapter in layer.lora_A:
                    w = w + layer.get_delta_weight(adapter).to(w.dtype)
            yield f"{owner}.weight", w
        elif rest.startswith("base_layer.") and (not trainable_only or p.requires_grad):
            yield f"{owner}.{rest[len('base_layer.') :]}", p.detach()
        # lora_A / lora_B / lora_embedding_*: folded into the merged weight


def _student_param_pairs(
    teacher: nn.Module, student: nn.Module, trainable_only: bool = False
) -> list[tuple[Any, Any]]:
    if not is_peft_lora(student) or is_peft_lora(teacher):
        pairs = _pairs(teacher, student, "parameters")
        return [(t, s) for t, s in pairs if not trainable_only or s.requires_grad]
    t_items = dict(teacher.named_parameters())
    out = []
    for name, w in student_weights(student, trainable_only=trainable_only):
        if name not in t_items:
            raise ValueError(f"teacher and student parameters differ (e.g. [{name!r}])")
        out.append((t_items[name], w))
    if not trainable_only and len(out) != len(t_items):
        raise ValueError("teacher and student parameters differ")
    return out


def _buffer_pairs(teacher: nn.Module, student: nn.Module) -> list[tuple[Any, Any]]:
    if not is_peft_lora(student) or is_peft_lora(teacher):
        return _pairs(teacher, student, "buffers")
    t_items = dict(teacher.named_buffers())
    s_items = dict(student.get_base_model().named_buffers())  # type: ignore[operator]
    return [(t_items[k], s_items[k]) for k in t_items if k in s_items]


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
    for t, s in _student_param_pairs(teacher, student, trainable_only):
        t.lerp_(s.detach().to(device=t.device, dtype=t.dtype), 1.0 - alpha)
    for t, s in _buffer_pairs(teacher, student):
        t.copy_(s)


@torch.no_grad()
def hard_copy_(teacher: nn.Module, student: nn.Module) -> None:
    """In place: the teacher's parameters and buffers become exactly the student's."""
    for t, s in _student_param_pairs(teacher, student):
        t.copy_(s.detach())
    for t, s in _buffer_pairs(teacher, student):
        t.copy_(s)


@torch.no_grad()
def parameter_distance(a: nn.Module, b: nn.Module) -> float:
    """The L2 norm of the difference of all parameters (paired by name; ``b`` may be the
    peft LoRA student of teacher ``a``), differences in at least float32 summed in float64 on
    the device, one host synchronisation."""
    total = None
    for p, q in _student_param_pairs(a, b):
        dt = torch.promote_types(p.dtype, torch.float32)  # float32, float64 stays float64
        diff = p.detach().to(dt) - q.detach().to(device=p.device, dtype=dt)
        sq = (diff * diff).sum(dtype=torch.float64)
        total = sq if total is None else total + sq.to(total.device)
    return 0.0 if total is None else math.sqrt(float(total))


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
        self.lora = is_peft_lora(student)
        model = copy.deepcopy(student)
        if self.lora:
            model = model.merge_and_unload()  # type: ignore[operator]
        detach_forward_patches(model)
        self.model: nn.Module = model
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


__all__ = [
    "EMATeacher",
    "detach_forward_patches",
    "ema_update_",
    "hard_copy_",
    "is_peft_lora",
    "parameter_distance",
    "student_weights",
]
