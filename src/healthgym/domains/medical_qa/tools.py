"""Toolkit of medical_qa: knowledge search, a score calculator and the answer.

``search_knowledge`` and ``read_passage`` are the knowledge base's own tools
(:data:`healthgym.knowledge.tools.KNOWLEDGE_TOOLS`, kind ``reference``: their answer
depends on the query only, never on the task); this module adds ``calculate`` (kind
``compute``: the project's clinical scores on inputs the agent states as arguments -
there is no hidden record in this domain) and the terminal ``submit_answer``.  No tool
sees the question's options or its answer key.
"""

from __future__ import annotations

import inspect
import json
from typing import Annotated, Any, Literal

from ...clinical.errors import CalculatorInputError
from ...clinical.registry import core_scores
from ...knowledge.tools import KNOWLEDGE_TOOLS
from ...tools import MaxLen, ToolError, tool
from .records import QAState

# scores the calculate tool offers (a fixed list, so the tool schema does not change
# when the score library grows)
CALCULATOR_SCORES: tuple[str, ...] = tuple(
    n
    for n in (
        "abcd2",
        "alvarado",
        "anion_gap",
        "bisap",
        "centor_mcisaac",
        "cha2ds2_vasc",
        "child_pugh",
        "crb65",
        "curb65",
        "gcs",
        "glasgow_blatchford",
        "heart_score",
        "meld_na",
        "news2",
        "perc",
        "qsofa",
        "shock_index",
        "sirs",
        "timi_ua_nstemi",
        "wells_dvt",
        "wells_pe",
    )
    if n in core_scores()
)
ScoreName = Literal[CALCULATOR_SCORES]  # type: ignore[valid-type]
Letter = Literal["A", "B", "C", "D", "E"]


def _annotation(p: inspect.Parameter) -> str:
    a = p.annotation
    text = a if isinstance(a, str) else getattr(a, "__name__", str(a))
    return text.replace("Literal", "one of ").replace("'", "")


def describe_score(score: str) -> str:
    """The inputs a score takes, as 'name (type)' items, and its first docstring line."""
    fn = core_scores()[score]
    params = inspect.signature(fn).parameters.values()
    items = [
        f"{p.name} ({_annotation(p)}{', optional' if p.default is not p.empty else ''})"
        for p in params
    ]
    summary = (inspect.getdoc(fn) or score).splitlines()[0]
    return f"{summary} Inputs: " + "; ".join(items) + "."


def _parse_inputs(inputs: str) -> dict[str, Any]:
    try:
        data = json.loads(inputs) if inputs.strip() else {}
    except json.JSONDecodeError as e:
        raise ToolError(f"inputs must be a JSON object ({e.msg})") from None
    if not isinstance(data, dict):
        raise ToolError("inputs must be a JSON object of input name -> value")
    return data


@tool(kind="compute")
def calculate(state: QAState, score: ScoreName, inputs: Annotated[str, MaxLen(2000)] = "{}") -> str:
    """Compute a clinical score from the inputs you state; with no inputs, list its inputs.

    Args:
        score: the score to compute.
        inputs: a JSON object of the score's inputs, e.g. {"age": 70, "confusion": true}.
    """
    args = _parse_inputs(inputs)
    if not args:
        return describe_score(score)
    try:
        result = core_scores()[score](**args)
    except TypeError as e:
        raise ToolError(f"{e}. {describe_score(score)}") from None
    except CalculatorInputError as e:
        raise ToolError(str(e)) from None
    if isinstance(result.value, (int, float)):
        state.calculations.setdefault(score, []).append(float(result.value))
    return result.as_text()


@tool(terminal=True)
def submit_answer(state: QAState, answer: Letter, rationale: Annotated[str, MaxLen(2000)]) -> str:
    """Submit the letter of the single best option and the evidence for it. Ends the episode.

    Args:
        answer: the letter of the chosen option.
        rationale: why this option is correct, citing the evidence you found.
    """
    return "Answer submitted."


ALL_TOOLS = [*KNOWLEDGE_TOOLS, calculate, submit_answer]
