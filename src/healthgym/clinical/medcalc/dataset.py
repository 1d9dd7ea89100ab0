"""Load MedCalc-Bench CSV rows and score answers by the benchmark's own rules.

MedCalc-Bench (Khandekar et al., NeurIPS 2024 Datasets and Benchmarks) accepts a
decimal answer inside the row's [Lower Limit, Upper Limit] (ground truth +-5%),
an integer score only when equal after rounding, a date only when identical
(MM/DD/YYYY), and a gestational age only as the same (weeks, days) pair.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class MedCalcRow:
    row_number: int
    calculator_id: int
    calculator_name: str
    output_type: str  # 'decimal', 'integer', 'date'
    note: str
    question: str
    entities: dict[str, Any]
    ground_truth: str
    lower: str
    upper: str
    explanation: str


def load_rows(path: str | Path) -> list[MedCalcRow]:
    """Rows of a MedCalc-Bench CSV (dev_data.csv or test_data.csv layout)."""
    rows = []
    with Path(path).open(newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows.append(
                MedCalcRow(
                    row_number=int(r["Row Number"]),
                    calculator_id=int(r["Calculator ID"]),
                    calculator_name=r["Calculator Name"],
                    output_type=r["Output Type"],
                    note=r["Patient Note"],
                    question=r["Question"],
                    entities=ast.literal_eval(r["Relevant Entities"]),
                    ground_truth=r["Ground Truth Answer"],
                    lower=r["Lower Limit"],
                    upper=r["Upper Limit"],
                    explanation=r["Ground Truth Explanation"],
                )
            )
    return rows


def _weeks_days(value: Any) -> tuple[int, int] | None:
    if isinstance(value, str):
        try:
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return None
    if isinstance(value, (tuple, list)) and len(value) == 2:
        nums = [int(re.sub(r"[^0-9]", "", str(v)) or -1) for v in value]
        return nums[0], nums[1]
    return None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.datetime.strptime(str(value).strip(), "%m/%d/%Y").date()
    except ValueError:
        return None


def is_correct(answer: Any, row: MedCalcRow) -> bool:
    """Whether ``answer`` counts as correct for ``row`` under MedCalc-Bench's rules."""
    gt_ga = _weeks_days(row.ground_truth) if row.ground_truth.startswith("(") else None
    if gt_ga is not None:
        return _weeks_days(answer) == gt_ga
    if row.output_type == "date":
        return _date(answer) is not None and _date(answer) == _date(row.ground_truth)
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return False
    if row.output_type == "integer":
        return round(value) == round(float(row.ground_truth))
    return float(row.lower) <= value <= float(row.upper)
