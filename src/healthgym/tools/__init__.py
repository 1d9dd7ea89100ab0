"""Tool registry, argument validation and tool-call parsing."""

from .elicit import Elicited, Need, elicited
from .errors import ToolError
from .parse import ParseResult, ToolCall, format_hermes, parse_action
from .registry import (
    TOOL_KINDS,
    ArgumentError,
    MaxLen,
    Range,
    Tool,
    ToolKind,
    Toolkit,
    tool,
    validate_arguments,
)

__all__ = [
    "TOOL_KINDS",
    "ArgumentError",
    "Elicited",
    "MaxLen",
    "Need",
    "ParseResult",
    "Range",
    "Tool",
    "ToolCall",
    "ToolError",
    "ToolKind",
    "Toolkit",
    "elicited",
    "format_hermes",
    "parse_action",
    "tool",
    "validate_arguments",
]
