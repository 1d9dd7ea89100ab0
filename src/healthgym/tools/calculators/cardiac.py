"""Cardiac calculator tools: corrected QT interval and mean arterial pressure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from ...clinical.calculators import body, qtc
from ...clinical.scores.result import ScoreResult
from ..registry import tool
from ._common import Sex, run

_QTC: dict[str, Callable[..., ScoreResult]] = {
    "bazett": qtc.qtc_bazett,
    "fridericia": qtc.qtc_fridericia,
    "framingham": qtc.qtc_framingham,
    "hodges": qtc.qtc_hodges,
    "rautaharju": qtc.qtc_rautaharju,
}


@tool(kind="compute")
def calc_qtc(
    state: Any,
    formula: Literal["bazett", "fridericia", "framingham", "hodges", "rautaharju"],
    heart_rate: float,
    qt_ms: float,
    sex: Sex | None = None,
) -> str:
    """Heart-rate-corrected QT interval by the chosen formula, with its risk band.

    Args:
        formula: the correction formula.
        heart_rate: heart rate (beats/min).
        qt_ms: measured QT interval (ms).
        sex: male or female (sex-specific prolongation thresholds).
    """
    return run(_QTC[formula], {}, heart_rate=heart_rate, qt=qt_ms, sex=sex)


@tool(kind="compute")
def calc_mean_arterial_pressure(state: Any, sbp: float, dbp: float) -> str:
    """Mean arterial pressure from systolic and diastolic blood pressure (mmHg).

    Args:
        sbp: systolic blood pressure (mmHg).
        dbp: diastolic blood pressure (mmHg).
    """
    return run(body.mean_arterial_pressure, {}, systolic=sbp, diastolic=dbp)
