"""Match a free-text diagnosis to a disease profile, by meaning.

Built on :mod:`healthgym.clinical.matching`: the text is canonicalised (spelling,
abbreviations), negation and hedging are scoped NegEx-style, and a profile is named
by its name, synonyms (each profile's list cites its vocabulary: ICD-10-CM index
terms, SNOMED CT synonyms, MeSH entry terms) or a composite of parts
(:data:`COMPOSITES`).  Rules a clinician would apply:

* a negated diagnosis ("not X", "X ruled out", "Ruled out: X") is never asserted;
* an answer asserting two different diagnoses ("X and Y") matches none, and so does
  one that offers alternatives ("X or Y", "X vs Y", "either X or Y", "differential:
  X, Y") - whether or not the other alternative is a known profile: "X or renal
  colic" is ``ambiguous``, not a committed X ("X with Y", "X due to Y", "X complicated
  by Y" and "X (code)" stay single assertions);
* a single hedged diagnosis ("probable X") still names X (``hedged`` is reported so
  a grader may ask for commitment);
* a narrower term is an instance of its broader profile (:data:`NARROWER_ACCEPTED`,
  each list with its source: "lacunar stroke" is an acute ischaemic stroke);
* an ICD-10 code only confirms a text match: a bare code, or an unmatched text with
  the right code, matches nothing; ``code_confirms`` says whether a code given with
  the text agrees (same code, one is the other's category, or a code of the same
  3-character category that names no other profile: I21.3 confirms a STEMI profile
  coded I21.19, I21.4 - NSTEMI - does not), disagrees, or is absent.
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
            (
                "sepsis",
                "septic shock",
                "severe sepsis",
                "septicemia",
                "bacteremia",
                "sepsis syndrome",
                "septic",
            ),
            (
                "pyelonephritis",
                "urinary tract infection",
                "urinary source",
                "urinary",
                "kidney infection",
                "cystitis",
                "urine source",
                "urological source",
                "genitourinary source",
                "urinary tract source",
                "catheter associated urinary tract infection",
                "prostatitis",
            ),
        ),
    ),
    # Acute/decompensated heart failure (ICD-10-CM index: Failure, heart, acute /
    # decompensated; MeSH entry 'Heart Failure, Acute' is not separate: modifier rule)
    Composite(
        "acute_decompensated_heart_failure",
        (
            (
                "acute",
                "decompensated",
                "decompensation",
                "exacerbation",
                "acute on chronic",
                "worsening",
                "flare",
            ),
            (
                "heart failure",
                "congestive heart failure",
                "cardiac failure",
                "left ventricular failure",
                "heart failure reduced ejection fraction",
                "heart failure preserved ejection fraction",
                "systolic heart failure",
                "diastolic heart failure",
            ),
        ),
        max_gap=2,
    ),
)


# Narrower terms accepted as a profile (an instance of the broader concept), per
# profile, with the vocabulary that places them under it.  A profile may also carry
# them itself as ``narrower_accepted``; both lists are used.
NARROWER_ACCEPTED: dict[str, tuple[tuple[str, ...], str]] = {
    "acute_ischaemic_stroke": (
        (
            "lacunar stroke",
            "lacunar infarct",
            "lacunar infarction",
            "lacunar cerebral infarction",
            "embolic stroke",
            "thrombotic stroke",
            "thromboembolic stroke",
            "cardioembolic stroke",
            "cerebral embolism",
            "cerebral thrombosis",
            "embolic cerebral infarction",
            "thrombotic cerebral infarction",
        ),
        "ICD-10-CM 2024 Alphabetic Index: Infarct, infarction, lacunar I63.81; Infarction, "
        "cerebral, due to embolism of cerebral arteries I63.4-; due to thrombosis of "
        "cerebral arteries I63.3-; Embolism, cerebral I63.4-; Thrombosis, cerebral I63.3- "
        "(all under I63 Cerebral infarction)",
    ),
}


def narrower_terms(key: str) -> tuple[str, ...]:
    """Narrower terms accepted as profile ``key`` (the table above plus the profile's
    own ``narrower_accepted`` where it has one)."""
    own = tuple(getattr(PROFILES.get(key), "narrower_accepted", ()) or ())
    return (*NARROWER_ACCEPTED.get(key, ((), ""))[0], *own)


def accepted_names(key: str) -> tuple[str, ...]:
    """Every phrase that names profile ``key``: name, key, synonyms, broader terms
    accepted and narrower terms (for domains that build their own index)."""
    p = PROFILES[key]
    return (p.name, p.key.replace("_", " "), *p.synonyms, *p.broader_accepted, *narrower_terms(key))


@dataclass(frozen=True)
class DiagnosisMatch:
    """What a diagnosis answer names.

    ``key`` is the one profile asserted (None when none is, when several are, or when
    the one named is offered as an alternative); ``asserted`` lists every profile named
    and not negated; ``negated`` lists profiles named only to be negated; ``hedged`` is
    True when the asserted diagnosis is qualified by uncertainty or offered as an
    alternative; ``ambiguous`` is True when several profiles are asserted or the one
    named is offered as an alternative ("X or renal colic", "X vs Y") - ``names``
    rejects it;
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
        if self.key != key or self.ambiguous:
            return False
        if require_code and self.code_confirms is not True:
            return False
        return allow_hedged or not self.hedged


@cache
def disease_index() -> ConceptIndex:
    """The concept index over every disease profile (names, keys, synonyms, composites)."""
    return ConceptIndex(
        ((key, accepted_names(key)) for key in PROFILES),
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
    """Whether an ICD-10 code agrees with the profile's code: the same code, one is the
    other's category, or - when the profile's code is a subcode - another code of the
    same 3-character category that is not some other profile's code (I21.3 agrees with
    a STEMI coded I21.19; I21.4, the NSTEMI profile's code, does not).  Used only to
    confirm a text that already matched."""
    if key not in PROFILES or not isinstance(code, str) or not _ICD.match(code.strip()):
        return False
    given, mine = _clean_code(code), _clean_code(PROFILES[key].icd10)
    if len(given) < 3:
        return False
    if mine.startswith(given) or given.startswith(mine):
        return True
    if len(mine) > 3 and given[:3] == mine[:3]:
        other = icd_lookup(given)
        return other is None or other == key
    return False


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
        return DiagnosisMatch(
            None, codes=(given,) if given else (), code_key=icd_lookup(given) if given else None
        )
    codes = codes_in(text)
    if isinstance(code, str) and code.strip():
        codes.append(code.strip().upper())
    stripped = _ICD_IN_TEXT.sub(" ", text[:2000])
    mentions = disease_index().mentions(stripped)
    asserted = sorted({m.key for m in mentions if not m.negated})
    negated = sorted({m.key for m in mentions if m.negated} - set(asserted))
    # alternatives offered: "X or Y" whatever Y is (a known profile or not)
    ambiguous = len(asserted) > 1 or any(m.alternative for m in mentions if not m.negated)
    key = asserted[0] if len(asserted) == 1 and not ambiguous else None
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
        ambiguous=ambiguous,
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
