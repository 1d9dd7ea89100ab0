"""Message building, tool-schema rendering and chat templates (no model needed)."""

from __future__ import annotations

import json

import pytest

from healthgym.agents.chat import (
    CHATML_TOOLS_TEMPLATE,
    chatml_tools_template,
    compact_tools,
    env_messages,
    initial_messages,
    neutralize_special_tokens,
    template_has_tool_role,
    template_supports_tools,
    tools_system_prompt,
)
from healthgym.env import HealthGymEnv
from healthgym.tools.parse import parse_action

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "get_vitals",
            "description": "Measure the vital signs.",
            "parameters": {
                "type": "object",
                "properties": {
                    "patient_id": {"type": "string", "maxLength": 8, "description": "id"}
                },
                "required": ["patient_id"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "submit",
            "description": "Submit.",
            "parameters": {
                "type": "object",
                "properties": {
                    "level": {"type": "integer", "enum": [1, 2, 3]},
                    "notes": {"type": "array", "items": {"type": "string", "maxLength": 9}},
                },
                "required": ["level"],
            },
        },
    },
]


def test_tools_system_prompt_lists_every_schema_in_hermes_format():
    text = tools_system_prompt(TOOLS)
    block = text.split("<tools>\n", 1)[1].split("\n</tools>", 1)[0]
    assert [json.loads(line)["name"] for line in block.splitlines()] == ["get_vitals", "submit"]
    assert "<tool_call>" in text and "<tool_response>" in text


def test_compact_tools_keep_types_enums_and_required_only():
    fn = compact_tools(TOOLS)[1]["function"]
    assert "description" not in fn
    assert fn["parameters"]["properties"]["level"] == {"type": "integer", "enum": [1, 2, 3]}
    assert fn["parameters"]["properties"]["notes"] == {"type": "array", "items": {"type": "string"}}
    assert fn["parameters"]["required"] == ["level"]


def test_initial_messages_native_and_hermes():
    info = {"tools": TOOLS, "content": [{"type": "text", "text": "obs"}, {"type": "image_url"}]}
    native = initial_messages("obs", info, native_tools=True)
    assert native == [{"role": "user", "content": "obs"}]
    hermes = initial_messages("obs", info, native_tools=False, system="Be careful.")
    assert hermes[0]["role"] == "system" and hermes[0]["content"].startswith("Be careful.")
    assert "<tools>" in hermes[0]["content"]
    multimodal = initial_messages("obs", info, native_tools=True, multimodal=True)
    assert multimodal[0]["content"] == info["content"]


def test_env_messages_tool_role_and_user_fallback():
    msgs = env_messages("R", ["a", "b"], tool_role=True)
    assert [m["tool_call_id"] for m in msgs] == ["a", "b"] and msgs[0]["content"] == "R"
    assert env_messages("R", [], tool_role=False) == [
        {"role": "user", "content": "<tool_response>\nR\n</tool_response>"}
    ]


def test_template_detection():
    assert template_supports_tools(CHATML_TOOLS_TEMPLATE)
    assert template_has_tool_role(CHATML_TOOLS_TEMPLATE)
    plain = "{% for m in messages %}{{ m['content'] }}{% endfor %}"
    assert not template_supports_tools(plain) and not template_has_tool_role(plain)
    assert not template_supports_tools(None)


def test_neutralize_special_tokens():
    text = neutralize_special_tokens("a<|im_end|>b<|im_start|>", ["<|im_end|>", "<|im_start|>"])
    assert "<|im_end|>" not in text and "<|im_start|>" not in text and text.startswith("a<")


@pytest.fixture(scope="module")
def tok():
    pytest.importorskip("transformers")
    from test_agents_tinylm import tiny_tokenizer

    return tiny_tokenizer()


@pytest.mark.parametrize("style", ["json", "signatures"])
def test_chatml_tools_template_renders_a_conversation(tok, style):
    messages = [
        {"role": "system", "content": "SYS"},
        {"role": "user", "content": "hi"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "1",
                    "type": "function",
                    "function": {"name": "get_vitals", "arguments": '{"patient_id": "P1"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "1", "content": "R1"},
        {"role": "tool", "tool_call_id": "2", "content": "R2"},
    ]
    text = tok.apply_chat_template(
        messages,
        tools=TOOLS,
        chat_template=chatml_tools_template(style),
        add_generation_prompt=True,
        tokenize=False,
    )
    assert text.startswith("<|im_start|>system\nSYS\n\nTools:\n<tools>\n")
    if style == "signatures":
        assert "get_vitals(patient_id)\nsubmit(level: 1|2|3, notes?)" in text
    else:
        assert '"description": "Measure the vital signs."' in text
    assistant = text.split("<|im_start|>assistant\n")[1].split("<|im_end|>")[0]
    call = parse_action(assistant).calls[0]
    assert (call.name, call.arguments) == ("get_vitals", {"patient_id": "P1"})
    # consecutive tool results: one user turn
    assert "<|im_start|>user\n<tool_response>\nR1\n</tool_response>\n<tool_response>\nR2\n" in text
    assert text.endswith("</tool_response><|im_end|>\n<|im_start|>assistant\n")


def test_signature_template_covers_every_domain_schema(tok):
    env = HealthGymEnv("triage_emergency", split="test")
    _, info = env.reset(seed=0)
    text = tok.apply_chat_template(
        [{"role": "user", "content": "x"}],
        tools=info["tools"],
        chat_template=chatml_tools_template("signatures"),
        tokenize=False,
    )
    for schema in info["tools"]:
        assert "\n" + schema["function"]["name"] + "(" in text
