"""Chart-review question kinds: each answer is derived from the database by SQL/logic.

Every derivation reads the episode database built from the task's rows (the same
database the tools read), so the reference answer is by construction what a correct
reading of the tool outputs gives.  Thresholds the questions use:

* lactate clearance below 2.0 mmol/L - the Sepsis-3 lactate threshold (Singer M et al.
  JAMA 2016;315:801-810);
* anion gap <= 12 mmol/L - a resolution criterion of DKA (Kitabchi AE et al. Diabetes
  Care 2009;32:1335-1343), with the gap computed as Na - (Cl + HCO3);
* readmission within 30 days of discharge - the window of the CMS Hospital Readmissions
  Reduction Program (42 CFR 412.152);
* LACE bands low 0-4, moderate 5-9, high >= 10 - as used with the LACE index
  (van Walraven C et al. CMAJ 2010;182:551-557) in Yazdan-Ashoori P et al. BMC
  Cardiovasc Disord 2014;14:97;
* critical limits - the laboratory dictionary's (Kost GJ. JAMA 1990;263:704-707, see
  :mod:`.catalog`).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from .catalog import LAB_ITEMS
from .drugs import DRUGS, match_drug
from .generator import AdmissionPlan
from .kinds import Ctx, Draft, Plan, Retry, evidence_refs, history, ref, short
from .records import active_orders, db_time, hours_between, lab_rows
from .score_tools import lace_for, sofa_at

PEAK_LABS = {
    "sepsis_aki": ("creatinine", "lactate", "wbc", "bilirubin_total"),
    "hf_exacerbation": ("bnp", "creatinine"),
    "dka": ("glucose", "potassium"),
    "gi_bleed": ("bun",),
    "aki_hyperkalemia": ("creatinine", "potassium"),
    "pneumonia": ("wbc",),
}
VALUE_ONLY = "answer = a one-line summary"


def unique_peak(ctx: Ctx, lab: str) -> tuple[str, float]:
    rows = lab_rows(ctx.state.db, lab, ctx.hadm)
    if len(rows) < 3:
        raise Retry
    top = max(v for _, v, _ in rows)
    peaks = [(t, v) for t, v, _ in rows if v == top]
    if len(peaks) != 1:
        raise Retry
    return peaks[0]


def peak_lab_plan(r: random.Random, variant: int) -> Plan:
    return history(r, AdmissionPlan(r.choice(sorted(PEAK_LABS))))


def peak_lab(ctx: Ctx) -> Draft:
    lab = ctx.r.choice(PEAK_LABS[ctx.meta.course])
    item = LAB_ITEMS[lab]
    when, value = unique_peak(ctx, lab)
    question = (
        f"What was the highest {item.label} result during the patient's {ctx.ordinal} hospital "
        "admission (admissions counted in chronological order), and when was it drawn? Submit "
        f"value = that result in {item.unit}, charttime = its time ('YYYY-MM-DD HH:MM'), "
        f"{VALUE_ONLY}."
    )
    tol = 0.5 * 10**-item.decimals + 1e-9
    return Draft(
        question,
        {"answer": f"peak {item.label}", "value": value, "charttime": short(when)},
        {"value": value, "tol": tol, "charttime": short(when), "lab": lab},
        [ref("list_admissions"), ref("query_labs", lab=lab, hadm_id=ctx.hadm)],
    )


def icu_plan(r: random.Random, variant: int) -> Plan:
    target = AdmissionPlan(r.choice(["sepsis_aki", "dka"]))
    fillers = ("hf_exacerbation", "gi_bleed", "pneumonia", "sepsis_aki", "dka")
    return history(r, target, before=(1, 2), after=(0, 2), fillers=fillers)


def icu_stays(ctx: Ctx) -> Draft:
    count, total = ctx.state.db.execute("SELECT COUNT(*), SUM(los) FROM icustays").fetchone()
    if count < 2:
        raise Retry
    total = round(total, 2)
    question = (
        "How many ICU stays does the patient's record contain across all admissions, and what "
        "is their combined length of stay in days? Submit answer = the number of ICU stays, "
        "value = the combined ICU length of stay in days (to 2 decimals)."
    )
    return Draft(
        question,
        {"answer": str(count), "value": total},
        {"count": count, "value": total, "tol": 0.011},
        [ref("list_admissions")],
    )


def culture_plan(r: random.Random, variant: int) -> Plan:
    target = AdmissionPlan(r.choice(["sepsis_aki", "pneumonia"]))
    fillers = ("sepsis_aki", "pneumonia", "hf_exacerbation", "dka")
    return history(r, target, before=(0, 2), after=(0, 2), fillers=fillers)


def first_positive_culture(ctx: Ctx) -> Draft:
    rows = ctx.state.db.execute(
        "SELECT charttime, org_name FROM microbiologyevents WHERE org_name IS NOT NULL "
        "ORDER BY charttime"
    ).fetchall()
    if not rows:
        raise Retry
    first = rows[0][0]
    organisms = {org for t, org in rows if t == first}
    if len(organisms) != 1:
        raise Retry
    (organism,) = organisms
    question = (
        "On what date was a culture first positive (an organism grown) in this patient's "
        "record, and which organism grew? Submit charttime = the collection date "
        "('YYYY-MM-DD') and answer = the organism."
    )
    return Draft(
        question,
        {"answer": organism.title(), "charttime": first[:10]},
        {"date": first[:10], "organism": organism},
        [ref("get_microbiology")],
    )


def threshold_plan(r: random.Random, variant: int) -> Plan:
    return history(r, AdmissionPlan(r.choice(["sepsis_aki", "dka"])))


def _anion_gaps(ctx: Ctx) -> list[tuple[str, float]]:
    by_time: dict[str, dict[str, float]] = {}
    for lab in ("sodium", "chloride", "bicarbonate"):
        for t, v, _ in lab_rows(ctx.state.db, lab, ctx.hadm):
            by_time.setdefault(t, {})[lab] = v
    return [
        (t, v["sodium"] - v["chloride"] - v["bicarbonate"])
        for t, v in sorted(by_time.items())
        if len(v) == 3
    ]


def time_to_threshold(ctx: Ctx) -> Draft:
    if ctx.meta.course == "sepsis_aki":
        series = [(t, v) for t, v, _ in lab_rows(ctx.state.db, "lactate", ctx.hadm)]
        below = [t for t, v in series if v < 2.0]
        ok = bool(series) and series[0][1] >= 2.0
        what = "the first lactate result until lactate first fell below 2.0 mmol/L"
        labs = ["lactate"]
    else:
        series = _anion_gaps(ctx)
        below = [t for t, v in series if v <= 12]
        ok = bool(series) and series[0][1] > 12
        what = (
            "the first basic metabolic panel until the anion gap (sodium - (chloride + "
            "bicarbonate)) first fell to 12 mmol/L or below"
        )
        labs = ["sodium", "chloride", "bicarbonate"]
    if not ok or not below:
        raise Retry
    hours = round(hours_between(series[0][0], below[0]), 2)
    question = (
        f"During the {ctx.ordinal} admission, how many hours passed from {what}? Submit "
        f"value = hours (2 decimals), {VALUE_ONLY}."
    )
    calls = [ref("list_admissions")] + [ref("query_labs", lab=x, hadm_id=ctx.hadm) for x in labs]
    return Draft(
        question,
        {"answer": f"{labs[0]} threshold", "value": hours},
        {"value": hours, "tol": 0.011},
        calls,
    )


def readmission_plan(r: random.Random, variant: int) -> Plan:
    plans, idx = history(r, AdmissionPlan(r.choice(["hf_exacerbation", "sepsis_aki", "gi_bleed"])))
    plans[idx + 1].readmission = r.random() < 0.5
    return plans, idx


def readmission_interval(ctx: Ctx) -> Draft:
    nxt = ctx.rec.admissions[ctx.target + 1]
    assert ctx.meta.disch is not None
    days = round(hours_between(ctx.meta.disch, nxt.admit) / 24, 2)
    if abs(days - 30) < 0.5:
        raise Retry
    question = (
        f"How many days passed between discharge from the {ctx.ordinal} admission and the start "
        "of the next admission, and was that next admission a readmission within 30 days? "
        "Submit value = days (2 decimals), answer = 'yes' or 'no'."
    )
    yes = "yes" if days <= 30 else "no"
    return Draft(
        question,
        {"answer": yes, "value": days},
        {"value": days, "tol": 0.011, "yes_no": yes},
        [ref("list_admissions")],
    )


CRITICAL_SQL = (
    "SELECT DISTINCT d.label FROM labevents l JOIN d_labitems d ON d.itemid = l.itemid "
    "WHERE l.hadm_id = {hadm} AND ((d.critical_low IS NOT NULL AND l.valuenum <= d.critical_low)"
    " OR (d.critical_high IS NOT NULL AND l.valuenum >= d.critical_high)) ORDER BY d.label"
)


def critical_plan(r: random.Random, variant: int) -> Plan:
    return history(
        r, AdmissionPlan(r.choice(["dka", "aki_hyperkalemia", "gi_bleed", "sepsis_aki"]))
    )


def critical_values(ctx: Ctx) -> Draft:
    sql = CRITICAL_SQL.format(hadm=ctx.hadm)
    labels = [r[0] for r in ctx.state.db.execute(sql)]
    if not labels:
        raise Retry
    keys = sorted(k for k, i in LAB_ITEMS.items() if i.label in labels)
    question = (
        f"During the {ctx.ordinal} admission, which laboratory analytes had at least one result "
        "at or beyond a critical (panic) limit of the laboratory dictionary (d_labitems."
        "critical_low / critical_high)? Submit items = the analyte names."
    )
    return Draft(
        question,
        {"answer": "critical analytes", "items": labels},
        {"labs": keys},
        [ref("list_admissions"), ref("run_sql", required=False, query=sql)],
    )


def medrec_plan(r: random.Random, variant: int) -> Plan:
    return history(r, AdmissionPlan(r.choice(["sepsis_aki", "gi_bleed", "aki_hyperkalemia"])))


def not_restarted(ctx: Ctx) -> Draft:
    disch = ctx.meta.disch
    names = [
        r[0]
        for r in ctx.state.db.execute("SELECT name FROM medrecon WHERE hadm_id = ?", (ctx.hadm,))
    ]
    running = {
        r[0]
        for r in ctx.state.db.execute(
            "SELECT drug FROM prescriptions WHERE hadm_id = ? AND starttime <= ? AND stoptime >= ?",
            (ctx.hadm, disch, disch),
        )
    }
    missing = [n for n in names if n not in running]
    if len(missing) != 1:
        raise Retry
    question = (
        f"Home medications were reconciled when the patient arrived for the {ctx.ordinal} "
        "admission. Which home medication was not being given at discharge (no order of that "
        "drug still running when the patient was discharged)? Submit answer = the drug name."
    )
    key = match_drug(missing[0])
    return Draft(
        question,
        {"answer": DRUGS[key].name if key else missing[0]},
        {"drug": key},
        [
            ref("list_admissions"),
            ref("get_home_medications", hadm_id=ctx.hadm),
            ref("get_medications", hadm_id=ctx.hadm),
        ],
    )


def duplicate_plan(r: random.Random, variant: int) -> Plan:
    return history(
        r,
        AdmissionPlan(
            r.choice(["sepsis_aki", "hf_exacerbation", "pneumonia"]), scenario="duplicate"
        ),
    )


def duplicate_therapy(ctx: Ctx) -> Draft:
    assert ctx.meta.duplicate is not None
    when = short(ctx.meta.duplicate[2])
    classes: dict[str, set[str]] = {}
    for row in active_orders(ctx.state.db, ctx.hadm, when + ":00"):
        key = match_drug(row[1])
        if key and DRUGS[key].duplicate_class:
            classes.setdefault(DRUGS[key].duplicate_class, set()).add(key)
    dups = [sorted(v) for v in classes.values() if len(v) > 1]
    if len(dups) != 1 or len(dups[0]) != 2:
        raise Retry
    question = (
        f"At {when} during the {ctx.ordinal} admission, two running medication orders "
        "duplicated the same therapeutic class. Which two drugs? Submit items = the two drug "
        "names."
    )
    return Draft(
        question,
        {"answer": "duplicate therapy", "items": [DRUGS[k].name for k in dups[0]]},
        {"drugs": dups[0]},
        [ref("list_admissions"), ref("get_medications", hadm_id=ctx.hadm, active_at=when)],
    )


LACE_BANDS = ((4, "low"), (9, "moderate"), (99, "high"))


LACE_TARGETS = {
    "low": ("elective_pci",),
    "moderate": ("pneumonia", "gi_bleed", "elective_pci"),
    "high": ("sepsis_aki", "hf_exacerbation", "aki_hyperkalemia", "gi_bleed"),
}


def lace_plan(r: random.Random, variant: int) -> Plan:
    band = LACE_BANDS[variant % 3][1]
    return history(r, AdmissionPlan(r.choice(LACE_TARGETS[band])), before=(0, 2))


def lace_band(ctx: Ctx) -> Draft:
    scored = lace_for(ctx.state, ctx.hadm)
    value = scored.value
    band = next(b for hi, b in LACE_BANDS if value <= hi)
    if band != LACE_BANDS[ctx.variant % 3][1]:
        raise Retry
    question = (
        f"Compute the LACE index for the discharge from the {ctx.ordinal} admission and "
        "classify the 30-day readmission risk: low (0-4), moderate (5-9) or high (10 or more). "
        "Submit answer = the risk band, value = the LACE total."
    )
    return Draft(
        question,
        {"answer": band, "value": value},
        {"band": band, "value": value, "tol": 0.01},
        [
            ref("list_admissions"),
            *evidence_refs(scored, skip=("list_admissions",)),
            ref("calculate_lace", hadm_id=ctx.hadm),
        ],
    )


def sofa_plan(r: random.Random, variant: int) -> Plan:
    return history(r, AdmissionPlan("sepsis_aki"))


SOFA_SPANS = ((0, 48), (48, 96))


def sofa_change(ctx: Ctx) -> Draft:
    intime = ctx.state.db.execute(
        "SELECT intime FROM icustays WHERE hadm_id = ? ORDER BY intime", (ctx.hadm,)
    ).fetchone()[0]
    first, second = SOFA_SPANS[ctx.variant % 2]
    t0, t1 = (
        short(db_time(datetime.fromisoformat(intime) + timedelta(hours=h))) for h in (first, second)
    )
    early, late = sofa_at(ctx.state, t0), sofa_at(ctx.state, t1)
    delta = late.value - early.value
    start = (
        "the ICU admission time (intime)" if first == 0 else f"{first} hours after ICU admission"
    )
    question = (
        f"For the ICU stay of the {ctx.ordinal} admission, by how many points did the SOFA score "
        f"change from {start} to {second} hours after ICU admission (each SOFA from the worst "
        f"values of the preceding 24 hours)? Submit value = later minus earlier SOFA, "
        f"{VALUE_ONLY}."
    )
    return Draft(
        question,
        {"answer": "SOFA change", "value": delta},
        {"value": delta, "tol": 0.01, "times": [t0, t1]},
        [
            ref("list_admissions"),
            *evidence_refs(early, late),
            ref("calculate_sofa", charttime=t0),
            ref("calculate_sofa", charttime=t1),
        ],
    )
