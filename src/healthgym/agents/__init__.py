"""Policies: scripted references (oracle, lazy, random) and, later, model-backed agents."""

from .base import Policy
from .baselines import LazyPolicy, OraclePolicy, RandomToolPolicy, most_common_answer

__all__ = ["LazyPolicy", "OraclePolicy", "Policy", "RandomToolPolicy", "most_common_answer"]
