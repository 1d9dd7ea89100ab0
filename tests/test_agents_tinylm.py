"""Helpers (and their self-test): a tiny random Qwen2 model with a locally trained byte-level
BPE tokenizer, built in-process (no hub downloads)."""

from __future__ import annotations

from functools import cache
from typing import Any

CHATML = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
SPECIAL = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
CORPUS = [
    '<tool_call>{"name": "get_vitals", "arguments": {}}</tool_call>',
    "The patient has fever, cough and pain. Heart rate 110, blood pressure 90/60.",
    "Call tools as tool_call blocks and submit the diagnosis with submit_diagnosis.",
    "user assistant system tool response Error: No tool call found in your message.",
    '0123456789 {}[]":,.-_ abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ',
]


def observation_corpus(domain: str = "medical_qa", n: int = 8) -> list[str]:
    """Real observations and tool schemas of a domain, to train the tokenizer on."""
    import json

    from healthgym.env import HealthGymEnv

    env = HealthGymEnv(domain, split="train")
    texts = []
    for i in range(n):
        obs, info = env.reset(options={"index": i})
        texts += [obs, json.dumps(info["tools"])]
    return texts


@cache
def tiny_tokenizer(vocab_size: int = 1200, chat_template: str = CHATML) -> Any:
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=SPECIAL,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(CORPUS * 20 + observation_corpus(), trainer=trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        additional_special_tokens=["<|im_start|>"],
    )
    fast.chat_template = chat_template
    return fast


def tiny_qwen2(vocab_size: int, seed: int = 0) -> Any:
    import torch
    from transformers import Qwen2Config, Qwen2ForCausalLM

    torch.manual_seed(seed)
    config = Qwen2Config(
        vocab_size=vocab_size,
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=8192,
        tie_word_embeddings=True,
    )
    return Qwen2ForCausalLM(config).eval()


def test_tiny_tokenizer_keeps_control_tokens_whole():
    import pytest

    pytest.importorskip("transformers")
    tok = tiny_tokenizer()
    ids = tok("<|im_start|>user\nhi<|im_end|>", add_special_tokens=False)["input_ids"]
    assert ids[0] == tok.convert_tokens_to_ids("<|im_start|>")
    assert ids[-1] == tok.eos_token_id
    assert tok.decode(ids) == "<|im_start|>user\nhi<|im_end|>"
