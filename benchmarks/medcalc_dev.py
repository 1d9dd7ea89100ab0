"""Accuracy of healthgym's calculators on MedCalc-Bench rows, per calculator and overall.

    python benchmarks/medcalc_dev.py [--data PATH/dev_data.csv] [--json]

Each row's "Relevant Entities" go through ``healthgym.clinical.medcalc.compute``
and the answer is scored by MedCalc-Bench's own rules (decimals within the row's
limits, integers exact after rounding, dates exact, gestational age as (weeks,
days)).  Rows listed in benchmarks/medcalc_disagreements.md (labels we believe
are wrong, with reasons) are reported separately.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.medcalc import compute
from healthgym.clinical.medcalc.dataset import is_correct, load_rows

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "benchmarks" / "medcalc_bench" / "dev_data.csv"


def disputed() -> set[int]:
    text = (HERE / "medcalc_disagreements.md").read_text()
    return {int(m.group(1)) for m in re.finditer(r"^\|\s*(\d+)\s*\|", text, re.MULTILINE)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rows = load_rows(args.data)
    bad = disputed()
    per: dict[str, dict[str, int]] = defaultdict(lambda: {"rows": 0, "correct": 0, "disputed": 0})
    errors = 0
    for row in rows:
        stats = per[f"{row.calculator_id} {row.calculator_name}"]
        stats["rows"] += 1
        try:
            ok = is_correct(compute(row.calculator_id, row.entities), row)
        except CalculatorInputError:
            ok, errors = False, errors + 1
        stats["correct"] += ok
        stats["disputed"] += row.row_number in bad
    n = len(rows)
    correct = sum(s["correct"] for s in per.values())
    n_disputed = sum(s["disputed"] for s in per.values())
    result = {
        "rows": n,
        "correct": correct,
        "accuracy": correct / n if n else 0.0,
        "disputed_rows": n_disputed,
        "accuracy_excluding_disputed": correct / (n - n_disputed) if n > n_disputed else 0.0,
        "input_errors": errors,
        "by_calculator": {k: {**v, "accuracy": v["correct"] / v["rows"]} for k, v in per.items()},
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for name, s in sorted(per.items(), key=lambda kv: int(kv[0].split()[0])):
        flag = f"  ({s['disputed']} disputed)" if s["disputed"] else ""
        print(f"{name[:60]:<60} {s['correct']}/{s['rows']}{flag}")
    print(
        f"overall: {correct}/{n} = {result['accuracy']:.3f}; excluding {n_disputed} disputed "
        f"rows: {result['accuracy_excluding_disputed']:.3f}; input errors: {errors}"
    )


if __name__ == "__main__":
    main()
