"""cross_domain rules and grader: published thresholds, dosing, and graded scenarios."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from healthgym.domains import get_domain
from healthgym.domains.cross_domain import antibiotics as ab
from healthgym.domains.cross_domain import rules
from healthgym.domains.cross_domain.diagnoses import match
from healthgym.domains.cross_domain.gen_common import base_patient, set_allergy, set_labs
from healthgym.env import HealthGymEnv
from healthgym.patients.model import Allergy, Medication
from healthgym.tools import format_hermes

DOMAIN = get_domain("cross_domain")


@cache
def tasks() -> list:
    return [DOMAIN.task(i) for i in range(DOMAIN.n_tasks)]


def find(pathway: str, pred=lambda t: True):
    return next(t for t in tasks() if t.grader["pathway"] == pathway and pred(t))


def play(task, calls: list[tuple[str, dict[str, Any]]], submit: bool = True) -> dict:
    """Run ``calls`` (then the reference diagnosis) and return the reward components."""
    env = HealthGymEnv(domain="cross_domain", split=None, max_turns=60)
    env.reset(options={"index": task.index})
    info: dict = {}
    if submit:
        calls = [*calls, ("submit_pathway", task.reference.answer)]
    for name, args in calls:
        _, _, done, _, info = env.step(format_hermes(name, args))
        if done:
            break
    if not submit:
        env.max_turns = env.log.turns + 1
        _, _, _, _, info = env.step("thinking")
    return info["reward_components"]


def ref_calls(task, drop: set[str] = frozenset(), replace: dict | None = None) -> list:
    """The reference calls without the submission, minus ``drop``, with replacements."""
    out = []
    for c in task.reference.calls[:-1]:
        if c.name in drop:
            continue
        if replace and c.name in replace:
            out.append((c.name, replace[c.name]))
        else:
            out.append((c.name, dict(c.arguments)))
    return out


def codes(components: dict) -> set[str]:
    return {v["code"] for v in components["violations"]}


# ------------------------------------------------------------------ antimicrobial rules


def test_parse_regimen_reads_the_formulary_texts():
    r = ab.parse_regimen("3.375 g IV every 6 hours")
    assert r is not None and r.doses == ((3375.0, 3375.0),) and r.intervals == (6.0,)
    r = ab.parse_regimen("1-2 g IV once daily")
    assert r is not None and r.matches(2000, 24) and r.matches(1000, 24) and not r.matches(2500, 24)
    r = ab.parse_regimen("750 mg once, then 500 mg every 48 hours")
    assert r is not None and r.matches(750, 48) and r.matches(500, 48) and not r.matches(750, 24)
    assert ab.parse_regimen("avoid (ineffective, toxic)") is None


def test_renal_bands_follow_cockcroft_gault():
    p = base_patient("urosepsis", 11, "X")
    # male/female, age, weight fixed by the seed; set the creatinine for a chosen CrCl band
    p = p.model_copy(update={"age": 80, "sex": "male", "weight_kg": 70.0, "height_cm": 175.0})
    p = set_labs(p, creatinine=2.0)  # (140 - 80) x 70 / (72 x 2.0) = 29.2 mL/min
    assert ab.crcl_values(p)[0] == pytest.approx(29.2, abs=0.05)
    assert [r.reference() for r in ab.regimens("piperacillin-tazobactam", p)] == [(2250.0, 6.0)]
    assert ab.regimens("meropenem", p)[0].reference() == (1000.0, 12.0)
    p = set_labs(p, creatinine=1.0)  # 58.3 mL/min: the usual band
    assert ab.regimens("piperacillin-tazobactam", p)[0].reference() == (3375.0, 6.0)
    assert any(r.matches(4500, 6) for r in ab.regimens("piperacillin-tazobactam", p))


def test_slots_respect_allergy_and_interactions():
    import numpy as np

    rng = np.random.default_rng(0)
    p = set_allergy(base_patient("urosepsis", 3, "X"), None, rng)
    p = p.model_copy(update={"medications": []})
    assert ab.slots_for("urinary", p)[0][1][0] == "piperacillin-tazobactam"
    # penicillin anaphylaxis: no beta-lactam but aztreonam (AAAAI/ACAAI 2022)
    pen = p.model_copy(
        update={"allergies": [Allergy(allergen="Penicillin", reaction="anaphylaxis")]}
    )
    assert ab.slots_for("urinary", pen) == [("anti-Gram-negative beta-lactam", ("aztreonam",))]
    assert ab.slots_for("respiratory", pen) == [
        ("respiratory fluoroquinolone", ("levofloxacin", "moxifloxacin"))
    ]
    qt = p.model_copy(update={"medications": [Medication(name="citalopram", dose="20 mg")]})
    atypical = ab.slots_for("respiratory", qt)[1][1]
    assert "azithromycin" not in atypical and atypical == ("doxycycline",)
    assert ("allergy", "critical") in {(c, s) for c, s, _ in ab.hazards("ceftriaxone", pen)}
    warf = p.model_copy(update={"medications": [Medication(name="warfarin", dose="5 mg")]})
    assert ("major_interaction", "major") in {
        (c, s) for c, s, _ in ab.hazards("levofloxacin", warf)
    }
    assert ab.regimen_ok("respiratory", p, ["ceftriaxone", "azithromycin"])
    assert not ab.regimen_ok("respiratory", p, ["ceftriaxone"])
    assert not ab.regimen_ok("respiratory", p, ["ceftriaxone", "azithromycin", "levofloxacin"])
    assert not ab.regimen_ok("hap", p, ["ceftriaxone"])  # no anti-pseudomonal cover


# ------------------------------------------------------------------ published thresholds


def test_sepsis_thresholds():
    assert rules.hypotension({"sbp": 89, "dbp": 60}) and rules.hypotension({"sbp": 100, "dbp": 45})
    assert not rules.hypotension({"sbp": 100, "dbp": 50})  # MAP 66.7
    p = base_patient("urosepsis", 5, "X").model_copy(update={"weight_kg": 80.0})
    assert rules.fluid_targets(p)[0] == 2400
    assert rules.volume_ok(2400 * 1.2, [2400]) and not rules.volume_ok(2400 * 1.21, [2400])
    assert rules.sepsis_destinations({"sbp": 80, "dbp": 45}, 3.0, 3.0) == ("icu",)
    assert rules.sepsis_destination({"sbp": 110, "dbp": 60}, 3.0, 1.8) == "ward"
    assert rules.sepsis_destinations({"sbp": 110, "dbp": 60}, 3.0, 2.5) == ("icu", "monitored_bed")


def test_thrombolysis_eligibility_and_dose():
    p = base_patient("acute_ischaemic_stroke", 7, "X")
    p = set_labs(p, inr=1.0, platelets=250.0, glucose=110.0)
    p = p.model_copy(update={"medications": [], "vitals": {**p.vitals, "sbp": 170, "dbp": 90}})
    assert rules.lysis_contraindications(p, 3.0, 90) == []  # 270 minutes exactly
    assert rules.lysis_contraindications(p, 3.0, 91) == ["outside_time_window"]
    assert rules.lysis_contraindications(set_labs(p, inr=1.8), 1, 0) == ["inr_above_1_7"]
    assert rules.lysis_contraindications(set_labs(p, platelets=99.0), 1, 0) == [
        "platelets_below_100"
    ]
    assert rules.lysis_contraindications(set_labs(p, glucose=45.0), 1, 0) == ["glucose_below_50"]
    doac = p.model_copy(update={"medications": [Medication(name="apixaban", dose="5 mg")]})
    assert rules.lysis_contraindications(doac, 1, 0) == ["anticoagulant_use"]
    high = p.model_copy(update={"vitals": {**p.vitals, "sbp": 186}})
    assert rules.lysis_contraindications(high, 1, 0) == ["blood_pressure_above_185_110"]
    assert rules.lysis_dose("alteplase", 70) == pytest.approx(63.0)
    assert (
        rules.lysis_dose("alteplase", 120) == 90.0 and rules.lysis_dose("tenecteplase", 120) == 25.0
    )
    assert rules.thrombectomy_indicated(True, 6) and not rules.thrombectomy_indicated(True, 5)


def test_dka_potassium_insulin_and_fluids():
    assert rules.potassium_branch(3.2) == "replace_and_hold_insulin"
    assert rules.potassium_branch(3.3) == "add_to_each_litre"
    assert rules.potassium_branch(5.2) == "add_to_each_litre"
    assert rules.potassium_branch(5.3) == "no_potassium_recheck_2h"
    assert rules.insulin_rate_ok(7.0, 70) and rules.insulin_rate_ok(9.8, 70)  # 0.1 / 0.14
    assert not rules.insulin_rate_ok(5.0, 70) and not rules.insulin_rate_ok(12.0, 70)
    assert rules.dka_fluid_ok(1050, 70) and rules.dka_fluid_ok(1400, 70)  # 15 / 20 mL/kg
    assert rules.dka_fluid_ok(1680, 70) and not rules.dka_fluid_ok(1690, 70)  # 24 mL/kg
    assert rules.dka_fluid_ok(500, 70) and rules.dka_fluid_ok(400, 70)  # 2024: 500-1000 mL
    assert not rules.dka_fluid_ok(390, 70) and not rules.dka_fluid_ok(2500, 100)


def test_gi_transfusion_and_endoscopy():
    p = base_patient("peptic_ulcer_bleeding", 1, "X").model_copy(update={"comorbidities": []})
    assert rules.transfusion_threshold(p) == 7.0
    cad = p.model_copy(update={"comorbidities": ["coronary_artery_disease"]})
    assert rules.transfusion_threshold(cad) == 8.0
    assert rules.transfusion_indicated(set_labs(cad, hemoglobin=7.6))
    assert not rules.transfusion_indicated(set_labs(p, hemoglobin=7.6))
    assert rules.endoscopy_timing(1) == "outpatient" and rules.endoscopy_timing(2) == "within_24h"


def test_news2_response_bands():
    p = base_patient("community_acquired_pneumonia", 2, "X")
    # RR 22 (2) + SpO2 95 (1) + SBP 105 (1) + HR 112 (2) + alert (0) + 38.5 C (1) = 7
    v = {"rr": 22, "spo2": 95, "sbp": 105, "dbp": 60, "hr": 112, "temp_c": 38.5}
    p = p.model_copy(update={"vitals": v, "features": []})
    assert rules.news2_response(p) == (7.0, "emergency_response")
    v2 = {"rr": 16, "spo2": 97, "sbp": 125, "dbp": 70, "hr": 80, "temp_c": 38.5}
    assert rules.news2_response(p.model_copy(update={"vitals": v2})) == (1.0, "ward_based_response")
    v3 = {**v2, "spo2": 91}  # a single red score (3)
    assert (
        rules.news2_response(p.model_copy(update={"vitals": v3}))[1] == "urgent_ward_based_response"
    )


def test_diagnosis_matching():
    assert match("Hospital-acquired pneumonia") == {"hospital_acquired_pneumonia"}
    assert match("pneumonia") == {"community_acquired_pneumonia"}
    assert match("urosepsis or pneumonia") == set()
    assert match("NSTEMI") == {"nstemi"} and match("acute ischemic stroke") == {
        "acute_ischaemic_stroke"
    }


# ------------------------------------------------------------------ graded scenarios


def test_an_allergen_is_critical_and_caps_the_reward():
    task = find(
        "sepsis", lambda t: "penicillin" in {r.target for r in t.safety if r.code == "allergy"}
    )
    replace = {
        "give_medication": {
            "drug": "piperacillin-tazobactam",
            "route": "iv",
            "dose_mg": 2250,
            "interval_h": 6,
        }
    }
    c = play(task, ref_calls(task, replace=replace))
    assert "allergy" in codes(c) and c["safety"] == 0.0 and c["capped"]
    assert c["details"]["phases"]["antimicrobials"]["checks"]["regimen"] is False


def test_a_wrong_renal_band_is_major():
    task = find(
        "sepsis",
        lambda t: any(
            c.name == "give_medication"
            and c.arguments["drug"] == "piperacillin-tazobactam"
            and c.arguments["dose_mg"] == 2250
            for c in t.reference.calls
        ),
    )
    replace = {
        "give_medication": {
            "drug": "piperacillin-tazobactam",
            "route": "iv",
            "dose_mg": 4500,
            "interval_h": 6,
        }
    }
    c = play(task, ref_calls(task, replace=replace))
    assert codes(c) == {"antimicrobial_dose"} and c["safety"] == 0.5
    phase = c["details"]["phases"]["antimicrobials"]
    assert phase["checks"]["renal_dose"] is False and phase["score"] == 0.75


def test_the_sepsis_hour_and_the_fluid_volume():
    task = find("sepsis", lambda t: t.grader["variant"] == "urinary")
    calls = ref_calls(task, drop={"give_fluids"})
    abx = next(i for i, c in enumerate(calls) if c[0] == "give_medication")
    delay = [("order_imaging", {"study": s}) for s in ("mri_brain", "echocardiogram")]
    c = play(task, calls[:abx] + delay + calls[abx:])
    assert {"sepsis_hour", "fluid_volume"} <= codes(c) and c["capped"]
    phases = c["details"]["phases"]
    assert phases["antimicrobials"]["checks"]["within_hour"] is False
    assert phases["fluids"]["score"] == 0.0
    assert c["accuracy"] == pytest.approx(sum(p["score"] for p in phases.values()) / len(phases))


def test_an_unsubmitted_episode_scores_zero_but_keeps_its_violations():
    task = find("sepsis")
    c = play(task, [("get_vitals", {})], submit=False)
    assert c["accuracy"] == 0.0 and "sepsis_hour" in codes(c)


def test_insulin_with_low_potassium_is_critical():
    task = find("dka", lambda t: t.grader["expect"]["potassium"] == "replace_and_hold_insulin")
    w = task.hidden["patient"]["weight_kg"]
    calls = [*ref_calls(task), ("start_insulin_infusion", {"units_per_hour": round(0.1 * w, 1)})]
    c = play(task, calls)
    assert "insulin_hypokalaemia" in codes(c) and c["capped"]
    assert c["details"]["phases"]["insulin_potassium"]["checks"]["insulin_held"] is False


def test_potassium_in_hyperkalaemia_is_major():
    task = find("dka", lambda t: t.grader["expect"]["potassium"] == "no_potassium_recheck_2h")
    replace = {"potassium_decision": {"decision": "add_to_each_litre", "meq_per_litre": 20}}
    c = play(task, ref_calls(task, replace=replace))
    assert codes(c) == {"potassium_in_hyperkalaemia"}


def test_thrombolysis_on_an_anticoagulant_is_critical():
    task = find("stroke", lambda t: t.grader["variant"] == "doac")
    w = task.hidden["patient"]["weight_kg"]
    replace = {
        "thrombolysis_decision": {
            "decision": "give",
            "drug": "alteplase",
            "total_dose_mg": round(min(0.9 * w, 90), 1),
        }
    }
    c = play(task, ref_calls(task, replace=replace))
    assert "thrombolysis_contraindicated" in codes(c) and c["capped"]
    assert c["details"]["phases"]["thrombolysis"]["checks"]["decision_correct"] is False


def test_thrombolysis_dose_window_and_overdose():
    task = find(
        "stroke",
        lambda t: any(
            c.name == "thrombolysis_decision" and c.arguments["decision"] == "give"
            for c in t.reference.calls
        ),
    )
    w = task.hidden["patient"]["weight_kg"]
    tnk = {"decision": "give", "drug": "tenecteplase", "total_dose_mg": round(min(0.25 * w, 25), 1)}
    c = play(task, ref_calls(task, replace={"thrombolysis_decision": tnk}))
    assert c["accuracy"] == 1.0 and not c["violations"]
    over = {
        "decision": "give",
        "drug": "alteplase",
        "total_dose_mg": round(min(0.9 * w, 90) * 1.3, 1),
    }
    c = play(task, ref_calls(task, replace={"thrombolysis_decision": over}))
    assert "thrombolysis_overdose" in codes(c) and c["safety"] == 0.5
    assert c["details"]["phases"]["thrombolysis"]["checks"]["dose"] is False


def test_transfusion_above_threshold_is_minor():
    task = find(
        "gi_bleed", lambda t: t.grader["variant"] == "high" and not t.grader["expect"]["transfuse"]
    )
    c = play(
        task,
        ref_calls(task, replace={"red_cell_transfusion": {"decision": "transfuse", "units": 1}}),
    )
    assert codes(c) == {"transfusion_above_threshold"} and c["safety"] == pytest.approx(0.8)
    assert c["details"]["phases"]["resuscitation"]["checks"]["transfusion"] is False


def test_cath_lab_for_nstemi_fails_the_phase_and_is_minor():
    task = find("chest_pain", lambda t: t.grader["variant"] == "nstemi")
    c = play(task, [*ref_calls(task), ("activate_protocol", {"protocol": "stemi"})])
    assert codes(c) == {"stemi_activation_without_stemi"}
    assert c["details"]["phases"]["ecg_troponin"]["checks"]["stemi_activation"] is False


def test_a_late_ecg_fails_the_ten_minute_check():
    task = find("chest_pain", lambda t: t.grader["variant"] == "stemi")
    calls = ref_calls(task)
    ecg = calls.pop(0)
    c = play(task, [*calls[:3], ("order_lab_panel", {"panel": "cbc"}), ecg, *calls[3:]])
    assert c["details"]["phases"]["ecg_troponin"]["checks"]["ecg_within_10_min"] is False
    assert c["accuracy"] < 1.0


def test_early_postoperative_fever_needs_no_antibiotic():
    task = find("postop_fever", lambda t: t.grader["variant"] == "early")
    abx = (
        "give_medication",
        {"drug": "ceftriaxone", "route": "iv", "dose_mg": 1000, "interval_h": 24},
    )
    c = play(task, [*ref_calls(task), abx])
    assert "antimicrobial_without_infection" in codes(c)
    assert c["details"]["phases"]["treatment"]["score"] == 0.0


def test_phases_are_reported_per_phase():
    task = find("gi_bleed", lambda t: t.grader["variant"] == "high")
    c = play(task, ref_calls(task, drop={"schedule_endoscopy", "set_disposition"}))
    phases = c["details"]["phases"]
    assert set(phases) == set(task.grader["phases"])
    assert phases["endoscopy"]["score"] == 0.0 and phases["disposition"]["score"] == 0.5
    assert c["accuracy"] == pytest.approx(3.5 / 5)
