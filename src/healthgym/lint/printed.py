"""Numbers as a tool prints them, and the cues around them that the task lint's
``tool_fact_traceable`` rule reads (:mod:`healthgym.lint.tool_facts`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# a number: digits with optional thousands separators and decimals.  Tokens glued to a
# letter (P1, F2, CT8821, HbA1c, SpO2, m2, V3, G3P2, 1a, x10^9) are identifiers or unit
# exponents, not values; after a hyphen, a number is negative after a space ("station
# -2"), the upper end of a range after a digit ("3-5") and part of a name after a
# letter ("COVID-19").
_NUM = re.compile(r"(?<![\w.^/:])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w^])")
DATETIME = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\b")
TIME_OF_DAY = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
GESTATION = re.compile(r"\b\d{1,2}\+\d\b")  # 40+4 weeks: checked as weeks+days
LIST_ITEM_START = re.compile(r"(?:^|[\n;:(]|\s-)\s*$")  # a list number "1." / "2)" at an item start
OR_MORE = re.compile(r"^\s*%?\s*(?:or (?:more|less|above|below|higher|lower|over|under)\b|\+)")
COMPOUND = re.compile(r"^-[a-z]")  # "30-minute observation": a protocol constant
REFERENCE_CUE = re.compile(
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


__all__ = [
    "COMPOUND",
    "DATETIME",
    "GESTATION",
    "LIST_ITEM_START",
    "OR_MORE",
    "REFERENCE_CUE",
    "TIME_OF_DAY",
    "Printed",
    "numbers",
]
