"""Outcome-privileged hints for the TT-OPD teacher, and their exact removal.

Per trajectory the teacher reads a hint the student never sees: a *reinforcing* hint
when the trajectory's outcome was correct, a *corrective* one when it was wrong
(optionally carrying the task's privileged gold answer and rationale). The hint is
inserted into the teacher's context at the prompt-response boundary; the teacher then
scores the student's own tokens, and the hint positions are removed so that teacher and
student per-token values line up token for token.

Positions and the causal shift. ``insert_hint`` returns ``keep``: ``keep[i]`` is the
index in ``teacher_ids`` of token ``i`` of the student's sequence ``prompt_ids +
completion_ids``. ``keep`` indexes *tokens*, so strip per-token values that belong to a
token: the log-probability of token ``j`` comes from the logits at position ``j - 1``,
so first turn logits into per-token log-probs with :func:`token_logprobs` (value ``j``
= log p(ids[j] | ids[:j])), then ``strip_hint(values, keep)``. Entry ``i`` is then the
teacher's log-probability of the student's token ``i`` given everything before it plus
the hint. (Stripping raw logits would need positions ``keep[i] - 1`` instead.)

Hints only ever enter the teacher's input; the student's prompt, the environment's
observations and the rollouts never contain them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import torch
from torch import Tensor

from healthgym.tasks import Task

REINFORCING = (
    "[Teacher hint] This attempt reached the correct outcome: its information gathering, "
    "tool use and final answer were right."
)
CORRECTIVE = (
    "[Teacher hint] This attempt reached a wrong outcome: gather the missing evidence with "
    "the tools and re-check it before answering."
)


def make_hint(
    correct: bool,
    *,
    gold: str | None = None,
    rationale: str | None = None,
    privileged: bool = True,
) -> str:
    """The hint text: reinforcing when ``correct``, corrective otherwise.

    With ``privileged=True`` the gold answer and rationale (when given) are appended: to
    a corrective hint as what the answer should have been, to a reinforcing one as the
    confirmation of the answer. ``privileged=False`` gives the outcome-only text.
    """
    parts = [REINFORCING if correct else CORRECTIVE]
    if privileged and gold:
        parts.append(f"Reference answer: {gold}" if correct else f"The correct answer is: {gold}")
    if privileged and rationale:
        parts.append(f"Rationale: {rationale}")
    return "\n".join(parts)


_SHORT_FIELD = 60  # characters of a field's JSON under which it counts as a short decision


def _shorten(value: Any, max_chars: int) -> Any:
    if isinstance(value, str) and len(value) > max_chars:
        return value[: max_chars - 1].rstrip() + "\u2026"
    if isinstance(value, list):
        return [_shorten(v, max_chars) for v in value]
    if isinstance(value, dict):
        return {k: _shorten(v, max_chars) for k, v in value.items()}
    return value


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _call_text(name: str, arguments: dict[str, Any], max_args_chars: int = 60) -> str:
    args = _compact(arguments) if arguments else ""
    return f"{name}({args})" if args and len(args) <= max_args_chars else name


def task_privileged(
    task: Task, *, max_field_chars: int = 200, max_chars: int = 800
) -> tuple[str | None, str | None]:
    """The privileged (gold answer, rationale) of a task, as short texts for a hint.

    ``gold``: the reference submit call, ``submit_tool({...})`` with the reference
    answer's arguments (every domain's ``task.reference.answer``; an answer's own
    ``rationale`` field is moved to the rationale; the short fields, the decisions a
    grader checks, come first, and long free-text fields, such as a radiology report's
    sections, come last, shortened to ``max_field_chars``).
    ``rationale``: the answer's own rationale when it has one (medical QA), then the
    grader's scalar facts (e.g. ``diagnosis``, ``category``, ``follow_up``, ``esi``:
    what each domain's grader checks), then the reference workup (the tools of the
    reference solution in order, with their arguments when short). Each text is at most
    ``max_chars`` long; either is None when the task has nothing to offer.
    """
    answer = dict(task.reference.answer or {})
    own_rationale = answer.pop("rationale", None)
    calls = task.reference.calls
    submit = calls[-1].name if calls and calls[-1].arguments == task.reference.answer else None
    gold = None
    if answer:
        # the decisions a grader checks (short fields) first, long free text last
        short = {k: v for k, v in answer.items() if len(_compact(v)) <= _SHORT_FIELD}
        answer = short | {k: v for k, v in answer.items() if k not in short}
        args = _compact(_shorten(answer, max_field_chars))
        gold = f"{submit}({args})" if submit else args
    pieces = []
    if isinstance(own_rationale, str) and own_rationale.strip():
        pieces.append(own_rationale.strip())
    facts = [
        f"{k}={v}"
        for k, v in (task.grader or {}).items()
        if isinstance(v, str | int | float) and not isinstance(v, bool) and str(v) != ""
    ]
    if facts:
        pieces.append("Key facts: " + "; ".join(facts) + ".")
    workup = [_call_text(c.name, c.arguments) for c in calls if c.name != submit]
    if workup:
        pieces.append(f"Reference workup: {', '.join(workup)}.")
    rationale = " ".join(pieces) or None

    def cap(text: str | None) -> str | None:
        if text is None or len(text) <= max_chars:
            return text
        return text[: max_chars - 1].rstrip() + "\u2026"

    return cap(gold), cap(rationale)


def insert_hint(
    prompt_ids: Sequence[int],
    completion_ids: Sequence[int],
    hint_ids: Sequence[int],
    at: int | None = None,
) -> tuple[list[int], list[int]]:
    """The teacher's input with the hint inserted, and where the original tokens went.

    ``teacher_ids = prompt_ids[:at] + hint_ids + prompt_ids[at:] + completion_ids``
    (``at`` defaults to ``len(prompt_ids)``, the prompt-response boundary).
    ``keep[i]`` is the index in ``teacher_ids`` of token ``i`` of ``prompt_ids +
    completion_ids`` (so ``len(keep) == len(prompt_ids) + len(completion_ids)`` and
    ``[teacher_ids[k] for k in keep] == prompt_ids + completion_ids``).
    """
    n_prompt = len(prompt_ids)
    at = n_prompt if at is None else int(at)
    if not 0 <= at <= n_prompt:
        raise ValueError(f"hint position {at} outside the prompt (0..{n_prompt})")
    n_hint = len(hint_ids)
    teacher_ids = [*prompt_ids[:at], *hint_ids, *prompt_ids[at:], *completion_ids]
    n_total = n_prompt + len(completion_ids)
    keep = list(range(at)) + [i + n_hint for i in range(at, n_total)]
    return [int(t) for t in teacher_ids], keep


def strip_hint(values: Tensor, keep: Sequence[int], dim: int = -1) -> Tensor:
    """The values at the kept (original-token) positions along ``dim``.

    ``values`` are per-token values of the teacher's sequence (e.g. ``[L_teacher]``,
    ``[B, L_teacher]`` or ``[B, L_teacher, V]`` with ``dim=1``); the result has
    ``len(keep)`` entries along ``dim``, aligned with the student's sequence. Differentiable.
    """
    index = torch.as_tensor(list(keep), dtype=torch.long, device=values.device)
    return values.index_select(dim, index)


def token_logprobs(logits: Tensor, ids: Tensor) -> Tensor:
    """Per-token log-probabilities of a causal LM's own input.

    ``logits[..., L, V]`` from a forward pass over ``ids[..., L]``; returns ``[..., L]``
    with entry ``j`` = ``log p(ids[j] | ids[:j])`` = ``log_softmax(logits[..., j-1, :])
    [ids[j]]`` for ``j >= 1`` and 0.0 at ``j = 0`` (the first token has no prediction).
    """
    dtype = torch.float32 if logits.dtype in (torch.float16, torch.bfloat16) else logits.dtype
    out = torch.zeros(ids.shape, dtype=dtype, device=logits.device)
    if ids.shape[-1] > 1:
        out[..., 1:] = completion_logprobs(logits, ids, 1)
    return out


def completion_logprobs(logits: Tensor, ids: Tensor, start: int) -> Tensor:
    """``log p(ids[j] | ids[:j])`` for ``j`` in ``[start, L)``, shape ``[..., L - start]``.

    ``logits[..., L, V]`` come from a forward pass over ``ids[..., L]``; the prediction
    of token ``j`` is read at position ``j - 1`` (the causal shift), so ``start >= 1``.
    Only the needed positions go through the log-softmax, in at least float32 (half
    precision logits are upcast). Differentiable.
    """
    length = ids.shape[-1]
    if not 1 <= start <= length:
        raise ValueError(f"start must be in [1, {length}], got {start}")
    if logits.shape[-2] != length:
        raise ValueError("logits and ids must cover the same positions")
    pred = logits[..., start - 1 : length - 1, :]
    if pred.dtype in (torch.float16, torch.bfloat16):
        pred = pred.float()
    target = ids[..., start:].long().unsqueeze(-1)
    picked = pred.gather(-1, target).squeeze(-1)
    return picked - torch.logsumexp(pred, dim=-1)


__all__ = [
    "CORRECTIVE",
    "REINFORCING",
    "completion_logprobs",
    "insert_hint",
    "make_hint",
    "strip_hint",
    "task_privileged",
]
