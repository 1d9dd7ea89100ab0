"""Turn a model's output into tool calls, a plain message, or parse errors.

Accepted forms, in order:

1. an OpenAI assistant message (``dict``) with structured ``tool_calls``
   (``{"function": {"name": ..., "arguments": "<json>"}}``), or a list of such calls;
2. Hermes text: one or more ``<tool_call>{"name": ..., "arguments": {...}}</tool_call>``
   blocks (what Qwen chat templates, verl's ``hermes`` parser and TRL emit); the text
   outside the blocks is kept as the message;
3. a bare JSON object ``{"name": ..., "arguments": {...}}`` (or a list of them),
   optionally inside a ```json fence.

Anything else is a plain message, not an error.  A block that is present but
malformed becomes a :class:`ParseError` naming the problem.  ``parse_action`` never
raises, whatever it is given.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

MAX_ACTION_CHARS = 200_000  # longer actions are cut before parsing
MAX_CALLS = 16  # calls per message beyond this are reported as errors

_TAG = re.compile(r"<tool_call>(.*?)(?:</tool_call>|$)", re.DOTALL)
_FENCE = re.compile(r"^```(?:json)?\s*(.*?)\s*```$", re.DOTALL)


@dataclass
class ToolCall:
    name: str
    arguments: Any
    id: str | None = None


@dataclass
class ParseResult:
    calls: list[ToolCall] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    message: str = ""

    @property
    def attempts(self) -> int:
        """Number of tool calls the model tried to make (well-formed or not)."""
        return len(self.calls) + len(self.errors)


def parse_action(action: Any) -> ParseResult:
    """Parse any model output into calls, errors and free text. Never raises."""
    try:
        if isinstance(action, dict):
            return _from_message(action)
        if isinstance(action, list):
            return _from_call_list(action)
        if not isinstance(action, str):
            return ParseResult(
                errors=[f"action must be text or a message, got {type(action).__name__}"]
            )
        return _from_text(action[:MAX_ACTION_CHARS])
    except Exception as e:  # defensive: a parser bug must not end an episode
        return ParseResult(errors=[f"could not parse the action: {type(e).__name__}"])


def _from_message(msg: dict[str, Any]) -> ParseResult:
    if msg.get("tool_calls"):
        result = _from_call_list(msg["tool_calls"])
        content = msg.get("content")
        result.message = content.strip() if isinstance(content, str) else ""
        return result
    if "name" in msg and ("arguments" in msg or "parameters" in msg):
        return _from_call_list([msg])
    content = msg.get("content", "")
    if isinstance(content, str):
        return _from_text(content[:MAX_ACTION_CHARS])
    if isinstance(content, list):  # OpenAI content parts
        text = " ".join(
            str(p.get("text", ""))
            for p in content
            if isinstance(p, dict) and p.get("type") == "text"
        )
        return _from_text(text[:MAX_ACTION_CHARS])
    return ParseResult(errors=["message has no usable content or tool_calls"])


def _from_call_list(items: list[Any]) -> ParseResult:
    result = ParseResult()
    for item in items:
        call, error = _call_from_obj(item)
        _add(result, call, error)
    return result


def _add(result: ParseResult, call: ToolCall | None, error: str | None) -> None:
    if call is not None and len(result.calls) >= MAX_CALLS:
        result.errors.append(f"too many tool calls in one message (limit {MAX_CALLS})")
    elif call is not None:
        result.calls.append(call)
    elif error:
        result.errors.append(error)


def _call_from_obj(obj: Any) -> tuple[ToolCall | None, str | None]:
    if not isinstance(obj, dict):
        return None, f"a tool call must be a JSON object, got {type(obj).__name__}"
    call_id = obj.get("id") if isinstance(obj.get("id"), str) else None
    if isinstance(obj.get("function"), dict):  # OpenAI structured call
        obj = obj["function"]
    name = obj.get("name")
    if not isinstance(name, str) or not name.strip():
        return None, "tool call has no 'name' string"
    args = obj.get("arguments", obj.get("parameters", {}))
    if isinstance(args, str):
        try:
            args = json.loads(args) if args.strip() else {}
        except json.JSONDecodeError as e:
            return None, f"arguments of '{_clip(name)}' are not valid JSON ({e.msg})"
    return ToolCall(name=name.strip(), arguments=args, id=call_id), None


def _from_text(text: str) -> ParseResult:
    result = ParseResult()
    if "<tool_call>" in text:
        for block in _TAG.findall(text):
            _add(result, *_decode_block(block))
        result.message = _TAG.sub("", text).strip()
        return result
    stripped = text.strip()
    fenced = _FENCE.match(stripped)
    candidate = fenced.group(1) if fenced else stripped
    if candidate[:1] in "{[" and candidate:
        try:
            obj = json.loads(candidate)
        except json.JSONDecodeError:
            obj = None
        if isinstance(obj, dict) and "name" in obj:
            _add(result, *_call_from_obj(obj))
            return result
        if isinstance(obj, list) and obj and all(isinstance(o, dict) and "name" in o for o in obj):
            return _from_call_list(obj)
    result.message = stripped
    return result


def _decode_block(block: str) -> tuple[ToolCall | None, str | None]:
    body = block.strip()
    fenced = _FENCE.match(body)
    if fenced:
        body = fenced.group(1)
    if not body:
        return None, "empty <tool_call> block"
    try:
        obj = json.loads(body)
    except json.JSONDecodeError as e:
        return None, f"malformed JSON in <tool_call> block: {e.msg} at position {e.pos}"
    return _call_from_obj(obj)


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


def format_hermes(name: str, arguments: dict[str, Any]) -> str:
    """Render one call in Hermes format (what OraclePolicy and baselines emit)."""
    return "<tool_call>" + json.dumps({"name": name, "arguments": arguments}) + "</tool_call>"
