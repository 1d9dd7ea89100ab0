"""Scenarios: changes to an admission that set up an action or duplication task.

* ``nephrotoxin`` - creatinine rising to 1.9-2.6 x baseline by now while an NSAID (and
  in urosepsis sometimes gentamicin) is still ordered; RAAS inhibitors already held.
* ``hyperkalemia`` - potassium rising to 6.4-7.0 mmol/L by now in heart failure while
  drugs that raise potassium are still ordered (no heparin is ordered, see drugs.py).
* ``bleed`` - haemoglobin falling to 6.8-7.6 g/dL by now with tachycardia (an in-hospital
  gastrointestinal bleed) while antithrombotics are still ordered.
* ``duplicate`` - a second drug of an already-ordered class is started (therapeutic
  duplication); in a finished admission a pharmacist stops it after 1-2 days.
"""

from __future__ import annotations

import random

from .courses import CourseSpec, DrugOrder, Series
from .drugs import DRUGS

SCENARIO_NEEDS: dict[str, tuple[str, ...]] = {"bleed": ("af",), "hyperkalemia": ("chf",)}
RAAS = ("lisinopril", "losartan", "spironolactone")
DUPLICATE_OPTIONS: dict[str, tuple[str, ...]] = {
    "ppi": ("pantoprazole", "omeprazole", "esomeprazole"),
    "vte_prophylaxis": ("heparin_sc", "enoxaparin"),
    "statin": ("atorvastatin", "simvastatin"),
    "loop_diuretic": ("furosemide", "bumetanide"),
    "raas": ("lisinopril", "losartan"),
}


def _active(o: DrugOrder, hour: float) -> bool:
    return o.start_h <= hour and (o.stop_h is None or o.stop_h > hour)


def _rise(spec: CourseSpec, key: str, knots: list[tuple[float, float]], group: str, now: float):
    spec.labs[key] = Series(knots)
    spec.lab_hours.setdefault(group, []).append(now - 0.5)


def apply_scenario(
    r: random.Random,
    scenario: str,
    spec: CourseSpec,
    orders: list[DrugOrder],
    base: dict[str, float],
    now_h: float | None,
) -> None:
    """Change the course and its orders in place for an action scenario."""
    if scenario == "duplicate" or now_h is None:
        return
    if scenario == "nephrotoxin":
        b = base["creatinine"]
        peak = b * r.uniform(1.9, 2.6)
        _rise(
            spec, "creatinine", [(0, b * 1.05), (now_h - 30, b * 1.3), (now_h, peak)], "bmp", now_h
        )
        spec.labs["bun"] = Series([(0, base["bun"]), (now_h, base["bun"] * 2.2)])
        orders[:] = [o for o in orders if o.drug != "vancomycin"]
        for o in orders:
            if o.drug in RAAS:
                o.start_h = now_h + 24  # held since admission, not restarted yet
        if not any(DRUGS[o.drug].nephrotoxic and _active(o, now_h) for o in orders):
            orders.append(DrugOrder(r.choice(["ketorolac", "ibuprofen"]), r.uniform(2, 12), None))
        if spec.course == "sepsis_aki" and r.random() < 0.5:
            orders.append(DrugOrder("gentamicin", r.uniform(1, 3), None))
    elif scenario == "hyperkalemia":
        knots = [(0, r.uniform(4.3, 4.8)), (now_h - 24, r.uniform(5.3, 5.7))]
        _rise(spec, "potassium", [*knots, (now_h, r.uniform(6.5, 7.0))], "bmp", now_h)
        orders[:] = [o for o in orders if DRUGS[o.drug].duplicate_class != "vte_prophylaxis"]
        raisers = [o for o in orders if DRUGS[o.drug].raises_potassium and _active(o, now_h)]
        if not raisers or r.random() < 0.5:
            orders.append(DrugOrder("potassium_chloride", r.uniform(4, 16), None))
    elif scenario == "bleed":
        h = base["hemoglobin"]
        knots = [(0, h), (now_h - 20, h - 1.3), (now_h, r.uniform(6.9, 7.5))]
        _rise(spec, "hemoglobin", knots, "cbc", now_h)
        spec.vitals["hr"] = Series(
            [(0, base["hr"]), (now_h - 12, 88), (now_h, r.uniform(106, 120))]
        )
        spec.vitals["sbp"] = Series(
            [(0, base["sbp"]), (now_h - 12, 120), (now_h, r.uniform(94, 104))]
        )
        if not any(DRUGS[o.drug].antithrombotic and _active(o, now_h) for o in orders):
            orders.append(DrugOrder("heparin_sc", 4, None))


def add_duplicate(
    r: random.Random, spec: CourseSpec, orders: list[DrugOrder], now_h: float | None
) -> tuple[str, str, float]:
    """Start a second drug of an ordered class; return (first, second, an hour both run)."""
    used = {o.drug for o in orders}
    anticoagulated = bool({"apixaban", "warfarin"} & used)

    def window(o: DrugOrder) -> tuple[float, float] | None:
        lo = o.start_h + 4
        if now_h is not None:
            hi = now_h - 3
            return (lo, hi) if _active(o, now_h) and hi - lo > 2 else None
        end = min(o.stop_h if o.stop_h is not None else spec.los_h, spec.los_h) - 44
        return (lo, min(end, lo + 30)) if end - lo > 2 else None

    candidates = []
    for o in orders:
        cls = DRUGS[o.drug].duplicate_class
        if cls is None or (cls == "vte_prophylaxis" and anticoagulated):
            continue
        others = [k for k in DUPLICATE_OPTIONS[cls] if k not in used]
        span = window(o)
        if others and span:
            candidates.append((o, others, span))
    if not candidates:
        first = DrugOrder("pantoprazole", 2, None)
        orders.append(first)
        others = [k for k in DUPLICATE_OPTIONS["ppi"] if k not in used and k != "pantoprazole"]
        span = window(first) or (6.0, 8.0)
        candidates = [(first, others, span)]
    first, others, (lo, hi) = r.choice(sorted(candidates, key=lambda c: c[0].drug))
    start = r.uniform(lo, hi)
    second = r.choice(others)
    if now_h is None:
        stop = start + r.uniform(24, 40)
        orders.append(DrugOrder(second, start, stop))
        return first.drug, second, start + 12
    orders.append(DrugOrder(second, start, None))
    return first.drug, second, (start + now_h) / 2
