"""Pregnancy dating from the last menstrual period (LMP): due date, conception, gestational age.

Dates are ``datetime.date`` values or strings in ISO (``'2024-02-14'``) or US
(``'02/14/2024'``) form; results carry the ISO date string as their value.

Sources:

* Naegele's rule, as restated in American College of Obstetricians and Gynecologists.
  Committee Opinion No. 700: Methods for estimating the due date. Obstet Gynecol.
  2017;129(5):e150-e154: the due date is 280 days after the first day of the LMP, which
  assumes a regular 28-day cycle with ovulation on day 14.
* Cycle-length adjustment: ovulation precedes the next menses by a fairly constant
  luteal phase of about 14 days (Lenton EA, Landgren BM, Sexton L. Normal variation in
  the length of the luteal phase of the menstrual cycle: identification of the short
  luteal phase. Br J Obstet Gynaecol. 1984;91(7):685-689), so ovulation falls on day
  (cycle length - 14) and every dated event moves by (cycle length - 28) days.
* Gestational-age bands: trimesters 0-13+6, 14+0-27+6, >= 28+0 weeks; term definitions of
  ACOG Committee Opinion No. 579: Definition of term pregnancy. Obstet Gynecol.
  2013;122(5):1139-1140 (early term 37+0-38+6, full term 39+0-40+6, late term 41+0-41+6,
  post-term >= 42+0 weeks).
"""

from __future__ import annotations

import datetime as dt
import re

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["conception_date", "due_date", "gestational_age"]

DateLike = dt.date | str

_ACOG_700 = (
    "Naegele's rule (LMP + 280 days): ACOG Committee Opinion No. 700. Methods for "
    "estimating the due date. Obstet Gynecol. 2017;129(5):e150-e154."
)
_LENTON = (
    "Luteal phase ~14 days: Lenton EA, Landgren BM, Sexton L. Br J Obstet Gynaecol. "
    "1984;91(7):685-689."
)
_ACOG_579 = (
    "ACOG Committee Opinion No. 579. Definition of term pregnancy. Obstet Gynecol. "
    "2013;122(5):1139-1140."
)

CYCLE_RANGE = (20, 45)  # days


def parse_date(name: str, value: object) -> dt.date:
    """A date from ``datetime.date``/``datetime`` or an ISO / MM/DD/YYYY string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        for pattern, fmt in (
            (r"\d{4}-\d{1,2}-\d{1,2}", "%Y-%m-%d"),
            (r"\d{1,2}/\d{1,2}/\d{4}", "%m/%d/%Y"),
        ):
            if re.fullmatch(pattern, text):
                try:
                    return dt.datetime.strptime(text, fmt).date()
                except ValueError as exc:
                    raise CalculatorInputError(f"{name} is not a valid date: {value!r}") from exc
    raise CalculatorInputError(
        f"{name} must be a date or a 'YYYY-MM-DD' / 'MM/DD/YYYY' string, got {value!r}"
    )


def _cycle(cycle_length: int) -> int:
    return v.integer("cycle_length (days)", cycle_length, lo=CYCLE_RANGE[0], hi=CYCLE_RANGE[1])


def due_date(*, lmp: DateLike, cycle_length: int = 28) -> ScoreResult:
    """Estimated due date by Naegele's rule, adjusted for cycle length.

    EDD = LMP + 280 days + (cycle_length - 28) days.

    Sources: ACOG Committee Opinion No. 700, Obstet Gynecol 2017;129:e150-e154 (LMP +
    280 days for a 28-day cycle); the adjustment moves ovulation, and with it the due
    date, by (cycle length - 28) days because the luteal phase is ~14 days (Lenton EA, et
    al. Br J Obstet Gynaecol 1984;91:685-689).  A shorter cycle gives an earlier date.
    ``cycle_length`` is a whole number of days, 20-45.
    """
    start = parse_date("lmp", lmp)
    cycle = _cycle(cycle_length)
    shift = cycle - 28
    naegele = start + dt.timedelta(days=280)
    edd = naegele + dt.timedelta(days=shift)
    steps = (
        "EDD = LMP + 280 days + (cycle length - 28) days",
        f"LMP {start.isoformat()} + 280 days (40 weeks) = {naegele.isoformat()}",
        f"cycle length {cycle} days: adjustment {shift:+d} days",
        f"EDD = {edd.isoformat()}",
    )
    return ScoreResult(
        name="Estimated due date",
        value=edd.isoformat(),
        components={"cycle_adjustment_days": float(shift)},
        interpretation=(
            f"Estimated due date {edd.isoformat()} (40+0 weeks by LMP"
            + (f", adjusted {shift:+d} days for a {cycle}-day cycle)" if shift else ")")
            + "; confirm or revise with first-trimester ultrasound (ACOG CO 700)"
        ),
        source=f"{_ACOG_700} {_LENTON}",
        unit="",
        steps=steps,
    )


def conception_date(*, lmp: DateLike, cycle_length: int = 28) -> ScoreResult:
    """Estimated date of conception (ovulation) from the LMP.

    Conception = LMP + (cycle_length - 14) days, i.e. LMP + 14 days for a 28-day cycle.

    Sources: ACOG Committee Opinion No. 700, Obstet Gynecol 2017;129:e150-e154 (ovulation
    on day 14 of a 28-day cycle); ovulation ~14 days before the next menses (Lenton EA, et
    al. Br J Obstet Gynaecol 1984;91:685-689).  ``cycle_length`` is whole days, 20-45.
    """
    start = parse_date("lmp", lmp)
    cycle = _cycle(cycle_length)
    offset = cycle - 14
    date = start + dt.timedelta(days=offset)
    steps = (
        "conception = LMP + (cycle length - 14) days",
        f"cycle length {cycle} days: ovulation on cycle day {offset}",
        f"conception = {start.isoformat()} + {offset} days = {date.isoformat()}",
    )
    return ScoreResult(
        name="Estimated conception date",
        value=date.isoformat(),
        components={"days_after_lmp": float(offset)},
        interpretation=(
            f"Estimated conception (ovulation) date {date.isoformat()}, {offset} days after "
            "the LMP; accuracy limited by cycle variability"
        ),
        source=f"{_ACOG_700} {_LENTON}",
        unit="",
        steps=steps,
    )


def _ga_band(weeks: int) -> str:
    trimester = "first" if weeks < 14 else "second" if weeks < 28 else "third"
    if weeks < 37:
        return f"{trimester} trimester (before term, < 37+0 weeks)"
    if weeks < 39:
        term = "early term"
    elif weeks < 41:
        term = "full term"
    elif weeks < 42:
        term = "late term"
    else:
        term = "post-term"
    text = f"{trimester} trimester, {term}"
    if weeks >= 44:
        text += "; longer than a plausible ongoing pregnancy - check the dates"
    return text


def gestational_age(*, lmp: DateLike, current_date: DateLike) -> ScoreResult:
    """Gestational age by dates: days from the first day of the LMP to ``current_date``.

    The value is the total number of days; ``components`` split it into completed weeks
    and days (GA = weeks + days/7), the obstetric convention of ACOG Committee Opinion
    No. 700 (Obstet Gynecol 2017;129:e150-e154).  Bands: trimesters and ACOG Committee
    Opinion No. 579 term categories (Obstet Gynecol 2013;122:1139-1140).
    ``current_date`` must not precede ``lmp``.
    """
    start = parse_date("lmp", lmp)
    today = parse_date("current_date", current_date)
    total = (today - start).days
    if total < 0:
        raise CalculatorInputError(
            f"current_date {today.isoformat()} is before the LMP {start.isoformat()}"
        )
    weeks, days = divmod(total, 7)
    steps = (
        f"days since LMP = {today.isoformat()} - {start.isoformat()} = {total} days",
        f"{total} days = {weeks} weeks and {days} days ({total} = 7 x {weeks} + {days})",
    )
    return ScoreResult(
        name="Gestational age",
        value=float(total),
        components={"weeks": float(weeks), "days": float(days)},
        interpretation=f"Gestational age {weeks}+{days} weeks by LMP: {_ga_band(weeks)}",
        source=f"{_ACOG_700} {_ACOG_579}",
        unit="days",
        steps=steps,
    )
