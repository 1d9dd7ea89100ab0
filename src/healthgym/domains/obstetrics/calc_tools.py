"""Compute tools of obstetrics: cited calculators over the agent's own readings.

These tools never read the patient record: their output is a function of the
arguments alone (the agent must first gather the findings with the record tools and
interpret them - classify a deceleration, count qualifying accelerations, confirm a
blood pressure).  They print the arithmetic (a score and its components, the NICHD
criteria checked one by one) and never the graded judgment: no favourable/unfavourable
cervix, no tracing category, no BPP or Apgar band - the agent applies the thresholds
(``lookup_protocol``).  They remember what their rule implies in ``state.results`` so
that the grader can check the submission's coherence with the agent's own reading.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from ...clinical.calculators.obstetric_dates import due_date, gestational_age, parse_date
from ...clinical.errors import CalculatorInputError
from ...clinical.guidelines.obstetric_dating import crl_ga_days_rounded, edd_from_scan, ga_text
from ...clinical.guidelines.obstetric_fetal import (
    Recurrence,
    Variability,
    apgar_band,
    bpp_band,
    bpp_points,
    nichd_category,
)
from ...clinical.scores.obstetric import apgar, bishop_score
from ...clinical.scores.result import ScoreResult
from ...tools import MaxLen, Range, ToolError, tool
from .records import ObstetricsState

Point = Annotated[int, Range(0, 2)]


def _points_text(result: ScoreResult) -> str:
    """'Bishop score: 7 (dilation 2, ...)' - the total and its components, without the
    score's interpretation band (the agent applies the protocol's thresholds)."""
    parts = ", ".join(f"{k} {v:g}" for k, v in result.components.items())
    return f"{result.name}: {result.value_text()} ({parts})."


def _date(name: str, value: str) -> dt.date:
    try:
        return parse_date(name, value)
    except CalculatorInputError as e:
        raise ToolError(str(e)) from None


@tool(kind="compute")
def calc_gestational_age(
    state: ObstetricsState,
    method: Literal["lmp", "ultrasound"],
    on_date: Annotated[str, MaxLen(20)],
    lmp: Annotated[str, MaxLen(20)] | None = None,
    scan_date: Annotated[str, MaxLen(20)] | None = None,
    crl_mm: Annotated[float, Range(3, 85)] | None = None,
    scan_ga_weeks: Annotated[int, Range(4, 43)] | None = None,
    scan_ga_days: Annotated[int, Range(0, 6)] | None = None,
) -> str:
    """Gestational age on a date and the due date, by the LMP (Naegele's rule) or by an
    ultrasound (crown-rump length by Robinson & Fleming 1975, or a biometry GA).

    Args:
        method: lmp (needs lmp) or ultrasound (needs scan_date and crl_mm, or
            scan_ga_weeks with scan_ga_days).
        on_date: the date at which to state the gestational age (YYYY-MM-DD).
        lmp: first day of the last menstrual period (YYYY-MM-DD).
        scan_date: date of the ultrasound (YYYY-MM-DD).
        crl_mm: crown-rump length in mm (first-trimester scans).
        scan_ga_weeks: completed weeks of the biometry gestational age at the scan.
        scan_ga_days: extra days of that gestational age (0-6).
    """
    on = _date("on_date", on_date)
    if method == "lmp":
        if not lmp:
            raise ToolError("method 'lmp' needs lmp")
        try:
            ga = gestational_age(lmp=lmp, current_date=on)
            edd = str(due_date(lmp=lmp).value)
        except CalculatorInputError as e:
            raise ToolError(str(e)) from None
        days = int(ga.value)
        how = f"by LMP {_date('lmp', lmp).isoformat()} (Naegele: LMP + 280 days)"
    else:
        if not scan_date:
            raise ToolError("method 'ultrasound' needs scan_date")
        scan = _date("scan_date", scan_date)
        if crl_mm is not None:
            try:
                at_scan = crl_ga_days_rounded(crl_mm)
            except CalculatorInputError as e:
                raise ToolError(str(e)) from None
            how = f"by CRL {crl_mm:g} mm on {scan} = {ga_text(at_scan)} (8.052 x sqrt(CRL) + 23.73)"
        elif scan_ga_weeks is not None:
            at_scan = scan_ga_weeks * 7 + (scan_ga_days or 0)
            how = f"by ultrasound biometry {ga_text(at_scan)} on {scan}"
        else:
            raise ToolError("method 'ultrasound' needs crl_mm or scan_ga_weeks")
        days = at_scan + (on - scan).days
        if days < 0:
            raise ToolError("on_date is before the pregnancy began by this ultrasound")
        edd = edd_from_scan(scan, at_scan).isoformat()
    state.results[f"edd:{method}"] = edd
    return f"Gestational age on {on.isoformat()}: {ga_text(days)} ({days} days) {how}; EDD {edd}."


@tool(kind="compute")
def calc_bishop_score(
    state: ObstetricsState,
    dilation_cm: Annotated[float, Range(0, 10)],
    effacement_pct: Annotated[float, Range(0, 100)],
    station: Annotated[int, Range(-5, 5)],
    consistency: Literal["firm", "medium", "soft"],
    position: Literal["posterior", "mid", "anterior"],
) -> str:
    """Bishop score of the cervix, all five components (Bishop 1964; ACOG PB 107).

    Args:
        dilation_cm: cervical dilation in cm.
        effacement_pct: effacement in percent.
        station: station of the presenting part, -5 to +5.
        consistency: firm, medium or soft.
        position: posterior, mid or anterior.
    """
    result = bishop_score(
        dilation_cm=dilation_cm,
        effacement_pct=effacement_pct,
        station=station,
        consistency=consistency,
        position=position,
    )
    state.results["bishop"] = float(result.value)
    if result.value > 8:
        state.results["finding:labour"] = "favourable_cervix"
    elif result.value <= 6:
        state.results["finding:labour"] = "unfavourable_cervix"
    return _points_text(result)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


@tool(kind="compute")
def check_nichd_criteria(
    state: ObstetricsState,
    baseline_bpm: Annotated[int, Range(50, 240)],
    variability: Variability,
    late_decelerations: Recurrence = "none",
    variable_decelerations: Recurrence = "none",
    prolonged_deceleration: bool = False,
    sinusoidal: bool = False,
) -> str:
    """Check your reading of a fetal heart-rate tracing against each element of the NICHD
    Category I and Category III definitions (Macones et al. Obstet Gynecol
    2008;112:661-666). It reports each criterion met or not; you assign the category.

    Args:
        baseline_bpm: baseline fetal heart rate.
        variability: absent, minimal, moderate or marked.
        late_decelerations: none, intermittent or recurrent (with >= 50% of contractions).
        variable_decelerations: none, intermittent or recurrent.
        prolonged_deceleration: a deceleration lasting >= 2 and < 10 minutes.
        sinusoidal: a sinusoidal pattern.
    """
    state.results["finding:ctg"] = (
        "category_"
        + nichd_category(
            baseline_bpm,
            variability,
            late_decelerations,
            variable_decelerations,
            prolonged_deceleration,
            sinusoidal,
        ).lower()
    )
    normal_baseline = 110 <= baseline_bpm <= 160
    no_decels = (
        late_decelerations == "none"
        and variable_decelerations == "none"
        and not prolonged_deceleration
    )
    absent_with = variability == "absent" and (
        late_decelerations == "recurrent"
        or variable_decelerations == "recurrent"
        or baseline_bpm < 110
    )
    return (
        f"Category I elements (all required): baseline 110-160 bpm ({baseline_bpm}): "
        f"{_yes(normal_baseline)}; moderate variability ({variability}): "
        f"{_yes(variability == 'moderate')}; no late, variable or prolonged decelerations: "
        f"{_yes(no_decels)}. Category III elements (any one): sinusoidal pattern: "
        f"{_yes(sinusoidal)}; absent variability with recurrent late decelerations, "
        f"recurrent variable decelerations or bradycardia < 110 bpm: {_yes(absent_with)}."
    )


@tool(kind="compute")
def calc_biophysical_profile(
    state: ObstetricsState,
    nst_reactive: bool,
    deepest_pocket_cm: Annotated[float, Range(0, 20)],
    breathing_episode_30s: bool | None = None,
    body_movements: Annotated[int, Range(0, 50)] | None = None,
    tone_episode: bool | None = None,
    modified: bool = False,
) -> str:
    """Biophysical profile (Manning 1980; ACOG PB 229) or, with modified=true, the
    modified BPP (NST + amniotic fluid).

    Args:
        nst_reactive: the non-stress test is reactive.
        deepest_pocket_cm: deepest vertical pocket of amniotic fluid in cm.
        breathing_episode_30s: at least one breathing episode of >= 30 s (full BPP).
        body_movements: number of discrete body or limb movements in 30 min (full BPP).
        tone_episode: at least one extension with return to flexion (full BPP).
        modified: interpret as a modified BPP (NST and fluid only).
    """
    fluid = "above" if deepest_pocket_cm > 2.0 else "at or below"
    pocket = f"deepest vertical pocket {deepest_pocket_cm:g} cm ({fluid} the 2 cm cut-off)"
    if modified:
        normal = nst_reactive and deepest_pocket_cm > 2.0
        state.results["finding:bpp"] = "modified_bpp_normal" if normal else "modified_bpp_abnormal"
        nst = "reactive" if nst_reactive else "nonreactive"
        return f"Modified BPP components: NST {nst} (as you read it); {pocket}."
    if breathing_episode_30s is None or body_movements is None or tone_episode is None:
        raise ToolError("a full BPP needs breathing_episode_30s, body_movements and tone_episode")
    points = bpp_points(
        nst_reactive, breathing_episode_30s, body_movements, tone_episode, deepest_pocket_cm
    )
    score = sum(points.values())
    state.results["bpp"] = float(score)
    state.results["finding:bpp"] = bpp_band(score)
    parts = ", ".join(f"{k} {v}" for k, v in points.items())
    return f"BPP {score}/10 ({parts}); {pocket}."


@tool(kind="compute")
def calc_apgar(
    state: ObstetricsState,
    heart_rate: Point,
    respiratory_effort: Point,
    muscle_tone: Point,
    reflex_irritability: Point,
    color: Point,
) -> str:
    """Apgar score of the newborn from the points (0-2) you give each sign (Apgar 1953;
    AAP/ACOG 2015).

    Args:
        heart_rate: 0 absent, 1 below 100/min, 2 at least 100/min.
        respiratory_effort: 0 absent, 1 slow or irregular, 2 good with a strong cry.
        muscle_tone: 0 limp, 1 some flexion, 2 active motion.
        reflex_irritability: 0 no response, 1 grimace, 2 cry, cough or sneeze.
        color: 0 blue or pale, 1 blue extremities, 2 pink all over.
    """
    result = apgar(
        heart_rate=heart_rate,
        respiratory_effort=respiratory_effort,
        muscle_tone=muscle_tone,
        reflex_irritability=reflex_irritability,
        color=color,
    )
    state.results["apgar"] = float(result.value)
    state.results["finding:apgar"] = apgar_band(int(result.value))
    return _points_text(result)


CALC_TOOLS = [
    calc_gestational_age,
    calc_bishop_score,
    check_nichd_criteria,
    calc_biophysical_profile,
    calc_apgar,
]
