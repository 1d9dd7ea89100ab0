"""MedCalc-Bench scoring by the benchmark's own rules (Khandekar et al., NeurIPS 2024):
a decimal answer is correct inside the row's [Lower Limit, Upper Limit] (the ground
truth +-5%), an integer score when equal after rounding, a date (MM/DD/YYYY) only when
identical, a gestational age only as the same (weeks, days) pair.  The comparison is
:func:`healthgym.clinical.medcalc.dataset.is_correct`; this module reads the answer.

Reading the answer from free text, in order: the value of the last ``"answer": ...``
field (the benchmark's JSON output format), else what follows the last "final answer"
/ "answer is" / "answer:" cue or ``\\boxed{}``, else the whole reply.  From that
candidate: a date ``M/D/YYYY``; a ``(weeks, days)`` pair ("(14, 1)", "14 weeks and 1
day", "('14 weeks', '1 days')"); or a number - the one after the last ``=`` if any,
else the first number of a cue's candidate ("X out of Y" -> X) and the last number of
a whole reply.  Unit suffixes such as "/1.73 m²" are dropped first, thousands separators
are removed, and a "%" sign is ignored (MedCalc's own percentage answers, e.g. FENa,
are stated in percent units; its reference scorer's division by 100 would reject them).
"""

from __future__ import annotations

import json
import math
import re

from ...clinical.medcalc.dataset import MedCalcRow, is_correct
from ...clinical.text import plain_typography
from ..items import EvalItem, ScoreResult
from .choice import clip

_JSON_ANSWER = re.compile(
    r"""["']answer["']\s*:\s*("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|\([^)\n]*\)|\[[^\]\n]*\]|[^,}\n]+)""",
    re.IGNORECASE,
)
_BOXED = re.compile(r"\\boxed\{([^{}]*)\}")
_CUE = re.compile(
    r"(?:\bfinal\s+answer\b(?:\s+is\b)?|\banswer\s+is\b|\banswer\b\s*[:=])\s*[:=]?",
    re.IGNORECASE,
)
_UNIT_NOISE = re.compile(r"/\s*1\.73\s*m(?:²|\^?2)?|\bm²|\bm\^?2\b|\bx\s*10\^\d+", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|(?<![\w.])-?\.\d+")
_OUT_OF = re.compile(r"(?<![\d.])(-?\d+(?:\.\d+)?)\s*(?:out\s+of|/)\s*\d+", re.IGNORECASE)
_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_WEEKS_DAYS = re.compile(
    r"(?<!\d)(\d+)\s*(?:weeks?|wks?|w)\b\W{0,10}?(?:and\s+)?['\"]?\s*(\d+)\s*(?:days?|d)\b",
    re.IGNORECASE,
)
_PAIR = re.compile(r"[\(\[]\s*['\"]?\s*(\d+)[^,\d)\]]{0,12},\s*['\"]?\s*(\d+)[^)\]\d]{0,12}[\)\]]")


def _normalise(text: str) -> str:
    return plain_typography(text)


def answer_candidate(text: str) -> tuple[str, bool]:
    """(the part of the reply that states the answer, whether a cue located it)."""
    text = _normalise(clip(text))
    fields = list(_JSON_ANSWER.finditer(text))
    if fields:
        raw = fields[-1].group(1).strip()
        if raw.startswith('"'):
            try:
                raw = str(json.loads(raw))
            except json.JSONDecodeError:
                raw = raw.strip('"')
        return raw.strip().strip("'"), True
    boxed = list(_BOXED.finditer(text))
    if boxed:
        return boxed[-1].group(1), True
    cues = list(_CUE.finditer(text))
    if cues:
        tail = text[cues[-1].end() :].strip()
        line = tail.split("\n", 1)[0].strip()
        if line:
            return line, True
    return text, False


def read_number(candidate: str, from_cue: bool) -> float | None:
    """The number a candidate states (see the module doc), or ``None``."""
    text = _UNIT_NOISE.sub(" ", candidate)
    if "=" in text:
        after = text.rsplit("=", 1)[1]
        if _NUMBER.search(after):
            text = after
    out_of = _OUT_OF.search(text)
    if out_of and from_cue:
        return float(out_of.group(1))
    nums = _NUMBER.findall(text)
    if not nums:
        return None
    raw = nums[0] if from_cue else nums[-1]
    try:
        value = float(raw.replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_date(candidate: str) -> str | None:
    """The last ``M/D/YYYY`` date in the candidate as ``MM/DD/YYYY``, or ``None``."""
    dates = _DATE.findall(candidate)
    if not dates:
        return None
    m, d, y = dates[-1]
    return f"{int(m):02d}/{int(d):02d}/{y}"


def read_weeks_days(candidate: str) -> tuple[int, int] | None:
    """The last (weeks, days) pair the candidate states, or ``None``."""
    found = [(m.start(), m) for m in _WEEKS_DAYS.finditer(candidate)]
    found += [(m.start(), m) for m in _PAIR.finditer(candidate)]
    if not found:
        return None
    m = max(found, key=lambda f: f[0])[1]
    return int(m.group(1)), int(m.group(2))


def _row(item: EvalItem) -> MedCalcRow:
    meta = item.meta
    return MedCalcRow(
        row_number=int(meta.get("row_number", 0)),
        calculator_id=int(meta.get("calculator_id", 0)),
        calculator_name=str(meta.get("calculator_name", "")),
        output_type=str(meta["output_type"]),
        note="",
        question=item.question,
        entities={},
        ground_truth=str(item.gold),
        lower=str(meta.get("lower", item.gold)),
        upper=str(meta.get("upper", item.gold)),
        explanation="",
    )


def score_medcalc(item: EvalItem, answer: str) -> ScoreResult:
    """1 when the answer read from the reply is correct under MedCalc-Bench's rules."""
    row = _row(item)
    candidate, from_cue = answer_candidate(answer)
    extracted: object
    if row.ground_truth.startswith("("):
        extracted = read_weeks_days(candidate)
        if extracted is None and from_cue:
            extracted = read_weeks_days(_normalise(clip(answer)))
    elif row.output_type == "date":
        extracted = read_date(candidate)
    else:
        extracted = read_number(candidate, from_cue)
    ok = extracted is not None and is_correct(extracted, row)
    return ScoreResult(
        score=float(ok),
        correct=ok,
        extracted=list(extracted) if isinstance(extracted, tuple) else extracted,
        details={"output_type": row.output_type, "candidate": candidate[:200]},
    )
