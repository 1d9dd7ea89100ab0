"""Accuracy of healthgym's calculators on MedCalc-Bench rows, per calculator and overall.

    python benchmarks/medcalc_dev.py [--data PATH/dev_data.csv] [--quick] [--json]

Each row's "Relevant Entities" go through ``healthgym.clinical.medcalc.compute``
and the answer is scored by MedCalc-Bench's own rules (decimals within the row's
limits, integers exact after rounding, dates exact, gestational age as (weeks,
days)).  Rows listed in benchmarks/medcalc_disagreements.md (labels we believe
are wrong, with reasons) are reported separately.

``--quick`` scores the first 40 rows.  Without the data file (the shared benchmarks
are not part of the repository) the run says so instead of failing:
``{"unavailable": "<reason>", "quick": ..., "data": PATH}``.
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
QUICK_ROWS = 40


def disputed() -> set[int]:
    text = (HERE / "medcalc_disagreements.md").read_text()
    return {int(m.group(1)) for m in re.finditer(r"^\|\s*(\d+)\s*\|", text, re.MULTILINE)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--quick", action="store_true", help=f"the first {QUICK_ROWS} rows only")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.data.exists():
        reason = f"MedCalc-Bench dev data not found at {args.data}"
        if args.json:
            print(json.dumps({"unavailable": reason, "quick": args.quick, "data": str(args.data)}))
        else:
            print(f"unavailable: {reason}")
        return
    rows = load_rows(args.data)
    if args.quick:
        rows = rows[:QUICK_ROWS]
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
        "quick": args.quick,
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
