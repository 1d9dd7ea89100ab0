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
   in model tokens, see :mod:`healthgym.train.config`), GRPO advantages per task group.
4. *Teacher* (TT-OPD): the EMA teacher scores the student's own tokens with an
   outcome-privileged hint inserted at the prompt-response boundary
   (:mod:`healthgym.train.teacher`); hint positions are stripped.
5. *Update*: the clipped token loss over policy tokens only. Old log-probabilities are,
   with ``old_logprobs="policy"`` (default), the policy's own before this update
   (recomputed by a forward pass of the rollout weights: with ``ppo_epochs=1`` that pass
   is the update's own forward, detached, so ratios start at exactly 1); with
   ``"sampler"``, the log-probabilities the sampler recorded (valid for temperature 1
   without top-k/top-p truncation). Optional KL to the initial model (``kl_ref_coef``).
   TT-OPD adds ``lambda * L_turnKL`` (turn-level truncated reverse KL to the hinted
   teacher; lambda from :class:`healthgym.train.schedules.KLSchedule`, fed the KL of the
   previous step). Gradient clipping, AdamW, LR schedule.
6. *Teacher update* (TT-OPD): EMA every ``ema_every`` steps (and hard copy every
   ``hard_copy_every``), then the teacher-student parameter distance is logged.
"""

from __future__ import annotations

import copy
import json
import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch

from ..domains import get_domain
from ..rollout import EpisodeSpec, RolloutConfig, rollout
from ..runner import select_tasks
from .batch import TrajectoryBatch, build_batch, usable
from .checkpoint import latest_checkpoint, load_checkpoint, save_checkpoint
from .config import TrainConfig
from .ema import EMATeacher
from .grpo import aggregate, group_advantages, kl_estimate, ppo_clip_loss
from .hints import make_hint, task_privileged
from .length import cosine_rewards
from .logprobs import completion_logprobs_of
from .metrics import MetricsLogger
from .schedules import KLSchedule
from .teacher import HintedInput, HintFormatter, teacher_logprobs
from .turn_kl import turn_level_kl

COMPONENTS = ("accuracy", "process", "safety", "format", "coherence")


# --------------------------------------------------------------------------- rewards
@dataclass
class EpisodeRewards:
    """Per usable episode: the training reward and what it is made of."""

    reward: list[float]
    composite: list[float]
    cosine: list[float]
    correct: list[bool]
    components: dict[str, list[float]] = field(default_factory=dict)


def episode_rewards(records: list[dict[str, Any]], config: TrainConfig) -> EpisodeRewards:
    """``reward = composite_weight * composite + length_weight * cosine`` (plus
    ``component_weights[k] * component_k``) per record.

    ``composite``: the environment's 5-dimension reward; ``cosine``: the cosine length
    reward of the episode's policy tokens (``sum(env_mask)``) with budget
    ``config.max_response_tokens``, correct when ``accuracy >= correct_threshold``,
    truncated when the episode ended by one of ``config.truncated_by``.
    """
    comps = [r["reward_components"] for r in records]
    correct = [float(c["accuracy"]) >= config.correct_threshold for c in comps]
    n_tokens = [int(sum(r["env_mask"])) for r in records]
    truncated = [r.get("ended_by") in config.truncated_by for r in records]
    cos = cosine_rewards(
        correct, n_tokens, config.max_response_tokens, truncated, **config.length_params
    )
    composite = [float(c["composite"]) for c in comps]
    unknown = set(config.component_weights) - set(COMPONENTS)
    if unknown:
        raise ValueError(f"component_weights: unknown component(s) {sorted(unknown)}")
    reward = [
        config.composite_weight * c
        + config.length_weight * x
        + sum(w * float(comp[k]) for k, w in config.component_weights.items())
        for c, x, comp in zip(composite, cos, comps, strict=True)
    ]
    components = {k: [float(c[k]) for c in comps] for k in COMPONENTS}
    return EpisodeRewards(reward, composite, cos, correct, components)


# --------------------------------------------------------------------------- loading
def load_model(config: TrainConfig) -> tuple[Any, Any, dict[str, Any]]:
    """``(model, tokenizer, policy_kwargs)`` for ``config.model`` (offline only)."""
    if config.model == "tiny":
        from .tiny import load_tiny

        model, tok = load_tiny(config.seed)
        return model, tok, {}
    if config.model == "smollm2":
        from ..agents.smollm2 import load_smollm2

        policy = load_smollm2(dtype="float32")
        kwargs = {
            "chat_template": policy.chat_template,
            "tools_mode": policy.tools_mode,
            "system": policy.system,
        }
        return policy.model, policy.tokenizer, kwargs
    from transformers import AutoModelForCausalLM, AutoTokenizer

    path = str(config.model)
    tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModelForCausalLM.from_pretrained(path, local_files_only=True)
    return model, tok, {}


def _device(spec: str) -> torch.device:
    if spec == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(spec)


def _lr_lambda(config: TrainConfig):
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


def _mean(xs: list[float]) -> float | None:
    return float(np.mean(xs)) if xs else None


# --------------------------------------------------------------------------- trainer
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
        self.device = _device(config.device)
        if model is None or tokenizer is None:
            model, tokenizer, loaded_kwargs = load_model(config)
            policy_kwargs = {**loaded_kwargs, **(policy_kwargs or {})}
        self.tokenizer = tokenizer
        self.policy_kwargs = policy_kwargs or {}
        if not (
            self.policy_kwargs.get("chat_template") or getattr(tokenizer, "chat_template", None)
        ):
            raise ValueError("the tokenizer has no chat template; pass policy_kwargs chat_template")
        pad = tokenizer.pad_token_id
        if pad is None:
            pad = tokenizer.eos_token_id if isinstance(tokenizer.eos_token_id, int) else 0
        self.pad_id = int(pad)
        model = model.to(self.device)
        if config.lora:
            model = self._wrap_lora(model)
        self.model = model
        self.params = [p for p in model.parameters() if p.requires_grad]
        self.optimizer = torch.optim.AdamW(
            self.params, lr=config.learning_rate, weight_decay=config.weight_decay
        )
        self.scheduler = torch.optim.lr_scheduler.LambdaLR(self.optimizer, _lr_lambda(config))
        self.ttopd = config.algo == "tt-opd"
        self.teacher: EMATeacher | None = None
        self.kl_schedule: KLSchedule | None = None
        if self.ttopd:
            self.teacher = EMATeacher(
                model,
                alpha=config.ema_alpha,
                update_every=config.ema_every,
                hard_copy_every=config.hard_copy_every,
                trainable_only=config.lora,
            )
            self.kl_schedule = KLSchedule(
                config.kl_schedule,
                config.kl_lambda,
                total_steps=config.steps if config.kl_schedule == "linear" else None,
                floor=config.kl_floor,
                threshold=config.kl_threshold,
                phase_out_steps=config.kl_phase_out_steps,
            )
        self.reference: Any | None = None
        if config.kl_ref_coef > 0 and not config.lora:
            self.reference = copy.deepcopy(model).requires_grad_(False).eval()
        self.hints = HintFormatter(
            tokenizer, self.policy_kwargs.get("chat_template"), role=config.hint_role
        )
        self.pool = [(d, i) for d in config.domains for i in select_tasks(d, config.split, None)]
        if not self.pool:
            raise ValueError(f"no {config.split!r} tasks in domains {config.domains}")
        self.policy = self._make_policy()
        self.run_dir = Path(config.out)
        self.last_kl: float | None = None
        self.start_step = 0
        self._tasks: dict[tuple[str, int], Any] = {}

    # ------------------------------------------------------------------ setup
    def _wrap_lora(self, model: Any) -> Any:
        from peft import LoraConfig, get_peft_model

        lora = LoraConfig(
            r=self.config.lora_r,
            lora_alpha=self.config.lora_alpha,
            lora_dropout=self.config.lora_dropout,
            target_modules=self.config.lora_target_modules,
            task_type="CAUSAL_LM",
        )
        return get_peft_model(model, lora)

    def _make_policy(self) -> Any:
        from ..agents.transformers_policy import TransformersPolicy

        c = self.config
        kwargs = {
            "name": f"train:{c.model}",
            "compact_tools": c.compact_tools,
            "max_new_tokens": c.max_new_tokens,
            "temperature": c.temperature,
            "top_p": c.top_p,
            "top_k": c.top_k,
            "max_batch_size": c.tasks_per_step * c.group_size,
            "batch_wait_s": c.batch_wait_s,
            "seed": c.seed,
            **self.policy_kwargs,
        }
        return TransformersPolicy(self.model, self.tokenizer, **kwargs)

    def _step_seed(self, step: int) -> int:
        return int(np.random.SeedSequence([self.config.seed, step]).generate_state(1)[0])

    def task(self, domain: str, index: int) -> Any:
        key = (domain, index)
        if key not in self._tasks:
            self._tasks[key] = get_domain(domain).task(index)
        return self._tasks[key]

    # ------------------------------------------------------------------ rollouts
    def sample_tasks(self, step: int) -> list[tuple[str, int]]:
        """The tasks of ``step`` (deterministic in ``(seed, step)``)."""
        rng = np.random.default_rng([self.config.seed, step])
        n = self.config.tasks_per_step
        picks = rng.choice(len(self.pool), size=n, replace=n > len(self.pool))
        return [self.pool[int(i)] for i in picks]

    def collect(self, step: int) -> tuple[list[dict[str, Any]], list[int]]:
        """Run ``group_size`` episodes of each task of ``step``; returns every record
        (failed ones included) and its task group."""
        c = self.config
        tasks = self.sample_tasks(step)
        specs = [EpisodeSpec(d, i) for d, i in tasks for _ in range(c.group_size)]
        groups = [g for g in range(len(tasks)) for _ in range(c.group_size)]
        self.policy.generator.manual_seed(self._step_seed(step))
        self.model.eval()
        cfg = RolloutConfig(
            max_turns=c.max_turns,
            token_budget=c.token_budget,
            max_new_tokens=c.max_new_tokens,
            episode_timeout=c.episode_timeout,
            concurrency=len(specs),
        )
        try:
            records = rollout(self.policy, specs, cfg)
        except Exception as e:  # the whole batch failed: every episode counts as failed
            records = [
                {
                    "domain": s.domain,
                    "task_id": f"{s.domain}-{s.index}",
                    "error": {"type": type(e).__name__, "message": str(e)[:300]},
                }
                for s in specs
            ]
        for r, s in zip(records, specs, strict=True):
            r["_spec"] = (s.domain, s.index)
        return records, groups

    # ------------------------------------------------------------------ update
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
        return teacher_logprobs(self.teacher.model, items, width)

    def _reference_logp(self, mb: TrajectoryBatch) -> torch.Tensor:
        with torch.no_grad():
            if self.reference is not None:
                ctx, ref = nullcontext(), self.reference
            else:  # LoRA: the base model is the adapter switched off
                ctx, ref = self.model.disable_adapter(), self.model
            with ctx:
                return self._logp(ref, mb)

    def _logp(self, model: Any, mb: TrajectoryBatch) -> torch.Tensor:
        out = completion_logprobs_of(model, mb.prompts, mb.completions, pad_id=self.pad_id)
        width = mb.mask.shape[1]
        if out.shape[1] < width:
            out = torch.nn.functional.pad(out, (0, width - out.shape[1]))
        return out

    def _micro_batches(self, n: int) -> list[list[int]]:
        size = self.config.micro_batch_size or n
        return [list(range(i, min(n, i + size))) for i in range(0, n, size)]

    def update(self, records: list[dict[str, Any]], groups: list[int], step: int) -> dict[str, Any]:
        """One optimiser step on fixed, usable trajectories; returns the step's stats.

        ``step`` is the 1-based number of this optimiser step.
        """
        c = self.config
        rewards = episode_rewards(records, c)
        batch = build_batch(records, groups, self.pad_id).to(self.device)
        adv = group_advantages(
            torch.tensor(rewards.reward), batch.group_ids.cpu(), normalize_std=c.normalize_std
        ).to(self.device)
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
        chunks = self._micro_batches(len(batch))
        mbs = [batch.select(rows) for rows in chunks]
        ref_logp = [self._reference_logp(mb) for mb in mbs] if c.kl_ref_coef > 0 else None
        if c.old_logprobs == "sampler":
            old = [mb.sampler_logp for mb in mbs]
        elif c.ppo_epochs > 1:
            with torch.no_grad():
                old = [self._logp(self.model, mb) for mb in mbs]
        else:
            old = None  # the update's own forward pass, detached
        weights = _chunk_weights(mbs, batch, c)
        self.model.train()
        full_logp = torch.zeros_like(batch.mask)
        total = grpo_total = 0.0
        grad_norm = 0.0
        for epoch in range(c.ppo_epochs):
            self.optimizer.zero_grad(set_to_none=True)
            for k, (rows, mb) in enumerate(zip(chunks, mbs, strict=True)):
                logp = self._logp(self.model, mb)
                old_k = old[k] if old is not None else logp.detach()
                loss_pg, _ = ppo_clip_loss(
                    logp,
                    old_k,
                    adv[rows],
                    mb.mask,
                    clip_low=c.clip_low,
                    clip_high=c.clip_high,
                    aggregation=c.aggregation,
                )
                loss = weights["pg"][k] * loss_pg
                if ref_logp is not None:
                    kl = aggregate(
                        kl_estimate(logp, ref_logp[k], c.kl_ref_estimator), mb.mask, c.aggregation
                    )
                    loss = loss + c.kl_ref_coef * weights["pg"][k] * kl
                if teacher_logp is not None and lam > 0:
                    loss_kl, _ = turn_level_kl(
                        logp,
                        teacher_logp[rows],
                        mb.turn_index,
                        mb.token_in_turn,
                        max_turns=c.kl_max_turns,
                        max_tokens_per_turn=c.kl_max_tokens,
                        clip=c.kl_clip,
                    )
                    loss = loss + lam * weights["kl"][k] * loss_kl
                loss.backward()
                if epoch == 0:
                    full_logp[rows] = logp.detach()
                    total += float(loss.detach())
                    grpo_total += weights["pg"][k] * float(loss_pg.detach())
            grad_norm = float(torch.nn.utils.clip_grad_norm_(self.params, c.max_grad_norm))
            self.optimizer.step()
        stats["lr"] = float(self.scheduler.get_last_lr()[0])
        self.scheduler.step()
        # statistics of the first epoch, on the whole batch at once (exact under micro-batching)
        old_full = batch.sampler_logp if c.old_logprobs == "sampler" else None
        if old_full is None:
            old_full = torch.cat(old) if old is not None else full_logp
        with torch.no_grad():
            _, pst = ppo_clip_loss(
                full_logp,
                old_full,
                adv,
                batch.mask,
                clip_low=c.clip_low,
                clip_high=c.clip_high,
                aggregation=c.aggregation,
            )
            stats.update(pst)
            if ref_logp is not None:
                ref_full = torch.cat(ref_logp)
                stats["kl_ref"] = float(
                    aggregate(
                        kl_estimate(full_logp, ref_full, c.kl_ref_estimator),
                        batch.mask,
                        c.aggregation,
                    )
                )
            if teacher_logp is not None:
                _, kst = turn_level_kl(
                    full_logp,
                    teacher_logp,
                    batch.turn_index,
                    batch.token_in_turn,
                    max_turns=c.kl_max_turns,
                    max_tokens_per_turn=c.kl_max_tokens,
                    clip=c.kl_clip,
                )
                stats.update(kst)
                self.last_kl = kst["kl_turn_mean"]
        stats.update(loss=total, loss_grpo=grpo_total, grad_norm=grad_norm)
        if self.teacher is not None:
            stats.update(self._teacher_step(step))
        self.model.eval()
        return stats

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
        kept, kept_groups, failures = [], [], []
        for r, g in zip(records, groups, strict=True):
            why = usable(r)
            if why is None:
                kept.append(r)
                kept_groups.append(g)
            else:
                failures.append({"step": step, "task_id": r.get("task_id"), "reason": why})
        self._log_failures(failures)
        m: dict[str, Any] = {"step": step, "episodes": len(records)}
        m["failed_rollouts"] = len(failures)
        if kept:
            m.update(_episode_metrics(kept, self.config))
            m.update(self.update(kept, kept_groups, step))
        else:  # nothing to learn from: the schedule still advances
            m["lr"] = float(self.scheduler.get_last_lr()[0])
            self.scheduler.step()
            if self.teacher is not None:
                m.update(self._teacher_step(step))
        t2 = time.perf_counter()
        m.update(rollout_seconds=t1 - t0, update_seconds=t2 - t1, step_seconds=t2 - t0)
        return m

    def _log_failures(self, failures: list[dict[str, Any]]) -> None:
        if failures:
            with (self.run_dir / "failures.jsonl").open("a") as f:
                for x in failures:
                    f.write(json.dumps(x) + "\n")

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


# --------------------------------------------------------------------------- helpers
def save_model(model: Any, tokenizer: Any, folder: Path) -> None:
    """``save_pretrained`` of the model (a LoRA model saves its adapters) and tokenizer.

    A model loaded from a GGUF file (e.g. SmolLM2) is de-quantised to plain tensors at
    load time, but transformers still marks it as GGUF-quantised and refuses to save it;
    its (plain) weights are then saved with the marker removed.
    """
    quantizer = getattr(model, "hf_quantizer", None)
    method = getattr(getattr(quantizer, "quantization_config", None), "quant_method", None)
    if quantizer is not None and str(getattr(method, "value", method)).lower() == "gguf":
        model.hf_quantizer = None
        try:
            model.save_pretrained(folder)
        finally:
            model.hf_quantizer = quantizer
    else:
        model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)


def _chunk_weights(
    mbs: list[TrajectoryBatch], batch: TrajectoryBatch, config: TrainConfig
) -> dict[str, list[float]]:
    """Weights that make the sum of micro-batch losses equal the whole-batch loss:
    by policy tokens (token_mean) or by trajectories with a policy token (sequence means)
    for the GRPO term; by trajectories with a counted turn for the turn-level KL."""

    def counted(mb: TrajectoryBatch) -> int:
        valid = (mb.turn_index >= 0) & (mb.token_in_turn >= 0)
        if config.kl_max_turns is not None:
            valid &= mb.turn_index < config.kl_max_turns
        if config.kl_max_tokens is not None:
            valid &= mb.token_in_turn < config.kl_max_tokens
        return int(valid.any(dim=1).sum())

    if config.aggregation == "token_mean":
        pg = [float(mb.mask.sum()) for mb in mbs]
    else:
        pg = [float((mb.mask.sum(dim=1) > 0).sum()) for mb in mbs]
    kl = [float(counted(mb)) for mb in mbs]
    return {
        "pg": [x / max(sum(pg), 1.0) for x in pg],
        "kl": [x / max(sum(kl), 1.0) for x in kl],
    }


def _episode_metrics(records: list[dict[str, Any]], config: TrainConfig) -> dict[str, Any]:
    """Means over the usable episodes of a step: rewards, components, lengths, turns."""
    rw = episode_rewards(records, config)
    m: dict[str, Any] = {
        "reward": _mean(rw.reward),
        "reward_std": float(np.std(rw.reward)),
        "reward_env": _mean(rw.composite),
        "length_reward": _mean(rw.cosine),
        "correct": _mean([float(x) for x in rw.correct]),
    }
    for k in COMPONENTS:
        m[k] = _mean(rw.components[k])
    m["response_tokens"] = _mean([float(sum(r["env_mask"])) for r in records])
    m["turns"] = _mean([float(len(r["turns"])) for r in records])
    m["tool_calls"] = _mean(
        [float(sum(len(t.get("tool_calls") or []) for t in r["turns"])) for r in records]
    )
    return m
