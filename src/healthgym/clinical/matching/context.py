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
  termination term ("but", "however", "then", "instead" ...), to the next trigger, or
  to an action verb that follows a negated content word ("avoid NSAIDs, start
  colchicine"); a list after a trigger stays in scope ("avoid ibuprofen, naproxen
  and diclofenac");
* a post scope runs back to the clause start, a comma or a termination term;
* hedges ("possible", "probable", "suspected", "rule out", "cannot exclude",
  "query", "consider") use the same scopes; "or", "versus", "either" and
  "differential" mark their whole clause as naming alternatives (hedged).

Triggers are written in plain words and canonicalised with the answer pipeline
(:mod:`.normalise`), so spelling and abbreviation rules apply to them too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .normalise import CLAUSE, COMMA, FILLERS, canonical_tokens

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
    "differential include",
    "differential diagnosis",
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
ALTERNATIVES = ("or", "versus", "either", "differential", "and or")
PSEUDO = (
    "no increase",
    "no change",
    "no further",
    "not only",
    "not necessarily",
    "not just",
    "gram negative",
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
    ("alt", ALTERNATIVES),
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


def annotate(text: str) -> list[Token]:
    """Content tokens of ``text`` with negation/hedge flags, clause and segment ids."""
    toks = canonical_tokens(text)
    n = len(toks)
    neg = [False] * n
    hedge = [False] * n
    trig = [False] * n
    triggers = _find_triggers(toks)
    for s, e, kind in triggers:
        if kind == "pseudo":  # negates nothing; its words read as ordinary words
            continue
        for j in range(s, e):
            trig[j] = True
    trigger_starts = {s for s, _, kind in triggers if kind != "pseudo"}

    def is_content(j: int) -> bool:
        t = toks[j]
        return not trig[j] and t not in (CLAUSE, COMMA) and t not in _NON_CONTENT

    def forward(start: int, flags: list[bool], until_to: bool = False) -> None:
        seen_content = False
        j = start
        while j < n:
            t = toks[j]
            if t == CLAUSE or (j in trigger_starts and j != start):
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

    for s, e, kind in triggers:
        if kind in ("pseudo", "term"):
            continue
        if kind == "alt":
            # the whole clause names alternatives: hedge every token in it
            a = s
            while a > 0 and toks[a - 1] != CLAUSE:
                a -= 1
            b = e
            while b < n and toks[b] != CLAUSE:
                b += 1
            for j in range(a, b):
                hedge[j] = True
            continue
        flags = neg if kind.endswith(("neg", "neg_from")) else hedge
        if kind.startswith("pre"):
            forward(e, flags, until_to=kind == "pre_neg_from")
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
        out.append(Token(t, j, clause, segment, neg[j], hedge[j], trig[j]))
    return out
