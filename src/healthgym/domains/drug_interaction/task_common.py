"""Pieces shared by the task builders: the built-task record, pools, prompts, safety rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np

from ...clinical.drugs import CONDITIONS, SEVERITY_RANK, drugs, interaction_table
from ...tasks import RefCall, SafetyRule
from .hazards import hazards
from .records import DrugPatient


@dataclass
class Built:
    """What a task builder returns (make_task wraps it into a Task)."""

    patient: DrugPatient
    prompt: str
    calls: list[RefCall]
    answer: dict[str, Any]
    grader: dict[str, Any]
    order: str | None = None
    safety: list[SafetyRule] = field(default_factory=list)


def pick(rng: np.random.Generator, items: list[Any] | tuple[Any, ...]) -> Any:
    return items[int(rng.integers(len(items)))]


def weighted(rng: np.random.Generator, options: dict[str, float]) -> str:
    keys = list(options)
    weights = np.array([options[k] for k in keys], dtype=float)
    return keys[int(rng.choice(len(keys), p=weights / weights.sum()))]


@cache
def pairs_of(severity: str) -> tuple[tuple[str, str], ...]:
    """Interacting pairs of one severity whose drugs are both outpatient drugs of different
    therapeutic groups (usable as two home medications)."""
    table = drugs()
    return tuple(
        pair
        for pair, ix in interaction_table().items()
        if ix.severity == severity
        and not table[pair[0]].inpatient_only
        and not table[pair[1]].inpatient_only
        and table[pair[0]].group != table[pair[1]].group
    )


def rank(a: str, b: str) -> int:
    ix = interaction_table().get((a, b) if a < b else (b, a))
    return SEVERITY_RANK[ix.severity] if ix else 0


def who(p: DrugPatient) -> str:
    return f"{p.age}-year-old {p.sex}"


def indication_name(key: str) -> str:
    return CONDITIONS[key].name.lower()


def hazard_rules(name: str, patient: DrugPatient) -> list[SafetyRule]:
    """Safety rules that fire if the answer approves or chooses ``name``."""
    return [
        SafetyRule(code=h.code, severity=h.severity, target=name, reason=h.text)  # type: ignore[arg-type]
        for h in hazards(name, patient)
    ]


def call(name: str, required: bool = True, **arguments: Any) -> RefCall:
    return RefCall(name=name, arguments=arguments, required=required)


def ref(
    name: str,
    arguments: dict[str, Any] | None = None,
    required: bool = True,
    alternatives: tuple[str, ...] = (),
    accept: dict[str, list[Any]] | None = None,
) -> RefCall:
    """A reference call as an evidence requirement: ``alternatives`` are tools that yield
    the same evidence, ``accept`` lists equivalent values of an argument."""
    return RefCall(
        name=name,
        arguments=arguments or {},
        required=required,
        alternatives=list(alternatives),
        accept=accept or {},
    )


def regimen_forms(p: DrugPatient, *extra: str) -> list[list[str]]:
    """Ways an agent may pass the home regimen (compared as a set by the process score):
    the medication list's own labels (brand or salt names as written), and the regimen
    with the drugs of ``extra`` added (e.g. the new order screened with it)."""
    regimen = p.regimen()
    labels = [m.label for m in p.medications]
    forms = [labels] if labels != regimen else []
    if extra:
        forms.append([*regimen, *[e for e in extra if e not in regimen]])
    return forms
