"""cross_domain tools: the shared state, the clock, the reused and the new tools, errors."""

from __future__ import annotations

import re
from functools import cache

import pytest

from healthgym.clinical.treatments import severe_reaction
from healthgym.domains import get_domain
from healthgym.domains.cross_domain.clock import COSTS, IMAGING_MINUTES, minutes, timed
from healthgym.domains.cross_domain.gen_common import mean_arterial_pressure
from healthgym.domains.cross_domain.records import PathwayState
from healthgym.tools import ArgumentError, ToolError, validate_arguments

DOMAIN = get_domain("cross_domain")
TOOLS = DOMAIN.toolkit.tools


@cache
def tasks() -> list:
    return [DOMAIN.task(i) for i in range(DOMAIN.n_tasks)]


def find(pathway: str, pred=lambda t: True):
    return next(t for t in tasks() if t.grader["pathway"] == pathway and pred(t))


def call(state: PathwayState, name: str, **args) -> str:
    t = TOOLS[name]
    return t(state, **validate_arguments(t, args))


def fresh(task) -> PathwayState:
    return DOMAIN.new_state(task)


def observe_needs(state: PathwayState, name: str) -> None:
    """Make the observations a gated compute tool names (the first key of each need)."""
    for need in TOOLS[name].needs:
        tool_name, _, arg = need.keys[0].partition(":")
        props = list(TOOLS[tool_name].parameters["properties"])
        call(state, tool_name, **({props[0]: arg} if arg and props else {}))


# ------------------------------------------------------------------ clock and evidence


def test_the_clock_advances_by_the_documented_minutes_and_stamps_evidence():
    s = fresh(find("sepsis"))
    call(s, "get_vitals")
    assert s.minute == COSTS["get_vitals"] == 2 and s.evidence["vitals"] == 2
    call(s, "order_lab_panel", panel="bmp")
    assert s.minute == 7 and s.evidence["creatinine"] == 7 and s.evidence["glucose"] == 7
    call(s, "order_imaging", study="chest_xray")
    assert s.minute == 7 + IMAGING_MINUTES["chest_xray"] and s.saw("chest_xray")
    call(s, "pathway_status")
    assert s.minute == 17  # looking at the status takes no time
    call(s, "activate_protocol", protocol="sepsis")
    assert s.actions[-1].minute == 17 and s.minute == 19  # recorded at its start
    assert s.saw("vitals", before=2) and not s.saw("vitals", before=1)


def test_a_refused_call_takes_no_time():
    s = fresh(find("sepsis"))
    with pytest.raises(ToolError):
        call(s, "give_medication", drug="no-such-drug", route="iv")
    with pytest.raises(ToolError):
        call(s, "esi_lifesaving_needs", patient_id="P9")
    assert s.minute == 0 and not s.actions


def test_timed_keeps_name_schema_and_output():
    original = TOOLS["get_vitals"]
    again = timed(original)
    assert again.schema == original.schema
    s1, s2 = fresh(find("dka")), fresh(find("dka"))
    assert again(s1) == original(s2)
    assert minutes("order_imaging", {"study": "mri_brain"}) == 30


# ------------------------------------------------------------------ reused tools


def test_clinical_diagnosis_tools_read_the_shared_patient():
    task = find("sepsis")
    s = fresh(task)
    v = task.hidden["patient"]["vitals"]
    with pytest.raises(ToolError, match="vital signs"):
        call(s, "calculate_qsofa")  # a score reads only what the agent has been shown
    assert f"Heart rate {v['hr']:g}" in call(s, "get_vitals")
    with pytest.raises(ToolError, match="call order_lab_panel or order_lab_test first"):
        call(s, "calculate_sirs")  # needs the WBC
    observe_needs(s, "calculate_qsofa")
    out = call(s, "calculate_qsofa")
    expected = (
        (v["rr"] >= 22) + (v["sbp"] <= 100) + ("confusion" in task.hidden["patient"]["features"])
    )
    assert out.startswith(f"qSOFA: {expected}")
    assert "Pending" in call(s, "order_lab_panel", panel="blood_culture")


def test_triage_tools_read_the_triage_view_of_the_same_person():
    task = find("sepsis", lambda t: t.grader["expect"]["esi"] == 1)
    s = fresh(task)
    out = call(s, "esi_lifesaving_needs", patient_id="P1")
    # the findings of a patient who needs a fluid bolus, never the verdict
    assert "weak and rapid" in out and "life-saving" not in out.lower()
    hr = task.hidden["patient"]["vitals"]["hr"]
    with pytest.raises(ToolError, match="vital signs"):
        call(s, "check_danger_zone_vitals", patient_id="p1")
    call(s, "get_vitals")  # the shared record's vital signs are P1's
    assert f"heart rate {hr:g}" in call(s, "check_danger_zone_vitals", patient_id="P1")
    assert ("esi_lifesaving_needs", "P1") in s.seen


def test_drug_tools_read_the_shared_allergies():
    task = find(
        "sepsis",
        lambda t: any(a["allergen"] == "Penicillin" for a in t.hidden["patient"]["allergies"]),
    )
    s = fresh(task)
    with pytest.raises(ToolError, match="get_allergies"):
        call(s, "check_allergy", drug="ceftriaxone")
    call(s, "get_allergies")
    out = call(s, "check_allergy", drug="ceftriaxone")
    reaction = next(a["reaction"] for a in task.hidden["patient"]["allergies"])
    # AAAAI/ACAAI 2022: ceftriaxone (dissimilar R1 side chain) after a non-severe
    # penicillin reaction may be given; after a severe one it is avoided
    if severe_reaction(reaction):
        assert "Penicillin" in out and "cross-reactive (shared class: penicillin)" in out
    else:
        assert "shares the penicillin class, but after a non-severe reaction" in out
    assert "cross-reactive (shared class: penicillin)" in call(s, "check_allergy", drug="Keflex")
    assert "no class cross-reactivity" in call(s, "check_allergy", drug="levofloxacin")
    assert "ceftriaxone" in s.allergy_checked and s.saw("allergies")
    assert "CrCl >= 40" in call(s, "drug_monograph", drug="Zosyn")


def test_calc_renal_function_against_a_hand_computed_clearance():
    s = fresh(find("sepsis"))
    # Cockcroft-Gault: (140 - 80) x 70 / (72 x 2.0) = 29.17 mL/min (male, actual weight)
    out = call(
        s,
        "calc_renal_function",
        equation="cockcroft_gault",
        age=80,
        sex="male",
        creatinine=2.0,
        weight_kg=70,
        weight_type="actual",
    )
    assert "29.16" in out or "29.17" in out


# ------------------------------------------------------------------ NIHSS


def test_nihss_examination_describes_every_item_without_scores():
    task = find("stroke")
    s = fresh(task)
    out = call(s, "nihss_examination")
    lines = out.splitlines()[1:]
    assert len(lines) == 15
    assert not re.search(r"\b(score|points?|nihss \d|total)\b", out.lower())
    assert "NIHSS" not in out.split("\n", 1)[1]


def test_calculate_nihss_adds_the_items():
    s = fresh(find("stroke"))
    # hand sum: 1 + 2 + 1 + 2 + 2 + 2 + 0 + 4 + 0 + 3 + 0 + 1 + 3 + 2 + 0 = 23
    items = {
        "loc": 1,
        "loc_questions": 2,
        "loc_commands": 1,
        "best_gaze": 2,
        "visual": 2,
        "facial_palsy": 2,
        "motor_arm_left": 0,
        "motor_arm_right": 4,
        "motor_leg_left": 0,
        "motor_leg_right": 3,
        "limb_ataxia": 0,
        "sensory": 1,
        "best_language": 3,
        "dysarthria": 2,
        "extinction_inattention": 0,
    }
    out = call(s, "calculate_nihss", **items)
    assert out.startswith("NIHSS total 23") and "severe" in out
    assert s.score_values["nihss"] == 23
    with pytest.raises(ArgumentError, match="above the maximum"):
        validate_arguments(TOOLS["calculate_nihss"], {**items, "visual": 4})


def test_the_oracle_nihss_items_match_the_findings():
    """Each finding sentence maps back to exactly one score of its item."""
    from healthgym.domains.cross_domain.gen_stroke import FINDINGS

    for key, texts in FINDINGS.items():
        assert len(set(texts)) == len(texts), key


# ------------------------------------------------------------------ pathway actions


def test_give_medication_records_the_generic_name_and_refuses_unusable_orders():
    s = fresh(find("sepsis"))
    out = call(s, "give_medication", drug="Zosyn", route="iv", dose_mg=3375, interval_h=6)
    assert out.startswith("piperacillin-tazobactam 3375 mg IV every 6 h")
    a = s.actions[-1]
    assert a.details["drug"] == "piperacillin-tazobactam" and a.phase == "antimicrobials"
    with pytest.raises(ToolError, match="needs dose_mg and interval_h"):
        call(s, "give_medication", drug="ceftriaxone", route="iv")
    with pytest.raises(ToolError, match="thrombolysis_decision"):
        call(s, "give_medication", drug="alteplase", route="iv")
    with pytest.raises(ToolError, match="start_insulin_infusion"):
        call(s, "give_medication", drug="insulin glargine", route="sc")
    with pytest.raises(ToolError, match="potassium_decision"):
        call(s, "give_medication", drug="potassium chloride", route="iv")
    with pytest.raises(ToolError, match="start_vasopressor"):
        call(s, "give_medication", drug="noradrenaline", route="iv")
    with pytest.raises(ArgumentError):
        validate_arguments(TOOLS["give_medication"], {"drug": "aspirin", "route": "rectal"})


def test_a_sepsis_bolus_changes_the_shared_vital_signs():
    task = find("sepsis", lambda t: not t.hidden["facts"]["fluid_responsive"])
    s = fresh(task)
    w = task.hidden["patient"]["weight_kg"]
    small = call(s, "give_fluids", fluid="lactated_ringers", volume_ml=10 * w)
    assert "Reassessment" not in small and not s.bolus_applied
    out = call(s, "give_fluids", fluid="lactated_ringers", volume_ml=20 * w)
    after = task.hidden["facts"]["post_bolus_vitals"]
    assert "Reassessment after the bolus" in out and s.bolus_applied
    assert s.patient.vitals["sbp"] == after["sbp"]
    assert mean_arterial_pressure(s.patient.vitals) < 65
    assert f"Systolic blood pressure {after['sbp']:g}" in call(s, "get_vitals")
    again = call(s, "give_fluids", fluid="normal_saline", volume_ml=500)
    assert "Reassessment" not in again  # the response happens once


def test_a_non_sepsis_bolus_changes_nothing():
    s = fresh(find("dka"))
    before = dict(s.patient.vitals)
    assert "Reassessment" not in call(s, "give_fluids", fluid="normal_saline", volume_ml=2000)
    assert s.patient.vitals == before


def test_decision_tools_need_their_details():
    s = fresh(find("stroke"))
    with pytest.raises(ToolError, match="drug and total_dose_mg"):
        call(s, "thrombolysis_decision", decision="give")
    with pytest.raises(ToolError, match="withhold_reason"):
        call(s, "thrombolysis_decision", decision="withhold")
    out = call(s, "thrombolysis_decision", decision="give", drug="alteplase", total_dose_mg=63)
    assert out.startswith("alteplase 63 mg started at minute 0")
    d = fresh(find("dka"))
    with pytest.raises(ToolError, match="meq_per_hour"):
        call(d, "potassium_decision", decision="replace_and_hold_insulin")
    with pytest.raises(ToolError, match="meq_per_litre"):
        call(d, "potassium_decision", decision="add_to_each_litre")
    assert "units/h" in call(d, "start_insulin_infusion", units_per_hour=7)
    with pytest.raises(ArgumentError, match="below the minimum"):
        validate_arguments(TOOLS["start_insulin_infusion"], {"units_per_hour": 0})


def test_actions_confirm_without_judging():
    """No action output says whether the order was right (no alert, no verdict)."""
    task = find("sepsis", lambda t: bool(t.hidden["patient"]["allergies"]))
    s = fresh(task)
    outs = [
        call(s, "assign_triage_level", level=5),
        call(s, "activate_protocol", protocol="stemi"),
        call(s, "give_medication", drug="nitrofurantoin", route="po", dose_mg=100, interval_h=12),
        call(s, "set_disposition", destination="discharge"),
        call(s, "red_cell_transfusion", decision="transfuse", units=2),
        call(s, "schedule_endoscopy", timing="immediate"),
        call(s, "escalate_care", response="routine_monitoring"),
        call(s, "document_fever_source", source="drug_fever"),
        call(s, "start_vasopressor", drug="dopamine", map_target_mmhg=80),
    ]
    for out in outs:
        assert not re.search(
            r"allerg|contraindicat|wrong|incorrect|warning|unsafe|should", out.lower()
        )
    status = call(s, "pathway_status")
    assert "Phases:" in status and status.count("- minute") == len(outs)


def test_bad_arguments_give_clear_errors():
    t = TOOLS["assign_triage_level"]
    with pytest.raises(ArgumentError, match="above the maximum 5"):
        validate_arguments(t, {"level": 6})
    with pytest.raises(ArgumentError, match="missing required"):
        validate_arguments(t, {})
    with pytest.raises(ArgumentError, match="is not one of"):
        validate_arguments(TOOLS["activate_protocol"], {"protocol": "trauma"})
    with pytest.raises(ArgumentError, match="unknown argument"):
        validate_arguments(TOOLS["set_disposition"], {"destination": "icu", "why": "x"})
