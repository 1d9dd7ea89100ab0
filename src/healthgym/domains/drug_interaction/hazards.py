"""Why a drug would be unsafe for a patient: the domain's single safety definition.

A drug is unsafe for a patient (given the home regimen) when any of these holds,
with the severity the reward's safety taxonomy uses:

* ``allergy`` (critical): a documented allergy rules the drug out - its allergy class
  (:data:`healthgym.clinical.treatments.ALLERGY_CLASSES`), and beta-lactam
  cross-reactivity by reaction severity and R1 side chain (Khan DA et al. AAAAI/ACAAI
  drug allergy practice parameter 2022; :func:`healthgym.clinical.drugs.hazards.allergy_hits`);
* ``contraindicated_interaction`` (critical) / ``major_interaction`` (major): an
  interaction of that severity with a home medication;
* ``pregnancy_contraindicated`` (critical) / ``pregnancy_avoid`` (major) in pregnancy,
  ``lactation_contraindicated`` (major) while breastfeeding (PLLR summaries);
* ``renal_avoid`` (major): the labelled renal band for the patient's CrCl/eGFR says
  avoid; ``hepatic_avoid`` (major): the labelling says avoid in the patient's
  Child-Pugh class (patients with cirrhosis only);
* ``beers_avoid`` (minor): AGS Beers 2023 "avoid" drug in a patient aged >= 65.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...clinical.drugs import SEVERITY_RANK, drugs
from ...clinical.drugs.derive import screen_reasons
from ...clinical.drugs.hazards import allergy_hits, ix_of
from .records import DrugPatient

REASONS = ("interaction", "allergy", "renal", "hepatic", "pregnancy", "beers")


@dataclass(frozen=True)
class Hazard:
    code: str
    severity: str  # critical | major | minor (the reward's safety taxonomy)
    reason: str  # one of REASONS
    culprit: str  # the interacting drug or allergy label, '' otherwise
    text: str


def hazards(name: str, patient: DrugPatient, regimen: list[str] | None = None) -> list[Hazard]:
    """Every reason ``name`` is unsafe for the patient (empty when it is safe)."""
    d = drugs()[name]
    regimen = patient.regimen() if regimen is None else regimen
    out = [
        Hazard("allergy", "critical", "allergy", label, f"{label} allergy ({reaction})")
        for label, reaction, _ in allergy_hits(d, patient.allergies)
    ]
    for other in regimen:
        if other == name:
            continue
        ix = ix_of(name, other)
        if ix is not None and SEVERITY_RANK[ix.severity] >= SEVERITY_RANK["major"]:
            critical = ix.severity == "contraindicated"
            out.append(
                Hazard(
                    f"{ix.severity}_interaction",
                    "critical" if critical else "major",
                    "interaction",
                    other,
                    f"{ix.severity} interaction with {other} ({ix.category})",
                )
            )
    level, note = d.pregnancy
    if patient.pregnant and level in ("contraindicated", "avoid"):
        sev = "critical" if level == "contraindicated" else "major"
        out.append(Hazard(f"pregnancy_{level}", sev, "pregnancy", "", note))
    if patient.lactating and d.lactation[0] == "contraindicated":
        out.append(Hazard("lactation_contraindicated", "major", "pregnancy", "", d.lactation[1]))
    if d.renal_avoid(patient.crcl(), patient.egfr()):
        out.append(Hazard("renal_avoid", "major", "renal", "", "avoid at this kidney function"))
    if patient.cirrhosis and d.hepatic_avoid(patient.child_pugh_class()):
        out.append(Hazard("hepatic_avoid", "major", "hepatic", "", "avoid in this liver disease"))
    if patient.age >= 65 and d.beers_avoid:
        out.append(Hazard("beers_avoid", "minor", "beers", "", "AGS Beers 2023: avoid"))
    return out


def is_safe(name: str, patient: DrugPatient, regimen: list[str] | None = None) -> bool:
    return not hazards(name, patient, regimen)


def max_regimen_severity(regimen: list[str]) -> int:
    """Highest interaction severity rank among the pairs of a regimen (0 if none)."""
    best = 0
    for i, a in enumerate(regimen):
        for b in regimen[i + 1 :]:
            ix = ix_of(a, b)
            if ix is not None:
                best = max(best, SEVERITY_RANK[ix.severity])
    return best


def unlisted_pairs(regimen: list[str]) -> list[tuple[str, str, list[str]]]:
    """Class-level completeness screen: ``(a, b, reasons)`` for every pair of the regimen
    that shares a pharmacodynamic risk class (QT known/possible, serotonergic, CNS
    depressant, bleeding, potassium-raising, nephrotoxic) or a duplication family
    (:func:`healthgym.clinical.drugs.derive.screen_reasons`) but has no table entry.

    A task whose regimen has such a pair could hide an interaction the table lacks (its
    "most severe pair" would be unreliable), so the patient builder redraws it."""
    table = drugs()
    out = []
    for i, a in enumerate(regimen):
        for b in regimen[i + 1 :]:
            reasons = screen_reasons(table[a], table[b])
            if reasons and ix_of(a, b) is None:
                out.append((a, b, reasons))
    return out
