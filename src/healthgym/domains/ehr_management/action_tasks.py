"""Action task kinds: graded on the database's end state, not on the transcript.

Each kind names the clinical goal, never the orders: the agent has to find which active
orders are nephrotoxic, raise potassium, are antithrombotic or duplicate a class, and
which facts a note must state.  The grader spec lists the orders that must end up
discontinued (and those that must stay active), the orders that must exist, the
facts a new note must contain, the guideline-endorsed orders that are neutral
(:data:`NEUTRAL`, with sources) and the drug property the patient's condition forbids
(``avoid``: ordering such a drug is a safety violation).
"""

from __future__ import annotations

import random

from .drugs import DRUGS, match_drug
from .generator import AdmissionPlan
from .kinds import Ctx, Draft, Plan, Retry, evidence_refs, ref, short, with_current
from .questions import unique_peak
from .records import active_orders, lab_rows
from .score_tools import kdigo_at

DONE = {"answer": "done"}
SUBMIT_DONE = "When finished, call submit_answer with answer = 'done'."


def _now_intro(ctx: Ctx) -> str:
    return f"It is now {short(ctx.state.now)}; the patient is in hospital. "


def _active(ctx: Ctx) -> list[tuple[str, str]]:
    """(poe_id, formulary key) of the medication orders running now."""
    rows = active_orders(ctx.state.db, ctx.hadm, ctx.state.now)
    return [(r[0], k) for r in rows if (k := match_drug(r[1])) is not None]


# Orders the guideline endorses for each goal besides the required ones: placing them
# neither earns nor costs accuracy (grading.action_accuracy).
NEUTRAL: dict[str, list[list[str]]] = {
    # KDIGO Clinical Practice Guideline for Acute Kidney Injury 2012: monitor serum
    # creatinine and electrolytes (3.1), isotonic crystalloid for volume expansion
    # (3.1.1), evaluate the cause - renal ultrasound (2.1); nephrology review (2.3).
    "nephrotoxic": [
        ["lab", "creatinine"],
        ["lab", "potassium"],
        ["lab", "bun"],
        ["lab", "bicarbonate"],
        ["*", "renal ultrasound"],
        ["medication", "sodium_chloride"],
        ["consult", "pharmacy"],
    ],
    # UK Kidney Association. Clinical practice guidelines: treatment of acute
    # hyperkalaemia in adults, 2020: IV calcium gluconate for ECG changes, nebulised
    # salbutamol (albuterol), glucose monitoring after insulin-glucose, renal referral;
    # KDIGO Controversies Conference on potassium 2020 (Kidney Int 2020;97:42-61): loop
    # diuretics to increase potassium excretion.
    "raises_potassium": [
        ["medication", "calcium_gluconate"],
        ["medication", "albuterol"],
        ["medication", "furosemide"],
        ["lab", "glucose"],
        ["lab", "creatinine"],
        ["consult", "nephrology"],
    ],
    # Laine L et al. ACG clinical guideline: upper GI and ulcer bleeding. Am J
    # Gastroenterol 2021;116:899-917 and Barkun AN et al. Ann Intern Med 2019;171:805-822:
    # high-dose PPI, endoscopy within 24 h, restrictive red-cell transfusion, crystalloid
    # resuscitation, serial haemoglobin, coagulation and platelet checks.
    "antithrombotic": [
        ["medication", "pantoprazole"],
        ["medication", "esomeprazole"],
        ["medication", "omeprazole"],
        ["*", "upper endoscopy"],
        ["*", "blood transfusion"],
        ["medication", "sodium_chloride"],
        ["lab", "hemoglobin"],
        ["lab", "hematocrit"],
        ["lab", "inr"],
        ["lab", "platelets"],
        ["lab", "bun"],
    ],
}


def _stop_draft(
    ctx: Ctx, flag: str, goal: str, orders: list[list[str]], first: list, last: list
) -> Draft:
    targets = [(poe, k) for poe, k in _active(ctx) if getattr(DRUGS[k], flag)]
    if not targets:
        raise Retry
    calls = [*first, ref("get_medications", hadm_id=ctx.hadm)]
    calls += [ref("discontinue_order", order_id=poe) for poe, _ in targets]
    calls += last
    grader = {
        "discontinue": [p for p, _ in targets],
        "keep": [],
        "orders": orders,
        "note": {},
        "neutral": NEUTRAL.get(flag, []),
        "avoid": flag,
    }
    return Draft(_now_intro(ctx) + goal + " " + SUBMIT_DONE, DONE, grader, calls)


def nephrotoxin_plan(r: random.Random, variant: int) -> Plan:
    return with_current(r, AdmissionPlan(r.choice(["pneumonia", "sepsis_aki"]), "nephrotoxin"))


def stop_nephrotoxins(ctx: Ctx) -> Draft:
    goal = (
        "Creatinine has been rising during this admission. Discontinue every active "
        "nephrotoxic medication order (non-steroidal anti-inflammatory drugs and "
        "aminoglycosides) and place a nephrology consult."
    )
    consult = ref("place_order", order_type="consult", item="nephrology")
    trend = ref("lab_trend", required=False, lab="creatinine", hadm_id=ctx.hadm)
    return _stop_draft(ctx, "nephrotoxic", goal, [["consult", "nephrology"]], [trend], [consult])


def hyperkalemia_plan(r: random.Random, variant: int) -> Plan:
    return with_current(r, AdmissionPlan("hf_exacerbation", "hyperkalemia"))


def treat_hyperkalemia(ctx: Ctx) -> Draft:
    last_k = lab_rows(ctx.state.db, "potassium", ctx.hadm)[-1][1]
    if last_k < 6.2:
        raise Retry
    goal = (
        "Review the latest potassium. Discontinue every active medication order that raises "
        "serum potassium (potassium supplements, potassium-sparing diuretics, ACE inhibitors "
        "and angiotensin receptor blockers), and order a repeat potassium level and an ECG."
    )
    labs = ref("query_labs", lab="potassium", hadm_id=ctx.hadm)
    new = [
        ref("place_order", order_type="lab", item="potassium"),
        ref("place_order", order_type="procedure", item="ecg"),
    ]
    orders = [["lab", "potassium"], ["*", "ecg"]]
    return _stop_draft(ctx, "raises_potassium", goal, orders, [labs], new)


def bleed_plan(r: random.Random, variant: int) -> Plan:
    return with_current(r, AdmissionPlan(r.choice(["pneumonia", "hf_exacerbation"]), "bleed"))


def hold_antithrombotics(ctx: Ctx) -> Draft:
    goal = (
        "The hemoglobin is falling and gastrointestinal bleeding is suspected. Discontinue "
        "every active anticoagulant and antiplatelet order and request a gastroenterology "
        "consult."
    )
    labs = ref("query_labs", required=False, lab="hemoglobin", hadm_id=ctx.hadm)
    consult = ref("place_order", order_type="consult", item="gastroenterology")
    orders = [["consult", "gastroenterology"]]
    return _stop_draft(ctx, "antithrombotic", goal, orders, [labs], [consult])


def note_plan(r: random.Random, variant: int) -> Plan:
    return with_current(r, AdmissionPlan(r.choice(["sepsis_aki", "aki_hyperkalemia"])))


def document_note(ctx: Ctx) -> Draft:
    if ctx.meta.course == "sepsis_aki" and ctx.r.random() < 0.5:
        rows = ctx.state.db.execute(
            "SELECT charttime, org_name FROM microbiologyevents WHERE hadm_id = ? AND "
            "spec_type_desc = 'BLOOD CULTURE' AND org_name IS NOT NULL ORDER BY charttime",
            (ctx.hadm,),
        ).fetchall()
        if not rows:
            raise Retry
        when, organism = rows[0]
        goal = (
            "Write a Progress note for the admission in progress that states the organism "
            "grown from this admission's blood cultures and the date those cultures were "
            "collected (YYYY-MM-DD)."
        )
        text = f"Blood cultures collected {when[:10]} grew {organism.title()}."
        calls = [ref("get_microbiology", hadm_id=ctx.hadm)]
        note = {"organism": organism, "date": when[:10]}
    else:
        when, peak = unique_peak(ctx, "creatinine")
        scored = kdigo_at(ctx.state, short(when))
        stage = int(scored.value)
        goal = (
            "Write a Progress note for the admission in progress that states the highest "
            "creatinine of this admission so far (mg/dL) and the KDIGO AKI stage at the time "
            "of that result, written as 'KDIGO stage N'."
        )
        text = (
            f"Highest creatinine this admission {peak:g} mg/dL ({short(when)}); "
            f"KDIGO stage {stage} at that time."
        )
        calls = [
            ref("query_labs", lab="creatinine", hadm_id=ctx.hadm),
            *evidence_refs(scored),
            ref("calculate_kdigo_stage", charttime=short(when)),
        ]
        note = {"number": peak, "tol": 0.005, "stage": stage}
    calls.append(ref("write_note", required=False, category="Progress", text=text))
    grader = {"discontinue": [], "keep": [], "orders": [], "note": note}
    return Draft(_now_intro(ctx) + goal + " " + SUBMIT_DONE, DONE, grader, calls)


def duplicate_plan(r: random.Random, variant: int) -> Plan:
    course = r.choice(["sepsis_aki", "hf_exacerbation", "pneumonia", "gi_bleed"])
    return with_current(r, AdmissionPlan(course, "duplicate"))


def stop_duplicate(ctx: Ctx) -> Draft:
    assert ctx.meta.duplicate is not None
    by_class: dict[str, list[tuple[str, str]]] = {}
    for poe, key in _active(ctx):
        cls = DRUGS[key].duplicate_class
        if cls:
            by_class.setdefault(cls, []).append((poe, key))
    dups = [v for v in by_class.values() if len({k for _, k in v}) > 1]
    if len(dups) != 1 or len(dups[0]) != 2:
        raise Retry
    starts = dict(
        ctx.state.db.execute(
            "SELECT poe_id, starttime FROM prescriptions WHERE hadm_id = ?", (ctx.hadm,)
        ).fetchall()
    )
    (keep, _), (stop, _) = sorted(dups[0], key=lambda pk: (starts[pk[0]], pk[0]))
    if starts[keep] == starts[stop]:
        raise Retry
    goal = (
        "Two active medication orders duplicate the same therapeutic class. Discontinue the one "
        "that was started more recently and keep the other running."
    )
    calls = [ref("get_medications", hadm_id=ctx.hadm), ref("discontinue_order", order_id=stop)]
    grader = {"discontinue": [stop], "keep": [keep], "orders": [], "note": {}}
    return Draft(_now_intro(ctx) + goal + " " + SUBMIT_DONE, DONE, grader, calls)
