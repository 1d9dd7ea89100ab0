"""What a number a tool prints may be traced to (:mod:`healthgym.lint.tool_facts`):
the task record's values, unit conversions of them, values recomputed from them, and
published constants where the text marks a reference."""

from __future__ import annotations

import bisect
import functools
import math
import re
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..clinical.labs import LAB_TESTS
from ..tasks import Task
from .printed import GESTATION, Printed, numbers

# unit conversions a tool may apply to a recorded value: (unit pattern, factor, offset),
# tried only when the printed number is followed by that unit (a bare number is never
# converted, which keeps the match tight): glucose mmol/L <-> mg/dL (1 mmol/L = 18.016
# mg/dL; 18 also used), creatinine mg/dL <-> umol/L (88.4), kg <-> lb, cm -> inches,
# C -> F, days/weeks/months -> larger units (a duration may be truncated: 213 months is
# "about 17 years"), hours <-> minutes, fraction -> %, g <-> mg.
_TIME_UNIT = r"(?:years?|months?|weeks?|days?|y|yr|mo|wk|d)\b"
CONVERSIONS: tuple[tuple[re.Pattern[str], float, float], ...] = tuple(
    (re.compile(r"^\s*(?:" + unit + ")", re.I), f, off)
    for unit, f, off in (
        (r"mg/dl", 18.016, 0.0),
        (r"mg/dl", 18.0, 0.0),
        (r"mmol/l", 1 / 18.016, 0.0),
        (r"mmol/l", 1 / 18.0, 0.0),
        (r"[uµμ]mol/l", 88.4, 0.0),
        (r"mg/dl", 1 / 88.4, 0.0),
        (r"lbs?\b|pounds?", 2.20462, 0.0),
        (r"kg\b", 1 / 2.20462, 0.0),
        (r"in\b|inch|\"", 1 / 2.54, 0.0),
        (r"°?\s*F\b", 1.8, 32.0),
        (_TIME_UNIT, 7.0, 0.0),
        (_TIME_UNIT, 1 / 7, 0.0),
        (_TIME_UNIT, 1 / 30.4375, 0.0),
        (_TIME_UNIT, 1 / 365.25, 0.0),
        (_TIME_UNIT, 12.0, 0.0),
        (_TIME_UNIT, 1 / 12, 0.0),
        (_TIME_UNIT, 1 / 52, 0.0),
        (_TIME_UNIT, 1 / 52.1775, 0.0),
        (_TIME_UNIT, 7 / 30.4375, 0.0),
        (_TIME_UNIT, 30.4375, 0.0),
        (_TIME_UNIT, 365.25, 0.0),
        (r"min|h\b|hours?", 60.0, 0.0),
        (r"min|h\b|hours?", 1 / 60, 0.0),
        (r"%|per ?cent", 100.0, 0.0),
        (r"mg\b|g\b|m?l\b|mcg|µg", 1000.0, 0.0),
        (r"mg\b|g\b|m?l\b|mcg|µg", 0.001, 0.0),
    )
)
_REFERENCE_UNITS = (18.016, 1 / 18.016, 18.0, 1 / 18.0, 88.4, 1 / 88.4)


def derived_values(keyed: dict[str, list[float]], hidden: dict[str, Any]) -> Iterator[float]:
    """Values a tool may legitimately compute from record values, recomputed here:
    BMI from weight_kg and height_cm; mean arterial pressure (sbp + 2 dbp) / 3, pulse
    pressure and shock index hr / sbp; the anion gap Na - (Cl + HCO3); creatinine
    clearance by Cockcroft-Gault (Nephron 1976;16:31-41, either sex factor) from age,
    weight and creatinine; QTc by Bazett and Fridericia from QT and heart rate; for an
    EHR's lab events, each series' (admission, item) last-minus-first change, minimum,
    maximum and mean; the Child-Pugh score (Pugh RN et al. Br J Surg 1973;60:646-9, the
    project calculator :func:`healthgym.clinical.scores.child_pugh`) of every record
    part that holds its five inputs (:func:`child_pugh_scores`); and the sum of every
    list of numbers (questionnaire totals)."""
    yield from child_pugh_scores(hidden)
    first = {k: v[0] for k, v in keyed.items() if v}
    w, h = first.get("weight_kg"), first.get("height_cm")
    if w and h:
        yield w / (h / 100) ** 2
    sbp, dbp, hr = first.get("sbp"), first.get("dbp"), first.get("hr")
    if sbp and dbp:
        yield (sbp + 2 * dbp) / 3
        yield sbp - dbp
    if sbp and hr:
        yield hr / sbp
    na, cl, hco3 = first.get("sodium"), first.get("chloride"), first.get("bicarbonate")
    if na and cl and hco3:
        yield na - cl - hco3
    age = first.get("age")
    scr = first.get("creatinine_mg_dl") or first.get("creatinine")
    if age is not None and w and scr:
        cg = (140 - age) * w / (72 * scr)
        yield cg
        yield cg * 0.85
    for qt_key, hr_key in (("qt_ms", "heart_rate"), ("qt_ms", "hr")):
        for qt in keyed.get(qt_key, []):
            for rate in keyed.get(hr_key, []):
                if rate > 0:
                    rr = 60.0 / rate
                    yield qt / math.sqrt(rr)
                    yield qt / rr ** (1 / 3)
    tables = hidden.get("tables")
    if isinstance(tables, dict) and isinstance(tables.get("labevents"), list):
        series: dict[tuple[Any, Any], list[tuple[str, float]]] = {}
        for row in tables["labevents"]:
            if len(row) > 6 and isinstance(row[6], (int, float)) and not isinstance(row[6], bool):
                series.setdefault((row[2], row[3]), []).append((str(row[4]), float(row[6])))
                series.setdefault((None, row[3]), []).append((str(row[4]), float(row[6])))
        for points in series.values():
            vals = [v for _, v in sorted(points, key=lambda x: x[0])]
            yield vals[-1] - vals[0]
            yield min(vals)
            yield max(vals)
            yield sum(vals) / len(vals)


_CHILD_PUGH_INPUTS = ("bilirubin_mg_dl", "albumin_g_dl", "inr", "ascites", "encephalopathy")


def child_pugh_scores(value: Any, depth: int = 0) -> Iterator[float]:
    """The Child-Pugh score of every dict of the record holding the calculator's five
    inputs under its argument names (a psychiatry record's ``liver``), recomputed with
    :func:`healthgym.clinical.scores.child_pugh`; inputs the calculator rejects (another
    vocabulary, a missing value) give nothing."""
    if depth > 8:
        return
    if isinstance(value, dict):
        if all(value.get(k) is not None for k in _CHILD_PUGH_INPUTS):
            from ..clinical.scores import child_pugh

            try:
                res = child_pugh(**{k: value[k] for k in _CHILD_PUGH_INPUTS})
            except (ValueError, TypeError):  # CalculatorInputError: another vocabulary
                pass
            else:
                yield float(res.value)
        for v in value.values():
            yield from child_pugh_scores(v, depth + 1)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from child_pugh_scores(v, depth + 1)


def _keyed(value: Any, out: dict[str, list[float]], sums: list[float]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                out.setdefault(str(k), []).append(float(v))
            _keyed(v, out, sums)
    elif isinstance(value, (list, tuple)):
        nums = [float(v) for v in value if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if len(nums) >= 2 and len(nums) == len(value):  # a list of scores: its total
            sums.append(sum(nums))
        sums.append(float(len(value)))  # "Current medications (7):" - a count
        for v in value:
            _keyed(v, out, sums)


@dataclass
class Trace:
    """What the numbers printed for one task may be traced to."""

    values: list[float]  # sorted, unique: the record's and the prompt's numbers
    derived: list[float]  # sorted: values recomputed from the record (derived_values)
    references: list[float]  # sorted: published constants (reference intervals ...)
    strings: list[str]  # the record's strings and the prompt, for date look-ups
    _text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "\n".join(self.strings)
        return self._text

    @staticmethod
    def _any(pool: list[float], lo: float, hi: float, closed: bool = True) -> bool:
        i = bisect.bisect_left(pool, lo)
        return i < len(pool) and (pool[i] <= hi if closed else pool[i] < hi)

    def found(self, p: Printed, reference: bool = False, after: str = "") -> bool:
        """Whether ``p`` (at its printed precision) is a record value, a conversion of
        one to the unit printed ``after`` it (or a truncated duration), a derived value,
        or - where ``reference`` - a published constant."""
        half = 0.5 * 10.0 ** (-p.decimals) + 1e-9 * max(1.0, abs(p.value))
        lo, hi = p.value - half, p.value + half
        if self._any(self.values, lo, hi) or self._any(self.derived, lo, hi):
            return True
        if reference and self._any(self.references, lo, hi):
            return True
        for unit, f, off in CONVERSIONS:  # printed = value * f + off
            if not unit.match(after):
                continue
            if self._any(self.values, (lo - off) / f, (hi - off) / f):
                return True
            # whole years / months / weeks are truncated: floor(value * f) = printed
            truncated = f < 1 and off == 0.0 and p.decimals == 0 and p.value >= 0
            if truncated and self._any(
                self.values, max(p.value / f, 1e-12), (p.value + 1) / f, closed=False
            ):
                return True
        return False


def _walk(value: Any, nums: list[float], strings: list[str]) -> None:
    """Every number of a nested record (numeric leaves and numbers inside strings) and
    every string."""
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, (int, float)):
        if math.isfinite(value):
            nums.append(float(value))
    elif isinstance(value, str):
        strings.append(value)
        nums.extend(_string_numbers(value))
    elif isinstance(value, dict):
        for v in value.values():
            _walk(v, nums, strings)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            _walk(v, nums, strings)
    elif hasattr(value, "model_dump"):
        _walk(value.model_dump(), nums, strings)


_DIGITS = re.compile(r"\d+")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@functools.lru_cache(maxsize=1 << 16)
def _string_numbers(text: str) -> tuple[float, ...]:
    # numbers, and digits glued to letters: a record's "type2_diabetes" is the "Type 2"
    # a tool prints
    out = [p.value for p in numbers(text)] + [float(d) for d in _DIGITS.findall(text)]
    for m in GESTATION.finditer(text):
        w, d = m.group(0).split("+")
        out.append(int(w) + int(d) / 7)
    return tuple(out)


def _date_differences(strings: list[str], most: int = 12) -> Iterator[float]:
    """Days and weeks between the record's dates (gestational age at a scan from the
    LMP), when the record has at most ``most`` distinct dates."""
    import datetime as dt

    dates: set[dt.date] = set()
    for text in strings:
        for y, m, d in _ISO_DATE.findall(text):
            try:
                dates.add(dt.date(int(y), int(m), int(d)))
            except ValueError:
                continue
        if len(dates) > most:
            return
    for a in dates:
        for b in dates:
            if a < b:
                days = (b - a).days
                yield float(days)
                yield days / 7
                yield float(days // 7)


def build_trace(task: Task, references: list[float] | None = None) -> Trace:
    nums: list[float] = []
    strings: list[str] = []
    _walk(task.hidden, nums, strings)
    _walk(task.prompt, nums, strings)
    keyed: dict[str, list[float]] = {}
    sums: list[float] = []
    _keyed(task.hidden, keyed, sums)
    derived = set(derived_values(keyed, task.hidden)) | set(sums)
    derived |= set(_date_differences(strings))
    derived = sorted(derived)
    return Trace(sorted(set(nums)), derived, references or [], strings)


# published constants: LAB_TESTS reference intervals and the numeric constants of the
# domain's own modules (reference tables, thresholds), allowed only where the text
# marks them as a reference ("ref 4.5-11", "reference 3.9-7.8", "needs >= 0.6")


def _constants(value: Any, depth: int = 0) -> Iterator[float]:
    if depth > 6:
        return
    if isinstance(value, bool):
        return
    if isinstance(value, (int, float)):
        if math.isfinite(value):
            yield float(value)
    elif isinstance(value, str):  # "no stool or flatus for more than 24 hours"
        yield from (p.value for p in numbers(value))
    elif isinstance(value, dict):
        for v in value.values():
            yield from _constants(v, depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from _constants(v, depth + 1)
    elif hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        for k in value.__dataclass_fields__:
            yield from _constants(getattr(value, k, None), depth + 1)


_REFERENCE_CACHE: dict[str, list[float]] = {}


def reference_constants(domain: str) -> list[float]:
    """LAB_TESTS intervals and module-level numeric constants of the domain package and
    :mod:`healthgym.clinical` (computed once per process)."""
    if domain in _REFERENCE_CACHE:
        return _REFERENCE_CACHE[domain]
    out: set[float] = set()
    for t in LAB_TESTS.values():
        out |= {x for x in (t.low, t.high) if x is not None}
    prefixes = (f"healthgym.domains.{domain}", "healthgym.clinical", "healthgym.tools.calculators")
    for name, mod in list(sys.modules.items()):
        if not isinstance(mod, types.ModuleType) or not name.startswith(prefixes):
            continue
        for attr, value in vars(mod).items():
            if attr.startswith("__") or callable(value) or isinstance(value, types.ModuleType):
                continue
            out |= set(_constants(value))
    converted = set(out)
    for f in _REFERENCE_UNITS:  # glucose and creatinine intervals in SI units
        converted |= {v * f for v in out}
    _REFERENCE_CACHE[domain] = sorted(converted)
    return _REFERENCE_CACHE[domain]


__all__ = [
    "CONVERSIONS",
    "Trace",
    "build_trace",
    "child_pugh_scores",
    "derived_values",
    "reference_constants",
]
