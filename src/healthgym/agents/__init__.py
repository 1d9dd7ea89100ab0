"""Policies: scripted references (oracle, lazy, random) and model-backed agents.

The model-backed ones are imported on first use, so ``import healthgym`` never needs
openai, torch or transformers:

* :class:`OpenAIChatPolicy` (:mod:`.openai_policy`): any OpenAI-compatible server;
* :class:`TransformersPolicy` (:mod:`.transformers_policy`): a local HF causal LM;
* :func:`load_smollm2` (:mod:`.smollm2`): the embedded SmolLM2-135M-Instruct agent;
* :class:`ScriptedAgent` (:mod:`.scripted`): the scripted policies for the rollout runner.
"""

from __future__ import annotations

import importlib
from typing import Any

from .base import AgentPolicy, AgentSession, Generation, Policy
from .baselines import LazyPolicy, OraclePolicy, RandomToolPolicy, most_common_answer

_LAZY = {
    "OpenAIChatPolicy": ".openai_policy",
    "TransformersPolicy": ".transformers_policy",
    "load_smollm2": ".smollm2",
    "ScriptedAgent": ".scripted",
    "make_agent": ".factory",
    "AgentOptions": ".factory",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AgentOptions",
    "AgentPolicy",
    "AgentSession",
    "Generation",
    "LazyPolicy",
    "OpenAIChatPolicy",
    "OraclePolicy",
    "Policy",
    "RandomToolPolicy",
    "ScriptedAgent",
    "TransformersPolicy",
    "load_smollm2",
    "make_agent",
    "most_common_answer",
]
