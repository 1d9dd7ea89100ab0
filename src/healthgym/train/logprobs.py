"""Per-token log-probabilities of a causal LM on batches of sequences.

:func:`scored_logprobs` scores each row's tokens from a per-row position on (the
completion, or the tail after a hint's insertion point). The rows are laid out so that
every row's first scored token falls in the same column: the part before it is padded
on the *left*, the scored part on the *right*, with an attention mask and explicit
position ids (each row sees exactly its own tokens, at its own positions). Logits are
then computed only for the scored columns (``logits_to_keep``), which avoids the
``[B, L, V]`` logits over long prompts; ``chunk_size`` bounds the rows per forward pass.

``temperature``: the logits are divided by it before the log-softmax, so the scores are
those of the distribution the sampler draws from (before any top-k / top-p truncation).
Training scores the policy, the reference and the teacher at the sampling temperature.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import torch
from torch import Tensor

from .hints import completion_logprobs


def _device(model: Any) -> torch.device:
    return next(model.parameters()).device


def scored_logprobs(
    model: Any,
    rows: Sequence[Sequence[int]],
    score_from: Sequence[int],
    *,
    pad_id: int = 0,
    chunk_size: int | None = None,
    temperature: float = 1.0,
) -> Tensor:
    """``out[b, j] = log p(rows[b][s_b + j] | rows[b][:s_b + j])`` with ``s_b = score_from[b]``
    (``p`` = softmax(logits / ``temperature``)).

    Shape ``[B, W]`` with ``W = max(len(rows[b]) - s_b)``; entries past a row's end are 0.
    Each ``s_b`` must be at least 1 (the first token has no prediction). Runs with
    gradients when they are enabled (the caller picks ``torch.no_grad()`` or not); float32
    output whatever the model's dtype.
    """
    if len(rows) != len(score_from):
        raise ValueError("one score_from per row")
    if not temperature > 0:
        raise ValueError(f"temperature must be > 0, got {temperature}")
    if not rows:
        return torch.zeros(0, 0)
    for r, s in zip(rows, score_from, strict=True):
        if not 1 <= s <= len(r):
            raise ValueError(f"score_from {s} outside 1..{len(r)}")
    step = chunk_size or len(rows)
    width = max(len(r) - s for r, s in zip(rows, score_from, strict=True))
    parts = []
    for i in range(0, len(rows), step):
        out = _scored(model, rows[i : i + step], score_from[i : i + step], pad_id, temperature)
        if out.shape[1] < width:
            out = torch.nn.functional.pad(out, (0, width - out.shape[1]))
        parts.append(out)
    return torch.cat(parts)


def _scored(
    model: Any,
    rows: Sequence[Sequence[int]],
    score_from: Sequence[int],
    pad_id: int,
    temperature: float = 1.0,
) -> Tensor:
    device = _device(model)
    n = len(rows)
    head = max(score_from)
    tail = max(len(r) - s for r, s in zip(rows, score_from, strict=True))
    total = head + tail
    ids = torch.full((n, total), pad_id, dtype=torch.long)
    attn = torch.zeros((n, total), dtype=torch.long)
    positions = torch.zeros((n, total), dtype=torch.long)
    scored = torch.zeros((n, tail), dtype=torch.bool)
    for b, (r, s) in enumerate(zip(rows, score_from, strict=True)):
        offset = head - s
        ids[b, offset : offset + len(r)] = torch.as_tensor(list(r), dtype=torch.long)
        attn[b, offset : offset + len(r)] = 1
        positions[b, offset : offset + len(r)] = torch.arange(len(r))
        scored[b, : len(r) - s] = True
    ids, attn, positions = ids.to(device), attn.to(device), positions.to(device)
    out = model(
        input_ids=ids,
        attention_mask=attn,
        position_ids=positions,
        use_cache=False,
        logits_to_keep=tail + 1,
    )
    # logits of columns head-1 .. total-1: they predict columns head .. total-1
    window = ids[:, head - 1 :]
    logits = out.logits if temperature == 1.0 else out.logits.float() / temperature
    logp = completion_logprobs(logits, window, 1)
    return logp.float() * scored.to(device)


def completion_logprobs_of(
    model: Any,
    prompts: Sequence[Sequence[int]],
    completions: Sequence[Sequence[int]],
    *,
    pad_id: int = 0,
    chunk_size: int | None = None,
    temperature: float = 1.0,
) -> Tensor:
    """``[B, T]`` log-probabilities of each completion token given the prompt and the
    completion before it (T = the longest completion; 0 on padding), at ``temperature``."""
    rows = [list(p) + list(c) for p, c in zip(prompts, completions, strict=True)]
    return scored_logprobs(
        model,
        rows,
        [len(p) for p in prompts],
        pad_id=pad_id,
        chunk_size=chunk_size,
        temperature=temperature,
    )
