"""Chat messages for model-backed policies: transcripts, tool schemas, chat templates.

Conventions (the ones vLLM, SGLang, TRL and verl's ``hermes`` parser use):

* the first user message is the environment's observation (plus image parts for
  multimodal domains);
* a server or chat template with tool support gets the OpenAI tool schemas
  (``tools=``) and the tool results come back as ``tool`` role messages;
* without tool support (plain-text **Hermes mode**) the tools are listed in a system
  prompt (:func:`tools_system_prompt`), the model writes
  ``<tool_call>{"name": ..., "arguments": {...}}</tool_call>`` and the results come
  back as a user message wrapped in ``<tool_response>...</tool_response>``.

:data:`CHATML_TOOLS_TEMPLATE` is the project's own ChatML template with tools, used
for models whose shipped template has no tool support (e.g. SmolLM2).
"""

from __future__ import annotations

import json
import re
from typing import Any

HERMES_CALL_FORMAT = (
    '<tool_call>{"name": "<tool name>", "arguments": {<arguments as JSON>}}</tool_call>'
)

TOOLS_PROMPT_INTRO = (
    "You are a clinical agent caring for synthetic patients. You act only by calling "
    "tools. The tools are listed below as JSON schemas inside <tools></tools>."
)


def tools_system_prompt(tools: list[dict[str, Any]], intro: str = TOOLS_PROMPT_INTRO) -> str:
    """The documented fallback for templates/servers without tool support.

    Lists every tool's OpenAI function schema, one JSON object a line, inside
    ``<tools>`` (Hermes format), and states the call and result format.
    """
    lines = "\n".join(json.dumps(t.get("function", t), separators=(",", ":")) for t in tools)
    return (
        f"{intro}\n<tools>\n{lines}\n</tools>\n"
        f"To call a tool, write {HERMES_CALL_FORMAT}. You may call several tools in one "
        "message. Tool results come back inside <tool_response></tool_response>. Finish by "
        "calling the submit tool with your answer."
    )


def compact_tools(tools: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Schemas without descriptions and bounds: for small models with a short context.

    Types, enums and required names stay, so a call built from the compact schema is
    still valid; the environment's observation already describes each tool.
    """

    def prop(schema: dict[str, Any]) -> dict[str, Any]:
        out = {k: schema[k] for k in ("type", "enum") if k in schema}
        if "items" in schema and isinstance(schema["items"], dict):
            out["items"] = prop(schema["items"])
        return out

    compact = []
    for t in tools:
        fn = t.get("function", t)
        params = fn.get("parameters", {})
        compact.append(
            {
                "type": "function",
                "function": {
                    "name": fn["name"],
                    "parameters": {
                        "type": "object",
                        "properties": {k: prop(v) for k, v in params.get("properties", {}).items()},
                        "required": list(params.get("required", [])),
                    },
                },
            }
        )
    return compact


def user_content(observation: str, info: dict[str, Any], multimodal: bool) -> Any:
    """The first user message's content: text, or OpenAI content parts with images."""
    if multimodal and info.get("content"):
        return info["content"]
    return observation


def initial_messages(
    observation: str,
    info: dict[str, Any],
    *,
    native_tools: bool,
    system: str | None = None,
    multimodal: bool = False,
) -> list[dict[str, Any]]:
    """System (if any) + the observation; Hermes mode puts the tool list in the system."""
    messages: list[dict[str, Any]] = []
    if not native_tools:
        prompt = tools_system_prompt(info.get("tools", []))
        system = f"{system}\n\n{prompt}" if system else prompt
    if system:
        messages.append({"role": "system", "content": system})
    messages.append({"role": "user", "content": user_content(observation, info, multimodal)})
    return messages


def tool_response_text(observation: str) -> str:
    return f"<tool_response>\n{observation}\n</tool_response>"


def env_messages(
    observation: str, tool_call_ids: list[str], *, tool_role: bool
) -> list[dict[str, Any]]:
    """The environment's reply to one assistant turn, as chat messages.

    With structured calls (``tool_call_ids``) and a tool role: one ``tool`` message per
    call id; the environment reports all results of a turn together, so the first
    message carries them and the others point to it. Otherwise one user message
    wrapping the observation in ``<tool_response>``.
    """
    if tool_role and tool_call_ids:
        first, *rest = tool_call_ids
        out = [{"role": "tool", "tool_call_id": first, "content": observation}]
        note = "(reported together with the first call's result above)"
        out += [{"role": "tool", "tool_call_id": i, "content": note} for i in rest]
        return out
    if tool_role:
        return [{"role": "tool", "content": observation}]
    return [{"role": "user", "content": tool_response_text(observation)}]


# ---------------------------------------------------------------- context budget

CHARS_PER_TOKEN = 3
MESSAGE_OVERHEAD_TOKENS = 4
IMAGE_TOKENS = 1000
TRIMMED_NOTE = "[tool output trimmed: {n} chars]"


def estimate_tokens(text: str) -> int:
    """The token estimate used when no tokenizer is at hand: one token per
    :data:`CHARS_PER_TOKEN` (3) characters, rounded up. Deliberately pessimistic:
    English prose runs near 4 characters a token, but clinical terms, numbers and
    JSON run nearer 3, and over-estimating only trims a little early."""
    return -(-len(text) // CHARS_PER_TOKEN)


def _message_text(message: dict[str, Any]) -> tuple[str, int]:
    """A message's text (content, tool calls) and its number of images."""
    content = message.get("content")
    images = 0
    if isinstance(content, list):
        texts = []
        for part in content:
            if isinstance(part, dict) and part.get("type") == "text":
                texts.append(str(part.get("text", "")))
            else:
                images += 1
        text = "\n".join(texts)
    else:
        text = "" if content is None else str(content)
    calls = message.get("tool_calls")
    if calls:
        text += json.dumps(calls, separators=(",", ":"))
    return text, images


def estimate_prompt_tokens(
    messages: list[dict[str, Any]],
    tools: list[dict[str, Any]] | None = None,
    count: Any = None,
) -> int:
    """Estimated prompt tokens of a request: each message's text (``count``, a
    ``str -> int`` tokenizer length, or :func:`estimate_tokens`) plus
    :data:`MESSAGE_OVERHEAD_TOKENS` (4) a message for the role markers, plus
    :data:`IMAGE_TOKENS` (1000) an image part, plus the tool schemas as compact JSON."""
    count = count or estimate_tokens
    total = 0
    for m in messages:
        text, images = _message_text(m)
        total += count(text) + MESSAGE_OVERHEAD_TOKENS + images * IMAGE_TOKENS
    if tools:
        total += count(json.dumps(tools, separators=(",", ":")))
    return total


def _is_tool_output(message: dict[str, Any]) -> bool:
    if message.get("role") == "tool":
        return True
    content = message.get("content")
    return (
        message.get("role") == "user"
        and isinstance(content, str)
        and content.startswith("<tool_response>")
    )


def trim_tool_output(
    messages: list[dict[str, Any]],
    budget: int,
    *,
    keep_last_turns: int = 1,
    tools: list[dict[str, Any]] | None = None,
    count: Any = None,
) -> tuple[list[dict[str, Any]], int]:
    """Fit a conversation into ``budget`` prompt tokens by trimming old tool output.

    The policy (the one ``healthgym run --context-window`` applies before each request):

    * the system prompt(s), the first user message (the task prompt) and the last
      ``keep_last_turns`` turns (an assistant message and the replies after it) are
      always sent whole;
    * older tool results (``tool`` messages, and in Hermes mode the user messages
      wrapping ``<tool_response>``) are replaced, oldest first, by
      ``"[tool output trimmed: N chars]"`` (N: the characters left out) until the
      estimate (:func:`estimate_prompt_tokens`) fits the budget;
    * the assistant's own messages are never trimmed, so the calls it made stay
      visible beside the note that their output was cut.

    Returns the messages to send (the input is not modified; changed messages are
    copies) and how many tool results were trimmed. When even full trimming does not
    fit, the trimmed conversation is returned as is: the server then reports the
    context-length error and the episode ends truncated and graded.
    """
    if estimate_prompt_tokens(messages, tools, count) <= budget:
        return messages, 0
    first_user = next((i for i, m in enumerate(messages) if m.get("role") == "user"), -1)
    assistants = [i for i, m in enumerate(messages) if m.get("role") == "assistant"]
    keep = max(0, keep_last_turns)
    cutoff = assistants[-keep] if keep and len(assistants) >= keep else len(messages)
    if keep and len(assistants) < keep:
        cutoff = assistants[0] if assistants else len(messages)
    out = list(messages)
    trimmed = 0
    total = estimate_prompt_tokens(out, tools, count)
    counter = count or estimate_tokens
    for i in range(first_user + 1, cutoff):
        if total <= budget:
            break
        m = out[i]
        if not _is_tool_output(m) or not isinstance(m.get("content"), str):
            continue
        content = m["content"]
        if content.startswith("[tool output trimmed") or "<tool_response>\n[tool output" in content:
            continue
        note = TRIMMED_NOTE.format(n=len(content))
        if m.get("role") == "user":
            note = tool_response_text(note)
        if len(note) >= len(content):
            continue
        total -= counter(content) - counter(note)
        out[i] = {**m, "content": note}
        trimmed += 1
    return out, trimmed


# ---------------------------------------------------------------- chat templates

_TOOLS_VAR = re.compile(r"\btools\b")
_TOOL_ROLE = re.compile(r"""['"]tool['"]""")


def template_supports_tools(template: str | None) -> bool:
    """Whether a Jinja chat template reads the ``tools`` variable."""
    return bool(template) and bool(_TOOLS_VAR.search(template or ""))


def template_has_tool_role(template: str | None) -> bool:
    """Whether a chat template handles ``tool`` role messages explicitly."""
    return bool(template) and bool(_TOOL_ROLE.search(template or ""))


# Our ChatML template with tools (Hermes conventions). The system turn lists the tools
# inside <tools> (as JSON schemas, or as one-line signatures for small models);
# assistant structured calls render as <tool_call> blocks; consecutive tool messages
# become one user turn of <tool_response> blocks. Written with "~" for each newline
# (emitted as a Jinja expression, so the tokenizers' trim_blocks cannot eat it).
_TOOLS_JSON = "{% for tool in tools %}~{{ tool | tojson }}{% endfor %}"
_TOOLS_SIGNATURES = (
    "{% for tool in tools %}{% set fn = tool['function'] if 'function' in tool else tool %}"
    "{% set p = fn['parameters'] %}~{{ fn['name'] }}("
    "{% for name, spec in p['properties'].items() %}{{ name }}"
    "{% if name not in p.get('required', []) %}?{% endif %}"
    "{% if spec['enum'] is defined %}: {{ spec['enum'] | join('|') }}{% endif %}"
    "{% if not loop.last %}, {% endif %}{% endfor %})"
    "{% endfor %}"
)
_CHATML = (
    "{% if messages and messages[0]['role'] == 'system' %}"
    "{% set system = messages[0]['content'] %}{% set rest = messages[1:] %}"
    "{% else %}{% set system = 'You are a careful clinical assistant.' %}"
    "{% set rest = messages %}{% endif %}"
    "<|im_start|>system~{{ system }}"
    "{% if tools %}~~Tools:~<tools>TOOLS~</tools>~"
    'Call a tool with <tool_call>{"name": "<tool name>", "arguments": {...}}</tool_call>.'
    " Results come back in <tool_response></tool_response>.{% endif %}<|im_end|>~"
    "{% for m in rest %}"
    "{% if m['role'] == 'tool' %}"
    "{% if loop.first or rest[loop.index0 - 1]['role'] != 'tool' %}<|im_start|>user{% endif %}"
    "~<tool_response>~{{ m['content'] }}~</tool_response>"
    "{% if loop.last or rest[loop.index0 + 1]['role'] != 'tool' %}<|im_end|>~{% endif %}"
    "{% elif m['role'] == 'assistant' %}<|im_start|>assistant~"
    "{% if m['content'] %}{{ m['content'] }}{% endif %}"
    "{% for call in m.get('tool_calls') or [] %}"
    "{% set fn = call['function'] if call['function'] is defined else call %}"
    '<tool_call>{"name": "{{ fn["name"] }}", "arguments": '
    "{{ fn['arguments'] if fn['arguments'] is string else fn['arguments'] | tojson }}}"
    "</tool_call>{% endfor %}<|im_end|>~"
    "{% else %}<|im_start|>{{ m['role'] }}~{{ m['content'] }}<|im_end|>~{% endif %}"
    "{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant~{% endif %}"
)


def chatml_tools_template(tool_style: str = "json") -> str:
    """The project's ChatML chat template with tools; ``tool_style`` is ``"json"`` (the
    OpenAI schemas, Hermes style) or ``"signatures"`` (``name(arg, optional?: a|b)``
    lines: a fraction of the tokens, for small models)."""
    tools = {"json": _TOOLS_JSON, "signatures": _TOOLS_SIGNATURES}[tool_style]
    return _CHATML.replace("TOOLS", tools).replace("~", "{{ '\\n' }}")


CHATML_TOOLS_TEMPLATE = chatml_tools_template("json")


def neutralize_special_tokens(text: str, special: list[str]) -> str:
    """Break up control-token strings inside environment text (e.g. ``<|im_end|>``)
    so a tool result can never close a turn or open a role."""
    for tok in special:
        if len(tok) > 1 and tok in text:
            text = text.replace(tok, tok[0] + " " + tok[1:])
    return text
