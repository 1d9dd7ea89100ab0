"""Turn one admission's :class:`CourseSpec` into table rows on a charting schedule.

Charting schedule (typical of US hospitals and of MIMIC-IV):

* laboratory: an admission panel, then a basic metabolic panel and blood count every
  morning at 06:00, also at 18:00 in the ICU, plus the course's extra draws (serial
  lactate, ABGs, anion-gap checks ...); liver tests and INR every other morning;
* vital signs and GCS: every 2 hours in the ICU, every 4 hours on the ward;
* urine output: 2-hourly in the ICU; vasopressor rates in 6-hour segments.

Every sampled value is the course's series at that hour plus measurement noise, rounded
to the laboratory's reported precision.  Chloride is derived from sodium, bicarbonate
and the course's anion gap, and haematocrit from haemoglobin, so the panels stay
internally consistent.  In an open admission nothing after ``now`` exists.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from .catalog import CHART_ITEMS, GCS_TEXT, LAB_ITEMS
from .courses import CourseSpec, DrugOrder, Series
from .drugs import DRUGS

GROUPS: dict[str, tuple[str, ...]] = {
    "bmp": (
        "sodium",
        "potassium",
        "bicarbonate",
        "chloride",
        "bun",
        "creatinine",
        "glucose",
        "calcium",
    ),
    "cbc": ("wbc", "hemoglobin", "hematocrit", "platelets"),
    "lft": ("bilirubin_total",),
    "coag": ("inr",),
    "abg": ("ph", "pco2", "po2"),
    "lactate": ("lactate",),
    "bnp": ("bnp",),
    "troponin_i": ("troponin_i",),
}
# absolute noise SD, or relative (as a fraction) when negative
NOISE: dict[str, float] = {
    "sodium": 1.0,
    "potassium": 0.1,
    "bicarbonate": 0.6,
    "bun": -0.04,
    "creatinine": -0.03,
    "glucose": -0.04,
    "calcium": 0.12,
    "wbc": -0.04,
    "hemoglobin": 0.15,
    "platelets": -0.04,
    "bilirubin_total": -0.05,
    "inr": 0.04,
    "ph": 0.01,
    "pco2": 1.2,
    "po2": -0.04,
    "lactate": -0.04,
    "bnp": -0.05,
    "troponin_i": -0.05,
    "anion_gap": 0.6,
}
VITAL_NOISE = {"hr": 3.0, "sbp": 4.0, "rr": 1.0, "spo2": 0.8, "temp_c": 0.12}
FIO2_STEPS = (21, 24, 28, 32, 36, 40, 45, 50, 55, 60, 70, 80, 100)
GCS_SPLIT = {
    15: (4, 5, 6),
    14: (4, 4, 6),
    13: (3, 4, 6),
    12: (3, 4, 5),
    11: (3, 3, 5),
    10: (2, 3, 5),
    9: (2, 2, 5),
}


def fmt(t: datetime) -> str:
    return t.isoformat(" ", "seconds")


@dataclass
class Builder:
    """Rows of every patient table, with MIMIC-like id counters."""

    subject_id: int
    tables: dict[str, list[list[Any]]] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)

    def add(self, table: str, row: list[Any]) -> None:
        rows = self.tables.get(table)
        if rows is None:
            rows = self.tables[table] = []
        rows.append(row)

    def next_id(self, kind: str, start: int) -> int:
        self.counters[kind] = self.counters.get(kind, start) + 1
        return self.counters[kind]


@dataclass
class AdmissionCtx:
    hadm_id: int
    admit: datetime
    spec: CourseSpec
    base: dict[str, float]  # the patient's usual values
    weight: float
    now_h: float | None  # hours from admission to "now" (open admission) or None
    orders: list[DrugOrder]  # course and home-medication orders of this admission
    stay_id: int | None = None

    @property
    def end_h(self) -> float:
        return self.now_h if self.now_h is not None else self.spec.los_h

    def time(self, hour: float) -> datetime:
        return (self.admit + timedelta(hours=hour)).replace(second=0, microsecond=0)

    def in_icu(self, hour: float) -> bool:
        icu = self.spec.icu
        return icu is not None and icu[0] <= hour < icu[1]


def _noisy(r: random.Random, key: str, value: float) -> float:
    sd = NOISE.get(key, 0.0)
    return value * (1 + r.gauss(0, -sd)) if sd < 0 else value + r.gauss(0, sd)


def _series(ctx: AdmissionCtx, key: str) -> Series:
    return ctx.spec.labs.get(key) or Series([(0, ctx.base[key])])


def _lab_schedule(ctx: AdmissionCtx, r: random.Random) -> list[tuple[float, str]]:
    spec = ctx.spec
    first = r.uniform(0.3, 1.0)
    draws = [(first, g) for g in ("bmp", "cbc", "lft", "coag")]
    draws += [(first, g) for g in ("lactate", "abg", "bnp", "troponin_i") if _has_group(spec, g)]
    day0 = ctx.admit.replace(hour=6, minute=0, second=0, microsecond=0)
    hour = (day0 - ctx.admit).total_seconds() / 3600
    day = 0
    while hour < spec.los_h:
        if hour > first + 4:
            draws += [(hour, "bmp"), (hour, "cbc")]
            if day % 2 == 1:
                draws += [(hour, "lft"), (hour, "coag")]
            if _has_group(spec, "abg") and ctx.in_icu(hour):
                draws.append((hour, "abg"))
            if ctx.in_icu(hour + 12):
                draws += [(hour + 12, "bmp"), (hour + 12, "cbc")]
        hour += 24
        day += 1
    for group, hours in spec.lab_hours.items():
        draws += [(h + r.uniform(-0.4, 0.4), group) for h in hours if h < spec.los_h]
    end = ctx.end_h
    return sorted({(round(h, 2), g) for h, g in draws if 0 < h <= end})


def _has_group(spec: CourseSpec, group: str) -> bool:
    return any(k in spec.labs for k in GROUPS[group]) or group in spec.lab_hours


def _lab_value(ctx: AdmissionCtx, key: str, hour: float, r: random.Random, cache: dict) -> float:
    if key == "chloride":
        gap = _noisy(r, "anion_gap", _series(ctx, "anion_gap").at(hour))
        return cache["sodium"] - cache["bicarbonate"] - gap
    if key == "hematocrit":
        return cache["hemoglobin"] * 3.0 + r.gauss(0, 0.8)
    return _noisy(r, key, _series(ctx, key).at(hour))


def write_labs(b: Builder, ctx: AdmissionCtx, r: random.Random) -> None:
    for hour, group in _lab_schedule(ctx, r):
        cache: dict[str, float] = {}
        when = fmt(ctx.time(hour))
        for key in GROUPS[group]:
            item = LAB_ITEMS[key]
            value = _lab_value(ctx, key, hour, r, cache)
            value = round(max(value, 0.01 if item.decimals else 1), item.decimals)
            cache[key] = value
            text = f"{value:.{item.decimals}f}"
            flag = "abnormal" if value < item.low or value > item.high else None
            row = [b.next_id("lab", 0), b.subject_id, ctx.hadm_id, item.itemid, when, text]
            b.add("labevents", [*row, value, item.unit, item.low, item.high, flag])


def _vital_value(ctx: AdmissionCtx, key: str, hour: float, r: random.Random) -> float:
    series = ctx.spec.vitals.get(key)
    value = series.at(hour) if series else ctx.base[key]
    noise = VITAL_NOISE.get(key)
    return value + r.gauss(0, noise) if noise else value


def _vital_hours(ctx: AdmissionCtx) -> list[float]:
    hours = [0.2]
    clock = ctx.admit.replace(minute=0, second=0, microsecond=0)
    clock = clock + timedelta(hours=4 - clock.hour % 4)
    h = (clock - ctx.admit).total_seconds() / 3600
    while h < ctx.spec.los_h - 0.5:
        step = 2 if ctx.in_icu(h) else 4
        if h > 0.5:
            hours.append(h)
        h += step
    icu = ctx.spec.icu
    if icu is not None:
        hours.append(icu[0] + 0.25)
    return sorted(x for x in hours if x <= ctx.end_h)


def write_vitals(b: Builder, ctx: AdmissionCtx, r: random.Random) -> None:
    weight_row = [b.subject_id, ctx.hadm_id, None, fmt(ctx.time(0.2)), CHART_ITEMS["weight"].itemid]
    b.add("chartevents", [*weight_row, f"{ctx.weight:g}", ctx.weight, "kg"])
    for hour in _vital_hours(ctx):
        stay = ctx.stay_id if ctx.in_icu(hour) else None
        when = fmt(ctx.time(hour))
        sbp = round(_vital_value(ctx, "sbp", hour, r))
        dbp = round(sbp * r.uniform(0.55, 0.62))
        wanted = _vital_value(ctx, "fio2", hour, r)
        fio2 = min(FIO2_STEPS, key=lambda s: abs(s - wanted))
        gcs = max(9, min(15, round(_vital_value(ctx, "gcs", hour, r))))
        values = {
            "hr": round(_vital_value(ctx, "hr", hour, r)),
            "sbp": sbp,
            "dbp": dbp,
            "map": round((sbp + 2 * dbp) / 3),
            "rr": round(_vital_value(ctx, "rr", hour, r)),
            "spo2": min(100, round(_vital_value(ctx, "spo2", hour, r))),
            "temp_c": round(_vital_value(ctx, "temp_c", hour, r), 1),
            "fio2": fio2,
            **dict(zip(("gcs_eye", "gcs_verbal", "gcs_motor"), GCS_SPLIT[gcs], strict=True)),
        }
        rows = b.tables.setdefault("chartevents", [])
        for key, value in values.items():
            item = CHART_ITEMS[key]
            text = GCS_TEXT[key][int(value)] if key in GCS_TEXT else f"{value:g}"
            rows.append(
                [b.subject_id, ctx.hadm_id, stay, when, item.itemid, text, value, item.unit]
            )


def write_icu_flows(b: Builder, ctx: AdmissionCtx, r: random.Random) -> None:
    spec = ctx.spec
    if spec.icu is None or ctx.stay_id is None:
        return
    start, end = spec.icu[0], min(spec.icu[1], ctx.end_h)
    if spec.urine is not None:
        h = start + 2
        while h <= end:
            ml = max(0.0, spec.urine.at(h - 1) * ctx.weight * 2 * r.uniform(0.9, 1.1))
            row = [b.subject_id, ctx.hadm_id, ctx.stay_id, fmt(ctx.time(h))]
            b.add("outputevents", [*row, CHART_ITEMS["urine"].itemid, round(ml / 5) * 5, "mL"])
            h += 2
    if spec.pressor is not None and spec.pressor_window is not None:
        h, off = spec.pressor_window
        while h < off and h < ctx.end_h:
            seg_end = min(h + 6, off)
            stop = None if ctx.now_h is not None and seg_end > ctx.now_h else ctx.time(seg_end)
            rate = max(0.01, round(spec.pressor.at(h), 2))
            row = [b.subject_id, ctx.hadm_id, ctx.stay_id, fmt(ctx.time(h))]
            row += [fmt(stop) if stop else None, CHART_ITEMS["norepinephrine"].itemid, rate]
            b.add("inputevents", [*row, "mcg/kg/min", ctx.weight])
            h = seg_end


_TEST_NAMES = {
    "BLOOD CULTURE": "Blood Culture, Routine",
    "URINE": "URINE CULTURE",
    "SPUTUM": "RESPIRATORY CULTURE",
}


def write_micro(b: Builder, ctx: AdmissionCtx) -> None:
    for hour, specimen, organism in ctx.spec.cultures:
        if hour > ctx.end_h:
            continue
        t = ctx.time(hour)
        row = [b.next_id("micro", 0), b.subject_id, ctx.hadm_id, t.strftime("%Y-%m-%d 00:00:00")]
        b.add("microbiologyevents", [*row, fmt(t), specimen, _TEST_NAMES[specimen], organism])


def write_orders(b: Builder, ctx: AdmissionCtx) -> None:
    """poe + prescriptions rows; an order continuing to discharge stops at dischtime."""
    for o in sorted(ctx.orders, key=lambda o: (o.start_h, o.drug)):
        if o.start_h > ctx.end_h:
            continue
        drug = DRUGS[o.drug]
        if ctx.now_h is None:
            stop = ctx.time(
                min(o.stop_h if o.stop_h is not None else ctx.spec.los_h, ctx.spec.los_h)
            )
        else:
            stop = ctx.time(o.stop_h) if o.stop_h is not None and o.stop_h <= ctx.now_h else None
        seq = b.next_id("poe", 0)
        poe_id = f"{b.subject_id}-{seq}"
        dose, route = o.dose or drug.dose, o.route or drug.route
        text = f"{drug.name} {dose} {drug.unit} {route}"
        start = fmt(ctx.time(o.start_h))
        status = "Active" if stop is None else "Inactive"
        poe = [poe_id, seq, b.subject_id, ctx.hadm_id, start, "Medications", drug.drug_class]
        b.add("poe", [*poe, text, status, None, None])
        row = [b.next_id("pharmacy", 0), poe_id, b.subject_id, ctx.hadm_id, start]
        row += [fmt(stop) if stop else None, "MAIN", drug.name, dose, drug.unit, route]
        b.add("prescriptions", [*row, drug.per_day])
