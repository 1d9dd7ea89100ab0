"""The shared state of a cross_domain episode: one patient carried through a pathway.

The state is built so that the shared tools work on it unchanged:

* it *is* an :class:`~healthgym.tools.library.encounter.EncounterState` (``patient`` is
  a :class:`healthgym.patients.model.Patient`; ``revealed_labs``, ``imaging_done``,
  ``ecg_done`` and ``score_values`` are the work-up tools' own bookkeeping), so the
  record, laboratory, imaging and score tools read it;
* it carries the fields the shared triage tools read (``kind``, ``patients`` holding a
  :class:`~healthgym.patients.encounter.TriagePatient` view of the same person with id
  ``P1``, ``seen``; :class:`healthgym.tools.library.triage.TriageEncounterState`);
* and the fields the shared drug tools write (``monographs``, ``seen_severity``,
  ``allergy_checked``; :class:`healthgym.tools.library.drugs.DrugCheckState`).

On top of that it keeps the pathway record: a clock in minutes since arrival
(every tool call takes time, see :mod:`.clock`), the minute each piece of evidence
was first seen, and every pathway action with its minute and phase.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field

from ...patients.encounter import TriagePatient
from ...patients.model import Patient
from ...tasks import Task
from ...tools.library.encounter import EncounterState


class Facts(BaseModel):
    """Hidden pathway facts that the patient record itself does not hold."""

    pathway: str
    variant: str
    arrival: str  # wall-clock arrival time, "HH:MM"
    source: str | None = None  # infection source: urinary | respiratory | hap
    fluid_responsive: bool = True  # septic patients: MAP >= 65 after 30 mL/kg
    post_bolus_vitals: dict[str, float] | None = None
    # septic patients: arrival lactate and the repeat lactate after the bolus (mmol/L)
    initial_lactate: float | None = None
    post_bolus_lactate: float | None = None
    lkw_hours: float | None = None  # stroke: hours from last known well to arrival
    nihss: dict[str, int] | None = None  # stroke: the 15 NIHSS item scores
    lvo: bool = False  # stroke: large-vessel occlusion on CT angiography
    post_op_day: int | None = None
    surgery: str | None = None
    notes: dict[str, Any] = Field(default_factory=dict)


@dataclass
class Action:
    """One pathway action the agent took."""

    tool: str
    minute: int
    phase: str
    details: dict[str, Any]


@dataclass
class PathwayState(EncounterState):
    facts: Facts | None = None
    phases: tuple[str, ...] = ()
    # the shared triage tools: one arrival, id P1
    kind: str = "single"
    patients: dict[str, TriagePatient] = field(default_factory=dict)
    seen: set[tuple[str, str]] = field(default_factory=set)
    # the shared drug tools
    monographs: set[str] = field(default_factory=set)
    seen_severity: dict[tuple[str, str], str] = field(default_factory=dict)
    allergy_checked: set[str] = field(default_factory=set)
    # the pathway record
    minute: int = 0
    evidence: dict[str, int] = field(default_factory=dict)  # key -> first minute seen
    actions: list[Action] = field(default_factory=list)
    bolus_applied: bool = False

    @property
    def pathway(self) -> str:
        assert self.facts is not None
        return self.facts.pathway

    def saw(self, key: str, before: int | None = None) -> bool:
        """Whether evidence ``key`` was seen (at or before minute ``before``)."""
        at = self.evidence.get(key)
        return at is not None and (before is None or at <= before)

    def note(self, keys: list[str]) -> None:
        for k in keys:
            self.evidence.setdefault(k, self.minute)

    def record(self, tool: str, phase: str, **details: Any) -> Action:
        action = Action(tool=tool, minute=self.minute, phase=phase, details=details)
        self.actions.append(action)
        return action

    def of(self, tool: str) -> list[Action]:
        return [a for a in self.actions if a.tool == tool]

    def last(self, tool: str) -> Action | None:
        found = self.of(tool)
        return found[-1] if found else None


def new_state(task: Task) -> PathwayState:
    hidden = task.hidden
    triage = hidden.get("triage")
    return PathwayState(
        patient=Patient.model_validate(hidden["patient"]),
        facts=Facts.model_validate(hidden["facts"]),
        phases=tuple(task.grader["phases"]),
        patients={"P1": TriagePatient.model_validate(triage)} if triage else {},
    )
