"""drug_interaction validity: a plain string-matcher adversary does no better than lazy.

The adversary (:func:`shallow_accuracy`, shared with ``test_ehr_validity`` and
``test_medical_qa_validity``) knows no medicine.  Per test task it calls every
``observe`` tool, then every ``compute`` tool, once with schema-valid default arguments
(a declared default; an enum value the prompt names, else the first; a date/time or an
id of the record seen in the prompt or earlier output; a string the prompt names from
the training answers' vocabulary), and maps the collected OUTPUT text to an answer with
plain string rules learned from the TRAIN split's reference answers:

* a field whose training values repeat (enums, drug names, organisms): the value
  mentioned first / most / last in the output (a list: all mentioned, in order);
* a number: the first / most common / last number printed in the output;
* a date/time: the first / most common / last string of that shape;
* nothing found: the field's most common training value (what the lazy policy submits).

Its best rule's accuracy on the test split must stay within 0.15 of the lazy policy's.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from healthgym.domains import get_domain
from healthgym.episode import EpisodeLog
from healthgym.tools import ToolError, validate_arguments
from healthgym.tools.registry import ArgumentError

RULES = ("first", "most", "last")
MARGIN = 0.15
_NUMBER = re.compile(r"(?<![\w.])[-+]?\d+(?:\.\d+)?(?![\w.])")
_DATETIME = re.compile(r"\b\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?\b")
_ID = re.compile(r"\b\d{6,}\b")


def _pattern(value: str) -> re.Pattern[str] | None:
    words = [w for w in re.split(r"[\s_]+", value.strip()) if w]
    if not words or len(value.strip()) < 2:
        return None
    body = r"[\s_\-]+".join(re.escape(w) for w in words)
    return re.compile(r"(?<![A-Za-z0-9])" + body + r"(?![A-Za-z0-9])", re.IGNORECASE)


def _shape(value: str) -> str:
    return re.sub(r"[A-Za-z]", "a", re.sub(r"\d", "9", value))


@cache
def _train_answers(domain: str) -> tuple[dict[str, Any], ...]:
    d = get_domain(domain)
    return tuple(d.task(i).reference.answer for i in d.indices("train"))


def _vocabulary(domain: str) -> dict[str, Counter]:
    vocab: dict[str, Counter] = {}
    for answer in _train_answers(domain):
        for k, v in answer.items():
            items = v if isinstance(v, list) else [v]
            for x in items:
                vocab.setdefault(k, Counter())[x] += 1
    return vocab


def lazy_answer(domain: str, fields: list[str]) -> dict[str, Any]:
    """The most common training value of each field (the lazy policy's answer)."""
    counts: dict[str, Counter] = {}
    for answer in _train_answers(domain):
        for k, v in answer.items():
            counts.setdefault(k, Counter())[repr(v)] += 1
    out = {}
    for k in fields:
        if k in counts:
            rep = counts[k].most_common(1)[0][0]
            out[k] = next(a[k] for a in _train_answers(domain) if repr(a.get(k)) == rep)
    return out


def _default(name: str, schema: dict, required: bool, seen: str, vocab: dict) -> Any:
    if "default" in schema:
        return schema["default"]
    if "enum" in schema:
        for v in schema["enum"]:
            p = _pattern(str(v)) if isinstance(v, str) and len(v) > 2 else None
            if p is not None and p.search(seen):
                return v
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "integer":
        ids = _ID.findall(seen)
        return int(ids[0]) if ids else (0 if required else None)
    if kind == "number":
        return schema.get("minimum", 1) if required else None
    if kind == "boolean":
        return False if required else None
    if kind == "string":
        desc = schema.get("description", "")
        if "YYYY" in desc or "time" in name:
            found = _DATETIME.findall(seen)
            return found[0] if found else ("" if required else None)
        words = [str(w) for k in vocab for w in vocab[k] if isinstance(w, str) and len(str(w)) > 2]
        for w in words:
            p = _pattern(w)
            if p is not None and p.search(seen):
                return w
        return "" if required else None
    if kind == "array":
        item = _default(name, schema.get("items", {}), True, seen, vocab)
        return [item] if item not in (None, "") else ([] if required else None)
    return None


def tool_outputs(domain: str, task) -> tuple[Any, str]:
    """(episode state, concatenated output) of every observe then compute tool, called
    once with default arguments."""
    d = get_domain(domain)
    state = d.new_state(task)
    vocab = _vocabulary(domain)
    outputs: list[str] = []
    for kind in ("observe", "compute"):
        for t in d.toolkit:
            if t.kind != kind or t.name not in task.allowed_tools:
                continue
            seen = task.prompt + "\n" + "\n".join(outputs)
            props = t.parameters["properties"]
            required = set(t.parameters["required"])
            args = {}
            for name, schema in props.items():
                v = _default(name, schema, name in required, seen, vocab)
                if v is not None:
                    args[name] = v
            try:
                outputs.append(t(state, **validate_arguments(t, args)))
            except (ToolError, ArgumentError):
                continue
    return state, "\n".join(outputs)


def _pick(found: dict[Any, list[int]], rule: str) -> Any:
    found = {k: v for k, v in found.items() if v}
    if not found:
        return None
    if rule == "first":
        return min(found, key=lambda k: min(found[k]))
    if rule == "last":
        return max(found, key=lambda k: max(found[k]))
    return max(found, key=lambda k: (len(found[k]), -min(found[k])))


def shallow_answer(domain: str, fields: list[str], text: str, rule: str) -> dict[str, Any]:
    """Map tool output to an answer with plain string rules (no clinical knowledge)."""
    vocab = _vocabulary(domain)
    answer = lazy_answer(domain, fields)
    for k in fields:
        values = vocab.get(k, Counter())
        sample = next(iter(values), None)
        if isinstance(sample, (int, float)) and not isinstance(sample, bool):
            nums: dict[float, list[int]] = {}
            for m in _NUMBER.finditer(text):
                nums.setdefault(float(m.group()), []).append(m.start())
            pick = _pick(nums, rule)
            if pick is not None:
                answer[k] = pick
            continue
        if isinstance(sample, str) and _DATETIME.fullmatch(sample):
            shape = _shape(sample)
            hits: dict[str, list[int]] = {}
            for m in _DATETIME.finditer(text):
                if _shape(m.group()) == shape:
                    hits.setdefault(m.group(), []).append(m.start())
            pick = _pick(hits, rule)
            if pick is not None:
                answer[k] = pick
            continue
        found = {}
        for v in values:
            p = _pattern(str(v)) if isinstance(v, str) else None
            if p is not None:
                found[v] = [m.start() for m in p.finditer(text)]
        found = {v: o for v, o in found.items() if o}
        if not found:
            continue
        if isinstance(answer.get(k), list):
            n = max(len(a[k]) for a in _train_answers(domain) if isinstance(a.get(k), list))
            answer[k] = sorted(found, key=lambda v: min(found[v]))[:n]
        else:
            answer[k] = _pick(found, rule)
    return answer


def shallow_accuracy(domain: str, limit: int | None = None) -> dict[str, float]:
    """Accuracy of the lazy answer and of each string rule on the test split."""
    d = get_domain(domain)
    indices = d.indices("test")[:limit]
    totals = Counter()
    for i in indices:
        task = d.task(i)
        fields = list(task.reference.answer)
        state, text = tool_outputs(domain, task)
        candidates = {"lazy": lazy_answer(domain, fields)}
        candidates |= {r: shallow_answer(domain, fields, text, r) for r in RULES}
        for name, answer in candidates.items():
            fresh = d.new_state(task)
            totals[name] += d.grade(task, fresh, EpisodeLog(answer=answer)).accuracy
    return {k: totals[k] / len(indices) for k in ("lazy", *RULES)}


def lazy_policy_accuracy(domain: str) -> float:
    """Mean accuracy of the lazy policy (one fixed answer for every task) on the test split."""
    from healthgym.agents import LazyPolicy
    from healthgym.runner import run_suite

    results = list(run_suite(lambda d: LazyPolicy.for_domain(d), [domain], "test"))
    return sum(r["reward_components"]["accuracy"] for r in results) / len(results)


def check_domain(domain: str) -> dict[str, float]:
    """The adversary's best rule against the weaker of the two lazy baselines (the lazy
    policy's single answer, and the per-field most common answer)."""
    acc = shallow_accuracy(domain)
    acc["lazy_policy"] = lazy_policy_accuracy(domain)
    best = max(acc[r] for r in RULES)
    assert best <= min(acc["lazy"], acc["lazy_policy"]) + MARGIN, (domain, acc)
    return acc


def test_shallow_reader_is_no_better_than_lazy():
    check_domain("drug_interaction")
