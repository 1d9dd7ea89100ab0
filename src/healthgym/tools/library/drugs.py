"""Drug tools over the shared formulary: monograph, pairwise interaction, allergy check.

``drug_monograph`` and ``check_interaction`` are ``reference`` tools: their answer
depends on the drugs the call names and the formulary/interaction table
(:mod:`healthgym.clinical.drugs`) only, never on the patient's record.  Pair
severities are always printed as ``Severity: <LEVEL>`` by :func:`severity_line`.
``check_allergy`` is a record-reading ``compute`` tool gated on ``get_allergies``
(:mod:`healthgym.tools.elicit`): it compares a drug with the documented allergies -
class cross-reactivity, and for beta-lactams the reaction's severity and R1 side chain
(AAAAI/ACAAI 2022 practice parameter, :func:`healthgym.clinical.drugs.hazards.allergy_hits`).

The tools work on any state with the bookkeeping fields of :class:`DrugCheckState`
(drug_interaction's ``DrugState``, cross_domain's ``PathwayState``): the monographs
read, the severity shown for each pair, the drugs checked against the allergies.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Protocol

from ...clinical.drugs import ENZYME_LABEL, Drug, Interaction, drugs, get_drug
from ...clinical.drugs.hazards import allergy_class_shared, allergy_hits, ix_of
from ...patients.model import Allergy
from ..elicit import Need
from ..errors import ToolError
from ..registry import MaxLen, tool

Name = Annotated[str, MaxLen(120)]
ALLERGIES = Need("the documented allergies", ("get_allergies",))


class _WithAllergies(Protocol):
    @property
    def allergies(self) -> Sequence[Allergy]: ...


class DrugCheckState(Protocol):
    """What the drug tools read and record in an episode state."""

    @property
    def patient(self) -> _WithAllergies: ...

    @property
    def monographs(self) -> set[str]: ...

    @property
    def seen_severity(self) -> dict[tuple[str, str], str]: ...

    @property
    def allergy_checked(self) -> set[str]: ...


def resolve(state: object, name: str) -> str:
    """Generic name of a drug the agent named; a clear error if it is unknown."""
    if not name.strip():
        raise ToolError("a drug name is required")
    try:
        return get_drug(name).name
    except KeyError as e:
        raise ToolError(str(e.args[0])) from None


def severity_line(a: str, b: str, ix: Interaction | None) -> str:
    """One pair as the tools print it: ``Severity: <LEVEL>`` with category, mechanism,
    effect and management, or that no interaction is listed."""
    if ix is None:
        return f"{a} + {b}: no clinically significant interaction listed."
    return (
        f"{a} + {b}: Severity: {ix.severity.upper()}. Category: {ix.category}. "
        f"Mechanism: {ix.mechanism} Effect: {ix.effect} Management: {ix.management}"
    )


def record_severity(state: DrugCheckState, a: str, b: str, ix: Interaction | None) -> None:
    """Note in the episode which severity the agent was shown for the pair."""
    state.seen_severity[(a, b) if a < b else (b, a)] = ix.severity if ix else "none"


def cyp_text(d: Drug) -> str:
    """The drug's CYP450 and P-gp roles (substrate, inhibitor, inducer) as one line."""
    parts = []
    for label, roles in (("substrate of", d.substrate), ("inhibits", d.inhibits)):
        if roles:
            parts.append(
                label + " " + ", ".join(f"{ENZYME_LABEL[e]} ({v})" for e, v in roles.items())
            )
    if d.induces:
        parts.append(
            "induces " + ", ".join(f"{ENZYME_LABEL[e]} ({v})" for e, v in d.induces.items())
        )
    return "; ".join(parts) if parts else "no significant CYP450/P-gp role"


@tool(kind="reference")
def drug_monograph(state: DrugCheckState, drug: Name) -> str:
    """Return a drug's monograph: class, mechanism, CYP roles, renal and hepatic dosing,
    QT and serotonergic risk, pregnancy/lactation, contraindications and adverse effects.

    Args:
        drug: generic or brand name.
    """
    d = drugs()[resolve(state, drug)]
    state.monographs.add(d.name)
    renal = "no labelled renal bands"
    if d.renal:
        bands = "; ".join(f"{d.renal.measure} {b.label()}: {b.dose}" for b in d.renal.bands)
        renal = f"{bands} ({d.renal.measure} in {d.renal.unit})"
    lines = [
        f"{d.name} ({', '.join(d.brands) or 'generic'}): {d.drug_class}.",
        f"Mechanism: {d.mechanism}.",
        f"Usual adult dose: {d.usual_dose}.",
        f"CYP450/P-gp: {cyp_text(d)}.",
        f"Renal dosing: {renal}." + (f" Note: {d.renal_note}." if d.renal_note else ""),
        "Hepatic (Child-Pugh): "
        + ("; ".join(f"{k}: {v}" for k, v in d.hepatic.items()) or "no class-specific advice")
        + ".",
        f"QT risk: {d.qt_risk or 'not listed'}. Serotonergic: {'yes' if d.serotonergic else 'no'}"
        + (f" (MAO inhibitor, {d.maoi})" if d.maoi else "")
        + ".",
        f"Pregnancy: {d.pregnancy[0]} - {d.pregnancy[1]}. Lactation: {d.lactation[0]} - "
        f"{d.lactation[1]}.",
        "Contraindications: " + ("; ".join(d.contraindications) or "hypersensitivity") + ".",
        "Allergy classes: " + (", ".join(d.allergy_classes) or "none") + ".",
        "Adverse effects: " + "; ".join(d.adverse_effects) + ".",
    ]
    if d.beers:
        lines.append(f"AGS Beers 2023 (age >= 65): {d.beers[0]} - {d.beers[1]}.")
    return "\n".join(lines)


@tool(kind="reference")
def check_interaction(state: DrugCheckState, drug_a: Name, drug_b: Name) -> str:
    """Check one pair of drugs: severity, mechanism, effect and management.

    Args:
        drug_a: first drug (generic or brand name).
        drug_b: second drug.
    """
    a, b = resolve(state, drug_a), resolve(state, drug_b)
    if a == b:
        return f"{drug_a} and {drug_b} are the same drug ({a})."
    ix = ix_of(a, b)
    record_severity(state, a, b, ix)
    return severity_line(a, b, ix)


@tool(kind="compute", needs=(ALLERGIES,))
def check_allergy(state: DrugCheckState, drug: Name) -> str:
    """Check a drug against the allergies you have read (allergy-class cross-reactivity).

    Args:
        drug: generic or brand name.
    """
    d = drugs()[resolve(state, drug)]
    p = state.patient
    state.allergy_checked.add(d.name)
    classes = ", ".join(d.allergy_classes) or "none"
    if not p.allergies:
        return f"No known drug allergies. {d.name} allergy classes: {classes}."
    hits = allergy_hits(d, p.allergies)
    lines = [f"{d.name} allergy classes: {classes}."]
    for a in p.allergies:
        match = next((h for h in hits if h[0] == a.allergen), None)
        shared = allergy_class_shared(d, a.allergen)
        if match:
            verdict = (
                f"cross-reactive (shared class: {shared}): {match[2]}"
                if shared
                else f"cross-reactive ({match[2]})"
            )
        elif shared:
            verdict = (
                f"shares the {shared} class, but after a non-severe reaction a drug with a "
                "dissimilar R1 side chain may be given with caution (AAAAI/ACAAI 2022)"
            )
        else:
            verdict = "no class cross-reactivity"
        lines.append(f"- {a.allergen} ({a.reaction}): {verdict}")
    return "\n".join(lines)
