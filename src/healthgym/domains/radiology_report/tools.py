"""Every tool of radiology_report, in the order the agent sees them."""

from __future__ import annotations

from ...tools import Tool
from .report_tools import REPORT_TOOLS, submit_report
from .rule_tools import RULE_TOOLS
from .tools_record import RECORD_TOOLS

ALL_TOOLS: list[Tool] = [*RECORD_TOOLS, *RULE_TOOLS, *REPORT_TOOLS, submit_report]
TOOL_NAMES: list[str] = [t.name for t in ALL_TOOLS]
