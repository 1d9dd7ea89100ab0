"""radiology_report: read a study's findings, classify the index lesion with the published
system (Fleischner 2017, ACR TI-RADS, BI-RADS, Bosniak 2019), communicate critical
findings and submit a structured report."""

from __future__ import annotations

from ..base import declare_domain

DOMAIN = declare_domain(
    __name__,
    description="Structured radiology reporting: pulmonary nodules (Fleischner 2017), thyroid "
    "nodules (ACR TI-RADS), breast findings (BI-RADS), cystic renal masses (Bosniak 2019), "
    "growth and doubling time against priors, and critical-result communication.",
    instructions=(
        "You are a radiologist reporting a study. Read the request, the technique, the "
        "findings (measurements and descriptors) and any prior study with the record tools. "
        "Classify the index lesion yourself - the classification tools compute from the "
        "features you pass, not from the study - communicate any critical finding directly "
        "to the responsible clinician, and submit one structured report with submit_report."
    ),
)
