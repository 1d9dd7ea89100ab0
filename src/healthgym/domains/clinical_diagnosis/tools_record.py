"""Tools of clinical_diagnosis besides the shared record tools: differential, ICD-10, answer.

The history, examination, vital-sign, laboratory, imaging and ECG tools are the shared
work-up tools of :mod:`healthgym.tools.library.record` (``observe``; they record what
they showed in the episode's elicitation record, so the score tools can require
exactly the findings they read).  Here: ``record_differential`` is an ``act`` tool (it
writes the agent's working differential into the episode), ``lookup_icd10`` a
``reference`` tool over the full ICD-10-CM code set (its answer never depends on the
episode or on the task catalogue) and ``submit_diagnosis`` the ``submit`` tool.
"""

from __future__ import annotations

from typing import Annotated

from ...tools import MaxLen, ToolError, tool
from ...tools.library.record import RECORD_TOOLS as WORKUP_TOOLS
from .icd10 import search_icd10, searchable
from .records import DiagnosisState


@tool(kind="act")
def record_differential(state: DiagnosisState, diagnoses: Annotated[list[str], MaxLen(10)]) -> str:
    """Record your working differential diagnosis (most likely first).

    Args:
        diagnoses: up to 10 candidate diagnoses.
    """
    cleaned = [d.strip()[:200] for d in diagnoses if d.strip()]
    if not cleaned:
        raise ToolError("the differential is empty")
    state.differential = cleaned
    return f"Differential recorded ({len(cleaned)} diagnoses)."


@tool(kind="reference")
def lookup_icd10(state: DiagnosisState, query: Annotated[str, MaxLen(200)]) -> str:
    """Search the full ICD-10-CM code set by code (e.g. 'J18.9') or by words of the
    description (every word must match; e.g. 'renal cell carcinoma'). Lists the closest
    codes, billable ones marked.

    Args:
        query: an ICD-10-CM code, or words of the condition's name.
    """
    if not searchable(query):
        raise ToolError(
            "the query has no searchable words; give words of a condition's name or a code"
        )
    return search_icd10(query)


@tool(terminal=True)
def submit_diagnosis(
    state: DiagnosisState,
    diagnosis: Annotated[str, MaxLen(300)],
    plan: Annotated[list[str], MaxLen(20)],
    icd10: Annotated[str, MaxLen(12)] | None = None,
    score_name: Annotated[str, MaxLen(40)] | None = None,
    score_value: float | None = None,
) -> str:
    """Submit the final diagnosis and the initial management plan. Ends the episode.

    Args:
        diagnosis: the single most likely diagnosis.
        plan: management items, one per entry (drugs, procedures, supportive care).
        icd10: optional ICD-10-CM code of the diagnosis.
        score_name: optional risk score that supports the decision (e.g. curb65).
        score_value: the value of that score.
    """
    return "Diagnosis and plan submitted."


RECORD_TOOLS = [*WORKUP_TOOLS, record_differential, lookup_icd10]
