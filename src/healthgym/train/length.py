"""The cosine length-controlled reward for a batch of episodes, in model tokens.

A thin batch wrapper over :func:`healthgym.rewards.length.cosine_length_reward` (Yeo et
al. 2025, arXiv:2502.03373, section 4.1), which holds the formula and its defaults:
correct answers earn more when short, wrong ones are penalised more when long, and a
truncated episode gets the fixed ``r_exceed``. Lengths are the number of tokens the
model generated (the policy tokens of the trajectory), never characters.
"""

from __future__ import annotations

from collections.abc import Sequence

from healthgym.rewards.length import cosine_length_reward


def cosine_rewards(
    correct: Sequence[bool],
    n_tokens: Sequence[int],
    max_tokens: int,
    truncated: Sequence[bool] | None = None,
    **params: float,
) -> list[float]:
    """One cosine length reward per episode.

    ``correct[i]``: whether episode ``i``'s outcome was correct; ``n_tokens[i]``: the
    model tokens it generated; ``max_tokens``: the budget ``T``; ``truncated[i]``: the
    episode was cut off (by the token budget or the turn limit) and gets ``r_exceed``
    whatever its length. ``params`` are passed on to
    :func:`~healthgym.rewards.length.cosine_length_reward` (``r0_correct``,
    ``rl_correct``, ``r0_wrong``, ``rl_wrong``, ``r_exceed``).
    """
    n = len(correct)
    if len(n_tokens) != n or (truncated is not None and len(truncated) != n):
        raise ValueError("correct, n_tokens and truncated must have the same length")
    out = []
    for i in range(n):
        length = int(n_tokens[i])
        if truncated is not None and truncated[i]:
            length = max(length, max_tokens)  # at or past the budget: r_exceed
        out.append(cosine_length_reward(bool(correct[i]), length, max_tokens, **params))
    return out


__all__ = ["cosine_rewards"]
