"""cross_domain: every task lints clean (issue 17), and a decision earns credit only when
the evidence that justifies it was seen BEFORE it was recorded (issue 15/16: the
``survey_then_common`` exploit's default arguments must not score).

Each evidence rule is tested the same way: the reference trajectory passes the check;
the same trajectory with the decision moved to the front (made before its evidence)
fails it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from healthgym.domains import get_domain
from healthgym.domains.cross_domain import gen_common as g
from healthgym.domains.cross_domain.phase_checks import TRIAGE_WINDOW_MIN
from healthgym.domains.cross_domain.rules import DOACS
from healthgym.env import HealthGymEnv
from healthgym.lint import lint_suite, lint_task
from healthgym.lint.rules import ckd_epi
from healthgym.tools import format_hermes

NAME = "cross_domain"
DOMAIN = get_domain(NAME)
Call = tuple[str, dict[str, Any]]


@cache
def tasks() -> list:
    return [DOMAIN.task(i) for i in range(DOMAIN.n_tasks)]


def of(pathway: str, variant: str | None = None, pred=lambda t: True) -> Any:
    return next(
        t
        for t in tasks()
        if t.grader["pathway"] == pathway
        and (variant is None or t.grader["variant"] == variant)
        and pred(t)
    )


def play(task, calls: list[Call]) -> dict[str, bool]:
    """Run ``calls``, submit the reference diagnosis; every phase check by name."""
    env = HealthGymEnv(domain=NAME, split=None, max_turns=80)
    env.reset(options={"task_id": task.id})
    info: dict = {}
    for name, args in [*calls, ("submit_pathway", task.reference.answer)]:
        _, _, done, _, info = env.step(format_hermes(name, args))
        if done:
            break
    phases = info["reward_components"]["details"]["phases"].values()
    return {k: v for p in phases for k, v in p["checks"].items()}


def ref(task) -> list[Call]:
    return [(c.name, dict(c.arguments)) for c in task.reference.calls[:-1]]


def decision_first(task, tool: str, **match: Any) -> list[Call]:
    """The reference with its ``tool`` decision (matching ``match``) made first."""
    calls = ref(task)
    i = next(
        k
        for k, (n, a) in enumerate(calls)
        if n == tool and all(a.get(x) == v for x, v in match.items())
    )
    return [calls[i], *calls[:i], *calls[i + 1 :]]


def assert_needs_evidence(task, check: str, tool: str, **match: Any) -> None:
    assert play(task, ref(task))[check], f"{task.id}: the reference fails {check}"
    moved = play(task, decision_first(task, tool, **match))
    assert not moved[check], f"{task.id}: {check} passed with {tool} before its evidence"


# ------------------------------------------------------------------------ lint


def test_every_cross_domain_task_lints_clean():
    report = lint_suite([NAME], workers=1)
    assert (
        report.tasks == DOMAIN.n_tasks == len(DOMAIN.indices("train")) + len(DOMAIN.indices("test"))
    )
    assert report.violations == [], [v.to_dict() for v in report.violations[:10]]


def test_postop_complaint_drops_the_negatives_it_asserts():
    for variant, concept_text in (("respiratory", "breath"), ("vte", "fever")):
        postop = [x for x in tasks() if x.grader["pathway"] == "postop_fever"]
        for t in [x for x in postop if x.grader["variant"] == variant][:20]:
            negs = t.hidden["patient"]["pertinent_negatives"]
            assert "fever_reported" not in negs  # an inpatient's fever is charted
            if variant == "respiratory":
                assert "dyspnea" not in negs, t.id
            assert lint_task(NAME, t.index, ["symptom_contradiction"]) == [], concept_text


def test_warfarin_added_for_an_interaction_has_a_therapeutic_inr():
    found = 0
    for t in tasks():
        p = t.hidden["patient"]
        if t.grader["pathway"] in ("sepsis", "postop_fever") and any(
            m["name"] == "warfarin" for m in p["medications"]
        ):
            found += 1
            assert 2.0 <= p["labs"]["inr"] <= 3.0, t.id
            assert p["labs"]["pt"] == pytest.approx(12.0 * p["labs"]["inr"], abs=0.1)
    assert found >= 10


def test_a_creatinine_overlay_keeps_ckd_below_egfr_60():
    base = g.base_patient("urosepsis", 7, "P-x")
    ckd = g.add_comorbidity(base, "chronic_kidney_disease")
    for value in (0.5, 0.9, 1.2):
        p = g.set_creatinine(ckd, value)
        assert ckd_epi(p.labs["creatinine"], p.age, p.sex) < 60
    assert g.set_creatinine(base, 0.7).labs["creatinine"] == 0.7  # no CKD: as set


def test_set_complaint_keeps_unrelated_negatives():
    p = g.base_patient("urosepsis", 3, "P-y")
    p = g.update(p, pertinent_negatives=["dyspnea", "chest_pain"])
    out = g.set_complaint(p, "fever with a new cough and breathlessness")
    assert out.pertinent_negatives == ["chest_pain"]


# ------------------------------------------------------- evidence before decision


def test_triage_level_needs_vitals_and_presentation_first():
    task = of("chest_pain", "low_risk")
    assert_needs_evidence(task, "esi_level", "assign_triage_level")


def test_triage_level_counts_only_within_the_triage_window():
    task = of("gi_bleed", "low")
    calls = ref(task)
    i = next(k for k, (n, _) in enumerate(calls) if n == "assign_triage_level")
    delay = [("order_imaging", {"study": "chest_xray"})] * (TRIAGE_WINDOW_MIN // 10 + 1)
    late = [*calls[:i], *delay, *calls[i:]]
    assert play(task, calls)["esi_level"]
    assert not play(task, late)["esi_level"]


def test_sepsis_activation_needs_vitals_and_lactate_first():
    assert_needs_evidence(of("sepsis"), "sepsis_activated", "activate_protocol")


def test_initial_lactate_is_measured_before_the_bolus():
    task = of("sepsis")
    assert_needs_evidence(task, "lactate_measured", "give_fluids")


def test_stemi_alert_and_cath_lab_need_the_ecg_first():
    task = of("chest_pain", "stemi")
    assert_needs_evidence(task, "stemi_activation", "activate_protocol")
    assert_needs_evidence(task, "destination", "set_disposition")


def test_nstemi_monitored_bed_needs_ecg_and_troponin_first():
    assert_needs_evidence(of("chest_pain", "nstemi"), "destination", "set_disposition")


def _lysis(task) -> dict[str, Any]:
    return next(a for n, a in ref(task) if n == "thrombolysis_decision")


def test_giving_thrombolysis_needs_ct_glucose_pressure_and_medications_first():
    task = of("stroke", "eligible", lambda t: _lysis(t)["decision"] == "give")
    assert_needs_evidence(task, "decision_correct", "thrombolysis_decision", decision="give")
    for dropped in ("order_imaging", "order_lab_panel", "get_vitals", "get_medications"):
        calls = [c for c in ref(task) if c[0] != dropped]
        assert not play(task, calls)["decision_correct"], dropped


def test_withholding_thrombolysis_for_a_late_arrival_needs_the_onset_history():
    # a late arrival with no other contraindication
    task = of("stroke", "late", lambda t: not any(r in str(t.hidden) for r in DOACS))
    assert _lysis(task)["withhold_reason"] == "outside_time_window"
    assert play(task, ref(task))["reason"]
    no_history = [c for c in ref(task) if c[0] != "get_history_of_present_illness"]
    checks = play(task, no_history)
    assert not checks["decision_correct"] and not checks["reason"]


def test_dka_activation_and_destination_need_the_acid_base_first():
    for variant in ("k_low", "k_mid", "k_high"):
        task = of("dka", variant)
        assert_needs_evidence(task, "dka_activated", "activate_protocol")
        assert_needs_evidence(task, "destination", "set_disposition")
    icu = of("dka", pred=lambda t: t.grader["expect"]["destination"] == "icu")
    assert_needs_evidence(icu, "destination", "set_disposition")


def test_gi_bleed_activation_endoscopy_and_admission_need_the_blatchford_inputs():
    task = of("gi_bleed", "high", lambda t: t.grader["expect"]["activate"])
    assert_needs_evidence(task, "activation", "activate_protocol")
    assert_needs_evidence(task, "timing", "schedule_endoscopy")
    assert_needs_evidence(task, "destination", "set_disposition")


def test_transfusion_decision_needs_the_haemoglobin_first():
    task = of("gi_bleed", "high", lambda t: not t.grader["expect"]["transfuse"])
    assert_needs_evidence(task, "transfusion", "red_cell_transfusion")


def test_sepsis_destination_of_any_kind_needs_the_haemodynamics():
    task = of("sepsis", pred=lambda t: t.grader["expect"]["destination"] == "icu")
    checks = play(task, [("set_disposition", {"destination": "icu"})])
    assert not checks["destination"]


@pytest.mark.parametrize("variant", ["early", "urinary", "respiratory", "vte"])
def test_fever_source_needs_its_examination_and_test_first(variant):
    task = of("postop_fever", variant)
    assert_needs_evidence(task, "source", "document_fever_source")
    no_exam = [c for c in ref(task) if c[0] != "examine"]
    assert not play(task, no_exam)["source"]


def test_positive_ward_sepsis_screen_needs_vitals_and_mental_state_first():
    task = of("postop_fever", pred=lambda t: t.grader["expect"]["sepsis"])
    assert_needs_evidence(task, "sepsis_screen", "activate_protocol")


def test_oracle_still_scores_full_on_the_test_split():
    env = HealthGymEnv(domain=NAME, split=None, max_turns=80)
    for i in DOMAIN.indices("test")[::7]:
        task = DOMAIN.task(i)
        env.reset(options={"task_id": task.id})
        info: dict = {}
        for c in task.reference.calls:
            _, _, done, _, info = env.step(format_hermes(c.name, dict(c.arguments)))
            if done:
                break
        comp = info["reward_components"]
        assert comp["accuracy"] == 1.0 and comp["composite"] >= 0.95, task.id
