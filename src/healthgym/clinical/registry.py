"""The one registry of clinical calculators: every score and formula, by name, with its
metadata.

Scores (:mod:`healthgym.clinical.scores`, points or criteria from a published table)
and formula calculators (:mod:`healthgym.clinical.calculators`) are listed by the
``__all__`` of their specialty modules, :data:`SCORE_MODULES` and
:data:`CALCULATOR_MODULES`; two calculators may not share a name.  Every calculator
takes keyword-only inputs, cites its source in its docstring and returns a
:class:`~healthgym.clinical.scores.result.ScoreResult`.

Look-ups: :func:`calculator` (one function by name), :func:`calculators` (name ->
function), :func:`registry` (name -> :class:`Calculator` with its metadata) and
:func:`core_scores` (the bedside scores the knowledge corpus and medical_qa's
``calculate`` tool offer).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .scores.result import ScoreResult

SCORE_MODULES = (
    "healthgym.clinical.scores.acid_base",
    "healthgym.clinical.scores.caprini",
    "healthgym.clinical.scores.cardiac",
    "healthgym.clinical.scores.cardiology_rules",
    "healthgym.clinical.scores.dosing",
    "healthgym.clinical.scores.early_warning",
    "healthgym.clinical.scores.gastro",
    "healthgym.clinical.scores.icu",
    "healthgym.clinical.scores.injury_rules",
    "healthgym.clinical.scores.neuro",
    "healthgym.clinical.scores.obstetric",
    "healthgym.clinical.scores.pancreatitis",
    "healthgym.clinical.scores.pharyngitis",
    "healthgym.clinical.scores.pneumonia",
    "healthgym.clinical.scores.psychiatric",
    "healthgym.clinical.scores.pulmonary",
    "healthgym.clinical.scores.readmission",
    "healthgym.clinical.scores.renal_scores",
    "healthgym.clinical.scores.risk",
    "healthgym.clinical.scores.sepsis",
    "healthgym.clinical.scores.substance_use",
    "healthgym.clinical.scores.trauma_triage",
    "healthgym.clinical.scores.triage",
    "healthgym.clinical.scores.vte",
    "healthgym.clinical.scores.vte_severity",
)

CALCULATOR_MODULES = (
    "healthgym.clinical.calculators.renal",
    "healthgym.clinical.calculators.body",
    "healthgym.clinical.calculators.electrolytes",
    "healthgym.clinical.calculators.metabolic",
    "healthgym.clinical.calculators.qtc",
    "healthgym.clinical.calculators.obstetric_dates",
    "healthgym.clinical.calculators.medications",
    "healthgym.clinical.calculators.cardiovascular_risk",
    "healthgym.clinical.calculators.hepatic",
)

# The bedside scores offered since the first suite: the knowledge corpus's score
# passages and medical_qa's calculate tool are built from these.  A fixed list, so
# their content does not change when the library grows.
CORE_SCORES: frozenset[str] = frozenset(
    {
        "abcd2",
        "alvarado",
        "anion_gap",
        "apache_ii",
        "bisap",
        "caprini",
        "centor_mcisaac",
        "cha2ds2_vasc",
        "charlson",
        "child_pugh",
        "crb65",
        "curb65",
        "feverpain",
        "gcs",
        "glasgow_blatchford",
        "has_bled",
        "heart_score",
        "meld_na",
        "news2",
        "perc",
        "psi",
        "qsofa",
        "rcri",
        "shock_index",
        "sirs",
        "sofa",
        "timi_ua_nstemi",
        "wells_dvt",
        "wells_pe",
    }
)

# Scores whose value is a stage, category, rule outcome or formula rather than the
# sum of their components.
NON_ADDITIVE_SCORES: frozenset[str] = frozenset(
    {
        "meld_na",
        "shock_index",
        "kdigo_aki_stage",
        "esi_level",
        "start_triage",
        "jumpstart_triage",
        "c_ssrs_screen",
        "ottawa_ankle_rule",
        "ottawa_foot_rule",
        "canadian_ct_head_rule",
        "duke_criteria",
        "qtc_risk_category",
        "egfr_dose_band",
    }
)

CalculatorKind = Literal["score", "formula"]


@dataclass(frozen=True)
class Calculator:
    """One registered calculator and its metadata.

    ``kind``: ``"score"`` (points or criteria, :mod:`healthgym.clinical.scores`) or
    ``"formula"`` (:mod:`healthgym.clinical.calculators`); ``specialty``: its module
    (``"sepsis"``, ``"cardiac"``, ``"renal"``, ...); ``additive``: a score whose value
    is the sum of its components; ``core``: one of :data:`CORE_SCORES`.
    """

    name: str
    fn: Callable[..., ScoreResult]
    kind: CalculatorKind
    specialty: str
    additive: bool
    core: bool


@cache
def registry() -> dict[str, Calculator]:
    """Name -> :class:`Calculator` for every score and formula calculator, by name."""
    table: dict[str, Calculator] = {}
    for kind, modules in (("score", SCORE_MODULES), ("formula", CALCULATOR_MODULES)):
        for module_name in modules:
            module = importlib.import_module(module_name)
            for name in module.__all__:
                fn = getattr(module, name)
                if name in table and table[name].fn is not fn:
                    raise RuntimeError(f"two calculators are called {name!r}")
                table[name] = Calculator(
                    name=name,
                    fn=fn,
                    kind=kind,  # type: ignore[arg-type]
                    specialty=module_name.rsplit(".", 1)[1],
                    additive=kind == "score" and name not in NON_ADDITIVE_SCORES,
                    core=name in CORE_SCORES,
                )
    missing = CORE_SCORES - set(table)
    if missing:
        raise RuntimeError(f"core scores not registered: {sorted(missing)}")
    return dict(sorted(table.items()))


@cache
def calculators() -> dict[str, Callable[..., ScoreResult]]:
    """Name -> function for every score and formula calculator."""
    return {name: c.fn for name, c in registry().items()}


@cache
def core_scores() -> dict[str, Callable[..., ScoreResult]]:
    """Name -> function for the :data:`CORE_SCORES`."""
    return {name: c.fn for name, c in registry().items() if c.core}


def calculator(name: str) -> Callable[..., ScoreResult]:
    """The calculator called ``name``; a KeyError naming the registry if there is none."""
    try:
        return registry()[name].fn
    except KeyError:
        raise KeyError(
            f"no calculator {name!r} in healthgym.clinical.registry (see `healthgym calc --list`)"
        ) from None


__all__ = [
    "CALCULATOR_MODULES",
    "CORE_SCORES",
    "NON_ADDITIVE_SCORES",
    "SCORE_MODULES",
    "Calculator",
    "CalculatorKind",
    "calculator",
    "calculators",
    "core_scores",
    "registry",
]
