"""Log-likelihood scoring of the options, for local Hugging Face causal LMs.

For an item with options, the model reads the prompt (:func:`prompts.loglik_prompt`,
rendered with the model's chat template when it has one) and each option text is
scored as its continuation: the sum of the log-probabilities of its tokens, or their
mean (``norm="mean"``, which does not favour short options). The chosen option is the
argmax (ties: the first). This is the way lm-evaluation-harness and the MMLU/MedQA
papers score base models, and needs no answer extraction at all.

The prompt and the continuation are tokenised separately and concatenated, so every
option is scored after exactly the same prompt tokens (the prompt runs once; each option
continues from a copy of its KV cache). torch is imported inside the functions only.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

from .config import EvalConfig
from .items import EvalItem, ScoreResult
from .prompts import loglik_prompt
from .records import item_record, safe_score
from .work import Plan, Sink, Work, as_plan, make_model_agent

NORMS = ("sum", "mean")


@dataclass(frozen=True)
class OptionScores:
    """Per-option sum and mean log-probabilities, and the chosen letter."""

    letters: tuple[str, ...]
    sums: tuple[float, ...]
    means: tuple[float, ...]
    choice: str


def choose(letters: list[str], sums: list[float], counts: list[int], norm: str) -> str:
    """The letter with the highest (sum or mean) log-probability; ties: the first."""
    if norm not in NORMS:
        raise ValueError(f"norm must be one of {NORMS}")
    values = sums if norm == "sum" else [s / max(1, c) for s, c in zip(sums, counts, strict=True)]
    best = max(range(len(letters)), key=lambda i: (values[i], -i))
    return letters[best]


def prompt_ids(tokenizer: Any, item: EvalItem, chat_template: str | None = None) -> list[int]:
    """The prompt's token ids (chat template with a generation prompt when available)."""
    text = loglik_prompt(item)
    template = chat_template or getattr(tokenizer, "chat_template", None)
    if template:
        rendered = tokenizer.apply_chat_template(
            [{"role": "user", "content": text}],
            tokenize=False,
            add_generation_prompt=True,
            chat_template=template,
        )
        return list(tokenizer(rendered, add_special_tokens=False)["input_ids"])
    return list(tokenizer(text)["input_ids"])


def continuation_logprobs(
    model: Any, prompt: list[int], continuations: list[list[int]]
) -> list[list[float]]:
    """Log-probability of every token of each continuation after ``prompt``.

    The prompt is run once; its KV cache is copied for each continuation, so a long
    question (a PubMedQA abstract) costs one forward pass, not one per option.
    """
    import copy

    import torch

    device = next(model.parameters()).device
    with torch.no_grad():
        ids = torch.tensor([prompt], device=device)
        try:  # only the last position's logits are needed (skips a vocab-sized matmul)
            head = model(input_ids=ids, use_cache=True, logits_to_keep=1)
        except TypeError:  # a model without logits_to_keep
            head = model(input_ids=ids, use_cache=True)
        first = torch.log_softmax(head.logits[0, -1].float(), dim=-1)
        out: list[list[float]] = []
        for cont in continuations:
            values = [float(first[cont[0]])]
            if len(cont) > 1:
                rest = model(
                    input_ids=torch.tensor([cont[:-1]], device=device),
                    past_key_values=copy.deepcopy(head.past_key_values),
                    use_cache=True,
                )
                logp = torch.log_softmax(rest.logits[0].float(), dim=-1)
                tok = torch.tensor(cont[1:], dtype=torch.long, device=device)
                values += logp[torch.arange(len(cont) - 1, device=device), tok].tolist()
            out.append(values)
    return out


def score_options(
    model: Any,
    tokenizer: Any,
    item: EvalItem,
    norm: str = "mean",
    chat_template: str | None = None,
) -> OptionScores:
    """Score every option of ``item`` as a continuation and choose one."""
    if not item.options:
        raise ValueError(f"{item.uid}: log-likelihood scoring needs options")
    prompt = prompt_ids(tokenizer, item, chat_template)
    letters = list(item.options)
    conts = [
        list(tokenizer(" " + item.options[k].strip(), add_special_tokens=False)["input_ids"])
        or [tokenizer.eos_token_id or 0]
        for k in letters
    ]
    logps = continuation_logprobs(model, prompt, conts)
    sums = [float(sum(lp)) for lp in logps]
    counts = [len(lp) for lp in logps]
    means = [s / max(1, c) for s, c in zip(sums, counts, strict=True)]
    if any(math.isnan(s) for s in sums):
        raise ValueError(f"{item.uid}: the model returned NaN log-probabilities")
    return OptionScores(
        tuple(letters), tuple(sums), tuple(means), choose(letters, sums, counts, norm)
    )


# ------------------------------------------------------------------ the mode
def run_loglik(work: Work | Plan, cfg: EvalConfig, sink: Sink, agent: Any = None) -> list[str]:
    """Returns the benchmarks skipped (no options to score). One trial only: the option
    log-likelihoods involve no sampling."""
    plan = as_plan(work)
    if len(plan) > 1:
        raise ValueError("loglik mode has no sampling: every trial would be the same")
    agent = agent or make_model_agent(cfg)
    skipped: list[str] = []
    for bench, items in plan[0][1] if plan else []:
        if bench.kind not in ("mcq", "yes_no"):
            skipped.append(bench.name)
            continue
        for item in items:
            start = time.perf_counter()
            try:
                s = score_options(
                    agent.model, agent.tokenizer, item, cfg.loglik_norm, agent.chat_template
                )
            except Exception as e:  # recorded; the other items go on
                rec = item_record(item, cfg, None, ScoreResult(0.0, False, None))
                rec["error"] = f"{type(e).__name__}: {e}"[:500]
                sink(rec)
                continue
            result = safe_score(bench, item, s.choice)
            sink(
                item_record(
                    item,
                    cfg,
                    s.choice,
                    result,
                    option_logprob_sums=dict(zip(s.letters, s.sums, strict=True)),
                    option_logprob_means=dict(zip(s.letters, s.means, strict=True)),
                    seconds=round(time.perf_counter() - start, 4),
                )
            )
    return skipped
