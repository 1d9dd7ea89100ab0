"""psychiatry tools, checklists and grader against hand-computed expectations."""

from __future__ import annotations

import pytest

from healthgym.domains import get_domain
from healthgym.domains.psychiatry import instrument_tools as it
from healthgym.domains.psychiatry import tools_interview as t
from healthgym.domains.psychiatry.grading import grade, treatment_score
from healthgym.domains.psychiatry.records import (
    Alcohol,
    Cssrs,
    Ecg,
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
        weight_kg=65.0,
        height_cm=165.0,
        creatinine_mg_dl=0.8,
        ecg=Ecg(heart_rate=75, qt_ms=380),
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
    # (140 - 40) x 65 x 0.85 / (72 x 0.8) = 95.9; 380 / sqrt(60 / 75) = 424.9
    assert (
        "Weight 65 kg, height 165 cm. Serum creatinine 0.8 mg/dL; creatinine clearance "
        "(Cockcroft-Gault, actual body weight) 95.9 mL/min." in medical
    )
    assert "ECG: sinus rhythm, rate 75/min, QT 380 ms, QTc (Bazett) 424.9 ms." in medical
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
        ecg=Ecg(heart_rate=60, qt_ms=505),  # QTc 505 ms
        creatinine_mg_dl=3.07,  # CrCl (140 - 40) x 65 x 0.85 / (72 x 3.07) = 25.0 mL/min
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
    assert "contraindicated with oxycodone: precipitates withdrawal" in t.check_prescription(
        s, "naltrexone"
    )
    assert "CNS depression" in t.check_prescription(s, "lorazepam")  # opioid + benzodiazepine
    assert t.check_prescription(state(), "lithium").startswith(
        "Check of lithium for this patient: MAJOR - major with lisinopril"
    )
    assert t.check_prescription(state(medications=[]), "quetiapine") == (
        "Check of quetiapine for this patient: no interaction or contraindication found in the "
        "record."
    )


# ------------------------------------------------------------------- instruments


def test_instruments_observe_items_and_score_only_when_administered():
    s = state()
    out = it.administer_phq9(s)
    assert "1. Little interest or pleasure in doing things: 3" in out
    assert "17" not in out and "moderate" not in out  # no total, no band
    with pytest.raises(ToolError, match="call administer_phq9 first"):
        it.score_instrument(state(), instrument="phq9")  # gated on a fresh episode
    assert it.score_instrument(s, instrument="phq9") == (
        "PHQ-9 total 17/27 (sum of items 1-9; item 9 = 2)."  # 3+3+2+2+1+2+2+0+2
    )
    assert s.results["phq9"] == 17
    out = it.administer_cssrs(s)
    assert "3. thought about how: yes" in out and "4. some intention of acting: no" in out
    assert not any(w in out for w in ("low", "moderate", "high", "level", "triage"))
    assert s.results["cssrs"] == 2  # kept for the grader's coherence check, never shown
    with pytest.raises(ToolError):
        it.score_instrument(s, instrument="cssrs")  # type: ignore[arg-type]  # not scorable


def test_gad7_audit_cage_dast_mdq_pcl5():
    s = state(
        gad7=[3, 3, 3, 2, 1, 2, 1],
        audit=[4, 3, 3, 2, 2, 2, 2, 1, 4, 4],
        cage=[True, True, False, True],
        dast10=[True, False, False, False, True, True, False, False, False, False],
        mdq=Mdq(items=[True] * 8 + [False] * 5, same_period=True, impairment="serious"),
    )
    for name in ("gad7", "audit", "cage", "dast10", "mdq", "pcl5"):
        text = getattr(it, f"administer_{name}")(s)
        assert not any(w in text.lower() for w in ("total", "screen:", "zone", "severe")), text
    score = it.score_instrument
    assert score(s, instrument="gad7") == "GAD-7 total 15/21 (sum of items 1-7)."
    assert score(s, instrument="audit") == "AUDIT total 27/40; AUDIT-C (items 1-3) 10/12."
    assert score(s, instrument="cage") == "CAGE 3/4 yes answers."
    assert score(s, instrument="dast10").startswith("DAST-10 4/10")  # 1, 3 (no), 5, 6
    assert score(s, instrument="mdq") == (
        "MDQ question 1: 8/13 yes; question 2 (same period): yes; question 3 (problems): serious."
    )
    assert "not applicable" in it.administer_pcl5(s)
    with pytest.raises(ToolError, match="not applicable"):
        score(s, instrument="pcl5")
    trauma = state(trauma=Event(what="a house fire", months_ago=6), pcl5=[2] * 10 + [0] * 10)
    it.administer_pcl5(trauma)
    out = score(trauma, instrument="pcl5")
    assert out.startswith("PCL-5 total 20/80.")
    assert "B (items 1-5): 5 rated >= 2; C (items 6-7): 2" in out and "E (items 15-20): 0" in out


def test_cognitive_tests_tools():
    s = state(education_years=10, moca={**FULL_MOCA, "delayed_recall": 2, "orientation": 5})
    out = it.administer_moca(s)
    assert "delayed recall: 2/5" in out and "Years of education: 10" in out
    assert "normal" not in out and "27" not in out
    # 30 - 3 (recall) - 1 (orientation) = 26, + 1 education point = 27
    assert it.score_instrument(s, instrument="moca").startswith("MoCA total 27/30.")
    assert s.results["moca"] == 27
    m = state(mmse={**FULL_MMSE, "recall": 0, "orientation_time": 2})
    assert "recall: 0/3" in it.administer_mmse(m)
    assert it.score_instrument(m, instrument="mmse") == "MMSE total 24/30."


def test_checklist_counts_the_agents_judgments_not_the_record():
    s = state()  # the record has 7 depressive symptoms; the checklist never reads them
    out = it.dsm5_checklist(s, "major_depressive_episode")
    assert "A: 0 of 9 judged present" in out and "All criteria A-E of the set: not met." in out
    judged = ["A1", "a2", "A4", "A6", "A7", "B", "C", "D", "E"]
    out = it.dsm5_checklist(s, "major_depressive_episode", judged, 20)
    assert "A: 5 of 9 judged present (A1, A2, A4, A6, A7)" in out
    assert "All criteria A-E of the set: met." in out
    assert s.checklist_counts["major_depressive_episode"] == 5
    assert s.checklist_met["major_depressive_episode"] is True
    short = it.dsm5_checklist(s, "major_depressive_episode", judged, 10)  # < 2 weeks
    assert "-> A not met" in short and "set: not met" in short
    assert "A: 3 of 11" in it.dsm5_checklist(s, "alcohol_use", ["A1", "A2", "A11"])
    with pytest.raises(ToolError, match="not criterion codes of panic"):
        it.dsm5_checklist(s, "panic", ["A", "Z9"])
    mania = ["A", "B1", "B2", "B3", "marked_impairment", "not_substance", "observable_change"]
    out = it.dsm5_checklist(s, "manic_hypomanic_episode", mania, 9)
    assert "Manic episode criteria" in out and "): met." in out
    assert it.dsm5_checklist(s, "manic_hypomanic_episode", mania[:4] + mania[5:], 5).endswith(
        "Hypomanic episode criteria (>= 4 days, observable change, without them): met."
    )
    ncd = it.dsm5_checklist(s, "neurocognitive", ["A_concern", "A_impairment", "C", "D"])
    assert "Major form (A, B, C, D): not met. Mild form (A, C, D with B absent): met." in ncd
    assert "A1: Depressed mood" in it.dsm5_criteria(s, "major_depressive_episode")


def test_suicide_risk_interview_reports_factors_not_a_level():
    s = state()
    out = it.assess_suicide_risk(s)
    assert "has thought about a method: yes; some intention of acting: no" in out
    assert "a firearm is kept at home" in out and "supportive family or friends" in out
    assert "lives alone" in out and "expresses hopelessness" in out
    assert "cannot name reasons for living" in out
    lowered = out.lower()
    assert not any(
        f"{w} risk" in lowered or f"risk: {w}" in lowered for w in ("low", "moderate", "high")
    )
    guide = it.psychiatry_guideline(s, "suicide_risk")
    assert "yes to question 3 (thought about a method)" in guide and "moderate" in guide
    assert guide == it.psychiatry_guideline(state(cssrs=Cssrs()), "suicide_risk")


def test_structured_interview_reports_symptoms_without_codes():
    s = state()
    out = t.interview_symptoms(s, "mood")
    assert "reports depressed mood most of the day" in out
    assert "denies significant change in appetite or weight" in out
    assert "A1" not in out and "criteri" not in out.lower()
    assert "denies any" in t.interview_symptoms(s, "elevated_mood")
    alcohol = t.interview_symptoms(state(symptoms=["aud.1", "aud.11"]), "alcohol")
    assert "reports alcohol often taken in larger amounts" in alcohol
    assert "denies tolerance" in alcohol


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
        (  # diagnosis and plan are free text (issue 16); the enums stay enums
            format_hermes(
                "submit_assessment",
                {
                    "diagnosis": "Panic disorder",
                    "severity": "slight",
                    "suicide_risk": "low",
                    "disposition": "outpatient",
                    "treatment": ["sertraline"],
                },
            ),
            "submit_assessment.severity: 'slight' is not one of",
        ),
        (
            format_hermes(
                "submit_assessment",
                {
                    "diagnosis": "Panic disorder",
                    "severity": "not_applicable",
                    "suicide_risk": "low",
                    "disposition": "outpatient",
                    "treatment": "sertraline",
                },
            ),
            "treatment",
        ),
        (format_hermes("score_instrument", {"instrument": "gad7"}), "call administer_gad7 first"),
        (
            format_hermes("dsm5_checklist", {"criteria_set": "panic", "criteria_present": ["X"]}),
            "not criterion codes of panic",
        ),
    ],
)
def test_bad_arguments_give_clear_errors(call, fragment):
    env = HealthGymEnv(domain="psychiatry", split=None)
    env.reset(options={"index": 0})
    obs, _, terminated, _, _ = env.step(call)
    assert fragment in obs and not terminated
