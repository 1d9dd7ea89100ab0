"""Validity probe for obstetrics: tools observe and compute, the agent judges.

A plain string-matching adversary (no clinical logic) calls every observe and compute
tool a task allows once, with default arguments, and maps the text the tools printed
to an answer: for each label-valued submit field (an enum, or a string whose training
answers form a small vocabulary) the candidate label printed most often in the output
(``_`` read as a space, word-bounded), for a number field the number printed just after
the field's name; whatever it cannot find it fills with the lazy policy's answer (the
most common training answer).  If the tools handed over the graded judgment (a
category, a band, a diagnosis, a rhythm name), this reader would copy it; its accuracy
on the test split must stay within 0.15 of the lazy policy's.

The helpers here are shared by tests/test_radiology_validity.py and
tests/test_visual_validity.py.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from healthgym.agents.baselines import most_common_answer
from healthgym.domains import get_domain
from healthgym.episode import EpisodeLog
from healthgym.tools import ToolError

MARGIN = 0.15
_UNITS = {"ms", "mm", "mg", "cm", "days", "bpm", "pct"}


def default_value(name: str, schema: dict[str, Any]) -> Any:
    """A schema-valid default for one argument (no clinical choice)."""
    if "default" in schema:
        return schema["default"]
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "boolean":
        return False
    if kind in ("integer", "number"):
        lo = schema.get("minimum", 0)
        return int(lo) if kind == "integer" else float(lo)
    if kind == "array":
        item = default_value(name, schema.get("items", {}))
        return [item] if item is not None else []
    if "date" in name:
        return "2024-06-01"
    if name.endswith("_id"):
        return "F1"
    return "x"


def default_arguments(parameters: dict[str, Any]) -> dict[str, Any]:
    props = parameters.get("properties", {})
    return {k: default_value(k, s) for k, s in props.items() if k in parameters.get("required", [])}


def tool_outputs(domain: str, task: Any) -> tuple[Any, str]:
    """Call every observe/compute tool the task allows once; the state and all output."""
    d = get_domain(domain)
    state = d.new_state(task)
    texts = []
    for t in d.toolkit:
        if t.kind not in ("observe", "compute") or t.name not in task.allowed_tools:
            continue
        try:
            texts.append(t(state, **default_arguments(t.parameters)))
        except (ToolError, ValueError, TypeError, KeyError):
            continue
    return state, "\n".join(texts)


def _pattern(label: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in re.split(r"[\s_]+", str(label).strip()) if w]
    return re.compile(r"(?<![A-Za-z0-9])" + r"[\s_\-]+".join(words) + r"(?![A-Za-z0-9])", re.I)


def label_vocabulary(domain: str) -> dict[str, list[str]]:
    """Per submit field, the labels the reader looks for: its enum values, or the
    values of the training answers when they form a small set of short strings."""
    d = get_domain(domain)
    submit = d.toolkit.get(d.submit_tool)
    assert submit is not None
    seen: dict[str, Counter[str]] = {}
    for i in d.indices("train")[:200]:
        for k, v in d.task(i).reference.answer.items():
            if isinstance(v, str) and len(v) <= 20:
                seen.setdefault(k, Counter())[v] += 1
    vocab: dict[str, list[str]] = {}
    for name, schema in submit.parameters["properties"].items():
        if "enum" in schema:
            vocab[name] = [str(v) for v in schema["enum"]]
        elif name in seen and len(seen[name]) <= 40:
            vocab[name] = list(seen[name])
    return vocab


def read_answer(domain: str, text: str, vocab: dict[str, list[str]]) -> dict[str, Any]:
    """The string reader's answer: labels and numbers copied out of the tool output."""
    d = get_domain(domain)
    submit = d.toolkit.get(d.submit_tool)
    assert submit is not None
    answer = dict(most_common_answer(domain))
    for name, labels in vocab.items():
        counts = {lab: len(_pattern(lab).findall(text)) for lab in labels if str(lab).strip()}
        counts = {k: v for k, v in counts.items() if v}
        if counts:
            answer[name] = max(counts, key=lambda k: (counts[k], len(k)))
    for name, schema in submit.parameters["properties"].items():
        if schema.get("type") not in ("number", "integer") or name not in answer:
            continue
        words = [w for w in name.split("_") if w not in _UNITS] or [name]
        m = re.search(
            _pattern(" ".join(words)).pattern + r"[^\d\n]{0,24}?(\d+(?:\.\d+)?)", text, re.I
        )
        if m:
            answer[name] = float(m.group(1))
    return answer


def validity_accuracies(domain: str, limit: int | None = None) -> tuple[float, float]:
    """(string reader accuracy, lazy accuracy) over the test split (first ``limit``)."""
    d = get_domain(domain)
    vocab = label_vocabulary(domain)
    lazy = most_common_answer(domain)
    reader_acc, lazy_acc = [], []
    for i in d.indices("test")[:limit]:
        task = d.task(i)
        state, text = tool_outputs(domain, task)
        answer = read_answer(domain, text, vocab)
        reader_acc.append(d.grade(task, state, EpisodeLog(answer=answer)).accuracy)
        lazy_acc.append(d.grade(task, d.new_state(task), EpisodeLog(answer=lazy)).accuracy)
    n = len(reader_acc)
    return sum(reader_acc) / n, sum(lazy_acc) / n


def test_string_reader_does_not_beat_lazy_obstetrics() -> None:
    reader, lazy = validity_accuracies("obstetrics")
    assert reader <= lazy + MARGIN, (reader, lazy)


def test_compute_tools_do_not_state_the_judgment() -> None:
    """No calculator or criteria checker prints a graded label of obstetrics that varies
    with its arguments (a verdict): findings, bands and categories are the agent's to
    assign. A label printed the same way for every input (a criteria heading) says
    nothing about the case."""
    import numpy as np

    from healthgym.agents.baselines import random_arguments
    from healthgym.domains.obstetrics.vocab import FINDINGS

    d = get_domain("obstetrics")
    task = d.task(d.indices("test")[0])
    words = [f.replace("_", " ") for f in FINDINGS] + [
        "favourable",
        "unfavourable",
        "diagnostic",
        "indicated",
        "reassuring",
        "equivocal",
        "abnormal",
        "normal",
    ]
    rng = np.random.default_rng(3)
    for t in d.toolkit:
        if t.kind != "compute":
            continue
        outs = []
        for _ in range(60):
            try:
                outs.append(t(d.new_state(task), **random_arguments(t.parameters, rng)).lower())
            except (ToolError, ValueError, TypeError):
                continue
        # (a tool whose random arguments are never valid, e.g. dates, prints nothing here)
        for w in words:
            hit = [bool(_pattern(w).search(o)) for o in outs]
            assert all(hit) or not any(hit), (t.name, w)
