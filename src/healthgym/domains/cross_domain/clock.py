"""The pathway clock: every tool call takes time, and evidence is stamped when seen.

Time is what makes a pathway a pathway: the sepsis hour (antimicrobials within 1 h of
recognition, Surviving Sepsis Campaign 2021, Evans L et al. Crit Care Med
2021;49:e1063-e1143; time zero at triage, Levy MM et al. Crit Care Med 2018;46:997-1000),
the ECG within 10 minutes of arrival for chest pain (Gulati M et al. 2021 AHA/ACC chest
pain guideline, Circulation 2021;144:e368-e454, class 1) and door-to-needle within 60
minutes for thrombolysis (Powers WJ et al. AHA/ASA 2019, Stroke 2019;50:e344-e418).

The minutes are the project's model of a busy emergency department, not measured
times: talking to and examining the patient 2 min, reading the chart or a reference
1 min, drawing a laboratory sample and getting the (point-of-care or stat) result 5 min,
an ECG 5 min, radiographs 10 min, CT 10-15 min, MRI and echocardiography 30 min,
endoscopy 60 min, recording an order or decision 2 min.  Every tool of the toolkit is
wrapped by :func:`timed`, which runs the tool unchanged, then (only if it succeeded)
advances the clock and stamps the evidence it revealed at the new minute (a result is
seen when the call ends; an action is recorded at the minute it starts).  The episode
has one patient, ``P1``, so an observation is also recorded in the elicitation record
as ``"<tool>:P1"`` (the key the triage_emergency tools gate on: ``get_vitals`` of the
shared record shows P1's vital signs).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ...clinical.labs import panels
from ...tools import Tool
from ...tools.elicit import elicited
from .records import PathwayState

IMAGING_MINUTES = {
    "chest_xray": 10,
    "abdominal_xray": 10,
    "joint_xray": 10,
    "ct_head": 10,
    "cta_head_neck": 10,
    "ct_pulmonary_angiogram": 15,
    "ct_angiogram_aorta": 15,
    "ct_abdomen_pelvis": 15,
    "mri_brain": 30,
    "echocardiogram": 30,
    "upper_endoscopy": 60,
}
COSTS: dict[str, int] = {
    "get_vitals": 2,
    "get_history_of_present_illness": 2,
    "examine": 2,
    "assess_mental_status": 2,
    "esi_lifesaving_needs": 2,
    "esi_high_risk_review": 2,
    "esi_expected_resources": 1,
    "check_danger_zone_vitals": 1,
    "nihss_examination": 4,
    "order_lab_panel": 5,
    "order_lab_test": 5,
    "order_ecg": 5,
    "submit_pathway": 0,
    "pathway_status": 0,
}
ACTION_MINUTES = 2  # recording an order or a decision
DEFAULT_MINUTES = 1  # chart, reference or calculator look-up
ACTION_TOOLS = frozenset(
    {
        "assign_triage_level",
        "activate_protocol",
        "give_medication",
        "give_fluids",
        "start_vasopressor",
        "thrombolysis_decision",
        "potassium_decision",
        "start_insulin_infusion",
        "red_cell_transfusion",
        "schedule_endoscopy",
        "escalate_care",
        "document_fever_source",
        "set_disposition",
    }
)
_RECORD_EVIDENCE = {
    "get_vitals": "vitals",
    "get_demographics": "demographics",
    "get_allergies": "allergies",
    "check_allergy": "allergies",
    "get_medications": "medications",
    "get_history_of_present_illness": "history",
    "get_past_medical_history": "pmh",
    "get_social_history": "social",
    "order_ecg": "ecg",
}


def minutes(name: str, args: dict[str, Any]) -> int:
    """How long one successful call of tool ``name`` takes."""
    if name == "order_imaging":
        return IMAGING_MINUTES.get(str(args.get("study")), 15)
    if name in ACTION_TOOLS:
        return ACTION_MINUTES
    return COSTS.get(name, DEFAULT_MINUTES)


def evidence(name: str, args: dict[str, Any]) -> list[str]:
    """Evidence keys one successful call reveals (lab keys, study keys, 'vitals', ...)."""
    if name == "order_lab_panel":
        return list(panels()[str(args["panel"])])
    if name in ("order_lab_test", "order_imaging"):
        return [str(args.get("test") or args.get("study"))]
    keys = [_RECORD_EVIDENCE[name]] if name in _RECORD_EVIDENCE else [name]
    if name == "examine":
        keys.append(f"exam:{args['system']}")
    return keys


def timed(t: Tool) -> Tool:
    """The same tool (name, schema, behaviour) with the pathway clock and evidence stamps."""
    inner: Callable[..., str] = t.fn

    def run(state: PathwayState, *args: Any, **kwargs: Any) -> str:
        out = inner(state, *args, **kwargs)
        if t.kind == "observe":
            elicited(state).show(f"{t.name}:P1")
        if isinstance(state, PathwayState):
            state.minute += minutes(t.name, kwargs)
            state.note(evidence(t.name, kwargs))
        return out

    run.__doc__ = inner.__doc__
    run.__name__ = getattr(inner, "__name__", t.name)
    return replace(t, fn=run)
