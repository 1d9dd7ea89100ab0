"""Tool registry, argument validation and tool-call parsing."""

from .errors import ToolError
from .parse import ParseResult, ToolCall, format_hermes, parse_action
from .registry import ArgumentError, MaxLen, Range, Tool, Toolkit, tool, validate_arguments

__all__ = [
    "ArgumentError",
    "MaxLen",
    "ParseResult",
    "Range",
    "Tool",
    "ToolCall",
    "ToolError",
    "Toolkit",
    "format_hermes",
    "parse_action",
    "tool",
    "validate_arguments",
]
