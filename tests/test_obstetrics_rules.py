"""obstetrics rules against the published thresholds and hand-worked examples."""

from __future__ import annotations

import datetime as dt

import pytest

from healthgym.clinical.guidelines.obstetric_dating import (
    best_dating,
    crl_ga_days_rounded,
    crl_to_ga_days,
    induction_plan,
    redating_band,
)
from healthgym.clinical.guidelines.obstetric_fetal import (
    acceleration_qualifies,
    apgar_band,
    bpp_band,
    bpp_plan,
    bpp_points,
    ctg_plan,
    deceleration_type,
    modified_bpp_plan,
    newborn_plan,
    nichd_category,
    recurrence,
    variability_class,
)
from healthgym.clinical.guidelines.obstetric_maternal import (
    HypertensionFindings,
    classify_hypertension,
    gct_positive,
    hypertension_plan,
    ogtt_75g_abnormal,
    ogtt_100g_abnormal,
    rh_plan,
    rh_status,
    rhig_indicated,
)
from healthgym.clinical.scores.obstetric import apgar, bishop_score
from healthgym.domains.obstetrics import medications as med

# ------------------------------------------------------------------- dating (CO 700)


def test_robinson_crl_formula_worked_example():
    # 8.052 x sqrt(45) + 23.73 = 8.052 x 6.7082 + 23.73 = 77.74 days -> 78 days (11+1 weeks)
    assert crl_to_ga_days(45.0) == pytest.approx(77.744, abs=1e-3)
    assert crl_ga_days_rounded(45.0) == 78
    with pytest.raises(ValueError, match="crown-rump"):
        crl_to_ga_days(120.0)


@pytest.mark.parametrize(
    ("lmp_ga_days", "threshold"),
    [
        (50, 5),
        (62, 5),
        (63, 7),
        (97, 7),
        (98, 7),
        (111, 7),
        (112, 10),
        (153, 10),
        (154, 14),
        (195, 14),
        (196, 21),
        (280, 21),
    ],
)
def test_acog_co700_redating_thresholds_by_band(lmp_ga_days, threshold):
    # ACOG CO 700 Table 1: <=8 6/7 wk >5 d; 9 0/7-13 6/7 >7; 14 0/7-15 6/7 >7;
    # 16 0/7-21 6/7 >10; 22 0/7-27 6/7 >14; >=28 0/7 >21
    assert redating_band(lmp_ga_days)[0] == threshold


def test_best_dating_redates_only_beyond_the_threshold():
    lmp, scan = dt.date(2024, 1, 1), dt.date(2024, 3, 11)  # LMP GA at the scan 70 d (10+0)
    keep = best_dating(lmp, scan, 77)  # 7 days: not more than 7 -> keep the LMP
    assert keep.basis == "lmp" and keep.edd == dt.date(2024, 10, 7)  # LMP + 280 days
    redate = best_dating(lmp, scan, 78)  # 8 days > 7 -> ultrasound
    # EDD = scan + (280 - 78) days = 2024-03-11 + 202 days
    assert redate.basis == "ultrasound" and redate.edd == dt.date(2024, 9, 29)
    assert best_dating(lmp, scan, 62).basis == "ultrasound"  # 8 days smaller
    unknown = best_dating(None, scan, 78)
    assert unknown.basis == "ultrasound" and unknown.edd == dt.date(2024, 9, 29)


# ---------------------------------------------------------------- induction (PB 107)


def test_library_bishop_worked_example_and_plan():
    # 3 cm (2) + 50% (1) + station -1 (2) + soft (2) + anterior (2) = 9 -> favourable
    b = bishop_score(
        dilation_cm=3, effacement_pct=50, station=-1, consistency="soft", position="anterior"
    )
    assert b.value == 9
    assert induction_plan(9, False).required == (("oxytocin_induction",),)
    unripe = induction_plan(4, False)
    assert "misoprostol_ripening" in unripe.required[0] and "amniotomy" in unripe.forbidden
    scar = induction_plan(4, True)
    assert scar.required == (("balloon_catheter_ripening",),)
    assert "misoprostol_ripening" in scar.forbidden
    with pytest.raises(ValueError):
        induction_plan(7, False)


# --------------------------------------------------------------------- NICHD 2008


@pytest.mark.parametrize(
    ("amplitude", "label"),
    [
        (0, "absent"),
        (1, "minimal"),
        (5, "minimal"),
        (6, "moderate"),
        (25, "moderate"),
        (26, "marked"),
    ],
)
def test_variability_bands(amplitude, label):
    assert variability_class(amplitude) == label


def test_deceleration_types_and_recurrence():
    assert deceleration_type(40, "coincident", 60) == "early"
    assert deceleration_type(30, "coincident", 60) == "early"  # gradual = >= 30 s
    assert deceleration_type(40, "after_peak", 60) == "late"
    assert deceleration_type(29, "after_peak", 60) == "variable"  # abrupt = < 30 s
    assert deceleration_type(20, "coincident", 120) == "prolonged"  # >= 2 minutes
    assert recurrence(2, 4) == "recurrent"  # >= 50% of contractions
    assert recurrence(3, 5) == "recurrent"
    assert recurrence(1, 4) == "intermittent"
    assert recurrence(0, 4) == "none"


@pytest.mark.parametrize(
    ("args", "category"),
    [
        ((140, "moderate"), "I"),
        ((140, "moderate", "none", "none", False, False), "I"),
        ((170, "moderate"), "II"),  # tachycardia
        ((105, "moderate"), "II"),  # bradycardia with variability
        ((140, "minimal"), "II"),
        ((140, "marked"), "II"),
        ((140, "absent"), "II"),  # absent variability without recurrent decelerations
        ((140, "moderate", "recurrent"), "II"),
        ((140, "moderate", "none", "recurrent"), "II"),
        ((140, "moderate", "none", "none", True), "II"),  # prolonged deceleration
        ((140, "absent", "recurrent"), "III"),
        ((140, "absent", "none", "recurrent"), "III"),
        ((100, "absent"), "III"),
        ((135, "moderate", "none", "none", False, True), "III"),  # sinusoidal
    ],
)
def test_nichd_three_tier_categories(args, category):
    assert nichd_category(*args) == category


def test_ctg_management_by_category():
    assert ctg_plan("I").required == (("routine_monitoring",),)
    assert ("delivery",) in ctg_plan("III").required
    assert "routine_monitoring" in ctg_plan("II").forbidden


# ---------------------------------------------------------------- BPP (PB 229)


def test_nst_acceleration_criteria_depend_on_gestational_age():
    assert acceleration_qualifies(15, 15, 32)
    assert not acceleration_qualifies(14, 30, 34)
    assert not acceleration_qualifies(20, 14, 36)
    assert acceleration_qualifies(12, 12, 30)  # 10 bpm x 10 s before 32 weeks
    assert not acceleration_qualifies(12, 12, 32)
    assert not acceleration_qualifies(20, 120, 36)  # >= 2 min is a baseline change


def test_bpp_points_bands_and_management():
    pts = bpp_points(True, True, 3, True, 2.1)
    assert sum(pts.values()) == 10
    assert bpp_points(True, True, 2, True, 2.0) == {
        "nst": 2,
        "breathing": 2,
        "movement": 0,
        "tone": 2,
        "fluid": 0,
    }
    assert [bpp_band(s) for s in (10, 8, 6, 4, 0)] == [
        "bpp_normal",
        "bpp_normal",
        "bpp_equivocal",
        "bpp_abnormal",
        "bpp_abnormal",
    ]
    assert bpp_plan(8, False, 34).required == (("routine_antenatal_testing",),)
    assert bpp_plan(6, False, 36).required == (("repeat_bpp_within_24h",),)
    assert bpp_plan(6, False, 37).required == (("delivery",),)
    assert bpp_plan(6, True, 33).required == (("delivery",),)
    assert bpp_plan(4, False, 30).required == (("delivery",),)
    assert modified_bpp_plan(True, 3.0)[0] == "modified_bpp_normal"
    assert modified_bpp_plan(True, 2.0)[0] == "modified_bpp_abnormal"
    assert modified_bpp_plan(False, 5.0)[1].required == (("full_bpp",),)


# ------------------------------------------------------------ newborn (AAP/ACOG, NRP)


def test_library_apgar_and_newborn_actions():
    # HR >= 100 (2), irregular breathing (1), some flexion (1), grimace (1), acrocyanosis (1)
    a = apgar(heart_rate=2, respiratory_effort=1, muscle_tone=1, reflex_irritability=1, color=1)
    assert a.value == 6 and apgar_band(6) == "apgar_moderately_abnormal"
    assert [apgar_band(s) for s in (10, 7, 4, 3)] == [
        "apgar_reassuring",
        "apgar_reassuring",
        "apgar_moderately_abnormal",
        "apgar_low",
    ]
    assert newborn_plan(1, 5, 90, 1, 1).required == (("positive_pressure_ventilation",),)
    assert newborn_plan(1, 6, 130, 0, 1).required == (("positive_pressure_ventilation",),)
    assert newborn_plan(1, 9, 140, 2, 2).required == (("routine_newborn_care",),)
    assert newborn_plan(1, 7, 140, 1, 2).required == (("initial_steps_and_monitoring",),)
    five = newborn_plan(5, 5, 130, 1, 1)
    assert ("continue_apgar_every_5_min",) in five.required


# ------------------------------------------------------------------ PB 222 / CO 767


PE = "preeclampsia_without_severe_features"
SF = "preeclampsia_with_severe_features"


def _f(**kw) -> HypertensionFindings:
    base = dict(
        hypertension=True,
        severe_range_bp=False,
        protein_creatinine_ratio=0.1,
        platelets=250,
        creatinine=0.6,
        ast=20,
        alt=20,
    )
    return HypertensionFindings(**{**base, **kw})


@pytest.mark.parametrize(
    ("findings", "label"),
    [
        (_f(hypertension=False), "no_hypertensive_disorder"),
        (_f(), "gestational_hypertension"),
        (_f(protein_creatinine_ratio=0.3), "preeclampsia_without_severe_features"),
        (_f(protein_creatinine_ratio=0.29, protein_24h_mg=300), PE),
        (_f(protein_creatinine_ratio=0.29, protein_24h_mg=299), "gestational_hypertension"),
        (_f(protein_creatinine_ratio=0.5, severe_range_bp=True), SF),
        (_f(platelets=99), "preeclampsia_with_severe_features"),
        (_f(platelets=100), "gestational_hypertension"),
        (_f(creatinine=1.1), "gestational_hypertension"),
        (_f(creatinine=1.11), "preeclampsia_with_severe_features"),
        (_f(ast=80), "preeclampsia_with_severe_features"),  # 2 x ULN 40
        (_f(alt=79), "gestational_hypertension"),
        (_f(persistent_headache=True), "preeclampsia_with_severe_features"),
        (_f(visual_disturbance=True), "preeclampsia_with_severe_features"),
        (_f(ruq_epigastric_pain=True), "preeclampsia_with_severe_features"),
        (_f(pulmonary_edema=True), "preeclampsia_with_severe_features"),
    ],
)
def test_pb222_classification(findings, label):
    assert classify_hypertension(findings)[0] == label


def test_pb222_management():
    sf = "preeclampsia_with_severe_features"
    late = hypertension_plan(sf, 35, True, False)
    assert {("magnesium_sulfate",), ("antihypertensive",), ("delivery",)} <= set(late.required)
    early = hypertension_plan(sf, 30, False, False)
    assert ("antenatal_corticosteroids",) in early.required
    assert ("delivery", "expectant_management") in early.required
    edema = hypertension_plan(sf, 30, False, True)
    assert ("delivery",) in edema.required and "expectant_management" in edema.forbidden
    mild = hypertension_plan("gestational_hypertension", 36, False, False)
    assert mild.required == (("expectant_management",),) and "delivery" in mild.forbidden
    assert hypertension_plan("preeclampsia_without_severe_features", 37, False, False).required == (
        ("delivery",),
    )
    none = hypertension_plan("no_hypertensive_disorder", 30, False, False)
    assert "magnesium_sulfate" in none.forbidden


# ------------------------------------------------------------------- GDM (PB 190)


def test_gdm_thresholds():
    assert gct_positive(140) and not gct_positive(139)
    values = (90.0, 185.0, 160.0, 130.0)
    assert ogtt_100g_abnormal(values, "carpenter_coustan") == [1, 2]  # 185 >= 180, 160 >= 155
    assert ogtt_100g_abnormal(values, "nddg") == []  # 185 < 190, 160 < 165
    assert ogtt_100g_abnormal((95.0, 100.0, 100.0, 100.0), "carpenter_coustan") == [0]
    assert ogtt_75g_abnormal((92.0, 150.0, 120.0)) == [0]  # fasting 92 met
    assert ogtt_75g_abnormal((91.0, 179.0, 152.0)) == []
    assert ogtt_75g_abnormal((80.0, 180.0, 153.0)) == [1, 2]


# ------------------------------------------------------------------ Rh D (PB 181)


@pytest.mark.parametrize(
    ("negative", "anti_d", "event", "newborn_pos", "indicated"),
    [
        (False, False, "routine_28_weeks", None, False),
        (True, True, "antepartum_bleeding", None, False),
        (True, False, "routine_28_weeks", None, True),
        (True, False, "abdominal_trauma", None, True),
        (True, False, "amniocentesis", None, True),
        (True, False, "external_cephalic_version", None, True),
        (True, False, "postpartum", True, True),
        (True, False, "postpartum", False, False),
        (True, False, "none", None, False),
    ],
)
def test_rhig_indications(negative, anti_d, event, newborn_pos, indicated):
    status = rh_status(negative, anti_d)
    assert rhig_indicated(status, event, newborn_pos) is indicated
    plan = rh_plan(status, event, newborn_pos)
    assert (("rh_immune_globulin",) in plan.required) is indicated


def test_rh_plan_details():
    assert rh_status(True, True) == "rh_negative_alloimmunised"
    allo = rh_plan("rh_negative_alloimmunised", "postpartum", True)
    assert allo.required == (("antibody_titre_monitoring",),)
    post = rh_plan("rh_negative_unsensitised", "postpartum", True)
    assert ("fetomaternal_hemorrhage_screen",) in post.required


# ------------------------------------------------------------ medication table


def test_medication_levels_by_gestational_age():
    assert med.level_at("lisinopril", 8) == "contraindicated"
    assert med.level_at("ibuprofen", 19) == "caution" and med.level_at("ibuprofen", 20) == "avoid"
    assert med.level_at("methimazole", 10) == "avoid"
    assert med.level_at("methimazole", 16) == "compatible"
    assert med.level_at("propylthiouracil", 10) == "compatible"
    assert [med.level_at("nitrofurantoin", w) for w in (10, 20, 38)] == [
        "caution",
        "compatible",
        "avoid",
    ]
    assert med.safe_options("hyperthyroidism", 10) == ["propylthiouracil"]
    assert "enoxaparin" in med.safe_options("venous_thromboembolism", 20)
    assert med.safe_options("hyperlipidemia", 20) == []


def test_medication_name_matching_and_formulary_fallback():
    assert med.match_drugs("Coumadin 5 mg") == ["warfarin"]
    assert med.match_drugs("Depakote ER 500 mg") == ["valproate"]
    assert med.match_drugs("start LMWH") == ["enoxaparin"]
    assert med.match_drugs("prenatal vitamins") == []
    assert med.match_drugs("ramipril 5 mg") == ["ramipril"]  # formulary only
    assert med.assess("ramipril", 10).level == "contraindicated"


def test_table_agrees_with_the_project_formulary():
    """Where both know a drug, an unsafe formulary level is unsafe here at some age and a
    contraindicated drug here is unsafe in the formulary."""
    from healthgym.clinical.drugs import drugs

    formulary = drugs()
    shared = [d for d in med.DRUGS if d.key in formulary]
    assert len(shared) > 30
    for d in shared:
        levels = {d.level, *(w[2] for w in d.windows)}
        f_level = formulary[d.key].pregnancy[0]
        if f_level in med.UNSAFE_LEVELS:
            assert levels & set(med.UNSAFE_LEVELS), d.key
        if d.level == "contraindicated":
            assert f_level in med.UNSAFE_LEVELS, d.key
