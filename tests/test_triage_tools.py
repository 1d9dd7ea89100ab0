"""triage_emergency tools against hand-computed expectations, and clear errors."""

from __future__ import annotations

import random

import pytest

from healthgym.domains import get_domain
from healthgym.domains.triage_emergency import score_tools as s
from healthgym.domains.triage_emergency import tools_record as t
from healthgym.domains.triage_emergency.generator import R, make_patient
from healthgym.domains.triage_emergency.records import Casualty, TriageState
from healthgym.domains.triage_emergency.submit import submit_triage
from healthgym.domains.triage_emergency.tools import ALL_TOOLS
from healthgym.patients.encounter import Ecg, SuicideScreen, TriagePatient
from healthgym.tools import ArgumentError, ToolError, validate_arguments
from healthgym.tools.library import triage as d

DOMAIN_TOOLS = {x.name: x for x in ALL_TOOLS}
VITALS = {"hr": 80, "sbp": 120, "dbp": 70, "rr": 16, "spo2": 98, "temp_c": 37.0, "cap_refill_s": 1}


def patient(age_years: float = 50, sex: str = "male", vitals: dict | None = None, **kw):
    v = {**VITALS, **(vitals or {})}
    kw.setdefault("hpi", ["History."])
    return make_patient(
        random.Random(0),
        scenario="test",
        age_years=age_years,
        sex=sex,
        complaint=kw.pop("complaint", "test complaint"),
        vitals=v,
        **kw,
    )


def state(*patients: TriagePatient, kind: str = "single") -> TriageState:
    ps = {}
    for i, p in enumerate(patients):
        ps[f"P{i + 1}"] = p.model_copy(update={"id": f"P{i + 1}"})
    return TriageState(kind=kind, patients=ps)  # type: ignore[arg-type]


# ------------------------------------------------------------------ record tools


def test_presentation_vitals_and_pain_scale_by_age():
    st = state(patient(age_years=67, pmh=["hypertension"], pain=6, complaint="chest pain"))
    text = t.get_presentation(st, "p1")  # ids are case-insensitive
    assert text.startswith("P1: 67-year-old man, arrived 00:00 (on foot).")
    assert 'Chief complaint: "chest pain".' in text
    assert "Past history: hypertension. Medications: amlodipine 5 mg daily." in text
    assert "Pain: 6/10 (numeric rating scale)." in text
    assert t.get_vitals(st, "P1") == (
        "Heart rate 80/min; blood pressure 120/70 mmHg; respiratory rate 16/min; SpO2 98% "
        "on room air; temperature 37 C; capillary refill 1 s; weight "
        f"{st.patients['P1'].weight_kg:g} kg."
    )
    assert ("get_presentation", "P1") in st.seen and ("get_vitals", "P1") in st.seen
    # FLACC under 3 years, FACES 3-7 years (Merkel 1997; Wong & Baker 1988)
    assert "FLACC" in t.get_presentation(state(patient(age_years=1.5)), "P1")
    assert "FACES" in t.get_presentation(state(patient(age_years=5)), "P1")
    assert "18-day-old baby girl" in t.get_presentation(
        state(patient(age_years=18 / 365.25, sex="female")), "P1"
    )


def test_arrest_vitals_and_unrateable_pain():
    p = patient(
        vitals={"hr": 0, "sbp": 0, "dbp": 0, "rr": 0, "spo2": 0},
        gcs_eye="none",
        gcs_verbal="none",
        gcs_motor="none",
        lsi=["cpr_defibrillation"],
    )
    st = state(p)
    assert t.get_vitals(st, "P1").startswith(
        "No palpable pulse; no measurable blood pressure; apnoeic; SpO2 not recordable;"
    )
    assert "Pain: cannot be rated" in t.get_presentation(st, "P1")
    assert "no heart rate" in d.check_danger_zone_vitals(st, patient_id="P1")
    with pytest.raises(ToolError, match="undefined"):
        s.calculate_shock_index(st, patient_id="P1")


def test_mental_status_describes_findings_and_avpu():
    p = patient(
        gcs_eye="to_sound",
        gcs_verbal="confused",
        gcs_motor="localises",
        baseline="Son: normally independent.",
    )
    text = d.assess_mental_status(state(p), "P1")
    assert text == (
        "AVPU: V (responds to voice). Findings: eyes open to voice; confused conversation, "
        "disoriented to time and place; localises to a painful stimulus. "
        "Baseline: Son: normally independent."
    )


def test_point_of_care_tests():
    st = state(patient(poc={"glucose": 2.0, "troponin": 28.0}), patient(age_years=6))
    assert t.point_of_care_test(st, "P1", "glucose").startswith(
        "Capillary glucose 2 mmol/L (36 mg/dL)"  # 2.0 x 18.016 = 36.0
    )
    assert t.point_of_care_test(st, "P1", "troponin").startswith("hs-troponin T 28 ng/L")
    with pytest.raises(ToolError, match="adults only"):
        t.point_of_care_test(st, "P2", "troponin")
    with pytest.raises(ToolError, match="could be pregnant"):
        t.point_of_care_test(st, "P1", "urine_hcg")  # a man
    woman = state(patient(age_years=30, sex="female", poc={"urine_hcg": "positive"}))
    assert t.point_of_care_test(woman, "P1", "urine_hcg") == "Urine hCG: positive."


def test_ecg_reports_st_deviation_by_lead():
    ecg = Ecg(
        rhythm="sinus rhythm",
        rate=76,
        st_elevation_mm={"II": 2.0, "III": 2.5},
        st_depression_mm={"aVL": 1.0},
    )
    text = t.obtain_triage_ecg(state(patient(ecg=ecg)), "P1")
    assert text == (
        "12-lead ECG: sinus rhythm, rate 76/min. ST elevation: II 2 mm, III 2.5 mm. "
        "ST depression: aVL 1 mm."
    )


# ------------------------------------------------------------------ decision points


def test_decision_point_a_reports_findings_not_interventions():
    p = patient(
        lsi=["naloxone", "airway_support"],
        gcs_eye="to_pressure",
        vitals={"spo2": 82, "rr": 5},
        airway="Snoring; improves with a jaw thrust.",
    )
    text = d.esi_lifesaving_needs(state(p), "P1")
    assert "Airway: Snoring; improves with a jaw thrust." in text
    assert "Respiratory rate 5/min; SpO2 82% on room air." in text
    assert "Responsiveness: AVPU P (responds only to pain)." in text
    low = text.lower()
    assert "life-saving" not in low and "naloxone" not in low and "intervention" not in low
    # the same findings whatever the authored interventions: only the findings differ
    same = d.esi_lifesaving_needs(state(p.model_copy(update={"lsi": []})), "P1")
    assert same == text


def test_decision_point_b_reports_history_exam_mental_state_and_pain():
    p = patient(
        high_risk=["stab wound to the torso"],
        pain=8,
        distress="moderate",
        mechanism="Stabbed once in the left upper abdomen.",
        exam="2 cm wound in the left upper abdomen.",
    )
    text = d.esi_high_risk_review(state(p), "P1")
    assert "Mechanism of injury: Stabbed once in the left upper abdomen." in text
    assert "Examination: 2 cm wound in the left upper abdomen." in text
    assert "Pain: 8/10 (numeric rating scale)." in text
    assert "Distress: visibly uncomfortable and anxious." in text
    assert "high-risk" not in text.lower() and "high risk" not in text.lower()
    assert "severe" not in text  # pain is a number; no band
    # the authored high-risk list is never shown
    assert d.esi_high_risk_review(state(p.model_copy(update={"high_risk": []})), "P1") == text


def test_decision_point_c_lists_care_without_classifying_or_counting():
    items = [
        R("CBC and electrolytes", "labs"),
        R("urinalysis", "labs"),
        R("CT abdomen", "advanced_imaging"),
        R("procedural sedation", "complex_procedure"),
        R("tetanus booster", "tetanus"),
        R("splint", "splint"),
        R("oral paracetamol", "oral_meds"),
    ]
    p = patient(resources=items)
    text = d.esi_expected_resources(state(p), "P1")
    for item in items:
        assert f"- {item.name}\n" in text + "\n"
    assert "history and examination" in text
    low = text.lower()
    assert "resource" not in low.replace("anticipated", "") and "count" not in low
    assert not any(ch.isdigit() for ch in text.replace("P1", ""))


def test_anticipated_care_is_padded_to_a_length_that_says_nothing():
    from healthgym.domains.triage_emergency.generator import MAX_CARE_ITEMS, MIN_CARE_ITEMS
    from healthgym.patients.esi import resource_count

    lengths = set()
    for seed in range(40):
        p = make_patient(
            random.Random(seed),
            scenario="test",
            age_years=30,
            sex="female",
            complaint="x",
            hpi=["x"],
            pain=3,
            resources=[R("prescription for amlodipine", "prescription")],
        )
        assert resource_count(p.resources) == 0  # padding adds no resource
        lengths.add(len(p.resources))
    assert lengths == set(range(MIN_CARE_ITEMS, MAX_CARE_ITEMS + 1))


@pytest.mark.parametrize(
    ("age", "hr", "rr", "spo2", "above"),
    [
        (1.5, 165, 38, 95, ("heart rate",)),  # 3 mo - 3 y: HR > 160
        (1.5, 150, 44, 95, ("respiratory rate",)),  # RR > 40
        (5, 145, 28, 91, ("heart rate", "SpO2")),  # 3-8 y: HR > 140; SpO2 < 92
        (8, 120, 28, 97, ()),  # 8 y is still in the 3-8 band (limits 140 / 30)
        (9, 120, 18, 97, ("heart rate",)),  # > 8 y: HR > 100
        (0.1, 175, 52, 97, ("respiratory rate",)),  # < 3 months: RR > 50, HR 175 within 180
    ],
)
def test_danger_zone_compares_each_value_with_its_limit(age, hr, rr, spo2, above):
    p = patient(age_years=age, vitals={"hr": hr, "rr": rr, "spo2": spo2})
    st = state(p)
    with pytest.raises(ToolError, match="get_vitals"):
        d.check_danger_zone_vitals(st, patient_id="P1")  # not measured yet
    t.get_vitals(st, patient_id="P1")
    text = d.check_danger_zone_vitals(st, patient_id="P1")
    met = {
        line[2:].split(" ")[0] + (" rate" if " rate " in line else "")
        for line in text.splitlines()[1:]
        if " is above " in line or " is below " in line
    }
    assert met == set(above), text
    assert "ESI" not in text.replace("ESI v4 handbook", "") and "level" not in text.lower()
    assert "danger zone" not in text.lower().replace("danger-zone limits", "")


def test_danger_zone_is_gated_per_patient():
    st = state(patient(), patient(), kind="queue")
    t.get_vitals(st, patient_id="P1")
    assert d.check_danger_zone_vitals(st, patient_id="P1")
    with pytest.raises(ToolError, match="get_vitals"):
        d.check_danger_zone_vitals(st, patient_id="P2")


# ------------------------------------------------------------------ scores


def test_gcs_from_findings():
    st = state(patient())
    assert s.calculate_gcs(st, "to_sound", "confused", "localises").startswith("GCS: 12")
    assert s.calculate_gcs(st, "spontaneous", "coos_babbles", "spontaneous_movement").startswith(
        "GCS: 15"
    )
    assert s.calculate_gcs(st, "none", "none", "none").startswith("GCS: 3")
    assert st.score_values["gcs"] == 3


def _observed(p: TriagePatient, *tools: str) -> TriageState:
    st = state(p)
    for name in tools:
        DOMAIN_TOOLS[name](st, patient_id="P1")
    return st


def test_record_reading_scores_refuse_until_observed():
    st = state(patient(vitals={"hr": 120, "sbp": 80, "rr": 24}, gcs_verbal="confused"))
    for score in (s.calculate_shock_index, s.calculate_sirs):
        with pytest.raises(ToolError, match="call get_vitals first"):
            score(st, patient_id="P1")
    for score in (s.calculate_qsofa, s.calculate_rts, s.sepsis_screen):
        with pytest.raises(ToolError, match=r"get_vitals.*assess_mental_status"):
            score(st, patient_id="P1")
    t.get_vitals(st, patient_id="P1")
    assert s.calculate_shock_index(st, patient_id="P1")
    with pytest.raises(ToolError, match="assess_mental_status"):
        s.calculate_qsofa(st, patient_id="P1")


def test_shock_index_qsofa_sirs_rts():
    shocked = patient(vitals={"hr": 120, "sbp": 80, "rr": 24}, gcs_verbal="confused")
    st = _observed(shocked, "get_vitals", "assess_mental_status")
    assert s.calculate_shock_index(st, patient_id="P1").startswith("Shock index: 1.5")  # 120/80
    qsofa = s.calculate_qsofa(st, patient_id="P1")  # RR>=22, SBP<=100, GCS 14
    assert qsofa.startswith("qSOFA: 3") and "risk" not in qsofa
    febrile = _observed(patient(vitals={"temp_c": 38.5, "hr": 95, "rr": 18}), "get_vitals")
    assert s.calculate_sirs(febrile, patient_id="P1").startswith(
        "SIRS vital-sign criteria met: 2 of 3"
    )
    child = _observed(patient(age_years=6), "get_vitals", "assess_mental_status")
    with pytest.raises(ToolError, match="adults"):
        s.calculate_qsofa(child, patient_id="P1")
    # RTS: GCS 8 -> 2, SBP 80 -> 3, RR 12 -> 4; 0.9368*2 + 0.7326*3 + 0.2908*4 = 5.2346
    head = patient(
        vitals={"sbp": 80, "rr": 12},
        gcs_eye="to_pressure",
        gcs_verbal="words",
        gcs_motor="abnormal_flexion",
    )
    rts = _observed(head, "get_vitals", "assess_mental_status")
    assert s.calculate_rts(rts, patient_id="P1").startswith("Revised Trauma Score: 5.2346")


def test_sepsis_screen_arithmetic_adult_and_child():
    adult = patient(
        vitals={"temp_c": 38.9, "hr": 112, "rr": 24}, infection_signs=["productive cough"]
    )
    st = _observed(adult, "get_vitals", "assess_mental_status")
    text = s.sepsis_screen(st, patient_id="P1")
    assert text.splitlines() == [
        "SIRS vital-sign criteria met: 3 of 3 (temperature 1, heart_rate 1, respiratory 1); "
        "white-cell count not yet known.",
        "qSOFA: 1 of 3 (respiratory_rate 1, sbp 0, altered_mentation 0).",
    ]
    assert "cough" not in text  # the authored infection list is never shown
    child = patient(age_years=4, infection_signs=["fever"])
    st = _observed(child, "get_vitals", "assess_mental_status")
    assert "do not apply under 18 years" in s.sepsis_screen(st, patient_id="P1")


def test_heart_score_needs_ecg_and_troponin_then_matches_six_2008():
    # age 67 -> 2; hypertension + smoker -> 1 point; troponin 9/14 <= 1 x URL -> 0;
    # history highly suspicious -> 2; normal ECG -> 0: HEART 5 (Six 2008)
    p = patient(age_years=67, pmh=["hypertension", "smoker"], poc={"troponin": 9.0})
    st = _observed(p, "get_presentation")
    args = {"patient_id": "P1", "history": "highly", "ecg": "normal"}
    with pytest.raises(ToolError, match="obtain_triage_ecg"):
        s.calculate_heart_score(st, **args)
    t.obtain_triage_ecg(st, patient_id="P1")
    with pytest.raises(ToolError, match="troponin"):
        s.calculate_heart_score(st, **args)
    t.point_of_care_test(st, patient_id="P1", test="troponin")
    assert s.calculate_heart_score(st, **args) == (
        "HEART: 5 (history 2, ecg 0, age 2, risk_factors 1, troponin 0)."
    )
    # troponin 50 ng/L = 3.6 x URL -> 2 points; known CAD -> risk factors 2
    p2 = patient(age_years=50, pmh=["cad"], poc={"troponin": 50.0})
    st2 = _observed(p2, "get_presentation", "obtain_triage_ecg")
    t.point_of_care_test(st2, patient_id="P1", test="troponin")
    text = s.calculate_heart_score(
        st2, patient_id="P1", history="moderately", ecg="significant_st_deviation"
    )
    assert text.startswith("HEART: 8")  # 1 + 2 + 1 + 2 + 2


def test_suicide_screen_reports_answers_not_a_risk_level():
    high = SuicideScreen(
        wish_to_be_dead=True,
        suicidal_thoughts=True,
        thoughts_with_method=True,
        intent=True,
        plan_and_intent=True,
        suicidal_behavior="past_3_months",
    )
    text = s.suicide_risk_screen(state(patient(age_years=30, suicide=high)), "P1")
    assert "5. worked out a plan and intends to carry it out: yes" in text
    assert text.endswith(
        "6. ever done, started or prepared anything to end their life: "
        "yes, within the past 3 months."
    )
    assert "risk" not in text.lower().replace("suicide_risk", "")
    none = s.suicide_risk_screen(state(patient()), "P1")
    assert "1. wished to be dead or to not wake up: no" in none and "risk" not in none.lower()
    with pytest.raises(ToolError, match="aged 10"):
        s.suicide_risk_screen(state(patient(age_years=6)), "P1")


# ------------------------------------------------------------------ MCI and errors


def test_mci_assessment_and_kind_checks():
    c = Casualty(
        id="C1",
        age_years=40,
        sex="male",
        description="open leg fracture",
        can_walk=False,
        rr=34,
        pulse=True,
        cap_refill_s=2.0,
        obeys=True,
    )
    st = TriageState(kind="mci", casualties={"C1": c})
    assert t.mci_assess_casualty(st, "c1") == (
        "C1: adult (male), about 40 years old; open leg fracture. Cannot walk. Breathing at "
        "34/min. Radial pulse present; capillary refill 2 s. Follows simple commands."
    )
    with pytest.raises(ToolError, match="mass-casualty scene"):
        t.get_vitals(st, "C1")
    with pytest.raises(ToolError, match="no mass-casualty incident"):
        t.mci_assess_casualty(state(patient()), "C1")
    with pytest.raises(ToolError, match="casualties: C1"):
        t.mci_assess_casualty(st, "C9")


def test_unknown_patient_and_bad_arguments_give_clear_errors():
    st = state(patient(), patient(), kind="queue")
    with pytest.raises(ToolError, match="patients here: P1, P2"):
        t.get_presentation(st, "P7")
    kit = get_domain("triage_emergency").toolkit
    with pytest.raises(ArgumentError, match="not one of"):
        validate_arguments(
            kit.get("calculate_gcs"), {"eye": "blinks", "verbal": "none", "motor": "none"}
        )
    with pytest.raises(ArgumentError, match="above the maximum"):
        validate_arguments(kit.get("submit_triage"), {"esi_level": 7})
    with pytest.raises(ArgumentError, match="missing required"):
        validate_arguments(kit.get("get_vitals"), {})
    with pytest.raises(ArgumentError, match="exceeds"):
        validate_arguments(kit.get("get_vitals"), {"patient_id": "P" * 20})
    with pytest.raises(ArgumentError, match="not one of"):
        validate_arguments(kit.get("submit_triage"), {"immediate_orders": ["aspirin"]})


def test_submit_takes_every_schema_valid_answer_as_final():
    """Issue 16 (submit_twice): nothing is refused after the schema check, so a wrong
    answer cannot be tried and then replaced; what cannot be read scores 0 for its part
    (tests/test_equivalence_triage_emergency.py grades these)."""
    done = "Triage decision submitted."
    single = state(patient())
    assert submit_triage(single, esi_level=2) == done
    assert submit_triage(single, esi_level=2, disposition="monitored_bed") == done
    queue = state(patient(), patient(), patient(), kind="queue")
    assert submit_triage(queue, patient_order=["P1", "P2", "P2"]) == done
    c = Casualty(id="C1", age_years=30, sex="female", description="x", can_walk=True, rr=18)
    mci = TriageState(kind="mci", casualties={"C1": c})
    assert submit_triage(mci, mci_categories=["C1 is fine"]) == done
    assert submit_triage(mci, mci_categories=[]) == done
    assert submit_triage(mci, mci_categories=["C1 = green"]) == done


# ------------------------------------------------------------------ past-history details
def test_past_history_numbers_come_from_the_record():
    """The relative's age at a premature MI and the CKD stage are record fields, drawn
    when the item is, and the presentation prints them from the record."""
    from healthgym.domains.triage_emergency.generator import PREMATURE_CAD_AGE

    for seed in range(30):
        rng = random.Random(seed)
        p = make_patient(
            rng,
            scenario="test",
            age_years=rng.randint(25, 90),
            sex="male",
            complaint="chest pain",
            hpi=["History."],
            vitals=VITALS,
            pmh=["family_history_cad", "ckd"],
        )
        fh = p.family_history
        assert fh is not None and p.ckd_stage in ("3a", "3b", "4")
        _, lo, hi = PREMATURE_CAD_AGE[fh.relative]
        assert lo <= fh.age_years <= hi  # premature: male < 55, female < 65
        if fh.relative in ("brother", "sister"):
            assert p.age_years >= 40 and fh.age_years <= p.age_years + 8
        st = state(p)
        for text in (t.get_presentation(st, "P1"), d.esi_high_risk_review(st, "P1")):
            assert f"{fh.relative} had a myocardial infarction at {fh.age_years}" in text
            assert f"chronic kidney disease stage {p.ckd_stage}" in text
    # without a recorded detail the item prints no number of its own
    bare = patient(pmh=["family_history_cad", "ckd"])
    bare = bare.model_copy(update={"family_history": None, "ckd_stage": None})
    text = t.get_presentation(state(bare), "P1")
    assert "family history of premature coronary artery disease" in text
    assert "chronic kidney disease." in text or "chronic kidney disease;" in text
    assert not any(ch.isdigit() for ch in text.split("Past history:")[1].split(".")[0])


def test_past_history_details_leave_the_scenario_draws_unchanged():
    kw = dict(scenario="test", age_years=60, sex="male", complaint="c", hpi=["H."], vitals=VITALS)
    a = make_patient(random.Random(5), pmh=["hypertension"], **kw)
    b = make_patient(random.Random(5), pmh=["hypertension", "family_history_cad", "ckd"], **kw)
    assert a.vitals == b.vitals and a.poc == b.poc and a.weight_kg == b.weight_kg
