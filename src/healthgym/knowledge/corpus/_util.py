"""Shared wording helpers for the built-in corpus generators."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from typing import Any

from ..passages import Passage

COLLECTION = "healthgym-builtin"
PROJECT_SOURCE = "healthgym clinical catalogue"

VITALS: dict[str, tuple[str, str]] = {
    "hr": ("heart rate", "/min"),
    "sbp": ("systolic blood pressure", "mmHg"),
    "dbp": ("diastolic blood pressure", "mmHg"),
    "rr": ("respiratory rate", "/min"),
    "temp_c": ("temperature", "C"),
    "spo2": ("oxygen saturation (SpO2)", "%"),
}


def passage(
    pid: str, title: str, lines: Iterable[str], source: str, kind: str, **meta: Any
) -> Passage:
    """A built-in passage; ``lines`` are joined with newlines (empty ones dropped)."""
    text = "\n".join(line for line in lines if line and line.strip())
    return Passage(
        id=f"builtin:{pid}",
        title=title,
        text=text,
        source=source or PROJECT_SOURCE,
        collection=COLLECTION,
        metadata={"kind": kind, **meta},
    )


def pct(p: float) -> str:
    return f"{round(p * 100)}%"


def num(x: float) -> str:
    return f"{x:g}"


def label(key: str) -> str:
    """Readable form of a snake_case key ('af_rvr' -> 'af rvr')."""
    return key.replace("_", " ")


def join(items: Iterable[str], conj: str = "and") -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]


def sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def by_probability(table: dict[str, float]) -> list[tuple[str, float]]:
    return sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))


_BLANK = re.compile(r"\n\s*\n")


def doc_sections(fn: Callable[..., Any]) -> dict[str, str]:
    """Split a calculator docstring into summary, source, criteria and interpretation.

    The scores' docstrings follow one layout: a one-line summary, a ``Source:``
    paragraph, criteria paragraphs, then paragraphs from the first one starting
    with ``Interpretation``.  Missing parts come back empty.
    """
    doc = inspect.getdoc(fn) or ""
    paragraphs = [p.strip() for p in _BLANK.split(doc) if p.strip()]
    out = {"summary": "", "source": "", "criteria": "", "interpretation": ""}
    if not paragraphs:
        return out
    out["summary"] = " ".join(paragraphs[0].split())
    criteria: list[str] = []
    interp: list[str] = []
    for para in paragraphs[1:]:
        if not out["source"] and re.match(r"^Sources?\s*:", para):
            out["source"] = _trim_source(para.split(":", 1)[1])
        elif interp or para.lower().startswith("interpretation"):
            interp.append(para)
        else:
            criteria.append(para)
    out["criteria"] = "\n".join(criteria)
    out["interpretation"] = "\n".join(interp)
    if not out["source"]:
        cited = [" ".join(c.split()) for c in _CITATION.findall(doc)]
        out["source"] = "; ".join(dict.fromkeys(cited))
    return out


def _trim_source(text: str) -> str:
    """The citation part of a ``Source:`` paragraph (notes on argument units dropped)."""
    text = " ".join(text.split()).split(" ``")[0].strip()
    return text if len(text) <= 300 else text[:297].rsplit(" ", 1)[0] + " ..."


# a parenthesised reference with a year, e.g. "(Inker LA et al. N Engl J Med 2021;385:1737)"
_CITATION = re.compile(r"\(([^()]*?[A-Z][a-z]+[^()]*?(?:19|20)\d\d[^()]*)\)")


def signature_inputs(fn: Callable[..., Any]) -> list[str]:
    """Parameter names and annotations of a calculator, as readable strings."""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return []
    out = []
    for p in params:
        ann = p.annotation if p.annotation is not inspect.Parameter.empty else ""
        ann = ann if isinstance(ann, str) else getattr(ann, "__name__", str(ann))
        optional = " (optional)" if p.default is not inspect.Parameter.empty else ""
        out.append(f"{label(p.name)}{f' [{ann}]' if ann else ''}{optional}")
    return out
