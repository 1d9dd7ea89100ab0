"""Agreement with MedCalc-Bench's 164 dev rows (../shared/benchmarks/medcalc_bench).

Rows where we are convinced the benchmark's ground truth is wrong are listed,
with the reasoning, in benchmarks/medcalc_disagreements.md; they are expected
to disagree (and the test fails if such a row starts to agree, so the list
stays honest).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from healthgym.clinical.medcalc import adapters, compute
from healthgym.clinical.medcalc.dataset import is_correct, load_rows
from shared_data import BENCHMARKS, needs_shared

ROOT = Path(__file__).resolve().parents[1]
DEV = BENCHMARKS / "medcalc_bench" / "dev_data.csv"
DISAGREEMENTS = ROOT / "benchmarks" / "medcalc_disagreements.md"

pytestmark = needs_shared(DEV)


def disputed_rows() -> set[int]:
    """Row numbers in the first column of the disagreements table."""
    if not DISAGREEMENTS.exists():
        return set()
    rows = set()
    for line in DISAGREEMENTS.read_text().splitlines():
        m = re.match(r"^\|\s*(\d+)\s*\|", line)
        if m:
            rows.add(int(m.group(1)))
    return rows


ROWS = load_rows(DEV) if DEV.exists() else []


@pytest.mark.parametrize(
    "row", ROWS, ids=[f"row{r.row_number}-calc{r.calculator_id}" for r in ROWS]
)
def test_dev_row(row):
    if row.calculator_id not in adapters():
        pytest.fail(f"no adapter for calculator {row.calculator_id} ({row.calculator_name})")
    answer = compute(row.calculator_id, row.entities)
    ok = is_correct(answer, row)
    if row.row_number in disputed_rows():
        assert not ok, f"row {row.row_number} now agrees; remove it from the disagreements list"
    else:
        assert ok, (row.calculator_name, answer, row.ground_truth, row.lower, row.upper)


def test_every_calculator_has_an_adapter():
    assert {r.calculator_id for r in ROWS} <= set(adapters())
    assert len({r.calculator_id for r in ROWS}) == 55


def test_benchmark_script_reports_json():
    import json
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "medcalc_dev.py"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout)
    assert result["rows"] == 164 and result["input_errors"] == 0
    assert result["correct"] + result["disputed_rows"] == 164
    assert result["accuracy_excluding_disputed"] == 1.0
