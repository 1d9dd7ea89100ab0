"""Score values of a record outside an episode, for the task generators.

:func:`observe_all` marks every part of the record a score tool reads as shown, and
:func:`score_value` runs a score tool on a patient that way - the value the reference
solution expects.  An episode's own state is never marked this way.
"""

from __future__ import annotations

from typing import Any

from ...clinical.labs import LAB_TESTS, panels
from ...patients.model import Patient
from ...tools import Tool
from ...tools.elicit import elicited
from ...tools.library.encounter import lab_key, panel_key
from ...tools.library.encounter_scores import SCORE_TOOLS
from .records import DiagnosisState


def observe_all(state: DiagnosisState) -> DiagnosisState:
    """Mark every record part any score reads as shown (all labs and the ECG too).

    For generators that compute a score's value for a record outside an episode; an
    episode's own state is never marked this way.
    """
    state.revealed_labs |= set(LAB_TESTS)
    state.ecg_done = True
    keys = {k for t in SCORE_TOOLS for need in t.needs for k in need.keys}
    keys |= {panel_key(p) for p in panels()} | {lab_key(k) for k in LAB_TESTS}
    elicited(state).show(*keys)
    return state


def score_value(tool: Tool, patient: Patient, **arguments: Any) -> float:
    """Value ``tool`` computes for ``patient`` with every input shown (see observe_all)."""
    state = observe_all(DiagnosisState(patient=patient))
    tool(state, **arguments)
    return state.score_values[tool.name.removeprefix("calculate_")]
