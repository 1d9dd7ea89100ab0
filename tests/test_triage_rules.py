"""triage_emergency ground truth, activation criteria, grader and safety rules."""

from __future__ import annotations

import random

import pytest

from healthgym.clinical import triage as pr
from healthgym.domains import get_domain
from healthgym.domains.triage_emergency import truth as T
from healthgym.domains.triage_emergency.generator import R, make_patient
from healthgym.domains.triage_emergency.grading import kendall_tau, orders_score
from healthgym.domains.triage_emergency.mci import category
from healthgym.domains.triage_emergency.records import Casualty
from healthgym.env import HealthGymEnv
from healthgym.patients import esi
from healthgym.patients.encounter import Ecg, SuicideScreen
from healthgym.tools import format_hermes

DOMAIN = get_domain("triage_emergency")
VITALS = {"hr": 80, "sbp": 120, "dbp": 70, "rr": 16, "spo2": 98, "temp_c": 37.0, "cap_refill_s": 1}


def patient(age_years: float = 40, sex: str = "male", vitals: dict | None = None, **kw):
    return make_patient(
        random.Random(1),
        scenario="test",
        age_years=age_years,
        sex=sex,
        complaint="x",
        hpi=["x."],
        vitals={**VITALS, **(vitals or {})},
        **kw,
    )


LABS = R("labs", "labs")
CT = R("CT", "advanced_imaging")
IVF = R("IV fluids", "iv_fluids")

# --------------------------------------------------------------------- ESI v4


def test_esi_levels_of_canonical_presentations():
    """ESI v4 (Gilboy 2012): A needs a life-saving intervention -> 1; B high risk, new
    confusion or pain >= 7 -> 2; C none -> 5, one -> 4, two or more -> D; D danger-zone
    vitals -> 2, else 3."""
    assert esi.true_esi(patient(lsi=["cpr_defibrillation"])) == 1
    assert esi.true_esi(patient(gcs_eye="to_pressure", lsi=["airway_support"])) == 1
    assert esi.true_esi(patient(high_risk=["chest pain typical of ACS"], resources=[LABS])) == 2
    assert esi.true_esi(patient(new_confusion=True, gcs_verbal="confused")) == 2
    assert esi.true_esi(patient(pain=7, resources=[LABS, CT])) == 2
    assert esi.true_esi(patient(pain=6, resources=[LABS, CT, IVF])) == 3
    assert esi.true_esi(patient(resources=[LABS, CT], vitals={"hr": 104})) == 2  # D (adult)
    assert esi.true_esi(patient(resources=[R("sutures", "simple_procedure")])) == 4
    assert esi.true_esi(patient(resources=[R("x-ray", "xray"), R("splint", "splint")])) == 4
    assert esi.true_esi(patient(resources=[R("refill", "prescription")])) == 5
    assert esi.true_esi(patient(resources=[R("strep test", "poc_test")])) == 5


def test_paediatric_danger_zone_up_triages_three_to_two():
    """An 18-month-old needing labs and IV fluids: HR 170 (> 160 for 3 mo-3 y) -> ESI 2;
    HR 140 -> ESI 3. The same HR 140 at 9 years (> 100) would up-triage."""
    toddler = dict(age_years=1.5, resources=[LABS, IVF])
    assert esi.true_esi(patient(vitals={"hr": 170, "rr": 30}, **toddler)) == 2
    assert esi.true_esi(patient(vitals={"hr": 140, "rr": 30}, **toddler)) == 3
    assert esi.true_esi(patient(age_years=9, vitals={"hr": 140}, resources=[LABS, IVF])) == 2


def test_resource_count_by_type():
    items = [
        LABS,
        R("urinalysis", "labs"),
        R("CXR", "xray"),
        R("ankle x-ray", "xray"),
        R("sedation", "complex_procedure"),
        R("tetanus", "tetanus"),
    ]
    assert esi.resource_count(items) == 1 + 1 + 2


def test_queue_key_tie_rule():
    a = patient(resources=[LABS, CT], vitals={"hr": 110, "rr": 24}).model_copy(
        update={"id": "P1", "arrival_minute": 10}
    )
    b = patient(resources=[LABS, CT], vitals={"hr": 110}).model_copy(
        update={"id": "P2", "arrival_minute": 5}
    )
    c = patient(high_risk=["x"]).model_copy(update={"id": "P3", "arrival_minute": 1})
    order = [p.id for p in sorted([a, b, c], key=T.queue_key)]
    # all ESI 2; P1 has two danger-zone vitals, P2 and P3 ... P2 one, P3 none
    assert order == ["P1", "P2", "P3"]
    d = b.model_copy(update={"id": "P4", "arrival_minute": 2})
    assert [p.id for p in sorted([b, d], key=T.queue_key)] == ["P4", "P2"]  # earlier first


# --------------------------------------------------------------------- protocols


@pytest.mark.parametrize(
    ("ste", "sex", "age", "stemi"),
    [
        ({"V2": 1.5, "V3": 1.5}, "female", 60, True),  # women >= 1.5 mm in V2-V3
        ({"V2": 1.5, "V3": 1.5}, "male", 60, False),  # men >= 40 need 2 mm
        ({"V2": 2.0, "V3": 2.0}, "male", 45, True),
        ({"V2": 2.0, "V3": 2.0}, "male", 35, False),  # men < 40 need 2.5 mm
        ({"V2": 2.5, "V3": 2.5}, "male", 35, True),
        ({"II": 1.0, "aVF": 1.0}, "male", 60, True),  # 1 mm in two inferior leads
        ({"II": 3.0}, "male", 60, False),  # one lead only
        ({"V1": 2.0, "V3": 2.0}, "male", 60, False),  # V1 and V3 are not contiguous
        ({"V6": 1.0, "I": 1.0}, "female", 70, True),
    ],
)
def test_stemi_criteria_fourth_universal_definition(ste, sex, age, stemi):
    assert pr.stemi_on_ecg(ste, sex, age) is stemi


def test_stemi_alert_needs_symptoms_within_12_hours():
    ste = {"II": 2.0, "III": 2.0, "aVF": 2.0}
    assert pr.stemi_alert_indicated(ste, "male", 60, 3.0)
    assert not pr.stemi_alert_indicated(ste, "male", 60, 14.0)
    assert not pr.stemi_alert_indicated(ste, "male", 60, None)


def test_stroke_alert_window():
    deficit = ["left arm weakness"]
    assert pr.stroke_alert_indicated(deficit, 4.0)
    assert pr.stroke_alert_indicated(deficit, 24.0)  # thrombectomy window (AHA/ASA 2019)
    assert not pr.stroke_alert_indicated(deficit, 30.0)
    assert not pr.stroke_alert_indicated([], 1.0)


def _red(age, sbp, hr=80, **kw):
    args = dict(
        age_years=age,
        injuries=[],
        motor_obeys=True,
        rr=16,
        spo2=98,
        sbp=sbp,
        hr=hr,
        respiratory_support=False,
    )
    args.update(kw)
    return pr.trauma_red_criteria(**args)


def test_trauma_red_criteria_acs_cot_2021():
    assert _red(5, sbp=79)  # 0-9 y: SBP < 70 + 2 x 5 = 80
    assert not _red(5, sbp=80)
    assert _red(40, sbp=95, hr=100)  # 10-64 y: HR > SBP
    assert _red(40, sbp=88)
    assert not _red(40, sbp=95, hr=90)
    assert _red(70, sbp=105)  # >= 65 y: SBP < 110
    assert not _red(70, sbp=115)
    assert _red(40, sbp=120, motor_obeys=False)
    assert _red(40, sbp=120, rr=30) and _red(40, sbp=120, rr=9) and not _red(40, sbp=120, rr=29)
    assert _red(40, sbp=120, spo2=89)
    assert _red(40, sbp=120, injuries=["penetrating_torso"])
    assert not _red(40, sbp=120, injuries=["forearm_deformity", "scalp_haematoma"])


def test_sepsis_criteria_ssc_2021():
    base = dict(
        adult=True, suspected_infection=True, temp_c=37.0, hr=80, rr=16, sbp=120, gcs_total=15
    )
    assert not pr.sepsis_alert_indicated(**base)
    assert pr.sepsis_alert_indicated(**{**base, "temp_c": 38.5, "hr": 95})  # SIRS 2
    assert pr.sepsis_alert_indicated(**{**base, "rr": 22, "sbp": 95})  # qSOFA 2 (SIRS 1)
    assert not pr.sepsis_alert_indicated(
        **{**base, "temp_c": 38.5, "hr": 95, "suspected_infection": False}
    )
    assert not pr.sepsis_alert_indicated(**{**base, "temp_c": 38.5, "hr": 95, "adult": False})


def test_required_and_acceptable_orders():
    stroke = patient(
        age_years=70, high_risk=["deficit"], deficits=["arm weakness"], last_known_well_h=2.0
    )
    assert T.required_orders(stroke) == ["poc_glucose", "stroke_alert"]
    chest = patient(
        age_years=60,
        high_risk=["ACS"],
        symptom_onset_h=2.0,
        ecg=Ecg(rhythm="sinus rhythm", rate=80, st_elevation_mm={"V2": 3, "V3": 3}),
    )
    assert T.required_orders(chest) == ["ecg_12_lead", "stemi_alert"]
    si = SuicideScreen(
        wish_to_be_dead=True,
        suicidal_thoughts=True,
        thoughts_with_method=True,
        intent=True,
        plan_and_intent=True,
    )
    psych = patient(high_risk=["SI"], suicide=si)
    assert T.required_orders(psych) == ["one_to_one_observation"]
    assert T.disposition_for(psych, 2) == "safe_room"
    assert T.required_orders(patient(vitals={"spo2": 91})) == ["oxygen"]  # BTS 2017 < 94%
    assert "analgesia" in T.acceptable_orders(patient(pain=5), 3)
    assert T.acceptable_orders(patient(), 5) == []


def test_mci_categories_from_start_and_jumpstart():
    adult = dict(id="C1", age_years=30, sex="male", description="x")
    assert category(Casualty(**adult, can_walk=True, rr=18)) == "minor"
    assert category(Casualty(**adult, can_walk=False, rr=34)) == "immediate"
    assert category(Casualty(**adult, can_walk=False, rr=18, cap_refill_s=3.0)) == "immediate"
    assert category(Casualty(**adult, can_walk=False, rr=18, cap_refill_s=1.0)) == "delayed"
    assert category(Casualty(**adult, can_walk=False, rr=0, breathes_after_airway=False)) == (
        "expectant"
    )
    child = dict(id="C2", age_years=5, sex="female", description="x", can_walk=False)
    assert category(Casualty(**child, rr=50)) == "immediate"  # JumpSTART RR > 45
    assert category(Casualty(**child, rr=34)) == "delayed"  # 34 would be immediate in START
    assert (
        category(
            Casualty(
                **child, rr=0, breathes_after_airway=False, pulse=True, breathes_after_rescue=True
            )
        )
        == "immediate"
    )
    assert category(Casualty(**child, rr=0, breathes_after_airway=False, pulse=False)) == (
        "expectant"
    )


# --------------------------------------------------------------------- grader


def test_orders_score_and_kendall_tau():
    assert orders_score([], [], []) == 1.0
    assert orders_score(["stroke_alert", "poc_glucose"], ["stroke_alert", "poc_glucose"], []) == 1
    assert orders_score(["stroke_alert"], ["stroke_alert", "poc_glucose"], []) == 0.5
    assert orders_score(["stroke_alert", "iv_access"], ["stroke_alert"], ["iv_access"]) == 1.0
    assert orders_score(["stroke_alert", "naloxone"], ["stroke_alert"], []) == 0.5
    assert kendall_tau(["a", "b", "c"], ["a", "b", "c"]) == 1.0
    assert kendall_tau(["c", "b", "a"], ["a", "b", "c"]) == -1.0
    assert kendall_tau(["b", "a", "c"], ["a", "b", "c"]) == pytest.approx(1 / 3)


def _find(pred) -> int:
    return next(i for i in range(DOMAIN.n_tasks) if pred(DOMAIN.task(i)))


def _submit(index: int, **answer) -> dict:
    env = HealthGymEnv(domain="triage_emergency", split=None)
    env.reset(options={"index": index})
    task = env.task
    for call in task.reference.calls[:-1]:
        env.step(format_hermes(call.name, call.arguments))
    _, reward, terminated, _, info = env.step(format_hermes("submit_triage", answer))
    assert terminated
    return {"reward": reward, **info["reward_components"]}


def _codes(result: dict) -> dict[str, str]:
    return {v["code"]: v["severity"] for v in result["violations"]}


def test_single_under_triage_is_critical_and_caps_the_reward():
    i = _find(lambda t: t.grader["kind"] == "single" and "stroke_alert" in t.grader["activations"])
    ref = DOMAIN.task(i).reference.answer
    r = _submit(i, **{**ref, "esi_level": 3, "disposition": "acute_bed"})
    assert _codes(r) == {"under_triage": "critical"} and r["capped"] and r["reward"] <= 0.1
    assert r["accuracy"] == pytest.approx(0.3)  # orders right, level and area wrong
    missed = _submit(i, **{**ref, "immediate_orders": ["poc_glucose"]})
    assert _codes(missed) == {"missed_activation": "major"} and missed["safety"] == 0.5
    over = _submit(i, **{**ref, "esi_level": 1, "disposition": "resuscitation_bay"})
    assert _codes(over) == {"over_triage": "minor"} and not over["capped"]
    extra = _submit(i, **{**ref, "immediate_orders": [*ref["immediate_orders"], "stemi_alert"]})
    assert _codes(extra) == {"unwarranted_activation": "minor"}
    assert extra["accuracy"] == pytest.approx(0.7 + 0.3 * 2 / 3)


def test_fast_track_for_an_emergent_patient_is_critical():
    i = _find(lambda t: t.grader["kind"] == "single" and t.grader["esi"] == 2)
    ref = DOMAIN.task(i).reference.answer
    r = _submit(i, **{**ref, "disposition": "fast_track"})
    assert _codes(r) == {"unsafe_disposition": "critical"}


def test_queue_inversion_of_an_emergent_patient_is_critical():
    def has_emergent_first(t):
        g = t.grader
        return (
            g["kind"] == "queue"
            and g["esi"][g["order"][0]] <= 2
            and g["esi"][g["order"][-1]] > g["esi"][g["order"][0]]
        )

    i = _find(has_emergent_first)
    order = DOMAIN.task(i).grader["order"]
    r = _submit(i, patient_order=list(reversed(order)))
    assert r["accuracy"] == 0.0 and r["capped"]
    assert "queue_under_triage" in _codes(r)


def test_mci_under_triage_of_an_immediate_casualty_is_critical():
    i = _find(
        lambda t: t.grader["kind"] == "mci" and "immediate" in t.grader["categories"].values()
    )
    cats = DOMAIN.task(i).grader["categories"]
    wrong = {cid: ("delayed" if c == "immediate" else c) for cid, c in cats.items()}
    r = _submit(i, mci_categories=[f"{k}: {v}" for k, v in wrong.items()])
    n_imm = sum(c == "immediate" for c in cats.values())
    assert r["accuracy"] == pytest.approx(1 - n_imm / len(cats))
    assert _codes(r) == {"mci_under_triage": "critical"}


def test_no_submission_scores_zero_without_violations():
    env = HealthGymEnv(domain="triage_emergency", split=None, max_turns=2)
    env.reset(options={"index": 0})
    env.step(format_hermes("get_vitals", {"patient_id": "P1"}))
    _, reward, _, truncated, info = env.step("I am thinking.")
    assert truncated and info["reward_components"]["accuracy"] == 0.0
    assert info["reward_components"]["violations"] == []
