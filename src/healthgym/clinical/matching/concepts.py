"""Concept mentions in free text: vocabulary phrases found with their context.

A :class:`ConceptIndex` is built once from ``(key, phrases)`` entries (a disease
profile's name and synonyms, a treatment's name, brand names and synonyms, a
domain's own answer vocabulary).  :meth:`ConceptIndex.mentions` returns every
concept the text names, each with whether it is negated or hedged:

* phrases are compared as canonical token sequences (:mod:`.normalise`), filler
  words ignored; "X of Y" phrases also match as "Y X" (genitive inversion:
  "exacerbation of COPD" == "COPD exacerbation");
* the longest phrase wins: a mention inside a longer matched phrase is not a
  mention of its own ("hospital-acquired pneumonia" is not also "pneumonia");
* a mention preceded by a *discordant qualifier* is not a mention of that concept:
  qualifiers come in classes (:data:`QUALIFIER_CLASSES`: acute/chronic,
  ischaemic/haemorrhagic, community/hospital-acquired, bacterial/viral, upper/lower
  ...); a concept whose own phrases use one member of a class does not match text
  that qualifies it with another member ("chronic pyelonephritis" is not "acute
  pyelonephritis", "viral meningitis" is not "bacterial meningitis");
* composite concepts (:class:`Composite`) are named by parts in one clause, each
  part asserted ("septic shock from pyelonephritis" -> urosepsis);
* trigger words inside a matched concept name are part of the name, not cues
  ("highly suspicious for melanoma" is not hedged, "Rh negative" not negated);
* a mention offered as one of several alternatives ("X or Y", "X vs Y",
  "differential: X, Y") carries ``alternative`` - even when the other alternative is
  no concept of the index, so a grader can tell "X or renal colic" from "probable X".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .context import Token, annotate
from .normalise import canonical_phrase, canonical_tokens

# Qualifier classes: members are mutually exclusive specifications of one axis.
# (post_ok: the qualifier may also follow the concept, e.g. "aortic dissection type B")
QUALIFIER_CLASSES: tuple[tuple[tuple[str, ...], bool], ...] = (
    (("acute", "chronic", "subacute", "constrictive"), False),
    (("ischemic", "hemorrhagic"), False),
    (("bacterial", "viral", "fungal", "aseptic", "tuberculous", "parasitic"), False),
    (
        (
            "community acquired",
            "hospital acquired",
            "nosocomial",
            "ventilator associated",
            "healthcare associated",
            "aspiration",
            "postoperative",
        ),
        False,
    ),
    (("upper", "lower"), False),
    (("primary", "secondary"), False),
    (("spontaneous", "traumatic", "iatrogenic", "tension"), False),
    (("type a", "type b"), True),
    (
        (
            "inferior",
            "anterior",
            "lateral",
            "posterior",
            "septal",
            "anteroseptal",
            "anterolateral",
            "inferolateral",
            "inferoposterior",
        ),
        False,
    ),
    (("calculous", "acalculous"), False),
    (("aneurysmal", "nonaneurysmal", "perimesencephalic", "traumatic"), False),
    (("perforated", "nonperforated", "gangrenous"), False),
    (("diabetic", "alcoholic", "starvation"), False),
    (("duodenal", "gastric", "variceal", "esophageal"), False),
    (("alcoholic", "gallstone", "biliary", "hypertriglyceridemic"), False),
    (("compensated", "decompensated"), False),
    (("purulent", "nonpurulent"), False),
    (
        ("uncomplicated", "complicated", "emphysematous", "xanthogranulomatous", "obstructive"),
        False,
    ),
    (("septic", "reactive", "rheumatoid", "crystal"), False),
    (("intravenous", "oral"), False),
)
_PRE_WINDOW = 3
_POST_WINDOW = 2


@dataclass(frozen=True, slots=True)
class Mention:
    """One concept named in a text."""

    key: str
    phrase: str  # the canonical phrase matched
    start: int  # index of the first content token
    end: int
    clause: int
    negated: bool
    hedged: bool
    alternative: bool = False  # offered as one alternative among several (or / vs / ddx)

    @property
    def asserted(self) -> bool:
        return not self.negated


@dataclass(frozen=True)
class Composite:
    """A concept named by parts found together in one clause (each part asserted)."""

    key: str
    parts: tuple[tuple[str, ...], ...]  # each part: alternative phrases
    max_gap: int | None = None  # most content tokens between parts (None: same clause)


def _phrase_variants(phrase: str) -> list[tuple[str, ...]]:
    base = canonical_phrase(phrase)
    out = [base] if base else []
    raw = tuple(t for t in canonical_tokens(phrase) if t not in ("|", ","))
    if "of" in raw:  # "exacerbation of copd" -> "copd exacerbation"
        i = raw.index("of")
        head, tail = canonical_phrase(" ".join(raw[:i])), canonical_phrase(" ".join(raw[i + 1 :]))
        if head and tail:
            out.append(tail + head)
    return out


class ConceptIndex:
    """Phrase index over concepts, with qualifier classes and composites."""

    def __init__(
        self,
        entries: Iterable[tuple[str, Iterable[str]]],
        composites: Iterable[Composite] = (),
        qualifier_classes: tuple[tuple[tuple[str, ...], bool], ...] = QUALIFIER_CLASSES,
    ) -> None:
        self._first: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
        phrases: dict[tuple[str, ...], set[str]] = {}
        own_tokens: dict[str, set[tuple[str, ...]]] = {}
        self.keys: list[str] = []
        for key, names in entries:
            self.keys.append(key)
            for name in names:
                for toks in _phrase_variants(name):
                    phrases.setdefault(toks, set()).add(key)
                    own_tokens.setdefault(key, set()).add(toks)
        self._composites = tuple(composites)
        self._part_labels: dict[str, tuple[int, int]] = {}
        for ci, comp in enumerate(self._composites):
            for pi, alts in enumerate(comp.parts):
                label = f"@{ci}:{pi}"
                self._part_labels[label] = (ci, pi)
                for alt in alts:
                    for toks in _phrase_variants(alt):
                        phrases.setdefault(toks, set()).add(label)
        for toks, keys in phrases.items():
            self._first.setdefault(toks[0], []).append((toks, frozenset(keys)))
        for lst in self._first.values():
            lst.sort(key=lambda e: -len(e[0]))
        # qualifier classes: canonical member tuples; each concept's own qualifiers
        self._classes = [
            ([canonical_phrase(m) for m in members], post_ok)
            for members, post_ok in qualifier_classes
        ]
        self._own_qualifiers: dict[str, set[tuple[str, ...]]] = {}
        for key, toks_set in own_tokens.items():
            quals: set[tuple[str, ...]] = set()
            for members, _ in self._classes:
                for m in members:
                    if any(_contains(t, m) for t in toks_set):
                        quals.add(m)
            self._own_qualifiers[key] = quals

    # -- matching ------------------------------------------------------------------
    def _raw_matches(self, toks: list[Token]) -> list[tuple[int, int, tuple[str, ...], frozenset]]:
        words = [t.text for t in toks]
        found = []
        n = len(words)
        for i in range(n):
            for phrase, keys in self._first.get(words[i], ()):
                k = len(phrase)
                if (
                    i + k <= n
                    and tuple(words[i : i + k]) == phrase
                    and toks[i].clause == toks[i + k - 1].clause
                ):
                    found.append((i, i + k, phrase, keys))
        # longest wins: drop a match strictly inside a longer one
        keep = []
        for m in found:
            if not any(
                o[0] <= m[0] and m[1] <= o[1] and (o[1] - o[0]) > (m[1] - m[0]) for o in found
            ):
                keep.append(m)
        return keep

    def _discordant(self, key: str, toks: list[Token], start: int, end: int) -> bool:
        own = self._own_qualifiers.get(key)
        if not own:
            return False
        words = [t.text for t in toks]
        seg = toks[start].segment
        for members, post_ok in self._classes:
            mine = [m for m in members if m in own]
            if not mine:
                continue
            for m in members:
                if m in mine:
                    continue
                k = len(m)
                lo = max(0, start - _PRE_WINDOW - k + 1)
                for i in range(lo, start - k + 1):
                    if tuple(words[i : i + k]) == m and toks[i].segment == seg:
                        return True
                if post_ok:
                    clause = toks[start].clause
                    for i in range(end, min(len(words) - k + 1, end + _POST_WINDOW)):
                        if tuple(words[i : i + k]) == m and toks[i].clause == clause:
                            return True
        return False

    def mentions(self, text: str, limit: int = 2000) -> list[Mention]:
        """Every concept the text names, with negation and hedging (never raises)."""
        if not isinstance(text, str) or not text.strip():
            return []
        text = text[:limit]
        toks = annotate(text)
        matches = self._raw_matches(toks)
        # trigger words inside a concept's own name govern nothing ("highly suspicious
        # for melanoma", "Rh negative"): read the text again with those words protected
        inside = frozenset(
            toks[j].pos
            for s, e, _, _ in matches
            if any(t.trigger for t in toks[s:e])
            for j in range(s, e)
        )
        if inside:
            toks = annotate(text, protect=inside)
        out: list[Mention] = []
        parts: list[tuple[int, int, tuple[int, int], int, int]] = []  # (ci, pi), span
        for s, e, phrase, keys in matches:
            first = toks[s]
            negated = first.negated
            hedged = any(t.hedged for t in toks[s:e])
            alternative = any(t.alternative for t in toks[s:e])
            for key in sorted(keys):
                if key in self._part_labels:
                    if not negated:
                        parts.append((s, e, self._part_labels[key], first.clause, 0))
                    continue
                if self._discordant(key, toks, s, e):
                    continue
                out.append(
                    Mention(key, " ".join(phrase), s, e, first.clause, negated, hedged, alternative)
                )
        if parts:
            out = self._compose(out, parts, toks)
        out.sort(key=lambda m: (m.start, m.key))
        return out

    def _compose(self, out: list[Mention], parts, toks: list[Token]) -> list[Mention]:
        for ci, comp in enumerate(self._composites):
            by_clause: dict[int, dict[int, list[tuple[int, int]]]] = {}
            for s, e, (c, p), clause, _ in parts:
                if c == ci:
                    by_clause.setdefault(clause, {}).setdefault(p, []).append((s, e))
            for clause, found in by_clause.items():
                if len(found) < len(comp.parts):
                    continue
                spans = [sp for lst in found.values() for sp in lst]
                if comp.max_gap is not None:
                    spans = _closest(found, comp.max_gap)
                    if not spans:
                        continue
                s, e = min(a for a, _ in spans), max(b for _, b in spans)
                hedged = any(t.hedged for t in toks[s:e])
                alternative = any(t.alternative for t in toks[s:e])
                # the parts' own concept mentions are consumed by the composite
                out = [
                    m
                    for m in out
                    if not (m.clause == clause and any(a <= m.start < b for a, b in spans))
                ]
                out.append(
                    Mention(
                        comp.key,
                        "+".join(comp.parts[0][:1]),
                        s,
                        e,
                        clause,
                        False,
                        hedged,
                        alternative,
                    )
                )
        return out


def _closest(found: dict[int, list[tuple[int, int]]], gap: int) -> list[tuple[int, int]]:
    """One span per part, all within ``gap`` tokens of each other in a chain, or []."""
    spans = sorted(sp for lst in found.values() for sp in lst)
    for i, first in enumerate(spans):
        chain, parts_seen = [first], {p for p, lst in found.items() if first in lst}
        for sp in spans[i + 1 :]:
            if sp[0] - chain[-1][1] > gap:
                break
            part = {p for p, lst in found.items() if sp in lst}
            if part - parts_seen:
                chain.append(sp)
                parts_seen |= part
        if len(parts_seen) == len(found):
            return chain
    return []


def _contains(hay: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    k = len(needle)
    return any(hay[i : i + k] == needle for i in range(len(hay) - k + 1))
