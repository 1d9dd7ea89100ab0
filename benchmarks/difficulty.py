"""Where each domain's difficulty comes from, per task type (issue 15, point 4).

    python benchmarks/difficulty.py [--json] [--quick] [--domains all|d1,d2 ...]

For every domain and task type of the TEST split it reports:

* ``tasks``: how many test tasks have that type;
* ``oracle_calls``: tool calls the reference solution makes before submitting
  (``len(task.reference.calls)`` without the submit call): mean, min, max;
* ``facts``: how many distinct facts decide the answer, defined (a proxy, stated
  plainly) as the number of REQUIRED reference calls (each is evidence the process
  score asks for: a finding, a result, a measurement) plus the number of answer units
  the grader scores (one per scalar field of ``task.reference.answer``, one per item
  of a list field, so a 3-drug plan counts 3): mean, min, max;
* ``lazy_accuracy``: mean accuracy of the lazy policy (most common training answer);
* ``shallow_reader_accuracy``: mean accuracy of the shallow reader
  (``benchmarks/shallow_reader.py``) with that domain's best answer rule.

Task types are read from each domain's own label (see :data:`TYPE_KEYS`):
drug_interaction ``hidden.task_type``; medical_qa, triage_emergency and
visual_diagnosis ``hidden.kind``; ehr_management ``grader.kind``; obstetrics
``grader.type``; psychiatry ``hidden.variant`` (the generated case, e.g. ``mdd_severe``);
radiology_report ``hidden.family`` (breast, thyroid, chest_nodule, renal, ...);
cross_domain ``grader.pathway``; clinical_diagnosis has no type label, so its type is
the generated condition (``hidden.patient.condition``). A domain without any of these
falls back to the first of ``hidden.task_type/kind/variant`` or
``grader.kind/type/pathway`` that is set, else "all".

``--json`` prints ``{domain: {task_type: {...}}}``; ``--quick`` uses the shallow
reader's quick sample (8 test tasks per domain).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import shallow_reader

from healthgym.domains import get_domain
from healthgym.tasks import Task

# domain -> (where, key path) of its task-type label
TYPE_KEYS: dict[str, tuple[str, ...]] = {
    "clinical_diagnosis": ("hidden", "patient", "condition"),
    "drug_interaction": ("hidden", "task_type"),
    "medical_qa": ("hidden", "kind"),
    "ehr_management": ("grader", "kind"),
    "triage_emergency": ("hidden", "kind"),
    "obstetrics": ("grader", "type"),
    "psychiatry": ("hidden", "variant"),
    "radiology_report": ("hidden", "family"),
    "visual_diagnosis": ("hidden", "kind"),
    "cross_domain": ("grader", "pathway"),
}
_FALLBACK = (
    ("hidden", "task_type"),
    ("hidden", "kind"),
    ("hidden", "variant"),
    ("grader", "kind"),
    ("grader", "type"),
    ("grader", "pathway"),
)


def _get(task: Task, path: tuple[str, ...]) -> Any:
    node: Any = getattr(task, path[0])
    for key in path[1:]:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def task_type(task: Task) -> str:
    """The task's type label (see the module docstring)."""
    paths = [TYPE_KEYS[task.domain]] if task.domain in TYPE_KEYS else []
    for path in [*paths, *_FALLBACK]:
        value = _get(task, path)
        if isinstance(value, (str, int)) and str(value):
            return str(value)
    return "all"


def oracle_calls(task: Task) -> int:
    """Tool calls of the reference solution before its submit call."""
    submit = get_domain(task.domain).submit_tool
    return sum(c.name != submit for c in task.reference.calls)


def answer_units(answer: dict[str, Any]) -> int:
    """Scalar fields count 1, list fields one per item (an empty list counts 1)."""
    return sum(max(1, len(v)) if isinstance(v, list) else 1 for v in answer.values())


def facts(task: Task) -> int:
    """Required reference calls plus graded answer units (see the module docstring)."""
    submit = get_domain(task.domain).submit_tool
    required = sum(c.required and c.name != submit for c in task.reference.calls)
    return required + answer_units(task.reference.answer)


def _stats(xs: list[float]) -> dict[str, float]:
    return {"mean": round(sum(xs) / len(xs), 2), "min": min(xs), "max": max(xs)}


def difficulty(
    records: dict[str, list[dict[str, Any]]], best_rule: dict[str, str]
) -> dict[str, dict[str, dict[str, Any]]]:
    """``{domain: {task_type: {...}}}`` from the shallow reader's per-task records."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for domain, recs in records.items():
        reader = f"shallow_reader:{best_rule[domain]}"
        groups: dict[str, list[dict[str, Any]]] = {}
        for r in recs:
            groups.setdefault(task_type(r["task"]), []).append(r)
        out[domain] = {}
        for kind in sorted(groups):
            rs = groups[kind]
            out[domain][kind] = {
                "tasks": len(rs),
                "oracle_calls": _stats([oracle_calls(r["task"]) for r in rs]),
                "facts": _stats([facts(r["task"]) for r in rs]),
                "lazy_accuracy": shallow_reader.mean([r["scores"]["lazy"]["accuracy"] for r in rs]),
                "shallow_reader_accuracy": shallow_reader.mean(
                    [r["scores"][reader]["accuracy"] for r in rs]
                ),
            }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print JSON keyed by domain, type")
    ap.add_argument("--quick", action="store_true", help="8 test tasks per domain")
    ap.add_argument("--domains", nargs="*", help="'all' (default) or domain names")
    args = ap.parse_args(argv)
    summary, records = shallow_reader.evaluate(
        shallow_reader.parse_domains(args.domains), quick=args.quick
    )
    table = difficulty(records, summary["best_rule"])
    for d, e in summary["errors"].items():
        print(f"{d}: FAILED ({e})", file=sys.stderr)
    if args.json:
        print(json.dumps(table, indent=2))
        return 0
    print(
        f"{'domain':18s} {'task type':36s} {'n':>3s} {'calls':>13s} {'facts':>13s} "
        f"{'lazy':>5s} {'shallow':>7s}"
    )
    for d, types in table.items():
        for kind, row in types.items():
            c, f = row["oracle_calls"], row["facts"]
            print(
                f"{d:18s} {kind[:36]:36s} {row['tasks']:3d} "
                f"{c['mean']:5.1f} [{c['min']:2d}-{c['max']:2d}] "
                f"{f['mean']:5.1f} [{f['min']:2d}-{f['max']:2d}] "
                f"{row['lazy_accuracy']:5.2f} {row['shallow_reader_accuracy']:7.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
