"""Build any policy by name, as the CLI does: scripted, OpenAI-compatible or local."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

SCRIPTED = ("oracle", "lazy", "random")
POLICIES = (*SCRIPTED, "openai", "local", "smollm2")


@dataclass
class AgentOptions:
    """Everything the ``healthgym run`` options say about the policy."""

    policy: str
    seed: int = 0
    base_url: str | None = None
    model: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    concurrency: int = 16
    timeout: float = 60.0
    max_retries: int = 4
    tools_mode: str = "auto"
    temperature: float | None = None
    max_new_tokens: int | None = None
    batch_size: int = 16
    send_task_id: bool = False
    tool_choice: str | None = None
    extra_body: dict[str, Any] | None = None
    keep_last_turns: int = 1


def scripted_factory(name: str, seed: int = 0) -> Any:
    """``domain -> Policy`` for a scripted reference policy."""
    from .baselines import LazyPolicy, OraclePolicy, RandomToolPolicy

    if name == "oracle":
        return lambda domain: OraclePolicy()
    if name == "lazy":
        return LazyPolicy.for_domain
    if name == "random":
        return lambda domain: RandomToolPolicy(seed=seed)
    raise ValueError(f"{name!r} is not a scripted policy; choose from {', '.join(SCRIPTED)}")


def make_agent(opts: AgentOptions) -> Any:
    """An :class:`healthgym.agents.base.AgentPolicy` for ``opts.policy``."""
    if opts.policy in SCRIPTED:
        from .scripted import ScriptedAgent

        return ScriptedAgent(scripted_factory(opts.policy, opts.seed), name=opts.policy)
    if opts.policy == "openai":
        from .openai_policy import OpenAIChatPolicy

        if not opts.base_url or not opts.model:
            raise ValueError("--policy openai needs --base-url and --model")
        return OpenAIChatPolicy(
            opts.base_url,
            opts.model,
            api_key=os.environ.get(opts.api_key_env) or "EMPTY",
            concurrency=opts.concurrency,
            timeout=opts.timeout,
            max_retries=opts.max_retries,
            tools_mode=opts.tools_mode,
            temperature=opts.temperature,
            max_tokens=opts.max_new_tokens,
            send_task_id=opts.send_task_id,
            tool_choice=opts.tool_choice,
            extra_body=opts.extra_body,
            keep_last_turns=opts.keep_last_turns,
        )
    local: dict[str, Any] = {"seed": opts.seed, "max_batch_size": opts.batch_size}
    if opts.temperature is not None:
        local["temperature"] = opts.temperature
    if opts.max_new_tokens is not None:
        local["max_new_tokens"] = opts.max_new_tokens
    if opts.policy == "local":
        from .transformers_policy import TransformersPolicy

        if not opts.model:
            raise ValueError("--policy local needs --model PATH (a local model directory)")
        path, _, gguf = opts.model.partition("::")
        if path.endswith(".gguf"):
            path, gguf = os.path.dirname(path) or ".", os.path.basename(path)
        return TransformersPolicy.from_pretrained(
            path, gguf_file=gguf or None, tools_mode=opts.tools_mode, **local
        )
    if opts.policy == "smollm2":
        from .smollm2 import load_smollm2

        return load_smollm2(**local)
    raise ValueError(f"unknown policy {opts.policy!r}; choose from {', '.join(POLICIES)}")
