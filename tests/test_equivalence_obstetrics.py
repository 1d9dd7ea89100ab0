"""obstetrics graded by meaning (issue 16): findings and plans in clinical wording score
as the reference labels, near misses do not; plans by precision and recall with
guideline-neutral actions; doses as quantities - through the real grader."""

from __future__ import annotations

from functools import cache

import pytest

from healthgym.domains import get_domain
from healthgym.domains.obstetrics.answers import match_finding
from healthgym.domains.obstetrics.grading import grade
from healthgym.env import HealthGymEnv
from healthgym.episode import EpisodeLog
from healthgym.tools import format_hermes

DOMAIN = get_domain("obstetrics")


@cache
def task_with(finding: str):
    for i in range(DOMAIN.n_tasks):
        t = DOMAIN.task(i)
        if t.grader["finding"] == finding:
            return t
    raise AssertionError(finding)


def graded(label: str, **answer):
    task = task_with(label)
    return grade(
        task, DOMAIN.new_state(task), EpisodeLog(answer={**task.reference.answer, **answer})
    )


EQUIVALENT_FINDINGS = [
    ("category_ii", "Cat II"),
    ("category_ii", "category 2 tracing"),
    ("category_iii", "NICHD Category III FHR tracing"),
    ("category_i", "Category one - normal tracing"),
    ("preeclampsia_with_severe_features", "Severe pre-eclampsia"),
    ("preeclampsia_with_severe_features", "Pre-eclampsia with severe features"),
    ("preeclampsia_without_severe_features", "preeclampsia without severe features"),
    ("gestational_hypertension", "Gestational hypertension (not preeclampsia)"),
    ("gdm", "Gestational diabetes mellitus (GDM A1)"),
    ("no_gdm", "GDM ruled out"),
    ("rh_negative_unsensitised", "Rh-negative, unsensitised"),
    ("rh_negative_alloimmunised", "RhD negative, alloimmunized"),
    ("unfavourable_cervix", "Cervix unfavourable (Bishop 4)"),
    ("favourable_cervix", "favorable cervix"),
    ("dated_by_ultrasound", "Redated by ultrasound (CRL)"),
    ("modified_bpp_abnormal", "Abnormal modified BPP"),
]


@pytest.mark.parametrize("finding,text", EQUIVALENT_FINDINGS)
def test_equivalent_findings_score_as_the_label(finding, text):
    g = graded(finding, finding=text)
    assert g.details["finding_correct"], text
    assert g.accuracy == 1.0


NEAR_MISS_FINDINGS = [
    ("category_ii", "not category II"),
    ("category_ii", "category I or II"),
    ("category_iii", "possible category III"),
    ("category_ii", "Category III"),
    ("preeclampsia_with_severe_features", "preeclampsia"),
    ("preeclampsia_with_severe_features", "mild preeclampsia"),
    ("preeclampsia_with_severe_features", "gestational hypertension"),
    ("gdm", "GDM ruled out"),
    ("rh_negative_unsensitised", "Rh negative, alloimmunised"),
    ("rh_negative_unsensitised", "Rh positive"),
    ("favourable_cervix", "cervix not favourable"),
    ("bpp_normal", "equivocal BPP"),
]


@pytest.mark.parametrize("finding,text", NEAR_MISS_FINDINGS)
def test_near_miss_findings_are_wrong(finding, text):
    assert graded(finding, finding=text).accuracy == 0.0, text


def test_findings_are_matched_within_their_type():
    assert match_finding("category II", "hypertension") is None
    assert match_finding("category_ii", "ctg") == "category_ii"


# --- plans -------------------------------------------------------------------------
SEVERE = "preeclampsia_with_severe_features"
PLAN_EQUIVALENT = [
    (SEVERE, ["MgSO4 4 g IV load then 2 g/h", "betamethasone 12 mg IM", "expedite delivery"]),
    (SEVERE, ["magnesium sulphate for seizure prophylaxis", "antenatal steroids", "deliver"]),
    ("rh_negative_unsensitised", ["RhoGAM 300 mcg IM"]),
    ("rh_negative_unsensitised", ["Rh immune globulin 1500 IU IM", "Kleihauer-Betke test"]),
    ("unfavourable_cervix", ["Foley balloon for cervical ripening"]),
    ("category_ii", ["maternal repositioning and IV fluid bolus", "continued fetal monitoring"]),
    ("category_iii", ["intrauterine resuscitation", "emergency cesarean delivery"]),
    ("gdm", ["medical nutrition therapy with glucose self-monitoring"]),
    ("favourable_cervix", ["Pitocin induction", "AROM"]),
    ("apgar_low", ["bag-mask ventilation (PPV)", "repeat Apgar every 5 minutes"]),
]


@pytest.mark.parametrize("finding,actions", PLAN_EQUIVALENT)
def test_equivalent_plans_score_as_the_reference(finding, actions):
    g = graded(finding, actions=actions)
    assert g.accuracy == 1.0, g.details
    assert not g.violations, g.violations


PLAN_NEAR_MISS = [
    (SEVERE, ["no magnesium sulfate", "antenatal steroids", "delivery"], "missed"),
    (SEVERE, ["magnesium sulfate 10 g IV load", "antenatal steroids", "delivery"], "dose"),
    (SEVERE, ["magnesium sulfate 4 g IV then 5 g/h", "antenatal steroids", "delivery"], "dose"),
    ("rh_negative_unsensitised", ["RhIG 30 mcg IM"], "dose"),
    ("unfavourable_cervix", ["misoprostol", "amniotomy"], "forbidden"),
    ("category_i", ["routine intrapartum monitoring", "delivery"], "forbidden"),
    ("rh_positive", ["RhoGAM 300 mcg"], "forbidden"),
    ("gdm", ["avoid medical nutrition therapy", "routine prenatal care"], "missed"),
    (
        "category_ii",
        [
            "intrauterine resuscitation",
            "continued surveillance",
            "amniotomy",
            "misoprostol",
            "full BPP",
            "RhoGAM",
        ],
        "stuffed",
    ),
    (
        "bpp_normal",
        ["routine antenatal testing", "call the chaplain", "order pizza", "x-ray", "MRI"],
        "stuffed",
    ),
]


@pytest.mark.parametrize("finding,actions,why", PLAN_NEAR_MISS)
def test_near_miss_plans_lose_credit(finding, actions, why):
    ref = graded(finding)
    g = graded(finding, actions=actions)
    assert g.accuracy < 1.0, (why, g.details)
    if why == "stuffed":  # 4 extras: precision 1/5 (2/6) on the plan part of the mean
        assert g.accuracy <= ref.accuracy - 0.25 or g.violations
    if why == "dose":
        assert "dose_out_of_band" in {v.code for v in g.violations}


def test_a_neutral_guideline_action_costs_nothing():
    g = graded("rh_negative_unsensitised", actions=["rh_immune_globulin", "rosette test"])
    assert g.accuracy == 1.0


def test_free_text_plan_through_the_environment():
    task = task_with(SEVERE)
    env = HealthGymEnv(domain="obstetrics", split=None)
    env.reset(options={"task": task})
    for call in task.reference.calls[:-1]:
        env.step(format_hermes(call.name, dict(call.arguments)))
    answer = {
        **task.reference.answer,
        "finding": "Severe preeclampsia",
        "actions": ["MgSO4 4 g IV load then 1 g/h", "betamethasone", "expedite delivery"],
    }
    *_, info = env.step(format_hermes("submit_assessment", answer))
    c = info["reward_components"]
    assert c["accuracy"] == 1.0 and c["safety"] == 1.0
