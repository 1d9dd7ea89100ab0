"""Helpers (and their self-test): the tiny random Qwen2 model and byte-level BPE tokenizer of
:mod:`healthgym.train.tiny`, under the names the agent tests import."""

from __future__ import annotations

from typing import Any

from healthgym.train.tiny import CHATML, CORPUS, SPECIAL, observation_corpus, tiny_tokenizer

__all__ = ["CHATML", "CORPUS", "SPECIAL", "observation_corpus", "tiny_qwen2", "tiny_tokenizer"]


def tiny_qwen2(vocab_size: int, seed: int = 0) -> Any:
    """The tiny model of ``seed`` (also seeds torch's global generator, as before)."""
    import torch

    from healthgym.train.tiny import tiny_model

    torch.manual_seed(seed)
    return tiny_model(vocab_size, seed=seed)


def test_tiny_tokenizer_keeps_control_tokens_whole():
    import pytest

    pytest.importorskip("transformers")
    tok = tiny_tokenizer()
    ids = tok("<|im_start|>user\nhi<|im_end|>", add_special_tokens=False)["input_ids"]
    assert ids[0] == tok.convert_tokens_to_ids("<|im_start|>")
    assert ids[-1] == tok.eos_token_id
    assert tok.decode(ids) == "<|im_start|>user\nhi<|im_end|>"
