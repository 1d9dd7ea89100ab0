"""The TT-OPD teacher's scores of the student's tokens, with outcome-privileged hints.

For each trajectory the hint (:func:`healthgym.train.hints.make_hint`: reinforcing when
the outcome was correct, corrective otherwise, with the task's gold answer and rationale
when privileged) is written as a chat message with the policy's own chat template and
inserted at the prompt-response boundary: after the initial messages, before the
assistant generation prompt. The teacher reads ``prompt[:at] + hint + prompt[at:] +
completion`` and scores the student's own completion tokens; the hint positions are then
removed (:func:`healthgym.train.hints.strip_hint`) so the teacher's log-probabilities line
up token for token with the student's.

Cost: the teacher runs without gradients, and the G trajectories of a task share their
prompt, so the prompt before the hint is encoded once per group (its KV cache is then
repeated over the group) and only the tails (hint, generation prompt, completion) are
run per trajectory, ``chunk_rows`` at a time (the float32 log-softmax then covers
``[chunk_rows, tail, vocab]``, not the whole group). ``temperature`` divides the logits,
so the teacher is scored at the sampling temperature like the student.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import torch
from torch import Tensor

from .hints import insert_hint, strip_hint


@dataclass
class HintedInput:
    """One trajectory as the teacher reads it: the hint ids go in at ``at``."""

    prompt: list[int]
    completion: list[int]
    hint_ids: list[int]
    at: int


@dataclass
class TeacherScores:
    """``logp[b, j]``: the teacher's log-probability of completion token ``j`` of row ``b``
    (``[B, T]``, 0 past a row's end); hint token counts summed over the batch."""

    logp: Tensor
    hint_tokens_inserted: int
    hint_tokens_removed: int


class HintFormatter:
    """Turns a hint text into token ids and an insertion point with a chat template.

    The hint is rendered as a ``role`` message appended to the episode's initial messages:
    its ids are the template's rendering of that message alone (the difference between the
    renderings with and without it), and ``at`` is where the prompt's assistant generation
    prompt starts. ``chat_template_kwargs`` (e.g. ``enable_thinking=False``) are passed to
    every rendering, as the policy's prompts were rendered with them. A template that is
    not prefix-stable falls back to the hint's plain text. When the template has a
    generation prompt and the prompt does not end with it, ``ValueError`` is raised: the
    hint would otherwise land inside the assistant turn (the prompt was rendered with other
    template settings than the formatter's).
    """

    def __init__(
        self,
        tokenizer: Any,
        chat_template: str | None = None,
        role: str = "user",
        chat_template_kwargs: dict[str, Any] | None = None,
    ) -> None:
        self.tokenizer = tokenizer
        self.template = chat_template or getattr(tokenizer, "chat_template", None)
        self.role = role
        self.chat_template_kwargs = dict(chat_template_kwargs or {})

    def _render(self, messages: list[dict[str, Any]], generation_prompt: bool) -> str:
        return self.tokenizer.apply_chat_template(
            messages,
            chat_template=self.template,
            add_generation_prompt=generation_prompt,
            tokenize=False,
            **self.chat_template_kwargs,
        )

    def _encode(self, text: str) -> list[int]:
        return list(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def __call__(
        self, hint: str, prompt_ids: Sequence[int], messages: Sequence[dict[str, Any]]
    ) -> tuple[list[int], int]:
        """``(hint_ids, at)`` for an episode whose prompt is ``prompt_ids`` and whose
        messages start with ``messages`` (the initial ones are those before the first
        assistant message)."""
        initial: list[dict[str, Any]] = []
        for m in messages:
            if m.get("role") == "assistant":
                break
            initial.append(dict(m))
        hint_text, gen_ids = hint, []
        if self.template and initial:
            try:
                base = self._render(initial, False)
                with_hint = self._render([*initial, {"role": self.role, "content": hint}], False)
                gen = self._render(initial, True)
            except Exception:  # a template that rejects the messages: plain text
                base = with_hint = gen = ""
            if base and with_hint.startswith(base):
                hint_text = with_hint[len(base) :]
            if base and gen.startswith(base):
                gen_ids = self._encode(gen[len(base) :])
        at = len(prompt_ids)
        n = len(gen_ids)
        if n:
            if not (n < len(prompt_ids) and list(prompt_ids[-n:]) == gen_ids):
                raise ValueError(
                    "the prompt does not end with the chat template's generation prompt "
                    f"({self.tokenizer.decode(gen_ids)!r}); render the prompt and the hint "
                    "with the same template and chat_template_kwargs"
                )
            at = len(prompt_ids) - n
        return self._encode(hint_text), at


@torch.no_grad()
def teacher_logprobs(
    teacher: Any,
    items: Sequence[HintedInput],
    width: int,
    *,
    temperature: float = 1.0,
    chunk_rows: int | None = 4,
    device: torch.device | str | None = None,
) -> TeacherScores:
    """Score every item's completion with the hinted teacher; ``width`` = the batch's
    padded completion length T. Rows sharing ``prompt[:at]`` share one prefix pass; the
    tails run ``chunk_rows`` rows at a time (None: the whole group at once). ``device``:
    where the inputs go (default: the teacher's first parameter's device)."""
    if not temperature > 0:
        raise ValueError(f"temperature must be > 0, got {temperature}")
    if chunk_rows is not None and chunk_rows < 1:
        raise ValueError("chunk_rows must be >= 1 or None")
    device = torch.device(device) if device is not None else next(teacher.parameters()).device
    out = torch.zeros(len(items), width)
    inserted = removed = 0
    groups: dict[tuple[int, ...], list[int]] = {}
    for b, item in enumerate(items):
        if item.at < 1:
            raise ValueError("the hint must come after at least one prompt token")
        groups.setdefault(tuple(item.prompt[: item.at]), []).append(b)
    for prefix, group in groups.items():
        first = teacher(
            input_ids=torch.tensor([prefix], device=device), use_cache=True, logits_to_keep=1
        )
        first_logits = first.logits[:, -1:].float() / temperature
        step = chunk_rows or len(group)
        for c0 in range(0, len(group), step):
            rows = group[c0 : c0 + step]
            last = c0 + step >= len(group)
            # the prefix cache is reused: the last chunk takes it, the others a copy
            cache = first.past_key_values if last else copy.deepcopy(first.past_key_values)
            if len(rows) > 1:
                cache.batch_repeat_interleave(len(rows))
            tails = [_tail(items[b]) for b in rows]
            n_tail = max(len(t) for t in tails)
            ids = torch.zeros(len(rows), n_tail, dtype=torch.long)
            attn = torch.zeros(len(rows), len(prefix) + n_tail, dtype=torch.long)
            attn[:, : len(prefix)] = 1
            for r, t in enumerate(tails):
                ids[r, : len(t)] = torch.tensor(t)
                attn[r, len(prefix) : len(prefix) + len(t)] = 1
            ids, attn = ids.to(device), attn.to(device)
            positions = torch.arange(len(prefix), len(prefix) + n_tail, device=device)
            logits = teacher(
                input_ids=ids,
                attention_mask=attn,
                position_ids=positions[None].expand(len(rows), -1),
                past_key_values=cache,
                use_cache=True,
            ).logits
            # the prediction of tail token j comes from position j-1 (the prefix's last for j=0)
            pred = torch.cat(
                [first_logits.expand(len(rows), -1, -1), logits[:, :-1].float() / temperature], 1
            )
            del logits
            window = pred.gather(-1, ids[..., None])[..., 0] - torch.logsumexp(pred, -1)
            del pred
            for r, b in enumerate(rows):
                item = items[b]
                _, keep = insert_hint(item.prompt, item.completion, item.hint_ids, item.at)
                # teacher positions at.. are the window; keep the original tokens' positions
                kept_idx = [k - item.at for k in keep[item.at :]]
                values = strip_hint(window[r, : len(tails[r])], kept_idx)
                inserted += len(item.hint_ids)
                removed += len(tails[r]) - len(kept_idx)
                comp = values[len(item.prompt) - item.at :].cpu()
                out[b, : len(comp)] = comp
    return TeacherScores(out, inserted, removed)


def _tail(item: HintedInput) -> list[int]:
    return [*item.hint_ids, *item.prompt[item.at :], *item.completion]
