"""cross_domain validity: no credit for doing nothing, omissions are safety violations,
every tool has a kind, and no tool output states the decision.

* A withhold decision (no antimicrobial, no cultures, no alert, insulin held, a
  de-escalating destination ...) passes only after the evidence that justifies it was
  seen: submitting at once, with the right diagnosis, earns nothing but the handover
  diagnosis in every pathway and variant.
* Omitting time-critical care the pathway's guideline requires is a safety violation
  of the rule's severity (sources in :mod:`healthgym.domains.cross_domain.safety`).
"""

from __future__ import annotations

import contextlib
import re
from functools import cache
from typing import Any

import pytest

from healthgym.domains import get_domain
from healthgym.domains.cross_domain import rules
from healthgym.domains.cross_domain.clock import ACTION_TOOLS
from healthgym.domains.cross_domain.tools import REUSED
from healthgym.domains.triage_emergency.vocab import LSI_CATEGORY
from healthgym.env import HealthGymEnv
from healthgym.tools import TOOL_KINDS, ToolError, format_hermes

NAME = "cross_domain"
DOMAIN = get_domain(NAME)


@cache
def tasks() -> list:
    return [DOMAIN.task(i) for i in range(DOMAIN.n_tasks)]


@cache
def variants() -> dict[tuple[str, str], list]:
    out: dict[tuple[str, str], list] = {}
    for t in tasks():
        out.setdefault((t.grader["pathway"], t.grader["variant"]), []).append(t)
    return out


def play(task, calls: list[tuple[str, dict[str, Any]]]) -> dict:
    """Run ``calls`` then submit the reference diagnosis; the reward components."""
    env = HealthGymEnv(domain=NAME, split=None, max_turns=60)
    env.reset(options={"task_id": task.id})
    info: dict = {}
    for name, args in [*calls, ("submit_pathway", task.reference.answer)]:
        _, _, done, _, info = env.step(format_hermes(name, args))
        if done:
            break
    return info["reward_components"]


def ref_calls(task, drop: frozenset[str] = frozenset()) -> list[tuple[str, dict]]:
    return [(c.name, dict(c.arguments)) for c in task.reference.calls[:-1] if c.name not in drop]


def codes(components: dict) -> dict[str, str]:
    return {v["code"]: v["severity"] for v in components["violations"]}


# ------------------------------------------------------------- no credit for nothing


@pytest.mark.parametrize(
    "key", sorted({(t.grader["pathway"], t.grader["variant"]) for t in tasks()})
)
def test_submitting_at_once_earns_no_withhold_credit(key):
    """Zero work-up with the right diagnosis: every check fails except the diagnosis."""
    for task in variants()[key][:3]:
        c = play(task, [])
        for phase, result in c["details"]["phases"].items():
            passed = {k for k, ok in result["checks"].items() if ok}
            assert passed <= {"diagnosis"}, (task.id, phase, passed)
        n_phases = len(c["details"]["phases"])
        assert c["accuracy"] <= 1 / n_phases + 1e-9, (task.id, c["accuracy"])
        assert c["process"] == 0.0


def _expected_omissions(task) -> dict[str, str]:
    """The omission violations an episode that does nothing commits (rule: severity)."""
    pathway, variant, e = task.grader["pathway"], task.grader["variant"], task.grader["expect"]
    patient = DOMAIN.new_state(task).patient
    if pathway == "sepsis":
        out = {"sepsis_hour": "critical", "fluid_volume": "major"}
        if rules.needs_vasopressor(patient.vitals):
            out["vasopressor_omitted"] = "major"
        return out
    if pathway == "chest_pain":
        if variant == "low_risk":
            return {}
        out = {"antiplatelet_omitted": "major"}
        if variant == "stemi":
            out["stemi_reperfusion_omitted"] = "critical"
        return out
    if pathway == "stroke":
        facts = DOMAIN.new_state(task).facts
        out = {"stroke_code_omitted": "major"}
        if facts.lkw_hours * 60 < rules.LYSIS_WINDOW_MIN:
            eligible = not rules.lysis_contraindications(patient, facts.lkw_hours, 0)
            out["thrombolysis_not_assessed"] = "critical" if eligible else "major"
        return out
    if pathway == "dka":
        missing = "insulin_omitted" if e["insulin"] else "potassium_omitted"
        return {missing: "major", "fluid_volume": "major"}
    if pathway == "gi_bleed":
        out = {}
        if e["transfuse"]:
            out["transfusion_omitted"] = "major"
        if e["endoscopy"] != "outpatient":
            out["endoscopy_omitted"] = "major"
        return out
    if variant in ("urinary", "respiratory"):
        return {"antimicrobial_omitted": "major" if e["sepsis"] else "minor"}
    return {"anticoagulation_omitted": "major"} if variant == "vte" else {}


@pytest.mark.parametrize(
    "key", sorted({(t.grader["pathway"], t.grader["variant"]) for t in tasks()})
)
def test_omitting_required_care_is_a_safety_violation(key):
    for task in variants()[key][:4]:
        c = play(task, [])
        assert codes(c) == _expected_omissions(task), task.id
        if any(s == "critical" for s in codes(c).values()):
            assert c["capped"] and c["composite"] <= 0.1


def test_every_pathway_requires_care_somewhere():
    """Each pathway has tasks where doing nothing is unsafe (time-critical care omitted)."""
    unsafe = {t.grader["pathway"] for t in tasks()[::5] if _expected_omissions(t)}
    assert unsafe == {t.grader["pathway"] for t in tasks()}


def test_the_reference_commits_no_omission():
    for task in tasks()[::7]:
        c = play(task, ref_calls(task))
        assert not c["violations"], (task.id, c["violations"])
        assert c["accuracy"] == 1.0


# ----------------------------------------------- a withhold needs its evidence first


def _phase_checks(c: dict) -> dict[str, bool]:
    return {k: v for p in c["details"]["phases"].values() for k, v in p["checks"].items()}


def test_no_cultures_in_early_postoperative_fever_needs_the_assessment():
    task = variants()[("postop_fever", "early")][0]
    full = _phase_checks(play(task, ref_calls(task)))
    assert full["no_cultures"] and full["no_antimicrobial"] and full["sepsis_screen"]
    blind = _phase_checks(play(task, ref_calls(task, frozenset({"examine", "get_vitals"}))))
    assert not blind["no_cultures"] and not blind["no_antimicrobial"]
    assert not blind["sepsis_screen"] and not blind["news2_response"]


def test_no_alert_and_no_antithrombotic_in_low_risk_chest_pain_need_ecg_and_troponin():
    task = variants()[("chest_pain", "low_risk")][0]
    drop = frozenset({"order_ecg", "order_lab_test", "calculate_heart_score"})
    checks = _phase_checks(play(task, ref_calls(task, drop)))
    assert not checks["stemi_activation"] and not checks["no_antithrombotic"]
    assert not checks["destination"]


def test_holding_insulin_needs_the_potassium():
    task = variants()[("dka", "k_low")][0]
    calls = [
        ("get_vitals", {}),
        ("potassium_decision", {"decision": "replace_and_hold_insulin", "meq_per_hour": 20.0}),
    ]
    checks = _phase_checks(play(task, calls))
    assert not checks["potassium_plan"] and not checks["insulin_held"]
    checks = _phase_checks(play(task, [("order_lab_panel", {"panel": "bmp"}), *calls]))
    assert checks["potassium_plan"] and checks["insulin_held"]


def test_withholding_transfusion_and_outpatient_endoscopy_need_the_blatchford_inputs():
    task = variants()[("gi_bleed", "low")][0]
    decisions = [
        ("red_cell_transfusion", {"decision": "withhold"}),
        ("schedule_endoscopy", {"timing": "outpatient"}),
        ("set_disposition", {"destination": "discharge"}),
    ]
    blind = _phase_checks(play(task, decisions))
    assert not any(blind[k] for k in ("transfusion", "activation", "timing", "destination"))
    seen = [
        ("get_vitals", {}),
        ("order_lab_panel", {"panel": "cbc"}),
        ("order_lab_panel", {"panel": "bmp"}),
    ]
    checks = _phase_checks(play(task, [*seen, *decisions]))
    assert all(checks[k] for k in ("transfusion", "activation", "timing", "destination"))


def test_withholding_thrombolysis_needs_the_contraindication_seen():
    task = next(
        t
        for t in variants()[("stroke", "doac")]
        if rules.lysis_contraindications(DOMAIN.new_state(t).patient, 1.0, 0)
        == ["anticoagulant_use"]
    )
    withhold = (
        "thrombolysis_decision",
        {"decision": "withhold", "withhold_reason": "anticoagulant_use"},
    )
    blind = _phase_checks(play(task, [withhold]))
    assert not blind["decision_correct"] and not blind["reason"]
    checks = _phase_checks(play(task, [("get_medications", {}), withhold]))
    assert checks["decision_correct"] and checks["reason"]


def test_no_vasopressor_needs_the_blood_pressure_seen():
    task = next(
        t
        for t in variants()[("sepsis", "urinary")] + variants()[("sepsis", "respiratory")]
        if not rules.needs_vasopressor(DOMAIN.new_state(t).patient.vitals)
    )
    blind = _phase_checks(play(task, []))
    assert not blind["vasopressor"]
    assert _phase_checks(play(task, [("get_vitals", {})]))["vasopressor"]


# --------------------------------------------------------------- kinds and outputs


def test_every_tool_has_a_kind_and_the_actions_act():
    for t in DOMAIN.toolkit:
        if t.name in ("search_knowledge", "read_passage"):
            continue  # the shared knowledge tools every domain is offered
        assert t.kind in TOOL_KINDS, t.name
        if t.name in ACTION_TOOLS:
            assert t.kind == "act", t.name
    kinds = {t.name: t.kind for t in DOMAIN.toolkit}
    assert kinds["pathway_status"] == "observe"
    assert kinds["nihss_examination"] == "observe"
    assert kinds["calculate_nihss"] == "compute"
    assert kinds["submit_pathway"] == "submit"
    assert all(kinds[n] for n in REUSED)


VERDICT = re.compile(
    r"life-saving|high[- ]risk|expected resources|\bresources?:|"
    r"\besi\s*(level\s*)?[1-5]\b|danger zone:|"
    r"criteria (are )?met|\bactivate\b|candidate|eligible|indicated|admit|\bicu\b|"
    r"stroke unit|cath(eterisation)? lab",
    re.IGNORECASE,
)


def test_esi_findings_tools_state_no_verdict_on_any_pathway():
    """The triage findings the pathway patients show (the ESI tools read this domain's
    triage view) carry no authored list, level or decision-point verdict."""
    tools = ("esi_lifesaving_needs", "esi_high_risk_review", "esi_expected_resources")
    for task in tasks()[::4]:
        state = DOMAIN.new_state(task)
        if not state.patients:
            continue
        view = state.patients["P1"]
        DOMAIN.toolkit.get("get_vitals")(state)
        for name in (*tools, "check_danger_zone_vitals", "assess_mental_status"):
            out = DOMAIN.toolkit.get(name)(state, patient_id="P1")
            assert not VERDICT.search(out), (task.id, name, out)
            for item in view.high_risk:
                assert item.lower() not in out.lower(), (task.id, name, item)
            for key in view.lsi:
                assert LSI_CATEGORY[key].lower() not in out.lower(), (task.id, name, key)


def test_action_and_own_tools_state_no_verdict():
    """Actions repeat the order and its minute; the NIHSS examination gives findings; the
    status lists the agent's own actions - none names what is right."""
    for task in tasks()[:12]:
        state = DOMAIN.new_state(task)
        for name, args in ref_calls(task):
            t = DOMAIN.toolkit.get(name)
            if name not in ACTION_TOOLS and name not in ("pathway_status", "nihss_examination"):
                with contextlib.suppress(ToolError):
                    t(state, **args)
                continue
            out = t(state, **args)
            if name == "set_disposition":  # the agent's own destination, repeated back
                out = out.replace(args["destination"].replace("_", " "), "")
            if name in ("activate_protocol", "assign_triage_level"):
                continue  # confirms the agent's own activation or level by name
            assert not VERDICT.search(out.split("Reassessment")[0]), (task.id, name, out)
