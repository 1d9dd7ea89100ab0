"""Every tool of obstetrics, in the order the agent sees them."""

from __future__ import annotations

from ...tools import Tool
from .assess_tools import ASSESS_TOOLS, submit_assessment
from .calc_tools import CALC_TOOLS
from .tools_record import RECORD_TOOLS

ALL_TOOLS: list[Tool] = [*RECORD_TOOLS, *CALC_TOOLS, *ASSESS_TOOLS, submit_assessment]
TOOL_NAMES: list[str] = [t.name for t in ALL_TOOLS]
# tools whose output depends on their arguments only, never on the patient record
STATELESS_TOOLS: frozenset[str] = frozenset(t.name for t in [*CALC_TOOLS, *ASSESS_TOOLS])
