"""clinical_diagnosis: work up an emergency patient, diagnose, and plan safely."""

from __future__ import annotations

from ...tools import Toolkit
from ..base import Domain
from .grading import grade
from .records import new_state
from .tasks import N_TASKS, make_task
from .tools import ALL_TOOLS

DOMAIN = Domain(
    name="clinical_diagnosis",
    description="Emergency work-up: history, examination, tests and scores to a diagnosis "
    "and a safe first-line plan.",
    toolkit=Toolkit(ALL_TOOLS, domain="clinical_diagnosis"),
    n_tasks=N_TASKS,
    make_task=make_task,
    new_state=new_state,
    grade=grade,
    instructions=(
        "You are an emergency physician. Gather the history, examine the patient, order "
        "the tests you need (results appear only once ordered), use risk scores where they "
        "help, and check allergies before prescribing."
    ),
)
