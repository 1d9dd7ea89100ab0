"""What every calculator tool shares: running a cited calculator and wording its result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from ...clinical.errors import CalculatorInputError
from ...clinical.scores.result import ScoreResult
from ..errors import ToolError

Sex = Literal["male", "female"]


def run(fn: Callable[..., ScoreResult], needs: dict[str, Any], **fixed: Any) -> str:
    """Run ``fn`` with ``fixed`` once every input ``needs`` names is given: its result,
    interpretation and step-by-step working, or a ToolError naming the problem."""
    missing = [k for k, v in needs.items() if v is None]
    if missing:
        raise ToolError(f"{fn.__name__} needs {', '.join(missing)}")
    try:
        result = fn(**fixed)
    except CalculatorInputError as e:
        raise ToolError(str(e)) from None
    steps = "; ".join(result.explanation())
    return f"{result.as_text()}\nWorking: {steps}"
