"""Episode state of clinical_diagnosis: the work-up of one patient and the differential.

The patient, the tests shown and the score values are the shared work-up state
(:class:`healthgym.tools.library.encounter.EncounterState`, read by the shared record
tools); what is this domain's own is the working differential the agent records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...patients.model import Patient
from ...tasks import Task
from ...tools.library.encounter import EncounterState


@dataclass
class DiagnosisState(EncounterState):
    differential: list[str] = field(default_factory=list)


def new_state(task: Task) -> DiagnosisState:
    return DiagnosisState(patient=Patient.model_validate(task.hidden["patient"]))
