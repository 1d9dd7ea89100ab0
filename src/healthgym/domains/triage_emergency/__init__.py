"""triage_emergency: ESI triage of ED arrivals, triage queues and mass-casualty scenes.

Three task kinds over seeded synthetic patients of all ages (neonates to the
elderly): assign one arrival an ESI level, a care area and the immediate orders
(including stroke, STEMI, sepsis and trauma activations); put a queue of 3-6
arrivals in order; and tag the casualties of a mass-casualty scene with START /
JumpSTART categories.  Ground truth: the ESI v4 algorithm (Gilboy et al., AHRQ
2012) via :func:`healthgym.clinical.scores.triage.esi_level`, the cited activation
protocols in :mod:`healthgym.clinical.triage`, and START / JumpSTART.
"""

from __future__ import annotations

from ..base import declare_domain

DOMAIN = declare_domain(
    __name__,
    description="Emergency triage: ESI level, care area and immediate orders for ED "
    "arrivals of all ages, triage queues, and START/JumpSTART mass-casualty triage.",
    instructions=(
        "You are the triage nurse of an emergency department. Gather the presentation, "
        "vital signs and mental status and the findings for each Emergency Severity Index "
        "(ESI v4) decision point; the tools report findings and measurements, and you judge "
        "them against the protocols (lookup_protocol: ESI, stroke, STEMI, sepsis, trauma, "
        "suicide risk). Submit your triage decision with submit_triage. In a mass-casualty "
        "incident, use START for adults and JumpSTART for children."
    ),
)

__all__ = ["DOMAIN"]
