"""A tiny random causal LM for tests, benchmarks and ``healthgym train --model tiny``.

A two-layer Qwen2 (hidden size 32) with a byte-level BPE tokenizer trained in-process
on a small fixed corpus plus real observations and tool schemas of a domain, and a
ChatML template. Nothing is downloaded; the same seed gives the same weights and the
tokenizer is deterministic (same corpus, same trainer settings). The model knows
nothing: it exists so that every code path of the trainers runs in seconds on a CPU.
"""

from __future__ import annotations

import json
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
    """Real initial observations and tool schemas of the first ``n`` train tasks of a
    domain (texts to train the tokenizer on, so prompts tokenise compactly)."""
    from ..env import HealthGymEnv

    env = HealthGymEnv(domain, split=None)
    texts = []
    for i in range(n):
        obs, info = env.reset(options={"index": i})
        texts += [obs, json.dumps(info["tools"])]
    return texts


@cache
def tiny_tokenizer(vocab_size: int = 1200, chat_template: str = CHATML) -> Any:
    """A byte-level BPE tokenizer (``<|im_end|>`` is EOS, ``<|endoftext|>`` pads)."""
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


def tiny_model(vocab_size: int, seed: int = 0, hidden_size: int = 32, layers: int = 2) -> Any:
    """A randomly initialised Qwen2ForCausalLM (float32, eval mode), seeded.

    The global torch RNG is used for the initialisation and restored afterwards, so
    building a model does not shift the caller's random stream.
    """
    import torch
    from transformers import Qwen2Config, Qwen2ForCausalLM

    config = Qwen2Config(
        vocab_size=vocab_size,
        hidden_size=hidden_size,
        intermediate_size=2 * hidden_size,
        num_hidden_layers=layers,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=8192,
        tie_word_embeddings=True,
    )
    state = torch.random.get_rng_state()
    try:
        torch.manual_seed(seed)
        model = Qwen2ForCausalLM(config)
    finally:
        torch.random.set_rng_state(state)
    return model.eval()


def load_tiny(seed: int = 0) -> tuple[Any, Any]:
    """``(model, tokenizer)``: the tiny model for ``seed`` and the shared tokenizer."""
    tok = tiny_tokenizer()
    return tiny_model(len(tok), seed=seed), tok
