"""Pairwise and allergy hazards of generic drugs (pure knowledge, no environment code).

* :func:`ix_of` - the interaction of two generic names (fast path over
  :func:`.interactions.interaction_table`, no name normalisation);
* :func:`same_family` - two drugs of one therapeutic group or duplication family;
* :func:`allergy_hits` / :func:`allergy_class_shared` - the documented allergies that
  rule a drug out (class cross-reactivity, and for beta-lactams the reaction's severity
  and the R1 side chain: Khan DA et al. AAAAI/ACAAI drug allergy practice parameter
  2022, :func:`healthgym.clinical.treatments.allergy_conflict`).

Every domain that screens a drug for a patient uses these (drug_interaction's safety
definition, cross_domain's antimicrobial and antithrombotic orders, the shared drug
tools of :mod:`healthgym.tools.library.drugs`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from ..treatments import ALLERGY_CLASSES, allergy_conflict
from .derive import duplicate_family
from .formulary import drugs
from .interactions import interaction_table
from .model import Drug, Interaction


class AllergyRecord(Protocol):
    """A documented allergy: a label of ``ALLERGY_CLASSES`` and the reaction it caused
    (:class:`healthgym.patients.model.Allergy` is one)."""

    @property
    def allergen(self) -> str: ...

    @property
    def reaction(self) -> str: ...


def ix_of(a: str, b: str) -> Interaction | None:
    """Interaction of two generic names (fast path, no name normalisation)."""
    return interaction_table().get((a, b) if a < b else (b, a))


def same_family(a: str, b: str) -> bool:
    """Same therapeutic group or duplication family (a second drug of the class is a
    duplication, never a routine co-prescription)."""
    da, db = drugs()[a], drugs()[b]
    family = duplicate_family(da)
    return da.group == db.group or (family is not None and family == duplicate_family(db))


def allergy_hits(drug: Drug, allergies: Iterable[AllergyRecord]) -> list[tuple[str, str, str]]:
    """(allergy label, reaction, why) for each documented allergy that rules the drug out:
    its class, and for a cephalosporin or carbapenem after a penicillin allergy the
    reaction's severity and the R1 side chain (AAAAI/ACAAI 2022 practice parameter,
    :func:`healthgym.clinical.treatments.allergy_conflict`: after hives, ceftriaxone or
    meropenem may be given; after anaphylaxis no beta-lactam but aztreonam; cephalexin
    shares amoxicillin's side chain)."""
    hits = []
    for a in allergies:
        why = allergy_conflict(drug.name, drug.allergy_classes, a.allergen, a.reaction)
        if why:
            hits.append((a.allergen, a.reaction, why))
    return hits


def allergy_class_shared(drug: Drug, allergen: str) -> str | None:
    """The allergy class a documented allergy label shares with the drug (None: none)."""
    cls = ALLERGY_CLASSES.get(allergen)
    return cls if cls and cls in drug.allergy_classes else None
