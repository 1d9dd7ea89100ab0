"""Episode state of clinical_diagnosis: the hidden patient and what has been revealed."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...patients.model import Patient


@dataclass
class DiagnosisState:
    patient: Patient
    revealed_labs: set[str] = field(default_factory=set)
    imaging_done: set[str] = field(default_factory=set)
    ecg_done: bool = False
    differential: list[str] = field(default_factory=list)
    # score name (e.g. 'curb65') -> value the agent computed with the score tool
    score_values: dict[str, float] = field(default_factory=dict)

    def observed_tests(self) -> set[str]:
        """Lab and imaging keys (and 'ecg') whose results the agent has seen."""
        seen = set(self.revealed_labs) | set(self.imaging_done)
        if self.ecg_done:
            seen.add("ecg")
        return seen
