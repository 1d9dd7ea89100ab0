"""Reference solutions: the calls a careful clinician makes, in pathway order.

Each builder gathers the evidence a decision needs right before the decision
(vital signs and the ESI decision point before the triage level, cultures before the
first antimicrobial, allergies, home drugs and creatinine before any drug, the weight
before weight-based doses, CT and glucose before thrombolysis, potassium before
insulin), then records the decision the rules of :mod:`.rules`,
:mod:`.antibiotics` and :mod:`.antithrombotics` give.  The builder keeps the pathway
clock exactly as the episode will (:func:`.clock.minutes`), so time-dependent truths
(thrombolysis within 4.5 h of last known well) are decided at the minute the oracle
acts; the grader re-derives them at the minute the agent acted.
"""

from __future__ import annotations

from typing import Any

from ...clinical.diseases import PROFILES
from ...clinical.labs import panels
from ...tasks import RefCall
from . import antibiotics as ab
from . import antithrombotics as at
from . import rules
from .clock import evidence, minutes
from .diagnoses import LOCAL
from .gen_common import Case
from .gen_postop import SOURCE_TESTS
from .gen_stroke import NIHSS_ITEMS

LOADING_DOSE_MG = {"aspirin": 325.0, "ticagrelor": 180.0, "prasugrel": 60.0}
EXAM_FOR_SOURCE = {
    "early": "skin",
    "urinary": "genitourinary",
    "respiratory": "respiratory",
    "vte": "extremities",
}


def diagnosis_name(key: str) -> str:
    return PROFILES[key].name if key in PROFILES else LOCAL[key][0]


class Builder:
    """Accumulates reference calls and keeps the pathway clock."""

    def __init__(self) -> None:
        self.calls: list[RefCall] = []
        self.minute = 0
        self.seen: set[str] = set()

    def add(self, name: str, required: bool = True, **arguments: Any) -> None:
        self.calls.append(RefCall(name=name, arguments=arguments, required=required))
        self.minute += minutes(name, arguments)
        self.seen.update(evidence(name, arguments))

    def panel(self, panel: str, required: bool = True) -> None:
        if not set(panels()[panel]) <= self.seen:
            self.add("order_lab_panel", required, panel=panel)

    def once(self, name: str, required: bool = True, **arguments: Any) -> None:
        if not any(c.name == name and c.arguments == arguments for c in self.calls):
            self.add(name, required, **arguments)

    def triage(self, case: Case) -> None:
        view = case.triage
        assert view is not None
        pid = {"patient_id": "P1"}
        if view.lsi:
            self.add("esi_lifesaving_needs", **pid)
        elif view.high_risk or view.new_confusion or view.pain >= 7:
            self.add("esi_high_risk_review", **pid)
        else:
            self.add("esi_expected_resources", **pid)
            self.add("check_danger_zone_vitals", **pid)
        self.add("assign_triage_level", level=case.expect["esi"])

    def drug_checks(self, case: Case, renal: bool = True) -> None:
        p = case.patient
        self.once("get_allergies")
        self.once("get_medications")
        if renal:
            self.once("get_demographics")
            self.panel("bmp")
            self.once(
                "calc_renal_function",
                required=False,
                equation="cockcroft_gault",
                age=p.age,
                sex=p.sex,
                creatinine=float(p.labs["creatinine"]),
                weight_kg=p.weight_kg,
                weight_type="actual",
            )

    def antimicrobials(self, case: Case, source: str) -> None:
        self.drug_checks(case)
        for drug, dose, interval in ab.reference_regimen(source, case.patient):
            self.add("give_medication", drug=drug, route="iv", dose_mg=dose, interval_h=interval)


def _round50(x: float) -> float:
    return float(round(x / 50) * 50)


def sepsis(case: Case, b: Builder) -> None:
    p, source = case.patient, case.facts.source or "urinary"
    b.add("get_vitals")
    b.triage(case)
    b.panel("lactate")
    b.add("activate_protocol", protocol="sepsis")
    b.panel("blood_culture")
    if source == "urinary":
        b.panel("urine_culture")
    b.antimicrobials(case, source)
    if source == "respiratory":
        b.add("order_imaging", study="chest_xray")  # source imaging, after the first dose
    b.add("give_fluids", fluid="lactated_ringers", volume_ml=_round50(30 * p.weight_kg))
    if case.expect["vasopressor"]:
        b.add("start_vasopressor", drug="norepinephrine", map_target_mmhg=65.0)
    b.add("set_disposition", destination=case.expect["destination"])


def chest_pain(case: Case, b: Builder) -> None:
    e, variant = case.expect, case.variant
    b.add("order_ecg")
    b.add("get_vitals")
    b.triage(case)
    b.add("order_lab_test", test="troponin_i")
    if variant == "stemi":
        b.add("activate_protocol", protocol="stemi")
    else:  # HEART reads the history and the risk factors (past and social history)
        b.add("get_history_of_present_illness")
        b.add("get_past_medical_history")
        b.add("get_social_history")
        b.add("calculate_heart_score", history=e["heart_history"], ecg=e["heart_ecg"])
    if variant != "low_risk":
        b.add("get_allergies")
        b.once("get_past_medical_history", required=False)
        for _, options in at.acs_slots(variant, case.patient):
            drug = options[0]
            route = (
                "iv"
                if drug == "heparin"
                else "sc"
                if drug in ("enoxaparin", "fondaparinux")
                else "po"
            )
            args: dict[str, Any] = {"drug": drug, "route": route}
            if drug in LOADING_DOSE_MG:
                args["dose_mg"] = LOADING_DOSE_MG[drug]
            b.add("give_medication", **args)
    b.add("set_disposition", destination=e["destination"])


def stroke(case: Case, b: Builder) -> None:
    p, facts = case.patient, case.facts
    assert facts.nihss is not None and facts.lkw_hours is not None
    b.add("get_vitals")
    b.triage(case)
    b.add("activate_protocol", protocol="stroke")
    b.add("nihss_examination")
    b.add("calculate_nihss", **{k: facts.nihss[k] for k, _ in NIHSS_ITEMS})
    b.add("order_imaging", study="ct_head")
    for panel in ("bmp", "cbc", "coag"):
        b.panel(panel)
    b.add("get_medications")
    b.add("get_demographics")
    reasons = rules.lysis_contraindications(p, facts.lkw_hours, b.minute)
    if reasons:
        b.add("thrombolysis_decision", decision="withhold", withhold_reason=reasons[0])
    else:
        dose = round(rules.lysis_dose("alteplase", p.weight_kg), 1)
        b.add("thrombolysis_decision", decision="give", drug="alteplase", total_dose_mg=dose)
    b.add("order_imaging", study="cta_head_neck")
    b.add("set_disposition", destination=case.expect["destination"])


def dka(case: Case, b: Builder) -> None:
    p, e = case.patient, case.expect
    b.add("get_vitals")
    b.triage(case)
    for panel in ("bmp", "abg", "ketones"):
        b.panel(panel)
    b.add("calculate_anion_gap", required=False)
    b.add("activate_protocol", protocol="dka")
    b.add("get_demographics")
    b.add("give_fluids", fluid="normal_saline", volume_ml=_round50(17.5 * p.weight_kg))
    branch = e["potassium"]
    k_args: dict[str, Any] = {"decision": branch}
    if branch == "replace_and_hold_insulin":
        k_args["meq_per_hour"] = 20.0
    elif branch == "add_to_each_litre":
        k_args["meq_per_litre"] = 20.0
    b.add("potassium_decision", **k_args)
    if e["insulin"]:
        b.add("start_insulin_infusion", units_per_hour=round(0.1 * p.weight_kg, 1))
    b.add("set_disposition", destination=e["destination"])


def gi_bleed(case: Case, b: Builder) -> None:
    e = case.expect
    b.add("get_vitals")
    b.triage(case)
    b.add("get_history_of_present_illness", required=False)
    b.add("get_past_medical_history")
    b.panel("cbc")
    b.panel("bmp")
    b.add("calculate_glasgow_blatchford")
    if e["activate"]:
        b.add("activate_protocol", protocol="gi_bleed")
    if e["transfuse"]:
        b.add("red_cell_transfusion", decision="transfuse", units=1)
    else:
        b.add("red_cell_transfusion", decision="withhold")
    if case.variant == "high":
        b.add("get_allergies")
        b.add("give_medication", drug="pantoprazole", route="iv", dose_mg=80.0)
    b.add("schedule_endoscopy", timing=e["endoscopy"])
    b.add("set_disposition", destination=e["destination"])


def postop_fever(case: Case, b: Builder) -> None:
    e, variant = case.expect, case.variant
    b.add("get_vitals")
    b.add("assess_mental_status", patient_id="P1")
    b.add("escalate_care", response=e["escalation"])
    b.add("get_history_of_present_illness")
    b.add("examine", system=EXAM_FOR_SOURCE[variant])
    if variant == "early":
        b.panel("cbc")
    for key in SOURCE_TESTS[variant]:
        if key == "ua_nitrite":
            b.panel("urinalysis")
        elif key in ("chest_xray", "ct_pulmonary_angiogram"):
            b.add("order_imaging", study=key)
        else:
            b.panel(key)
    if e["sepsis"]:
        b.add("activate_protocol", protocol="sepsis")
    b.add("document_fever_source", source=e["source"])
    if variant in ("urinary", "respiratory"):
        b.antimicrobials(case, case.facts.source or "urinary")
    elif variant == "vte":
        b.drug_checks(case)
        drug = at.pe_anticoagulants(case.patient)[0]
        b.add("give_medication", drug=drug, route="iv" if drug == "heparin" else "sc")


BUILDERS = {
    "sepsis": sepsis,
    "chest_pain": chest_pain,
    "stroke": stroke,
    "dka": dka,
    "gi_bleed": gi_bleed,
    "postop_fever": postop_fever,
}


def reference(case: Case) -> tuple[list[RefCall], dict[str, Any]]:
    b = Builder()
    BUILDERS[case.pathway](case, b)
    answer = {"diagnosis": diagnosis_name(case.diagnosis)}
    b.add("submit_pathway", required=False, **answer)
    return b.calls, answer
