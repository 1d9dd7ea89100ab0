"""obstetrics tools and grader against hand-computed expectations."""

from __future__ import annotations

import pytest

from healthgym.domains import get_domain
from healthgym.domains.obstetrics import assess_tools as at
from healthgym.domains.obstetrics import calc_tools as ct
from healthgym.domains.obstetrics import tools_record as t
from healthgym.domains.obstetrics.grading import grade
from healthgym.domains.obstetrics.records import (
    BPPScan,
    BPReading,
    CervicalExam,
    Deceleration,
    FHRTracing,
    MedicationEntry,
    NewbornExam,
    ObPatient,
    ObstetricsState,
    Ultrasound,
)
from healthgym.env import HealthGymEnv
from healthgym.episode import EpisodeLog
from healthgym.tools import ToolError, format_hermes

DOMAIN = get_domain("obstetrics")


def patient(**overrides) -> ObPatient:
    base = dict(
        id="P1",
        name="Test Mother",
        age=30,
        gravida=2,
        para=1,
        visit_date="2024-03-11",
        setting="prenatal clinic",
        lmp="2024-01-01",
        lmp_note="certain",
        history=["1 previous uncomplicated vaginal birth at term."],
        vitals={"hr": 80, "temp_c": 36.8, "rr": 16, "spo2": 98},
        bp=[BPReading(minutes=0, sbp=150, dbp=96), BPReading(minutes=250, sbp=146, dbp=92)],
        labs={
            "abo": "O",
            "rh": "negative",
            "antibody_screen": "negative",
            "hemoglobin": 12.1,
            "platelets": 95.0,
            "wbc": 9.0,
            "creatinine": 0.6,
            "ast": 25.0,
            "alt": 20.0,
            "ldh": 200.0,
            "upcr": 0.45,
        },
        glucose={"gct_50g_1h": [152.0], "ogtt_100g_3h": [90.0, 185.0, 160.0, 130.0]},
        ultrasounds=[Ultrasound(date="2024-03-11", crl_mm=45.0)],
        medications=[
            MedicationEntry(
                drug="lisinopril", dose="10 mg once daily", condition="chronic_hypertension"
            )
        ],
    )
    base.update(overrides)
    return ObPatient(**base)


def state(**overrides) -> ObstetricsState:
    return ObstetricsState(patient=patient(**overrides))


def test_history_symptoms_vitals_and_bp_series():
    s = state(bp_start="08:00")
    h = t.get_obstetric_history(s)
    assert h.startswith("Test Mother, 30 years, G2P1. Setting: prenatal clinic.")
    assert "Last menstrual period (first day): 2024-01-01; certain." in h
    assert "Allergies: none known." in h and "history" in s.seen
    assert t.get_symptoms(s) == "No complaints."
    assert t.get_vitals(s).startswith("Heart rate 80/min; temperature 36.8 C")
    assert t.get_blood_pressure_series(s) == (
        "Seated blood pressures, appropriate cuff: 08:00 150/96 mmHg; 12:10 146/92 mmHg."
    )
    assert t.examine(s, "respiratory").startswith("Chest clear")
    assert {"bp", "exam:respiratory"} <= s.seen


def test_labs_are_flagged_and_revealed_per_panel():
    s = state()
    assert t.order_lab_panel(s, "cbc") == (
        "Hemoglobin: 12.1 g/dL (ref 11-15); Platelets: 95 x10^9/L (ref 150-400) [L]; "
        "White blood cells: 9 x10^9/L (ref 5.6-16.9)."
    )
    assert "Rh(D) type: negative" in t.order_lab_panel(s, "type_and_screen")
    assert "[H]" in t.order_lab_panel(s, "urine_protein")
    with pytest.raises(ToolError, match="not collected"):
        t.order_lab_panel(s, "urine_24h_protein")
    with pytest.raises(ToolError, match="not delivered"):
        t.order_lab_panel(s, "cord_blood")
    assert s.seen >= {"lab:cbc", "lab:type_and_screen", "lab:urine_protein"}
    assert "lab:urine_24h_protein" not in s.seen


def test_glucose_tests_follow_the_two_step_order():
    s = state()
    with pytest.raises(ToolError, match="1-hour 50 g glucose challenge first"):
        t.order_glucose_test(s, "ogtt_100g_3h")
    assert t.order_glucose_test(s, "gct_50g_1h") == "1-hour 50 g glucose challenge: 1 h 152 mg/dL."
    assert t.order_glucose_test(s, "ogtt_100g_3h") == (
        "3-hour 100 g oral glucose tolerance test: fasting 90, 1 h 185, 2 h 160, 3 h 130 mg/dL."
    )
    with pytest.raises(ToolError, match="not part of this practice"):
        t.order_glucose_test(s, "ogtt_75g_2h")
    neg = state(glucose={"gct_50g_1h": [120.0]})
    t.order_glucose_test(neg, "gct_50g_1h")
    with pytest.raises(ToolError, match="below this practice's threshold"):
        t.order_glucose_test(neg, "ogtt_100g_3h")


def test_ultrasound_cervix_tracing_bpp_newborn_and_medications():
    s = state(
        cervix=CervicalExam(
            dilation_cm=3, effacement_pct=50, station=-1, consistency="soft", position="anterior"
        ),
        fhr=FHRTracing(
            setting="intrapartum",
            baseline_bpm=145,
            variability_bpm=0,
            contractions=4,
            decelerations=[
                Deceleration(
                    minute=3.2,
                    onset_to_nadir_s=45,
                    depth_bpm=20,
                    duration_s=80,
                    nadir_timing="after_peak",
                )
            ],
        ),
        bpp=BPPScan(
            breathing_longest_s=0, body_movements=2, tone_episodes=1, deepest_pocket_cm=1.5
        ),
        newborn=NewbornExam(minute=1, heart_rate=85, respiration=1, tone=1, reflex=1, colour=0),
    )
    assert t.get_ultrasound_reports(s) == (
        "2024-03-11: single live intrauterine pregnancy, crown-rump length 45 mm."
    )
    assert t.perform_cervical_exam(s) == (
        "Sterile vaginal examination: cervix 3 cm dilated, 50% effaced, soft consistency, "
        "anterior position; presenting part (vertex) at station -1."
    )
    fhr = t.get_fhr_tracing(s)
    assert "amplitude range undetectable" in fhr and "No accelerations." in fhr
    assert "onset to nadir 45 s" in fhr and "nadir after the contraction peak" in fhr
    assert "no fetal breathing movements seen; 2 discrete" in t.perform_bpp_ultrasound(s)
    assert t.examine_newborn(s).startswith("Newborn at 1 minute(s) of age: heart rate 85/min")
    assert t.get_medications(s) == (
        "lisinopril 10 mg once daily (for chronic hypertension). Also takes prenatal vitamins."
    )
    empty = state()
    for tool in (
        t.perform_cervical_exam,
        t.get_fhr_tracing,
        t.perform_bpp_ultrasound,
        t.examine_newborn,
    ):
        with pytest.raises(ToolError):
            tool(empty)


def test_calc_gestational_age_by_lmp_and_crl():
    s = state()
    out = ct.calc_gestational_age(s, "lmp", "2024-03-11", lmp="2024-01-01")
    # 70 days after the LMP = 10+0 weeks; EDD = LMP + 280 days
    assert out.startswith("Gestational age on 2024-03-11: 10+0 weeks (70 days)")
    assert out.endswith("EDD 2024-10-07.") and s.results["edd:lmp"] == "2024-10-07"
    out = ct.calc_gestational_age(
        s, "ultrasound", "2024-03-18", scan_date="2024-03-11", crl_mm=45.0
    )
    # CRL 45 mm -> 78 days at the scan (11+1), +7 days -> 85 days (12+1); EDD scan + 202 d
    assert "12+1 weeks (85 days)" in out and out.endswith("EDD 2024-09-29.")
    out = ct.calc_gestational_age(
        s, "ultrasound", "2024-03-11", scan_date="2024-03-11", scan_ga_weeks=20, scan_ga_days=3
    )
    # 280 - 143 = 137 days after 2024-03-11
    assert "20+3 weeks (143 days)" in out and out.endswith("EDD 2024-07-26.")
    for kwargs in (
        {"method": "lmp"},
        {"method": "ultrasound", "scan_date": "2024-03-11"},
        {"method": "ultrasound"},
    ):
        with pytest.raises(ToolError):
            ct.calc_gestational_age(s, on_date="2024-03-11", **kwargs)
    with pytest.raises(ToolError, match="date"):
        ct.calc_gestational_age(s, "lmp", "yesterday", lmp="2024-01-01")


def test_interpretation_tools_compute_from_arguments():
    """Calculators print the arithmetic, never the band; what their rule implies is
    kept in the state for the coherence checks only."""
    s = state()
    out = ct.calc_bishop_score(s, 3, 50, -1, "soft", "anterior")
    assert out.startswith("Bishop score: 9") and "favourable" not in out
    assert s.results["bishop"] == 9 and s.results["finding:labour"] == "favourable_cervix"
    out = ct.check_nichd_criteria(s, 145, "absent", late_decelerations="recurrent")
    assert "moderate variability (absent): no" in out
    assert "recurrent variable decelerations or bradycardia < 110 bpm: yes" in out
    assert "Category II " not in out and s.results["finding:ctg"] == "category_iii"
    out = ct.check_nichd_criteria(s, 140, "moderate")
    assert out.count(": yes") == 3 and s.results["finding:ctg"] == "category_i"
    out = ct.calc_biophysical_profile(s, False, 1.5, False, 2, True)
    assert out.startswith("BPP 2/10") and s.results["bpp"] == 2
    assert "at or below the 2 cm cut-off" in out and s.results["finding:bpp"] == "bpp_abnormal"
    assert "abnormal" not in out
    with pytest.raises(ToolError, match="full BPP needs"):
        ct.calc_biophysical_profile(s, True, 3.0)
    out = ct.calc_biophysical_profile(s, True, 3.0, modified=True)
    assert "NST reactive" in out and "above the 2 cm cut-off" in out and "normal" not in out
    assert s.results["finding:bpp"] == "modified_bpp_normal"
    out = ct.calc_apgar(s, 1, 1, 1, 1, 0)
    assert out.startswith("Apgar score: 4") and "abnormal" not in out
    assert s.results["finding:apgar"] == "apgar_moderately_abnormal"


def test_assessment_tools():
    s = state()
    out = at.check_preeclampsia_criteria(
        s, 32, True, False, protein_creatinine_ratio=0.45, platelets=95
    )
    assert "proteinuria: met by PCR 0.45 (>= 0.3)" in out and "thrombocytopenia" in out
    assert "preeclampsia" not in out.lower()
    assert "Not assessed (no value passed): creatinine, AST/ALT" in out
    assert s.results["finding:hypertension"] == "preeclampsia_with_severe_features"
    with pytest.raises(ToolError, match="20 weeks"):
        at.check_preeclampsia_criteria(s, 18, True, False)
    out = at.compare_glucose_thresholds(s, "ogtt_100g_3h", [90, 185, 160, 130], "nddg")
    assert out.endswith("Values at or above threshold: 0.") and "diagnos" not in out
    assert s.results["finding:gdm"] == "no_gdm"
    out = at.compare_glucose_thresholds(s, "ogtt_100g_3h", [90, 185, 160, 130], "carpenter_coustan")
    assert "1 h 185 vs 180: at or above; 2 h 160 vs 155: at or above" in out
    assert s.results["finding:gdm"] == "gdm"
    out = at.compare_glucose_thresholds(s, "gct_50g_1h", [151])
    assert "at or above this practice's screening threshold of 140" in out
    with pytest.raises(ToolError, match="needs 4"):
        at.compare_glucose_thresholds(s, "ogtt_100g_3h", [90, 185])
    with pytest.raises(ToolError, match="criteria"):
        at.compare_glucose_thresholds(s, "ogtt_100g_3h", [90, 185, 160, 130])
    out = at.check_medication_in_pregnancy(s, "Zestril", 12)
    assert out.startswith("lisinopril (ACE inhibitor) at 12 weeks: contraindicated")
    assert s.results["checked_drugs"] == {"lisinopril"}
    with pytest.raises(ToolError, match="not a known drug"):
        at.check_medication_in_pregnancy(s, "unicorn tears", 12)
    assert "Naegele" in at.lookup_protocol(s, "pregnancy_dating")
    assert "RhIG" in at.lookup_protocol(s, "rh_immune_globulin")


def _run(task, *calls):
    env = HealthGymEnv(domain="obstetrics", split=None)
    env.reset(options={"task": task})
    info: dict = {}
    for name, args in calls:
        *_, info = env.step(format_hermes(name, args))
    return env, info


def test_bad_arguments_give_clear_errors():
    env = HealthGymEnv(domain="obstetrics", split=None)
    env.reset(options={"index": 0})
    for args, msg in (
        ({"panel": "liver"}, "is not one of"),
        ({"panel": "cbc", "extra": 1}, "unknown argument"),
        ({}, "missing required argument"),
    ):
        obs, *_ = env.step(format_hermes("order_lab_panel", args))
        assert msg in obs, obs
    obs, *_ = env.step(
        format_hermes(
            "calc_apgar",
            {
                "heart_rate": 3,
                "respiratory_effort": 1,
                "muscle_tone": 1,
                "reflex_irritability": 1,
                "color": 1,
            },
        )
    )
    assert "above the maximum 2" in obs
    # the finding is free text graded by meaning; a missing one is still a schema error
    obs, *_ = env.step(format_hermes("submit_assessment", {"actions": ["delivery"]}))
    assert "missing required argument" in obs and env.log.answer is None
    assert [c.status for c in env.log.calls] == ["invalid"] * 5


def _task(pred):
    return next(DOMAIN.task(i) for i in range(DOMAIN.n_tasks) if pred(DOMAIN.task(i)))


def test_grader_partial_credit_and_wrong_finding():
    task = _task(lambda k: k.grader["type"] == "labour")
    ref = task.reference.answer
    s = DOMAIN.new_state(task)
    assert grade(task, s, EpisodeLog(answer=ref)).accuracy == 1.0
    g = grade(task, s, EpisodeLog(answer={**ref, "score": ref["score"] + 1}))
    assert g.accuracy == pytest.approx(2 / 3) and g.coherence_checks["score_consistent"] is False
    other = next(f for f in ("favourable_cervix", "unfavourable_cervix") if f != ref["finding"])
    assert grade(task, s, EpisodeLog(answer={**ref, "finding": other})).accuracy == 0.0
    assert grade(task, s, EpisodeLog()).accuracy == 0.0


def test_severe_preeclampsia_without_magnesium_is_critical():
    task = _task(lambda k: k.grader["finding"] == "preeclampsia_with_severe_features")
    ref = task.reference.answer
    actions = [a for a in ref["actions"] if a != "magnesium_sulfate"]
    _, info = _run(
        task, ("get_blood_pressure_series", {}), ("submit_assessment", {**ref, "actions": actions})
    )
    c = info["reward_components"]
    assert c["capped"] and c["composite"] <= 0.1 and c["safety"] == 0.0
    assert "missed_magnesium" in {v["code"] for v in c["violations"]}
    # finding right; actions by recall: every required group but magnesium's is met
    groups = len(task.grader["required"])
    assert c["accuracy"] == pytest.approx((1 + (groups - 1) / groups) / 2)


def test_teratogen_in_the_medication_list_is_critical():
    task = _task(lambda k: k.grader["type"] == "medication")
    ref = task.reference.answer
    plus_warfarin = {**ref, "medications": [*ref["medications"], "Coumadin 5 mg"]}
    g = grade(task, DOMAIN.new_state(task), EpisodeLog(answer=plus_warfarin))
    assert any(v.code == "teratogen" and v.severity == "critical" for v in g.violations)
    assert g.details["parts"]["medications"] == 0.0
    g = grade(task, DOMAIN.new_state(task), EpisodeLog(answer=ref))
    assert not g.violations and g.coherence_checks["medications_checked"] is False


def test_major_violations_rhig_ctg_and_misoprostol():
    rh = _task(lambda k: any(r.code == "missed_rhig" for r in k.safety))
    g = grade(rh, DOMAIN.new_state(rh), EpisodeLog(answer={**rh.reference.answer, "actions": []}))
    assert [(v.code, v.severity) for v in g.violations] == [("missed_rhig", "major")]
    ctg = _task(lambda k: k.grader["finding"] == "category_iii")
    ans = {**ctg.reference.answer, "actions": ["intrauterine_resuscitation"]}
    g = grade(ctg, DOMAIN.new_state(ctg), EpisodeLog(answer=ans))
    assert [v.code for v in g.violations] == ["category_iii_without_delivery"]
    scar = _task(lambda k: any(r.code == "misoprostol_after_cesarean" for r in k.safety))
    ans = {**scar.reference.answer, "actions": ["misoprostol_ripening"]}
    g = grade(scar, DOMAIN.new_state(scar), EpisodeLog(answer=ans))
    assert [v.severity for v in g.violations] == ["major"]


def test_dating_accepts_us_date_format_and_checks_consistency():
    task = _task(lambda k: k.grader["type"] == "dating")
    y, m, d = task.grader["edd"].split("-")
    s = DOMAIN.new_state(task)
    s.results["edd:lmp"] = s.results["edd:ultrasound"] = "1999-01-01"
    g = grade(task, s, EpisodeLog(answer={**task.reference.answer, "edd": f"{m}/{d}/{y}"}))
    assert g.accuracy == 1.0 and g.coherence_checks["edd_consistent"] is False
    assert g.coherence_checks["evidence_seen"] is False  # nothing was looked at
