"""Cross-cutting tests for the registered scores beyond the core bedside set (triage,
psychiatry, obstetrics, renal, ...): registry, keyword-only typed signatures, cited
docstrings, result shape and the invariant that additive scores' components sum to the
value."""

from __future__ import annotations

import inspect
import re
from typing import Any

import pytest

import healthgym.clinical.scores as scores_pkg
from healthgym.clinical.registry import core_scores, registry
from healthgym.clinical.scores import ScoreResult

MORE_SCORES = {n: c.fn for n, c in registry().items() if c.kind == "score" and not c.core}
# value is a stage, category or rule outcome rather than the sum of the components
MORE_NON_ADDITIVE = frozenset(
    {
        "kdigo_aki_stage",
        "esi_level",
        "start_triage",
        "jumpstart_triage",
        "c_ssrs_screen",
        "ottawa_ankle_rule",
        "ottawa_foot_rule",
        "canadian_ct_head_rule",
        "duke_criteria",
        "qtc_risk_category",
        "egfr_dose_band",
    }
)

# One valid input set per score.
SAMPLE_INPUTS: dict[str, dict[str, Any]] = {
    "kdigo_aki_stage": dict(
        baseline_creatinine_mg_dl=0.9,
        current_creatinine_mg_dl=1.9,
        creatinine_rise_48h_mg_dl=0.6,
        rrt_initiated=False,
        urine_output_ml_kg_h=0.4,
        urine_output_hours=8,
    ),
    "lace_index": dict(
        length_of_stay_days=5, acute_admission=True, charlson_index=2, ed_visits_6_months=1
    ),
    "ranson": dict(
        age=60,
        wbc=17,
        glucose_mg_dl=180,
        ldh_u_l=400,
        ast_u_l=100,
        gallstone=False,
        hematocrit_fall_pct_points=5,
        bun_rise_mg_dl=6,
        calcium_mg_dl=7.8,
        pao2_mm_hg=70,
        base_deficit_meq_l=2,
        fluid_sequestration_l=3,
    ),
    "pesi": dict(
        age=72,
        sex="male",
        cancer=False,
        heart_failure=True,
        chronic_lung_disease=False,
        heart_rate=112,
        sbp=105,
        respiratory_rate=22,
        temperature_c=36.8,
        altered_mental_status=False,
        spo2=93,
    ),
    "spesi": dict(
        age=72,
        cancer=False,
        chronic_cardiopulmonary_disease=True,
        heart_rate=112,
        sbp=105,
        spo2=93,
    ),
    "nihss": dict(
        loc=0,
        loc_questions=1,
        loc_commands=0,
        best_gaze=1,
        visual=0,
        facial_palsy=2,
        motor_arm_left=3,
        motor_arm_right=0,
        motor_leg_left=2,
        motor_leg_right=0,
        limb_ataxia=None,
        sensory=1,
        best_language=0,
        dysarthria=1,
        extinction_inattention=1,
    ),
    "bishop_score": dict(
        dilation_cm=2, effacement_pct=60, station=-1, consistency="medium", position="mid"
    ),
    "apgar": dict(
        heart_rate=2, respiratory_effort=2, muscle_tone=1, reflex_irritability=2, color=1
    ),
    "esi_danger_zone_vitals": dict(age_years=2, heart_rate=170, respiratory_rate=30, spo2=95),
    "esi_level": dict(
        requires_immediate_lifesaving_intervention=False,
        high_risk_situation=False,
        new_confusion_lethargy_disorientation=False,
        severe_pain_or_distress=False,
        expected_resources=2,
        danger_zone_vitals=True,
    ),
    "revised_trauma_score": dict(gcs=12, sbp=85, respiratory_rate=32),
    "triage_revised_trauma_score": dict(gcs=12, sbp=85, respiratory_rate=32),
    "start_triage": dict(
        can_walk=False,
        respiratory_rate=24,
        breathes_after_airway_repositioning=None,
        radial_pulse_present=True,
        capillary_refill_s=1.5,
        obeys_commands=True,
    ),
    "jumpstart_triage": dict(
        can_walk=False,
        respiratory_rate=30,
        breathes_after_airway_positioning=None,
        peripheral_pulse_present=True,
        breathes_after_rescue_breaths=None,
        avpu="V",
    ),
    "phq9": dict(items=[1, 2, 1, 2, 1, 0, 1, 1, 0]),
    "gad7": dict(items=[2, 1, 2, 1, 1, 0, 2]),
    "audit": dict(items=[3, 2, 2, 1, 0, 0, 1, 0, 2, 0]),
    "audit_c": dict(items=[2, 1, 1], sex="female"),
    "pcl5": dict(items=[2, 1, 2, 0, 1, 2, 1, 0, 2, 3, 1, 0, 2, 1, 2, 3, 1, 0, 2, 1]),
    "mdq": dict(items=[True] * 8 + [False] * 5, same_period=True, impairment="moderate"),
    "cage": dict(cut_down=True, annoyed=False, guilty=True, eye_opener=False),
    "dast10": dict(answers=[True, False, True, False, False, True, False, False, False, False]),
    "c_ssrs_screen": dict(
        wish_to_be_dead=True,
        suicidal_thoughts=True,
        thoughts_with_method=True,
        intent=False,
        plan_and_intent=False,
        suicidal_behavior="none",
    ),
    "ottawa_ankle_rule": dict(
        malleolar_zone_pain=True,
        lateral_malleolus_tenderness=True,
        medial_malleolus_tenderness=False,
        unable_to_bear_weight=False,
    ),
    "ottawa_foot_rule": dict(
        midfoot_zone_pain=True,
        fifth_metatarsal_base_tenderness=False,
        navicular_tenderness=False,
        unable_to_bear_weight=False,
    ),
    "canadian_ct_head_rule": dict(
        age=35,
        gcs_initial=14,
        gcs_at_2h=15,
        loss_of_consciousness_amnesia_or_disorientation=True,
        suspected_open_or_depressed_skull_fracture=False,
        basal_skull_fracture_signs=False,
        vomiting_episodes=1,
        amnesia_before_impact_30min=False,
        dangerous_mechanism=True,
        anticoagulation_or_bleeding_disorder=False,
        seizure_after_injury=False,
        acute_focal_neurological_deficit=False,
        obvious_open_or_depressed_skull_fracture=False,
        unstable_vital_signs=False,
        other_exclusion=False,
    ),
    "duke_criteria": dict(
        pathological_criteria=False,
        major_blood_cultures=True,
        major_endocardial_involvement=False,
        minor_predisposition=True,
        minor_fever=True,
        minor_vascular_phenomena=False,
        minor_immunologic_phenomena=False,
        minor_microbiological_evidence=False,
        firm_alternate_diagnosis=False,
        resolution_with_antibiotics_4_days_or_less=False,
        no_pathology_after_antibiotics_4_days_or_less=False,
    ),
    "qtc_risk_category": dict(qtc_ms=475, sex="female", baseline_qtc_ms=430),
    "egfr_dose_band": dict(gfr_ml_min=42, on_dialysis=False),
}


def test_registry_contents() -> None:
    assert set(MORE_SCORES) == set(SAMPLE_INPUTS)
    assert set(MORE_SCORES) >= MORE_NON_ADDITIVE
    assert not set(MORE_SCORES) & set(core_scores()), "name clash with the core scores"
    for name, fn in MORE_SCORES.items():
        assert fn.__name__ == name
        assert getattr(scores_pkg, name) is fn and name in scores_pkg.__all__
        assert registry()[name].additive == (name not in MORE_NON_ADDITIVE)


@pytest.mark.parametrize("name", sorted(SAMPLE_INPUTS))
def test_signature_keyword_only_and_typed(name: str) -> None:
    sig = inspect.signature(MORE_SCORES[name])
    assert sig.parameters, name
    for param in sig.parameters.values():
        assert param.kind is inspect.Parameter.KEYWORD_ONLY, (name, param.name)
        assert param.annotation is not inspect.Parameter.empty, (name, param.name)
    assert sig.return_annotation in (ScoreResult, "ScoreResult")


@pytest.mark.parametrize("name", sorted(SAMPLE_INPUTS))
def test_docstring_cites_publication(name: str) -> None:
    doc = inspect.getdoc(MORE_SCORES[name]) or ""
    assert re.search(r"\b(19|20)\d\d\b", doc), f"{name} docstring lacks a publication year"
    assert "Source" in doc
    assert "interpretation" in doc.lower()


@pytest.mark.parametrize("name", sorted(SAMPLE_INPUTS))
def test_result_shape(name: str) -> None:
    result = MORE_SCORES[name](**SAMPLE_INPUTS[name])
    assert isinstance(result, ScoreResult)
    assert result.name
    assert re.search(r"\b(19|20)\d\d\b", result.source)
    assert result.interpretation
    assert result.components
    assert all(isinstance(x, float | int) for x in result.components.values())
    assert isinstance(result.value, float | int)
    if name not in MORE_NON_ADDITIVE:
        assert sum(result.components.values()) == pytest.approx(result.value)
    assert result.as_text().startswith(result.name)
    assert result.explanation()
    assert result.to_dict()["name"] == result.name


@pytest.mark.parametrize("name", sorted(SAMPLE_INPUTS))
def test_positional_arguments_rejected(name: str) -> None:
    with pytest.raises(TypeError):
        MORE_SCORES[name](*SAMPLE_INPUTS[name].values())


@pytest.mark.parametrize("name", sorted(SAMPLE_INPUTS))
def test_unknown_keyword_rejected(name: str) -> None:
    with pytest.raises(TypeError):
        MORE_SCORES[name](**SAMPLE_INPUTS[name], not_a_parameter=1)


def test_sample_values() -> None:
    # Hand-computed from the criteria for the sample inputs above.
    expected = {
        "kdigo_aki_stage": 2,  # ratio 2.11
        "lace_index": 10,  # 4 + 3 + 2 + 1
        "ranson": 5,  # age, WBC, LDH, BUN rise, calcium
        "pesi": 112,  # 72 + 10 (male) + 10 (heart failure) + 20 (pulse) -> class IV
        "spesi": 2,  # chronic cardiopulmonary disease + pulse >= 110
        "nihss": 12,  # 1 + 1 + 2 + 3 + 2 + 1 + 1 + 1, ataxia UN
        "bishop_score": 7,  # 1 + 2 + 2 + 1 + 1
        "apgar": 8,
        "esi_danger_zone_vitals": 1,  # HR 170 > 160 for 3 months - 3 years
        "esi_level": 2,
        "revised_trauma_score": 0.9368 * 3 + 0.7326 * 3 + 0.2908 * 3,
        "triage_revised_trauma_score": 9,
        "start_triage": 2,
        "jumpstart_triage": 2,
        "phq9": 9,
        "gad7": 9,
        "audit": 11,
        "audit_c": 4,
        "pcl5": 27,
        "mdq": 8,
        "cage": 2,
        "dast10": 2,  # items 1 and 6 yes; item 3 "yes" scores 0
        "c_ssrs_screen": 2,
        "ottawa_ankle_rule": 1,
        "ottawa_foot_rule": 0,
        "canadian_ct_head_rule": 1,
        "duke_criteria": 1,  # 1 major + 2 minor -> possible
        "qtc_risk_category": 1,  # 475 >= 460, increase 45 ms
        "egfr_dose_band": 3,
    }
    assert set(expected) == set(SAMPLE_INPUTS)
    for name, value in expected.items():
        assert MORE_SCORES[name](**SAMPLE_INPUTS[name]).value == pytest.approx(value), name
