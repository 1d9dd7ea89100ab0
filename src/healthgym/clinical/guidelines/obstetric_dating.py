"""Pregnancy dating by ultrasound and the induction plan from the Bishop score.

Pure functions; the LMP arithmetic (Naegele's rule) is the library's
:mod:`healthgym.clinical.calculators.obstetric_dates` and the Bishop score the
library's :func:`healthgym.clinical.scores.obstetric.bishop_score`.

Sources:

* ACOG Committee Opinion No. 700: Methods for estimating the due date. Obstet Gynecol
  2017;129:e150-e154.  Table 1 - the discrepancy between ultrasound dating and LMP
  dating that supports redating, by gestational age (based on the LMP) at the scan:
  <= 8 6/7 weeks (CRL) more than 5 days; 9 0/7-13 6/7 weeks (CRL) more than 7 days;
  14 0/7-15 6/7 weeks more than 7 days; 16 0/7-21 6/7 weeks more than 10 days;
  22 0/7-27 6/7 weeks more than 14 days; 28 0/7 weeks and beyond more than 21 days.
  Without a reliable LMP, the pregnancy is dated by the (earliest) ultrasound.  Once
  redated, the EDD is the scan date plus (280 days - ultrasound gestational age).
* Robinson HP, Fleming JE. A critical evaluation of sonar "crown-rump length"
  measurements. Br J Obstet Gynaecol 1975;82:702-710: gestational age (days) =
  8.052 x sqrt(CRL in mm) + 23.73.
* ACOG Practice Bulletin No. 107: Induction of labor. Obstet Gynecol 2009;114:386-397:
  a Bishop score above 8 is favourable (oxytocin, with or without amniotomy, without
  ripening); with an unfavourable cervix (<= 6) a ripening agent is used first -
  prostaglandins (misoprostol, dinoprostone) or a balloon catheter.
* ACOG Practice Bulletin No. 205: Vaginal birth after cesarean delivery. Obstet Gynecol
  2019;133:e110-e127: misoprostol should not be used for third-trimester cervical
  ripening or induction in patients with a prior cesarean delivery or major uterine
  surgery (uterine rupture); mechanical ripening with a balloon catheter may be used.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from ..errors import CalculatorInputError
from .plan import Plan

# (first GA day of the band, first GA day after it, discrepancy in days that must be exceeded)
REDATING_BANDS: tuple[tuple[int, int, int, str], ...] = (
    (0, 63, 5, "<= 8 6/7 weeks (CRL)"),
    (63, 98, 7, "9 0/7 to 13 6/7 weeks (CRL)"),
    (98, 112, 7, "14 0/7 to 15 6/7 weeks"),
    (112, 154, 10, "16 0/7 to 21 6/7 weeks"),
    (154, 196, 14, "22 0/7 to 27 6/7 weeks"),
    (196, 10_000, 21, ">= 28 0/7 weeks"),
)
CRL_RANGE_MM = (3.0, 85.0)
FAVOURABLE_ABOVE = 8  # Bishop > 8 favourable (ACOG PB 107)
UNFAVOURABLE_AT_MOST = 6  # Bishop <= 6 unfavourable


def ga_text(days: int) -> str:
    """Gestational age in the obstetric notation 'W+D weeks'."""
    w, d = divmod(int(days), 7)
    return f"{w}+{d} weeks"


def crl_to_ga_days(crl_mm: float) -> float:
    """Gestational age in days from the crown-rump length (Robinson & Fleming 1975)."""
    if not CRL_RANGE_MM[0] <= crl_mm <= CRL_RANGE_MM[1]:
        raise CalculatorInputError(
            f"crown-rump length must be {CRL_RANGE_MM[0]:g}-{CRL_RANGE_MM[1]:g} mm "
            f"(first trimester), got {crl_mm:g}"
        )
    return 8.052 * math.sqrt(crl_mm) + 23.73


def crl_ga_days_rounded(crl_mm: float) -> int:
    """CRL gestational age rounded to whole days (half up)."""
    return math.floor(crl_to_ga_days(crl_mm) + 0.5)


def redating_band(lmp_ga_days: int) -> tuple[int, str]:
    """(threshold in days, band label) of ACOG CO 700 Table 1 for a GA by LMP."""
    if lmp_ga_days < 0:
        raise CalculatorInputError("gestational age cannot be negative")
    for lo, hi, threshold, label in REDATING_BANDS:
        if lo <= lmp_ga_days < hi:
            return threshold, label
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class DatingDecision:
    basis: str  # 'lmp' or 'ultrasound'
    edd: dt.date
    discrepancy_days: int | None  # ultrasound GA - LMP GA at the scan
    threshold_days: int | None


def edd_from_scan(scan_date: dt.date, us_ga_days: int) -> dt.date:
    """EDD from an ultrasound: the day the scan's gestational age reaches 280 days."""
    return scan_date + dt.timedelta(days=280 - us_ga_days)


def best_dating(lmp: dt.date | None, scan_date: dt.date, us_ga_days: int) -> DatingDecision:
    """The best obstetric estimate of the due date (ACOG CO 700).

    With a known LMP the LMP due date (LMP + 280 days) stands unless the ultrasound
    gestational age differs from the LMP gestational age at the scan by more than the
    band's threshold; without a reliable LMP the ultrasound dates the pregnancy.
    """
    if lmp is None:
        return DatingDecision("ultrasound", edd_from_scan(scan_date, us_ga_days), None, None)
    lmp_ga = (scan_date - lmp).days
    threshold, _ = redating_band(lmp_ga)
    diff = us_ga_days - lmp_ga
    if abs(diff) > threshold:
        return DatingDecision("ultrasound", edd_from_scan(scan_date, us_ga_days), diff, threshold)
    return DatingDecision("lmp", lmp + dt.timedelta(days=280), diff, threshold)


def induction_plan(bishop: float, prior_uterine_scar: bool) -> Plan:
    """The induction plan for a Bishop score (ACOG PB 107; PB 205 for a uterine scar).

    Favourable (> 8): oxytocin, no ripening agent.  Unfavourable (<= 6): a ripening
    agent first - any of misoprostol, dinoprostone or a balloon catheter, but only the
    balloon after a cesarean or major uterine surgery; amniotomy is not an option with
    an unripe cervix.  Intermediate scores (7-8) have no single recommended plan and
    are not generated.
    """
    if bishop > FAVOURABLE_ABOVE:
        return Plan(
            required=(("oxytocin_induction",),),
            forbidden=(
                "misoprostol_ripening",
                "dinoprostone_ripening",
                "balloon_catheter_ripening",
            ),
        )
    if bishop <= UNFAVOURABLE_AT_MOST:
        if prior_uterine_scar:
            return Plan(
                required=(("balloon_catheter_ripening",),),
                forbidden=("misoprostol_ripening", "amniotomy"),
            )
        return Plan(
            required=(
                ("misoprostol_ripening", "dinoprostone_ripening", "balloon_catheter_ripening"),
            ),
            forbidden=("amniotomy",),
        )
    raise ValueError("Bishop 7-8 is intermediate: no single recommended induction plan")
