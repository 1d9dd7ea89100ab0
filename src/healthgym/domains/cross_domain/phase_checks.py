"""Per-phase accuracy checks of each pathway (the rules are cited in :mod:`.rules`,
:mod:`.antibiotics` and :mod:`.antithrombotics`).

Every check is a yes/no question about the shared state at the end of the episode:
what was decided (the last recorded decision of a kind counts, except time-critical
first doses and the thrombolysis decision, where the first counts), and when evidence
was seen relative to the decision that needed it.  A phase's score is the fraction of
its checks that pass.  Decisions that depend on how the patient changed (the
vasopressor and destination after a fluid bolus) are judged on the final state, and
thrombolysis eligibility on the minute the decision was made.

No credit for doing nothing: a *withhold* decision - no antimicrobial, no cultures, no
antithrombotic, no protocol activation (a negative screen), no vasopressor, insulin
held, no potassium, no transfusion, a de-escalating destination (ward, discharge, a
monitored bed instead of intensive care, a stroke unit instead of thrombectomy),
outpatient endoscopy, a routine NEWS2 response - passes only when the evidence that
justifies it had been seen (the episode's evidence stamps, :meth:`.records.PathwayState.saw`),
before the decision where the decision is a recorded action.  An episode that does
nothing therefore earns no phase credit except, at most, a correct handover diagnosis
(the reward pays no process for it, and the coherence check wants a key test seen).
What a withhold needs is listed in :data:`WITHHOLD_EVIDENCE` and the helpers below.

Evidence before decision: a positive decision that a default or a guess can hit
earns credit only if the evidence that justifies it was seen BEFORE the decision was
recorded (:data:`DECISION_EVIDENCE`):

* the ESI level - the vital signs and the presentation (the history or an ESI
  decision-point finding) seen first, and assigned within the triage window
  (:data:`TRIAGE_WINDOW_MIN`; ESI v4 handbook, Gilboy N et al. AHRQ 2012 (2020 ed.):
  triage is the first assessment on arrival; Royal College of Emergency Medicine,
  Initial Assessment of Emergency Department Patients, 2017: within 15 minutes);
* sepsis activation - the vital signs and the lactate (SSC 2021, Evans L et al. Crit
  Care Med 2021;49:e1063-e1143: screen, measure lactate; Sepsis-3, Singer M et al.
  JAMA 2016;315:801-10), and the initial lactate measured before the fluid bolus (its
  repeat after the bolus is the remeasurement of the hour-1 bundle, not the screen);
  on the ward, a positive screen after the vital signs and the mental state (qSOFA);
* a STEMI alert - the ECG (O'Gara PT et al. 2013 ACCF/AHA STEMI guideline); an ACS
  destination - the ECG, and for a monitored bed the troponin (Gulati 2021);
* giving thrombolysis - the CT head, the glucose, the blood pressure and the home
  medications (anticoagulant use) seen first (Powers WJ et al. AHA/ASA 2019, Stroke
  2019;50:e344-e418, 3.5.1-3.5.2: only the glucose must precede alteplase in every
  patient; CT excludes haemorrhage; BP < 185/110 before treatment); withholding it
  for a late arrival - the onset history that confirms the last-known-well time;
* a DKA activation - the glucose, the pH and a ketone measurement (Kitabchi AE et al.
  Diabetes Care 2009;32:1335-43, table 1); any DKA destination - pH and bicarbonate;
* GI bleeding - activation, any endoscopy timing and any destination after the
  Glasgow-Blatchford inputs (Laine L et al. ACG 2021, Am J Gastroenterol
  2021;116:899-917; Gralnek IM et al. ESGE 2021, Endoscopy 2021;53:300-32: risk
  stratification decides admission and timing); a transfusion decision after the
  haemoglobin (Villanueva C et al. N Engl J Med 2013;368:11-21);
* post-operative fever - a documented source after the focused examination of that
  source and its test (O'Grady NP et al. Crit Care Med 2008;36:1330-49).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...tasks import Task
from . import antibiotics as ab
from . import antithrombotics as at
from . import rules
from .diagnoses import match
from .gen_postop import SOURCE_EXAM
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


# evidence (keys of :mod:`.clock`) that justifies a withhold or de-escalation, by decision
WITHHOLD_EVIDENCE: dict[str, tuple[str, ...]] = {
    # chest pain: no STEMI alert / no antithrombotic / discharge need the ECG and troponin
    "chest_pain": ("ecg", "troponin_i"),
    # GI bleeding: no activation, outpatient endoscopy, discharge need the
    # Glasgow-Blatchford inputs (vital signs, haemoglobin, urea)
    "gi_bleed": ("vitals", "hemoglobin", "bun"),
    # DKA: a monitored bed instead of intensive care needs the pH and bicarbonate
    "dka": ("ph", "bicarbonate"),
    # stroke: a stroke unit instead of thrombectomy needs the vessel imaging
    "stroke": ("cta_head_neck",),
}
# what each thrombolysis withhold reason is read from (the LKW time is in the prompt)
LYSIS_REASON_EVIDENCE: dict[str, tuple[str, ...]] = {
    "outside_time_window": (),
    "anticoagulant_use": ("medications",),
    "inr_above_1_7": ("inr",),
    "platelets_below_100": ("platelets",),
    "glucose_below_50": ("glucose",),
    "blood_pressure_above_185_110": ("vitals",),
    "haemorrhage_on_ct": ("ct_head",),
    "non_disabling_deficit": ("nihss_examination",),
    "other": (),
}
MENTATION = ("assess_mental_status", "exam:neurological", "history")
TRIAGE_WINDOW_MIN = 15  # minutes from arrival (module docstring)
# the presentation an ESI level is read from: the history or an ESI decision-point finding
PRESENTATION = ("history", "esi_lifesaving_needs", "esi_high_risk_review", "esi_expected_resources")
KETONES = ("beta_hydroxybutyrate", "ua_ketones")
# evidence a positive decision needs seen before it was recorded (module docstring)
DECISION_EVIDENCE: dict[str, tuple[str, ...]] = {
    "sepsis_activation": ("vitals", "lactate"),
    "stemi_activation": ("ecg",),
    "thrombolysis_give": ("ct_head", "glucose", "vitals", "medications"),
    "dka_activation": ("glucose", "ph"),  # and a ketone (KETONES)
}
LYSIS_REASON_EVIDENCE["outside_time_window"] = ("history",)  # the onset story


def _saw_all(state: PathwayState, keys: tuple[str, ...], before: int | None = None) -> bool:
    return all(state.saw(k, before=before) for k in keys)


def _minute(state: PathwayState, tool: str) -> int | None:
    a = state.last(tool)
    return a.minute if a else None


def _haemodynamics_seen(state: PathwayState) -> bool:
    """The current blood pressure was seen: the vital signs, or the reassessment a
    sepsis bolus returned (which replaced them)."""
    return state.bolus_applied or state.saw("vitals")


def _assessed(state: PathwayState) -> bool:
    """A ward fever was assessed: vital signs, history and the wound examined."""
    return _saw_all(state, ("vitals", "history", "exam:skin"))


def _first_minute(actions: list[Action]) -> int | None:
    return min((a.minute for a in actions), default=None)


def _seen_before(state: PathwayState, key: str, minute: int | None) -> bool:
    return state.saw(key, before=minute)


def _esi(task: Task, state: PathwayState) -> bool:
    """The triage level: the last one recorded within the triage window, right, and
    recorded after the vital signs and the presentation were seen."""
    levels = [a for a in state.of("assign_triage_level") if a.minute <= TRIAGE_WINDOW_MIN]
    if not levels:
        return False
    a = levels[-1]
    return (
        a.details["level"] == task.grader["expect"]["esi"]
        and state.saw("vitals", before=a.minute)
        and any(state.saw(k, before=a.minute) for k in PRESENTATION)
    )


def _activated_after(state: PathwayState, protocol: str, keys: tuple[str, ...]) -> bool:
    """Exactly ``protocol`` activated, and ``keys`` seen before its first activation."""
    if _activated(state) != {protocol}:
        return False
    first = _first_minute(state.of("activate_protocol"))
    return _saw_all(state, keys, before=first)


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
            any(
                r.matches(a.details["dose_mg"], a.details["interval_h"])
                for r in ab.regimens(n, p, source, a.details["route"])
            )
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
    if pressor is None:  # withholding a vasopressor needs the current blood pressure seen
        pressor_ok = not shock and _haemodynamics_seen(state)
    else:  # started while MAP < 65 (before or after the bolus), norepinephrine to MAP 65
        pressor_ok = (
            float(pressor.details["map_at_start"]) < rules.MAP_TARGET
            and pressor.details["drug"] == rules.VASOPRESSOR
            and abs(float(pressor.details["map_target"]) - rules.MAP_TARGET) <= 1
        )
    f = state.facts
    assert f is not None
    lactate0 = f.initial_lactate if f.initial_lactate is not None else float(p.labs["lactate"])
    accepted = rules.sepsis_destinations(
        p.vitals, lactate0, float(p.labs["lactate"]), pressor is not None
    )
    chosen = _last(state, "set_disposition", "destination")
    # any destination needs the current blood pressure (and, after the bolus, the repeat
    # lactate its reassessment returned) seen
    destination_ok = chosen in accepted and _haemodynamics_seen(state)
    return {
        "triage": {"esi_level": _esi(task, state)},
        "screen": {
            "sepsis_activated": _activated_after(
                state, "sepsis", DECISION_EVIDENCE["sepsis_activation"]
            ),
            # the initial lactate: before the first bolus (whose reassessment repeats it)
            "lactate_measured": state.saw("lactate", before=_first_minute(state.of("give_fluids"))),
        },
        "cultures": cultures,
        "antimicrobials": {
            **_antimicrobial_checks(task, state),
            "within_hour": first is not None and first <= rules.SEPSIS_HOUR_MIN,
        },
        "fluids": {  # the fluid type counts with a resuscitation volume, not alone
            "crystalloid": crystalloid and rules.volume_ok(total, e["fluid_targets"]),
            "volume_30_ml_per_kg": rules.volume_ok(total, e["fluid_targets"]),
        },
        "disposition": {
            "vasopressor": pressor_ok,
            "destination": destination_ok,
            "diagnosis": _diagnosis(task, answer),
        },
    }


def chest_pain(task: Task, state: PathwayState, answer: dict[str, Any] | None) -> Checks:
    e, variant = task.grader["expect"], task.grader["variant"]
    ruled_out = WITHHOLD_EVIDENCE["chest_pain"]
    if e["stemi"]:  # the alert after the ECG that shows the ST elevation
        activation = _activated_after(state, "stemi", DECISION_EVIDENCE["stemi_activation"])
    else:  # no alert: only after the ECG was read
        activation = not _activated(state) and state.saw("ecg")
    out: Checks = {
        "triage": {"esi_level": _esi(task, state)},
        "ecg_troponin": {
            "ecg_within_10_min": state.saw("ecg", before=10),
            "troponin_measured": state.saw("troponin_i"),
            "stemi_activation": activation,
        },
    }
    if variant != "stemi":
        heart = state.score_values.get("heart_score")
        out["risk"] = {"heart_score": heart is not None and abs(heart - e["heart"]) < 1e-9}
    given = _antithrombotics(state)
    if variant == "low_risk":
        therapy = {"no_antithrombotic": not given and _saw_all(state, ruled_out)}
        destination = _destination(state, e["destination"]) and _saw_all(
            state, ruled_out, before=_minute(state, "set_disposition")
        )
    else:
        slots = [(n, tuple(d)) for n, d in task.grader["acs_slots"]]
        therapy = {"antithrombotics": at.slots_filled(slots, given)}
        # the cath lab after the ECG; a monitored bed (NSTEMI) after the troponin too
        needs = ("ecg",) if variant == "stemi" else ruled_out
        destination = _destination(state, e["destination"]) and _saw_all(
            state, needs, before=_minute(state, "set_disposition")
        )
    out["management"] = {
        **therapy,
        "destination": destination,
        "diagnosis": _diagnosis(task, answer),
    }
    return out


def stroke(task: Task, state: PathwayState, answer: dict[str, Any] | None) -> Checks:
    p, e, facts = state.patient, task.grader["expect"], state.facts
    assert facts is not None
    decisions = state.of("thrombolysis_decision")
    d = decisions[0] if decisions else None
    at_minute = d.minute if d else None
    # the decision's timing and work-up earn credit only with the right decision (a
    # decision of any kind recorded in time is not the standard of care)
    lysis: dict[str, bool] = {"decided": False}
    if d is not None:
        reasons = rules.lysis_contraindications(p, facts.lkw_hours or 0.0, d.minute)
        give = d.details["decision"] == "give"
        if give:  # right when eligible AND the contraindications were checked first
            correct = not reasons and _saw_all(
                state, DECISION_EVIDENCE["thrombolysis_give"], before=d.minute
            )
        else:  # a withhold is right when a contraindication applied AND was seen first
            correct = any(
                _saw_all(state, LYSIS_REASON_EVIDENCE[r], before=d.minute) for r in reasons
            )
        lysis["decided"] = correct
        lysis["decision_correct"] = correct
        lysis["within_60_min"] = correct and d.minute <= rules.DOOR_TO_NEEDLE_MIN
        lysis["glucose_first"] = correct and state.saw("glucose", before=d.minute)
        if give and not reasons:
            drug = str(d.details["drug"])
            target = rules.lysis_dose(drug, p.weight_kg)
            dose = float(d.details["total_dose_mg"])
            lysis["dose"] = abs(dose - target) <= rules.LYSIS_DOSE_TOLERANCE * target
        if not give and reasons:
            reason = str(d.details["withhold_reason"])
            lysis["reason"] = reason in reasons and _saw_all(
                state, LYSIS_REASON_EVIDENCE[reason], before=d.minute
            )
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
        "disposition": {  # thrombectomy or not is read from the vessel imaging
            "destination": _destination(state, e["destination"])
            and _saw_all(
                state, WITHHOLD_EVIDENCE["stroke"], before=_minute(state, "set_disposition")
            ),
            "diagnosis": _diagnosis(task, answer),
        },
    }


def dka(task: Task, state: PathwayState, answer: dict[str, Any] | None) -> Checks:
    p, e = state.patient, task.grader["expect"]
    total, crystalloid = _fluid_total(state)
    k = state.last("potassium_decision")
    lo, hi = rules.POTASSIUM_MEQ
    plan_ok = (
        k is not None
        and k.details["decision"] == e["potassium"]
        and state.saw("potassium", before=k.minute)
    )
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
        ik["insulin_held"] = not insulin and state.saw("potassium")
    # any destination (by severity) only after the pH and bicarbonate
    destination = _destination(state, e["destination"]) and _saw_all(
        state, WITHHOLD_EVIDENCE["dka"], before=_minute(state, "set_disposition")
    )
    activation = _activated_after(state, "dka", DECISION_EVIDENCE["dka_activation"]) and any(
        state.saw(k, before=_first_minute(state.of("activate_protocol"))) for k in KETONES
    )
    return {
        "triage": {"esi_level": _esi(task, state)},
        "diagnosis": {
            "dka_activated": activation,
            "acid_base_and_ketones": state.saw("ph")
            and (state.saw("beta_hydroxybutyrate") or state.saw("ua_ketones")),
        },
        "fluids": {  # the fluid type counts with a first-hour volume, not alone
            "crystalloid": crystalloid and rules.dka_fluid_ok(total, p.weight_kg),
            "first_hour_volume": rules.dka_fluid_ok(total, p.weight_kg),
        },
        "insulin_potassium": ik,
        "disposition": {
            "destination": destination,
            "diagnosis": _diagnosis(task, answer),
        },
    }


def gi_bleed(task: Task, state: PathwayState, answer: dict[str, Any] | None) -> Checks:
    e = task.grader["expect"]
    gbs = state.score_values.get("glasgow_blatchford")
    t = state.last("red_cell_transfusion")
    gbs_inputs = WITHHOLD_EVIDENCE["gi_bleed"]
    if t is not None and not state.saw("hemoglobin", before=t.minute):
        transfusion = False  # decided before the haemoglobin was known
    elif e["transfuse"]:
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
    if e["activate"]:  # activation after the Glasgow-Blatchford inputs
        activation = _activated_after(state, "gi_bleed", gbs_inputs)
    else:  # no activation: only after the Glasgow-Blatchford inputs were seen
        activation = not _activated(state) and _saw_all(state, gbs_inputs)
    # any endoscopy timing and any destination after the Glasgow-Blatchford inputs
    timing = _last(state, "schedule_endoscopy", "timing") == e["endoscopy"] and _saw_all(
        state, gbs_inputs, before=_minute(state, "schedule_endoscopy")
    )
    destination = _destination(state, e["destination"]) and _saw_all(
        state, gbs_inputs, before=_minute(state, "set_disposition")
    )
    return {
        "triage": {"esi_level": _esi(task, state)},
        "risk": {
            "glasgow_blatchford": gbs is not None and abs(gbs - e["gbs"]) < 1e-9,
            "activation": activation,
        },
        "resuscitation": resus,
        "endoscopy": {"timing": timing},
        "disposition": {
            "destination": destination,
            "diagnosis": _diagnosis(task, answer),
        },
    }


def _source_documented(state: PathwayState, source: str, variant: str) -> bool:
    """The right fever source, documented after the focused examination of that source
    and its test (early inflammatory fever: after the assessment)."""
    doc = state.last("document_fever_source")
    if doc is None or doc.details["source"] != source:
        return False
    needs = (f"exam:{SOURCE_EXAM[variant]}", *SOURCE_EVIDENCE[variant])
    return _saw_all(state, needs, before=doc.minute)


# the test that shows each source (the urinalysis via its nitrite; gen_postop.SOURCE_TESTS
# without the cultures, which are pending during the call)
SOURCE_EVIDENCE: dict[str, tuple[str, ...]] = {
    "early": ("vitals", "history"),
    "urinary": ("ua_nitrite",),
    "respiratory": ("chest_xray",),
    "vte": ("ct_pulmonary_angiogram",),
}


def postop_fever(task: Task, state: PathwayState, answer: dict[str, Any] | None) -> Checks:
    e, variant = task.grader["expect"], task.grader["variant"]
    if variant == "early":  # no cultures: only after the fever was assessed
        cultured = state.saw("blood_culture") or state.saw("urine_culture")
        tests = {"no_cultures": not cultured and _assessed(state)}
    else:
        tests = {"source_tests": all(state.saw(k) for k in e["tests"])}
    if variant in ("urinary", "respiratory"):
        c = _antimicrobial_checks(task, state)
        treatment = {"regimen": c["regimen"], "renal_dose": c["renal_dose"]}
    elif variant == "vte":
        given = _antithrombotics(state)
        treatment = {
            "anticoagulant": len(set(given)) == 1 and given[0] in task.grader["pe_anticoagulants"],
            # no antimicrobial: only once the embolism was imaged
            "no_antimicrobial": not _antimicrobials(state) and state.saw("ct_pulmonary_angiogram"),
        }
    else:
        treatment = {"no_antimicrobial": not _antimicrobials(state) and _assessed(state)}
    response = state.last("escalate_care")
    news2_ok = (
        response is not None
        and response.details["response"] == e["escalation"]
        and state.saw("vitals", before=response.minute)
    )
    if e["sepsis"]:  # a positive screen after the vital signs and the mental state
        screen = _activated_after(state, "sepsis", ("vitals",)) and any(
            state.saw(k, before=_first_minute(state.of("activate_protocol"))) for k in MENTATION
        )
    else:  # a negative screen: only after the vital signs and the mental state were seen
        screen = (
            not _activated(state) and state.saw("vitals") and any(state.saw(k) for k in MENTATION)
        )
    return {
        "escalation": {
            "news2_response": news2_ok,
            "sepsis_screen": screen,
        },
        "source": {
            "source": _source_documented(state, e["source"], variant),
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
