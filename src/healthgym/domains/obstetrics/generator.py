"""Shared pieces of the seeded case generators: the baseline pregnant patient and the
:class:`Case` every task-type builder returns.

The baseline is a healthy pregnancy (normal blood pressures and laboratory values,
blood group drawn from the approximate US distribution: O 44%, A 42%, B 10%, AB 4%,
Rh D-negative 15%); each builder then writes the findings of its scenario.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np

from ...clinical.guidelines.obstetric_dating import ga_text
from ...clinical.guidelines.plan import Plan
from ...patients import names
from ...tasks import RefCall, SafetyRule
from .records import BPReading, ObPatient

T = TypeVar("T")
FIRST_VISIT_DAY = dt.date(2024, 1, 8)
NEGATIVES = (
    "No headache.",
    "No visual disturbance.",
    "No abdominal pain.",
    "No shortness of breath.",
    "No vaginal bleeding or leaking of fluid.",
    "Fetal movements normal.",
)


@dataclass
class Case:
    """One generated scenario: the patient, the question and its reference answer."""

    patient: ObPatient
    request: str  # the task's question, after the patient's introduction
    finding: str
    plan: Plan
    calls: list[RefCall]  # the reference calls before the submission
    evidence: list[list[str]]  # groups of evidence keys; one key of each must be seen
    ga_weeks: int  # gestational age (at delivery for postpartum cases) for drug rules
    score: float | None = None
    edd: str | None = None
    medications: list[str] | None = None  # reference medication list
    medication_spec: dict[str, Any] | None = None
    safety: list[SafetyRule] = field(default_factory=list)


def pick(rng: np.random.Generator, items: Sequence[T]) -> T:
    return items[int(rng.integers(len(items)))]


def between(rng: np.random.Generator, lo: float, hi: float, decimals: int = 0) -> float:
    value = float(rng.uniform(lo, hi))
    return round(value, decimals) if decimals else float(round(value))


def ri(rng: np.random.Generator, lo: int, hi: int) -> int:
    """Random integer in [lo, hi]."""
    return int(rng.integers(lo, hi + 1))


def normal_bp(rng: np.random.Generator) -> list[BPReading]:
    return [
        BPReading(minutes=m, sbp=ri(rng, 104, 128), dbp=ri(rng, 62, 80))
        for m in (0, ri(rng, 15, 40))
    ]


def base_patient(
    rng: np.random.Generator, pid: str, ga_days: int | None, setting: str
) -> dict[str, Any]:
    """The fields of a healthy patient at ``ga_days`` (None: not yet dated)."""
    age = ri(rng, 18, 42)
    gravida = ri(rng, 1, 5)
    para = ri(rng, 0, gravida - 1)
    visit = FIRST_VISIT_DAY + dt.timedelta(days=ri(rng, 0, 700))
    fields: dict[str, Any] = {
        "id": pid,
        "name": f"{pick(rng, names.FEMALE)} {pick(rng, names.SURNAMES)}",
        "age": age,
        "gravida": gravida,
        "para": para,
        "visit_date": visit.isoformat(),
        "setting": setting,
        "history": [previous_births(para), "No chronic medical conditions."],
        "symptoms": [],
        "negatives": list(NEGATIVES),
        "exam": {},
        "vitals": {
            "hr": ri(rng, 72, 96),
            "temp_c": between(rng, 36.5, 37.2, 1),
            "rr": ri(rng, 14, 18),
            "spo2": ri(rng, 97, 99),
        },
        "bp_start": f"{ri(rng, 8, 15):02d}:{pick(rng, ('00', '10', '20', '30', '40', '50'))}",
        "bp": normal_bp(rng),
        "labs": normal_labs(rng),
    }
    if ga_days is not None:
        fields["ga_days"] = ga_days
        fields["lmp"] = (visit - dt.timedelta(days=ga_days)).isoformat()
        fields["lmp_note"] = "certain of the date, regular 28-day cycles"
        fields["dating_note"] = "dated by a first-trimester ultrasound concordant with the LMP"
    return fields


def previous_births(para: int) -> str:
    if para == 0:
        return "No previous births."
    return f"{para} previous uncomplicated vaginal birth{'s' if para > 1 else ''} at term."


def normal_labs(rng: np.random.Generator) -> dict[str, float | str]:
    abo = str(rng.choice(["O", "A", "B", "AB"], p=[0.44, 0.42, 0.10, 0.04]))
    return {
        "abo": abo,
        "rh": "negative" if rng.random() < 0.15 else "positive",
        "antibody_screen": "negative",
        "hemoglobin": between(rng, 11.2, 13.6, 1),
        "platelets": float(ri(rng, 165, 340)),
        "wbc": between(rng, 7.0, 13.0, 1),
        "creatinine": between(rng, 0.45, 0.75, 2),
        "ast": float(ri(rng, 14, 30)),
        "alt": float(ri(rng, 10, 28)),
        "ldh": float(ri(rng, 150, 300)),
        "upcr": between(rng, 0.05, 0.15, 2),
    }


def intro(p: ObPatient, ga_days: int | None = None) -> str:
    """'A 31-year-old G2P1 at 35+2 weeks' (without the age when not given)."""
    text = f"A {p.age}-year-old G{p.gravida}P{p.para}"
    return text + (f" at {ga_text(ga_days)}" if ga_days is not None else "")


def answer_actions(plan: Plan) -> list[str]:
    """The reference actions: the first option of each required group."""
    return [group[0] for group in plan.required]
