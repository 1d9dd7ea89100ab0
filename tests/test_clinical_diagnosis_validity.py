"""clinical_diagnosis validity: no observe or compute output hands over the diagnosis.

Adversaries that know no medicine read the output of every observe and compute tool and
pick the disease whose name, synonym or ICD-10 code appears in it (plain string
matching).  On the test split they must do no better than the lazy policy + 0.15
(issue 15).  Findings are allowed: a report may describe consolidation or a dilated
appendix; it must not name the disease.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from healthgym.agents import LazyPolicy
from healthgym.clinical.diseases import PROFILES
from healthgym.clinical.text import normalize
from healthgym.domains import get_domain
from healthgym.domains.clinical_diagnosis import score_values as sv
from healthgym.runner import run_suite, summarize
from healthgym.tasks import Task
from healthgym.tools import ToolError
from healthgym.tools.library import encounter_scores as st

DOMAIN = get_domain("clinical_diagnosis")
MARGIN = 0.15


@cache
def test_tasks() -> tuple[Task, ...]:
    return tuple(DOMAIN.task(i) for i in DOMAIN.indices("test"))


@cache
def lazy_accuracy() -> float:
    results = list(run_suite(LazyPolicy.for_domain, ["clinical_diagnosis"], "test"))
    return summarize(results)["overall"]["accuracy"]


def _default(schema: dict[str, Any]) -> Any:
    if "enum" in schema:
        return schema["enum"][0]
    return {"boolean": False, "integer": 1, "number": 1.0, "array": []}.get(schema["type"], "x")


def _call(tool, state, args: dict[str, Any]) -> str:
    try:
        return tool(state, **args)
    except ToolError as e:
        return str(e)


def default_outputs(task: Task) -> list[str]:
    """Every observe tool, then every compute tool, once with default arguments."""
    state = DOMAIN.new_state(task)
    outs = []
    for kind in ("observe", "compute"):
        for t in DOMAIN.toolkit:
            if t.kind == kind:
                props = t.parameters["properties"]
                args = {k: _default(props[k]) for k in t._required}
                outs.append(_call(t, state, args))
    return outs


def exhaustive_outputs(task: Task) -> list[str]:
    """Every observe tool with every value of its argument (all systems, panels, single
    tests, studies), then every record-reading compute tool (all inputs now shown)."""
    state = DOMAIN.new_state(task)
    outs = []
    for t in DOMAIN.toolkit:
        if t.kind != "observe":
            continue
        props = t.parameters["properties"]
        if not props:
            outs.append(_call(t, state, {}))
        for key, schema in props.items():
            outs += [_call(t, state, {key: v}) for v in schema["enum"]]
    for t in st.SCORE_TOOLS:
        props = t.parameters["properties"]
        outs.append(_call(t, state, {k: _default(s) for k, s in props.items()}))
    return outs


@cache
def _answer_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Each disease's name, synonyms and ICD-10 code (with or without the dot)."""
    out = []
    for p in PROFILES.values():
        phrases = {normalize(x) for x in (p.name, *p.synonyms)} | {
            normalize(p.icd10),
            normalize(p.icd10.replace(".", "")),
        }
        alternation = "|".join(re.escape(x) for x in sorted(phrases, key=len, reverse=True) if x)
        out.append((p.key, re.compile(rf"\b({alternation})\b")))
    return out


def phrase_reader(outputs: list[str], rule: str) -> str | None:
    """The disease named in the output: most mentions, first or last mentioned."""
    text = normalize(" ".join(outputs))
    hits: list[tuple[int, str]] = []
    for key, pattern in _answer_patterns():
        hits += [(m.start(), key) for m in pattern.finditer(text)]
    if not hits:
        return None
    hits.sort()
    if rule == "first":
        return hits[0][1]
    if rule == "last":
        return hits[-1][1]
    return Counter(k for _, k in hits).most_common(1)[0][0]


def reader_accuracy(outputs_of, rule: str) -> float:
    tasks = test_tasks()
    correct = sum(phrase_reader(outputs_of(t), rule) == t.grader["diagnosis"] for t in tasks)
    return correct / len(tasks)


@cache
def _exhaustive() -> dict[str, list[str]]:
    return {t.id: exhaustive_outputs(t) for t in test_tasks()}


def test_lazy_policy_accuracy_is_the_floor():
    assert lazy_accuracy() <= 0.1


def test_default_argument_reader_is_no_better_than_lazy():
    for rule in ("most", "first", "last"):
        acc = reader_accuracy(default_outputs, rule)
        assert acc <= lazy_accuracy() + MARGIN, (rule, acc)


def test_exhaustive_reader_is_no_better_than_lazy():
    outs = _exhaustive()
    for rule in ("most", "first", "last"):
        acc = reader_accuracy(lambda t: outs[t.id], rule)
        assert acc <= lazy_accuracy() + MARGIN, (rule, acc)


def test_score_outputs_carry_values_not_verdicts():
    """Score outputs: the score's name, value and points per criterion (names constant per
    score); no risk band and no word of any disease name anywhere else."""
    words = {
        w
        for p in PROFILES.values()
        for x in (p.name, *p.synonyms)
        for w in normalize(x).split()
        if w.isalpha() and len(w) > 2
    }
    words -= {"acute", "with", "the", "and", "from", "type"}
    bands = re.compile(r"\b(low|moderate|high|intermediate) risk\b|\blikely\b|\bprobable\b")
    for task in test_tasks()[::7]:
        state = sv.observe_all(DOMAIN.new_state(task))
        for t in st.SCORE_TOOLS:
            props = t.parameters["properties"]
            out = t(state, **{k: _default(s) for k, s in props.items()})
            _name, _, rest = out.partition(": ")
            # the criteria's names (constant per score) and the knowledge-base id
            rest = re.sub(r"read_passage\(.*\)|\([^()]*\)", " ", rest)
            assert not bands.search(rest.lower()), (t.name, out)
            assert not set(normalize(rest).split()) & words, (t.name, out)
