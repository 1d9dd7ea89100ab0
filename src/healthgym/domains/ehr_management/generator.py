"""Seeded longitudinal patients: conditions, home medicines, admissions and ED visits.

A patient is generated from a seed and a plan (one :class:`AdmissionPlan` per
admission, oldest first; the last may be the admission in progress).  Chronic
conditions are sampled to fit the planned courses (heart failure for a heart-failure
admission, type 1 diabetes for DKA ...), home medicines follow the conditions, and each
admission's orders are its course's orders plus the home medicines - continued, held
on admission and restarted, or (one per admission whose course holds any) kept held
through discharge.  Scenarios change the admission in progress for action tasks.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from .courses import COURSE_NEEDS, COURSES, CourseSpec, DrugOrder, Series
from .drugs import DRUGS
from .notes import write_notes
from .realise import (
    AdmissionCtx,
    Builder,
    fmt,
    write_icu_flows,
    write_labs,
    write_micro,
    write_orders,
    write_vitals,
)
from .scenarios import SCENARIO_NEEDS, add_duplicate, apply_scenario

# condition -> ICD-10-CM code charted on every admission
CONDITION_CODES: dict[str, str] = {
    "htn": "I10",
    "hld": "E78.5",
    "t2dm": "E11.9",
    "t1dm": "E10.9",
    "copd": "J44.9",
    "ckd": "N18.30",
    "af": "I48.91",
    "cad": "I25.10",
    "chf": "I50.22",
    "prior_mi": "I25.2",
    "pvd": "I73.9",
    "gerd": "K21.9",
    "oa": "M19.90",
    "prostate_ca": "C61",
}
EXTRA_PROBABILITY = {
    "htn": 0.5,
    "hld": 0.4,
    "t2dm": 0.2,
    "copd": 0.15,
    "ckd": 0.15,
    "af": 0.15,
    "cad": 0.2,
    "chf": 0.1,
    "pvd": 0.08,
    "gerd": 0.25,
    "oa": 0.2,
    "prostate_ca": 0.06,
}


@dataclass
class AdmissionPlan:
    course: str
    scenario: str | None = None  # nephrotoxin, hyperkalemia, bleed, duplicate
    open: bool = False  # the admission in progress ("now" falls inside it)
    readmission: bool | None = None  # within 30 days of the previous discharge
    icu: bool | None = None  # force an ICU stay (True) or none (False)


@dataclass
class AdmissionMeta:
    hadm_id: int
    course: str
    scenario: str | None
    admit: str
    disch: str | None
    held: str | None  # home drug not restarted by discharge
    duplicate: tuple[str, str, str] | None = None  # (earlier, later, a time both active)


@dataclass
class PatientRecord:
    subject_id: int
    gender: str
    tables: dict[str, list[list]]
    admissions: list[AdmissionMeta]
    now: str
    conditions: list[str]
    home_meds: list[str]


def sample_conditions(
    r: random.Random, needs: set[str], gender: str, courses: set[str]
) -> set[str]:
    conds = set(needs)
    for c, p in EXTRA_PROBABILITY.items():
        if r.random() < p:
            conds.add(c)
    if "t1dm" in conds:
        conds.discard("t2dm")
    if "gi_bleed" in courses and "oa" not in needs:
        conds.discard("oa")
    if gender == "F":
        conds.discard("prostate_ca")
    if "cad" in conds and r.random() < 0.4:
        conds.add("prior_mi")
    return conds


def home_medications(r: random.Random, conds: set[str]) -> list[str]:
    meds: list[str] = []
    if "htn" in conds or "chf" in conds:
        meds.append(r.choice(["lisinopril", "lisinopril", "losartan"]))
        if "chf" not in conds and r.random() < 0.5:
            meds.append("amlodipine")
    if "chf" in conds:
        meds += ["carvedilol", "furosemide"] + (["spironolactone"] if r.random() < 0.6 else [])
    if "hld" in conds or "cad" in conds:
        meds.append("atorvastatin")
    if "cad" in conds:
        meds.append("aspirin")
    if "af" in conds:
        meds.append(r.choice(["apixaban", "apixaban", "warfarin"]))
        if "chf" not in conds:
            meds.append("metoprolol")
    if "t2dm" in conds:
        meds.append("metformin")
    if "t1dm" in conds:
        meds += ["insulin_glargine", "insulin_lispro"]
    if "copd" in conds:
        meds += ["tiotropium", "albuterol"]
    if "gerd" in conds:
        meds.append("omeprazole")
    if "oa" in conds:
        meds.append(r.choice(["ibuprofen", "naproxen"]))
    return meds


def baseline(r: random.Random, gender: str, conds: set[str]) -> dict[str, float]:
    ckd = "ckd" in conds
    female = gender == "F"
    cr = r.uniform(1.5, 2.0) if ckd else r.uniform(0.6, 0.9) if female else r.uniform(0.8, 1.1)
    return {
        "creatinine": cr,
        "bun": r.uniform(25, 34) if ckd else r.uniform(10, 18),
        "sodium": r.uniform(137, 142),
        "potassium": r.uniform(3.9, 4.6),
        "bicarbonate": r.uniform(24, 27),
        "anion_gap": r.uniform(8, 12),
        "glucose": r.uniform(120, 170) if conds & {"t1dm", "t2dm"} else r.uniform(82, 105),
        "calcium": r.uniform(8.9, 9.7),
        "wbc": r.uniform(5, 9),
        "hemoglobin": r.uniform(11.8, 13.6) if female else r.uniform(13.2, 15.4),
        "platelets": r.uniform(180, 320),
        "bilirubin_total": r.uniform(0.4, 0.9),
        "inr": r.uniform(2.1, 2.9) if "warfarin" in conds else r.uniform(1.0, 1.1),
        "ph": 7.40,
        "pco2": r.uniform(38, 42),
        "po2": r.uniform(85, 96),
        "lactate": r.uniform(0.8, 1.5),
        "bnp": r.uniform(250, 500) if "chf" in conds else r.uniform(20, 80),
        "troponin_i": r.uniform(3, 12),
        "hr": r.uniform(66, 84),
        "sbp": r.uniform(116, 138),
        "rr": r.uniform(14, 18),
        "spo2": r.uniform(95, 99),
        "temp_c": r.uniform(36.6, 37.1),
        "fio2": 21,
        "gcs": 15,
    }


def _orders(
    r: random.Random, spec: CourseSpec, home: list[str]
) -> tuple[list[DrugOrder], str | None]:
    """The admission's medication orders and the home drug kept held through discharge.

    Home NSAIDs are not continued in hospital.  A home drug of the same duplicate class as
    a course drug (home omeprazole, hospital pantoprazole) is substituted: it restarts
    when the course drug stops, at the latest 16 hours before discharge.  Prophylactic
    heparins are dropped for a patient whose anticoagulant continues.
    """
    orders = [DrugOrder(o.drug, o.start_h, o.stop_h, o.dose, o.route) for o in spec.drugs]
    course_keys = {o.drug for o in orders}
    held_now = [d for d in spec.hold if d in home]
    held = held_now[0] if held_now else None
    last = spec.los_h - 16
    for d in home:
        if d == held or d in course_keys or DRUGS[d].drug_class == "nsaid":
            continue
        start = r.uniform(48, max(49, last)) if d in held_now else r.uniform(1.5, 4)
        cls = DRUGS[d].duplicate_class
        for sub in [o for o in orders if cls and DRUGS[o.drug].duplicate_class == cls]:
            if sub.stop_h is None or sub.stop_h > last:
                sub.stop_h = last
            start = max(start, sub.stop_h)
        orders.append(DrugOrder(d, start, None))
    if {"apixaban", "warfarin"} & {o.drug for o in orders}:
        orders = [o for o in orders if DRUGS[o.drug].duplicate_class != "vte_prophylaxis"]
    return orders, held


def _minus_months(t: datetime, months: int) -> datetime:
    year, month = divmod(t.month - 1 - months, 12)
    return t.replace(year=t.year + year, month=month + 1, day=min(t.day, 28))


def _ed_visits(
    r: random.Random, b: Builder, windows: list[tuple[datetime, datetime]], admits: list[datetime]
) -> None:
    bounds = [_minus_months(a, 6) for a in admits]
    for lo, hi in windows:
        if hi - lo < timedelta(days=8):
            continue
        for _ in range(r.choices([0, 1, 2, 3, 4], [40, 28, 16, 10, 6])[0]):
            for _try in range(20):
                t = lo + (hi - lo) * r.random()
                if all(abs(t - x) > timedelta(days=6) for x in bounds + admits):
                    out = t + timedelta(hours=r.uniform(2, 7))
                    row = [b.next_id("ed", 34_000_000 + r.randrange(10**5)), b.subject_id, None]
                    b.add("edstays", [*row, fmt(t), fmt(out), "HOME"])
                    break


FREQUENCY = {
    0: "continuous",
    1: "daily",
    2: "twice daily",
    3: "three times daily",
    4: "four times daily",
}


def _admission_rows(r: random.Random, b: Builder, ctx: AdmissionCtx, disch: datetime | None):
    spec = ctx.spec
    emergent = spec.admission_type != "ELECTIVE"
    ed_in = ctx.admit - timedelta(hours=r.uniform(2, 6)) if emergent else None
    row = [ctx.hadm_id, b.subject_id, fmt(ctx.admit), fmt(disch) if disch else None, None]
    row += [spec.admission_type, "EMERGENCY ROOM" if emergent else "PHYSICIAN REFERRAL"]
    row += [spec.discharge_location if disch else None, r.choice(["Medicare", "Other"])]
    row += [fmt(ed_in) if ed_in else None, fmt(ctx.admit) if emergent else None, 0]
    b.add("admissions", row)
    if ed_in is not None:
        ed_id = b.next_id("ed", 34_000_000 + r.randrange(10**5))
        b.add("edstays", [ed_id, b.subject_id, ctx.hadm_id, fmt(ed_in), fmt(ctx.admit), "ADMITTED"])
    if spec.icu is not None:
        ctx.stay_id = r.randrange(30_000_000, 39_999_999)
        intime, outtime = ctx.time(spec.icu[0]), ctx.time(spec.icu[1])
        ongoing = ctx.now_h is not None and spec.icu[1] > ctx.now_h
        los = None if ongoing else round((outtime - intime).total_seconds() / 86400, 2)
        row = [ctx.stay_id, b.subject_id, ctx.hadm_id, spec.careunit, spec.careunit]
        b.add("icustays", [*row, fmt(intime), None if ongoing else fmt(outtime), los])


def _codes(
    b: Builder, ctx: AdmissionCtx, conds: set[str], home: list[str]
) -> tuple[list[str], list[str]]:
    """ICD-10 diagnoses (course first, then chronic) and procedures, coded at discharge."""
    dx = list(ctx.spec.diagnoses)
    for c in sorted(conds):
        code = CONDITION_CODES[c]
        if c == "t2dm" and "ckd" in conds:
            code = "E11.22"
        if (c == "t1dm" and "E10.10" in dx) or (c == "chf" and "I50.23" in dx):
            continue
        dx.append(code)
    if {"apixaban", "warfarin"} & set(home):
        dx.append("Z79.01")
    if "t1dm" in conds and "Z79.4" not in dx:
        dx.append("Z79.4")
    px = [code for code, hour in ctx.spec.procedures if hour <= ctx.end_h]
    if ctx.now_h is not None:  # coding happens after discharge
        return dx, px
    for seq, code in enumerate(dict.fromkeys(dx), 1):
        b.add("diagnoses_icd", [b.subject_id, ctx.hadm_id, seq, code, 10])
    for seq, (code, hour) in enumerate(ctx.spec.procedures, 1):
        day = ctx.time(hour).strftime("%Y-%m-%d 00:00:00")
        b.add("procedures_icd", [b.subject_id, ctx.hadm_id, seq, day, code, 10])
    return dx, px


def _spec(r: random.Random, plan: AdmissionPlan, base: dict[str, float]) -> CourseSpec:
    spec = COURSES[plan.course](r, base)
    if plan.icu is False:
        spec.icu, spec.urine, spec.pressor, spec.pressor_window = None, None, None, None
    elif plan.icu and spec.icu is None:
        spec.icu = (r.uniform(2, 5), r.uniform(28, 44))
        spec.urine = Series([(0, 0.9), (spec.los_h, 1.0)])
    return spec


def generate_patient(
    seed: int, plans: list[AdmissionPlan], needs: frozenset[str] = frozenset()
) -> PatientRecord:
    """One patient with an admission per plan (oldest first), all rows and metadata."""
    r = random.Random(seed)
    courses = {p.course for p in plans}
    all_needs = set(needs)
    for p in plans:
        all_needs |= set(COURSE_NEEDS.get(p.course, ()))
        all_needs |= set(SCENARIO_NEEDS.get(p.scenario or "", ()))
    gender = r.choice(["M", "F"])
    conds = sample_conditions(r, all_needs, gender, courses)
    home = home_medications(r, conds)
    base = baseline(r, gender, conds | set(home))
    weight = round(r.uniform(52, 78) if gender == "F" else r.uniform(64, 105), 1)
    b = Builder(r.randrange(10_000_000, 19_999_999))
    start = datetime(r.randint(2130, 2185), 1, 1) + timedelta(days=r.uniform(0, 150))
    start = start.replace(second=0, microsecond=0)
    age = r.randint(19, 45) if "dka" in courses else r.randint(48, 88)
    b.add("patients", [b.subject_id, gender, age, start.year, None])
    hadm_ids = r.sample(range(20_000_000, 29_999_999), len(plans))
    metas: list[AdmissionMeta] = []
    windows = [(start - timedelta(days=200), start - timedelta(days=2))]
    admit, now = start, start
    prev_end: datetime | None = None
    for i, plan in enumerate(plans):
        spec = _spec(r, plan, base)
        if prev_end is not None:
            soon = plan.readmission if plan.readmission is not None else r.random() < 0.35
            gap = r.uniform(3, 27) if soon else r.uniform(40, 240)
            admit = (prev_end + timedelta(days=gap, hours=r.uniform(-6, 6))).replace(second=0)
            windows.append((prev_end + timedelta(days=2), admit - timedelta(days=2)))
        now_h = r.uniform(30, max(31, min(spec.los_h - 12, 80))) if plan.open else None
        if now_h is not None and spec.icu is not None and spec.icu[0] >= now_h:
            spec.icu = None
        orders, held = _orders(r, spec, home)
        if plan.scenario:
            apply_scenario(r, plan.scenario, spec, orders, base, now_h)
        dup = add_duplicate(r, spec, orders, now_h) if plan.scenario == "duplicate" else None
        ctx = AdmissionCtx(hadm_ids[i], admit, spec, base, weight, now_h, orders)
        disch = None if plan.open else ctx.time(spec.los_h)
        _admission_rows(r, b, ctx, disch)
        write_labs(b, ctx, r)
        write_vitals(b, ctx, r)
        write_icu_flows(b, ctx, r)
        write_micro(b, ctx)
        write_orders(b, ctx)
        for d in home:
            drug = DRUGS[d]
            row = [b.subject_id, ctx.hadm_id, fmt(ctx.time(-0.5)), drug.name]
            b.add("medrecon", [*row, f"{drug.dose} {drug.unit}", FREQUENCY[int(drug.per_day)]])
        dx, px = _codes(b, ctx, conds, home)
        write_notes(b, ctx, disch, dx, px)
        dup_meta = (dup[0], dup[1], fmt(ctx.time(dup[2]))) if dup else None
        meta = AdmissionMeta(
            ctx.hadm_id, plan.course, plan.scenario, fmt(admit), None, held, dup_meta
        )
        if disch is not None:
            meta.disch = fmt(disch)
            prev_end = disch
            now = disch + timedelta(days=r.uniform(20, 90))
        else:
            now = ctx.time(now_h or 0)
        metas.append(meta)
    if prev_end is not None and metas[-1].disch is not None:
        windows.append((prev_end + timedelta(days=2), now))
    _ed_visits(r, b, windows, [datetime.fromisoformat(m.admit) for m in metas])
    return PatientRecord(b.subject_id, gender, b.tables, metas, fmt(now), sorted(conds), home)
