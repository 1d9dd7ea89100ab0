"""Schema-valid default tool arguments read from the prompt and earlier output."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from .reading import first_word, labelled_numbers, phrase_regex

MAX_IDS = 8  # entity ids per id-taking tool
_DATETIME = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2})?\b")


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
        hits = [(p.search(seen), v) for v, p in self._vocab_for(name) if first_word(p) in low]
        hits = [(m.start(), v) for m, v in hits if m]
        if hits:
            return min(hits)[1][: schema.get("maxLength", 2000)]
        return "unknown" if required else None


__all__ = ["MAX_IDS", "ArgumentFiller"]
