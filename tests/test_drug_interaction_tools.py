"""drug_interaction tools, grader and patients against hand-computed expectations."""

from __future__ import annotations

import pytest

from healthgym.clinical.drugs import drugs
from healthgym.domains import get_domain
from healthgym.domains.drug_interaction import tools_dosing as td
from healthgym.domains.drug_interaction import tools_drug as tg
from healthgym.domains.drug_interaction import tools_record as tr
from healthgym.domains.drug_interaction.grading import grade, match_band
from healthgym.domains.drug_interaction.hazards import hazards
from healthgym.domains.drug_interaction.records import DrugPatient, DrugState, HomeMed
from healthgym.env import HealthGymEnv
from healthgym.episode import EpisodeLog
from healthgym.patients.model import Allergy
from healthgym.tools import ToolError, format_hermes
from healthgym.tools.library import drugs as lib

DOMAIN = get_domain("drug_interaction")
MEDS = [
    ("simvastatin", "Zocor", "20 mg once daily in the evening", "hyperlipidemia"),
    ("warfarin", "Coumadin", "5 mg daily", "atrial_fibrillation"),
    ("metoprolol", "metoprolol succinate", "50 mg once daily", "hypertension"),
    ("sertraline", "sertraline", "50 mg once daily", "depression"),
    ("lisinopril", "lisinopril", "10 mg once daily", "hypertension"),
]


def make_patient(**overrides) -> DrugPatient:
    base = dict(
        id="P1",
        name="Test Patient",
        age=70,
        sex="male",
        weight_kg=80.0,
        height_cm=175.0,
        creatinine_mg_dl=1.6,
        potassium=4.6,
        bilirubin_mg_dl=2.5,
        albumin_g_dl=3.0,
        inr=1.9,
        alt=40,
        ast=55,
        ascites="mild",
        encephalopathy="none",
        qtc_ms=478,
        allergies=[
            Allergy(allergen="Penicillin", reaction="anaphylaxis"),
            Allergy(allergen="Sulfonamide antibiotics", reaction="rash"),
        ],
        conditions=[
            "hyperlipidemia",
            "atrial_fibrillation",
            "hypertension",
            "depression",
            "cirrhosis",
        ],
        medications=[HomeMed(drug=d, label=lb, dose=ds, indication=i) for d, lb, ds, i in MEDS],
    )
    base.update(overrides)
    return DrugPatient(**base)


def state(**overrides) -> DrugState:
    """A state whose chart has been read (the record-reading calculators are gated)."""
    s = DrugState(patient=make_patient(**overrides), task_type="order_review")
    for t in tr.RECORD_TOOLS:
        t(s)
    return s


def test_record_tools():
    s = state()
    meds = tr.get_medication_list(s)
    assert meds.splitlines()[0] == "Current medications (5):"
    assert "2. Coumadin 5 mg daily (for atrial fibrillation)" in meds
    assert (
        tr.get_allergies(s)
        == "Allergies: Penicillin (anaphylaxis); Sulfonamide antibiotics (rash)."
    )
    assert tr.get_patient_summary(s) == (
        "Test Patient, 70-year-old male. Weight 80 kg, height 175 cm."
    )
    female = state(sex="female", pregnant=True, gestational_weeks=12)
    assert "Pregnancy: pregnant, 12 weeks. Breastfeeding: no." in tr.get_patient_summary(female)
    labs = tr.get_labs(s)
    assert "Serum creatinine 1.6 mg/dL" in labs and "ascites mild" in labs and "QTc 478 ms" in labs
    assert "Cirrhosis" in tr.get_problem_list(s) and s.record_viewed >= {"medications", "labs"}


def test_kidney_function_from_the_record():
    p = make_patient()
    # Cockcroft-Gault: (140 - 70) x 80 / (72 x 1.6) = 5600 / 115.2 = 48.6 mL/min
    assert p.crcl() == 48.6
    # CKD-EPI 2021 (male): 142 x (1.6/0.9)^-1.2 x 0.9938^70 = 46.1
    assert p.egfr() == 46.1
    female = make_patient(sex="female")
    assert female.crcl() == round(5600 * 0.85 / 115.2, 1)


def test_renal_tool_shows_crcl_and_every_band_unmarked():
    s = state()
    out = td.renal_dose_adjustment(s, "Levaquin")
    assert "48.6 mL/min" in out and "eGFR (CKD-EPI 2021): 46.1" in out
    for band in drugs()["levofloxacin"].renal.bands:
        assert band.dose in out
    assert "applies" not in out and "levofloxacin" in s.renal_checked
    assert "no labelled renal dose bands" in td.renal_dose_adjustment(s, "metoprolol")


def test_record_reading_calculators_are_gated():
    s = DrugState(patient=make_patient(), task_type="renal_dose")
    with pytest.raises(ToolError, match=r"age, sex and weight \(call get_patient_summary first"):
        td.renal_dose_adjustment(s, "levofloxacin")
    tr.get_patient_summary(s)
    with pytest.raises(ToolError, match="call get_labs first"):
        td.renal_dose_adjustment(s, "levofloxacin")
    with pytest.raises(ToolError, match="call get_allergies first"):
        lib.check_allergy(s, "amoxicillin")
    tr.get_labs(s)
    assert "48.6 mL/min" in td.renal_dose_adjustment(s, "levofloxacin")
    with pytest.raises(ToolError, match="problem list"):
        td.hepatic_dose_adjustment(s, "rivaroxaban")


def test_hepatic_tool_computes_child_pugh():
    s = state()
    # bilirubin 2.5 (2) + albumin 3.0 (2) + INR 1.9 (2) + mild ascites (2) + none (1) = 9 -> B
    out = td.hepatic_dose_adjustment(s, "rivaroxaban")
    assert out.startswith("Child-Pugh score 9 (class B)")
    assert "rivaroxaban in Child-Pugh B: avoid in moderate or severe hepatic impairment" in out
    healthy = state(conditions=["hypertension"], bilirubin_mg_dl=0.6, albumin_g_dl=4.2, inr=1.0)
    assert "no hepatic dose adjustment applies" in td.hepatic_dose_adjustment(
        healthy, "rivaroxaban"
    )


def test_interaction_tools():
    s = state()
    out = lib.check_interaction(s, "Zocor", "Biaxin")
    assert out.startswith("simvastatin + clarithromycin: Severity: CONTRAINDICATED.")
    assert s.saw_pair("clarithromycin", "simvastatin") == "contraindicated"
    assert lib.check_interaction(s, "warfarin", "metoprolol").endswith(
        "no clinically significant interaction listed."
    )
    assert s.saw_pair("warfarin", "metoprolol") == "none"
    regimen = s.patient.regimen()
    screen = tg.screen_interactions(s, drugs=[*regimen, "clarithromycin"])
    assert "- simvastatin + clarithromycin: CYP3A4 inhibition" in screen
    assert "Severity" not in screen
    full = tg.check_interactions(s, "ciprofloxacin", others=["Zocor", "Coumadin", "metoprolol"])
    assert "ciprofloxacin + warfarin: Severity: MAJOR." in full
    assert full.count("- ") == 3 and s.saw_pair("warfarin", "ciprofloxacin") == "major"
    with pytest.raises(ToolError, match="at least one drug"):
        tg.screen_interactions(s, drugs=[])


def test_profile_and_burden_tools():
    s = state()
    regimen = s.patient.regimen()
    assert "inhibits CYP3A4 (strong)" in tg.cyp_profile(s, ["clarithromycin"])
    assert "CYP3A4: simvastatin (sensitive substrate)" in tg.cyp_profile(s, regimen)
    qt = tg.qt_burden(s, [*regimen, "citalopram"])
    assert qt.startswith("QT-prolonging drugs (2 of 6): sertraline (conditional risk), citalopram")
    assert "478" not in qt and "> 500 ms" in qt  # thresholds only; the QTc is in get_labs
    sero = tg.serotonergic_burden(s, [*regimen, "tramadol"])
    assert sero == "Serotonergic drugs (2 of 6): sertraline, tramadol."
    mono = lib.drug_monograph(s, "diphenhydramine")
    assert "AGS Beers 2023 (age >= 65): avoid" in mono and "diphenhydramine" in s.monographs


def test_allergy_pregnancy_and_alternatives():
    s = state()
    out = lib.check_allergy(s, "Keflex")
    assert "- Penicillin (anaphylaxis): cross-reactive (shared class: penicillin)" in out
    assert "- Sulfonamide antibiotics (rash): no class cross-reactivity" in out
    assert "cross-reactive (shared class: sulfonamide)" in lib.check_allergy(s, "Bactrim")
    assert "CONTRAINDICATED" in td.pregnancy_lactation_safety(s, "lisinopril")
    assert "patient" not in td.pregnancy_lactation_safety(s, "lisinopril").lower()
    alts = td.find_alternatives(s, "simvastatin", avoid="clarithromycin")
    assert (
        "- lovastatin: HMG-CoA reductase inhibitor (statin); with clarithromycin: Severity: "
        "CONTRAINDICATED" in alts
    )
    assert (
        "- rosuvastatin: HMG-CoA reductase inhibitor (statin); with clarithromycin: no "
        "interaction" in alts
    )
    assert "simvastatin:" not in alts
    nsaids = td.find_alternatives(s, "celecoxib", avoid="Sulfonamide antibiotics")
    assert nsaids.count("sulfonamide class: no") == 5
    with pytest.raises(ToolError, match="allergy class"):
        td.find_alternatives(s, "celecoxib", avoid="moonlight")


def test_bad_arguments_give_clear_errors():
    s = state()
    with pytest.raises(ToolError, match="did you mean simvastatin"):
        lib.drug_monograph(s, "simvastatn")
    with pytest.raises(ToolError, match="required"):
        lib.check_interaction(s, " ", "warfarin")
    env = HealthGymEnv("drug_interaction", split=None)
    env.reset(options={"index": 1})
    cases = [
        (format_hermes("check_interaction", {"drug_a": "warfarin"}), "missing required"),
        (format_hermes("drug_monograph", {"drug": 7}), "expected a string"),
        (format_hermes("submit_answer", {"severity": "fatal"}), "is not one of"),
        (format_hermes("teleport", {}), "unknown tool 'teleport'"),
        (format_hermes("renal_dose_adjustment", {"drug": "zzz"}), "call get_patient_summary"),
        (format_hermes("pregnancy_lactation_safety", {"drug": "zzz"}), "unknown drug 'zzz'"),
    ]
    for action, fragment in cases:
        obs, *_ = env.step(action)
        assert fragment in obs, obs


def test_hazards_of_a_drug_for_the_patient():
    p = make_patient()
    codes = {h.code for h in hazards("clarithromycin", p)}
    assert "contraindicated_interaction" in codes  # with simvastatin
    assert {h.code for h in hazards("amoxicillin", p)} == {"allergy"}
    assert {h.code for h in hazards("rivaroxaban", p)} == {
        "hepatic_avoid",  # Child-Pugh B
        "major_interaction",  # with warfarin (two anticoagulants)
    }
    assert hazards("pravastatin", p) == []
    assert {h.code for h in hazards("diphenhydramine", p)} == {"beers_avoid"}


@pytest.mark.parametrize(
    ("dose", "band"),
    [
        ("750 mg every 48 hours", 1),
        ("Levofloxacin 750 MG every 48 hours (CrCl 20-49)", 1),
        ("750 mg once, then 500 mg every 48 hours", 2),
        ("750 mg every 24 hours", 0),
        ("750 mg", None),
        ("", None),
    ],
)
def test_dose_matching(dose, band):
    bands = [(b.dose, b.action) for b in drugs()["levofloxacin"].renal.bands]
    assert match_band(dose, bands) == band


def _task(kind: str):
    return next(
        DOMAIN.task(i)
        for i in range(DOMAIN.n_tasks)
        if DOMAIN.task(i).grader["task_type"] == kind
        and (
            kind != "order_review"
            or any(r.code == "contraindicated_interaction" for r in DOMAIN.task(i).safety)
        )
    )


def _episode(task, *calls):
    env = HealthGymEnv("drug_interaction", split=None)
    env.reset(options={"task": task})
    for name, args in calls:
        *_, info = env.step(format_hermes(name, args))
    return info["reward_components"]


def test_approving_a_contraindicated_combination_is_critical():
    task = _task("order_review")
    c = _episode(task, ("submit_answer", {"decision": "approve"}))
    assert c["capped"] and c["composite"] <= 0.1 and c["safety"] == 0.0 and c["accuracy"] == 0
    assert "contraindicated_interaction" in {v["code"] for v in c["violations"]}
    reject = {"decision": "reject", "reason": "renal"}
    c = _episode(task, ("submit_answer", reject))
    assert c["accuracy"] == 0.5 and not c["violations"]


def test_alternative_grading_and_allergy_choice():
    task = _task("alternative")
    ok = task.grader["accepted"][0]
    regimen = [m["drug"] for m in task.hidden["patient"]["medications"]]
    c = _episode(
        task,
        ("get_medication_list", {}),
        ("check_interactions", {"drug": ok, "others": regimen}),
        ("get_allergies", {}),
        ("submit_answer", {"drugs": [ok.upper()]}),
    )
    assert c["accuracy"] == 1.0 and c["coherence"] == 1.0
    rule = next(r for r in task.safety if r.target != task.grader["original"])
    c = _episode(task, ("submit_answer", {"drugs": [rule.target]}))
    assert c["accuracy"] == 0.0 and rule.code in {v["code"] for v in c["violations"]}


def test_renal_overdose_is_major_and_most_severe_partial_credit():
    task = next(
        DOMAIN.task(i)
        for i in range(DOMAIN.n_tasks)
        if DOMAIN.task(i).grader["task_type"] == "renal_dose" and DOMAIN.task(i).safety
    )
    top = drugs()[task.grader["drug"]].renal.bands[0].dose
    c = _episode(task, ("submit_answer", {"drug": task.grader["drug"], "dose": top}))
    assert c["accuracy"] == 0 and c["violations"][0]["severity"] == "major"
    task = _task("most_severe")
    pair = task.grader["pair"]
    wrong = "minor" if task.grader["severity"] != "minor" else "major"
    c = _episode(task, ("submit_answer", {"drugs": pair, "severity": wrong}))
    assert c["accuracy"] == 0.7 and c["details"]["coherence"]["severity_matches_evidence"] is False


def test_grader_without_submission_and_deprescribe():
    task = _task("deprescribe")
    s = DOMAIN.new_state(task)
    assert grade(task, s, EpisodeLog()).accuracy == 0.0
    g = grade(task, s, EpisodeLog(answer={"drugs": [task.grader["drug"]], "reason": "other"}))
    assert g.accuracy == 1.0 and g.coherence_checks == {
        "evidence_seen": False,
        "reason_consistent": False,
    }


def test_generated_patients_are_coherent():
    for i in range(0, DOMAIN.n_tasks, 3):
        task = DOMAIN.task(i)
        p = DrugPatient.model_validate(task.hidden["patient"])
        groups = [drugs()[m].group for m in p.regimen()]
        assert len(groups) == len(set(groups)) and 3 <= len(groups) <= 10
        assert all(m.indication in p.conditions for m in p.medications)
        assert not p.pregnant or p.sex == "female"
        assert (p.crcl() < 60) <= ("chronic_kidney_disease" in p.conditions)
        stop = task.grader.get("drug") if task.grader["task_type"] == "deprescribe" else None
        for m in p.regimen():
            if m != stop:
                assert not [h for h in hazards(m, p, regimen=[]) if h.reason != "beers"], (i, m)
