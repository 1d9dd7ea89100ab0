"""The single-machine trainer: multi-turn GRPO and TT-OPD on one CPU or GPU.

Python API (what ``healthgym train`` calls)::

    from healthgym.train.config import TrainConfig
    from healthgym.train.trainer import Trainer, train

    config = TrainConfig(algo="tt-opd", model="tiny", steps=20, out="runs/ttopd")
    run_dir = train(config)                          # loads the model named by config.model
    run_dir = train(config, model=m, tokenizer=tok)  # or trains an already-loaded model
    trainer = Trainer(config, model=m, tokenizer=tok); trainer.run()  # same, keeps the object
    records, groups = trainer.collect(step)        # one step's rollouts (and task groups)
    stats = trainer.update(records, groups, step)  # one optimiser step on fixed trajectories

``model``/``tokenizer`` may be any Hugging Face causal LM and its tokenizer (e.g. the
SFT-warmed tiny model); ``policy_kwargs`` are passed on to
:class:`healthgym.agents.transformers_policy.TransformersPolicy` (``chat_template``,
``tools_mode``, ``system``). The run directory gets ``config.json``, ``metrics.jsonl``
(one JSON object per step), ``failures.jsonl`` (dropped rollouts), ``tensorboard/``
(when installed), ``checkpoints/step_N/`` and ``final/`` (the trained model).

One step (:meth:`Trainer.step`), CleanRL-style:

1. *Tasks*: ``tasks_per_step`` tasks drawn from the domains' ``split`` with a generator
   seeded by ``(seed, step)`` (so a resumed run draws the same tasks).
2. *Rollouts*: ``group_size`` episodes per task with the current policy through
   :func:`healthgym.rollout.rollout` and a :class:`TransformersPolicy` (the KV-cached
   batched sampler; its generator is also re-seeded by ``(seed, step)``). Records carry
   exact token trajectories with the environment mask. A failed rollout is dropped and
   written to ``failures.jsonl``; it never stops the step.
3. *Rewards*: :func:`episode_rewards` (the env's composite plus the cosine length reward
   in model tokens, see :mod:`healthgym.train.config`), GRPO advantages per task group
   (:func:`healthgym.train.rewards.episode_advantages`: the outcome part normalised by the
   group's std, the length term added after, centred but never rescaled).
4. *Teacher* (TT-OPD): the EMA teacher scores the student's own tokens with an
   outcome-privileged hint inserted at the prompt-response boundary
   (:mod:`healthgym.train.teacher`); hint positions are stripped.
5. *Update*: the clipped token loss over policy tokens only. Old log-probabilities are,
   with ``old_logprobs="policy"`` (default), the policy's own before this update
   (recomputed by a forward pass of the rollout weights: with ``ppo_epochs=1`` that pass
   is the update's own forward, detached, so ratios start at exactly 1); with
   ``"sampler"``, the log-probabilities the sampler recorded (the config refuses it with
   top-k/top-p truncation or greedy sampling, where the sampler's distribution is not
   the one scored). The policy, the reference and the teacher are all scored at the
   sampling temperature (``config.score_temperature``: logits / T), so the ratios, the
   KL to the reference and the teacher KL are on the distribution the rollouts were
   drawn from. Optional KL to the initial model (``kl_ref_coef``).
   TT-OPD adds ``lambda * L_turnKL`` (turn-level truncated reverse KL to the hinted
   teacher; lambda from :class:`healthgym.train.schedules.KLSchedule`, fed the KL of the
   previous step). Gradient clipping, AdamW, LR schedule.
6. *Teacher update* (TT-OPD): EMA every ``ema_every`` steps (and hard copy every
   ``hard_copy_every``), then the teacher-student parameter distance is logged.

The parts live in their own modules: :mod:`healthgym.train.collect` (steps 1-2),
:mod:`healthgym.train.rewards` (step 3's rewards and the step metrics),
:mod:`healthgym.train.update` (step 5's loss maths), :mod:`healthgym.train.models`
(loading and saving the model), :mod:`healthgym.train.checkpoint` (exact resume) and
:mod:`healthgym.train.schedules` (lambda and LR schedules); this module wires them.
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import torch

from ..domains import get_domain
from . import collect as rollouts
from .batch import TrajectoryBatch, build_batch
from .checkpoint import latest_checkpoint, load_checkpoint, save_checkpoint
from .config import TrainConfig
from .ema import EMATeacher
from .hints import make_hint, task_privileged
from .logprobs import completion_logprobs_of
from .metrics import MetricsLogger
from .models import load_model, pad_token_id, resolve_device, save_model, wrap_lora
from .rewards import EpisodeRewards, episode_advantages, episode_metrics, episode_rewards
from .schedules import KLSchedule, lr_lambda
from .teacher import HintedInput, HintFormatter, teacher_logprobs
from .update import (
    EpochTotals,
    UpdatePlan,
    chunk_weights,
    micro_batches,
    micro_loss,
    whole_batch_stats,
)


class Trainer:
    """GRPO / TT-OPD on one device; see the module docstring."""

    def __init__(
        self,
        config: TrainConfig,
        model: Any | None = None,
        tokenizer: Any | None = None,
        *,
        policy_kwargs: dict[str, Any] | None = None,
    ) -> None:
        self.config = config
        self.device = resolve_device(config.device)
        if model is None or tokenizer is None:
            model, tokenizer, loaded_kwargs = load_model(config)
            policy_kwargs = {**loaded_kwargs, **(policy_kwargs or {})}
        self.tokenizer = tokenizer
        self.policy_kwargs = policy_kwargs or {}
        if not (
            self.policy_kwargs.get("chat_template") or getattr(tokenizer, "chat_template", None)
        ):
            raise ValueError("the tokenizer has no chat template; pass policy_kwargs chat_template")
        self.pad_id = pad_token_id(tokenizer)
        model = model.to(self.device)
        if config.lora:
            model = wrap_lora(model, config)
        self.model = model
        self.params = [p for p in model.parameters() if p.requires_grad]
        self.optimizer = torch.optim.AdamW(
            self.params, lr=config.learning_rate, weight_decay=config.weight_decay
        )
        self.scheduler = torch.optim.lr_scheduler.LambdaLR(self.optimizer, lr_lambda(config))
        self.ttopd = config.algo == "tt-opd"
        self.teacher: EMATeacher | None = None
        self.kl_schedule: KLSchedule | None = None
        if self.ttopd:
            self._init_teacher(model)
        self.reference: Any | None = None
        if config.kl_ref_coef > 0 and not config.lora:
            self.reference = copy.deepcopy(model).requires_grad_(False).eval()
        self.hints = HintFormatter(
            tokenizer, self.policy_kwargs.get("chat_template"), role=config.hint_role
        )
        self.pool = rollouts.task_pool(config)
        self.policy = rollouts.make_policy(self.model, tokenizer, config, self.policy_kwargs)
        self.run_dir = Path(config.out)
        self.last_kl: float | None = None
        self.start_step = 0
        self._tasks: dict[tuple[str, int], Any] = {}

    # ------------------------------------------------------------------ setup
    def _init_teacher(self, model: Any) -> None:
        c = self.config
        self.teacher = EMATeacher(
            model,
            alpha=c.ema_alpha,
            update_every=c.ema_every,
            hard_copy_every=c.hard_copy_every,
            trainable_only=c.lora,
        )
        self.kl_schedule = KLSchedule(
            c.kl_schedule,
            c.kl_lambda,
            total_steps=c.steps if c.kl_schedule == "linear" else None,
            floor=c.kl_floor,
            threshold=c.kl_threshold,
            phase_out_steps=c.kl_phase_out_steps,
        )

    def task(self, domain: str, index: int) -> Any:
        key = (domain, index)
        if key not in self._tasks:
            self._tasks[key] = get_domain(domain).task(index)
        return self._tasks[key]

    # ------------------------------------------------------------------ rollouts
    def sample_tasks(self, step: int) -> list[tuple[str, int]]:
        """The tasks of ``step`` (deterministic in ``(seed, step)``)."""
        c = self.config
        return rollouts.sample_tasks(self.pool, c.seed, step, c.tasks_per_step)

    def collect(self, step: int) -> tuple[list[dict[str, Any]], list[int]]:
        """Run ``group_size`` episodes of each task of ``step``; returns every record
        (failed ones included) and its task group."""
        tasks = self.sample_tasks(step)
        return rollouts.collect_rollouts(self.policy, self.model, tasks, self.config, step)

    # ------------------------------------------------------------------ update
    def update(self, records: list[dict[str, Any]], groups: list[int], step: int) -> dict[str, Any]:
        """One optimiser step on fixed, usable trajectories; returns the step's stats.

        ``step`` is the 1-based number of this optimiser step.
        """
        plan, stats = self._plan_update(records, groups, step)
        totals = self._optimise(plan)
        stats["lr"] = float(self.scheduler.get_last_lr()[0])
        self.scheduler.step()
        # statistics of the first epoch, on the whole batch at once (exact under micro-batching)
        stats.update(whole_batch_stats(totals.full_logp, plan, self.config))
        if plan.teacher_logp is not None:
            self.last_kl = stats["kl_turn_mean"]
        stats.update(loss=totals.loss, loss_grpo=totals.loss_grpo, grad_norm=totals.grad_norm)
        if self.teacher is not None:
            stats.update(self._teacher_step(step))
        self.model.eval()
        return stats

    def _plan_update(
        self, records: list[dict[str, Any]], groups: list[int], step: int
    ) -> tuple[UpdatePlan, dict[str, Any]]:
        """Rewards, advantages, teacher scores, lambda, micro-batches, reference and old
        log-probabilities: everything fixed before the first epoch, and their stats."""
        c = self.config
        rewards = episode_rewards(records, c)
        batch = build_batch(records, groups, self.pad_id).to(self.device)
        adv = episode_advantages(rewards, batch.group_ids.cpu(), c).to(self.device)
        stats: dict[str, Any] = {"advantage_abs_mean": float(adv.abs().mean())}
        teacher_logp = None
        if self.ttopd:
            scores = self._teacher_scores(records, rewards, batch.mask.shape[1])
            teacher_logp = scores.logp.to(self.device)
            stats["hint_tokens_inserted"] = scores.hint_tokens_inserted
            stats["hint_tokens_removed"] = scores.hint_tokens_removed
        lam = 0.0
        if self.kl_schedule is not None:
            lam = self.kl_schedule.value(step, self.last_kl)
        stats["kl_coef"] = lam if self.ttopd else c.kl_ref_coef
        chunks = micro_batches(len(batch), c.micro_batch_size)
        mbs = [batch.select(rows) for rows in chunks]
        ref_logp = [self._reference_logp(mb) for mb in mbs] if c.kl_ref_coef > 0 else None
        old = self._old_logprobs(mbs)
        weights = chunk_weights(mbs, batch, c)
        plan = UpdatePlan(batch, adv, chunks, mbs, weights, lam, teacher_logp, ref_logp, old)
        return plan, stats

    def _old_logprobs(self, mbs: list[TrajectoryBatch]) -> list[torch.Tensor] | None:
        """The old log-probabilities per micro-batch (see the module docstring)."""
        if self.config.old_logprobs == "sampler":
            return [mb.sampler_logp for mb in mbs]
        if self.config.ppo_epochs > 1:
            with torch.no_grad():
                return [self._logp(self.model, mb) for mb in mbs]
        return None  # the update's own forward pass, detached

    def _optimise(self, plan: UpdatePlan) -> EpochTotals:
        """``ppo_epochs`` passes over the micro-batches, each one optimiser step."""
        c = self.config
        self.model.train()
        totals = EpochTotals(torch.zeros_like(plan.batch.mask))
        for epoch in range(c.ppo_epochs):
            self.optimizer.zero_grad(set_to_none=True)
            for k, rows in enumerate(plan.chunks):
                logp = self._logp(self.model, plan.mbs[k])
                loss, loss_pg = micro_loss(logp, k, plan, c)
                loss.backward()
                if epoch == 0:
                    totals.full_logp[rows] = logp.detach()
                    totals.loss += float(loss.detach())
                    totals.loss_grpo += plan.weights["pg"][k] * float(loss_pg.detach())
            totals.grad_norm = float(torch.nn.utils.clip_grad_norm_(self.params, c.max_grad_norm))
            self.optimizer.step()
        return totals

    def _teacher_scores(
        self, records: list[dict[str, Any]], rewards: EpisodeRewards, width: int
    ) -> Any:
        items = []
        for r, ok in zip(records, rewards.correct, strict=True):
            gold, rationale = task_privileged(self.task(*r["_spec"]))
            text = make_hint(
                ok, gold=gold, rationale=rationale, privileged=self.config.hint_privileged
            )
            hint_ids, at = self.hints(text, r["prompt_ids"], r.get("messages") or [])
            items.append(HintedInput(r["prompt_ids"], r["completion_ids"], hint_ids, at))
        assert self.teacher is not None
        return teacher_logprobs(
            self.teacher.model, items, width, temperature=self.config.score_temperature
        )

    def _reference_logp(self, mb: TrajectoryBatch) -> torch.Tensor:
        with torch.no_grad():
            if self.reference is not None:
                ctx, ref = nullcontext(), self.reference
            else:  # LoRA: the base model is the adapter switched off
                ctx, ref = self.model.disable_adapter(), self.model
            with ctx:
                return self._logp(ref, mb)

    def _logp(self, model: Any, mb: TrajectoryBatch) -> torch.Tensor:
        out = completion_logprobs_of(
            model,
            mb.prompts,
            mb.completions,
            pad_id=self.pad_id,
            temperature=self.config.score_temperature,
        )
        width = mb.mask.shape[1]
        if out.shape[1] < width:
            out = torch.nn.functional.pad(out, (0, width - out.shape[1]))
        return out

    def _teacher_step(self, step: int) -> dict[str, Any]:
        """The EMA / hard-copy update due after optimiser step ``step``, and the
        teacher-student distance after it (and before it, on update steps: an EMA update
        multiplies the distance by exactly alpha)."""
        assert self.teacher is not None
        t = self.teacher
        due = step % t.update_every == 0 or bool(
            t.hard_copy_every and step % t.hard_copy_every == 0
        )
        out: dict[str, Any] = {}
        if due and step > t.last_step:
            out["teacher_distance_before_update"] = t.distance(self.model)
        out["teacher_update"] = t.maybe_update(step, self.model)
        out["teacher_distance"] = t.distance(self.model)
        return out

    # ------------------------------------------------------------------ loop
    @contextmanager
    def threads(self) -> Iterator[None]:
        """Run the body with ``config.cpu_threads`` torch threads (see the config)."""
        n = self.config.cpu_threads
        if n is None and self.config.model == "tiny":
            n = 1
        before = torch.get_num_threads()
        if n is not None:
            torch.set_num_threads(n)
        try:
            yield
        finally:
            torch.set_num_threads(before)

    def step(self, step: int) -> dict[str, Any]:
        """Rollouts + one update; ``step`` is 1-based. Returns the step's metrics."""
        t0 = time.perf_counter()
        records, groups = self.collect(step)
        t1 = time.perf_counter()
        kept, kept_groups, failures = rollouts.split_usable(records, groups, step)
        rollouts.log_failures(self.run_dir, failures)
        m: dict[str, Any] = {"step": step, "episodes": len(records)}
        m["failed_rollouts"] = len(failures)
        if kept:
            m.update(episode_metrics(kept, self.config))
            m.update(self.update(kept, kept_groups, step))
        else:  # nothing to learn from: the schedule still advances
            m["lr"] = float(self.scheduler.get_last_lr()[0])
            self.scheduler.step()
            if self.teacher is not None:
                m.update(self._teacher_step(step))
        t2 = time.perf_counter()
        m.update(rollout_seconds=t1 - t0, update_seconds=t2 - t1, step_seconds=t2 - t0)
        return m

    # ------------------------------------------------------------------ checkpoints
    def save(self, step: int) -> Path:
        return save_checkpoint(
            self.run_dir,
            step,
            model=self.model,
            optimizer=self.optimizer,
            scheduler=self.scheduler,
            teacher=self.teacher,
            kl_schedule=self.kl_schedule,
            extra={"last_kl": self.last_kl},
        )

    def resume(self) -> int:
        """Load the latest checkpoint of the run directory (if any); returns the number
        of completed steps to continue from."""
        folder = latest_checkpoint(self.run_dir)
        if folder is None:
            return 0
        state = load_checkpoint(
            folder,
            model=self.model,
            optimizer=self.optimizer,
            scheduler=self.scheduler,
            teacher=self.teacher,
            kl_schedule=self.kl_schedule,
        )
        self.last_kl = state["extra"].get("last_kl")
        return int(state["step"])

    def run(self, on_step: Callable[[dict[str, Any]], None] | None = None) -> Path:
        """Train for ``config.steps`` steps (from the latest checkpoint with ``resume``);
        ``on_step`` gets each step's metrics. Returns the run directory."""
        c = self.config
        self.run_dir.mkdir(parents=True, exist_ok=True)
        (self.run_dir / "config.json").write_text(json.dumps(c.to_dict(), indent=2) + "\n")
        self.start_step = self.resume() if c.resume else 0
        logger = MetricsLogger(
            self.run_dir,
            start_step=self.start_step + 1,
            tensorboard=c.tensorboard,
            wandb=c.wandb,
            wandb_project=c.wandb_project,
            config=c.to_dict(),
        )
        with self.threads():
            try:
                for step in range(self.start_step + 1, c.steps + 1):
                    metrics = self.step(step)
                    logger.log(metrics)
                    if on_step is not None:
                        on_step(metrics)
                    if (c.save_every and step % c.save_every == 0) or step == c.steps:
                        self.save(step)
            finally:
                logger.close()
        save_model(self.model, self.tokenizer, self.run_dir / "final")
        return self.run_dir


def train(
    config: TrainConfig,
    model: Any | None = None,
    tokenizer: Any | None = None,
    *,
    policy_kwargs: dict[str, Any] | None = None,
    on_step: Callable[[dict[str, Any]], None] | None = None,
) -> Path:
    """Run :class:`Trainer` and return the run directory."""
    return Trainer(config, model, tokenizer, policy_kwargs=policy_kwargs).run(on_step)


__all__ = ["Trainer", "train"]
