"""Cosine length-controlled reward shaping (Yeo et al. 2025).

Yeo E, Tong Y, Niu M, Neubig G, Yue X. "Demystifying Long Chain-of-Thought
Reasoning in LLMs", arXiv:2502.03373 (2025), section 4.1, defines

    CosFn(t, T, eta_min, eta_max) = eta_min + 0.5 * (eta_max - eta_min) * (1 + cos(t*pi/T))

which moves from ``eta_max`` at t = 0 to ``eta_min`` at t = T.  The reward of a
response of ``t`` generated tokens with budget ``T`` is

    r_exceed                                if t >= T (truncated)
    CosFn(t, T, r_L^c, r_0^c)               if the answer is correct
    CosFn(t, T, r_L^w, r_0^w)               if it is wrong

Lengths are counted in model tokens, never characters.  Our defaults follow the
behaviour this project wants (correct answers earn more when short: 1.0 -> 0.5;
wrong answers are penalised more when long: -0.5 -> -1.0; truncation -1.0).
Yeo et al.'s own values (r_0^c=2, r_L^c=1, r_0^w=-10, r_L^w=0, r_exceed=-10, which
instead let wrong answers grow longer) can be passed explicitly.
"""

from __future__ import annotations

import math


def cos_fn(t: float, big_t: float, eta_min: float, eta_max: float) -> float:
    """Yeo et al.'s cosine schedule: ``eta_max`` at t=0 to ``eta_min`` at t=T."""
    return eta_min + 0.5 * (eta_max - eta_min) * (1.0 + math.cos(t * math.pi / big_t))


def cosine_length_reward(
    correct: bool,
    n_tokens: int,
    max_tokens: int,
    *,
    r0_correct: float = 1.0,
    rl_correct: float = 0.5,
    r0_wrong: float = -0.5,
    rl_wrong: float = -1.0,
    r_exceed: float = -1.0,
) -> float:
    """Length-shaped reward of one response of ``n_tokens`` model tokens."""
    if max_tokens <= 0:
        raise ValueError("max_tokens must be positive")
    if n_tokens < 0:
        raise ValueError("n_tokens must be non-negative")
    if n_tokens >= max_tokens:
        return r_exceed
    if correct:
        return cos_fn(n_tokens, max_tokens, rl_correct, r0_correct)
    return cos_fn(n_tokens, max_tokens, rl_wrong, r0_wrong)
