"""Pathway action tools: each records one decision on the shared state.

An action is recorded exactly as ordered, with the minute it started and the phase
its tool belongs to; it is never checked or corrected at the bedside (no allergy
alert, no dose suggestion), because checking is the agent's job and the grader's
evidence.  The only refusals are orders that cannot be carried out as written (an
unknown drug, an antimicrobial without a dose or interval, a thrombolysis order
without a drug and dose).  The one observation an action returns beyond its
confirmation is what happens at the bedside: after a sepsis fluid bolus of at least
80% of 30 mL/kg, the reassessed vital signs and the repeat lactate (they also replace
the record's vitals and lactate).
"""

from __future__ import annotations

from typing import Annotated, Literal

from ...clinical.drugs import get_drug
from ...clinical.text import normalize
from ...tools import MaxLen, Range, ToolError, tool
from .antibiotics import is_antimicrobial
from .gen_common import mean_arterial_pressure
from .pathways import PATHWAYS
from .records import PathwayState
from .rules import CRYSTALLOIDS, RESPONSE_FRACTION, fluid_targets
from .tools_decisions import DECISION_TOOLS, at_minute, phase_for

Protocol = Literal["sepsis", "stemi", "stroke", "dka", "gi_bleed"]
Route = Literal["iv", "po", "im", "sc"]
Fluid = Literal["lactated_ringers", "plasma_lyte", "normal_saline", "albumin_5pct", "dextrose_5pct"]
Destination = Literal[
    "discharge", "ward", "monitored_bed", "icu", "cath_lab", "stroke_unit", "angio_suite"
]
PROTOCOL_NAMES = {
    "sepsis": "Sepsis pathway",
    "stemi": "Catheterisation laboratory (ST-elevation) alert",
    "stroke": "Stroke team (code stroke)",
    "dka": "Hyperglycaemic crisis protocol",
    "gi_bleed": "GI bleeding pathway",
}
# words of an order that belong to a dedicated tool (not a formulary drug)
REDIRECT = {
    "alteplase": "thrombolysis_decision",
    "tenecteplase": "thrombolysis_decision",
    "tpa": "thrombolysis_decision",
    "insulin": "start_insulin_infusion",
    "norepinephrine": "start_vasopressor",
    "noradrenaline": "start_vasopressor",
    "vasopressin": "start_vasopressor",
    "phenylephrine": "start_vasopressor",
    "dopamine": "start_vasopressor",
}
# words of an order the formulary does not know that belong to a dedicated tool
REDIRECT_UNKNOWN = {
    "potassium": "potassium_decision",
    "blood": "red_cell_transfusion",
    "saline": "give_fluids",
    "ringer": "give_fluids",
    "crystalloid": "give_fluids",
}


@tool(kind="observe")
def pathway_status(state: PathwayState) -> str:
    """Show the pathway clock, its phases with their action tools, and every action
    recorded so far."""
    pw = PATHWAYS[state.pathway]
    lines = [f"{pw.title} pathway, minute {state.minute}. Phases:"]
    for i, ph in enumerate(pw.phases, 1):
        tools = ", ".join(ph.actions) or "graded on your orders"
        lines.append(f"{i}. {ph.title}: {tools}")
    if state.actions:
        lines.append("Actions recorded:")
        for a in state.actions:
            detail = ", ".join(f"{k} {v}" for k, v in a.details.items() if v is not None)
            lines.append(f"- minute {a.minute}: {a.tool} ({detail})")
    else:
        lines.append("No actions recorded yet.")
    return "\n".join(lines)


@tool(kind="act")
def assign_triage_level(state: PathwayState, level: Annotated[int, Range(1, 5)]) -> str:
    """Record the Emergency Severity Index (ESI v4) triage level.

    Args:
        level: ESI level, 1 (most urgent) to 5.
    """
    state.record("assign_triage_level", phase_for(state, "assign_triage_level"), level=level)
    return f"Triage level ESI {level} recorded {at_minute(state)}."


@tool(kind="act")
def activate_protocol(state: PathwayState, protocol: Protocol) -> str:
    """Activate a time-critical protocol: the sepsis pathway, a STEMI alert
    (catheterisation laboratory), the stroke team, the DKA protocol or the upper GI
    bleeding pathway.

    Args:
        protocol: the protocol to activate.
    """
    state.record("activate_protocol", phase_for(state, "activate_protocol"), protocol=protocol)
    return f"{PROTOCOL_NAMES[protocol]} activated {at_minute(state)}."


def _resolve(drug: str) -> str:
    """The formulary name of an order, or a ToolError naming the tool that takes it."""
    words = normalize(drug).split()
    target = next((REDIRECT[w] for w in words if w in REDIRECT), None)
    try:
        name = get_drug(drug).name
    except KeyError as e:
        target = target or next((REDIRECT_UNKNOWN[w] for w in words if w in REDIRECT_UNKNOWN), None)
        if not target:
            raise ToolError(str(e.args[0])) from None
        name = ""
    if name == "potassium chloride":
        target = "potassium_decision"
    if target:
        raise ToolError(f"order {drug[:60]!r} with {target}, not give_medication")
    return name


@tool(kind="act")
def give_medication(
    state: PathwayState,
    drug: Annotated[str, MaxLen(120)],
    route: Route,
    dose_mg: Annotated[float, Range(0, 100000)] | None = None,
    interval_h: Annotated[float, Range(0, 168)] | None = None,
) -> str:
    """Give a formulary drug (antimicrobials, antiplatelets, anticoagulants, proton-pump
    inhibitors and others). The order is carried out as written: check allergies,
    interactions and kidney function yourself first.

    Args:
        drug: generic or brand name.
        route: iv, po, im or sc.
        dose_mg: dose per administration in mg (required for antimicrobials).
        interval_h: hours between doses (required for antimicrobials).
    """
    name = _resolve(drug)
    if is_antimicrobial(name) and (dose_mg is None or not interval_h):
        raise ToolError(f"an antimicrobial order needs dose_mg and interval_h ({name})")
    state.record(
        "give_medication",
        phase_for(state, "give_medication"),
        drug=name,
        route=route,
        dose_mg=dose_mg,
        interval_h=interval_h,
    )
    dose = f" {dose_mg:g} mg" if dose_mg is not None else ""
    every = f" every {interval_h:g} h" if interval_h else ""
    return f"{name}{dose} {route.upper()}{every} given {at_minute(state)}."


def _reassess(state: PathwayState) -> str:
    facts = state.facts
    assert facts is not None and facts.post_bolus_vitals is not None
    state.bolus_applied = True
    state.patient.vitals = {**state.patient.vitals, **facts.post_bolus_vitals}
    v = state.patient.vitals
    text = (
        f" Reassessment after the bolus: heart rate {v['hr']:g}/min, blood pressure "
        f"{v['sbp']:g}/{v['dbp']:g} mmHg (MAP {mean_arterial_pressure(v):.0f}), respiratory "
        f"rate {v['rr']:g}/min."
    )
    if facts.post_bolus_lactate is not None:  # the repeat lactate of the hour-1 bundle
        state.patient.labs = {**state.patient.labs, "lactate": facts.post_bolus_lactate}
        text += f" Repeat lactate {facts.post_bolus_lactate:g} mmol/L."
    return text


@tool(kind="act")
def give_fluids(
    state: PathwayState, fluid: Fluid, volume_ml: Annotated[float, Range(50, 10000)]
) -> str:
    """Give an intravenous fluid bolus or the first-hour infusion.

    Args:
        fluid: the fluid.
        volume_ml: the volume in mL.
    """
    state.record("give_fluids", phase_for(state, "give_fluids"), fluid=fluid, volume_ml=volume_ml)
    total = sum(
        float(a.details["volume_ml"])
        for a in state.of("give_fluids")
        if a.details["fluid"] in CRYSTALLOIDS
    )
    text = f"{volume_ml:g} mL {fluid.replace('_', ' ')} started {at_minute(state)}."
    facts = state.facts
    pending = facts is not None and facts.post_bolus_vitals is not None and not state.bolus_applied
    if pending and total >= RESPONSE_FRACTION * min(fluid_targets(state.patient)):
        text += _reassess(state)
    return text


@tool(kind="act")
def start_vasopressor(
    state: PathwayState,
    drug: Literal["norepinephrine", "epinephrine", "vasopressin", "dopamine", "phenylephrine"],
    map_target_mmhg: Annotated[float, Range(40, 120)],
) -> str:
    """Start a vasopressor infusion titrated to a mean arterial pressure target.

    Args:
        drug: the vasopressor.
        map_target_mmhg: the target mean arterial pressure (mmHg).
    """
    state.record(
        "start_vasopressor",
        phase_for(state, "start_vasopressor"),
        drug=drug,
        map_target=map_target_mmhg,
        map_at_start=round(mean_arterial_pressure(state.patient.vitals), 1),
    )
    return f"{drug} infusion started {at_minute(state)}, titrated to MAP {map_target_mmhg:g} mmHg."


@tool(kind="act")
def set_disposition(state: PathwayState, destination: Destination) -> str:
    """Decide where the patient goes next.

    Args:
        destination: discharge home, general ward, monitored (step-down) bed, intensive care,
            catheterisation laboratory, stroke unit, or angiography suite for thrombectomy.
    """
    state.record("set_disposition", phase_for(state, "set_disposition"), destination=destination)
    return f"Disposition '{destination.replace('_', ' ')}' recorded {at_minute(state)}."


@tool(terminal=True)
def submit_pathway(state: PathwayState, diagnosis: Annotated[str, MaxLen(300)]) -> str:
    """Hand the patient over with your working diagnosis. Ends the episode.

    Args:
        diagnosis: the single most likely diagnosis.
    """
    return "Pathway handed over."


ACTION_TOOLS = [
    assign_triage_level,
    activate_protocol,
    give_medication,
    give_fluids,
    start_vasopressor,
    *DECISION_TOOLS,
    set_disposition,
]
