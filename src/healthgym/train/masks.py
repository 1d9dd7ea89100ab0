"""Per-token bookkeeping of multi-turn trajectories: turn indices and padding.

A trajectory's completion interleaves the model's generated segments (its assistant
turns, ``env_mask`` 1, with ``[start, end)`` spans in ``turn_spans``) and the tokens the
environment inserted (``env_mask`` 0), as built by
:class:`healthgym.agents.tokens.TokenTrajectory`.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import Tensor


def turn_positions(
    env_mask: Sequence[int], turn_spans: Sequence[tuple[int, int]]
) -> tuple[list[int], list[int]]:
    """``(turn_index, token_in_turn)`` for every completion token.

    ``turn_index[j]`` is ``k`` when token ``j`` is a policy token (``env_mask[j] == 1``)
    inside the ``k``-th span of ``turn_spans`` (0-based; the ``k``-th assistant turn) and
    -1 otherwise (environment tokens, padding, policy tokens outside every span);
    ``token_in_turn[j]`` is the 0-based position of token ``j`` among its turn's policy
    tokens, -1 where ``turn_index`` is -1. Raises ``ValueError`` on spans that are out of
    bounds, reversed or overlapping.
    """
    n = len(env_mask)
    turn_index = [-1] * n
    token_in_turn = [-1] * n
    prev_end = 0
    for k, (start, end) in enumerate(turn_spans):
        if not 0 <= start <= end <= n or start < prev_end:
            raise ValueError(f"turn span {k} ({start}, {end}) is invalid for {n} tokens")
        prev_end = end
        pos = 0
        for j in range(start, end):
            if env_mask[j]:
                turn_index[j] = k
                token_in_turn[j] = pos
                pos += 1
    return turn_index, token_in_turn


def pad_right(
    seqs: Sequence[Sequence[int | float]], pad: int | float, dtype: torch.dtype | None = None
) -> Tensor:
    """Stack sequences of unequal length into ``[B, max_len]``, padding on the right.

    The dtype is ``torch.long`` when ``pad`` and every value are ints and ``torch.float32``
    otherwise, unless ``dtype`` is given. An empty batch gives shape ``[0, 0]``.
    """
    if dtype is None:
        ints = isinstance(pad, int) and all(isinstance(v, int) for s in seqs for v in s)
        dtype = torch.long if ints else torch.float32
    width = max((len(s) for s in seqs), default=0)
    out = torch.full((len(seqs), width), pad, dtype=dtype)
    for i, s in enumerate(seqs):
        if len(s):
            out[i, : len(s)] = torch.as_tensor(list(s), dtype=dtype)
    return out


__all__ = ["pad_right", "turn_positions"]
