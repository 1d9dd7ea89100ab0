"""Negation and uncertainty scoped to the concepts they govern (NegEx-style).

The algorithm follows NegEx (Chapman WW, Bridewell W, Hanbury P, Cooper GF,
Buchanan BG. A simple algorithm for identifying negated findings and diseases in
discharge summaries. J Biomed Inform 2001;34:301-10) and its ConText extension
(Harkema H et al. ConText: an algorithm for determining negation, experiencer, and
temporal status from clinical reports. J Biomed Inform 2009;42:839-51):

* a trigger phrase is *pre* (governs what follows: "no", "avoid", "rather than",
  "negative for"), *post* (governs what precedes: "ruled out", "excluded",
  "unlikely", "held") or *both* (post when a content word precedes it in the clause,
  otherwise pre: "PE ruled out" / "ruled out PE");
* *pseudo-triggers* contain a trigger word but negate nothing ("gram negative",
  "no change", "do not stop", "do not delay", "not ruled out" - the last is a hedge);
* a pre scope runs to the end of the clause (``.`` ``;`` ``:`` ``!`` ``?``), to a
  termination term ("but", "however", "then", "instead" ...), to the next trigger
  ("or"/"nor" excepted: "avoid ibuprofen or naproxen"), or to an action verb that
  follows a negated content word ("avoid NSAIDs, start colchicine"); a list after a
  trigger stays in scope ("avoid ibuprofen, naproxen and diclofenac");
* a trigger written as a heading before a colon governs the clause after the colon
  ("Ruled out: PE", "Excluded: ACS", "Not: DKA", "Possible: PE");
* a post scope runs back to the clause start, a comma or a termination term; a
  "<test> negative <noun>" compound adjective negates only the test ("ANCA negative
  vasculitis" asserts vasculitis; "HIV negative" still negates HIV);
* hedges ("possible", "probable", "suspected", "rule out", "cannot exclude",
  "query", "consider") use the same scopes;
* *alternatives* are distinct from uncertainty: "or", "versus", "either ... or",
  "alternatively" flag the items they coordinate (left and right up to the clause
  edge, an action verb, a termination term or a relation word - "X with Y or Z",
  "X due to Y or Z" leave X single), and a clause that opens with "or" /
  "alternatively" offers an alternative to the clause before; "differential
  (diagnosis) includes" flags its whole clause (and the clause after its colon).
  Tokens so flagged carry ``alternative`` (and ``hedged``), whether or not the other
  alternative is a known concept ("pyelonephritis or renal colic" is no committed
  pyelonephritis);
* ``protect``: positions inside a known concept name, where trigger words are part of
  the name ("highly suspicious for melanoma", "Rh negative", "triple negative breast
  cancer") and govern nothing.

Triggers are written in plain words and canonicalised with the answer pipeline
(:mod:`.normalise`), so spelling and abbreviation rules apply to them too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .normalise import CLAUSE, COMMA, FILLERS, canonical_tokens, colon_positions

PRE_NEG = (
    "no",
    "not",
    "without",
    "never",
    "neither",
    "nor",
    "none",
    "negative for",
    "free of",
    "absence of",
    "denies",
    "denied",
    "rather than",
    "instead of",
    "in place of",
    "avoid",
    "avoiding",
    "hold",
    "holding",
    "withhold",
    "withholding",
    "stop",
    "stopping",
    "cease",
    "omit",
    "discontinue",
    "discontinuing",
    "no need for",
    "no indication for",
    "contraindication to",
    "don t",
    "doesn t",
    "shouldn t",
    "isn t",
    "wasn t",
    "aren t",
    "won t",
    "didn t",
    "must not",
    "do not",
    "refrain from",
    "no role for",
    "not for",
)
PRE_NEG_FROM = (
    "switch from",
    "switched from",
    "change from",
    "changed from",
    "convert from",
    "step down from",
    "de escalate from",
)
POST_NEG = (
    "negative",
    "is negative",
    "was negative",
    "avoided",
    "is excluded",
    "was excluded",
    "has been excluded",
    "been ruled out",
    "is ruled out",
    "was ruled out",
    "not present",
    "not seen",
    "not found",
    "not supported",
    "is not",
    "was not",
    "are not",
    "is unlikely",
    "not the diagnosis",
    "withheld",
    "ceased",
    "omitted",
    "should be avoided",
    "must be avoided",
    "to be avoided",
)
BOTH_NEG = (
    "ruled out",
    "excluded",
    "unlikely",
    "not likely",
    "absent",
    "contraindicated",
    "not indicated",
    "not recommended",
    "not needed",
    "not required",
    "not appropriate",
    "not advised",
    "not suitable",
    "held",
    "stopped",
    "discontinued",
    "allergic to",
    "allergy to",
    "allergy",
    "allergic",
    "intolerant of",
    "intolerance",
    "unnecessary",
    "not necessary",
)
PRE_HEDGE = (
    "possible",
    "possibly",
    "suspected",
    "suspect",
    "suspicion of",
    "suspicious for",
    "query",
    "questionable",
    "rule out",
    "concern for",
    "concerning for",
    "consider",
    "considering",
    "may",
    "might",
    "could",
    "may be",
    "presumed",
    "presumptive",
    "evaluate for",
    "work up for",
    "to exclude",
    "exclude",
    "if",
    "in case of",
    "uncertain",
    "unclear",
    "equivocal",
    "cannot rule out",
    "can t rule out",
    "cannot exclude",
    "can t exclude",
)
BOTH_HEDGE = (
    "probable",
    "probably",
    "likely",
    "not ruled out",
    "not excluded",
    "cannot be excluded",
    "cannot be ruled out",
    "can t be excluded",
    "not yet excluded",
    "not yet ruled out",
    "to be ruled out",
    "to be excluded",
    "suspected",
)
# coordinate alternatives ("X or Y", "X versus Y"; "or" opening a clause offers an
# alternative to the clause before); "either" marks what follows it
ALTERNATIVES = ("or", "versus", "and or", "or else", "alternatively")
ALT_FORWARD = ("either",)
# a differential: every item of its clause (and of the clause after its colon)
ALT_CLAUSE = (
    "differential",
    "differential diagnosis",
    "differential include",
    "differential diagnosis include",
    "alternative diagnosis",
    "other possibility",
    "other possibility include",
    "possibility include",
)
# relation words: an alternative after one of them qualifies what follows it, not the
# head before it ("pyelonephritis due to E. coli or Klebsiella" names one diagnosis)
_RELATION_WORDS = (
    "with without due secondary from complicated caused causing after following "
    "associated resulting precipitated triggered involving affecting of in at on to for "
    "as like including such"
)
RELATION = frozenset(_RELATION_WORDS.split())
PSEUDO = (
    "no increase",
    "no change",
    "no further",
    "not only",
    "not necessarily",
    "not just",
    "gram negative",
    "gram positive",
    "gram variable",
    "rh negative",
    "rh positive",
    "rhd negative",
    "rhd positive",
    "rhesus negative",
    "rhesus positive",
    "with or without",
    "or more",
    "or less",
    "or greater",
    "or higher",
    "or lower",
    "or longer",
    "or fewer",
    "or equal",
    "or so",
    "either way",
    "without difficulty",
    "not stop",
    "not hold",
    "not discontinue",
    "not withhold",
    "not avoid",
    "do not stop",
    "do not hold",
    "do not discontinue",
    "do not withhold",
    "do not delay",
    "must not delay",
    "don t stop",
    "don t hold",
    "don t discontinue",
    "no need to stop",
    "no need to hold",
    "not delay",
    "don t delay",
    "without delay",
    "no delay",
    "not miss",
    "whether or not",
    "no adjustment",
    "no dose adjustment",
    "no renal adjustment",
    "no dose change",
    "not changed",
    "no longer than",
    "not exceed",
    "not to exceed",
    "no more than",
    "no less than",
    "no sooner than",
    "no later than",
    "not later than",
    "not before",
    "not less than",
)
TERMINATE = (
    "but",
    "however",
    "although",
    "though",
    "except",
    "apart from",
    "aside from",
    "whereas",
    "yet",
    "which",
    "because",
    "since",
    "then",
    "instead",
    "plus",
    "also",
    "therefore",
    "so",
    "meanwhile",
    "while",
)
# action verbs: after a negated content word they start a new, affirmative clause
_AFFIRM_WORDS = (
    "start starting begin commence initiate give giving use using prescribe administer "
    "treat treating continue resume add order plan recommend prefer choose switch change "
    "escalate replace substitute proceed arrange refer admit discharge"
)
AFFIRM = frozenset(_AFFIRM_WORDS.split())
# words that are not 'content' (do not end a pre scope before an action verb)
_NON_CONTENT_WORDS = (
    "do doe is are was were be been being should must can will would please this that it "
    "these those there patient he she they we i you any other further more"
)
_NON_CONTENT = FILLERS | AFFIRM | frozenset(_NON_CONTENT_WORDS.split())

_KINDS = (
    ("pseudo", PSEUDO),
    ("both_hedge", BOTH_HEDGE),
    ("pre_hedge", PRE_HEDGE),
    ("both_neg", BOTH_NEG),
    ("post_neg", POST_NEG),
    ("pre_neg_from", PRE_NEG_FROM),
    ("pre_neg", PRE_NEG),
    ("alt_clause", ALT_CLAUSE),
    ("alt", ALTERNATIVES),
    ("alt_forward", ALT_FORWARD),
    ("term", TERMINATE),
)


@lru_cache(maxsize=1)
def _triggers() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """first token -> [(trigger tokens, kind)], longest first (pseudo wins ties)."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    seen: set[tuple[str, ...]] = set()
    for kind, phrases in _KINDS:
        for phrase in phrases:
            toks = tuple(t for t in canonical_tokens(phrase) if t not in (CLAUSE, COMMA))
            if toks and toks not in seen:
                seen.add(toks)
                out.setdefault(toks[0], []).append((toks, kind))
    for lst in out.values():
        lst.sort(key=lambda e: -len(e[0]))
    return out


@dataclass(frozen=True, slots=True)
class Token:
    """One content token with the context that governs it."""

    text: str
    pos: int  # index in the canonical token stream
    clause: int
    segment: int  # clause part between commas
    negated: bool
    hedged: bool
    trigger: bool  # part of a trigger phrase
    alternative: bool = False  # offered as one of several alternatives (or / vs / ddx)


def _find_triggers(toks: tuple[str, ...]) -> list[tuple[int, int, str]]:
    index = _triggers()
    found: list[tuple[int, int, str]] = []
    i, n = 0, len(toks)
    while i < n:
        for phrase, kind in index.get(toks[i], ()):
            k = len(phrase)
            if toks[i : i + k] == phrase:
                found.append((i, i + k, kind))
                i += k
                break
        else:
            i += 1
    return found


def annotate(text: str, protect: frozenset[int] = frozenset()) -> list[Token]:
    """Content tokens of ``text`` with negation/hedge/alternative flags, clause and
    segment ids.  ``protect``: canonical-token positions inside known concept names,
    where trigger words are read as ordinary words."""
    toks = canonical_tokens(text)
    colons = colon_positions(text)
    n = len(toks)
    neg = [False] * n
    hedge = [False] * n
    alt = [False] * n
    trig = [False] * n
    triggers = [
        (s, e, "pseudo" if protect and any(j in protect for j in range(s, e)) else kind)
        for s, e, kind in _find_triggers(toks)
    ]
    for s, e, kind in triggers:
        if kind == "pseudo":  # negates nothing; its words read as ordinary words
            continue
        for j in range(s, e):
            trig[j] = True
    trigger_starts = {s for s, _, kind in triggers if kind != "pseudo"}
    # "or"/"nor" do not end a negation ("avoid ibuprofen or naproxen")
    soft_starts = {s for s, _, kind in triggers if kind == "alt"} | {
        s for s, e, kind in triggers if toks[s:e] == ("nor",)
    }
    term_starts = {s for s, _, kind in triggers if kind == "term"}

    def is_content(j: int) -> bool:
        t = toks[j]
        return not trig[j] and t not in (CLAUSE, COMMA) and t not in _NON_CONTENT

    def forward(start: int, flags: list[bool], until_to: bool = False) -> None:
        if start < n and start in colons:  # "Ruled out: PE" - the heading's clause
            start += 1
        seen_content = False
        j = start
        while j < n:
            t = toks[j]
            if t == CLAUSE or (j in trigger_starts and j != start and j not in soft_starts):
                return
            if until_to and t == "to":
                return
            if t in AFFIRM and seen_content and not trig[j]:
                return
            if not trig[j]:
                flags[j] = True
            if is_content(j):
                seen_content = True
            j += 1

    def backward(end: int, flags: list[bool]) -> None:
        j = end - 1
        while j >= 0 and toks[j] not in (CLAUSE, COMMA) and not trig[j]:
            flags[j] = True
            j -= 1

    def content_before(start: int) -> bool:
        j = start - 1
        while j >= 0 and toks[j] not in (CLAUSE, COMMA) and not trig[j]:
            if is_content(j):
                return True
            j -= 1
        return False

    def clause_bounds(s: int, e: int) -> tuple[int, int]:
        a = s
        while a > 0 and toks[a - 1] != CLAUSE:
            a -= 1
        b = e
        while b < n and toks[b] != CLAUSE:
            b += 1
        return a, b

    def stops_alternative(j: int) -> bool:
        t = toks[j]
        return (
            t == CLAUSE
            or j in term_starts
            or (t in RELATION and not trig[j])
            or (t in AFFIRM and not trig[j])
        )

    def mark_alternative(lo: int, hi: int) -> None:
        for j in range(lo, hi):
            if toks[j] not in (CLAUSE, COMMA):
                alt[j] = hedge[j] = True

    for s, e, kind in triggers:
        if kind in ("pseudo", "term"):
            continue
        if kind.startswith("alt"):
            a, b = clause_bounds(s, e)
            for j in range(a, b):  # the clause names alternatives: hedged, as before
                hedge[j] = True
            if kind == "alt_clause":
                mark_alternative(a, b)
                if e < n and e in colons:  # "Differential: X, Y"
                    mark_alternative(*clause_bounds(e + 1, e + 1))
                continue
            hi = e
            while hi < n and not stops_alternative(hi):
                hi += 1
            mark_alternative(e, hi)
            if kind == "alt_forward":  # "either X or Y": the "or" marks the rest
                continue
            lo = s
            while lo > 0 and not stops_alternative(lo - 1):
                lo -= 1
            mark_alternative(lo, s)
            if not any(is_content(j) for j in range(a, s)) and a > 0:
                # "X. Or Y." / "X; alternatively Y": an alternative to the clause before
                pa, _ = clause_bounds(a - 1, a - 1)
                mark_alternative(pa, a - 1)
                for j in range(pa, a - 1):
                    hedge[j] = True
            continue
        flags = neg if kind.endswith(("neg", "neg_from")) else hedge
        heading = e < n and e in colons and not content_before(s)
        if kind.startswith("pre") or heading:
            forward(e, flags, until_to=kind == "pre_neg_from")
        elif kind == "post_neg" and _compound_adjective(toks, s, e, is_content):
            # "ANCA negative vasculitis": the test is negative, the noun is asserted
            if s > 0 and toks[s - 1] not in (CLAUSE, COMMA) and not trig[s - 1]:
                neg[s - 1] = True
        elif kind.startswith("post") or content_before(s):
            backward(s, flags)
        else:
            forward(e, flags)

    out: list[Token] = []
    clause = segment = 0
    for j, t in enumerate(toks):
        if t == CLAUSE:
            clause += 1
            segment += 1
            continue
        if t == COMMA:
            segment += 1
            continue
        if t in FILLERS:
            continue
        out.append(Token(t, j, clause, segment, neg[j], hedge[j], trig[j], alt[j]))
    return out


def _compound_adjective(toks: tuple[str, ...], s: int, e: int, is_content) -> bool:
    """Whether a one-word post trigger ("negative") is used as the second half of a
    compound adjective before a noun: one test word before it, a content word after."""
    return (
        e - s == 1
        and toks[s] == "negative"
        and e < len(toks)
        and is_content(e)
        and s > 0
        and toks[s - 1] not in (CLAUSE, COMMA)
    )
