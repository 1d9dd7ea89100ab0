"""clinical_diagnosis: work up an emergency patient, diagnose, and plan safely."""

from __future__ import annotations

from ..base import declare_domain

DOMAIN = declare_domain(
    __name__,
    description="Emergency work-up: history, examination, tests and scores to a diagnosis "
    "and a safe first-line plan.",
    instructions=(
        "You are an emergency physician. Gather the history, examine the patient, order "
        "the tests you need (results appear only once ordered), use risk scores where they "
        "help, and check allergies before prescribing."
    ),
)
