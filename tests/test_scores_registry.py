"""Cross-cutting tests for the clinical score library: registry, signatures, docstrings,
and the invariant that additive scores' components sum to the total."""

from __future__ import annotations

import inspect
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import healthgym.clinical.scores as scores_pkg
from healthgym.clinical.registry import core_scores, registry
from healthgym.clinical.scores import ScoreResult
from healthgym.clinical.scores._validation import round_half_up
from test_scores_medcalc_new import SAMPLES as MEDCALC_NEW_SAMPLES

EXPECTED = {
    "curb65",
    "crb65",
    "wells_pe",
    "wells_dvt",
    "perc",
    "heart_score",
    "timi_ua_nstemi",
    "cha2ds2_vasc",
    "centor_mcisaac",
    "alvarado",
    "qsofa",
    "sirs",
    "bisap",
    "glasgow_blatchford",
    "child_pugh",
    "meld_na",
    "gcs",
    "shock_index",
    "anion_gap",
    "abcd2",
    "news2",
    "has_bled",
    "rcri",
    "feverpain",
    "apache_ii",
    "psi",
    "charlson",
    "caprini",
    "sofa",
}

# Scores whose value is not simply the sum of the components.
NON_ADDITIVE = {"meld_na", "shock_index"}
SCORES = core_scores()


def test_registry_contents() -> None:
    assert set(SCORES) == EXPECTED
    for name, fn in SCORES.items():
        assert fn.__name__ == name
        assert getattr(scores_pkg, name) is fn
        assert name in scores_pkg.__all__
        entry = registry()[name]
        assert entry.fn is fn and entry.kind == "score" and entry.core
        assert entry.additive == (name not in NON_ADDITIVE)
        assert entry.specialty == fn.__module__.rsplit(".", 1)[1]
    assert "ScoreResult" in scores_pkg.__all__


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_signature_keyword_only_and_typed(name: str) -> None:
    fn = SCORES[name]
    sig = inspect.signature(fn)
    assert sig.parameters, name
    for param in sig.parameters.values():
        assert param.kind is inspect.Parameter.KEYWORD_ONLY, (name, param.name)
        assert param.annotation is not inspect.Parameter.empty, (name, param.name)
    assert sig.return_annotation in (ScoreResult, "ScoreResult")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_docstring_cites_publication(name: str) -> None:
    doc = inspect.getdoc(SCORES[name]) or ""
    assert re.search(r"\b(19|20)\d\d\b", doc), f"{name} docstring lacks a publication year"
    assert "Source" in doc
    assert "Interpretation" in doc or "interpretation" in doc.lower()


# One valid input set per score, used for generic checks.
SAMPLE_INPUTS: dict[str, dict[str, Any]] = {
    "curb65": dict(confusion=True, bun_mg_dl=25, respiratory_rate=31, sbp=88, dbp=55, age=70),
    "crb65": dict(confusion=False, respiratory_rate=31, sbp=120, dbp=70, age=70),
    "wells_pe": dict(
        clinical_signs_dvt=True,
        pe_most_likely=False,
        heart_rate=110,
        immobilization_or_surgery=False,
        prior_vte=True,
        hemoptysis=False,
        malignancy=True,
    ),
    "wells_dvt": dict(
        active_cancer=True,
        paralysis_or_recent_cast=False,
        bedridden_or_major_surgery=True,
        localized_deep_vein_tenderness=True,
        entire_leg_swollen=False,
        calf_swelling_3cm=False,
        pitting_edema_symptomatic_leg=False,
        collateral_superficial_veins=False,
        prior_dvt=False,
        alternative_diagnosis_likely=True,
    ),
    "perc": dict(
        age=55,
        heart_rate=90,
        spo2=96,
        hemoptysis=False,
        estrogen_use=True,
        prior_vte=False,
        unilateral_leg_swelling=False,
        recent_surgery_or_trauma=False,
    ),
    "heart_score": dict(
        history="moderately",
        ecg="normal",
        age=55,
        risk_factor_count=2,
        known_atherosclerotic_disease=False,
        troponin_ratio=0.8,
    ),
    "timi_ua_nstemi": dict(
        age=70,
        three_or_more_cad_risk_factors=True,
        known_cad_stenosis_50=False,
        aspirin_last_7d=True,
        severe_angina_2plus_24h=False,
        st_deviation_05mm=True,
        positive_cardiac_marker=False,
    ),
    "cha2ds2_vasc": dict(
        age=70,
        sex="female",
        chf=False,
        hypertension=True,
        stroke_tia_thromboembolism=True,
        vascular_disease=False,
        diabetes=False,
    ),
    "centor_mcisaac": dict(
        temperature_c=38.4,
        cough_absent=True,
        tender_anterior_cervical_nodes=False,
        tonsillar_exudate_or_swelling=True,
        age=50,
    ),
    "alvarado": dict(
        migration_to_rlq=True,
        anorexia=True,
        nausea_vomiting=False,
        rlq_tenderness=True,
        rebound_tenderness=False,
        temperature_c=37.5,
        wbc=11.2,
        neutrophils_pct=70,
    ),
    "qsofa": dict(respiratory_rate=24, sbp=105, altered_mentation=False),
    "sirs": dict(temperature_c=38.5, heart_rate=95, respiratory_rate=18, wbc=9),
    "bisap": dict(
        bun_mg_dl=30,
        impaired_mental_status=False,
        sirs_criteria_met=2,
        age=50,
        pleural_effusion=False,
    ),
    "glasgow_blatchford": dict(
        bun_mg_dl=25,
        hemoglobin_g_dl=11,
        sex="female",
        sbp=105,
        heart_rate=102,
        melena=True,
        syncope=False,
        hepatic_disease=False,
        cardiac_failure=False,
    ),
    "child_pugh": dict(
        bilirubin_mg_dl=2.2, albumin_g_dl=3.1, inr=1.4, ascites="mild", encephalopathy="none"
    ),
    "meld_na": dict(bilirubin_mg_dl=3.0, inr=1.8, creatinine_mg_dl=1.5, sodium_mmol_l=131),
    "gcs": dict(eye=3, verbal=4, motor=6),
    "shock_index": dict(heart_rate=110, sbp=100),
    "anion_gap": dict(sodium=138, chloride=100, bicarbonate=18),
    "abcd2": dict(
        age=65,
        sbp=145,
        dbp=85,
        clinical_features="unilateral_weakness",
        duration_min=20,
        diabetes=False,
    ),
    "news2": dict(
        respiratory_rate=21,
        spo2=95,
        on_supplemental_oxygen=False,
        sbp=115,
        heart_rate=92,
        consciousness="alert",
        temperature_c=38.2,
    ),
}
SAMPLE_INPUTS.update(MEDCALC_NEW_SAMPLES)


def test_sample_inputs_cover_registry() -> None:
    assert set(SAMPLE_INPUTS) == EXPECTED


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_result_shape(name: str) -> None:
    result = SCORES[name](**SAMPLE_INPUTS[name])
    assert isinstance(result, ScoreResult)
    assert result.name
    assert result.source
    assert result.interpretation
    assert result.components
    assert all(isinstance(v, float | int) for v in result.components.values())
    if name not in NON_ADDITIVE:
        assert sum(result.components.values()) == pytest.approx(result.value)
    assert result.as_text().startswith(result.name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_positional_arguments_rejected(name: str) -> None:
    with pytest.raises(TypeError):
        SCORES[name](*SAMPLE_INPUTS[name].values())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_unknown_keyword_rejected(name: str) -> None:
    with pytest.raises(TypeError):
        SCORES[name](**SAMPLE_INPUTS[name], not_a_parameter=1)


@settings(max_examples=200, deadline=None)
@given(
    rr=st.floats(0, 60),
    sbp=st.floats(40, 250),
    hr=st.floats(20, 220),
    spo2=st.floats(50, 100),
    temp=st.floats(30, 43),
    oxygen=st.booleans(),
    cvpu=st.booleans(),
)
def test_news2_components_sum_and_range(
    rr: float, sbp: float, hr: float, spo2: float, temp: float, oxygen: bool, cvpu: bool
) -> None:
    result = SCORES["news2"](
        respiratory_rate=rr,
        spo2=spo2,
        on_supplemental_oxygen=oxygen,
        sbp=sbp,
        heart_rate=hr,
        consciousness="cvpu" if cvpu else "alert",
        temperature_c=temp,
    )
    assert result.value == sum(result.components.values())
    assert 0 <= result.value <= 20


@settings(max_examples=200, deadline=None)
@given(
    bili=st.floats(0.1, 60),
    inr=st.floats(0.5, 10),
    cr=st.floats(0.2, 15),
    na=st.floats(110, 160),
    dialysis=st.booleans(),
)
def test_meld_na_range(bili: float, inr: float, cr: float, na: float, dialysis: bool) -> None:
    result = SCORES["meld_na"](
        bilirubin_mg_dl=bili,
        inr=inr,
        creatinine_mg_dl=cr,
        sodium_mmol_l=na,
        dialysis_twice_past_week=dialysis,
    )
    assert isinstance(result.value, int)
    assert 6 <= result.value <= 40


@pytest.mark.parametrize(
    ("value", "ndigits", "expected"),
    [(0.5, 0, 1.0), (2.5, 0, 3.0), (1.25, 1, 1.3), (0.995, 2, 1.0), (1.04999, 1, 1.0)],
)
def test_round_half_up(value: float, ndigits: int, expected: float) -> None:
    assert round_half_up(value, ndigits) == expected
