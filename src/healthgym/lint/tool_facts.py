"""Task-level lint rule ``tool_fact_traceable``: every number an observe tool prints is
traceable to the task's hidden record.

Unlike the record rules (:mod:`.rules`, which read a :class:`~.model.PatientView`), this
rule runs the domain's tools: for a task it builds a fresh episode state
(``domain.new_state(task)``), calls every ``observe`` tool the task allows once, in the
task's tool order, and checks each number printed against the record.  See
:func:`tool_fact_traceable` for what is checked, what is allowed and the limits.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import sys
import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..clinical.labs import LAB_TESTS
from ..tasks import Task

RULE = "tool_fact_traceable"

# --- numbers in text ------------------------------------------------------------------

# a number: digits with optional thousands separators and decimals.  Tokens glued to a
# letter (P1, F2, CT8821, HbA1c, SpO2, m2, V3, G3P2, 1a, x10^9) are identifiers or unit
# exponents, not values; after a hyphen, a number is negative after a space ("station
# -2"), the upper end of a range after a digit ("3-5") and part of a name after a
# letter ("COVID-19").
_NUM = re.compile(r"(?<![\w.^/:])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w^])")
_DATETIME = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\b")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_GESTATION = re.compile(r"\b\d{1,2}\+\d\b")  # 40+4 weeks: checked as weeks+days
_ENUM = re.compile(r"(?:^|[\n;:(]|\s-)\s*$")  # a list number "1." / "2)" at an item start
_OR_MORE = re.compile(r"^\s*%?\s*(?:or (?:more|less|above|below|higher|lower|over|under)\b|\+)")
_COMPOUND = re.compile(r"^-[a-z]")  # "30-minute observation": a protocol constant
_REF_CUE = re.compile(
    r"(?:\bref(?:erence)?(?:\s+(?:range|interval))?|\bnormal(?:\s+range)?|\bneeds?|"
    r"\bthreshold|\bcut-?off|[<>]=?|≥|≤|\btarget|\b(?:more|less|fewer|longer|shorter) than|"
    r"\bat (?:least|most)|\bheld|\bwithin|\bafter|\bquestions?|\bitems?)"
    r"\s*[:=]?\s*[-\d. ,–toand]*$",
    re.I,
)


@dataclass(frozen=True)
class Printed:
    """A number as printed: its value, its decimals and where it stands."""

    value: float
    decimals: int
    start: int
    end: int
    text: str


def numbers(text: str) -> Iterator[Printed]:
    """The numbers of a text, as :class:`Printed`, in order (identifiers excluded)."""
    for m in _NUM.finditer(text):
        start, whole, frac = m.start(), m.group(1), m.group(2) or ""
        sign = ""
        if start > 0 and text[start - 1] == "-":
            before = text[start - 2] if start > 1 else " "
            if before.isalpha():
                continue  # COVID-19, Pan-Tompkins: a name
            if not before.isdigit():
                sign, start = "-", start - 1
        value = float(sign + whole.replace(",", "") + frac)
        yield Printed(value, max(0, len(frac) - 1), start, m.end(), text[start : m.end()])


# --- what a printed number may be traced to ------------------------------------------

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


def _derived(keyed: dict[str, list[float]], hidden: dict[str, Any]) -> Iterator[float]:
    """Values a tool may legitimately compute from record values, recomputed here:
    BMI from weight_kg and height_cm; mean arterial pressure (sbp + 2 dbp) / 3, pulse
    pressure and shock index hr / sbp; the anion gap Na - (Cl + HCO3); creatinine
    clearance by Cockcroft-Gault (Nephron 1976;16:31-41, either sex factor) from age,
    weight and creatinine; QTc by Bazett and Fridericia from QT and heart rate; for an
    EHR's lab events, each series' (admission, item) last-minus-first change, minimum,
    maximum and mean; the Child-Pugh score (Pugh RN et al. Br J Surg 1973;60:646-9, the
    project calculator :func:`healthgym.clinical.scores.child_pugh`) of every record
    part that holds its five inputs (:func:`_child_pugh_scores`); and the sum of every
    list of numbers (questionnaire totals)."""
    yield from _child_pugh_scores(hidden)
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


def _child_pugh_scores(value: Any, depth: int = 0) -> Iterator[float]:
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
            yield from _child_pugh_scores(v, depth + 1)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _child_pugh_scores(v, depth + 1)


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
    derived: list[float]  # sorted: values recomputed from the record (_derived)
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
    for m in _GESTATION.finditer(text):
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
    derived = set(_derived(keyed, task.hidden)) | set(sums)
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
    prefixes = (f"healthgym.domains.{domain}", "healthgym.clinical", "healthgym.domains.shared")
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


# --- calling the tools ------------------------------------------------------------------

_ID_ARGS = {"patient_id": "P", "casualty_id": "C", "finding_id": "F"}
_ID = re.compile(r"\b([A-Z])(\d{1,3})\b")


def _fill(tool: Any, task: Task, seen: str) -> dict[str, Any] | None:
    """Schema-valid default arguments for ``tool``, or None when a required argument
    cannot be filled: declared default, else the first enum value, else for an id
    argument the first id of its kind (P1, C1, F1) in the prompt or earlier output,
    and for ``hadm_id`` the first admission number printed earlier."""
    args: dict[str, Any] = {}
    for key, prop in tool.parameters["properties"].items():
        if "default" in prop:
            args[key] = prop["default"]
        elif "enum" in prop:
            args[key] = prop["enum"][0]
        elif key not in tool._required:
            continue
        elif key in _ID_ARGS:
            ids = [a + b for a, b in _ID.findall(task.prompt + "\n" + seen) if a == _ID_ARGS[key]]
            if not ids:
                return None
            args[key] = ids[0]
        elif key == "hadm_id":
            m = re.search(r"\badmission (\d{5,})", task.prompt + "\n" + seen)
            if not m:
                return None
            args[key] = int(m.group(1))
        else:
            return None
    return args


# tools whose numbers are measured on the episode's generated image or signal (pixel
# counts, R-peak detection, interval measurement): traceable to the picture, not to a
# number of the record, so they are not checked
MEASURED_ON_SIGNAL = frozenset(
    {
        "segment_lesion",
        "measure_asymmetry",
        "assess_border",
        "count_colours",
        "detect_structures",
        "measure_diameter",
        "detect_r_peaks",
        "analyze_atrial_activity",
        "measure_intervals",
    }
)


# tools that describe the rendered picture (image size, calibrated scale, sampling rate,
# display speed) before the patient: only the text from the marker on is checked
PICTURE_PREFIX = {"view_image_metadata": "Patient:"}


# published constants of an instrument that a tool prints in its legend, allowed where
# the text just before the number is the phrase given: (phrase, values, source)
INSTRUMENT_CONSTANTS: tuple[tuple[re.Pattern[str], frozenset[float], str], ...] = (
    (
        re.compile(r"serial sevens: correct subtractions of\s*$", re.I),
        frozenset({5.0}),
        "MoCA serial 7s: five subtractions from 100, scored 0-3 (Nasreddine ZS et al. "
        "J Am Geriatr Soc 2005;53:695-699)",
    ),
)


def _instrument_constant(text: str, p: Printed) -> bool:
    before = text[max(0, p.start - 60) : p.start]
    return any(
        p.value in values and phrase.search(before) for phrase, values, _ in INSTRUMENT_CONSTANTS
    )


@dataclass
class ToolFactStats:
    calls: int = 0
    skipped: list[str] = field(default_factory=list)  # required argument not fillable
    refused: int = 0  # ToolError / not applicable in this encounter
    measured: int = 0  # MEASURED_ON_SIGNAL tools not checked
    numbers: int = 0
    excluded: int = 0  # dates/times without a date, list numbers, score maxima
    untraced: int = 0


def _excluded(text: str, p: Printed) -> bool:
    """Structure, not facts: list numbering ("1. ", "2) ", "13: 4" - the 13, "- 8 Sensation") and a
    score's maximum ("4/5": the 5)."""
    before, after = text[: p.start], text[p.end :]
    numbered = (
        after[:1] in (".", ")") and (after[1:2] in (" ", "\n", "") or after[1:2].isalpha())
    ) or re.match(r": \d", after) is not None  # "1. ...", "2) ...", "13: 4"
    numbered = numbered or (re.match(r" [A-Z]", after) is not None and before.endswith("- "))
    if numbered and p.decimals == 0 and _ENUM.search(before) and p.value < 100:
        return True
    m = re.search(r"(\d+(?:\.\d+)?)/$", before)
    return bool(m and float(m.group(1)) <= p.value)  # "4/5": the maximum


def check_task(domain: Any, task: Task, stats: ToolFactStats | None = None) -> Iterator[str]:
    """The details of the rule's violations on ``task`` of ``domain`` (a Domain)."""
    from ..tools.errors import ToolError

    stats = stats if stats is not None else ToolFactStats()
    state = domain.new_state(task)
    trace: Trace | None = None
    seen = ""
    for name in task.allowed_tools:
        tool = domain.toolkit.get(name)
        if tool is None or tool.kind != "observe":
            continue
        args = _fill(tool, task, seen)
        if args is None:
            stats.skipped.append(name)
            continue
        try:
            out = tool(state, **args)
        except ToolError:
            stats.refused += 1
            continue
        stats.calls += 1
        if not isinstance(out, str):
            continue
        seen += "\n" + out
        if name in MEASURED_ON_SIGNAL:
            stats.measured += 1
            continue
        if name in PICTURE_PREFIX:
            out = out[out.find(PICTURE_PREFIX[name]) :] if PICTURE_PREFIX[name] in out else ""
        if trace is None:
            trace = build_trace(task, reference_constants(task.domain))
        yield from _check_output(name, out, trace, stats)


def _check_output(name: str, out: str, trace: Trace, stats: ToolFactStats) -> Iterator[str]:
    # dates (and date-times) must appear in the record's text as printed
    masked = list(out)
    for m in _DATETIME.finditer(out):
        stats.numbers += 1
        if m.group(0) not in trace.text:
            stats.untraced += 1
            yield f"{name} printed {m.group(0)}, not in the record"
        masked[m.start() : m.end()] = " " * (m.end() - m.start())
    for m in _TIME.finditer(out):
        stats.excluded += 1
        masked[m.start() : m.end()] = " " * (m.end() - m.start())
    text = "".join(masked)
    for m in _GESTATION.finditer(text):
        stats.numbers += 1
        w, d = m.group(0).split("+")
        days = Printed(7.0 * int(w) + int(d), 0, m.start(), m.end(), m.group(0))
        weeks = Printed(int(w) + int(d) / 7, 2, m.start(), m.end(), m.group(0))
        if not trace.found(days) and not trace.found(weeks):
            stats.untraced += 1
            yield f"{name} printed {m.group(0)} weeks, not in the record"
        masked[m.start() : m.end()] = " " * (m.end() - m.start())
    text = "".join(masked)
    reported: set[str] = set()
    for p in numbers(text):
        stats.numbers += 1
        if _excluded(text, p):
            stats.excluded += 1
            continue
        after = text[p.end : p.end + 16]
        if p.text == "12" and after.startswith("-lead"):  # the name of the ECG
            stats.excluded += 1
            continue
        if _instrument_constant(text, p):  # "serial sevens: correct subtractions of 5"
            stats.excluded += 1
            continue
        reference = (
            bool(_REF_CUE.search(text[max(0, p.start - 40) : p.start]))
            or bool(_COMPOUND.match(after))
            or bool(_OR_MORE.match(after))
        )
        if trace.found(p, reference, after):
            continue
        stats.untraced += 1
        if p.text not in reported:
            reported.add(p.text)
            ctx = text[max(0, p.start - 30) : p.end + 15].replace("\n", " ").strip()
            yield f"{name} printed {p.text}, not in the record ({ctx!r})"


def tool_fact_traceable(domain: Any, task: Task) -> Iterator[str]:
    """Every number an observe tool prints is traceable to the task's hidden record.

    Issue 17 ("every fact a tool reports traceable to the record").  For each task a
    fresh episode state is built and every ``observe`` tool the task allows is called
    once with schema-valid default arguments (declared default, first enum value, ids
    such as P1/C1/F1 and admission numbers from the prompt or earlier output; a tool
    whose required arguments cannot be filled is skipped and counted).  Each number it
    prints must be, after rounding to the printed precision (1.20 = 1.2, thousands
    separators removed):

    * a value of ``task.hidden`` (numeric leaves and numbers inside its strings) or of
      the prompt, possibly converted by a unit factor a tool applies (:data:`CONVERSIONS`:
      glucose mmol/L <-> mg/dL, creatinine mg/dL <-> umol/L, kg/lb, cm/in, C/F, ages in
      days as weeks/months/years, h/min, fraction/%), tried only when the printed
      number is followed by the converted unit;
      Durations converted to a larger unit may be truncated ("about 17 years" for 213
      months);
    * a value recomputable from the record (:func:`_derived`: BMI, MAP, pulse pressure,
      shock index, anion gap, Cockcroft-Gault clearance, Bazett/Fridericia QTc, an EHR
      lab series' change/min/max/mean, the Child-Pugh score of recorded liver tests,
      the sum of any list of numbers - questionnaire totals - and the length of any
      list - "Current medications (7)");
    * where the text marks it as a reference ("ref", "reference", "normal", "needs",
      ">=", "threshold", "target", "more than", "within", "after", "held", "questions",
      "N or more", "N% or more", "N-minute"), a published constant: a
      LAB_TESTS reference interval (Merck Manual "Normal Laboratory Values"; ABIM 2024,
      via :mod:`healthgym.clinical.labs`, also in mmol/L and umol/L) or a numeric
      constant of the domain's own modules, :mod:`healthgym.domains.shared` or
      :mod:`healthgym.clinical`.

    Dates (YYYY-MM-DD, with a time if printed with one) must appear verbatim in the
    record's text (EHR timestamps print without seconds: a prefix of the record's).
    Excluded, with the reason: times of day (episode clocks advance with every call),
    list numbering ("1.", "13: 4"), a score's maximum ("4/5"), "12-lead", a published
    constant of an instrument where its phrase precedes it (:data:`INSTRUMENT_CONSTANTS`:
    the MoCA's "serial sevens: correct subtractions of 5"), identifiers
    glued to letters (P1, F2, V3, SpO2, m2, 10^9), the tools of
    :data:`MEASURED_ON_SIGNAL` (numbers measured on the generated image or ECG signal)
    and the acquisition part of :data:`PICTURE_PREFIX` tools (image size, scale,
    sampling rate of the rendered picture).

    Limits: a match is by value, not by meaning - an invented number that happens to
    equal some other record value (small integers especially) passes; only the first
    enum value of each tool is exercised; tools skipped for unfillable arguments (free
    SQL, an EHR chart time) are not checked."""
    from ..domains import get_domain

    return check_task(get_domain(domain) if isinstance(domain, str) else domain, task)


TASK_RULES: dict[str, Callable[[Any, Task], Iterable[str]]] = {RULE: tool_fact_traceable}

# task rules that run only when named (``--rules tool_fact_traceable``); empty since the
# generators' vocabulary no longer prints numbers of its own (issue 17: 32 violations on
# the suite when the rule was added, none once the record held the numbers): the rule
# runs by default
OPT_IN: frozenset[str] = frozenset()
