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
from .gen_postop import SOURCE_EXAM, SOURCE_TESTS
from .gen_stroke import NIHSS_ITEMS

LOADING_DOSE_MG = {"aspirin": 325.0, "ticagrelor": 180.0, "prasugrel": 60.0}
# Process tolerances (relative) of numeric reference arguments: the range the step's
# grade accepts (:mod:`.rules`, :mod:`.phase_checks`).
# aspirin loading 162-325 mg (Amsterdam 2014 NSTE-ACS, class I; O'Gara 2013 STEMI)
LOADING_DOSE_TOLERANCE = {"aspirin": 0.51}
# loading doses of the slot's other drugs: ticagrelor 180 mg, prasugrel 60 mg, clopidogrel
# 300-600 mg (Amsterdam 2014 NSTE-ACS, class I; O'Gara 2013 STEMI)
OTHER_LOADING_MG = {"ticagrelor": (180.0,), "prasugrel": (60.0,), "clopidogrel": (300.0, 600.0)}
MAP_TOLERANCE = 0.02  # MAP target 65 mmHg (SSC 2021), the grade allows +-1 mmHg
DKA_FLUID_TOLERANCE = 0.25  # 15-20 mL/kg (Kitabchi 2009) +-20%: 17.5 mL/kg +-25%
INSULIN_TOLERANCE = 0.3  # 0.1-0.14 U/kg/h (Kitabchi 2009), reference 0.1 U/kg/h
POTASSIUM_TOLERANCE = 0.34  # 20-30 mEq (Kitabchi 2009), reference 20 mEq
# balanced crystalloids preferred to saline (SSC 2021, weak recommendation); either is a
# crystalloid bolus for the grade (rules.CRYSTALLOIDS)
BALANCED_CRYSTALLOIDS = ("lactated_ringers", "plasma_lyte", "normal_saline")
_ROUTE = {"heparin": "iv", "enoxaparin": "sc", "fondaparinux": "sc"}
PPIS = ("pantoprazole", "esomeprazole")
EXAM_FOR_SOURCE = SOURCE_EXAM


def diagnosis_name(key: str) -> str:
    return PROFILES[key].name if key in PROFILES else LOCAL[key][0]


class Builder:
    """Accumulates reference calls and keeps the pathway clock."""

    def __init__(self) -> None:
        self.calls: list[RefCall] = []
        self.minute = 0
        self.seen: set[str] = set()

    def add(
        self,
        name: str,
        required: bool = True,
        *,
        accept_: dict[str, list[Any]] | None = None,
        tolerance_: dict[str, float] | None = None,
        **arguments: Any,
    ) -> None:
        """One reference call; ``accept_`` lists equivalent argument values (an
        equivalent drug the guideline allows), ``tolerance_`` the relative tolerance of
        a numeric argument (the clinical range the step's grade accepts)."""
        accept = {k: v for k, v in (accept_ or {}).items() if v}
        self.calls.append(
            RefCall(
                name=name,
                arguments=arguments,
                required=required,
                accept=accept,
                tolerance=tolerance_ or {},
            )
        )
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
        p = case.patient
        slots = [options for _, options in ab.slots_for(source, p)]
        for drug, dose, interval in ab.reference_regimen(source, p):
            # any drug of the same slot at any of its accepted doses (antibiotics.SOURCES)
            others = [n for opts in slots if drug in opts for n in opts if n != drug]
            doses, intervals = [], []
            for n in [drug, *others]:
                for r in ab.regimens(n, p, source, "iv"):
                    doses += [v for rng in r.doses for v in rng]
                    intervals += list(r.intervals)
            self.add(
                "give_medication",
                accept_={
                    "drug": others,
                    "dose_mg": sorted(set(doses) - {dose}),
                    "interval_h": sorted(set(intervals) - {interval}),
                },
                tolerance_={"dose_mg": 0.0, "interval_h": 0.0},
                drug=drug,
                route="iv",
                dose_mg=dose,
                interval_h=interval,
            )


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
    b.add(
        "give_fluids",
        accept_={"fluid": list(BALANCED_CRYSTALLOIDS[1:])},
        tolerance_={"volume_ml": rules.VOLUME_TOLERANCE},
        fluid="lactated_ringers",
        volume_ml=_round50(30 * p.weight_kg),
    )
    if case.expect["vasopressor"]:
        b.add(
            "start_vasopressor",
            tolerance_={"map_target_mmhg": MAP_TOLERANCE},
            drug="norepinephrine",
            map_target_mmhg=65.0,
        )
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
            route = _ROUTE.get(drug, "po")
            args: dict[str, Any] = {"drug": drug, "route": route}
            if drug in LOADING_DOSE_MG:
                args["dose_mg"] = LOADING_DOSE_MG[drug]
            # any drug of the slot (antithrombotics.acs_slots), by its own route and dose
            others = [n for n in options if n != drug]
            b.add(
                "give_medication",
                accept_={
                    "drug": others,
                    "route": sorted({_ROUTE.get(n, "po") for n in others} - {route}),
                    "dose_mg": [d for n in others for d in OTHER_LOADING_MG.get(n, ())],
                },
                tolerance_={"dose_mg": LOADING_DOSE_TOLERANCE.get(drug, 0.05)},
                **args,
            )
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
    b.add("get_history_of_present_illness")  # the onset story: last known well confirmed
    reasons = rules.lysis_contraindications(p, facts.lkw_hours, b.minute)
    if reasons:
        b.add("thrombolysis_decision", decision="withhold", withhold_reason=reasons[0])
    else:
        dose = round(rules.lysis_dose("alteplase", p.weight_kg), 1)
        b.add(
            "thrombolysis_decision",
            # tenecteplase 0.25 mg/kg (max 25 mg): AHA/ASA 2019 3.5, accepted by the grade
            accept_={
                "drug": ["tenecteplase"],
                "total_dose_mg": [round(rules.lysis_dose("tenecteplase", p.weight_kg), 1)],
            },
            tolerance_={"total_dose_mg": rules.LYSIS_DOSE_TOLERANCE},
            decision="give",
            drug="alteplase",
            total_dose_mg=dose,
        )
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
    b.add(
        "give_fluids",
        accept_={"fluid": list(BALANCED_CRYSTALLOIDS)},
        tolerance_={"volume_ml": DKA_FLUID_TOLERANCE},
        fluid="normal_saline",
        volume_ml=_round50(17.5 * p.weight_kg),
    )
    branch = e["potassium"]
    k_args: dict[str, Any] = {"decision": branch}
    if branch == "replace_and_hold_insulin":
        k_args["meq_per_hour"] = 20.0
    elif branch == "add_to_each_litre":
        k_args["meq_per_litre"] = 20.0
    b.add("potassium_decision", tolerance_=dict.fromkeys(k_args, POTASSIUM_TOLERANCE), **k_args)
    if e["insulin"]:
        b.add(
            "start_insulin_infusion",
            tolerance_={"units_per_hour": INSULIN_TOLERANCE},
            units_per_hour=round(0.1 * p.weight_kg, 1),
        )
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
        # one unit at a time, then reassess (the grade accepts up to 2 units)
        b.add("red_cell_transfusion", accept_={"units": [2]}, decision="transfuse", units=1)
    else:
        b.add("red_cell_transfusion", decision="withhold")
    if case.variant == "high":
        b.add("get_allergies")
        b.add(
            "give_medication",
            accept_={"drug": [n for n in PPIS if n != "pantoprazole"]},
            drug="pantoprazole",
            route="iv",
            dose_mg=80.0,
        )
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
        options = at.pe_anticoagulants(case.patient)
        drug = options[0]
        # heparin or (CrCl >= 30) enoxaparin: CHEST 2021 parenteral anticoagulation
        others = [n for n in options if n != drug]
        b.add(
            "give_medication",
            accept_={
                "drug": others,
                "route": sorted({_ROUTE.get(n, "po") for n in others} - {_ROUTE[drug]}),
            },
            drug=drug,
            route=_ROUTE[drug],
        )


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
