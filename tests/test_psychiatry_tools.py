"""psychiatry tools, checklists and grader against hand-computed expectations."""

from __future__ import annotations

import pytest

from healthgym.domains import get_domain
from healthgym.domains.psychiatry import instrument_tools as it
from healthgym.domains.psychiatry import tools as t
from healthgym.domains.psychiatry.grading import grade, treatment_score
from healthgym.domains.psychiatry.records import (
    Alcohol,
    Cssrs,
    Event,
    Mdq,
    Medication,
    MoodEpisode,
    PsychRecord,
    PsychState,
)
from healthgym.env import HealthGymEnv
from healthgym.episode import EpisodeLog
from healthgym.tools import ToolError, format_hermes

FULL_MOCA = {
    "trail_making": 1,
    "cube_copy": 1,
    "clock_drawing": 3,
    "naming": 3,
    "digit_span": 2,
    "letter_tapping_errors": 0,
    "serial_sevens_correct": 5,
    "sentence_repetition": 2,
    "fluency_words": 14,
    "abstraction": 2,
    "delayed_recall": 5,
    "orientation": 6,
}
FULL_MMSE = {
    "orientation_time": 5,
    "orientation_place": 5,
    "registration": 3,
    "attention_calculation": 5,
    "recall": 3,
    "naming": 2,
    "repetition": 1,
    "three_stage_command": 3,
    "reading": 1,
    "writing": 1,
    "copying": 1,
}


def record(**overrides) -> PsychRecord:
    base = dict(
        id="P1",
        name="Test Patient",
        age=40,
        sex="female",
        education_years=16,
        referral="referred by their primary care physician",
        chief_complaint="I've been feeling down for weeks and can't shake it.",
        symptoms=["mdd.a1", "mdd.a2", "mdd.a4", "mdd.a6", "mdd.a7", "mdd.a8", "mdd.a9"],
        symptom_weeks=6,
        impairment="marked",
        impairment_text="Has been off work for two weeks.",
        living="lives alone in a flat",
        occupation="works as a nurse",
        supports="a good group of friends",
        alcohol=Alcohol(drinks_per_week=4, pattern="a few drinks socially", ongoing=True),
        firearm_access=True,
        risk_factors=["firearm_access", "living_alone", "hopelessness"],
        protective_factors=["social_support"],
        phq9=[3, 3, 2, 2, 1, 2, 2, 0, 2],
        gad7=[1, 1, 1, 1, 0, 1, 1],
        audit=[3, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        cage=[False, False, False, False],
        dast10=[False, False, True, False, False, False, False, False, False, False],
        mdq=Mdq(items=[False] * 13, same_period=False, impairment="none"),
        cssrs=Cssrs(wish_to_be_dead=True, suicidal_thoughts=True, thoughts_with_method=True),
        moca=dict(FULL_MOCA),
        mmse=dict(FULL_MMSE),
        medications=[
            Medication(name="lisinopril", dose="10 mg once daily", indication="hypertension")
        ],
        conditions=["hypertension"],
        labs="TSH normal.",
    )
    base.update(overrides)
    return PsychRecord(**base)


def state(**overrides) -> PsychState:
    return PsychState(record=record(**overrides))


# --------------------------------------------------------------------- history tools


def test_presentation_and_histories_read_the_record():
    s = state(stressor=Event(what="a divorce", months_ago=3))
    text = t.get_presentation(s)
    assert text.startswith(
        "Chief complaint: \"I've been feeling down for weeks and can't shake it.\" Referred by "
        "their primary care physician. For 6 weeks:"
    )
    assert '"I feel low and empty."' in text and "after a divorce 3 months ago" in text
    assert "Has been off work for two weeks." in text
    social = t.get_social_history(s)
    assert "Lives alone in a flat; works as a nurse; 16 years of education." in social
    assert "about 4 standard drinks a week" in social and "A firearm is kept at home." in social
    medical = t.get_medical_history(s)
    assert "Creatinine clearance 95 mL/min." in medical and "QTc 420 ms" in medical
    assert "Pregnancy test negative." in medical
    assert s.seen >= {"get_presentation", "get_social_history", "get_medical_history"}


def test_psychiatric_history_describes_episodes_without_naming_them():
    manic = MoodEpisode(
        years_ago=4,
        duration_days=12,
        features=["elevated", "energy", "sleep_need", "talkative"],
        marked_impairment=True,
        hospitalized=True,
        psychotic=False,
    )
    s = state(
        past_elevated_episodes=[manic],
        past_depressive_episodes=2,
        cssrs=Cssrs(suicidal_behavior="over_3_months_ago", behaviour_text="took an overdose"),
        alcohol=Alcohol(drinks_per_week=50, pattern="spirits", ongoing=True, withdrawal="seizure"),
    )
    text = t.get_psychiatric_history(s)
    assert text.startswith("Previous depressive episodes: 2. About 4 years ago: a 12-day period")
    assert (
        "slept 2-3 hours a night without feeling tired" in text and "admitted to hospital" in text
    )
    assert "Previous suicide attempt: took an overdose." in text
    assert "withdrawal seizure" in text


def test_mental_status_exam_reflects_the_facts():
    text = t.mental_status_exam(state())
    assert "Mood: 'Low.'" in text and "Restricted and dysphoric" in text
    assert "Thought content: Themes of worthlessness and guilt; reports thoughts of suicide" in text
    mse = t.mental_status_exam(state(symptoms=["scz.a1", "scz.a2", "scz.a5"]))
    assert "Persecutory delusion" in mse and "Auditory hallucinations" in mse and "Blunted" in mse


def test_medications_and_prescription_checks_use_the_formulary_and_record():
    s = state(
        medications=[
            Medication(name="selegiline", dose="5 mg twice daily", indication="Parkinson disease"),
            Medication(name="oxycodone", dose="10 mg twice daily", indication="back pain"),
        ],
        qtc_ms=505,
        crcl_ml_min=25.0,
        pregnant_weeks=12,
    )
    meds = t.get_medications(s)
    assert meds.startswith("selegiline 5 mg twice daily (Parkinson disease); oxycodone")
    sertraline = t.check_prescription(s, "sertraline")
    assert "MAJOR - contraindicated with selegiline" in sertraline  # MAOI + SSRI
    assert "MAJOR" in t.check_prescription(s, "escitalopram")  # QTc 505 + known TdP risk
    assert "known TdP risk with QTc 505 ms" in t.check_prescription(s, "citalopram")
    assert "CRITICAL - pregnancy: contraindicated" in t.check_prescription(s, "valproate")
    assert "avoid at CrCl 25 mL/min" in t.check_prescription(s, "lithium")
    assert "contraindicated at CrCl <= 30" in t.check_prescription(s, "acamprosate")
    assert "precipitates withdrawal on oxycodone" in t.check_prescription(s, "naltrexone")
    assert "CNS depression" in t.check_prescription(s, "lorazepam")  # opioid + benzodiazepine
    assert t.check_prescription(state(), "lithium").startswith(
        "Check of lithium for this patient: MAJOR - major with lisinopril"
    )
    assert t.check_prescription(state(medications=[]), "quetiapine") == (
        "Check of quetiapine for this patient: no interaction or contraindication found in the "
        "record."
    )


# ------------------------------------------------------------------- instruments


def test_phq9_and_cssrs_tools_score_item_answers():
    s = state()
    out = it.administer_phq9(s)
    assert "1. Little interest or pleasure in doing things: 3" in out
    assert "PHQ-9 17: moderately severe depression (15-19)" in out  # 3+3+2+2+1+2+2+0+2
    assert s.results["phq9"] == 17
    out = it.administer_cssrs(s)
    assert "3. thought about how: yes" in out
    assert out.endswith("Columbia screen triage level 2 (moderate).")


def test_gad7_audit_cage_dast_mdq_pcl5():
    s = state(
        gad7=[3, 3, 3, 2, 1, 2, 1],
        audit=[4, 3, 3, 2, 2, 2, 2, 1, 4, 4],
        cage=[True, True, False, True],
        dast10=[True, False, False, False, True, True, False, False, False, False],
        mdq=Mdq(items=[True] * 8 + [False] * 5, same_period=True, impairment="serious"),
    )
    assert "GAD-7 15: severe anxiety (15-21)" in it.administer_gad7(s)
    audit = it.administer_audit(s)
    assert "AUDIT 27: zone IV" in audit and "AUDIT-C 10" in audit  # 4+3+3 on items 1-3
    assert "Score 3/4" in it.administer_cage(s)
    assert "DAST-10 4: moderate level" in it.administer_dast10(s)  # items 1, 3 (no), 5, 6
    assert "Question 1 total 8/13" in it.administer_mdq(s) and "): met." in it.administer_mdq(s)
    assert "not applicable" in it.administer_pcl5(s)
    trauma = state(trauma=Event(what="a house fire", months_ago=6), pcl5=[2] * 20)
    assert "Total 40/80" in it.administer_pcl5(trauma)


def test_cognitive_tests_tools():
    s = state(education_years=10, moca={**FULL_MOCA, "delayed_recall": 2, "orientation": 5})
    out = it.administer_moca(s)
    # 30 - 3 (recall) - 1 (orientation) = 26, + 1 education point = 27
    assert "MoCA 27/30: normal range (26-30)" in out and s.results["moca"] == 27
    out = it.administer_mmse(state(mmse={**FULL_MMSE, "recall": 0, "orientation_time": 2}))
    assert "MMSE 24/30" in out


def test_checklists_state_criteria_not_conclusions():
    s = state()
    out = it.dsm5_checklist(s, "major_depressive_episode")
    assert "symptoms present: 7 of 9; A1 or A2 present: yes" in out
    assert "E no lifetime manic or hypomanic episode: met" in out
    assert s.checklist_counts["major_depressive_episode"] == 7
    aud = state(symptoms=["aud.1", "aud.2", "aud.11"])
    assert "criteria present: 3 of 11" in it.dsm5_checklist(aud, "alcohol_use")
    ptsd = it.dsm5_checklist(state(), "posttraumatic_stress")
    assert "A exposure" in ptsd and "not met (no qualifying event reported)" in ptsd
    ncd = it.dsm5_checklist(state(), "neurocognitive")
    assert "no testing yet" in ncd


def test_suicide_risk_needs_its_inputs_then_stratifies():
    s = state()
    with pytest.raises(ToolError, match="administer the C-SSRS"):
        it.assess_suicide_risk(s)
    it.administer_cssrs(s)
    t.get_psychiatric_history(s)
    t.get_social_history(s)
    out = it.assess_suicide_risk(s)
    assert "access to a firearm at home" in out and "supportive family or friends" in out
    assert "Acute suicide risk: moderate (Columbia triage level 2)" in out
    assert s.risk_level == "moderate"


# --------------------------------------------------------------------- grader


def test_treatment_score():
    groups = [["sertraline", "escitalopram"], ["cbt"]]
    assert treatment_score(["sertraline", "cbt"], groups) == (1.0, 1.0, 1.0)
    assert treatment_score(["sertraline"], groups)[0] == 0.5
    score, coverage, precision = treatment_score(["sertraline", "cbt", "exercise_program"], groups)
    assert coverage == 1.0 and precision == pytest.approx(2 / 3)
    assert treatment_score([], []) == (1.0, 1.0, 1.0)


def _bipolar_depressed_task():
    d = get_domain("psychiatry")
    return next(
        d.task(i) for i in range(d.n_tasks) if d.task(i).hidden["variant"] == "bipolar_i_depressed"
    )


def test_grader_flags_antidepressant_monotherapy_in_bipolar_and_missed_high_risk():
    task = _bipolar_depressed_task()
    st = get_domain("psychiatry").new_state(task)
    answer = dict(task.reference.answer, treatment=["sertraline"])
    g = grade(task, st, EpisodeLog(answer=answer))
    assert any(
        v.code == "antidepressant_monotherapy_bipolar" and v.severity == "critical"
        for v in g.violations
    )
    ok = dict(task.reference.answer, treatment=["sertraline", "quetiapine"])
    assert not any(
        v.code == "antidepressant_monotherapy_bipolar"
        for v in grade(task, st, EpisodeLog(answer=ok)).violations
    )
    d = get_domain("psychiatry")
    high = next(
        d.task(i) for i in range(d.n_tasks) if d.task(i).reference.answer["suicide_risk"] == "high"
    )
    wrong = dict(high.reference.answer, disposition="outpatient", suicide_risk="low")
    g = grade(high, d.new_state(high), EpisodeLog(answer=wrong))
    codes = {(v.code, v.severity) for v in g.violations}
    assert ("missed_high_suicide_risk", "critical") in codes
    assert ("risk_underestimated", "major") in codes
    assert g.details["parts"]["risk"] == 0.0 and g.details["parts"]["disposition"] == 0.0


def test_grader_accuracy_parts_and_coherence():
    d = get_domain("psychiatry")
    task = next(d.task(i) for i in range(d.n_tasks) if d.task(i).hidden["variant"] == "mdd_severe")
    st = d.new_state(task)
    wrong_dx = dict(task.reference.answer, diagnosis="adjustment_disorder")
    g = grade(task, st, EpisodeLog(answer=wrong_dx))
    assert g.accuracy == pytest.approx(0.2)  # risk and disposition only
    assert g.coherence_checks == {
        "diagnosis_supported": False,
        "risk_assessed": False,
        "medications_reviewed": False,
    }
    g = grade(task, st, EpisodeLog(answer=dict(task.reference.answer, severity="mild")))
    assert g.accuracy == pytest.approx(0.9)
    assert g.coherence_checks["severity_consistent"] is False
    assert grade(task, st, EpisodeLog()).accuracy == 0.0


# ------------------------------------------------------------------- bad arguments


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (format_hermes("dsm5_checklist", {"criteria_set": "bipolar"}), "is not one of"),
        (format_hermes("check_prescription", {"drug": "aspirin"}), "is not one of"),
        (format_hermes("check_prescription", {}), "missing required argument"),
        (format_hermes("administer_phq9", {"items": [1]}), "unknown argument"),
        (format_hermes("submit_assessment", {"diagnosis": "depression"}), "missing required"),
        (
            format_hermes(
                "submit_assessment",
                {
                    "diagnosis": "depression",
                    "severity": "mild",
                    "suicide_risk": "low",
                    "disposition": "outpatient",
                    "treatment": [],
                },
            ),
            "submit_assessment.diagnosis: 'depression' is not one of",
        ),
        (
            format_hermes(
                "submit_assessment",
                {
                    "diagnosis": "panic_disorder",
                    "severity": "mild",
                    "suicide_risk": "low",
                    "disposition": "outpatient",
                    "treatment": ["sertraline", "aspirin"],
                },
            ),
            "treatment[1]: 'aspirin' is not one of",
        ),
        (format_hermes("assess_suicide_risk", {}), "first administer the C-SSRS"),
    ],
)
def test_bad_arguments_give_clear_errors(call, fragment):
    env = HealthGymEnv(domain="psychiatry", split=None)
    env.reset(options={"index": 0})
    obs, _, terminated, _, _ = env.step(call)
    assert fragment in obs and not terminated
