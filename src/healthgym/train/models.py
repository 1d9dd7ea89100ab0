"""The model a run trains: loading it (offline), placing it, LoRA, saving it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch

from .config import TrainConfig


def load_model(config: TrainConfig) -> tuple[Any, Any, dict[str, Any]]:
    """``(model, tokenizer, policy_kwargs)`` for ``config.model`` (offline only)."""
    if config.model == "tiny":
        from .tiny import load_tiny

        model, tok = load_tiny(config.seed)
        return model, tok, {}
    if config.model == "smollm2":
        from ..agents.smollm2 import load_smollm2

        policy = load_smollm2(dtype="float32")
        kwargs = {
            "chat_template": policy.chat_template,
            "tools_mode": policy.tools_mode,
            "system": policy.system,
        }
        return policy.model, policy.tokenizer, kwargs
    from transformers import AutoModelForCausalLM, AutoTokenizer

    path = str(config.model)
    tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModelForCausalLM.from_pretrained(path, local_files_only=True)
    return model, tok, {}


def resolve_device(spec: str) -> torch.device:
    """``"auto"``: CUDA when available, else the CPU; any other spec as torch reads it."""
    if spec == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(spec)


def pad_token_id(tokenizer: Any) -> int:
    """The tokenizer's pad token, else its (single) EOS token, else 0."""
    pad = tokenizer.pad_token_id
    if pad is None:
        pad = tokenizer.eos_token_id if isinstance(tokenizer.eos_token_id, int) else 0
    return int(pad)


def wrap_lora(model: Any, config: TrainConfig) -> Any:
    """``model`` with LoRA adapters of ``config`` (only the adapters train)."""
    from peft import LoraConfig, get_peft_model

    lora = LoraConfig(
        r=config.lora_r,
        lora_alpha=config.lora_alpha,
        lora_dropout=config.lora_dropout,
        target_modules=config.lora_target_modules,
        task_type="CAUSAL_LM",
    )
    return get_peft_model(model, lora)


def save_model(model: Any, tokenizer: Any, folder: Path) -> None:
    """``save_pretrained`` of the model (a LoRA model saves its adapters) and tokenizer.

    A model loaded from a GGUF file (e.g. SmolLM2) is de-quantised to plain tensors at
    load time, but transformers still marks it as GGUF-quantised and refuses to save it;
    its (plain) weights are then saved with the marker removed.
    """
    quantizer = getattr(model, "hf_quantizer", None)
    method = getattr(getattr(quantizer, "quantization_config", None), "quant_method", None)
    if quantizer is not None and str(getattr(method, "value", method)).lower() == "gguf":
        model.hf_quantizer = None
        try:
            model.save_pretrained(folder)
        finally:
            model.hf_quantizer = quantizer
    else:
        model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)


__all__ = ["load_model", "pad_token_id", "resolve_device", "save_model", "wrap_lora"]
