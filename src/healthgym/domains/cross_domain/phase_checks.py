"""Per-phase accuracy checks of each pathway (the rules are cited in :mod:`.rules`,
:mod:`.antibiotics` and :mod:`.antithrombotics`).

Every check is a yes/no question about the shared state at the end of the episode:
what was decided (the last recorded decision of a kind counts, except time-critical
first doses and the thrombolysis decision, where the first counts), and when evidence
was seen relative to the decision that needed it.  A phase's score is the fraction of
its checks that pass.  Decisions that depend on how the patient changed (the
vasopressor and destination after a fluid bolus) are judged on the final state, and
thrombolysis eligibility on the minute the decision was made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...tasks import Task
from . import antibiotics as ab
from . import antithrombotics as at
from . import rules
from .diagnoses import match
from .records import Action, PathwayState

Checks = dict[str, dict[str, bool]]
PPIS = ("pantoprazole", "esomeprazole")


def _last(state: PathwayState, tool: str, key: str) -> Any:
    a = state.last(tool)
    return a.details[key] if a else None


def _activated(state: PathwayState) -> set[str]:
    return {str(a.details["protocol"]) for a in state.of("activate_protocol")}


def _antimicrobials(state: PathwayState) -> list[Action]:
    return [a for a in state.of("give_medication") if ab.is_antimicrobial(a.details["drug"])]


def _antithrombotics(state: PathwayState) -> list[str]:
    return [
        str(a.details["drug"])
        for a in state.of("give_medication")
        if at.is_antithrombotic(a.details["drug"])
    ]


def _first_minute(actions: list[Action]) -> int | None:
    return min((a.minute for a in actions), default=None)


def _seen_before(state: PathwayState, key: str, minute: int | None) -> bool:
    return state.saw(key, before=minute)


def _esi(task: Task, state: PathwayState) -> bool:
    return _last(state, "assign_triage_level", "level") == task.grader["expect"]["esi"]


def _diagnosis(task: Task, answer: dict[str, Any] | None) -> bool:
    keys = match(str((answer or {}).get("diagnosis", "")))
    return bool(keys) and keys <= set(task.grader["accepted"])


def _destination(state: PathwayState, expected: str) -> bool:
    return _last(state, "set_disposition", "destination") == expected


def _antimicrobial_checks(task: Task, state: PathwayState) -> dict[str, bool]:
    assert state.facts is not None and state.facts.source is not None
    p, source = state.patient, state.facts.source
    given = _antimicrobials(state)
    names = [str(a.details["drug"]) for a in given]
    return {
        "regimen": ab.regimen_ok(source, p, names),
        "renal_dose": bool(given)
        and all(
            any(r.matches(a.details["dose_mg"], a.details["interval_h"]) for r in ab.regimens(n, p))
            for a, n in zip(given, names, strict=True)
        ),
        "route_iv": bool(given) and all(a.details["route"] == "iv" for a in given),
    }


def _fluid_total(state: PathwayState) -> tuple[float, bool]:
    fluids = state.of("give_fluids")
    total = sum(
        float(a.details["volume_ml"]) for a in fluids if a.details["fluid"] in rules.CRYSTALLOIDS
    )
    crystalloid_only = bool(fluids) and all(
        a.details["fluid"] in rules.CRYSTALLOIDS for a in fluids
    )
    return total, crystalloid_only


def sepsis(task: Task, state: PathwayState, answer: dict[str, Any] | None) -> Checks:
    p, e = state.patient, task.grader["expect"]
    first = _first_minute(_antimicrobials(state))
    cultures = {"blood_cultures_first": _seen_before(state, "blood_culture", first)}
    if state.facts and state.facts.source == "urinary":
        cultures["urine_culture_first"] = _seen_before(state, "urine_culture", first)
    total, crystalloid = _fluid_total(state)
    shock = rules.needs_vasopressor(p.vitals)
    pressor = state.last("start_vasopressor")
    if pressor is None:
        pressor_ok = not shock
    else:  # started while MAP < 65 (before or after the bolus), norepinephrine to MAP 65
        pressor_ok = (
            float(pressor.details["map_at_start"]) < rules.MAP_TARGET
            and pressor.details["drug"] == rules.VASOPRESSOR
            and abs(float(pressor.details["map_target"]) - rules.MAP_TARGET) <= 1
        )
    destination = rules.sepsis_destination(p.vitals, pressor is not None)
    return {
        "triage": {"esi_level": _esi(task, state)},
        "screen": {
            "sepsis_activated": _activated(state) == {"sepsis"},
            "lactate_measured": state.saw("lactate"),
        },
        "cultures": cultures,
        "antimicrobials": {
            **_antimicrobial_checks(task, state),
            "within_hour": first is not None and first <= rules.SEPSIS_HOUR_MIN,
        },
        "fluids": {
            "crystalloid": crystalloid,
            "volume_30_ml_per_kg": rules.volume_ok(total, e["fluid_targets"]),
        },
        "disposition": {
            "vasopressor": pressor_ok,
            "destination": _destination(state, destination),
            "diagnosis": _diagnosis(task, answer),
        },
    }


def chest_pain(task: Task, state: PathwayState, answer: dict[str, Any] | None) -> Checks:
    e, variant = task.grader["expect"], task.grader["variant"]
    out: Checks = {
        "triage": {"esi_level": _esi(task, state)},
        "ecg_troponin": {
            "ecg_within_10_min": state.saw("ecg", before=10),
            "troponin_measured": state.saw("troponin_i"),
            "stemi_activation": _activated(state) == ({"stemi"} if e["stemi"] else set()),
        },
    }
    if variant != "stemi":
        heart = state.score_values.get("heart_score")
        out["risk"] = {"heart_score": heart is not None and abs(heart - e["heart"]) < 1e-9}
    given = _antithrombotics(state)
    if variant == "low_risk":
        therapy = {"no_antithrombotic": not given}
    else:
        slots = [(n, tuple(d)) for n, d in task.grader["acs_slots"]]
        therapy = {"antithrombotics": at.slots_filled(slots, given)}
    out["management"] = {
        **therapy,
        "destination": _destination(state, e["destination"]),
        "diagnosis": _diagnosis(task, answer),
    }
    return out


def stroke(task: Task, state: PathwayState, answer: dict[str, Any] | None) -> Checks:
    p, e, facts = state.patient, task.grader["expect"], state.facts
    assert facts is not None
    decisions = state.of("thrombolysis_decision")
    d = decisions[0] if decisions else None
    at_minute = d.minute if d else None
    lysis: dict[str, bool] = {"decided": d is not None}
    if d is not None:
        reasons = rules.lysis_contraindications(p, facts.lkw_hours or 0.0, d.minute)
        give = d.details["decision"] == "give"
        lysis["decision_correct"] = give == (not reasons)
        lysis["within_60_min"] = d.minute <= rules.DOOR_TO_NEEDLE_MIN
        lysis["glucose_first"] = state.saw("glucose", before=d.minute)
        if give and not reasons:
            drug = str(d.details["drug"])
            target = rules.lysis_dose(drug, p.weight_kg)
            dose = float(d.details["total_dose_mg"])
            lysis["dose"] = abs(dose - target) <= rules.LYSIS_DOSE_TOLERANCE * target
        if not give and reasons:
            lysis["reason"] = d.details["withhold_reason"] in reasons
    nihss = state.score_values.get("nihss")
    return {
        "triage": {
            "esi_level": _esi(task, state),
            "stroke_activated": _activated(state) == {"stroke"},
        },
        "nihss": {"nihss_total": nihss is not None and int(nihss) == e["nihss"]},
        "imaging": {
            "ct_before_decision": _seen_before(state, "ct_head", at_minute),
            "vessel_imaging": state.saw("cta_head_neck"),
        },
        "thrombolysis": lysis,
        "disposition": {
            "destination": _destination(state, e["destination"]),
            "diagnosis": _diagnosis(task, answer),
        },
    }


def dka(task: Task, state: PathwayState, answer: dict[str, Any] | None) -> Checks:
    p, e = state.patient, task.grader["expect"]
    total, crystalloid = _fluid_total(state)
    k = state.last("potassium_decision")
    lo, hi = rules.POTASSIUM_MEQ
    plan_ok = k is not None and k.details["decision"] == e["potassium"]
    if plan_ok and e["potassium"] != "no_potassium_recheck_2h":
        field = "meq_per_hour" if e["potassium"] == "replace_and_hold_insulin" else "meq_per_litre"
        dose = k.details[field]  # type: ignore[union-attr]
        plan_ok = dose is not None and lo <= float(dose) <= hi
    insulin = state.of("start_insulin_infusion")
    ik: dict[str, bool] = {"potassium_plan": plan_ok}
    if e["insulin"]:
        ik["insulin_rate"] = bool(insulin) and rules.insulin_rate_ok(
            float(insulin[-1].details["units_per_hour"]), p.weight_kg
        )
        ik["potassium_known_first"] = bool(insulin) and state.saw(
            "potassium", before=insulin[0].minute
        )
    else:
        ik["insulin_held"] = not insulin
    return {
        "triage": {"esi_level": _esi(task, state)},
        "diagnosis": {
            "dka_activated": _activated(state) == {"dka"},
            "acid_base_and_ketones": state.saw("ph")
            and (state.saw("beta_hydroxybutyrate") or state.saw("ua_ketones")),
        },
        "fluids": {
            "crystalloid": crystalloid,
            "first_hour_volume": rules.dka_fluid_ok(total, p.weight_kg),
        },
        "insulin_potassium": ik,
        "disposition": {
            "destination": _destination(state, e["destination"]),
            "diagnosis": _diagnosis(task, answer),
        },
    }


def gi_bleed(task: Task, state: PathwayState, answer: dict[str, Any] | None) -> Checks:
    e = task.grader["expect"]
    gbs = state.score_values.get("glasgow_blatchford")
    t = state.last("red_cell_transfusion")
    if e["transfuse"]:
        transfusion = (
            t is not None and t.details["decision"] == "transfuse" and t.details["units"] <= 2
        )
    else:
        transfusion = t is not None and t.details["decision"] == "withhold"
    resus = {"transfusion": transfusion}
    if task.grader["variant"] == "high":
        resus["ppi_iv"] = any(
            a.details["drug"] in PPIS and a.details["route"] == "iv"
            for a in state.of("give_medication")
        )
    return {
        "triage": {"esi_level": _esi(task, state)},
        "risk": {
            "glasgow_blatchford": gbs is not None and abs(gbs - e["gbs"]) < 1e-9,
            "activation": _activated(state) == ({"gi_bleed"} if e["activate"] else set()),
        },
        "resuscitation": resus,
        "endoscopy": {"timing": _last(state, "schedule_endoscopy", "timing") == e["endoscopy"]},
        "disposition": {
            "destination": _destination(state, e["destination"]),
            "diagnosis": _diagnosis(task, answer),
        },
    }


def postop_fever(task: Task, state: PathwayState, answer: dict[str, Any] | None) -> Checks:
    e, variant = task.grader["expect"], task.grader["variant"]
    if variant == "early":
        tests = {"no_cultures": not (state.saw("blood_culture") or state.saw("urine_culture"))}
    else:
        tests = {"source_tests": all(state.saw(k) for k in e["tests"])}
    if variant in ("urinary", "respiratory"):
        c = _antimicrobial_checks(task, state)
        treatment = {"regimen": c["regimen"], "renal_dose": c["renal_dose"]}
    elif variant == "vte":
        given = _antithrombotics(state)
        treatment = {
            "anticoagulant": len(set(given)) == 1 and given[0] in task.grader["pe_anticoagulants"],
            "no_antimicrobial": not _antimicrobials(state),
        }
    else:
        treatment = {"no_antimicrobial": not _antimicrobials(state)}
    return {
        "escalation": {
            "news2_response": _last(state, "escalate_care", "response") == e["escalation"],
            "sepsis_screen": _activated(state) == ({"sepsis"} if e["sepsis"] else set()),
        },
        "source": {
            "source": _last(state, "document_fever_source", "source") == e["source"],
            **tests,
        },
        "treatment": treatment,
        "handover": {"diagnosis": _diagnosis(task, answer)},
    }


PATHWAY_CHECKS: dict[str, Callable[[Task, PathwayState, dict[str, Any] | None], Checks]] = {
    "sepsis": sepsis,
    "chest_pain": chest_pain,
    "stroke": stroke,
    "dka": dka,
    "gi_bleed": gi_bleed,
    "postop_fever": postop_fever,
}
