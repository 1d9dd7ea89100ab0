"""Task-level lint rule ``tool_fact_traceable``: every number an observe tool prints is
traceable to the task's hidden record.

Unlike the record rules (:mod:`.rules`, which read a :class:`~.model.PatientView`), this
rule runs the domain's tools: for a task it builds a fresh episode state
(``domain.new_state(task)``), calls every ``observe`` tool the task allows once, in the
task's tool order, and checks each number printed against the record.  See
:func:`tool_fact_traceable` for what is checked, what is allowed and the limits.

Reading the numbers of a text is :mod:`.printed`; what they may be traced to (record
values, conversions, derived values, published constants) is :mod:`.trace`; this
module calls the tools and applies the rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..tasks import Task
from .printed import (
    COMPOUND,
    DATETIME,
    GESTATION,
    LIST_ITEM_START,
    OR_MORE,
    REFERENCE_CUE,
    TIME_OF_DAY,
    Printed,
    numbers,
)
from .trace import Trace, build_trace, reference_constants

RULE = "tool_fact_traceable"

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
    if numbered and p.decimals == 0 and LIST_ITEM_START.search(before) and p.value < 100:
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
    for m in DATETIME.finditer(out):
        stats.numbers += 1
        if m.group(0) not in trace.text:
            stats.untraced += 1
            yield f"{name} printed {m.group(0)}, not in the record"
        masked[m.start() : m.end()] = " " * (m.end() - m.start())
    for m in TIME_OF_DAY.finditer(out):
        stats.excluded += 1
        masked[m.start() : m.end()] = " " * (m.end() - m.start())
    text = "".join(masked)
    for m in GESTATION.finditer(text):
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
            bool(REFERENCE_CUE.search(text[max(0, p.start - 40) : p.start]))
            or bool(COMPOUND.match(after))
            or bool(OR_MORE.match(after))
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
      the prompt, possibly converted by a unit factor a tool applies
      (:data:`.trace.CONVERSIONS`: glucose mmol/L <-> mg/dL, creatinine mg/dL <-> umol/L,
      kg/lb, cm/in, C/F, ages in days as weeks/months/years, h/min, fraction/%), tried
      only when the printed number is followed by the converted unit;
      Durations converted to a larger unit may be truncated ("about 17 years" for 213
      months);
    * a value recomputable from the record (:func:`.trace.derived_values`: BMI, MAP,
      pulse pressure, shock index, anion gap, Cockcroft-Gault clearance,
      Bazett/Fridericia QTc, an EHR lab series' change/min/max/mean, the Child-Pugh
      score of recorded liver tests, the sum of any list of numbers - questionnaire
      totals - and the length of any list - "Current medications (7)");
    * where the text marks it as a reference ("ref", "reference", "normal", "needs",
      ">=", "threshold", "target", "more than", "within", "after", "held", "questions",
      "N or more", "N% or more", "N-minute"), a published constant: a
      LAB_TESTS reference interval (Merck Manual "Normal Laboratory Values"; ABIM 2024,
      via :mod:`healthgym.clinical.labs`, also in mmol/L and umol/L) or a numeric
      constant of the domain's own modules, :mod:`healthgym.tools.calculators` or
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
