"""Acute-illness severity from the bedside vital signs: NEWS2 and the shock index."""

from __future__ import annotations

from typing import Literal

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["news2", "shock_index"]

_ALLGOWER_1967 = (
    'Allgower M, Burri C. ["Shock index"]. Dtsch Med Wochenschr. 1967;92(43):1947-1950.'
)
_NEWS2 = (
    "Royal College of Physicians. National Early Warning Score (NEWS) 2: Standardising the "
    "assessment of acute-illness severity in the NHS. Updated report of a working party. "
    "London: RCP, 2017."
)


def shock_index(*, heart_rate: float, sbp: float) -> ScoreResult:
    """Shock index = heart rate / systolic blood pressure.

    Source: Allgower M, Burri C. Dtsch Med Wochenschr 1967;92:1947-1950.

    The value is rounded to 2 decimals (half up) and the band is taken from the rounded
    value, so the text always matches the displayed number.

    Interpretation:

    * <= 0.9: within the normal range (normal ~0.5-0.7).
    * > 0.9 and < 1.0: raised; associated with higher mortality and need for critical care -
      reassess and look for occult hypovolaemia.
    * >= 1.0: abnormal; suggests shock / significant hypovolaemia (associated with need for
      transfusion and higher mortality) - resuscitate and find the cause.
    """
    hr = v.number("heart_rate", heart_rate, lo=v.HEART_RATE[0], hi=v.HEART_RATE[1])
    sbp = v.number("sbp", sbp, lo=v.SBP[0], hi=v.SBP[1])
    if sbp <= 0:
        raise CalculatorInputError(f"sbp must be > 0 for the shock index, got {sbp:g}")
    value = v.round_half_up(hr / sbp, 2)
    if value <= 0.9:
        band = "within normal range (normal ~0.5-0.7)"
    elif value < 1.0:
        band = "raised (>0.9); reassess for occult hypovolaemia or sepsis"
    else:
        band = (
            "abnormal (>=1.0); suggests shock / significant hypovolaemia - resuscitate "
            "and find the cause"
        )
    return ScoreResult(
        name="Shock index",
        value=value,
        components={"heart_rate": hr, "sbp": sbp},
        interpretation=f"Shock index {value:g}: {band}",
        source=_ALLGOWER_1967,
    )


def _band(value: float, table: list[tuple[float, float]], above: float) -> float:
    """Points for the first (upper_inclusive_limit, points) row with value <= limit."""
    for limit, points in table:
        if value <= limit:
            return points
    return above


def news2(
    *,
    respiratory_rate: float,
    spo2: float,
    on_supplemental_oxygen: bool,
    sbp: float,
    heart_rate: float,
    consciousness: Literal["alert", "cvpu"],
    temperature_c: float,
) -> ScoreResult:
    """National Early Warning Score 2 (NEWS2), SpO2 scale 1 only.

    Source: Royal College of Physicians. NEWS2. London: RCP, 2017.

    * Respiratory rate: <= 8: 3; 9-11: 1; 12-20: 0; 21-24: 2; >= 25: 3.
    * SpO2 (scale 1): <= 91: 3; 92-93: 2; 94-95: 1; >= 96: 0.
    * Supplemental oxygen: 2 (air 0).
    * Systolic BP: <= 90: 3; 91-100: 2; 101-110: 1; 111-219: 0; >= 220: 3.
    * Pulse: <= 40: 3; 41-50: 1; 51-90: 0; 91-110: 1; 111-130: 2; >= 131: 3.
    * Consciousness: alert 0; new confusion, voice, pain or unresponsive (CVPU): 3.
    * Temperature (C): <= 35.0: 3; 35.1-36.0: 1; 36.1-38.0: 0; 38.1-39.0: 1; >= 39.1: 2.

    Non-integer measurements fall in the band whose upper limit they do not exceed.

    Interpretation - clinical risk and response (RCP 2017):

    * 0: low; routine monitoring, minimum 12-hourly.
    * 1-4: low; ward-based response (registered nurse assessment), minimum 4-6-hourly.
    * 3 in any single parameter: low-medium; urgent ward-based response (clinician review),
      minimum 1-hourly.
    * 5-6: medium; key threshold for urgent response (urgent review by a clinician competent
      in acute illness), minimum 1-hourly.
    * >= 7: high; emergency response (critical-care outreach), continuous monitoring.
    """
    rr = v.number(
        "respiratory_rate", respiratory_rate, lo=v.RESPIRATORY_RATE[0], hi=v.RESPIRATORY_RATE[1]
    )
    sat = v.number("spo2", spo2, lo=v.SPO2[0], hi=v.SPO2[1])
    oxygen = v.flag("on_supplemental_oxygen", on_supplemental_oxygen)
    sbp = v.number("sbp", sbp, lo=v.SBP[0], hi=v.SBP[1])
    hr = v.number("heart_rate", heart_rate, lo=v.HEART_RATE[0], hi=v.HEART_RATE[1])
    consciousness = v.choice("consciousness", consciousness, ("alert", "cvpu"))
    temp = v.number("temperature_c", temperature_c, lo=v.TEMPERATURE_C[0], hi=v.TEMPERATURE_C[1])
    components = {
        "respiratory_rate": _band(rr, [(8, 3), (11, 1), (20, 0), (24, 2)], 3),
        "spo2": _band(sat, [(91, 3), (93, 2), (95, 1)], 0),
        "supplemental_oxygen": 2.0 if oxygen else 0.0,
        "sbp": _band(sbp, [(90, 3), (100, 2), (110, 1), (219, 0)], 3),
        "heart_rate": _band(hr, [(40, 3), (50, 1), (90, 0), (110, 1), (130, 2)], 3),
        "consciousness": 3.0 if consciousness == "cvpu" else 0.0,
        "temperature": _band(temp, [(35.0, 3), (36.0, 1), (38.0, 0), (39.0, 1)], 2),
    }
    components = {k: float(p) for k, p in components.items()}
    total = sum(components.values())
    single_red = any(p == 3 for p in components.values())
    if total >= 7:
        band = (
            "high clinical risk: emergency response (critical-care outreach), continuous monitoring"
        )
    elif total >= 5:
        band = (
            "medium clinical risk: urgent response - urgent review by a clinician "
            "competent in acute illness, minimum 1-hourly observations"
        )
    elif single_red:
        band = (
            "low-medium clinical risk (score of 3 in a single parameter): urgent "
            "ward-based response, minimum 1-hourly observations"
        )
    elif total >= 1:
        band = (
            "low clinical risk: ward-based response, assessment by a registered nurse, "
            "minimum 4-6-hourly observations"
        )
    else:
        band = "low clinical risk: routine monitoring, minimum 12-hourly observations"
    return ScoreResult(
        name="NEWS2",
        value=total,
        components=components,
        interpretation=f"NEWS2 {total:g}: {band}",
        source=_NEWS2,
    )
