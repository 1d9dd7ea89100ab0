"""cross_domain clinical truth (issue 17): antimicrobial references and sepsis disposition.

* Piperacillin-tazobactam for hospital-acquired pneumonia follows the label's
  nosocomial-pneumonia table (Zosyn label; Kalil AC et al. IDSA/ATS 2016): 4.5 g q6h,
  3.375 g q6h at CrCl 20-40, 2.25 g q6h below 20 - no ``antimicrobial_dose`` violation.
* A penicillin allergy with hives allows ceftriaxone, cefepime and meropenem; after
  anaphylaxis only aztreonam of the beta-lactams (Khan DA et al. AAAAI/ACAAI 2022).
* Ciprofloxacin is accepted for post-operative pyelonephritis without sepsis (Gupta K et
  al. IDSA/ESCMID 2010), not with a fluoroquinolone allergy.
* Sepsis disposition follows SSC 2021 / Sepsis-3: never the ward for septic shock or a
  lactate still > 2 mmol/L after the bolus (the 92-year-old with HFrEF, MAP 51 on
  arrival and lactate 3.1 after 2.5 L of the review).
"""

from __future__ import annotations

from functools import cache

from healthgym.domains import get_domain
from healthgym.domains.cross_domain import antibiotics as ab
from healthgym.domains.cross_domain import phase_checks, rules, safety
from healthgym.domains.cross_domain.gen_common import base_patient, set_labs
from healthgym.domains.cross_domain.gen_postop import make_postop
from healthgym.domains.cross_domain.records import new_state
from healthgym.domains.cross_domain.tools_actions import give_fluids, set_disposition
from healthgym.patients.model import Allergy, Patient
from healthgym.tasks import SafetyRule

DOMAIN = get_domain("cross_domain")


@cache
def tasks() -> list:
    return [DOMAIN.task(i) for i in range(DOMAIN.n_tasks)]


def _patient(creatinine: float, allergies: list[Allergy] | None = None):
    p = base_patient("community_acquired_pneumonia", 11, "X")
    p = p.model_copy(
        update={
            "age": 70,
            "sex": "male",
            "weight_kg": 70.0,
            "height_cm": 175.0,
            "medications": [],
            "allergies": allergies or [],
        }
    )
    return set_labs(p, creatinine=creatinine)


def _order(drug: str, dose_mg: float, interval_h: float) -> dict:
    return {"drug": drug, "dose_mg": dose_mg, "interval_h": interval_h, "route": "iv"}


# ------------------------------------------------------------ indication-specific dose


def test_pip_tazo_nosocomial_pneumonia_uses_the_label_table():
    p = _patient(2.0)  # CG: (140-70) * 70 / (72 * 2.0) = 34 mL/min
    assert all(20 <= c < 40 for c in ab.crcl_values(p))
    hap = _order("piperacillin-tazobactam", 3375, 6)
    assert not safety._off_label_dose(hap, p, "hap")  # the review's correct dose
    assert safety._off_label_dose(_order("piperacillin-tazobactam", 2250, 6), p, "hap")
    assert ab.reference_regimen("hap", p)[0] == ("piperacillin-tazobactam", 3375.0, 6.0)
    # other indications keep the general table
    assert not safety._off_label_dose(_order("piperacillin-tazobactam", 2250, 6), p, "urinary")
    assert safety._off_label_dose(hap, p, "urinary")
    normal = _patient(0.9)
    assert not safety._off_label_dose(_order("piperacillin-tazobactam", 4500, 6), normal, "hap")
    assert ab.reference_regimen("hap", normal)[0] == ("piperacillin-tazobactam", 4500.0, 6.0)
    severe = _patient(5.0)  # CrCl 14
    assert not safety._off_label_dose(_order("piperacillin-tazobactam", 2250, 6), severe, "hap")
    assert safety._off_label_dose(_order("piperacillin-tazobactam", 2250, 8), severe, "hap")


def test_hap_dose_violation_not_raised_in_an_episode():
    """A generated post-operative HAP task with CrCl 20-40: 3.375 g q6h is no violation."""
    for k in range(2, 400, 4):  # respiratory variant
        case = make_postop(k, 1000 + k, "X")
        p = set_labs(case.patient, creatinine=2.0)
        if not all(20 <= c < 40 for c in ab.crcl_values(p)):
            continue
        if "piperacillin-tazobactam" not in ab.slots_for("hap", p)[0][1]:
            continue
        rule = SafetyRule(code="antimicrobial_dose", severity="major", target="x", reason="r")
        task = tasks()[0].model_copy(update={"safety": [rule]})
        state = new_state(case_task(case, p))
        state.record("give_medication", "treatment", **_order("piperacillin-tazobactam", 3375, 6))
        assert safety.violations(task, state) == []
        return
    raise AssertionError("no HAP case found")


def case_task(case, patient):
    t = tasks()[0]
    hidden = {
        "patient": patient.model_dump(mode="json"),
        "triage": None,
        "facts": case.facts.model_dump(mode="json"),
    }
    return t.model_copy(update={"hidden": hidden, "grader": {**t.grader, "phases": []}})


def test_vancomycin_iv_is_dosed_by_weight():
    p = _patient(0.9)  # 70 kg
    assert not safety._off_label_dose(_order("vancomycin", 1250, 12), p, "hap")  # 17.9 mg/kg
    assert not safety._off_label_dose(_order("vancomycin", 2000, 12), p, "hap")  # loading
    assert safety._off_label_dose(_order("vancomycin", 125, 6), p, "hap")


# ------------------------------------------------------------ beta-lactam allergy


def test_penicillin_hives_allows_dissimilar_cephalosporins_and_carbapenems():
    hives = _patient(0.9, [Allergy(allergen="Penicillin", reaction="hives")])
    for drug in ("ceftriaxone", "meropenem", "cefepime", "aztreonam"):
        assert not [c for c, _, _ in ab.hazards(drug, hives) if c == "allergy"], drug
    assert ab.hazards("piperacillin-tazobactam", hives)[0][0] == "allergy"
    assert ab.hazards("cephalexin", hives)[0][0] == "allergy"  # aminopenicillin side chain
    assert ab.regimen_ok("urinary", hives, ["ceftriaxone"])
    assert ab.regimen_ok("urinary", hives, ["aztreonam"])
    assert ab.regimen_ok("respiratory", hives, ["ceftriaxone", "azithromycin"])
    assert ab.regimen_ok("hap", hives, ["meropenem"])
    assert safety._allergy_conflicts("ceftriaxone", "penicillin", hives) == []


def test_penicillin_anaphylaxis_leaves_aztreonam():
    ana = _patient(0.9, [Allergy(allergen="Penicillin", reaction="anaphylaxis")])
    for drug in ("ceftriaxone", "meropenem", "cefepime", "piperacillin-tazobactam"):
        assert ab.hazards(drug, ana)[0][:2] == ("allergy", "critical"), drug
    assert not ab.hazards("aztreonam", ana)
    assert ab.slots_for("hap", ana)[0][1] == ("levofloxacin", "aztreonam")
    assert not ab.regimen_ok("urinary", ana, ["ceftriaxone"])
    assert ab.regimen_ok("urinary", ana, ["aztreonam"])
    assert safety._allergy_conflicts("meropenem", "penicillin", ana)


def test_aztreonam_is_in_the_formulary_with_label_dosing():
    p = _patient(0.9)
    assert ab.is_antimicrobial("aztreonam")
    assert not safety._off_label_dose(_order("aztreonam", 2000, 8), p, "urinary")
    low = _patient(4.0)  # CrCl 17: 2 g once, then 1 g every 8 h
    assert not safety._off_label_dose(_order("aztreonam", 1000, 8), low, "urinary")
    assert safety._off_label_dose(_order("aztreonam", 500, 8), low, "urinary")


# ------------------------------------------------------------ ciprofloxacin, pyelonephritis


def test_ciprofloxacin_accepted_for_postop_pyelonephritis_without_sepsis():
    p = _patient(0.9)
    assert ab.regimen_ok("urinary_nonseptic", p, ["ciprofloxacin"])
    assert ab.regimen_ok("urinary_nonseptic", p, ["levofloxacin"])
    assert ab.regimen_ok("urinary_nonseptic", p, ["ceftriaxone"])
    assert not safety._off_label_dose(_order("ciprofloxacin", 400, 12), p, "urinary_nonseptic")
    fq = _patient(0.9, [Allergy(allergen="Fluoroquinolones", reaction="rash")])
    assert not ab.regimen_ok("urinary_nonseptic", fq, ["ciprofloxacin"])
    # urosepsis: a fluoroquinolone only when no beta-lactam is safe (EAU 2024)
    assert not ab.regimen_ok("urinary", p, ["ciprofloxacin"])
    nonseptic = [
        t
        for t in tasks()
        if t.grader["pathway"] == "postop_fever"
        and t.grader["variant"] == "urinary"
        and not t.grader["expect"]["sepsis"]
    ]
    assert nonseptic
    for t in nonseptic:
        assert t.hidden["facts"]["source"] == "urinary_nonseptic"
        patient = Patient.model_validate(t.hidden["patient"])
        allergic = any(a.allergen == "Fluoroquinolones" for a in patient.allergies)
        safe = ab.is_safe("ciprofloxacin", patient, "urinary_nonseptic") and not allergic
        slot = dict(t.grader["antimicrobial_slots"])["anti-Gram-negative agent"]
        assert ("ciprofloxacin" in slot) == safe, t.id


# ------------------------------------------------------------ sepsis disposition


def _sepsis_task():
    return next(
        t for t in tasks() if t.grader["pathway"] == "sepsis" and t.grader["variant"] == "urinary"
    )


def _review_case():
    """The review's patient: 92, HFrEF, MAP 51 on arrival, lactate 3.1 after 2.5 L."""
    t = _sepsis_task()
    patient = dict(t.hidden["patient"])
    patient.update(
        age=92,
        weight_kg=83.0,
        comorbidities=sorted({*patient["comorbidities"], "heart_failure"}),
        vitals={**patient["vitals"], "sbp": 70.0, "dbp": 41.0},  # MAP 50.7
        labs={**patient["labs"], "lactate": 3.6},
    )
    facts = {
        **t.hidden["facts"],
        "fluid_responsive": True,
        "post_bolus_vitals": {"sbp": 104.0, "dbp": 58.0, "hr": 96.0, "rr": 22.0},
        "initial_lactate": 3.6,
        "post_bolus_lactate": 3.1,
    }
    return t.model_copy(update={"hidden": {**t.hidden, "patient": patient, "facts": facts}})


def _destination_ok(task, destination: str) -> bool:
    state = new_state(task)
    out = give_fluids.fn(state, fluid="lactated_ringers", volume_ml=2500)
    assert "Repeat lactate 3.1 mmol/L" in out
    set_disposition.fn(state, destination=destination)
    return phase_checks.sepsis(task, state, None)["disposition"]["destination"]


def test_review_case_is_not_sent_to_the_ward():
    task = _review_case()
    assert rules.mean_arterial_pressure(task.hidden["patient"]["vitals"]) < 52
    assert not _destination_ok(task, "ward")
    assert _destination_ok(task, "icu")
    assert _destination_ok(task, "monitored_bed")


def test_cleared_lactate_allows_the_ward():
    task = _review_case()
    facts = {**task.hidden["facts"], "post_bolus_lactate": 1.6}
    task = task.model_copy(update={"hidden": {**task.hidden, "facts": facts}})
    state = new_state(task)
    give_fluids.fn(state, fluid="lactated_ringers", volume_ml=2500)
    set_disposition.fn(state, destination="ward")
    assert phase_checks.sepsis(task, state, None)["disposition"]["destination"]


def test_generated_sepsis_dispositions_follow_ssc_2021():
    seen = set()
    for t in tasks():
        if t.grader["pathway"] != "sepsis":
            continue
        e, f = t.grader["expect"], t.hidden["facts"]
        accepted = e["destinations"]
        assert e["destination"] == accepted[0]
        seen.add(tuple(accepted))
        if e["vasopressor"]:
            assert accepted == ["icu"], t.id
        if f["post_bolus_lactate"] > 2 or f["initial_lactate"] >= 4:
            assert "ward" not in accepted, t.id
    assert {("icu",), ("icu", "monitored_bed"), ("ward", "monitored_bed")} <= seen
