"""Empirical antimicrobial choice and renal dosing for the pathways.

Regimens by source (each "slot" must be filled by one safe drug of its list, and no
drug outside the slots may be added):

* **urinary** (urosepsis, catheter-associated infection): one anti-Gram-negative
  beta-lactam - piperacillin-tazobactam, ceftriaxone or meropenem; levofloxacin only when
  no beta-lactam is safe (EAU Guidelines on Urological Infections 2024, urosepsis:
  third-generation cephalosporin, piperacillin-tazobactam or a carbapenem; fluoroquinolones
  not for empirical use where resistance is >= 10%; Hooton TM et al. IDSA CAUTI guideline,
  Clin Infect Dis 2010;50:625-63).
* **respiratory** (severe community-acquired pneumonia): ceftriaxone plus a macrolide
  (azithromycin, clarithromycin) or a respiratory fluoroquinolone (levofloxacin,
  moxifloxacin); doxycycline only when none of those is safe; with a beta-lactam
  allergy a respiratory fluoroquinolone alone (Metlay JP et al. ATS/IDSA CAP guideline,
  Am J Respir Crit Care Med 2019;200:e45-e67; aztreonam is not in the formulary).
* **hap** (post-operative, hospital-acquired pneumonia without MRSA risk factors or high
  mortality risk): one of piperacillin-tazobactam, meropenem or levofloxacin (Kalil AC et
  al. IDSA/ATS HAP/VAP guideline, Clin Infect Dis 2016;63:e61-e111).

A drug is unsafe for the patient when it belongs to an allergy class the patient
reacted to (critical; classes and beta-lactam cross-reactivity as in
:mod:`healthgym.clinical.treatments`), has a contraindicated (critical) or major
(major) interaction with a home medication, or its renal band says avoid (major) -
the same definition as :mod:`healthgym.domains.drug_interaction.hazards`.

Dose: the regimen of the formulary's renal band for the patient's Cockcroft-Gault
creatinine clearance (Cockcroft DW, Gault MH. Nephron 1976;16:31-41), computed with
actual body weight (the original derivation) or with the calculator's default weight
choice (``weight_type='auto'``); either band is accepted.  Drugs without renal bands
use the formulary's usual dose, as does a band whose action is "usual" (no
adjustment needed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...clinical.calculators.renal import cockcroft_gault
from ...clinical.drugs import SEVERITY_RANK, drugs, normalize_name
from ...patients.model import Patient
from ..drug_interaction.hazards import allergy_hits, ix_of

INFECTION_CONDITIONS = frozenset(
    {
        "pneumonia",
        "urinary_tract_infection",
        "skin_infection",
        "c_difficile",
        "intra_abdominal_infection",
        "fungal_infection",
    }
)


@dataclass(frozen=True)
class Slot:
    name: str
    drugs: tuple[str, ...]  # acceptable, in order of preference
    fallback: tuple[str, ...] = ()  # acceptable only when none of ``drugs`` is safe


SOURCES: dict[str, tuple[Slot, ...]] = {
    "urinary": (
        Slot(
            "anti-Gram-negative beta-lactam",
            ("piperacillin-tazobactam", "ceftriaxone", "meropenem"),
            ("levofloxacin",),
        ),
    ),
    "respiratory": (
        Slot("beta-lactam", ("ceftriaxone",)),
        Slot(
            "atypical cover",
            ("azithromycin", "clarithromycin", "levofloxacin", "moxifloxacin"),
            ("doxycycline",),
        ),
    ),
    "hap": (Slot("anti-pseudomonal", ("piperacillin-tazobactam", "meropenem", "levofloxacin")),),
}
RESPIRATORY_FQ = ("levofloxacin", "moxifloxacin")


@dataclass(frozen=True)
class Regimen:
    doses: tuple[tuple[float, float], ...]  # accepted dose ranges in mg
    intervals: tuple[float, ...]  # accepted dosing intervals in hours

    def matches(self, dose_mg: float, interval_h: float) -> bool:
        dose_ok = any(lo * 0.999 <= dose_mg <= hi * 1.001 for lo, hi in self.doses)
        return dose_ok and any(abs(interval_h - i) < 0.01 for i in self.intervals)

    def reference(self) -> tuple[float, float]:
        """The dose and interval the reference solution gives (top of the first range)."""
        return self.doses[0][1], self.intervals[0]


_DOSE = re.compile(r"(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?(?:/\d+(?:\.\d+)?)?\s*(mg|g)\b")
_EVERY = re.compile(r"every\s+(\d+)(?:\s*-\s*(\d+))?\s*hours?")
_DAILY = re.compile(r"\b(once daily|daily)\b")


def parse_regimen(text: str) -> Regimen | None:
    """Doses and intervals of a formulary dosing text ('3.375 g IV every 6 hours',
    '1-2 g IV once daily', '750 mg once, then 500 mg every 48 hours'); None when the
    text gives no dose or no interval."""
    t = text.lower()
    doses = []
    for lo, hi, unit in _DOSE.findall(t):
        scale = 1000.0 if unit == "g" else 1.0
        doses.append((float(lo) * scale, float(hi or lo) * scale))
    intervals = [float(n) for m in _EVERY.findall(t) for n in m if n]
    if _DAILY.search(t):
        intervals.append(24.0)
    if not doses or not intervals:
        return None
    return Regimen(tuple(doses), tuple(dict.fromkeys(intervals)))


def is_antimicrobial(name: str) -> bool:
    d = drugs().get(name)
    return d is not None and bool(set(d.indications) & INFECTION_CONDITIONS)


def home_drugs(patient: Patient) -> list[str]:
    """Generic names of the home medications the formulary knows."""
    names = (normalize_name(m.name) for m in patient.medications)
    return [n for n in names if n]


def crcl_values(patient: Patient) -> tuple[float, ...]:
    """Cockcroft-Gault CrCl with actual body weight and with the 'auto' weight choice."""
    cr = float(patient.labs["creatinine"])
    out = []
    for weight_type in ("actual", "auto"):
        r = cockcroft_gault(
            age=patient.age,
            sex=patient.sex,
            weight=patient.weight_kg,
            creatinine=cr,
            height=patient.height_cm,
            weight_type=weight_type,  # type: ignore[arg-type]
        )
        out.append(round(float(r.value), 1))
    return tuple(out)


def regimens(name: str, patient: Patient) -> list[Regimen]:
    """The accepted regimens of ``name`` for this patient's kidney function."""
    d = drugs()[name]
    if d.renal is None:
        texts = [d.usual_dose]
    else:
        bands = [d.renal.band_for(c) for c in crcl_values(patient)]
        texts = [b.dose for b in bands]
        if any(b.action == "usual" for b in bands):  # no adjustment: the usual dose too
            texts.append(d.usual_dose)
        texts = list(dict.fromkeys(texts))
    parsed = [parse_regimen(t) for t in texts]
    return [r for r in parsed if r is not None]


def hazards(name: str, patient: Patient) -> list[tuple[str, str, str]]:
    """(code, severity, text) for every reason ``name`` is unsafe for this patient."""
    d = drugs()[name]
    out = [
        ("allergy", "critical", f"{name}: {label} allergy ({reaction}), shared class {cls}")
        for label, reaction, cls in allergy_hits(d, patient)  # type: ignore[arg-type]
    ]
    for other in home_drugs(patient):
        ix = ix_of(name, other) if other != name else None
        if ix is not None and SEVERITY_RANK[ix.severity] >= SEVERITY_RANK["major"]:
            severity = "critical" if ix.severity == "contraindicated" else "major"
            out.append(
                (
                    f"{ix.severity}_interaction",
                    severity,
                    f"{name} + home {other}: {ix.severity} interaction ({ix.category})",
                )
            )
    if d.renal is not None and all(
        d.renal.band_for(c).action == "avoid" for c in crcl_values(patient)
    ):
        out.append(("renal_avoid", "major", f"{name}: labelled 'avoid' at this CrCl"))
    return out


def is_safe(name: str, patient: Patient) -> bool:
    return not hazards(name, patient) and bool(regimens(name, patient))


def slots_for(source: str, patient: Patient) -> list[tuple[str, tuple[str, ...]]]:
    """Each slot of the empirical regimen with the drugs acceptable for this patient.

    An empty drug list means no safe regimen exists (the generator never makes such a
    patient)."""
    slots = SOURCES[source]
    if source == "respiratory" and not is_safe("ceftriaxone", patient):
        slots = (Slot("respiratory fluoroquinolone", RESPIRATORY_FQ),)
    out = []
    for s in slots:
        safe = tuple(n for n in s.drugs if is_safe(n, patient))
        if not safe:
            safe = tuple(n for n in s.fallback if is_safe(n, patient))
        out.append((s.name, safe))
    return out


def regimen_ok(source: str, patient: Patient, given: list[str]) -> bool:
    """Whether the antimicrobials ``given`` fill every slot and add nothing else."""
    slots = slots_for(source, patient)
    chosen = set(given)
    if not all(slot_drugs and chosen & set(slot_drugs) for _, slot_drugs in slots):
        return False
    allowed = {n for _, slot_drugs in slots for n in slot_drugs}
    if not chosen <= allowed:
        return False
    # one drug per slot: the number of distinct drugs equals the number of slots
    return len(chosen) == len(slots)


def reference_regimen(source: str, patient: Patient) -> list[tuple[str, float, float]]:
    """(drug, dose mg, interval h) of the reference regimen: the first safe choice of
    each slot that is not already chosen, at its renal-band dose."""
    chosen: list[str] = []
    for _, slot_drugs in slots_for(source, patient):
        pick = next(n for n in slot_drugs if n not in chosen)
        chosen.append(pick)
    out = []
    for name in chosen:
        dose, interval = regimens(name, patient)[0].reference()
        out.append((name, dose, interval))
    return out
