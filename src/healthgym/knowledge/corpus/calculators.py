"""Built-in passages from clinical scores, formula calculators and unit conversions,
read from their docstrings (name, criteria, bands, source)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from healthgym.clinical.diseases import PROFILES
from healthgym.clinical.registry import core_scores

from ..passages import Passage
from ._util import doc_sections, join, label, passage, signature_inputs


def _used_in() -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for p in sorted(PROFILES.values(), key=lambda p: p.key):
        for s in p.scores:
            out[s].append(p.name)
    return out


def calculator_passages(
    key: str, fn: Callable[..., Any], kind: str, used_in: list[str] | None = None
) -> Iterator[Passage]:
    """Overview, criteria/formula and interpretation passages of one calculator."""
    sec = doc_sections(fn)
    if not sec["summary"]:
        return
    name = sec["summary"].rstrip(".")
    source = sec["source"]
    inputs = signature_inputs(fn)
    lines = [sentence_of(sec["summary"])]
    if source:
        lines.append(f"Source: {source}")
    if inputs:
        lines.append(f"Inputs: {join(inputs)}.")
    if used_in:
        lines.append(f"Used in the assessment of: {join(used_in)}.")
    yield passage(f"{kind}/{key}", f"{name}: overview", lines, source, kind, calculator=key)
    if sec["criteria"]:
        heading = "criteria and points" if kind == "score" else "formula and method"
        yield passage(
            f"{kind}/{key}/criteria",
            f"{name}: {heading}",
            [f"{name} ({label(key)}).", sec["criteria"]],
            source,
            kind,
            calculator=key,
        )
    if sec["interpretation"]:
        yield passage(
            f"{kind}/{key}/interpretation",
            f"{name}: interpretation",
            [f"{name} ({label(key)}).", sec["interpretation"]],
            source,
            kind,
            calculator=key,
        )


def sentence_of(text: str) -> str:
    return text if text.endswith(".") else text + "."


def score_passages() -> Iterator[Passage]:
    used = _used_in()
    for key, fn in sorted(core_scores().items()):
        yield from calculator_passages(key, fn, "score", used.get(key))


def _calculator_functions() -> Iterator[tuple[str, Callable[..., Any]]]:
    """Public functions listed in ``__all__`` of modules under
    ``healthgym.clinical.calculators``.  A module that fails to import raises: a
    corpus silently missing a calculator family would be a silent failure."""
    package = importlib.import_module("healthgym.clinical.calculators")
    seen: set[str] = set()
    modules = [package]
    for info in pkgutil.iter_modules(getattr(package, "__path__", []), package.__name__ + "."):
        modules.append(importlib.import_module(info.name))
    for module in modules:
        for name in sorted(getattr(module, "__all__", ())):
            fn = getattr(module, name, None)
            if inspect.isfunction(fn) and name not in seen and name not in core_scores():
                seen.add(name)
                yield name, fn


def formula_passages() -> Iterator[Passage]:
    for key, fn in _calculator_functions():
        yield from calculator_passages(key, fn, "calculator")


def unit_passages() -> Iterator[Passage]:
    """One passage per conversion factor listed in ``healthgym.clinical.units``."""
    from healthgym.clinical import units

    doc = inspect.getdoc(units) or ""
    _, _, rest = doc.partition("Conversion factors")
    source = "AMA Manual of Style, 11th ed., SI conversion tables; Young DS, Ann Intern Med 1987"
    bullets: list[str] = []
    for line in rest.splitlines():
        if line.startswith("* "):
            bullets.append(line[2:].strip())
        elif line.startswith("  ") and bullets:
            bullets[-1] += " " + line.strip()
    seen: set[str] = set()
    for i, b in enumerate(bullets, start=1):
        subject = b.split(" 1 ")[0].split(":")[0].strip() or f"conversion {i}"
        slug = re.sub(r"[^a-z0-9]+", "-", subject.lower()).strip("-") or str(i)
        slug = slug if slug not in seen else f"{slug}-{i}"
        seen.add(slug)
        yield passage(
            f"units/{slug}",
            f"Unit conversion: {subject}",
            [f"Conversion factor ({subject}): {b}."],
            source,
            "units",
        )
