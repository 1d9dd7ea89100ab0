"""Reporting tools: the report template, critical-result communication, submission.

Communication follows the ACR Practice Parameter for Communication of Diagnostic
Imaging Findings (American College of Radiology, revised 2020): findings
that need immediate or urgent intervention are communicated directly to the ordering
clinician (or a designee) by telephone or in person, and the report documents who was
notified, when and how.  Each call is an action recorded in the episode state.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from ...tools import MaxLen, Range, ToolError, tool
from .records import Notification, RadiologyState
from .vocab import (
    ALL_SECTIONS,
    CRITICAL_NAMES,
    FOLLOW_UP_BY_SYSTEM,
    SYSTEM_NAMES,
    CommunicationMethod,
    CriticalFinding,
    System,
)

CATEGORY_LABELS = {
    "fleischner_2017": "the Table 1 size category of the index nodule: '<6 mm', '6-8 mm' or "
    "'>8 mm' (solid), '<6 mm' or '>=6 mm' (subsolid)",
    "acr_tirads": "the TI-RADS level, TR1 to TR5",
    "birads": "the assessment category, 0 to 6",
    "bosniak_2019": "the Bosniak class: I, II, IIF, III or IV",
}
SECTION_HELP = {
    "indication": "the clinical question from the request",
    "technique": "how the examination was performed",
    "comparison": "prior studies compared (or 'None')",
    "findings": "each finding with its measurements, then the unremarkable structures",
    "impression": "the index lesion first with its size and category, then any critical "
    "finding with to whom, how and when it was communicated",
    "recommendation": "the management the classification system recommends",
}
READ_DELAY_MIN = 30  # the report is read this long after the examination


@tool(kind="reference")
def get_report_template(state: RadiologyState, classification_system: System) -> str:
    """Return the structured report template and the fields for one classification system.

    Args:
        classification_system: fleischner_2017, acr_tirads, birads or bosniak_2019.
    """
    sections = "; ".join(f"{s}: {SECTION_HELP[s]}" for s in ALL_SECTIONS)
    codes = ", ".join(FOLLOW_UP_BY_SYSTEM[classification_system])
    extra = {
        "fleischner_2017": " lesion_size_mm: the mean diameter; growth_mm and "
        "volume_doubling_time_days when a prior CT shows the nodule.",
        "acr_tirads": " lesion_size_mm: the maximum diameter; tirads_points: the total.",
        "birads": "",
        "bosniak_2019": "",
    }[classification_system]
    return (
        f"{SYSTEM_NAMES[classification_system]} report. Sections - {sections}. Structured "
        f"fields: classification_system={classification_system}; category: "
        f"{CATEGORY_LABELS[classification_system]}; follow_up: one of {codes}; "
        f"critical_finding: 'none' or the critical finding.{extra}"
    )


def _surname(name: str) -> str:
    return name.split()[-1].lower()


@tool(kind="act")
def communicate_critical_result(
    state: RadiologyState,
    finding: CriticalFinding,
    recipient: Annotated[str, MaxLen(120)],
    method: CommunicationMethod,
) -> str:
    """Communicate a critical result to the responsible clinician and record it.

    Emergent findings are communicated directly (telephone or in person) to the
    ordering clinician; document the communication in the report (ACR practice
    parameter on communication of diagnostic imaging findings, 2020).

    Args:
        finding: the critical finding communicated.
        recipient: the name of the clinician notified.
        method: telephone, in_person, secure_message or email.
    """
    clinician = state.study.ordering
    words = set(re.findall(r"[a-z]+", recipient.lower()))
    if _surname(clinician.name) not in words:
        raise ToolError(
            f"'{recipient[:60]}' is not a clinician responsible for this patient; the "
            "ordering clinician is on the request (get_study_info)"
        )
    start = dt.datetime.fromisoformat(f"{state.study.date}T{state.study.time}")
    when = start + dt.timedelta(minutes=READ_DELAY_MIN + 5 * len(state.notifications))
    stamp = f"{when:%H:%M} on {when:%Y-%m-%d}"
    state.notifications.append(Notification(finding, clinician.name, method, stamp))
    return (
        f"Communicated {CRITICAL_NAMES[finding]} by {method.replace('_', ' ')} to "
        f"{clinician.name} ({clinician.service}) at {stamp}. Record it in the report."
    )


Section = Annotated[str, MaxLen(4000)]


@tool(terminal=True)
def submit_report(
    state: RadiologyState,
    indication: Section,
    technique: Section,
    comparison: Section,
    findings: Section,
    impression: Section,
    recommendation: Section,
    classification_system: System,
    category: Annotated[str, MaxLen(60)],
    follow_up: Annotated[str, MaxLen(300)],
    critical_finding: Annotated[str, MaxLen(120)],
    lesion_size_mm: Annotated[float, Range(0, 500)] | None = None,
    tirads_points: Annotated[int, Range(0, 20)] | None = None,
    growth_mm: Annotated[float, Range(-100, 100)] | None = None,
    volume_doubling_time_days: Annotated[float, Range(0, 100000)] | None = None,
) -> str:
    """Submit the final structured report. Ends the episode.

    Args:
        indication: the indication section.
        technique: the technique section.
        comparison: the comparison section ('None' if no prior).
        findings: the findings section.
        impression: the impression: index lesion with size and category, critical findings.
        recommendation: the recommendation section.
        classification_system: fleischner_2017, acr_tirads, birads or bosniak_2019.
        category: the category in that system (see get_report_template).
        follow_up: the management the system recommends: its key (listed by
            get_report_template) or the recommendation in words.
        critical_finding: 'none' or the critical finding present.
        lesion_size_mm: Fleischner: mean diameter; TI-RADS: maximum diameter (mm).
        tirads_points: TI-RADS: total points.
        growth_mm: change in mean diameter since the prior study (mm).
        volume_doubling_time_days: volume doubling time (days), when the nodule grew.
    """
    return "Report submitted."


REPORT_TOOLS = [get_report_template, communicate_critical_result]
