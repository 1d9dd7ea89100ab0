"""drug_interaction: review medication lists and new orders, find interactions, choose
safe alternatives, dose for kidney function and deprescribe."""

from __future__ import annotations

from ...clinical.drugs import drugs
from ...tools import Toolkit
from ..base import Domain
from .grading import grade
from .records import new_state
from .tasks import N_TASKS, make_task
from .tools import ALL_TOOLS

DOMAIN = Domain(
    name="drug_interaction",
    description="Clinical pharmacy: interaction review, order verification, safe "
    f"alternatives, renal dosing and deprescribing over a {len(drugs())}-drug formulary.",
    toolkit=Toolkit(ALL_TOOLS, domain="drug_interaction"),
    n_tasks=N_TASKS,
    make_task=make_task,
    new_state=new_state,
    grade=grade,
    instructions=(
        "You are a clinical pharmacist. Use the tools to read the patient's record and "
        "the drug references, gather the evidence the question needs (interactions, "
        "allergies, kidney and liver function, pregnancy), then submit your answer with "
        "submit_answer."
    ),
)
