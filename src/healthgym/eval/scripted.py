"""Scripted evaluation policies: the floors and the ceiling of a benchmark run.

* ``lazy`` answers every question with its first option: letter ``A`` (for PubMedQA
  that is "yes"). Items without options get a fixed trivial answer
  (:data:`LAZY_ANSWERS`): ``0`` for a calculation, ``yes`` for an image question,
  ``I don't know.`` for a long-form question and ``null`` (abstain) for EHRSQL.
* ``random`` picks an option uniformly with a generator seeded by ``(seed, item uid)``,
  so an item's answer does not depend on which items ran before it; items without
  options get the lazy answer.
* ``oracle`` answers with the gold itself (the correct letter, the gold value, the gold
  SQL): it checks that loaders and scorers accept a correct answer, never a result.
"""

from __future__ import annotations

import hashlib

import numpy as np

from .items import EvalItem

SCRIPTED_POLICIES = ("lazy", "random", "oracle")
LAZY_ANSWERS: dict[str, str] = {
    "calc": "0",
    "long_form": "I don't know.",
    "sql": "null",
    "vqa": "yes",
}


def reference_answer(item: EvalItem) -> str:
    """The answer a perfect agent submits: the gold letter / word / value, the gold SQL
    (``meta['sql']``, ``null`` when unanswerable) for EHRSQL, the reference text for
    long-form items."""
    if item.kind == "sql":  # the gold query, or the abstention of an unanswerable one
        return str(item.meta.get("sql") or "null")
    if isinstance(item.gold, (list, tuple)):
        return ", ".join(str(g) for g in item.gold)
    return str(item.gold)


def gold_letter(item: EvalItem) -> str | None:
    """The letter of the correct option (MCQ: the gold; yes/no: the option naming it)."""
    if item.kind == "mcq":
        return str(item.gold).strip().upper()
    if item.kind == "yes_no":
        gold = str(item.gold).strip().lower()
        return next((k for k, v in item.options.items() if v.strip().lower() == gold), None)
    return None


def _rng(seed: int, uid: str) -> np.random.Generator:
    digest = int.from_bytes(hashlib.sha256(uid.encode()).digest()[:8], "big")
    return np.random.default_rng([seed, digest])


def scripted_letter(policy: str, item: EvalItem, seed: int = 0) -> str | None:
    """The option letter ``policy`` picks for ``item`` (None for items without options)."""
    letters = list(item.options)
    if not letters:
        return None
    if policy == "lazy":
        return letters[0]
    if policy == "random":
        return letters[int(_rng(seed, item.uid).integers(len(letters)))]
    if policy == "oracle":
        return gold_letter(item) or letters[0]
    raise ValueError(f"unknown scripted policy {policy!r}; choose from {SCRIPTED_POLICIES}")


def scripted_answer(policy: str, item: EvalItem, seed: int = 0) -> str:
    """The final answer text of ``policy`` (what a model would have written)."""
    if policy not in SCRIPTED_POLICIES:
        raise ValueError(f"unknown scripted policy {policy!r}; choose from {SCRIPTED_POLICIES}")
    if policy == "oracle" and item.kind not in ("mcq", "yes_no"):
        return reference_answer(item)
    letter = scripted_letter(policy, item, seed)
    if letter is None:
        return reference_answer(item) if policy == "oracle" else LAZY_ANSWERS.get(item.kind, "")
    if item.kind == "yes_no":
        return item.options[letter]
    return letter
