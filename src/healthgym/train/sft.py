"""Supervised warm-up on the scripted oracle's trajectories.

A randomly initialised or small model rarely emits a well-formed tool call, so RL
from scratch sees no reward differences to learn from. The warm-up imitates
:class:`healthgym.agents.baselines.OraclePolicy` (which replays each task's
reference solution):

1. :func:`render_oracle` plays the oracle through the environment with the real
   rollout runner and the real local-model session
   (:class:`healthgym.agents.transformers_policy.LocalSession`): every assistant turn
   is the oracle's action encoded with the tokenizer plus the template's turn-closing
   stop token, fed to the session exactly where a sampled completion would go. The
   prompt, the environment turns and the turn closings are therefore the very ids a
   rollout of the same model appends (:mod:`healthgym.agents.tokens`): nothing is
   re-tokenised, and the loss mask is the rollout's ``env_mask`` (1 on assistant
   tokens only).
2. :func:`train_sft` minimises the mean cross-entropy of the assistant tokens
   (token mean over the batch) with AdamW.

Knobs to leave a model *below* the ceiling on purpose (so that RL has something to
improve): few ``steps`` (partial training) and ``corrupt_prob``, the probability that
an oracle turn is corrupted before it is sent (a span of its characters removed,
which usually breaks the call); the environment then answers the corrupted action,
so each trajectory stays a truthful record of what was sent and what came back.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

from ..agents.baselines import OraclePolicy
from ..agents.sampler import SampleOut
from ..agents.transformers_policy import LocalSession, TransformersPolicy
from ..domains import get_domain
from ..rollout import EpisodeSpec, RolloutConfig, rollout
from ..tasks import Task


def oracle_specs(
    domains: Sequence[str], split: str | None, n_per_domain: int, seed: int = 0
) -> list[EpisodeSpec]:
    """``n_per_domain`` tasks of each domain's split, drawn without replacement by a
    seeded shuffle (the same seed gives the same tasks in the same order)."""
    specs = []
    for d in domains:
        indices = list(get_domain(d).indices(split))
        random.Random(f"{seed}:{d}").shuffle(indices)
        specs += [EpisodeSpec(d, i) for i in indices[:n_per_domain]]
    return specs


def corrupt_action(text: str, rng: random.Random) -> str:
    """``text`` with one random span (1 to half its length) of characters removed."""
    if len(text) < 2:
        return ""
    n = rng.randint(1, max(1, len(text) // 2))
    start = rng.randint(0, len(text) - n)
    return text[:start] + text[start + n :]


class OracleTokenPolicy(TransformersPolicy):
    """A :class:`TransformersPolicy` whose "samples" are the oracle's actions.

    Each session gets its own :class:`OraclePolicy`; ``submit`` (where the real policy
    samples from the model) returns the tokenised oracle action followed by the stop
    token that closes an assistant turn in the chat template, cut at the turn's token
    limit like a sampled completion. Everything else (prompt, environment turns,
    messages, masks) is the real session's code. ``logprobs`` are 0.0 (not sampled).
    """

    def __init__(
        self, model: Any, tokenizer: Any, *, corrupt_prob: float = 0.0, seed: int = 0, **kw: Any
    ) -> None:
        kw.setdefault("name", "oracle-tokens")
        super().__init__(model, tokenizer, **kw)
        if not 0.0 <= corrupt_prob <= 1.0:
            raise ValueError("corrupt_prob must lie in [0, 1]")
        self.corrupt_prob = corrupt_prob
        self.seed = seed
        self._oracles: dict[int, tuple[OraclePolicy, random.Random]] = {}
        self.corrupted = 0  # turns corrupted so far (for logs and tests)

    def start(self, task: Task, observation: str, info: dict[str, Any]) -> LocalSession:
        session = super().start(task, observation, info)
        oracle = OraclePolicy()
        oracle.reset(task, observation, info)
        self._oracles[id(session)] = (oracle, random.Random(f"{self.seed}:{task.id}"))
        return session

    def action_ids(self, session: LocalSession, text: str) -> list[int]:
        """The ids a model would sample to write ``text`` and close its turn."""
        return [*session.chat.encode(text), stop_id(session)]

    async def submit(self, session: LocalSession, limit: int) -> SampleOut:
        oracle, rng = self._oracles[id(session)]
        text = oracle.act("")
        if self.corrupt_prob > 0 and rng.random() < self.corrupt_prob:
            text = corrupt_action(text, rng)
            self.corrupted += 1
        ids = self.action_ids(session, text)
        limit = min(limit, session.context_room())
        out = SampleOut(context_tokens=len(session.seq.ids))
        out.ids = ids[: max(1, limit)]
        out.logprobs = [0.0] * len(out.ids)
        out.finish_reason = "stop" if len(out.ids) == len(ids) else "length"
        session.seq.ids += out.ids  # as the sampler extends the sequence it samples
        return out

    async def aclose(self) -> None:
        self._oracles.clear()
        await super().aclose()


def stop_id(session: LocalSession) -> int:
    """The stop token that closes an assistant turn: the special token the template
    writes right after an assistant message (``<|im_end|>`` in ChatML), else EOS."""
    tokenizer = session.chat.tokenizer
    for tok in session.chat.special:
        tid = int(tokenizer.convert_tokens_to_ids(tok))
        if tid in session.chat.stop_ids and tid != tokenizer.eos_token_id:
            return tid
    eos = tokenizer.eos_token_id
    if not isinstance(eos, int):
        raise ValueError("the tokenizer has no EOS token to close an assistant turn")
    return eos


def render_oracle(
    model: Any,
    tokenizer: Any,
    specs: Sequence[EpisodeSpec],
    *,
    max_turns: int = 20,
    corrupt_prob: float = 0.0,
    seed: int = 0,
    policy_kwargs: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Rollout records of the oracle on ``specs`` with exact token fields.

    ``policy_kwargs`` are the :class:`TransformersPolicy` settings the policy will be
    trained and rolled out with (``chat_template``, ``tools_mode``, ``system``,
    ``compact_tools``, ``max_new_tokens``...): the rendering must use the same ones.
    Failed episodes are dropped.
    """
    kwargs = dict(policy_kwargs or {})
    kwargs.setdefault("max_new_tokens", 4096)
    for k in ("temperature", "top_p", "top_k", "seed", "name"):
        kwargs.pop(k, None)
    agent = OracleTokenPolicy(model, tokenizer, corrupt_prob=corrupt_prob, seed=seed, **kwargs)
    records = rollout(agent, list(specs), RolloutConfig(max_turns=max_turns, concurrency=8))
    return [r for r in records if not r.get("error") and r.get("prompt_ids")]


@dataclass
class SFTExample:
    """One trajectory: ``ids`` (prompt then completion) and ``mask`` (1 where the loss
    applies: the assistant's tokens)."""

    ids: list[int]
    mask: list[int]
    reward: float | None = None

    @classmethod
    def from_record(cls, record: dict[str, Any], max_length: int | None = None) -> SFTExample:
        ids = list(record["prompt_ids"]) + list(record["completion_ids"])
        mask = [0] * len(record["prompt_ids"]) + [int(m) for m in record["env_mask"]]
        return cls(ids, mask, record.get("reward")).truncated(max_length)

    def truncated(self, max_length: int | None) -> SFTExample:
        """Without the environment tokens after the last assistant token (nothing to
        learn there) and, beyond ``max_length`` tokens, only the last ``max_length``
        (a context window ending with the last assistant turn)."""
        end = max((i + 1 for i, m in enumerate(self.mask) if m), default=len(self.ids))
        start = 0 if max_length is None else max(0, end - max_length)
        return SFTExample(self.ids[start:end], self.mask[start:end], self.reward)


def collate(examples: Sequence[SFTExample], pad_id: int) -> dict[str, torch.Tensor]:
    """Right-padded ``input_ids``, ``attention_mask`` and ``labels`` (-100 where no loss:
    prompt, environment tokens, padding)."""
    width = max(len(e.ids) for e in examples)
    ids = torch.full((len(examples), width), pad_id, dtype=torch.long)
    attn = torch.zeros((len(examples), width), dtype=torch.long)
    labels = torch.full((len(examples), width), -100, dtype=torch.long)
    for r, e in enumerate(examples):
        n = len(e.ids)
        row = torch.tensor(e.ids, dtype=torch.long)
        ids[r, :n] = row
        attn[r, :n] = 1
        keep = torch.tensor(e.mask, dtype=torch.bool)
        labels[r, :n] = torch.where(keep, row, torch.full_like(row, -100))
    return {"input_ids": ids, "attention_mask": attn, "labels": labels}


def sft_loss(model: Any, batch: dict[str, torch.Tensor]) -> torch.Tensor:
    """Mean next-token cross-entropy over every labelled (assistant) token of the batch."""
    logits = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).logits
    targets = batch["labels"][:, 1:]
    return torch.nn.functional.cross_entropy(
        logits[:, :-1].float().reshape(-1, logits.shape[-1]),
        targets.reshape(-1),
        ignore_index=-100,
    )


@dataclass
class SFTConfig:
    """``steps`` optimiser steps of ``batch_size`` trajectories (epochs are passes over a
    seeded shuffle); AdamW with ``lr``, ``weight_decay`` and a linear warm-up over
    ``warmup_steps``; gradients clipped to ``grad_clip`` (L2 norm); ``max_length``: each
    example is cut to its last ``max_length`` tokens (see :meth:`SFTExample.truncated`)."""

    steps: int = 50
    batch_size: int = 4
    lr: float = 1e-3
    weight_decay: float = 0.0
    warmup_steps: int = 0
    grad_clip: float | None = 1.0
    max_length: int | None = None
    seed: int = 0


@dataclass
class SFTResult:
    losses: list[float] = field(default_factory=list)
    grad_norms: list[float] = field(default_factory=list)
    tokens: int = 0  # assistant tokens trained on per epoch
    examples: int = 0


def train_sft(
    model: Any,
    examples: Sequence[SFTExample],
    config: SFTConfig | None = None,
    *,
    pad_id: int = 0,
    on_step: Callable[[int, float], None] | None = None,
) -> SFTResult:
    """Fit ``model`` (in place) to the assistant tokens of ``examples``; returns the
    loss of every step. The model is left in eval mode."""
    cfg = config or SFTConfig()
    data = [e for e in examples if any(e.mask)]
    if not data:
        raise ValueError("no example has an assistant token to train on")
    data = [e.truncated(cfg.max_length) for e in data]
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=cfg.lr, weight_decay=cfg.weight_decay)
    warm = max(0, cfg.warmup_steps)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) if warm else 1.0
    )
    rng = random.Random(cfg.seed)
    order: list[int] = []
    result = SFTResult(tokens=sum(sum(e.mask) for e in data), examples=len(data))
    model.train()
    try:
        for step in range(cfg.steps):
            if len(order) < cfg.batch_size:
                epoch = list(range(len(data)))
                rng.shuffle(epoch)
                order += epoch
            picked, order = order[: cfg.batch_size], order[cfg.batch_size :]
            loss = sft_loss(model, collate([data[i] for i in picked], pad_id))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            clip = cfg.grad_clip if cfg.grad_clip is not None else math.inf
            norm = torch.nn.utils.clip_grad_norm_(params, clip)
            opt.step()
            sched.step()
            value = float(loss.detach())
            result.losses.append(value)
            result.grad_norms.append(float(norm))
            if on_step is not None:
                on_step(step, value)
    finally:
        model.eval()
    return result


@torch.no_grad()
def evaluate_sft(model: Any, examples: Sequence[SFTExample], pad_id: int = 0) -> float:
    """Mean assistant-token cross-entropy of ``examples`` (one example at a time)."""
    total, count = 0.0, 0
    was_training = model.training
    model.eval()
    for e in examples:
        n = sum(e.mask[1:])
        if n == 0:
            continue
        total += float(sft_loss(model, collate([e], pad_id))) * n
        count += n
    model.train(was_training)
    return total / count if count else float("nan")


def warm_start(
    model: Any,
    tokenizer: Any,
    domains: Sequence[str],
    *,
    split: str | None = "train",
    n_per_domain: int = 16,
    max_turns: int = 20,
    corrupt_prob: float = 0.0,
    policy_kwargs: dict[str, Any] | None = None,
    config: SFTConfig | None = None,
) -> tuple[SFTResult, list[dict[str, Any]]]:
    """Render the oracle on a seeded sample of tasks and fine-tune ``model`` on it.

    Returns the training result and the oracle records trained on.
    """
    cfg = config or SFTConfig()
    specs = oracle_specs(domains, split, n_per_domain, cfg.seed)
    records = render_oracle(
        model,
        tokenizer,
        specs,
        max_turns=max_turns,
        corrupt_prob=corrupt_prob,
        seed=cfg.seed,
        policy_kwargs=policy_kwargs,
    )
    examples = [SFTExample.from_record(r) for r in records]
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    return train_sft(model, examples, cfg, pad_id=int(pad)), records
