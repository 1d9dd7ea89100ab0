"""Decision tools of the stroke, DKA, GI-bleeding and post-operative pathways.

Like every pathway action (see :mod:`.tools_actions`) a decision is recorded exactly
as made, with its minute and phase, and is never judged at the bedside.
"""

from __future__ import annotations

from typing import Annotated, Literal

from ...tools import Range, ToolError, tool
from .pathways import PATHWAYS
from .records import PathwayState
from .rules import LYSIS_REASONS, NEWS2_RESPONSES

LysisReason = Literal[LYSIS_REASONS]  # type: ignore[valid-type]
Response = Literal[NEWS2_RESPONSES]  # type: ignore[valid-type]
FeverSource = Literal[
    "early_inflammatory",
    "urinary",
    "respiratory",
    "surgical_site",
    "venous_thromboembolism",
    "drug_fever",
]


def phase_for(state: PathwayState, tool_name: str) -> str:
    """The phase whose decisions ``tool_name`` records in this episode's pathway."""
    return PATHWAYS[state.pathway].phase_of(tool_name) or "other"


def at_minute(state: PathwayState) -> str:
    return f"at minute {state.minute}"


@tool(kind="act")
def thrombolysis_decision(
    state: PathwayState,
    decision: Literal["give", "withhold"],
    drug: Literal["alteplase", "tenecteplase"] | None = None,
    total_dose_mg: Annotated[float, Range(0, 200)] | None = None,
    withhold_reason: LysisReason | None = None,
) -> str:
    """Record the intravenous thrombolysis decision: give (drug and total dose) or withhold
    (the main reason).

    Args:
        decision: give or withhold.
        drug: alteplase or tenecteplase (when giving).
        total_dose_mg: the total dose in mg (when giving).
        withhold_reason: the main contraindication (when withholding).
    """
    if decision == "give" and (drug is None or total_dose_mg is None):
        raise ToolError("giving thrombolysis needs the drug and total_dose_mg")
    if decision == "withhold" and withhold_reason is None:
        raise ToolError("withholding thrombolysis needs the withhold_reason")
    state.record(
        "thrombolysis_decision",
        phase_for(state, "thrombolysis_decision"),
        decision=decision,
        drug=drug if decision == "give" else None,
        total_dose_mg=total_dose_mg if decision == "give" else None,
        withhold_reason=withhold_reason if decision == "withhold" else None,
    )
    if decision == "give":
        return f"{drug} {total_dose_mg:g} mg started {at_minute(state)}."
    return f"Thrombolysis withheld ({str(withhold_reason).replace('_', ' ')}) {at_minute(state)}."


@tool(kind="act")
def potassium_decision(
    state: PathwayState,
    decision: Literal["replace_and_hold_insulin", "add_to_each_litre", "no_potassium_recheck_2h"],
    meq_per_hour: Annotated[float, Range(0, 80)] | None = None,
    meq_per_litre: Annotated[float, Range(0, 80)] | None = None,
) -> str:
    """Record the potassium plan of a hyperglycaemic crisis.

    Args:
        decision: replace potassium before any insulin, add potassium to each litre of
            IV fluid, or give none and recheck in 2 h.
        meq_per_hour: potassium infusion rate (mEq/h) when replacing before insulin.
        meq_per_litre: potassium added to each litre of fluid (mEq/L).
    """
    if decision == "replace_and_hold_insulin" and meq_per_hour is None:
        raise ToolError("replace_and_hold_insulin needs meq_per_hour")
    if decision == "add_to_each_litre" and meq_per_litre is None:
        raise ToolError("add_to_each_litre needs meq_per_litre")
    state.record(
        "potassium_decision",
        phase_for(state, "potassium_decision"),
        decision=decision,
        meq_per_hour=meq_per_hour,
        meq_per_litre=meq_per_litre,
    )
    return f"Potassium plan '{decision.replace('_', ' ')}' recorded {at_minute(state)}."


@tool(kind="act")
def start_insulin_infusion(
    state: PathwayState,
    units_per_hour: Annotated[float, Range(0.1, 50)],
    bolus_units: Annotated[float, Range(0, 30)] | None = None,
) -> str:
    """Start an intravenous regular insulin infusion (optionally after a bolus).

    Args:
        units_per_hour: infusion rate in units/h.
        bolus_units: IV bolus in units before the infusion, if any.
    """
    state.record(
        "start_insulin_infusion",
        phase_for(state, "start_insulin_infusion"),
        units_per_hour=units_per_hour,
        bolus_units=bolus_units,
    )
    bolus = f" after a {bolus_units:g}-unit bolus" if bolus_units else ""
    return f"Insulin infusion {units_per_hour:g} units/h{bolus} started {at_minute(state)}."


@tool(kind="act")
def red_cell_transfusion(
    state: PathwayState,
    decision: Literal["transfuse", "withhold"],
    units: Annotated[int, Range(1, 4)] | None = None,
) -> str:
    """Record the red-cell transfusion decision.

    Args:
        decision: transfuse or withhold.
        units: units of red cells to give (when transfusing).
    """
    n = (units or 1) if decision == "transfuse" else 0
    state.record(
        "red_cell_transfusion", phase_for(state, "red_cell_transfusion"), decision=decision, units=n
    )
    if decision == "transfuse":
        return f"{n} unit(s) of red cells ordered {at_minute(state)}."
    return f"Transfusion withheld {at_minute(state)}."


@tool(kind="act")
def schedule_endoscopy(
    state: PathwayState, timing: Literal["immediate", "within_12h", "within_24h", "outpatient"]
) -> str:
    """Book upper gastrointestinal endoscopy.

    Args:
        timing: immediate, within 12 h, within 24 h of presentation, or as an outpatient.
    """
    state.record("schedule_endoscopy", phase_for(state, "schedule_endoscopy"), timing=timing)
    return f"Endoscopy booked ({timing.replace('_', ' ')}) {at_minute(state)}."


@tool(kind="act")
def escalate_care(state: PathwayState, response: Response) -> str:
    """Record the clinical response to the early warning score (NEWS2 response levels).

    Args:
        response: the response level.
    """
    state.record("escalate_care", phase_for(state, "escalate_care"), response=response)
    return f"Response '{response.replace('_', ' ')}' recorded {at_minute(state)}."


@tool(kind="act")
def document_fever_source(state: PathwayState, source: FeverSource) -> str:
    """Document the most likely source of a post-operative fever.

    Args:
        source: the source category.
    """
    state.record("document_fever_source", phase_for(state, "document_fever_source"), source=source)
    return f"Fever source documented ({source.replace('_', ' ')}) {at_minute(state)}."


DECISION_TOOLS = [
    thrombolysis_decision,
    potassium_decision,
    start_insulin_infusion,
    red_cell_transfusion,
    schedule_endoscopy,
    escalate_care,
    document_fever_source,
]
