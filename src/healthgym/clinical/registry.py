"""Every calculator and score of :mod:`healthgym.clinical`, by name."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache

from .scores.result import ScoreResult

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


@cache
def calculators() -> dict[str, Callable[..., ScoreResult]]:
    """Name -> function for every score and formula calculator."""
    from .scores import SCORES
    from .scores.more import MORE_SCORES

    table: dict[str, Callable[..., ScoreResult]] = {**SCORES}
    for name, fn in MORE_SCORES.items():
        _add(table, name, fn)
    for module_name in CALCULATOR_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            _add(table, name, getattr(module, name))
    return dict(sorted(table.items()))


def _add(
    table: dict[str, Callable[..., ScoreResult]], name: str, fn: Callable[..., ScoreResult]
) -> None:
    if name in table and table[name] is not fn:
        raise RuntimeError(f"two calculators are called {name!r}")
    table[name] = fn
