"""Record tools of radiology_report: the request, the technique, the findings, the prior.

They read the study record and return raw observations and measurements only - never
a classification category, a recommendation or the name of a critical diagnosis.
"""

from __future__ import annotations

from typing import Annotated

from ...tools import MaxLen, ToolError, tool
from .records import RadiologyState


def _mark(state: RadiologyState, name: str) -> None:
    state.record_tools.add(name)


@tool(kind="observe")
def get_study_info(state: RadiologyState) -> str:
    """Return the request: examination, date, accession, patient and ordering clinician."""
    _mark(state, "get_study_info")
    s = state.study
    p, o = s.patient, s.ordering
    return (
        f"{s.exam} ({s.modality}), accession {s.accession}, performed {s.date} at {s.time}. "
        f"Patient: {p.name}, {p.age}-year-old {p.sex}, {p.mrn}. "
        f"Ordering clinician: {o.name}, {o.service}, {o.phone}."
    )


@tool(kind="observe")
def get_clinical_history(state: RadiologyState) -> str:
    """Return the clinical indication and the relevant history on the request."""
    _mark(state, "get_clinical_history")
    s = state.study
    return f"Indication: {s.indication} " + " ".join(s.history)


@tool(kind="observe")
def get_technique(state: RadiologyState) -> str:
    """Return how the examination was acquired (protocol, contrast, views, sequences)."""
    _mark(state, "get_technique")
    return " ".join(state.study.technique)


@tool(kind="observe")
def list_findings(state: RadiologyState) -> str:
    """List the study's findings by id and location, then the unremarkable structures.

    Use describe_finding with an id for the measurements and descriptors.
    """
    _mark(state, "list_findings")
    s = state.study
    lines = [f"{f.id} - {f.location}: {f.summary}" for f in s.findings]
    if not lines:
        lines = ["No focal finding."]
    return "Findings:\n" + "\n".join(lines) + "\nOtherwise:\n" + "\n".join(s.normal)


@tool(kind="observe")
def describe_finding(state: RadiologyState, finding_id: Annotated[str, MaxLen(10)]) -> str:
    """Return the measurements and imaging descriptors of one finding.

    Args:
        finding_id: the id shown by list_findings (e.g. F1).
    """
    f = state.study.finding(finding_id)
    if f is None:
        ids = ", ".join(x.id for x in state.study.findings) or "none"
        raise ToolError(f"no finding {finding_id[:10]!r}; the findings are: {ids}")
    state.described.add(f.id)
    return f"{f.id} - {f.location}: {f.summary}. " + " ".join(f.details)


@tool(kind="observe")
def get_prior_study(state: RadiologyState) -> str:
    """Return the most recent prior examination available for comparison, if any."""
    _mark(state, "get_prior_study")
    prior = state.study.prior
    if prior is None:
        return "No prior imaging is available for comparison."
    return f"Prior: {prior.exam}, {prior.date}. " + " ".join(prior.lines)


RECORD_TOOLS = [
    get_study_info,
    get_clinical_history,
    get_technique,
    list_findings,
    describe_finding,
    get_prior_study,
]
