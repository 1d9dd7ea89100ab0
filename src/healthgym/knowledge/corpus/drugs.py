"""Built-in passages from the drug formulary and the interaction table.

Per drug: a monograph (class, mechanism, indications, usual dose, adverse effects),
a safety passage (pregnancy, lactation, QT risk, serotonergic activity, Beers
criteria, contraindications, allergy classes) and a metabolism-and-dosing passage
(CYP450 roles, renal dose bands, hepatic guidance).  Per interacting pair: one
passage with severity, mechanism, effect and management.  Each cites the sources
recorded with the formulary module or the interaction entry.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from functools import cache

from healthgym.clinical.drugs import CONDITIONS, ENZYME_LABEL, Drug, drugs, interaction_pairs
from healthgym.clinical.drugs import formulary as formulary_module
from healthgym.clinical.drugs import interaction as drug_interaction
from healthgym.clinical.drugs.parse import parse_monographs

from ..passages import Passage
from ._util import join, passage, sentence

_DERIVED_SOURCE = (
    "healthgym formulary: interaction derived from the drugs' recorded mechanisms (FDA Table "
    "of Substrates, Inhibitors and Inducers; Flockhart Table; CredibleMeds QT categories)"
)


@cache
def _sources() -> dict[str, str]:
    """Drug name -> the 'Sources:' paragraph of the formulary module that defines it."""
    table: dict[str, str] = {}
    for module in formulary_module._MODULES:
        doc = " ".join((inspect.getdoc(module) or "").split())
        m = re.search(r"Sources?:\s*(.*?)(?:\s+Format:|$)", doc)
        source = m.group(1).strip() if m else doc
        for d in parse_monographs(module.DATA):
            table[d.name] = source
    return table


def _source(d: Drug) -> str:
    return d.source or _sources().get(d.name, "healthgym drug formulary")


def _indications(d: Drug) -> str:
    return join(
        [CONDITIONS[k].name if k in CONDITIONS else k.replace("_", " ") for k in d.indications]
    )


def _monograph(d: Drug) -> Passage:
    lines = [
        f"{d.name.capitalize()} is a {d.drug_class}.",
        f"Brand names: {', '.join(d.brands)}." if d.brands else "",
        sentence(f"Mechanism: {d.mechanism}"),
        f"Indications: {_indications(d)}." if d.indications else "",
        sentence(f"Usual adult dose: {d.usual_dose}"),
        f"Adverse effects: {'; '.join(d.adverse_effects)}." if d.adverse_effects else "",
    ]
    return passage(
        f"drug:{d.name}",
        f"{d.name.capitalize()}: drug monograph",
        lines,
        _source(d),
        "drug",
        drug=d.name,
    )


def _safety(d: Drug) -> Passage:
    preg, preg_note = d.pregnancy
    lact, lact_note = d.lactation
    lines = [
        f"Pregnancy: {preg} - {preg_note}.",
        f"Lactation: {lact} - {lact_note}.",
        f"QT prolongation risk: {d.qt_risk} (CredibleMeds category)."
        if d.qt_risk
        else "Not on the CredibleMeds QT-risk lists.",
        "Serotonergic: raises serotonin; combine cautiously with other serotonergic drugs."
        if d.serotonergic
        else "",
        f"Monoamine oxidase inhibitor ({d.maoi})." if d.maoi else "",
        f"Beers criteria 2023 (older adults): {d.beers[0]} - {d.beers[1]}." if d.beers else "",
        f"Contraindications: {'; '.join(d.contraindications)}." if d.contraindications else "",
        f"Allergy classes: {', '.join(d.allergy_classes)} (cross-reactivity)."
        if d.allergy_classes
        else "",
    ]
    return passage(
        f"drug:{d.name}:safety",
        f"{d.name.capitalize()}: safety",
        lines,
        _source(d),
        "drug_safety",
        drug=d.name,
    )


def _dosing(d: Drug) -> Passage:
    roles = [f"{ENZYME_LABEL.get(e, e)} substrate ({lvl})" for e, lvl in d.substrate.items()]
    roles += [f"{s} {ENZYME_LABEL.get(e, e)} inhibitor" for e, s in d.inhibits.items()]
    roles += [f"{s} {ENZYME_LABEL.get(e, e)} inducer" for e, s in d.induces.items()]
    lines = [
        f"Metabolism and transport: {join(roles)}."
        if roles
        else "No clinically important CYP450 role recorded."
    ]
    if d.renal is not None:
        bands = "; ".join(
            f"{d.renal.measure} {b.label()} {d.renal.unit}: {b.dose}" for b in d.renal.bands
        )
        lines.append(f"Renal dose adjustment by {d.renal.measure}: {bands}.")
    if d.renal_note:
        lines.append(sentence(f"Renal note: {d.renal_note}"))
    if d.hepatic:
        lines.append(
            "Hepatic impairment (Child-Pugh): "
            + "; ".join(f"class {c}: {g}" for c, g in sorted(d.hepatic.items()))
            + "."
        )
    return passage(
        f"drug:{d.name}:dosing",
        f"{d.name.capitalize()}: metabolism and dosing",
        lines,
        _source(d),
        "drug_dosing",
        drug=d.name,
    )


def drug_passages() -> Iterator[Passage]:
    for d in drugs().values():
        yield _monograph(d)
        yield _safety(d)
        yield _dosing(d)


def interaction_passages() -> Iterator[Passage]:
    for a, b, _ in interaction_pairs():
        i = drug_interaction(a, b)
        assert i is not None
        lines = [
            f"{a.capitalize()} and {b}: {i.severity} interaction ({i.category}).",
            sentence(f"Mechanism: {i.mechanism}"),
            sentence(f"Effect: {i.effect}"),
            sentence(f"Management: {i.management}"),
        ]
        source = i.reference or (
            _DERIVED_SOURCE if i.source == "derived" else "healthgym formulary, curated interaction"
        )
        yield passage(
            f"interaction:{a}+{b}",
            f"Interaction: {a} + {b}",
            lines,
            source,
            "interaction",
            drugs=[a, b],
            severity=i.severity,
        )
