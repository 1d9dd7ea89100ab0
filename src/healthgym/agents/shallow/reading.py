"""Reading tool output with plain string rules: phrase patterns, labelled values,
value shapes and the answer rules that choose among candidates (no clinical logic)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

_UNIT_WORDS = {
    "ms", "mm", "mg", "dl", "kg", "cm", "pct", "mmhg", "bpm", "days", "h", "hours",
    "ml", "min", "g", "l", "mmol", "units",
}  # fmt: skip
NUMBER = r"[-+]?\d+(?:\.\d+)?"
_AGE = re.compile(r"\b(\d{1,3})[- ]year[- ]old\b", re.IGNORECASE)


@cache
def phrase_regex(phrase: str) -> re.Pattern[str] | None:
    """Case-insensitive, word-bounded regex of a phrase (``_``/``-``/space interchangeable)."""
    words = [w for w in re.split(r"[\s_]+", phrase.strip()) if w]
    if not words:
        return None
    body = r"[\s_\-]+".join(re.escape(w) for w in words)
    return re.compile(r"(?<![A-Za-z0-9])" + body + r"(?![A-Za-z0-9])", re.IGNORECASE)


# abbreviations a parameter name may use for a label printed in full (spelling only)
_ABBREVIATIONS = {
    "sbp": "systolic", "dbp": "diastolic", "hr": "heart rate", "rr": "respiratory rate",
    "temp": "temperature", "spo2": "oxygen saturation", "wt": "weight", "ht": "height",
    "qt": "qt interval", "crcl": "creatinine clearance", "egfr": "egfr",
}  # fmt: skip


def label_variants(name: str) -> list[str]:
    """Label words that may print a field's value: ``qtc_ms`` -> ['qtc'];
    ``heart_rate`` -> ['heart rate', 'heart', 'rate'] (the full phrase first);
    ``sbp`` -> ['sbp', 'systolic']."""
    words = [w for w in name.lower().split("_") if w]
    core = [w for w in words if w not in _UNIT_WORDS] or words
    out = [" ".join(core)]
    out += [_ABBREVIATIONS[w] for w in core if w in _ABBREVIATIONS]
    if len(core) > 1:
        out += [w for w in core if len(w) > 2]
    return list(dict.fromkeys(out))


def mentions(text: str, pattern: re.Pattern[str], lowered: str | None = None) -> list[int]:
    """Start offsets of every match. ``lowered`` (``text.lower()``), when given, lets
    a phrase whose first word is absent be skipped without running the regex."""
    if lowered is not None and first_word(pattern) not in lowered:
        return []
    return [m.start() for m in pattern.finditer(text)]


@cache
def first_word(pattern: re.Pattern[str]) -> str:
    """The literal first word of a :func:`phrase_regex` pattern, lower case."""
    body = pattern.pattern[len("(?<![A-Za-z0-9])") :]
    word = body.split("[\\s_\\-]+", 1)[0].split("(?![A-Za-z0-9])", 1)[0]
    return re.sub(r"\\(.)", r"\1", word).lower()


def choose(
    found: dict[Any, list[int]],
    rule: str,
    prior: Counter[Any] | None = None,
    background: dict[Any, float] | None = None,
) -> Any:
    """Pick one candidate from ``{candidate: [offsets]}`` (only non-empty lists count).

    ``distinct`` takes the candidate mentioned most often beyond its usual count in
    training episodes (``background``), and nothing when none exceeds it."""
    found = {k: v for k, v in found.items() if v}
    if not found:
        return None
    if rule == "distinct" and background is not None:
        excess = {k: len(v) - background.get(k, 0.0) for k, v in found.items()}
        excess = {k: x for k, x in excess.items() if x > 1e-9}
        if not excess:
            return None
        return max(excess, key=lambda k: (excess[k], len(str(k)), -min(found[k])))
    if rule == "first":
        return min(found, key=lambda k: (min(found[k]), -len(str(k))))
    if rule == "last":
        return max(found, key=lambda k: (max(found[k]), len(str(k))))
    if rule == "rarest" and prior is not None:
        return min(found, key=lambda k: (prior.get(k, 0), -len(found[k]), min(found[k])))
    # most occurrences; ties: the longer (more specific) phrase, then the first mentioned
    return max(found, key=lambda k: (len(found[k]), len(str(k)), -min(found[k])))


def labelled_numbers(text: str, name: str) -> list[tuple[int, float]]:
    """(offset, number) printed just after a label that matches the field ``name``
    (an ``age`` also reads "54-year-old")."""
    if name.lower() in ("age", "age_years"):
        hits = [(m.start(1), float(m.group(1))) for m in _AGE.finditer(text)]
        if hits:
            return hits
    for label in label_variants(name):
        pat = phrase_regex(label)
        if pat is None:
            continue
        pattern = re.compile(
            pat.pattern + r"[^\d\n]{0,24}?(" + NUMBER + r")(?![\d:-])", re.IGNORECASE
        )
        hits = [(m.start(1), float(m.group(1))) for m in pattern.finditer(text)]
        if hits:
            return hits
    return []


def labelled_words(text: str, name: str, max_chars: int = 40) -> list[tuple[int, str]]:
    """(offset, following text) after each label of ``name`` followed by ':' or '='."""
    out: list[tuple[int, str]] = []
    for label in label_variants(name)[:1]:
        pat = phrase_regex(label)
        if pat is None:
            continue
        tail = r"\s*[:=]\s*([^\n;,.]{1," + str(max_chars) + "})"
        pattern = re.compile(pat.pattern + tail, re.IGNORECASE)
        out += [(m.start(1), m.group(1)) for m in pattern.finditer(text)]
    return out


def shape_of(value: str) -> str:
    """A regex of a value's shape: digits -> \\d, letters -> [A-Za-z], runs kept."""
    out = []
    for ch in value:
        if ch.isdigit():
            out.append(r"\d")
        elif ch.isalpha():
            out.append("[A-Za-z]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def select_number(hits: list[tuple[int, float]], rule: str) -> float | None:
    if not hits:
        return None
    if rule == "first":
        return hits[0][1]
    if rule == "last":
        return hits[-1][1]
    counts = Counter(v for _, v in hits)
    return max(counts, key=lambda v: (counts[v], -next(i for i, x in hits if x == v)))


__all__ = [
    "NUMBER",
    "choose",
    "first_word",
    "label_variants",
    "labelled_numbers",
    "labelled_words",
    "mentions",
    "phrase_regex",
    "select_number",
    "shape_of",
]
