"""Working diagnoses the pathways accept at handover, and a matcher for free text.

Profile diagnoses use the disease profile's name and synonyms
(:mod:`healthgym.clinical.diseases`); the pathway-only diagnoses (low-risk chest pain,
early post-operative fever, catheter-associated urinary infection, post-operative
pneumonia) have their own phrases here.  A text matches the diagnoses whose phrases it
contains, ignoring a phrase that is part of a longer matched phrase ("hospital-acquired
pneumonia" is not also "pneumonia"); a text naming two diagnoses matches none.
"""

from __future__ import annotations

from functools import cache

from ...clinical.diseases import PROFILES
from ...clinical.text import contains_phrase, normalize

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
    ),
    "catheter_associated_uti": (
        "catheter-associated urinary tract infection",
        "catheter associated UTI",
        "CAUTI",
        "urinary tract infection",
        "UTI",
    ),
    "hospital_acquired_pneumonia": (
        "hospital-acquired pneumonia",
        "hospital acquired pneumonia",
        "HAP",
        "postoperative pneumonia",
        "post-operative pneumonia",
        "nosocomial pneumonia",
    ),
}


@cache
def _phrases() -> dict[str, str]:
    """normalised phrase -> diagnosis key."""
    out: dict[str, str] = {}
    groups = [(k, (p.name, p.key, *p.synonyms)) for k, p in PROFILES.items()]
    groups += list(LOCAL.items())
    for key, phrases in groups:
        for phrase in phrases:
            n = normalize(phrase)
            if n and out.get(n, key) == key:
                out[n] = key
    return out


def phrases_of(key: str) -> list[str]:
    return [p for p, k in _phrases().items() if k == key]


def match(text: str) -> set[str]:
    """Diagnosis keys a free-text diagnosis names (empty when none or ambiguous)."""
    if not isinstance(text, str):
        return set()
    n = normalize(text[:500])
    index = _phrases()
    if n in index:
        return {index[n]}
    hits = [p for p in index if contains_phrase(n, p)]
    longest = [p for p in hits if not any(q != p and contains_phrase(q, p) for q in hits)]
    keys = {index[p] for p in longest}
    return keys if len(keys) == 1 else set()
