"""Exact token streams for multi-turn episodes of local models.

A trajectory is built by *appending*: the tokenised initial prompt, then for each
turn the exact ids the model sampled and the exact tokenised environment turn (tool
results, hints, the next generation prompt). The whole conversation is never
re-tokenised, so what the trainer sees is token for token what the model saw and
produced (re-tokenising decoded text can merge or split tokens differently).

The environment turn is found with the chat template itself: render the conversation
with a marker assistant message, render it again with the environment messages and a
generation prompt, and keep the new suffix (the template must be prefix-stable, as
ChatML, Llama 3 and Qwen templates are). The text the template writes after an
assistant message (e.g. ``<|im_end|>\\n``) is what closes the turn; when the model
already emitted the stop token only the rest of it is added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .chat import (
    env_messages,
    initial_messages,
    neutralize_special_tokens,
    template_has_tool_role,
    template_supports_tools,
)

_MARKER = "\u2063HEALTHGYM-ASSISTANT-TURN\u2063"


class TemplateError(ValueError):
    """The chat template cannot be used to append turns exactly."""


@dataclass
class TokenTrajectory:
    """``prompt_ids`` then ``completion_ids`` (every later token, generated or inserted).

    ``env_mask``/``loss_mask`` (identical): 1 on tokens the model sampled, 0 on tokens
    the environment inserted. ``logprobs``: the sampled token's log-probability, 0.0
    on inserted tokens. ``turn_spans``: [start, end) of each generated segment in
    ``completion_ids``.
    """

    prompt_ids: list[int]
    completion_ids: list[int] = field(default_factory=list)
    logprobs: list[float] = field(default_factory=list)
    env_mask: list[int] = field(default_factory=list)
    turn_spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def ids(self) -> list[int]:
        return self.prompt_ids + self.completion_ids

    def add_generation(self, ids: list[int], logprobs: list[float]) -> None:
        if len(ids) != len(logprobs):
            raise ValueError("one logprob per generated token")
        start = len(self.completion_ids)
        self.completion_ids += ids
        self.logprobs += logprobs
        self.env_mask += [1] * len(ids)
        self.turn_spans.append((start, len(self.completion_ids)))

    def add_environment(self, ids: list[int]) -> None:
        self.completion_ids += ids
        self.logprobs += [0.0] * len(ids)
        self.env_mask += [0] * len(ids)

    def to_dict(self) -> dict[str, Any]:
        return {
            "prompt_ids": list(self.prompt_ids),
            "completion_ids": list(self.completion_ids),
            "logprobs": [round(x, 6) for x in self.logprobs],
            "env_mask": list(self.env_mask),
            "loss_mask": list(self.env_mask),
            "turn_spans": [list(s) for s in self.turn_spans],
        }


class ChatTokenizer:
    """Renders one episode's turns to ids with a tokenizer and a chat template.

    ``tools_mode``: ``"auto"`` passes the tool schemas to templates that read
    ``tools`` and otherwise falls back to the Hermes system prompt
    (:func:`healthgym.agents.chat.tools_system_prompt`); ``"native"`` / ``"hermes"``
    force one or the other.
    """

    def __init__(
        self,
        tokenizer: Any,
        tools: list[dict[str, Any]],
        *,
        chat_template: str | None = None,
        tools_mode: str = "auto",
        system: str | None = None,
    ) -> None:
        if tools_mode not in ("auto", "native", "hermes"):
            raise ValueError("tools_mode must be auto, native or hermes")
        self.tokenizer = tokenizer
        self.template = chat_template or getattr(tokenizer, "chat_template", None)
        if not self.template:
            raise TemplateError("the tokenizer has no chat template; pass chat_template=")
        self.native_tools = tools_mode == "native" or (
            tools_mode == "auto" and template_supports_tools(self.template)
        )
        self.tool_role = self.native_tools and template_has_tool_role(self.template)
        self.tools = tools
        self.system = system
        self.special = sorted(tokenizer.get_added_vocab(), key=len, reverse=True)
        self._base: list[dict[str, Any]] = []
        self._turn_end = ""
        self.stop_ids: set[int] = set()

    def render(self, messages: list[dict[str, Any]], generation_prompt: bool) -> str:
        return self.tokenizer.apply_chat_template(
            messages,
            tools=self.tools if self.native_tools else None,
            chat_template=self.template,
            add_generation_prompt=generation_prompt,
            tokenize=False,
        )

    def encode(self, text: str) -> list[int]:
        return list(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def start(self, observation: str, info: dict[str, Any]) -> tuple[list[dict], list[int]]:
        """The initial messages and their prompt ids (ending in the generation prompt)."""
        text = neutralize_special_tokens(observation, self.special)
        messages = initial_messages(text, info, native_tools=self.native_tools, system=self.system)
        self._base = [*messages, {"role": "assistant", "content": _MARKER}]
        base = self.render(self._base, False)
        self._turn_end = base[base.rindex(_MARKER) + len(_MARKER) :]
        self.stop_ids = self._find_stop_ids()
        return messages, self.encode(self.render(messages, True))

    def env_turn(self, observation: str, last_ids: list[int]) -> tuple[list[dict], list[int]]:
        """The environment's reply as messages and as the ids to append after
        ``last_ids`` (the model's last completion)."""
        text = neutralize_special_tokens(observation, self.special)
        msgs = env_messages(text, [], tool_role=self.tool_role)
        base = self.render(self._base, False)
        full = self.render(self._base + msgs, True)
        if not full.startswith(base):
            raise TemplateError("the chat template is not prefix-stable across turns")
        close = self._turn_end
        if last_ids and last_ids[-1] in self.stop_ids:
            stop_text = self.tokenizer.convert_ids_to_tokens(last_ids[-1])
            if close.startswith(stop_text):
                close = close[len(stop_text) :]
        return msgs, self.encode(close + full[len(base) :])

    def _find_stop_ids(self) -> set[int]:
        ids: set[int] = set()
        eos = self.tokenizer.eos_token_id
        if isinstance(eos, int):
            ids.add(eos)
        for tok in self.special:
            if self._turn_end.startswith(tok):
                ids.add(int(self.tokenizer.convert_tokens_to_ids(tok)))
                break
        return ids
