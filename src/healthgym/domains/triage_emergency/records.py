"""Data model of triage_emergency: mass-casualty victims and the episode state.

An ED arrival is the shared encounter record
(:class:`healthgym.patients.encounter.TriagePatient`, with its vital signs, ECG and
anticipated resources), read by the shared triage tools too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel

from ...patients.encounter import TriagePatient
from ...tasks import Task

TaskKind = Literal["single", "queue", "mci"]


class Casualty(BaseModel):
    """A mass-casualty victim with the findings START/JumpSTART use."""

    id: str
    age_years: int
    sex: Literal["male", "female"]
    description: str
    can_walk: bool
    rr: int
    breathes_after_airway: bool | None = None
    pulse: bool = True
    cap_refill_s: float | None = None  # START only
    obeys: bool = True  # START only
    avpu: Literal["A", "V", "P_appropriate", "P_inappropriate", "U"] = "A"  # JumpSTART
    breathes_after_rescue: bool | None = None  # JumpSTART only

    @property
    def protocol(self) -> Literal["start", "jumpstart"]:
        """JumpSTART for children aged 1-8 years, START from 9 years (Romig 2002)."""
        return "jumpstart" if self.age_years <= 8 else "start"


@dataclass
class TriageState:
    """Mutable state of one episode: the hidden people and what the agent has seen."""

    kind: TaskKind
    patients: dict[str, TriagePatient] = field(default_factory=dict)
    casualties: dict[str, Casualty] = field(default_factory=dict)
    seen: set[tuple[str, str]] = field(default_factory=set)  # (tool name, patient id)
    score_values: dict[str, float] = field(default_factory=dict)

    def saw(self, tool: str, pid: str) -> bool:
        return (tool, pid) in self.seen


def new_state(task: Task) -> TriageState:
    hidden = task.hidden
    patients = [TriagePatient.model_validate(p) for p in hidden.get("patients", [])]
    casualties = [Casualty.model_validate(c) for c in hidden.get("casualties", [])]
    return TriageState(
        kind=hidden["kind"],
        patients={p.id: p for p in patients},
        casualties={c.id: c for c in casualties},
    )
