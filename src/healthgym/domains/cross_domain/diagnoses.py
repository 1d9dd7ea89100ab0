"""Working diagnoses the pathways accept at handover, and a matcher for free text.

Profile diagnoses use the disease profile's name, synonyms and broader accepted terms
(:mod:`healthgym.clinical.diseases`, each list citing its vocabulary); the pathway-only
diagnoses (low-risk chest pain, early post-operative fever, catheter-associated
urinary infection, hospital-acquired pneumonia) have their own phrases here.  Matching
is the shared concept matcher (:class:`healthgym.clinical.matching.ConceptIndex`):
canonical tokens (abbreviations such as UTI, CAUTI, HAP, PE expanded), the longest
phrase wins, qualifiers that contradict a concept ("chronic", "viral", "community-
acquired" against "hospital-acquired") reject it, negated mentions ("pneumonia ruled
out", "not a PE") never count, and composite concepts are named by their parts in one
clause: "septic shock from pyelonephritis" is urosepsis (:data:`healthgym.clinical.
diseases.match.COMPOSITES`), "UTI in a patient with an indwelling urinary catheter" a
catheter-associated urinary tract infection.

A plain "urinary tract infection" / "UTI" is its own concept (:data:`OTHER`): it does not
say that a catheter was the source (the CDC/NHSN CAUTI definition requires an
indwelling urinary catheter in place for more than 2 days on the date of event: CDC
NHSN Patient Safety Component Manual 2024, chapter 7), nor that the kidney is infected
or that the patient is septic, so it is not accepted for a catheter-associated UTI,
pyelonephritis or urosepsis.  A text asserting two different diagnoses matches none.
"""

from __future__ import annotations

from functools import cache

from ...clinical.diseases import PROFILES
from ...clinical.diseases.match import COMPOSITES
from ...clinical.matching import Composite, ConceptIndex

LOCAL: dict[str, tuple[str, ...]] = {
    "low_risk_chest_pain": (
        "low-risk chest pain",
        "non-cardiac chest pain",
        "noncardiac chest pain",
        "musculoskeletal chest pain",
        "chest wall pain",
        "costochondritis",
    ),
    "early_postoperative_fever": (
        "early postoperative fever",
        "early post-operative fever",
        "postoperative inflammatory fever",
        "post-operative inflammatory fever",
        "postoperative inflammatory response",
        "non-infectious postoperative fever",
        "non-infectious post-operative fever",
        "inflammatory response to surgery",
        "systemic inflammatory response to surgery",
        "physiological postoperative fever",
    ),
    "catheter_associated_uti": (
        "catheter-associated urinary tract infection",
        "catheter associated UTI",
        "CAUTI",
        "catheter-related urinary tract infection",
        "catheter-related UTI",
        "urinary catheter infection",
        "catheter-associated urinary infection",
    ),
    "hospital_acquired_pneumonia": (
        "hospital-acquired pneumonia",
        "hospital acquired pneumonia",
        "HAP",
        "postoperative pneumonia",
        "post-operative pneumonia",
        "post-op pneumonia",
        "nosocomial pneumonia",
    ),
}
# Concepts recognised so that they are not read as a narrower accepted diagnosis; no
# pathway accepts them.
OTHER: dict[str, tuple[str, ...]] = {
    "urinary_tract_infection": (
        "urinary tract infection",
        "urinary infection",
        "lower urinary tract infection",
        "cystitis",
        "bacterial cystitis",
    ),
}
# Catheter-associated UTI named by parts in one clause (CDC NHSN 2024 chapter 7: a UTI
# with an indwelling urinary catheter in place)
_CATHETER = (
    "catheter",
    "urinary catheter",
    "indwelling catheter",
    "indwelling urinary catheter",
    "foley",
    "foley catheter",
    "catheterised",
    "catheterized",
    "catheter associated",
    "catheter related",
)
_UTI = ("urinary tract infection", "urinary infection", "cystitis", "UTI")
LOCAL_COMPOSITES: tuple[Composite, ...] = (
    Composite("catheter_associated_uti", (_CATHETER, _UTI)),
    # sepsis from a catheter-associated UTI is urosepsis (SNOMED CT 'Urosepsis'; EAU
    # Guidelines on Urological Infections 2024: urosepsis includes catheter-related
    # sources)
    Composite(
        "urosepsis",
        (
            ("sepsis", "septic shock", "severe sepsis", "septicaemia", "septic"),
            (
                "catheter associated urinary tract infection",
                "catheter related urinary tract infection",
                "urinary catheter infection",
            ),
        ),
    ),
)


@cache
def diagnosis_index() -> ConceptIndex:
    """Concept index over every profile and the pathway-only diagnoses."""
    entries = [
        (k, (p.name, k.replace("_", " "), *p.synonyms, *p.broader_accepted))
        for k, p in PROFILES.items()
    ]
    entries += list(LOCAL.items()) + list(OTHER.items())
    return ConceptIndex(entries, composites=(*COMPOSITES, *LOCAL_COMPOSITES))


def phrases_of(key: str) -> list[str]:
    if key in LOCAL:
        return list(LOCAL[key])
    p = PROFILES[key]
    return [p.name, *p.synonyms]


@cache
def components() -> dict[str, frozenset[str]]:
    """Composite diagnosis -> the diagnoses its parts name (the source infections of
    urosepsis: pyelonephritis, UTI, CAUTI ...).  A text naming a composite together with
    its own components names the composite ("urosepsis with pyelonephritis")."""
    index = diagnosis_index()
    out: dict[str, set[str]] = {}
    for comp in (*COMPOSITES, *LOCAL_COMPOSITES):
        keys = out.setdefault(comp.key, set())
        for alts in comp.parts:
            for phrase in alts:
                keys |= {m.key for m in index.mentions(phrase) if m.key != comp.key}
    return {k: frozenset(v) for k, v in out.items()}


def match(text: str) -> set[str]:
    """Diagnosis keys a free-text diagnosis asserts (empty when none, only negated
    ones, several different ones, or one offered as an alternative to anything)."""
    if not isinstance(text, str):
        return set()
    mentions = diagnosis_index().mentions(text[:500])
    if any(getattr(m, "alternative", False) and not m.negated for m in mentions):
        return set()  # an alternative offered ("X or Y", "X versus Y") commits to none
    asserted = {m.key for m in mentions if not m.negated}
    if len(asserted) > 1:
        whole = [k for k in asserted if asserted - {k} <= components().get(k, frozenset())]
        if len(whole) == 1:
            return set(whole)
    return asserted if len(asserted) == 1 else set()
