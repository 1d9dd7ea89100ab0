from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from healthgym.tools import format_hermes, parse_action


def test_hermes_single_and_multiple():
    text = (
        'I will check.\n<tool_call>{"name": "get_vitals", "arguments": {}}</tool_call>\n'
        '<tool_call>\n{"name": "examine", "arguments": {"system": "neck"}}\n</tool_call>'
    )
    r = parse_action(text)
    assert [c.name for c in r.calls] == ["get_vitals", "examine"]
    assert r.calls[1].arguments == {"system": "neck"}
    assert r.message == "I will check."
    assert not r.errors and r.attempts == 2


def test_hermes_unclosed_last_block_and_parameters_alias():
    r = parse_action('<tool_call>{"name": "a", "parameters": {"x": 1}}')
    assert r.calls[0].name == "a" and r.calls[0].arguments == {"x": 1}


def test_malformed_block_is_an_error_not_an_exception():
    r = parse_action('<tool_call>{"name": "a", "arguments": {</tool_call>')
    assert not r.calls and len(r.errors) == 1 and "malformed JSON" in r.errors[0]
    r = parse_action("<tool_call></tool_call>")
    assert r.errors == ["empty <tool_call> block"]
    r = parse_action('<tool_call>{"arguments": {}}</tool_call>')
    assert r.errors == ["tool call has no 'name' string"]


def test_openai_structured_tool_calls():
    msg = {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {"id": "c1", "type": "function", "function": {"name": "get_vitals", "arguments": "{}"}},
            {
                "id": "c2",
                "type": "function",
                "function": {"name": "examine", "arguments": json.dumps({"system": "skin"})},
            },
            {"id": "c3", "type": "function", "function": {"name": "x", "arguments": "{bad"}},
        ],
    }
    r = parse_action(msg)
    assert [c.name for c in r.calls] == ["get_vitals", "examine"]
    assert r.calls[0].id == "c1" and r.calls[1].arguments == {"system": "skin"}
    assert len(r.errors) == 1 and "not valid JSON" in r.errors[0]


def test_bare_json_fenced_and_list():
    assert parse_action('{"name": "a", "arguments": {"k": 2}}').calls[0].arguments == {"k": 2}
    assert parse_action('```json\n{"name": "a", "arguments": {}}\n```').calls[0].name == "a"
    r = parse_action('[{"name": "a", "arguments": {}}, {"name": "b", "arguments": {}}]')
    assert [c.name for c in r.calls] == ["a", "b"]


def test_free_text_is_a_message():
    r = parse_action("The patient likely has pneumonia.")
    assert not r.calls and not r.errors and r.message.startswith("The patient")
    r = parse_action('{"diagnosis": "x"}')  # JSON without a name is just text
    assert not r.calls and not r.errors


def test_format_hermes_roundtrip():
    r = parse_action(format_hermes("submit", {"plan": ["a", "b"], "x": 1.5}))
    assert r.calls[0].name == "submit" and r.calls[0].arguments == {"plan": ["a", "b"], "x": 1.5}


def test_too_many_calls_are_capped():
    text = "".join(format_hermes("a", {}) for _ in range(40))
    r = parse_action(text)
    assert len(r.calls) == 16 and len(r.errors) == 24


def test_non_string_actions():
    for action in (None, 3, 4.5, object(), {"content": 3}, [1, "x"]):
        r = parse_action(action)
        assert isinstance(r.errors, list)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda kids: (
        st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=400))
def test_fuzz_any_text_never_raises(text):
    r = parse_action(text)
    assert all(isinstance(c.name, str) for c in r.calls)
    r = parse_action("<tool_call>" + text + "</tool_call>")
    assert r.attempts >= 1 or r.message == ""


@settings(max_examples=300, deadline=None)
@given(_json_values)
def test_fuzz_any_json_never_raises(value):
    parse_action(json.dumps(value))
    parse_action("<tool_call>" + json.dumps(value) + "</tool_call>")
    parse_action({"tool_calls": [value]})
    parse_action({"role": "assistant", "content": value})
