"""Match a free-text diagnosis to a disease profile, by meaning.

Built on :mod:`healthgym.clinical.matching`: the text is canonicalised (spelling,
abbreviations), negation and hedging are scoped NegEx-style, and a profile is named
by its name, synonyms (each profile's list cites its vocabulary: ICD-10-CM index
terms, SNOMED CT synonyms, MeSH entry terms) or a composite of parts
(:data:`COMPOSITES`).  Rules a clinician would apply:

* a negated diagnosis ("not X", "X ruled out") is never asserted;
* an answer asserting two different diagnoses ("X or Y", "X vs Y", "X and Y")
  matches none;
* a single hedged diagnosis ("probable X") still names X (``hedged`` is reported so
  a grader may ask for commitment);
* an ICD-10 code only confirms a text match: a bare code, or an unmatched text with
  the right code, matches nothing; ``code_confirms`` says whether a code given with
  the text agrees (same code, or one is the other's category), disagrees, or is absent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..matching.concepts import Composite, ConceptIndex
from . import PROFILES

_ICD = re.compile(r"^[A-Za-z][0-9][0-9A-Za-z](\.?[0-9A-Za-z]{1,4})?$")
# an ICD-10 code inside a text: capital letter, two digits (or digit + letter), optional
# decimal part (lower case allowed in parentheses / brackets)
_ICD_IN_TEXT = re.compile(
    r"(?<![\w.])([A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?![\w])"
    r"|[(\[]\s*([a-tv-z][0-9][0-9a-z](?:\.?[0-9a-z]{1,4})?)\s*[)\]]"
)

# Composite concepts: a profile named by parts that occur together in one clause.
COMPOSITES: tuple[Composite, ...] = (
    # Sepsis with a urinary source (Sepsis-3 + source; SNOMED CT 'Urosepsis' synonyms)
    Composite(
        "urosepsis",
        (
            ("sepsis", "septic shock", "severe sepsis", "septicemia", "bacteremia",
             "sepsis syndrome", "septic"),
            ("pyelonephritis", "urinary tract infection", "urinary source", "urinary",
             "kidney infection", "cystitis", "urine source", "urological source",
             "genitourinary source", "urinary tract source", "catheter associated "
             "urinary tract infection", "prostatitis"),
        ),
    ),
    # Acute/decompensated heart failure (ICD-10-CM index: Failure, heart, acute /
    # decompensated; MeSH entry 'Heart Failure, Acute' is not separate: modifier rule)
    Composite(
        "acute_decompensated_heart_failure",
        (
            ("acute", "decompensated", "decompensation", "exacerbation", "acute on chronic",
             "worsening", "flare"),
            ("heart failure", "congestive heart failure", "cardiac failure",
             "left ventricular failure", "heart failure reduced ejection fraction",
             "heart failure preserved ejection fraction", "systolic heart failure",
             "diastolic heart failure"),
        ),
        max_gap=2,
    ),
)


@dataclass(frozen=True)
class DiagnosisMatch:
    """What a diagnosis answer names.

    ``key`` is the one profile asserted (None when none is, or several are);
    ``negated`` lists profiles named only to be negated; ``hedged`` is True when the
    asserted diagnosis is qualified by uncertainty or offered as an alternative;
    ``code_confirms``: True / False when a code was given (agrees / disagrees with
    ``key``), None when no code was given or no text matched.
    """

    key: str | None
    asserted: tuple[str, ...] = ()
    negated: tuple[str, ...] = ()
    hedged: bool = False
    ambiguous: bool = False
    codes: tuple[str, ...] = ()
    code_confirms: bool | None = None
    code_key: str | None = field(default=None)  # profile the code alone would name

    @property
    def matched(self) -> bool:
        return self.key is not None

    def names(self, key: str, *, require_code: bool = False, allow_hedged: bool = True) -> bool:
        """Whether the answer asserts profile ``key`` (optionally: code agrees, no hedge)."""
        if self.key != key:
            return False
        if require_code and self.code_confirms is not True:
            return False
        return allow_hedged or not self.hedged


@cache
def disease_index() -> ConceptIndex:
    """The concept index over every disease profile (names, keys, synonyms, composites)."""
    return ConceptIndex(
        (
            (p.key, (p.name, p.key.replace("_", " "), *p.synonyms, *p.broader_accepted))
            for p in PROFILES.values()
        ),
        composites=COMPOSITES,
    )


@cache
def _icd_index() -> dict[str, str]:
    return {p.icd10.replace(".", "").upper(): p.key for p in PROFILES.values()}


def _clean_code(code: str) -> str:
    return code.strip().replace(".", "").upper()


def icd_lookup(code: str) -> str | None:
    """Profile key of an exact ICD-10 code (dot optional), else None."""
    if not isinstance(code, str):
        return None
    code = code.strip()
    if not _ICD.match(code):
        return None
    return _icd_index().get(_clean_code(code))


def code_agrees(code: str, key: str) -> bool:
    """Whether an ICD-10 code is the profile's code or one is the other's category."""
    if key not in PROFILES or not isinstance(code, str) or not _ICD.match(code.strip()):
        return False
    given, mine = _clean_code(code), _clean_code(PROFILES[key].icd10)
    return len(given) >= 3 and (mine.startswith(given) or given.startswith(mine))


def codes_in(text: str) -> list[str]:
    """ICD-10-shaped codes written in a text ("acute pyelonephritis (N10)")."""
    return [(a or b).upper() for a, b in _ICD_IN_TEXT.findall(text[:2000])]


def match_diagnosis_detail(text: object, code: object = None) -> DiagnosisMatch:
    """Structured match of a diagnosis answer (never raises).

    ``code`` is a separately submitted ICD-10 code; codes written inside the text
    count the same way.  A code never creates a match.
    """
    if not isinstance(text, str) or not text.strip():
        given = code.strip() if isinstance(code, str) else ""
        return DiagnosisMatch(None, codes=(given,) if given else (),
                              code_key=icd_lookup(given) if given else None)
    codes = codes_in(text)
    if isinstance(code, str) and code.strip():
        codes.append(code.strip().upper())
    stripped = _ICD_IN_TEXT.sub(" ", text[:2000])
    mentions = disease_index().mentions(stripped)
    asserted = sorted({m.key for m in mentions if not m.negated})
    negated = sorted({m.key for m in mentions if m.negated} - set(asserted))
    key = asserted[0] if len(asserted) == 1 else None
    hedged = any(m.hedged for m in mentions if not m.negated)
    code_key = next((icd_lookup(c) for c in codes if icd_lookup(c)), None)
    confirms = None
    if key is not None and codes:
        confirms = any(code_agrees(c, key) for c in codes)
    return DiagnosisMatch(
        key=key,
        asserted=tuple(asserted),
        negated=tuple(negated),
        hedged=hedged,
        ambiguous=len(asserted) > 1,
        codes=tuple(codes),
        code_confirms=confirms,
        code_key=code_key,
    )


def match_diagnosis(text: str) -> str | None:
    """The one profile a diagnosis text asserts, or None (none, negated or ambiguous).

    A bare ICD-10 code is not a diagnosis name and matches nothing (a code only
    confirms a text: :func:`match_diagnosis_detail`).
    """
    return match_diagnosis_detail(text).key
