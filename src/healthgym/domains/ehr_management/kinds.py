"""Shared machinery of the task kinds: patient plans, derivation context, drafts."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...tasks import RefCall
from .generator import AdmissionMeta, AdmissionPlan, PatientRecord
from .records import EhrState

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")
FILLER_COURSES = (
    "sepsis_aki",
    "hf_exacerbation",
    "dka",
    "gi_bleed",
    "pneumonia",
    "aki_hyperkalemia",
    "elective_pci",
)
OPEN_WARD_COURSES = ("pneumonia", "hf_exacerbation", "gi_bleed", "aki_hyperkalemia")


Plan = tuple[list[AdmissionPlan], int]  # the admissions, and the index the task is about


class Retry(Exception):
    """The generated patient does not give this question a unique answer: try again."""


@dataclass
class Draft:
    question: str  # the task-specific part of the prompt
    answer: dict[str, Any]  # submit_answer arguments of the reference solution
    grader: dict[str, Any]
    calls: list[RefCall]  # reference calls before the submission


@dataclass
class Ctx:
    rec: PatientRecord
    state: EhrState
    target: int  # index of the admission the question is about
    r: random.Random
    variant: int = 0  # task index // number of kinds: spreads answers over a kind's options

    @property
    def hadm(self) -> int:
        return self.rec.admissions[self.target].hadm_id

    @property
    def ordinal(self) -> str:
        return ORDINALS[self.target]

    @property
    def meta(self) -> AdmissionMeta:
        return self.rec.admissions[self.target]


@dataclass(frozen=True)
class Kind:
    name: str
    plan: Callable[[random.Random, int], Plan]
    derive: Callable[[Ctx], Draft]
    action: bool = False
    needs: frozenset[str] = frozenset()


def history(
    r: random.Random,
    target: AdmissionPlan,
    *,
    before: tuple[int, int] = (0, 2),
    after: tuple[int, int] = (0, 1),
    fillers: tuple[str, ...] = FILLER_COURSES,
) -> Plan:
    """Plans: some earlier admissions, the target, some later ones, then an open ward stay."""
    pre = [AdmissionPlan(r.choice(fillers)) for _ in range(r.randint(*before))]
    post = [AdmissionPlan(r.choice(fillers)) for _ in range(r.randint(*after))]
    current = AdmissionPlan(r.choice(OPEN_WARD_COURSES), open=True, icu=False)
    return [*pre, target, *post, current], len(pre)


def with_current(
    r: random.Random, current: AdmissionPlan, before: tuple[int, int] = (1, 3)
) -> Plan:
    """Plans: some earlier admissions, then ``current`` as the admission in progress."""
    current.open = True
    pre = [AdmissionPlan(r.choice(FILLER_COURSES)) for _ in range(r.randint(*before))]
    return [*pre, current], len(pre)


# Read tools whose rows another read tool shows as well: the process score accepts any
# of them (an alternative is held to the arguments it shares - lab_trend to the same
# analyte and admission; run_sql, which shares none, reads any table).
SAME_ROWS: dict[str, tuple[str, ...]] = {
    "query_labs": ("lab_trend", "run_sql"),
    "lab_trend": ("query_labs", "run_sql"),
    "list_admissions": ("run_sql",),
    "get_medications": ("run_sql",),
    "get_home_medications": ("run_sql",),
    "get_microbiology": ("run_sql",),
    "get_diagnoses": ("run_sql",),
    "get_procedures": ("run_sql",),
    "get_notes": ("run_sql",),
    "get_icu_flowsheet": ("run_sql",),
    "get_ed_visits": ("run_sql",),
    "get_vitals": ("run_sql",),
}


def ref(name: str, required: bool = True, **arguments: Any) -> RefCall:
    alternatives = list(SAME_ROWS.get(name, ()))
    return RefCall(name=name, arguments=arguments, required=required, alternatives=alternatives)


def evidence_refs(*scored: Any, skip: tuple[str, ...] = ()) -> list[RefCall]:
    """The observe calls that show what the given scores read (score tools are gated on
    them, see :mod:`.score_tools`), optional for the process score: the agent may see
    the same rows another way (a window of its own, or run_sql)."""
    from .score_tools import observation_calls

    reads = [r for s in scored for r in s.reads]
    return [ref(n, False, **a) for n, a in observation_calls(reads) if n not in skip]


def short(ts: str) -> str:
    return ts[:16]
