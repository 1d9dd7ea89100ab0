"""A tiny random causal LM for tests, benchmarks and ``healthgym train --model tiny``.

A two-layer Qwen2 (hidden size 32) with a byte-level BPE tokenizer trained in-process
on a small fixed corpus plus real observations and tool schemas of a domain, and a
ChatML template. Nothing is downloaded; the same seed gives the same weights and the
tokenizer is deterministic (same corpus, same trainer settings). The model knows
nothing: it exists so that every code path of the trainers runs in seconds on a CPU.

Two chat templates: :data:`CHATML` (plain, the default of :func:`tiny_tokenizer`) and
:data:`CHATML_TOOLS`, a tool-calling ChatML template in the Hermes conventions (the
``tools`` JSON schemas in the system turn, assistant ``tool_calls`` as
``<tool_call>{"name": ..., "arguments": {...}}</tool_call>`` blocks, ``tool`` messages
as ``<tool_response>`` blocks of a user turn) that renders a conversation without tools
exactly as :data:`CHATML` does. :func:`tiny_tool_tokenizer` (and
``load_tiny(tools=True)``) ships it with the matching response parser
(:data:`RESPONSE_TEMPLATE`), so ``trl.GRPOTrainer(environment_factory=...)`` accepts the
tokenizer as it is.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

CHATML = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
# Written with "~" for each newline (emitted as a Jinja expression, so that the
# tokenizers' trim_blocks cannot eat a newline that follows a block tag).
_CHATML_TOOLS = (
    "{% if messages and messages[0]['role'] == 'system' %}"
    "{% set system = messages[0]['content'] %}{% set rest = messages[1:] %}"
    "{% else %}{% set system = none %}{% set rest = messages %}{% endif %}"
    "{% if tools %}<|im_start|>system~{% if system is not none %}{{ system }}~~{% endif %}"
    "# Tools~You may call one or more functions. Their JSON schemas are inside "
    "<tools></tools>:~<tools>"
    "{% for tool in tools %}~{{ (tool['function'] if tool['function'] is defined else tool)"
    " | tojson(separators=(',', ':')) }}{% endfor %}~</tools>~"
    'Call a function with <tool_call>{"name": <name>, "arguments": {<arguments>}}</tool_call>;'
    " the results come back inside <tool_response></tool_response>.<|im_end|>~"
    "{% elif system is not none %}<|im_start|>system~{{ system }}<|im_end|>~{% endif %}"
    "{% for m in rest %}"
    "{% if m['role'] == 'tool' %}"
    "{% if loop.first or rest[loop.index0 - 1]['role'] != 'tool' %}<|im_start|>user{% endif %}"
    "~<tool_response>~{{ m['content'] }}~</tool_response>"
    "{% if loop.last or rest[loop.index0 + 1]['role'] != 'tool' %}<|im_end|>~{% endif %}"
    "{% elif m['role'] == 'assistant' and m['tool_calls'] is defined and m['tool_calls'] %}"
    "<|im_start|>assistant~{% if m['content'] %}{{ m['content'] }}{% endif %}"
    "{% for call in m['tool_calls'] %}"
    "{% set fn = call['function'] if call['function'] is defined else call %}"
    '<tool_call>{"name": {{ fn[\'name\'] | tojson }}, "arguments": '
    "{{ fn['arguments'] if fn['arguments'] is string else fn['arguments'] | tojson }}}"
    "</tool_call>{% endfor %}<|im_end|>~"
    "{% else %}<|im_start|>{{ m['role'] }}~{{ m['content'] }}<|im_end|>~{% endif %}"
    "{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant~{% endif %}"
)
CHATML_TOOLS = _CHATML_TOOLS.replace("~", "{{ '\\n' }}")
# transformers' response parser for CHATML_TOOLS (``tokenizer.response_template``,
# transformers >= 5.13; TRL parses the model's tool calls with it) ...
RESPONSE_TEMPLATE: dict[str, Any] = {
    "defaults": {"role": "assistant"},
    "start_anchor": "<|im_start|>assistant\n",
    "fields": {
        "tool_calls": {
            "open": "<tool_call>",
            "close_pattern": r"</tool_call>\s*",
            "repeats": True,
            "content": "json",
            "transform": {"type": "function", "function": "{content}"},
        },
        "content": {"close_pattern": r"<\|im_end\|>\s*", "content": "text"},
    },
}
# ... and the legacy ``tokenizer.response_schema`` for older transformers.
RESPONSE_SCHEMA: dict[str, Any] = {
    "x-regex": (
        r"^(?P<content>(?:(?!<tool_call>)[\s\S])*?)(?=(?:<tool_call>|<\|im_end\|>|$))"
        r"(?P<tool_calls>(?:<tool_call>(?:(?!</tool_call>)[\s\S])+</tool_call>\s*)+)?"
        r"\s*(?:<\|im_end\|>|$)"
    ),
    "type": "object",
    "properties": {
        "role": {"const": "assistant"},
        "content": {"type": "string"},
        "tool_calls": {
            "type": "array",
            "x-regex-iterator": r"<tool_call>\s*(.+?)\s*</tool_call>",
            "items": {
                "x-parser": "json",
                "x-parser-args": {"transform": "{type: 'function', function: @}"},
                "type": "object",
                "properties": {
                    "type": {"const": "function"},
                    "function": {
                        "type": "object",
                        "properties": {
                            "name": {"type": "string"},
                            "arguments": {"type": "object", "additionalProperties": {}},
                        },
                    },
                },
            },
        },
    },
}
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
def _trained_bpe(vocab_size: int) -> str:
    """The trained tokenizer as JSON (trained once per process and vocabulary size)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

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
    return tok.to_str()


@cache
def tiny_tokenizer(vocab_size: int = 1200, chat_template: str = CHATML) -> Any:
    """A byte-level BPE tokenizer (``<|im_end|>`` is EOS, ``<|endoftext|>`` pads), one
    object per (vocabulary size, template). With :data:`CHATML_TOOLS` it also carries
    the matching response parser (see :func:`tiny_tool_tokenizer`)."""
    from tokenizers import Tokenizer
    from transformers import PreTrainedTokenizerFast

    fast = PreTrainedTokenizerFast(
        tokenizer_object=Tokenizer.from_str(_trained_bpe(vocab_size)),
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        additional_special_tokens=["<|im_start|>"],
    )
    fast.chat_template = chat_template
    if chat_template == CHATML_TOOLS:
        _set_response_parser(fast)
    return fast


def _set_response_parser(tok: Any) -> None:
    import transformers
    from packaging.version import Version

    if Version(transformers.__version__) >= Version("5.13.0.dev0"):
        tok.response_template = RESPONSE_TEMPLATE
    else:
        tok.response_schema = RESPONSE_SCHEMA


def tiny_tool_tokenizer(vocab_size: int = 1200) -> Any:
    """The tiny tokenizer with the tool-calling template :data:`CHATML_TOOLS` and its
    response parser: what ``trl.GRPOTrainer`` needs for ``environment_factory`` / ``tools``."""
    return tiny_tokenizer(vocab_size, CHATML_TOOLS)


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


def load_tiny(seed: int = 0, *, tools: bool = False) -> tuple[Any, Any]:
    """``(model, tokenizer)``: the tiny model for ``seed`` and the shared tokenizer;
    ``tools=True``: the tokenizer with the tool-calling template (for TRL's
    ``GRPOTrainer(environment_factory=...)``; same vocabulary, same model)."""
    tok = tiny_tool_tokenizer() if tools else tiny_tokenizer()
    return tiny_model(len(tok), seed=seed), tok
