"""The shallow reader's answer model: per submit field, the candidates and rules
learned from the TRAIN split's reference answers, applied to collected tool output."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ...clinical.text import lower_words
from ...domains import get_domain
from .reading import (
    NUMBER,
    choose,
    labelled_numbers,
    labelled_words,
    mentions,
    phrase_regex,
    select_number,
    shape_of,
)


@dataclass
class FieldModel:
    """What the reader knows of one submit field, from training answers only."""

    name: str
    schema: dict[str, Any]
    kind: str  # enum | text | shape | free | number | integer | boolean | list
    prior: Counter[Any] = field(default_factory=Counter)  # training values (json for lists)
    item_prior: Counter[str] = field(default_factory=Counter)  # list items
    candidates: list[str] = field(default_factory=list)
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    shapes: list[re.Pattern[str]] = field(default_factory=list)
    presence: float = 0.0  # share of training answers that fill the field
    max_items: int = 0
    background: dict[str, float] = field(default_factory=dict)  # mean mentions per episode

    def fallback(self) -> Any:
        """The most common training value (what the lazy policy would put here)."""
        if not self.prior:
            return [] if self.kind == "list" else None
        value = self.prior.most_common(1)[0][0]
        return json.loads(value) if self.kind == "list" else value


def _field_kind(schema: dict[str, Any], values: list[Any]) -> str:
    t = schema.get("type")
    if t == "array":
        return "list"
    if t in ("number", "integer", "boolean"):
        return str(t)
    if "enum" in schema:
        return "enum"
    strings = [v for v in values if isinstance(v, str)]
    if not strings:
        return "text"
    shapes = Counter(shape_of(v) for v in strings)
    # the common shapes that hold digits (a date, a time, a code)
    top = sum(n for sh, n in shapes.most_common(3) if r"\d" in sh)
    mean_len = sum(map(len, strings)) / len(strings)
    if top >= 0.6 * len(strings) and mean_len >= 5:
        return "shape"  # dates, times, codes (a short label such as "4A" stays text)
    if len(set(strings)) > 0.5 * len(strings) and len(strings) >= 10 and mean_len > 60:
        return "free"
    return "text"


class AnswerModel:
    """Per-domain answer vocabulary learned from the TRAIN split's reference answers."""

    def __init__(
        self, submit_name: str, parameters: dict[str, Any], answers: list[dict[str, Any]]
    ) -> None:
        """``parameters``: the submit tool's JSON schema; ``answers``: training answers."""
        self.submit_name = submit_name
        self._cache_text: str | None = None
        self._cache: dict[str, dict[str, list[int]]] = {}
        props: dict[str, Any] = parameters.get("properties", {})
        self.required = list(parameters.get("required", []))
        self.fields: dict[str, FieldModel] = {}
        for name, schema in props.items():
            values = [a[name] for a in answers if name in a]
            fm = FieldModel(name, schema, _field_kind(schema, values))
            fm.presence = len(values) / max(1, len(answers))
            if fm.kind == "list":
                fm.prior = Counter(json.dumps(v) for v in values)
                fm.item_prior = Counter(str(x) for v in values for x in v)
                enum = schema.get("items", {}).get("enum", [])
                fm.candidates = list(dict.fromkeys([*map(str, enum), *fm.item_prior]))
                fm.max_items = max((len(v) for v in values), default=0)
            else:
                fm.prior = Counter(v for v in values if isinstance(v, (str, int, float, bool)))
                if fm.kind in ("enum", "text"):
                    enum = [str(v) for v in schema.get("enum", [])]
                    seen = [str(v) for v in fm.prior]
                    fm.candidates = list(dict.fromkeys([*enum, *seen]))
                elif fm.kind == "shape":
                    shapes = Counter(shape_of(str(v)) for v in values)
                    fm.shapes = [
                        re.compile(r"(?<![A-Za-z0-9])" + s + r"(?![A-Za-z0-9])")
                        for s, _ in shapes.most_common(3)
                        if r"\d" in s
                    ]
            for c in fm.candidates:
                p = phrase_regex(c)
                # a bare number or a single letter as a candidate would match anywhere
                if p is not None and len(c) >= 2 and not re.fullmatch(NUMBER, c):
                    fm.patterns[c] = p
            self.fields[name] = fm

    @classmethod
    def from_answers(cls, domain: str, answers: list[dict[str, Any]]) -> AnswerModel:
        submit = next(t for t in get_domain(domain).toolkit if t.terminal)
        return cls(submit.name, submit.parameters, answers)

    @classmethod
    def for_domain(cls, domain: str, split: str = "train") -> AnswerModel:
        d = get_domain(domain)
        return cls.from_answers(domain, [d.task(i).reference.answer for i in d.indices(split)])

    def fit_background(self, episodes: list[list[tuple[str, str]]]) -> None:
        """Mean mentions of each candidate per episode, over the reader's own TRAIN
        episodes: what the tools print whatever the answer (tool names, menus)."""
        texts = ["\n".join(out for _, out in ep) for ep in episodes]
        lows = [t.lower() for t in texts]
        for fm in self.fields.values():
            fm.background = {
                c: sum(len(mentions(t, p, lo)) for t, lo in zip(texts, lows, strict=True))
                / max(1, len(texts))
                for c, p in fm.patterns.items()
            }

    # ............................................................ choosing fields
    def fields_for(self, prompt: str) -> list[str]:
        """Required fields plus those the prompt assigns (``severity=...``), else those
        it names, else the usual ones (in at least half of the training answers)."""
        assigned, named = [], []
        for name in self.fields:
            if re.search(r"(?<![\w])" + re.escape(name) + r"\s*=", prompt):
                assigned.append(name)
            p = phrase_regex(name)
            if p is not None and p.search(prompt):
                named.append(name)
        chosen = list(self.required)
        extra = assigned or named
        chosen += [n for n in extra if n not in chosen]
        if not extra:
            chosen += [n for n, f in self.fields.items() if f.presence >= 0.5 and n not in chosen]
        return chosen

    def _found(self, fm: FieldModel, text: str) -> dict[str, list[int]]:
        """``{candidate: offsets}`` of a field's candidates in ``text`` (the last text's
        matches are kept: every rule of one episode reads the same output)."""
        if self._cache_text is not text:
            self._cache_text, self._cache = text, {}
        if fm.name not in self._cache:
            low = text.lower()
            self._cache[fm.name] = {c: mentions(text, p, low) for c, p in fm.patterns.items()}
        return self._cache[fm.name]

    # ................................................................. answering
    def answer(
        self,
        outputs: list[tuple[str, str]],
        prompt: str,
        rule: str,
    ) -> dict[str, Any]:
        """Map ``[(tool, output text)]`` to submit arguments by ``rule``."""
        text = "\n".join(out for _, out in outputs)
        if self._cache_text == text:
            text = self._cache_text  # the same object: its matches are reused
        result: dict[str, Any] = {}
        for name in self.fields_for(prompt):
            fm = self.fields[name]
            value = self._field(fm, text, outputs, prompt, rule)
            if value is None:
                value = fm.fallback()
            if value is None:
                continue
            result[name] = _fit(value, fm.schema)
        return result

    def _field(
        self,
        fm: FieldModel,
        text: str,
        outputs: list[tuple[str, str]],
        prompt: str,
        rule: str,
    ) -> Any:
        if fm.kind in ("number", "integer"):
            lo, hi = fm.schema.get("minimum"), fm.schema.get("maximum")
            hits = [
                (i, v)
                for i, v in labelled_numbers(text, fm.name)
                if (lo is None or v >= lo) and (hi is None or v <= hi)
            ]
            return select_number(hits, rule)
        if fm.kind == "boolean":
            words = [w.strip().lower().split(" ")[0] for _, w in labelled_words(text, fm.name)]
            votes = [w in ("yes", "true", "present", "positive") for w in words]
            votes = [v for v, w in zip(votes, words, strict=True) if w in _BOOL_WORDS]
            if not votes:
                return None
            most = Counter(votes).most_common(1)[0][0]
            return {"first": votes[0], "last": votes[-1]}.get(rule, most)
        if fm.kind == "list":
            found = self._found(fm, text)
            found = {c: v for c, v in found.items() if v}
            if not found:
                return None
            key = (lambda c: max(found[c])) if rule == "last" else (lambda c: min(found[c]))
            items = sorted(found, key=key)
            if rule == "distinct":
                excess = {c: len(found[c]) - fm.background.get(c, 0.0) for c in items}
                items = sorted((c for c in items if excess[c] > 1e-9), key=lambda c: -excess[c])
                if not items:
                    return None
            elif rule == "rarest":
                items = sorted(items, key=lambda c: fm.item_prior.get(c, 0))
            elif rule == "most":
                items = sorted(items, key=lambda c: -len(found[c]))
            return items[: max(1, fm.max_items)]
        if fm.kind == "shape":
            hits: dict[str, list[int]] = {}
            for pat in fm.shapes:
                for m in pat.finditer(text):
                    hits.setdefault(m.group(0), []).append(m.start())
            return choose(hits, rule, fm.prior)
        if fm.kind == "free":
            return _free_text(fm, outputs)
        # enum / short text
        letters = _lettered_options(prompt)
        if letters and set(fm.candidates) <= set(letters) | {""}:
            pats = {k: phrase_regex(v) for k, v in letters.items()}
            found = {k: mentions(text, p) for k, p in pats.items() if p is not None}
            return choose(found, rule, fm.prior)
        labelled = []
        for _, w in labelled_words(text, fm.name):
            value = lower_words(w)
            hits = [
                c
                for c in fm.candidates
                if lower_words(c) and re.match(re.escape(lower_words(c)) + r"(?![a-z0-9])", value)
            ]
            if hits:
                labelled.append(max(hits, key=len))
        if labelled:
            return {"first": labelled[0], "last": labelled[-1]}.get(
                rule, Counter(labelled).most_common(1)[0][0]
            )
        found = self._found(fm, text)
        return choose(found, rule, fm.prior, fm.background)


_BOOL_WORDS = {"yes", "no", "true", "false", "present", "absent", "positive", "negative"}


def _lettered_options(prompt: str) -> dict[str, str]:
    """``{"A": "Cephalexin", ...}`` from lines such as 'A. Cephalexin'."""
    return {
        m.group(1): m.group(2).strip()
        for m in re.finditer(r"^\s*([A-H])[.)]\s+(.+?)\s*$", prompt, re.MULTILINE)
    }


def _free_text(fm: FieldModel, outputs: list[tuple[str, str]]) -> str | None:
    words = {w.rstrip("s") for w in fm.name.lower().split("_") if len(w) > 2}
    picked = [
        out
        for tool, out in outputs
        if words & {w.rstrip("s") for w in tool.lower().split("_") if len(w) > 2}
    ]
    text = " ".join(picked or [out for _, out in outputs])
    text = re.sub(r"\s+", " ", text).strip()
    limit = int(fm.schema.get("maxLength", 2000))
    return text[:limit] or None


def _fit(value: Any, schema: dict[str, Any]) -> Any:
    """Coerce a chosen value to the field's schema type and bounds."""
    t = schema.get("type")
    if t in ("number", "integer"):
        try:
            v = float(value)
        except (TypeError, ValueError):
            return value
        if "minimum" in schema:
            v = max(v, float(schema["minimum"]))
        if "maximum" in schema:
            v = min(v, float(schema["maximum"]))
        return round(v) if t == "integer" else v
    if t == "string" and not isinstance(value, str):
        return str(value)
    if t == "array" and isinstance(value, list):
        items = schema.get("items", {})
        out = [_fit(x, items) for x in value]
        if "enum" in items:
            out = [x for x in out if x in items["enum"]]
        return out[: schema.get("maxItems", len(out))]
    if "enum" in schema and value not in schema["enum"]:
        low = {str(e).lower(): e for e in schema["enum"]}
        return low.get(str(value).lower(), value)
    return value


__all__ = ["AnswerModel", "FieldModel"]
