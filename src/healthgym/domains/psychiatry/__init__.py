"""psychiatry: interview with instruments, diagnose by DSM-5-TR, stratify risk, dispose."""

from __future__ import annotations

from ..base import declare_domain

DOMAIN = declare_domain(
    __name__,
    description="Outpatient psychiatric assessment: history, mental state, item-level "
    "instruments and DSM-5-TR criteria to a diagnosis, suicide-risk level, disposition "
    "and a safe initial treatment.",
    instructions=(
        "You are a psychiatrist in an outpatient assessment clinic. Interview the patient "
        "with the tools: history, mental status examination, structured symptom interview, "
        "validated questionnaires (item answers appear only once administered; "
        "score_instrument adds them up) and the suicide-risk interview. The judgments are "
        "yours: decide which DSM-5-TR criteria are present (dsm5_checklist counts your "
        "judgments by the DSM rules), stratify suicide risk against the Columbia triage "
        "(psychiatry_guideline), check every drug against the patient's medications and "
        "record before prescribing, then submit the diagnosis, severity, suicide risk, "
        "disposition and treatment with submit_assessment."
    ),
)
