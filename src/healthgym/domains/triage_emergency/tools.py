"""Every tool of triage_emergency, in the order the agent sees them."""

from __future__ import annotations

from ...tools import Tool
from ...tools.library.triage import DECISION_TOOLS, assess_mental_status, lookup_protocol
from .score_tools import SCORE_TOOLS
from .submit import submit_triage
from .tools_record import (
    assess_abc,
    get_presentation,
    get_vitals,
    mci_assess_casualty,
    obtain_triage_ecg,
    point_of_care_test,
)

ALL_TOOLS: list[Tool] = [
    get_presentation,
    get_vitals,
    assess_abc,
    assess_mental_status,
    *DECISION_TOOLS,
    obtain_triage_ecg,
    point_of_care_test,
    *SCORE_TOOLS,
    lookup_protocol,
    mci_assess_casualty,
    submit_triage,
]
TOOL_NAMES: list[str] = [t.name for t in ALL_TOOLS]
