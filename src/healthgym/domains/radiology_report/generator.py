"""Common pieces of the study generator: people, dates, the case a builder returns.

Every builder (gen_chest, gen_thyroid, gen_breast, gen_renal) draws a coherent patient
and study from a ``numpy`` generator seeded by the task seed and returns a
:class:`Case`: the study (hidden record), the arguments a correct reading passes to the
system's rule tool, and the extra reference calls and report text the task needs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ...patients import names
from ...tasks import RefCall
from .records import Clinician, Finding, PatientInfo, Study

FIRST_STUDY_DAY = dt.date(2023, 1, 2)
STUDY_DAYS = 3 * 365


@dataclass
class Case:
    """A generated study and what a correct reading of it passes to the tools."""

    study: Study
    system: str
    rule_tool: str
    rule_args: dict[str, Any]
    index_ids: list[str]  # findings the reference must examine
    optional_ids: list[str] = field(default_factory=list)  # findings it may examine
    extra_calls: list[RefCall] = field(default_factory=list)  # prior, growth, diameter
    lesion_size_mm: float | None = None  # graded for Fleischner and TI-RADS
    tirads_points: int | None = None
    growth_mm: float | None = None
    vdt_days: float | None = None
    critical: str = "none"
    lesion_text: str = ""  # the index lesion as the reference impression states it
    findings_text: str = ""  # the reference findings section


def pick(rng: np.random.Generator, options: tuple[Any, ...] | list[Any]) -> Any:
    return options[int(rng.integers(len(options)))]


def person(rng: np.random.Generator, sex: str | None = None) -> tuple[str, str]:
    """(full name, sex) from the project's name pools."""
    sex = sex or pick(rng, ("female", "male"))
    first = pick(rng, names.FEMALE if sex == "female" else names.MALE)
    return f"{first} {pick(rng, names.SURNAMES)}", sex


def patient(rng: np.random.Generator, age: int, sex: str | None = None) -> PatientInfo:
    name, sex = person(rng, sex)
    return PatientInfo(name=name, age=age, sex=sex, mrn=f"MRN{int(rng.integers(10**6, 10**7))}")


def clinician(rng: np.random.Generator, service: str, avoid_surname: str) -> Clinician:
    """The ordering clinician, whose surname differs from the patient's."""
    while True:
        name, _ = person(rng)
        if name.split()[-1] != avoid_surname:
            break
    phone = f"extension {int(rng.integers(2000, 9000))}"
    return Clinician(name=f"Dr {name}", service=service, phone=phone)


def study_date(rng: np.random.Generator) -> dt.date:
    return FIRST_STUDY_DAY + dt.timedelta(days=int(rng.integers(STUDY_DAYS)))


def study_time(rng: np.random.Generator) -> str:
    return f"{int(rng.integers(7, 22)):02d}:{int(rng.integers(0, 60)):02d}"


def accession(rng: np.random.Generator, modality: str) -> str:
    return f"{modality}{int(rng.integers(10**7, 10**8))}"


def axes_for_mean(rng: np.random.Generator, mean_mm: int) -> tuple[int, int]:
    """Integer long and short axes whose average is exactly ``mean_mm``."""
    spread = int(rng.integers(0, min(3, (mean_mm - 1) // 3) + 1))
    return mean_mm + spread, mean_mm - spread


def build_study(
    *,
    acc: str,
    exam: str,
    modality: str,
    date: dt.date,
    time: str,
    pt: PatientInfo,
    ordering: Clinician,
    indication: str,
    history: list[str],
    technique: list[str],
    findings: list[Finding],
    normal: list[str],
    prior: Any = None,
) -> Study:
    return Study(
        accession=acc,
        exam=exam,
        modality=modality,
        date=date.isoformat(),
        time=time,
        patient=pt,
        ordering=ordering,
        indication=indication,
        history=history,
        technique=technique,
        findings=findings,
        normal=normal,
        prior=prior,
    )


def place_findings(
    rng: np.random.Generator, lesions: list[Finding], extra: Finding | None
) -> tuple[list[Finding], list[str], str | None]:
    """Number the findings F1..Fn, the extra (critical) one at a random position.

    Returns the findings, the new ids of ``lesions`` (same order) and of ``extra``.
    """
    order: list[int] = list(range(len(lesions)))  # positions; -1 marks the extra finding
    if extra is not None:
        order.insert(int(rng.integers(len(order) + 1)), -1)
    numbered = [
        (extra if k < 0 else lesions[k]).model_copy(update={"id": f"F{i + 1}"})  # type: ignore[union-attr]
        for i, k in enumerate(order)
    ]
    ids = [f"F{order.index(k) + 1}" for k in range(len(lesions))]
    extra_id = f"F{order.index(-1) + 1}" if extra is not None else None
    return numbered, ids, extra_id


def findings_text(findings: list[Finding], normal: list[str]) -> str:
    """A findings section: each finding with its details, then the normal statements."""
    parts = [f"{f.location}: {f.summary}. {' '.join(f.details)}" for f in findings]
    return " ".join([*parts, *normal])
