"""triage_emergency: ESI triage of ED arrivals, triage queues and mass-casualty scenes.

Three task kinds over seeded synthetic patients of all ages (neonates to the
elderly): assign one arrival an ESI level, a care area and the immediate orders
(including stroke, STEMI, sepsis and trauma activations); put a queue of 3-6
arrivals in order; and tag the casualties of a mass-casualty scene with START /
JumpSTART categories.  Ground truth: the ESI v4 algorithm (Gilboy et al., AHRQ
2012) via :func:`healthgym.clinical.scores.more.esi_level`, the cited activation
protocols in :mod:`.protocols`, and START / JumpSTART.
"""

from __future__ import annotations

from ...tasks import Task
from ...tools import Toolkit
from ..base import Domain
from .grading import grade
from .records import Casualty, TriagePatient, TriageState
from .tasks import N_TASKS, make_task
from .toolkit import ALL_TOOLS


def new_state(task: Task) -> TriageState:
    hidden = task.hidden
    patients = [TriagePatient.model_validate(p) for p in hidden.get("patients", [])]
    casualties = [Casualty.model_validate(c) for c in hidden.get("casualties", [])]
    return TriageState(
        kind=hidden["kind"],
        patients={p.id: p for p in patients},
        casualties={c.id: c for c in casualties},
    )


DOMAIN = Domain(
    name="triage_emergency",
    description="Emergency triage: ESI level, care area and immediate orders for ED "
    "arrivals of all ages, triage queues, and START/JumpSTART mass-casualty triage.",
    toolkit=Toolkit(ALL_TOOLS, domain="triage_emergency"),
    n_tasks=N_TASKS,
    make_task=make_task,
    new_state=new_state,
    grade=grade,
    instructions=(
        "You are the triage nurse of an emergency department. Gather the presentation, "
        "vital signs and mental status and the findings for each Emergency Severity Index "
        "(ESI v4) decision point; the tools report findings and measurements, and you judge "
        "them against the protocols (lookup_protocol: ESI, stroke, STEMI, sepsis, trauma, "
        "suicide risk). Submit your triage decision with submit_triage. In a mass-casualty "
        "incident, use START for adults and JumpSTART for children."
    ),
)

__all__ = ["DOMAIN", "new_state"]
