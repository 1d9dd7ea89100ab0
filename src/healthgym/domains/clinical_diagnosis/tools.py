"""Every tool of clinical_diagnosis, in the order the agent sees them."""

from __future__ import annotations

from ...tools import Tool
from ...tools.calculators import CALCULATOR_TOOLS
from ...tools.library.encounter_scores import SCORE_TOOLS
from .tools_record import RECORD_TOOLS, submit_diagnosis

ALL_TOOLS: list[Tool] = [*RECORD_TOOLS, *SCORE_TOOLS, *CALCULATOR_TOOLS, submit_diagnosis]
TOOL_NAMES: list[str] = [t.name for t in ALL_TOOLS]
