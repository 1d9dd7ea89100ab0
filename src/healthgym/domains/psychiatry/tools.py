"""Every tool of the psychiatry domain, in the order the agent sees them."""

from __future__ import annotations

from ...tools import Tool
from .instrument_tools import INSTRUMENT_TOOLS
from .tools_interview import RECORD_TOOLS, submit_assessment

ALL_TOOLS: list[Tool] = [*RECORD_TOOLS, *INSTRUMENT_TOOLS, submit_assessment]
TOOL_NAMES: list[str] = [t.name for t in ALL_TOOLS]
