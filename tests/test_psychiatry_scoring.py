"""psychiatry: MoCA/MMSE scoring, DSM-5 rules, risk stratification, safety and coherence."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.guidelines.cognitive import mmse, moca, serial_sevens_points
from healthgym.clinical.registry import calculator
from healthgym.domains import get_domain
from healthgym.domains.psychiatry.conditions import (
    VARIANT_BY_KEY,
    aud_severity,
    mdd_severity,
    treatment_groups,
)
from healthgym.domains.psychiatry.dsm5 import episode_kind
from healthgym.domains.psychiatry.instruments import mmse_items, moca_items
from healthgym.domains.psychiatry.records import Cssrs, MoodEpisode, PsychRecord
from healthgym.domains.psychiatry.risk import acute_risk, risk_of
from healthgym.domains.psychiatry.safety import answer_targets
from healthgym.domains.psychiatry.symptoms import MDD_A, PHQ9_ORDER, PTSD_CLUSTERS, keys
from test_psychiatry_tools import FULL_MMSE, FULL_MOCA, record

DOMAIN = get_domain("psychiatry")


@cache
def all_tasks() -> list:
    return [DOMAIN.task(i) for i in range(DOMAIN.n_tasks)]


# ------------------------------------------------------------------ MoCA and MMSE


@pytest.mark.parametrize(("correct", "points"), [(5, 3), (4, 3), (3, 2), (2, 2), (1, 1), (0, 0)])
def test_moca_serial_sevens_rule(correct, points):
    # MoCA instructions: 4-5 correct subtractions 3 points, 2-3 two, 1 one, 0 none
    assert serial_sevens_points(correct) == points


def test_moca_totals_and_education_point():
    assert moca(education_years=16, **FULL_MOCA).value == 30
    # a perfect raw score gets no extra point (the maximum is 30)
    assert moca(education_years=8, **FULL_MOCA).value == 30
    # letter tapping: 1 point only for <= 1 error; fluency: 1 point only for >= 11 words
    items = {**FULL_MOCA, "letter_tapping_errors": 2, "fluency_words": 10, "delayed_recall": 3}
    assert moca(education_years=16, **items).value == 26
    r = moca(education_years=12, **items)  # <= 12 years of education: +1 (Nasreddine 2005)
    assert r.value == 27 and r.components["education_point"] == 1
    assert moca(education_years=13, **items).value == 26
    low = {**items, "clock_drawing": 1, "serial_sevens_correct": 1, "orientation": 4}
    r = moca(education_years=16, **low)
    assert (
        r.value == 20
        and r.components["attention"] == 3
        and "below the normal" in (r.interpretation)
    )
    with pytest.raises(CalculatorInputError):
        moca(education_years=16, **{**FULL_MOCA, "naming": 4})
    with pytest.raises(CalculatorInputError):
        moca(education_years=16, naming=3)


def test_mmse_totals_and_bands():
    assert mmse(**FULL_MMSE).value == 30
    r = mmse(**{**FULL_MMSE, "recall": 0, "orientation_time": 2, "attention_calculation": 4})
    assert r.value == 23 and "below the cut-point" in r.interpretation
    assert (
        "moderate range"
        in mmse(
            **{
                **FULL_MMSE,
                "recall": 0,
                "attention_calculation": 0,
                "orientation_time": 0,
                "orientation_place": 3,
            }
        ).interpretation
    )
    with pytest.raises(CalculatorInputError):
        mmse(**{**FULL_MMSE, "reading": 2})


@pytest.mark.parametrize("target", range(10, 31))
def test_generated_cognitive_items_add_up(target):
    rng = np.random.default_rng(target)
    for education in (8, 12, 16):
        assert moca(education_years=education, **moca_items(rng, target, education)).value == target
    if target >= 10:
        assert mmse(**mmse_items(rng, target, orientation_loss=2)).value == target


# ------------------------------------------------------------------ DSM-5 rules


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (4, "not_applicable"),
        (5, "mild"),
        (6, "moderate"),
        (7, "moderate"),
        (8, "severe"),
        (9, "severe"),
    ],
)
def test_mdd_severity(n, expected):
    assert mdd_severity(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "not_applicable"),
        (2, "mild"),
        (3, "mild"),
        (4, "moderate"),
        (5, "moderate"),
        (6, "severe"),
        (11, "severe"),
    ],
)
def test_aud_severity(n, expected):  # DSM-5: 2-3 mild, 4-5 moderate, 6+ severe
    assert aud_severity(n) == expected


def _ep(days, feats, marked=False, hosp=False, psychotic=False):
    return MoodEpisode(
        years_ago=1,
        duration_days=days,
        features=feats,
        marked_impairment=marked,
        hospitalized=hosp,
        psychotic=psychotic,
    )


def test_manic_and_hypomanic_episode_classification():
    b3 = ["elevated", "energy", "grandiosity", "sleep_need", "talkative"]
    assert episode_kind(_ep(8, b3, marked=True)) == "manic"
    assert episode_kind(_ep(3, b3, hosp=True)) == "manic"  # any duration if hospitalised
    assert episode_kind(_ep(5, b3)) == "hypomanic"
    assert episode_kind(_ep(3, b3)) == "below threshold"  # hypomania needs >= 4 days
    assert episode_kind(_ep(5, b3, marked=True)) == "below threshold"  # mania needs 7 days
    irritable_3 = ["irritable", "energy", "grandiosity", "sleep_need", "talkative"]
    assert episode_kind(_ep(10, irritable_3, marked=True)) == "below threshold"  # needs 4
    assert episode_kind(_ep(10, [*irritable_3, "risky"], marked=True)) == "manic"


# --------------------------------------------------------------- suicide risk


@pytest.mark.parametrize(
    ("answers", "level"),
    [
        ({}, "low"),
        ({"wish_to_be_dead": True}, "low"),
        ({"wish_to_be_dead": True, "suicidal_thoughts": True}, "low"),
        ({"suicidal_thoughts": True, "thoughts_with_method": True}, "moderate"),
        ({"suicidal_behavior": "over_3_months_ago"}, "moderate"),
        ({"suicidal_thoughts": True, "intent": True}, "high"),
        ({"suicidal_thoughts": True, "plan_and_intent": True}, "high"),
        ({"suicidal_behavior": "past_3_months"}, "high"),
    ],
)
def test_risk_follows_the_columbia_triage(answers, level):
    assert risk_of(Cssrs(**answers)) == level


def test_acute_risk_rejects_bad_levels():
    with pytest.raises(ValueError):
        acute_risk(4)


# --------------------------------------------------------------- answer key & safety


def test_treatment_groups_follow_the_guidelines():
    r = record()
    assert treatment_groups(VARIANT_BY_KEY["mdd_severe"], r, "low")[0][0] == "sertraline"
    assert len(treatment_groups(VARIANT_BY_KEY["mdd_severe"], r, "low")) == 2
    groups = treatment_groups(VARIANT_BY_KEY["mdd_mild"], r, "moderate")
    assert ["safety_planning_intervention"] in groups and ["lethal_means_counselling"] in groups
    scz = record(failed_antipsychotic_trials=["a", "b"])
    assert treatment_groups(VARIANT_BY_KEY["schizophrenia"], scz, "low") == [["clozapine"]]


def test_answer_targets():
    assert "antidepressant_monotherapy" in answer_targets(["sertraline"], "outpatient", "low")
    assert "antidepressant_monotherapy" not in answer_targets(
        ["sertraline", "lithium"], "outpatient", "low"
    )
    assert "antidepressant_monotherapy" not in answer_targets(["quetiapine"], "outpatient", "low")
    assert {"disposition:outpatient", "risk:high"} <= answer_targets([], "outpatient", "high")


def test_every_task_has_safe_reference_and_rules_per_condition():
    for task in all_tasks():
        v = VARIANT_BY_KEY[task.hidden["variant"]]
        codes = {r.code for r in task.safety}
        targets = {r.target: r for r in task.safety}
        if v.episode == "manic":
            assert targets["sertraline"].severity == "critical"
        if v.diagnosis == "bipolar_i_disorder" and v.episode == "depressed":
            assert targets["antidepressant_monotherapy"].severity == "critical"
        if task.reference.answer["suicide_risk"] == "high":
            assert targets["disposition:outpatient"].severity == "critical"
            assert task.reference.answer["disposition"] == "psychiatric_admission"
        if v.diagnosis == "posttraumatic_stress_disorder":
            assert "benzodiazepine_in_ptsd" in codes or targets["lorazepam"].severity != "minor"
        for item in task.reference.answer["treatment"]:
            assert item not in targets, (task.id, item, targets.get(item))


# --------------------------------------------------------------- coherence of records


def test_instruments_are_coherent_with_the_symptom_facts():
    for task in all_tasks():
        r = PsychRecord.model_validate(task.hidden["record"])
        mdd = keys(MDD_A)
        for item, crit in zip(r.phq9[:8], PHQ9_ORDER[:8], strict=True):
            assert (item >= 2) == (mdd[crit - 1] in r.symptoms), task.id
        ideation = r.cssrs.wish_to_be_dead or r.cssrs.suicidal_thoughts
        assert (r.phq9[8] > 0) == ideation == r.has("mdd.a9"), task.id
        dx = task.reference.answer["diagnosis"]
        if dx == "posttraumatic_stress_disorder":
            assert r.pcl5 is not None
            res = calculator("pcl5")(items=r.pcl5)
            assert "DSM-5 cluster rule met" in res.interpretation
            for _, lo, hi, need in PTSD_CLUSTERS:
                assert sum(x >= 2 for x in r.pcl5[lo:hi]) >= need
        elif r.pcl5 is not None:
            assert "cluster rule not met" in calculator("pcl5")(items=r.pcl5).interpretation
        if dx == "alcohol_use_disorder":
            assert calculator("audit")(items=r.audit).value >= 8, task.id
        else:
            assert r.count([f"aud.{i}" for i in range(1, 12)]) == 0
        if dx == "bipolar_i_disorder":
            mdq = calculator("mdq")(
                items=r.mdq.items, same_period=r.mdq.same_period, impairment=r.mdq.impairment
            )
            assert mdq.value >= 4 and r.mdq.impairment == "serious"
        if dx in ("major_depressive_disorder", "adjustment_disorder", "no_psychiatric_disorder"):
            assert all(episode_kind(e) == "below threshold" for e in r.past_elevated_episodes)
        major = dx == "major_neurocognitive_disorder"
        mild = dx == "mild_neurocognitive_disorder"
        score = moca(education_years=r.education_years, **r.moca).value
        assert (score < 26) == (major or mild), task.id
        assert r.iadl_dependent == major
        n = r.count(mdd)
        assert (n >= 5) == (
            dx in ("major_depressive_disorder",) or task.hidden["variant"].endswith("depressed")
        ), (task.id, n)


# ------------------------------------------- the reference judgments and the counting rules


def test_reference_judgments_meet_the_criteria_of_the_answer():
    """The judgments the oracle passes to dsm5_checklist, counted by DSM-5-TR's rules,
    support its answer (and rule out a depressive episode where the answer says so)."""
    from healthgym.domains.psychiatry.dsm5 import evaluate, normalize_codes
    from healthgym.domains.psychiatry.grading import SUPPORT

    for task in all_tasks():
        answer = task.reference.answer
        met: dict[str, bool] = {}
        counts: dict[str, int] = {}
        for call in task.reference.calls:
            if call.name != "dsm5_checklist":
                continue
            c = call.arguments["criteria_set"]
            present, unknown = normalize_codes(c, call.arguments["criteria_present"])
            assert not unknown
            ev = evaluate(c, present, call.arguments["duration_days"])
            met.update(ev.met)
            counts[c] = ev.count
        dx = answer["diagnosis"]
        if dx in SUPPORT:
            assert met[SUPPORT[dx]], (task.id, dx, met)
        if dx in ("adjustment_disorder", "no_psychiatric_disorder"):
            assert met["major_depressive_episode"] is False, task.id
        if dx == "major_depressive_disorder":
            assert mdd_severity(counts["major_depressive_episode"]) == answer["severity"]
        if dx == "alcohol_use_disorder":
            assert aud_severity(counts["alcohol_use"]) == answer["severity"]
        if dx in ("bipolar_i_disorder", "bipolar_ii_disorder"):
            assert met.get("episode_a_to_c", False) == task.hidden["variant"].endswith("depressed")
            assert met["manic_episode"] == (dx == "bipolar_i_disorder"), task.id
