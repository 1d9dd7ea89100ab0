"""drug_interaction: review medication lists and new orders, find interactions, choose
safe alternatives, dose for kidney function and deprescribe."""

from __future__ import annotations

from ...clinical.drugs import drugs
from ..base import declare_domain

DOMAIN = declare_domain(
    __name__,
    description="Clinical pharmacy: interaction review, order verification, safe "
    f"alternatives, renal dosing and deprescribing over a {len(drugs())}-drug formulary.",
    instructions=(
        "You are a clinical pharmacist. Use the tools to read the patient's record and "
        "the drug references, gather the evidence the question needs (interactions, "
        "allergies, kidney and liver function, pregnancy), then submit your answer with "
        "submit_answer."
    ),
)
