"""TT-OPD on TRL: ``GRPOTrainer`` plus the EMA teacher, outcome-privileged hints and the
turn-level distillation term, for multi-GPU runs with accelerate / DeepSpeed.

Why a subclass rather than TRL's distillation trainers: TRL's ``SDFTTrainer`` and
``SDPOTrainer`` (``trl.experimental``) distil from a teacher conditioned on a
``privileged_context`` column, but they generate single-turn completions (no
``environment_factory``, no tool loop), use the same context whatever the rollout's
outcome, and have no GRPO term. TT-OPD needs all three on multi-turn tool episodes, so
:class:`TTOPDTrainer` keeps ``GRPOTrainer`` (generation with tools through the
environments of :mod:`healthgym.train.trl_env`, rewards, advantages, the clipped GRPO loss,
accelerate/DeepSpeed handling) and adds, with the train-core functions:

- the teacher: a gradient-free EMA copy of the student
  (:class:`healthgym.train.ema.EMATeacher`), updated after every ``teacher_sync_steps``
  optimiser steps with ``theta_T <- (1 - r) theta_T + r theta_S``, ``r =
  teacher_update_rate`` (TRL's SDFT/SDPO names and meaning: ``r = 1 - alpha``, so the
  paper's alpha 0.995, k 5 is ``teacher_update_rate=0.005, teacher_sync_steps=5``), and
  an optional hard copy every ``teacher_hard_sync_steps``;
- the hints: after each rollout, the episode's outcome (``accuracy >=
  correct_threshold``) picks a reinforcing or corrective hint
  (:func:`healthgym.train.hints.make_hint`) carrying the task's privileged answer and
  rationale (:func:`~healthgym.train.hints.task_privileged` when the environment exposes
  its task, else the row's ``privileged_context`` column); it is inserted at the
  prompt-response boundary with the chat template
  (:class:`healthgym.train.teacher.HintFormatter`), the teacher scores the student's own
  completion tokens and the hint positions are removed
  (:func:`healthgym.train.teacher.teacher_logprobs`);
- the loss: ``L_GRPO + lambda * L_turnKL`` (:func:`healthgym.train.turn_kl.turn_level_kl`
  on the first ``kl_max_turns`` assistant turns and ``kl_max_tokens`` tokens per turn;
  assistant turns are the runs of policy tokens between tool results, from TRL's
  ``tool_mask``), lambda from :class:`healthgym.train.schedules.KLSchedule`.

Multi-GPU: every process holds a full teacher replica on its accelerator device; the
students are identical after each synchronised optimiser step, so the EMA teachers stay
identical too. DeepSpeed ZeRO-3 and FSDP (sharded parameters) are refused at
construction; ZeRO-1/2 and DDP are supported. The student's per-token log-probabilities
are the ones the GRPO loss computes (captured, not recomputed), at TRL's
``temperature``; the teacher is scored at the same temperature.

The teacher runs its own weights: TRL patches the student's ``forward`` with a closure
over the student's original ``forward``, which a deep copy would keep;
:class:`~healthgym.train.ema.EMATeacher` removes such patches from its copy. A peft
LoRA student gets a merged teacher (the EMA of the merged weights, see
:mod:`healthgym.train.ema`).

Steps are 1-based as in the single-machine trainer: the loss of optimiser step ``s``
(``state.global_step + 1`` while it is computed) uses ``lambda(s)``, and the teacher update
after it is ``maybe_update(s)``. A ``linear`` lambda schedule with ``max_steps=-1`` runs to
the number of steps the Trainer computes from ``num_train_epochs`` (known at the start
of training).

Checkpoints: each ``checkpoint-N`` folder also gets ``ttopd_state.pt`` (the teacher's
weights and update counters, the lambda schedule's state, the last turn-level KL);
``train(resume_from_checkpoint=...)`` restores them, and refuses a checkpoint without
them (the teacher would silently restart as a copy of the resumed student).

Tested with ``trl`` :data:`TESTED_TRL` (the subclass overrides TRL's private
``_generate_and_score_completions`` and ``_get_per_token_logps_and_entropies``); another
version gives a warning at import.

Usage (one process or ``accelerate launch --num_processes N train.py``)::

    args = TTOPDConfig(output_dir="out", num_generations=8, max_completion_length=1024,
                       teacher_update_rate=0.005, teacher_sync_steps=5, kl_lambda=4.0)
    trainer = TTOPDTrainer(model=model, args=args, processing_class=tokenizer,
                           train_dataset=build_dataset(["medical_qa"], "train"),
                           environment_factory=environment_factory("medical_qa"))
    trainer.train()

Logged per step (besides GRPOTrainer's reward, rewards/*, tools/*, clip ratios, grad norm,
learning rate): ``ttopd/kl_turn_mean``, ``ttopd/kl_turn_<k>``, ``ttopd/kl_tokens``,
``ttopd/lambda``, ``ttopd/hint_tokens_inserted``, ``ttopd/hint_tokens_removed``,
``ttopd/teacher_distance`` (after the step's teacher update, computed once per logging
step) and ``ttopd/teacher_update`` (1 EMA, 2 hard copy).
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import torch
import trl
from packaging.version import Version
from transformers import TrainerCallback
from transformers.trainer_utils import PREFIX_CHECKPOINT_DIR, get_last_checkpoint
from trl import GRPOConfig, GRPOTrainer

from .ema import EMATeacher, is_peft_lora
from .hints import make_hint, task_privileged
from .masks import turn_positions
from .schedules import KLSchedule
from .teacher import HintedInput, HintFormatter, teacher_logprobs
from .turn_kl import turn_level_kl

#: the ``trl`` versions this subclass is tested with (``[low, high)``), as pinned in
#: pyproject.toml's ``train`` extra
TESTED_TRL = ("1.16", "1.17")
STATE_FILE = "ttopd_state.pt"

if not Version(TESTED_TRL[0]) <= Version(trl.__version__) < Version(TESTED_TRL[1]):
    warnings.warn(
        f"healthgym's TTOPDTrainer is tested with trl>={TESTED_TRL[0]},<{TESTED_TRL[1]}, "
        f"not {trl.__version__}: it overrides private GRPOTrainer methods",
        stacklevel=2,
    )


@dataclass
class TTOPDConfig(GRPOConfig):
    """``GRPOConfig`` plus the TT-OPD settings (teacher names as in TRL's SDFT/SDPO)."""

    teacher_update_rate: float = field(
        default=0.005, metadata={"help": "EMA rate r: teacher <- (1-r) teacher + r student."}
    )
    teacher_sync_steps: int = field(
        default=5, metadata={"help": "Optimizer steps between teacher EMA updates (k)."}
    )
    teacher_hard_sync_steps: int | None = field(
        default=None, metadata={"help": "Hard-copy the student into the teacher every H steps."}
    )
    hint_privileged: bool = field(
        default=True, metadata={"help": "Hints carry the task's gold answer and rationale."}
    )
    hint_role: str = field(default="user", metadata={"help": "Chat role of the hint message."})
    correct_threshold: float = field(
        default=1.0, metadata={"help": "An episode is correct when accuracy >= this."}
    )
    kl_lambda: float = field(default=4.0, metadata={"help": "lambda of the turn-level KL."})
    kl_schedule: str = field(default="constant", metadata={"help": "constant | linear | phase_out"})
    kl_floor: float = field(default=0.0, metadata={"help": "Lowest lambda of a schedule."})
    kl_threshold: float | None = field(
        default=None, metadata={"help": "KL that triggers the phase_out schedule."}
    )
    kl_phase_out_steps: int = field(default=50, metadata={"help": "Steps of the phase-out."})
    kl_max_turns: int | None = field(
        default=3, metadata={"help": "K: distil the first K assistant turns."}
    )
    kl_max_tokens: int | None = field(
        default=64, metadata={"help": "T: distil the first T tokens of each turn."}
    )
    kl_clip: float | None = field(default=10.0, metadata={"help": "Clip of the log-ratio."})
    teacher_chunk_rows: int | None = field(
        default=4,
        metadata={"help": "Trajectories per teacher forward pass (bounds the logits' memory)."},
    )


def policy_turns(policy_mask: list[int]) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the maximal runs of 1s (the assistant turns)."""
    spans = []
    start = None
    for j, m in enumerate(policy_mask):
        if m and start is None:
            start = j
        elif not m and start is not None:
            spans.append((start, j))
            start = None
    if start is not None:
        spans.append((start, len(policy_mask)))
    return spans


class _TeacherSync(TrainerCallback):
    """Builds a deferred lambda schedule at the start of training, updates the EMA
    teacher after each optimiser step (``state.global_step``, 1-based), logs the
    teacher distance on logging steps and saves the TT-OPD state with each checkpoint."""

    def __init__(self, trainer: TTOPDTrainer) -> None:
        self.trainer = trainer

    def on_train_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        tr = self.trainer
        if tr.kl_schedule is None:
            if not state.max_steps or state.max_steps < 1:
                raise ValueError(
                    "a linear kl_schedule needs a known number of steps: set max_steps"
                )
            tr.kl_schedule = tr._make_schedule(state.max_steps)
            if tr._pending_schedule_state is not None:
                tr.kl_schedule.load_state_dict(tr._pending_schedule_state)
                tr._pending_schedule_state = None

    def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        tr = self.trainer
        student = tr.accelerator.unwrap_model(tr.model)
        event = tr.teacher.maybe_update(state.global_step, student)
        metrics = tr._metrics["train"]
        if event is not None:
            metrics["ttopd/teacher_update"].append(1.0 if event == "ema" else 2.0)
        # DefaultFlowCallback (registered first) has decided whether this step logs
        if control.should_log:
            metrics["ttopd/teacher_distance"].append(tr.teacher.distance(student))

    def on_save(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if not state.is_world_process_zero:
            return
        folder = Path(args.output_dir) / f"{PREFIX_CHECKPOINT_DIR}-{state.global_step}"
        self.trainer.save_ttopd_state(folder)


class TTOPDTrainer(GRPOTrainer):
    """``GRPOTrainer`` with the TT-OPD teacher, hints and turn-level KL (see module doc).

    Requires ``environment_factory`` (the episodes' outcomes decide the hints).
    """

    _tag_names: ClassVar[list[str]] = [*GRPOTrainer._tag_names, "tt-opd"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cfg = kwargs.get("args")
        if not isinstance(cfg, TTOPDConfig):
            raise TypeError("TTOPDTrainer needs args=TTOPDConfig(...)")
        if kwargs.get("environment_factory") is None:
            raise ValueError("TTOPDTrainer needs an environment_factory (see trl_env)")
        if cfg.teacher_chunk_rows is not None and cfg.teacher_chunk_rows < 1:
            raise ValueError("teacher_chunk_rows must be >= 1 or None")
        super().__init__(*args, **kwargs)
        plugin = getattr(self.accelerator.state, "deepspeed_plugin", None)
        if getattr(self, "is_fsdp_enabled", False) or getattr(plugin, "zero_stage", 0) == 3:
            raise ValueError(
                "TTOPDTrainer supports DDP and DeepSpeed ZeRO-1/2: under ZeRO-3 or FSDP the "
                "student's parameters are shards and the EMA teacher cannot follow them"
            )
        student = self.accelerator.unwrap_model(self.model)
        self.teacher = EMATeacher(
            student,
            alpha=1.0 - cfg.teacher_update_rate,
            update_every=cfg.teacher_sync_steps,
            hard_copy_every=cfg.teacher_hard_sync_steps,
            trainable_only=is_peft_lora(student),
        )
        self.teacher.model.to(self.accelerator.device)
        # the copy inherits the student's training set-up: the teacher only scores, with
        # its KV cache (gradient checkpointing would switch the cache off)
        if getattr(self.teacher.model, "is_gradient_checkpointing", False):
            self.teacher.model.gradient_checkpointing_disable()
        if getattr(self.teacher.model, "config", None) is not None:
            self.teacher.model.config.use_cache = True
        total = cfg.max_steps if cfg.max_steps and cfg.max_steps > 0 else None
        self._pending_schedule_state: dict[str, Any] | None = None
        # a linear schedule without max_steps is built at the start of training, when the
        # Trainer knows the number of steps (num_train_epochs * steps per epoch)
        self.kl_schedule: KLSchedule | None = (
            None if cfg.kl_schedule == "linear" and total is None else self._make_schedule(total)
        )
        self.hint_formatter = HintFormatter(
            self.processing_class,
            self.chat_template,
            role=cfg.hint_role,
            chat_template_kwargs=getattr(self, "chat_template_kwargs", None),
        )
        self._capture: dict[str, Any] | None = None
        self._last_kl: float | None = None
        self.add_callback(_TeacherSync(self))

    def _make_schedule(self, total_steps: int | None) -> KLSchedule:
        cfg: TTOPDConfig = self.args  # type: ignore[assignment]
        return KLSchedule(
            cfg.kl_schedule,
            cfg.kl_lambda,
            total_steps=total_steps,
            floor=cfg.kl_floor,
            threshold=cfg.kl_threshold,
            phase_out_steps=cfg.kl_phase_out_steps,
        )

    # ------------------------------------------------------------- checkpoints
    def save_ttopd_state(self, folder: str | Path) -> Path:
        """Write the teacher, lambda-schedule and last-KL state to ``folder``."""
        Path(folder).mkdir(parents=True, exist_ok=True)
        path = Path(folder) / STATE_FILE
        state = {
            "teacher": self.teacher.state_dict(),
            "kl_schedule": (
                self.kl_schedule.state_dict()
                if self.kl_schedule is not None
                else self._pending_schedule_state
            ),
            "last_kl": self._last_kl,
        }
        torch.save(state, path)
        return path

    def load_ttopd_state(self, folder: str | Path) -> None:
        """Restore what :meth:`save_ttopd_state` wrote (``ValueError`` when it is missing)."""
        path = Path(folder) / STATE_FILE
        if not path.is_file():
            raise ValueError(
                f"{folder} has no {STATE_FILE}: it was not written by TTOPDTrainer, and "
                "resuming from it would restart the teacher as a copy of the student"
            )
        state = torch.load(path, map_location="cpu", weights_only=True)
        self.teacher.load_state_dict(state["teacher"])
        self.teacher.model.to(self.accelerator.device)
        sched = state["kl_schedule"]
        if sched is not None:
            if self.kl_schedule is not None:
                self.kl_schedule.load_state_dict(sched)
            else:
                self._pending_schedule_state = sched
        self._last_kl = state["last_kl"]

    def train(self, resume_from_checkpoint: str | bool | None = None, *args: Any, **kwargs: Any):
        """``GRPOTrainer.train`` that also restores the TT-OPD state on resume."""
        if resume_from_checkpoint is True:
            resume_from_checkpoint = get_last_checkpoint(self.args.output_dir)
            if resume_from_checkpoint is None:
                raise ValueError(f"no checkpoint found in {self.args.output_dir}")
        if isinstance(resume_from_checkpoint, str | os.PathLike):
            self.load_ttopd_state(resume_from_checkpoint)
        return super().train(resume_from_checkpoint, *args, **kwargs)

    # ------------------------------------------------------------------ hints
    def _hint_of(self, env: Any, row: dict[str, Any]) -> str:
        args: TTOPDConfig = self.args  # type: ignore[assignment]
        comps = env.reward_components
        correct = float(comps.get("accuracy", 0.0)) >= args.correct_threshold
        task = env.session.task
        if task is not None:
            gold, rationale = task_privileged(task)
        else:
            gold, rationale = None, row.get("privileged_context") or None
        return make_hint(correct, gold=gold, rationale=rationale, privileged=args.hint_privileged)

    def _generate_and_score_completions(self, inputs: list[dict[str, Any]]) -> dict[str, Any]:
        out = super()._generate_and_score_completions(inputs)
        envs = self.environments or []
        hint_ids, hint_at = [], []
        prompt_ids, prompt_mask = out["prompt_ids"], out["prompt_mask"]
        for i, (env, row) in enumerate(zip(envs, inputs, strict=True)):
            ids = prompt_ids[i][prompt_mask[i].bool()].tolist()
            messages = list(row.get("prompt") or [{"role": "user", "content": ""}])
            last = dict(messages[-1]) if messages else {"role": "user", "content": ""}
            content = last.get("content") or ""
            if isinstance(content, str):
                last["content"] = content + env.session.initial_observation
            messages = [*messages[:-1], last]
            h, at = self.hint_formatter(self._hint_of(env, row), ids, messages)
            hint_ids.append(h)
            hint_at.append(at)
        out["ttopd_hint_ids"] = hint_ids
        out["ttopd_hint_at"] = hint_at
        return out

    # ------------------------------------------------------------------- loss
    def _get_per_token_logps_and_entropies(self, model: Any, *args: Any, **kwargs: Any) -> Any:
        result = super()._get_per_token_logps_and_entropies(model, *args, **kwargs)
        if self._capture is not None and torch.is_grad_enabled():
            self._capture["logps"] = result[0]
        return result

    def compute_loss(
        self,
        model: Any,
        inputs: dict[str, Any],
        return_outputs: bool = False,
        num_items_in_batch: Any = None,
    ) -> torch.Tensor:
        self._capture = {}
        try:
            loss = super().compute_loss(model, inputs, return_outputs, num_items_in_batch)
            student_logp = self._capture.get("logps")
        finally:
            self._capture = None
        if student_logp is None or "ttopd_hint_ids" not in inputs:
            return loss
        kl, stats = self._turn_kl(student_logp, inputs)
        mode = "train" if self.model.training else "eval"
        step = self.state.global_step + 1  # the optimiser step this loss belongs to
        if self.kl_schedule is None:  # only before training starts (see _TeacherSync)
            raise RuntimeError("the linear lambda schedule is built when training starts")
        lam = self.kl_schedule.value(step, self._last_kl)
        self._last_kl = stats["kl_turn_mean"]
        normalizer = self.current_gradient_accumulation_steps if mode == "train" else 1.0
        m = self._metrics[mode]
        m["ttopd/kl_turn_mean"].append(float(stats["kl_turn_mean"]))
        m["ttopd/kl_tokens"].append(float(stats["kl_tokens"]))
        for k, v in enumerate(stats["kl_per_turn"]):
            if v is not None:
                m[f"ttopd/kl_turn_{k}"].append(float(v))
        m["ttopd/lambda"].append(float(lam))
        m["ttopd/hint_tokens_inserted"].append(float(stats["hint_tokens_inserted"]))
        m["ttopd/hint_tokens_removed"].append(float(stats["hint_tokens_removed"]))
        return loss + lam * kl / normalizer

    def _turn_kl(self, student_logp: torch.Tensor, inputs: dict[str, Any]) -> tuple[Any, Any]:
        args: TTOPDConfig = self.args  # type: ignore[assignment]
        prompt_ids, prompt_mask = inputs["prompt_ids"], inputs["prompt_mask"]
        completion_ids, completion_mask = inputs["completion_ids"], inputs["completion_mask"]
        policy = completion_mask * inputs["tool_mask"] if "tool_mask" in inputs else completion_mask
        items = []
        turn_index, token_in_turn = [], []
        for b in range(completion_ids.size(0)):
            n = int(completion_mask[b].sum())
            prompt = prompt_ids[b][prompt_mask[b].bool()].tolist()
            completion = completion_ids[b][:n].tolist()
            hint, at = inputs["ttopd_hint_ids"][b], inputs["ttopd_hint_at"][b]
            items.append(HintedInput(prompt, completion, hint, at))
            mask = policy[b].tolist()
            ti, tt = turn_positions(mask, policy_turns(mask))
            turn_index.append(ti)
            token_in_turn.append(tt)
        width = completion_ids.size(1)
        scores = teacher_logprobs(
            self.teacher.model,
            items,
            width,
            temperature=float(self.temperature),
            chunk_rows=args.teacher_chunk_rows,
            device=self.accelerator.device,
        )
        device = student_logp.device
        kl, stats = turn_level_kl(
            student_logp,
            scores.logp.to(device=device, dtype=student_logp.dtype),
            torch.tensor(turn_index, device=device),
            torch.tensor(token_in_turn, device=device),
            max_turns=args.kl_max_turns,
            max_tokens_per_turn=args.kl_max_tokens,
            clip=args.kl_clip,
        )
        stats["hint_tokens_inserted"] = scores.hint_tokens_inserted
        stats["hint_tokens_removed"] = scores.hint_tokens_removed
        return kl, stats


__all__ = ["STATE_FILE", "TESTED_TRL", "TTOPDConfig", "TTOPDTrainer", "policy_turns"]
