"""clinical_diagnosis tools and grader against hand-computed expectations."""

from __future__ import annotations

import pytest

from healthgym.clinical.diseases import PROFILES
from healthgym.clinical.diseases.match import icd_lookup, match_diagnosis
from healthgym.clinical.imaging import IMAGING
from healthgym.clinical.labs import LAB_TESTS
from healthgym.clinical.treatments import TREATMENTS
from healthgym.domains import get_domain
from healthgym.domains.clinical_diagnosis import tools_record as t
from healthgym.domains.clinical_diagnosis.grading import grade
from healthgym.domains.clinical_diagnosis.records import DiagnosisState
from healthgym.domains.clinical_diagnosis.tasks import safety_rules
from healthgym.env import HealthGymEnv
from healthgym.episode import EpisodeLog
from healthgym.patients.model import Allergy, Medication, Patient
from healthgym.tools import ToolError, format_hermes
from healthgym.tools.library import encounter_scores as st
from healthgym.tools.library import record as rec

CAP = PROFILES["community_acquired_pneumonia"]


def make_patient(**overrides) -> Patient:
    labs = {
        k: (v.normal_text if v.categorical else round((v.low + v.high) / 2, 2))
        for k, v in LAB_TESTS.items()
    }
    labs.update({"bun": 25.0, "wbc": 15.2, "neutrophils_pct": 82.0})
    base = dict(
        id="P1",
        name="Test Patient",
        age=70,
        sex="male",
        weight_kg=80.0,
        height_cm=180.0,
        chief_complaint="cough and fever for three days",
        features=["cough", "fever_reported", "confusion", "crackles"],
        pertinent_negatives=["hemoptysis"],
        comorbidities=["hypertension"],
        medications=[
            Medication(name="lisinopril", dose="10 mg once daily", indication="Hypertension")
        ],
        allergies=[Allergy(allergen="Penicillin", reaction="anaphylaxis")],
        smoking="Never smoker.",
        alcohol="Does not drink alcohol.",
        vitals={"hr": 118, "sbp": 88, "dbp": 55, "rr": 32, "temp_c": 38.9, "spo2": 90},
        labs=labs,
        imaging={"chest_xray": "Right lower lobe consolidation."},
        ecg="Sinus tachycardia.",
        exam={"respiratory": ["Dullness at the right base."]},
        condition="community_acquired_pneumonia",
    )
    base.update(overrides)
    return Patient(**base)


def state(**overrides) -> DiagnosisState:
    return DiagnosisState(patient=make_patient(**overrides))


def observe_bedside(s: DiagnosisState) -> DiagnosisState:
    """History, vital signs and the examination of every system (what a score may read
    at the bedside, without tests)."""
    for f in (
        rec.get_history_of_present_illness,
        rec.get_past_medical_history,
        rec.get_social_history,
        rec.get_vitals,
    ):
        f(s)
    for system in rec.EXAM_SYSTEMS:
        rec.examine(s, system)
    return s


def test_history_vitals_and_demographics():
    s = state()
    assert rec.get_demographics(s) == (
        "Test Patient, 70-year-old male. Height 180 cm, weight 80 kg, BMI 24.7 kg/m2."
    )
    hpi = rec.get_history_of_present_illness(s)
    assert hpi.startswith("Presenting complaint: cough and fever for three days.")
    assert "Reports cough." in hpi and "Denies hemoptysis." in hpi
    assert "Disoriented" not in hpi  # signs belong to the examination
    assert rec.get_vitals(s) == (
        "Heart rate 118 beats/min; Systolic blood pressure 88 mmHg; Diastolic "
        "blood pressure 55 mmHg; Respiratory rate 32 breaths/min; "
        "Temperature 38.9 C; Oxygen saturation (room air) 90 %."
    )
    assert rec.get_allergies(s) == "Penicillin: anaphylaxis"
    assert rec.get_medications(s) == "lisinopril 10 mg once daily (Hypertension)"
    assert "Hypertension" in rec.get_past_medical_history(s)


def test_examination_by_system():
    s = state()
    assert rec.examine(s, "respiratory").startswith("Inspiratory crackles")
    assert "Dullness at the right base." in rec.examine(s, "respiratory")
    assert "Disoriented" in rec.examine(s, "neurological")
    assert rec.examine(s, "abdominal") == rec.NORMAL_EXAM["abdominal"]


def test_labs_revealed_only_when_ordered_with_flags():
    s = state()
    with pytest.raises(ToolError, match="bun"):
        st.calculate_curb65(s)
    out = rec.order_lab_panel(s, "bmp")
    assert "Blood urea nitrogen: 25 mg/dL (ref 8-20) [H]" in out
    assert "bun" in s.revealed_labs and "wbc" not in s.revealed_labs
    assert "White blood cells: 15.2 x10^9/L (ref 4.5-11) [H]" in rec.order_lab_test(s, "wbc")


def test_imaging_and_ecg_reports():
    s = state()
    assert rec.order_imaging(s, "chest_xray").endswith("Right lower lobe consolidation.")
    other = next(k for k in IMAGING if k != "chest_xray")
    assert rec.order_imaging(s, other).endswith(IMAGING[other].normal_report)
    assert rec.order_ecg(s) == "12-lead ECG: Sinus tachycardia." and s.ecg_done


def test_curb65_from_record_matches_hand_count():
    s = state()
    rec.get_vitals(s)
    rec.examine(s, "neurological")
    rec.order_lab_panel(s, "bmp")
    # confusion 1, BUN 25 > 19 1, RR 32 >= 30 1, SBP 88 < 90 1, age 70 >= 65 1
    out = st.calculate_curb65(s)
    assert out.startswith("CURB-65: 5") and s.score_values["curb65"] == 5
    # the value and the points per criterion, not the published risk band
    assert "read_passage('builtin:score/curb65/interpretation')" in out
    assert "risk" not in out.lower() and "mortality" not in out.lower()


def test_other_scores_from_record():
    s = observe_bedside(state())
    # qSOFA: RR 32 >= 22, SBP 88 <= 100, altered mentation -> 3
    st.calculate_qsofa(s)
    assert s.score_values["qsofa"] == 3
    # shock index 118 / 88 = 1.34
    st.calculate_shock_index(s)
    assert s.score_values["shock_index"] == pytest.approx(1.34)
    # Centor/McIsaac: temp > 38 (1), cough present (0), no nodes, no exudate, age >= 45 (-1) -> 0
    st.calculate_centor_mcisaac(s)
    assert s.score_values["centor_mcisaac"] == 0
    # Wells PE: HR > 100 (1.5), nothing else, PE not most likely -> 1.5
    st.calculate_wells_pe(s, pe_most_likely=False)
    assert s.score_values["wells_pe"] == 1.5
    with pytest.raises(ToolError, match="order_ecg"):
        st.calculate_heart_score(s, history="highly", ecg="normal")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Community-acquired pneumonia", "community_acquired_pneumonia"),
        ("community acquired pneumonia", "community_acquired_pneumonia"),
        ("CAP", "community_acquired_pneumonia"),
        ("Right lower lobe pneumonia", "community_acquired_pneumonia"),
        # a code only confirms a text match, never replaces it (DESIGN.md "Validity")
        ("J18.9", None),
        ("j189", None),
        ("", None),
        ("something else entirely", None),
    ],
)
def test_diagnosis_matching(text, key):
    assert match_diagnosis(text) == key


def test_every_profile_matches_by_name_synonym_and_code():
    for p in PROFILES.values():
        assert match_diagnosis(p.name) == p.key
        assert match_diagnosis(p.icd10) is None  # a bare code names nothing
        assert icd_lookup(p.icd10) == p.key
        for syn in p.synonyms:
            assert match_diagnosis(syn) == p.key, (p.key, syn)


def test_hedged_answer_naming_two_diseases_is_not_accepted():
    a, b = list(PROFILES.values())[:2]
    assert match_diagnosis(f"{a.name} or {b.name}") is None


def _episode(task, *calls):
    env = HealthGymEnv(split=None)
    env.reset(options={"task": task})
    for name, args in calls:
        *_, info = env.step(format_hermes(name, args))
    return env, info


def test_grader_accepts_synonym_and_alternative_and_flags_allergy():
    domain = get_domain("clinical_diagnosis")
    task = next(
        domain.task(i)
        for i in range(domain.n_tasks)
        if domain.task(i).grader["diagnosis"] == "community_acquired_pneumonia"
    )
    ans = task.reference.answer
    syn = next(s for s in CAP.synonyms if s != "CAP")
    env, info = _episode(
        task,
        ("order_imaging", {"study": "chest_xray"}),
        ("submit_diagnosis", {**ans, "diagnosis": syn}),
    )
    assert info["reward_components"]["accuracy"] == 1.0
    # a plan with a drug from a class the patient is allergic to is critical
    penicillin = next(k for k, tr in TREATMENTS.items() if "penicillin" in tr.allergy_classes)
    task = task.model_copy(deep=True)
    task.hidden["patient"]["allergies"] = [{"allergen": "Penicillin", "reaction": "anaphylaxis"}]
    task.safety = safety_rules(CAP, Patient.model_validate(task.hidden["patient"]))
    env, info = _episode(task, ("submit_diagnosis", {**ans, "plan": [*ans["plan"], penicillin]}))
    c = info["reward_components"]
    assert c["capped"] and c["composite"] <= 0.1 and c["safety"] == 0.0
    assert c["violations"][0]["code"] == "allergy"


def test_grader_wrong_diagnosis_and_coherence_checks():
    domain = get_domain("clinical_diagnosis")
    task = domain.task(0)
    s = domain.new_state(task)
    log = EpisodeLog(answer={"diagnosis": "no such disease", "plan": []})
    g = grade(task, s, log)
    assert g.accuracy == 0 and g.coherence_checks["diagnosis_supported"] is False
    log = EpisodeLog(answer={**task.reference.answer, "score_value": 99.0})
    if task.reference.answer.get("score_name"):
        g = grade(task, s, log)
        assert g.coherence_checks["score_consistent"] is False  # never computed, and wrong
    s.differential = ["something unrelated"]
    g = grade(task, s, EpisodeLog(answer=task.reference.answer))
    assert g.coherence_checks["differential_consistent"] is False
    assert g.accuracy == 1.0


def test_social_history_lookup_and_differential():
    s = state(smoking="Current smoker, 20 cigarettes a day.")
    assert rec.get_social_history(s) == (
        "Smoking: Current smoker, 20 cigarettes a day. Alcohol: Does not drink alcohol."
    )
    assert f"{CAP.icd10} Pneumonia, unspecified organism (billable)" in t.lookup_icd10(
        s, "pneumonia"
    )
    assert t.lookup_icd10(s, "zebra fever").startswith("No ICD-10-CM description contains all")
    with pytest.raises(ToolError):
        t.lookup_icd10(s, "!!!")
    assert t.record_differential(s, ["CAP", " PE "]) == "Differential recorded (2 diagnoses)."
    assert s.differential == ["CAP", "PE"]
    with pytest.raises(ToolError):
        t.record_differential(s, ["  "])


def test_categorical_lab_result():
    key = next(k for k, v in LAB_TESTS.items() if v.categorical)
    s = state()
    out = rec.order_lab_test(s, key)
    assert out == f"{LAB_TESTS[key].name}: {LAB_TESTS[key].normal_text}"
