"""Pregnancy dating calculator tool: due date, conception date and gestational age."""

from __future__ import annotations

from typing import Any, Literal

from ...clinical.calculators import obstetric_dates
from ..registry import tool
from ._common import run


@tool(kind="compute")
def calc_pregnancy_dates(
    state: Any,
    measure: Literal["due_date", "conception_date", "gestational_age"],
    lmp: str,
    cycle_length: int = 28,
    current_date: str | None = None,
) -> str:
    """Pregnancy dating from the last menstrual period: due date, conception date, gestational age.

    Args:
        measure: which date or age to compute.
        lmp: first day of the last menstrual period (YYYY-MM-DD or MM/DD/YYYY).
        cycle_length: usual cycle length in days (due and conception dates).
        current_date: today's date (gestational age).
    """
    if measure == "gestational_age":
        return run(
            obstetric_dates.gestational_age,
            {"current_date": current_date},
            lmp=lmp,
            current_date=current_date,
        )
    fn = obstetric_dates.due_date if measure == "due_date" else obstetric_dates.conception_date
    return run(fn, {}, lmp=lmp, cycle_length=cycle_length)
