"""The shallow reader: a non-clinical adversary that copies answers out of tool output.

It is a validity probe (issue 15, DESIGN.md "Validity"), not a baseline to beat: a
task should not be solvable by calling every tool once and string-matching what the
tools print. The policy knows no medicine. Per episode it

1. calls every ``observe`` tool the task allows, once, with schema-valid default
   arguments (see :class:`ArgumentFiller`); a tool that takes an entity id (``P1``,
   ``C1``, ``F1``) is called once per id found in the prompt or earlier output;
2. then calls every ``compute`` tool once, its numeric arguments read from the output
   seen so far by the label rule below (``heart_rate`` <- "Heart rate: 66");
3. maps the collected tool OUTPUT text (never the prompt, except to read the
   answer options' letters and to choose which submit fields to fill) to an answer
   with plain string rules learned from the TRAIN split's reference answers
   (:class:`AnswerModel`), and submits it.

Answer rules (``RULES``), applied per submit field:

* an enum or short-text field: its candidates are the enum values and the values seen
  in training answers (``_`` read as a space, case-insensitive, word-bounded); the
  candidate that appears after a label naming the field ("Category: TR4") wins,
  otherwise one of those that appear anywhere, chosen by the rule: ``first``
  mentioned, ``last`` mentioned, ``most`` occurrences, or ``rarest`` (least common
  in training answers, i.e. the most specific word that shows up);
* a letter field with lettered options in the prompt (``A. Cephalexin``): the letter
  whose option text appears, by the same rule;
* a number: the numbers printed just after a label that matches the field name
  ("QTc (Bazett): 422.7" for ``qtc_ms``), first/last/most common by the rule;
* a boolean: yes/no/true/false/present/absent after such a label;
* a list: every candidate that appears (order of first mention; of last mention for
  the ``last`` rule), at most the longest training list;
* a string whose training values share a shape (dates, times, codes): the strings of
  that shape in the output, chosen by the rule;
* free text (training values mostly unique): the output of the tools whose names share
  a word with the field (``technique`` <- ``get_technique``), else all output;
* nothing found: the field's most common training value (what the lazy policy submits).

Which fields are filled: the required ones, those the prompt names (``severity``,
``suicide risk``), or, when the prompt names none, those in at least half of the
training answers.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..domains import get_domain
from ..tasks import Task
from ..tools.parse import format_hermes

RULES: tuple[str, ...] = ("most", "first", "last", "rarest", "distinct")
MAX_CALLS_PER_TURN = 16  # healthgym.tools.parse.MAX_CALLS
MAX_IDS = 8  # entity ids per id-taking tool
_UNIT_WORDS = {
    "ms", "mm", "mg", "dl", "kg", "cm", "pct", "mmhg", "bpm", "days", "h", "hours",
    "ml", "min", "g", "l", "mmol", "units",
}  # fmt: skip
# tool names that change the episode or read general knowledge, used only when a tool
# has not declared its kind (the registry's kind wins whenever it is set)
_ACT_PREFIXES = (
    "give_", "start_", "assign_", "set_", "activate_", "schedule_", "escalate_",
    "document_", "record_", "place_", "discontinue_", "write_", "communicate_",
    "red_cell_", "potassium_decision", "thrombolysis_decision",
)  # fmt: skip
_REFERENCE_NAMES = ("search_knowledge", "read_passage", "describe_schema")
_REFERENCE_PREFIXES = ("lookup_", "get_report_template")
_NUMBER = r"[-+]?\d+(?:\.\d+)?"
_AGE = re.compile(r"\b(\d{1,3})[- ]year[- ]old\b", re.IGNORECASE)
_DATETIME = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2})?\b")


def tool_kind(domain: str, name: str) -> tuple[str, bool]:
    """The tool's kind and whether it was declared (else inferred from its name)."""
    t = get_domain(domain).toolkit.get(name)
    if t is None:
        return "unknown", False
    if t.kind:
        return t.kind, True
    if t.terminal:
        return "submit", False
    if name in _REFERENCE_NAMES or name.startswith(_REFERENCE_PREFIXES):
        return "reference", False
    if name.startswith(_ACT_PREFIXES):
        return "act", False
    return "observe" if not name.startswith(("calc", "calculate_")) else "compute", False


# ----------------------------------------------------------------- string matching


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("_", " ")).strip().lower()


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
    if lowered is not None and _first_word(pattern) not in lowered:
        return []
    return [m.start() for m in pattern.finditer(text)]


@cache
def _first_word(pattern: re.Pattern[str]) -> str:
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
            pat.pattern + r"[^\d\n]{0,24}?(" + _NUMBER + r")(?![\d:-])", re.IGNORECASE
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


# ------------------------------------------------------------------- answer model


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
                if p is not None and len(c) >= 2 and not re.fullmatch(_NUMBER, c):
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
            value = _norm(w)
            hits = [
                c
                for c in fm.candidates
                if _norm(c) and re.match(re.escape(_norm(c)) + r"(?![a-z0-9])", value)
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


# --------------------------------------------------------------------- arguments


class ArgumentFiller:
    """Schema-valid default arguments read from the prompt and earlier output.

    * a declared default, else an enum value the prompt names, else the first value;
    * an id (a parameter whose description gives an example like ``P1`` or ``F1``):
      every id of that shape in the prompt and output (one call each);
    * a date/time (the description shows ``YYYY-MM-DD``): the first one seen;
    * a number: the label rule over what was seen, else the middle of its range
      (1 when unbounded); a boolean: false;
    * a string: a training-answer value seen in the prompt (a drug the prompt names),
      else left out when optional.
    """

    def __init__(self, vocabulary: dict[str, list[str]]) -> None:
        """``vocabulary``: submit field -> its candidate values (training answers)."""
        self._memo_seen: str | None = None
        self._memo: dict[tuple[str, str, bool], Any] = {}
        self.vocab = {
            name: [(v, p) for v in values if len(v) >= 3 and (p := phrase_regex(v))]
            for name, values in vocabulary.items()
        }

    def _vocab_for(self, param: str) -> list[tuple[str, re.Pattern[str]]]:
        """Candidates of the submit fields that share a word with the parameter's name
        (``drug`` <- ``drugs``), else of every field."""
        words = {w.rstrip("s") for w in param.lower().split("_") if len(w) > 2}
        out = [
            vp
            for name, values in self.vocab.items()
            if words & {w.rstrip("s") for w in name.lower().split("_") if len(w) > 2}
            for vp in values
        ]
        return out or [vp for values in self.vocab.values() for vp in values]

    @staticmethod
    def id_pattern(schema: dict[str, Any]) -> re.Pattern[str] | None:
        desc = schema.get("description", "")
        m = re.search(r"e\.g\.\s*'?([A-Z]{1,3})(\d+)'?", desc)
        if m:
            return re.compile(r"\b" + m.group(1) + r"\d+\b")
        return None

    def ids(self, schema: dict[str, Any], seen: str) -> list[str]:
        pat = self.id_pattern(schema)
        if pat is None:
            return []
        return list(dict.fromkeys(pat.findall(seen)))[:MAX_IDS]

    def value(self, name: str, schema: dict[str, Any], required: bool, seen: str) -> Any:
        """One argument value, or ``None`` to leave it out."""
        key = (name, json.dumps(schema, sort_keys=True), required)
        if self._memo_seen != seen:
            self._memo_seen, self._memo = seen, {}
        if key not in self._memo:
            self._memo[key] = self._value(name, schema, required, seen)
        return copy.deepcopy(self._memo[key])

    def _value(self, name: str, schema: dict[str, Any], required: bool, seen: str) -> Any:
        if "default" in schema:
            return schema["default"]
        if "enum" in schema:
            for v in schema["enum"]:
                p = phrase_regex(str(v)) if isinstance(v, str) and len(str(v)) > 2 else None
                if p is not None and p.search(seen):
                    return v
            return schema["enum"][0]
        t = schema.get("type")
        desc = schema.get("description", "")
        if t == "boolean":
            return False if required else None
        if t in ("integer", "number"):
            hits = labelled_numbers(seen, name)
            lo, hi = schema.get("minimum"), schema.get("maximum")
            hits = [(i, v) for i, v in hits if (lo is None or v >= lo) and (hi is None or v <= hi)]
            if hits:
                v = hits[0][1]
            elif not required:
                return None
            elif lo is not None and hi is not None:
                v = (float(lo) + float(hi)) / 2
            else:
                v = float(lo) if lo is not None else 1.0
            return round(v) if t == "integer" else v
        if t == "array":
            if not required:
                return None
            item = self._value(name, schema.get("items", {}), True, seen)
            return [] if item is None else [item]
        if "YYYY-MM-DD" in desc:
            m = _DATETIME.search(seen)
            if m:
                text = m.group(0)
                return text if "HH:MM" in desc else text[:10]
            return None if not required else "2000-01-01"
        low = seen.lower()
        hits = [(p.search(seen), v) for v, p in self._vocab_for(name) if _first_word(p) in low]
        hits = [(m.start(), v) for m, v in hits if m]
        if hits:
            return min(hits)[1][: schema.get("maxLength", 2000)]
        return "unknown" if required else None


# ------------------------------------------------------------------------ policy


@dataclass
class _Planned:
    name: str
    arguments: dict[str, Any]


class ShallowReaderPolicy:
    """Calls every observe tool, then every compute tool, once; submits by string rules.

    Turns: (1) the observe tools whose arguments the prompt fills; (2) the other observe
    tools (ids read from turn-1 output) and every compute tool (numbers read from the
    output so far); (3) for a call that failed naming what it needs ("needs bun: order
    it first (order_lab_panel or order_lab_test)"), the named observe tools (with an
    enum value the message names), then the failed call again; (4) the submission.
    More than 16 calls in a turn are spread over several turns.

    Reads only the observation and ``info`` (the tool schemas); the ``task`` passed to
    :meth:`reset` is not looked at. ``model`` is the domain's :class:`AnswerModel`.
    """

    name = "shallow_reader"

    def __init__(
        self,
        domain: str,
        rule: str = "most",
        model: AnswerModel | None = None,
        kinds: tuple[str, ...] = ("observe", "compute"),
    ):
        if rule not in RULES:
            raise ValueError(f"rule must be one of {RULES}, not {rule!r}")
        self.domain = domain
        self.rule = rule
        self.kinds = kinds  # add "reference" to also call the reference tools
        self.model = model or AnswerModel.for_domain(domain)
        self.filler = ArgumentFiller(
            {
                n: [c for c in fm.candidates if not re.fullmatch(_NUMBER, c)]
                for n, fm in self.model.fields.items()
            }
        )
        self.instructions = get_domain(domain).instructions
        self.kinds_declared = True
        self._reset_state("")

    def _reset_state(self, prompt: str) -> None:
        self.prompt = prompt
        self.outputs: list[tuple[str, str]] = []
        self.errors: list[tuple[str, str]] = []  # (tool, message) of failed calls
        self.queue: list[_Planned] = []
        self.batch: list[_Planned] = []
        self.sent: set[str] = set()
        self.phase = 0
        self.schemas: dict[str, dict[str, Any]] = {}
        self.called: set[str] = set()
        self.last_answer: dict[str, Any] = {}
        self.submitted = False  # the last act() was the submission

    def reset(self, task: Task, observation: str, info: dict[str, Any]) -> None:
        prompt = observation.split("\nTools available:\n", 1)[0]
        if prompt.startswith(self.instructions):  # the domain's role text, not the task
            prompt = prompt[len(self.instructions) :]
        self._reset_state(prompt.strip())
        submit = self.model.submit_name
        for s in info["tools"]:
            fn = s["function"]
            if fn["name"] == submit:
                continue
            kind, declared = tool_kind(self.domain, fn["name"])
            self.kinds_declared &= declared
            if kind in self.kinds:
                self.schemas[fn["name"]] = {"kind": kind, "parameters": fn["parameters"]}

    # ............................................................ planning
    def _seen(self) -> str:
        return self.prompt + "\n" + "\n".join(o for _, o in self.outputs)

    def _plan(self, kind: str, final: bool) -> list[_Planned]:
        """Calls of ``kind`` tools not made yet; with ``final`` every remaining one."""
        seen = self._seen()
        planned: list[_Planned] = []
        for name, spec in self.schemas.items():
            if spec["kind"] != kind or name in self.called:
                continue
            calls = self._calls(name, seen, final)
            if calls is None:
                continue  # wait for output that shows the ids
            self.called.add(name)
            planned += calls
        return planned

    def _calls(self, name: str, seen: str, final: bool) -> list[_Planned] | None:
        """The calls of one tool: one per entity id when it takes one."""
        params = self.schemas[name]["parameters"]
        props: dict[str, Any] = params.get("properties", {})
        required = set(params.get("required", []))
        id_params = {k: s for k, s in props.items() if self.filler.id_pattern(s) is not None}
        ids = {k: self.filler.ids(s, seen) for k, s in id_params.items()}
        if any(k in required and not ids[k] for k in id_params) and not final:
            return None
        base: dict[str, Any] = {}
        for k, s in props.items():
            if k not in id_params:
                v = self.filler.value(k, s, k in required, seen)
                if v is not None:
                    base[k] = v
        id_key = next((k for k in id_params if ids[k]), None)
        if id_key is None:
            args = dict(base)
            args.update({k: "X1" for k in id_params if k in required})
            return [_Planned(name, args)]
        out = []
        for value in ids[id_key]:
            args = dict(base)
            args[id_key] = value
            for k in id_params:
                if k != id_key and k in required:
                    args[k] = ids[k][0] if ids[k] else "X1"
            out.append(_Planned(name, args))
        return out

    def _follow_ups(self) -> list[_Planned]:
        """The observe tools that failed calls name as missing, then those calls again."""
        seen = self._seen()
        first: list[_Planned] = []
        again: list[str] = []
        for failed, message in self.errors:
            for name, spec in self.schemas.items():
                if name == failed or spec["kind"] != "observe":
                    continue
                if not re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", message):
                    continue
                first += self._named_calls(name, message, seen)
            if failed in self.schemas and failed not in again:
                again.append(failed)
        retry: list[_Planned] = []
        for name in again:
            retry += self._calls(name, seen + "\n" + "\n".join(str(c) for c in first), True) or []
        self.errors = []
        out, keys = [], set()
        for c in first + retry:
            key = json.dumps([c.name, c.arguments], sort_keys=True)
            if (c in first and key in self.sent) or key in keys:
                continue
            keys.add(key)
            out.append(c)
        return out

    def _named_calls(self, name: str, message: str, seen: str) -> list[_Planned]:
        """Calls of ``name`` with each enum value the error message names (at most 6)."""
        params = self.schemas[name]["parameters"]
        props: dict[str, Any] = params.get("properties", {})
        required = set(params.get("required", []))
        enum_key, values = None, []
        for k, sch in props.items():
            hits = [
                v
                for v in sch.get("enum", [])
                if isinstance(v, str) and (p := phrase_regex(v)) and p.search(message)
            ]
            if hits:
                enum_key, values = k, hits[:6]
                break
        if enum_key is None:
            if any("enum" in sch and k in required for k, sch in props.items()):
                return []  # nothing in the message says which value to ask for
            return self._calls(name, seen, True) or []
        base = (self._calls(name, seen, True) or [_Planned(name, {})])[0].arguments
        return [_Planned(name, {**base, enum_key: v}) for v in values]

    def _emit(self) -> str:
        self.batch, self.queue = self.queue[:MAX_CALLS_PER_TURN], self.queue[MAX_CALLS_PER_TURN:]
        for c in self.batch:
            self.sent.add(json.dumps([c.name, c.arguments], sort_keys=True))
        return "\n".join(format_hermes(c.name, c.arguments) for c in self.batch)

    def act(self, observation: str) -> str:
        if self.phase > 0:
            self._collect(observation)
        while not self.queue:
            self.phase += 1
            if self.phase == 1:
                self.queue = self._plan("observe", final=False)
            elif self.phase == 2:
                # observe tools that needed ids from earlier output, then compute tools
                self.queue = self._plan("observe", final=True) + self._plan("compute", True)
                self.queue += self._plan("reference", True)  # only when asked for
            elif self.phase == 3:
                self.queue = self._follow_ups()
            else:
                self.submitted = True
                return self.submission(self.rule)
        return self._emit()

    def submission(self, rule: str) -> str:
        """The submit call the answer ``rule`` makes of the output collected so far."""
        self.last_answer = self.model.answer(self.outputs, self.prompt, rule)
        return format_hermes(self.model.submit_name, self.last_answer)

    def _collect(self, observation: str) -> None:
        """Keep each successful tool output; failed calls are kept apart (their messages
        list tools and enum values, which would pollute the answer text)."""
        for part in re.split(r"\n\n(?=\[[A-Za-z_]\w*\] )", observation):
            m = re.match(r"\[(\w+)\] (.*)", part, re.DOTALL)
            if not m:
                continue
            if m.group(2).startswith("Error"):
                self.errors.append((m.group(1), m.group(2)))
            else:
                self.outputs.append((m.group(1), m.group(2)))
