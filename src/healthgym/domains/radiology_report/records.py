"""The imaging study (hidden record) and the episode state the tools act on.

A study holds what a reading radiologist would have: the request (patient, ordering
clinician, indication, history), the acquisition technique, the findings as raw
observations and measurements, and an optional prior study.  Nothing in it names a
classification category, a management recommendation or a critical diagnosis: those
are for the agent to work out (see the leak rule in grading.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from ...tasks import Task


class Clinician(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str  # "Dr Ana Rossi"
    service: str
    phone: str


class PatientInfo(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str
    age: int
    sex: str
    mrn: str


class Finding(BaseModel):
    """One observation of the study: a line in the findings list and its details."""

    model_config = ConfigDict(frozen=True)
    id: str  # "F1"
    location: str
    summary: str  # the list line: what is seen, in raw words
    details: list[str]  # measurements and descriptors shown by describe_finding
    kind: str  # internal: pulmonary_nodule, thyroid_nodule, breast, renal_mass, critical


class PriorStudy(BaseModel):
    model_config = ConfigDict(frozen=True)
    date: str  # ISO date
    exam: str
    lines: list[str]


class Study(BaseModel):
    model_config = ConfigDict(frozen=True)
    accession: str
    exam: str
    modality: str  # CT, MRI, US, MG
    date: str  # ISO date of the examination
    time: str  # HH:MM
    patient: PatientInfo
    ordering: Clinician
    indication: str
    history: list[str]
    technique: list[str]
    findings: list[Finding]
    normal: list[str]  # organ-by-organ statements of what is unremarkable
    prior: PriorStudy | None = None

    def finding(self, finding_id: str) -> Finding | None:
        key = finding_id.strip().upper()
        return next((f for f in self.findings if f.id == key), None)


@dataclass(frozen=True)
class Notification:
    """A critical result communicated during the episode (ACR practice parameter)."""

    finding: str
    recipient: str  # the clinician's name as recorded in the request
    method: str
    time: str  # "HH:MM on YYYY-MM-DD"


@dataclass
class RadiologyState:
    study: Study
    described: set[str] = field(default_factory=set)  # finding ids the agent examined
    record_tools: set[str] = field(default_factory=set)  # record tools called
    # system -> the last result its rule tool showed: category, follow_up (and points)
    rule_results: dict[str, dict[str, Any]] = field(default_factory=dict)
    growth_results: list[dict[str, Any]] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)


def new_state(task: Task) -> RadiologyState:
    return RadiologyState(study=Study.model_validate(task.hidden["study"]))
