from __future__ import annotations

from typing import Annotated, Literal

import pytest

from healthgym.tools import ArgumentError, MaxLen, Range, Toolkit, tool, validate_arguments


@tool
def order(
    state: object,
    panel: Literal["cbc", "bmp"],
    count: Annotated[int, Range(1, 5)],
    urgent: bool = False,
    note: Annotated[str, MaxLen(20)] | None = None,
    dose: float | None = None,
    items: list[str] | None = None,
) -> str:
    """Order something for the patient.

    Longer explanation that stays in the description.

    Args:
        panel: which panel to order.
        count: how many, between 1 and 5.
        urgent: whether it is urgent.
        note: a free-text note
            that wraps onto a second line.
        dose: dose in mg.
        items: extra items.
    """
    return f"{panel} x{count}"


def test_schema_from_hints_and_docstring():
    s = order.schema
    assert s["type"] == "function"
    fn = s["function"]
    assert fn["name"] == "order"
    assert fn["description"].startswith("Order something for the patient.")
    assert "Longer explanation" in fn["description"]
    p = fn["parameters"]
    assert p["type"] == "object" and p["additionalProperties"] is False
    assert p["required"] == ["panel", "count"]
    assert p["properties"]["panel"] == {
        "type": "string",
        "enum": ["cbc", "bmp"],
        "description": "which panel to order.",
    }
    assert p["properties"]["count"]["type"] == "integer"
    assert (p["properties"]["count"]["minimum"], p["properties"]["count"]["maximum"]) == (1, 5)
    assert p["properties"]["urgent"] == {
        "type": "boolean",
        "description": "whether it is urgent.",
        "default": False,
    }
    assert p["properties"]["note"]["maxLength"] == 20
    assert (
        p["properties"]["note"]["description"] == "a free-text note that wraps onto a second line."
    )
    assert p["properties"]["dose"]["type"] == "number"
    assert p["properties"]["items"]["type"] == "array"
    assert p["properties"]["items"]["items"]["type"] == "string"
    assert "state" not in p["properties"]


def test_validation_accepts_and_cleans():
    assert validate_arguments(order, {"panel": "CBC", "count": 2.0}) == {"panel": "cbc", "count": 2}
    assert validate_arguments(order, '{"panel": "bmp", "count": 1, "dose": 5}') == {
        "panel": "bmp",
        "count": 1,
        "dose": 5.0,
    }
    assert validate_arguments(order, {"panel": "bmp", "count": 1, "note": None}) == {
        "panel": "bmp",
        "count": 1,
    }


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ({"count": 1}, "missing required argument(s) ['panel']"),
        ({"panel": "cbc", "count": 1, "colour": "red"}, "unknown argument(s) ['colour']"),
        ({"panel": "xyz", "count": 1}, "is not one of: cbc, bmp"),
        ({"panel": "cbc", "count": "two"}, "expected a integer"),
        ({"panel": "cbc", "count": 1.5}, "expected an integer"),
        ({"panel": "cbc", "count": True}, "expected a integer"),
        ({"panel": "cbc", "count": 9}, "above the maximum 5"),
        ({"panel": "cbc", "count": 0}, "below the minimum 1"),
        ({"panel": "cbc", "count": 1, "urgent": "yes"}, "expected true or false"),
        ({"panel": "cbc", "count": 1, "note": "x" * 21}, "exceeds 20"),
        ({"panel": "cbc", "count": 1, "items": "a"}, "expected a list"),
        ({"panel": "cbc", "count": 1, "items": ["a", 3]}, "order.items[1]: expected a string"),
        ({"panel": "cbc", "count": 1, "dose": float("nan")}, "finite"),
        ("not json", "not valid JSON"),
        ([1, 2], "must be a JSON object"),
    ],
)
def test_validation_errors_name_the_problem(args, fragment):
    with pytest.raises(ArgumentError) as e:
        validate_arguments(order, args)
    assert fragment in str(e.value)


def test_hostile_argument_names_are_clipped_in_messages():
    with pytest.raises(ArgumentError) as e:
        validate_arguments(order, {"x" * 10_000: 1})
    assert len(str(e.value)) < 300


def test_toolkit_rejects_duplicates_and_summarises():
    with pytest.raises(ValueError, match="duplicate"):
        Toolkit([order, order])
    kit = Toolkit([order])
    assert "order" in kit and len(kit) == 1
    assert kit.summary().startswith("- order(panel, count, urgent?, note?, dose?, items?)")
    assert kit.schemas[0] is not None and kit.schemas == [order.schema]


def test_tool_needs_docstring():
    with pytest.raises(TypeError):
        tool(lambda state: "x")
