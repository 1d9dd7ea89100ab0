"""Map free-text plan items to treatment keys of :mod:`healthgym.clinical.treatments`.

Built on :mod:`healthgym.clinical.matching`: names, brand names and synonyms are
matched after canonicalisation, and negation is scoped NegEx-style, so "Do not use
nitrofurantoin", "avoid ibuprofen", "hold metformin", "ceftriaxone rather than
nitrofurantoin" name the drug without prescribing it.  Hedged items ("consider
heparin") still count as planned: a plan that offers a drug is answerable for it.

An abbreviation that reads as a disease in one specialty and as an intervention in
another (:data:`AMBIGUOUS_ABBREVIATIONS`: "MI" is myocardial infarction and motivational
interviewing) names no treatment at all; written out ("motivational interviewing") it is
read as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .matching.concepts import ConceptIndex
from .treatments import TREATMENTS


@dataclass(frozen=True)
class TreatmentMention:
    key: str
    negated: bool  # named only to be withheld / avoided / stopped
    hedged: bool  # offered conditionally ("consider", "if", "or")
    alternative: bool = False  # one of several alternatives offered ("X or Y")


# abbreviations with a disease reading and an intervention reading (MI: myocardial
# infarction / motivational interviewing; Stedman's Medical Abbreviations): in a plan
# they name nothing, so a psychiatry plan's "MI" never becomes a cardiac concept
AMBIGUOUS_ABBREVIATIONS = ("MI",)
_AMBIGUOUS = re.compile(r"\b(?:" + "|".join(AMBIGUOUS_ABBREVIATIONS) + r")\b", re.IGNORECASE)


@cache
def treatment_index() -> ConceptIndex:
    """The concept index over every treatment (key, name, synonyms)."""
    return ConceptIndex(
        ((t.key, (t.key.replace("_", " "), t.name, *t.synonyms)) for t in TREATMENTS.values()),
        qualifier_classes=((("intravenous", "oral"), False),),
    )


def treatment_mentions(item: object) -> list[TreatmentMention]:
    """Every treatment a plan item names, with negation and hedging (never raises)."""
    if not isinstance(item, str):
        return []
    text = _AMBIGUOUS.sub(" ", item[:2000])
    return [
        TreatmentMention(m.key, m.negated, m.hedged, m.alternative)
        for m in treatment_index().mentions(text)
    ]


def withheld_treatments(item: object) -> set[str]:
    """Treatment keys a plan item names only to withhold ("avoid X", "no X")."""
    mentions = treatment_mentions(item)
    given = {m.key for m in mentions if not m.negated}
    return {m.key for m in mentions if m.negated} - given


def match_treatments(item: str) -> set[str]:
    """Treatment keys a plan item prescribes (several if it names several; negated
    mentions are not prescriptions)."""
    return {m.key for m in treatment_mentions(item) if not m.negated}
