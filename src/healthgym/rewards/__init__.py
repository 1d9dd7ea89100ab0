"""The one reward module: used identically for training and evaluation."""

from .length import cosine_length_reward
from .reward import (
    DEFAULT_WEIGHTS,
    Grade,
    RewardBreakdown,
    RewardWeights,
    compute_reward,
    format_score,
    process_score,
)
from .safety import SEVERITY_PENALTY, Violation, safety_score

__all__ = [
    "DEFAULT_WEIGHTS",
    "SEVERITY_PENALTY",
    "Grade",
    "RewardBreakdown",
    "RewardWeights",
    "Violation",
    "compute_reward",
    "cosine_length_reward",
    "format_score",
    "process_score",
    "safety_score",
]
