"""Formulary drugs named in free text, with negation and hedging.

A :class:`~.concepts.ConceptIndex` over every formulary drug (generic name, brand names,
aliases and "generic salt" forms, as :func:`healthgym.clinical.drugs.formulary.name_index`
resolves them), so an answer item such as "switch to pravastatin 40 mg nightly", "avoid
simvastatin" or "Crestor (rosuvastatin) instead of atorvastatin" is read as the drugs it
prescribes (asserted) and the drugs it names only to withhold, stop or replace
(negated; cues as in :mod:`.context`).  The formulary itself decides what a name means;
this module only finds the names in a longer text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .concepts import ConceptIndex


@dataclass(frozen=True)
class DrugMention:
    name: str  # formulary generic name
    negated: bool
    hedged: bool
    alternative: bool = False  # one of several alternatives offered ("X or Y")


@cache
def drug_index() -> ConceptIndex:
    """Concept index over the formulary's names (generic, brand, alias, salt forms)."""
    from ..drugs.formulary import name_index

    entries: dict[str, list[str]] = {}
    for phrase, generic in name_index().items():
        entries.setdefault(generic, []).append(phrase)
    return ConceptIndex(entries.items(), qualifier_classes=())


def drug_mentions(text: object) -> list[DrugMention]:
    """Every formulary drug a text names, in order, with negation and hedging."""
    if not isinstance(text, str) or not text.strip():
        return []
    return [
        DrugMention(m.key, m.negated, m.hedged, m.alternative)
        for m in drug_index().mentions(text[:2000])
    ]


def asserted_drugs(text: object) -> list[str]:
    """Generic names a text prescribes or names positively (negated mentions dropped),
    first mention order, no duplicates."""
    found = drug_mentions(text)
    negated_only = {m.name for m in found if m.negated} - {m.name for m in found if not m.negated}
    return list(dict.fromkeys(m.name for m in found if m.name not in negated_only))


def negated_drugs(text: object) -> list[str]:
    """Generic names a text names only to withhold, stop or avoid."""
    found = drug_mentions(text)
    asserted = {m.name for m in found if not m.negated}
    return list(dict.fromkeys(m.name for m in found if m.negated and m.name not in asserted))
