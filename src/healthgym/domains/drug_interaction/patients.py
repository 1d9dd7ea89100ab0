"""Seeded builder of coherent synthetic patients for drug_interaction.

Coherence rules:

* every home medication has an indication on the problem list, chosen among the
  drug's formulary indications and compatible with the patient's sex and age
  (:data:`healthgym.clinical.drugs.CONDITIONS`); at most one acute condition;
* a patient is never allergic to a class of a home medication, never takes a drug the
  labelling says to avoid at their kidney function, liver class, pregnancy or
  lactation, and takes at most one drug of each therapeutic group;
* adult weights and heights are drawn from plausible ranges; serum creatinine either
  comes from a healthy/CKD mixture or is solved from a target CrCl (Cockcroft-Gault)
  or eGFR (CKD-EPI 2021) so a task's renal band is known; CrCl < 60 adds chronic
  kidney disease to the problem list;
* cirrhosis draws liver tests and findings across Child-Pugh classes; otherwise the
  liver tests are normal; warfarin users have a therapeutic INR (2.0-3.0);
* about 60% of patients have an ECG QTc, longer when they take QT-prolonging drugs;
* random fill drugs never duplicate a therapeutic family already on the list (STOPP v2
  A3; the drugs a task is about are added explicitly and may);
* every pair of the finished regimen passes the class-level completeness screen
  (:func:`.hazards.unlisted_pairs`): a pair sharing a risk class or a duplication family
  must have an interaction-table entry, otherwise the draw is rejected.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ...clinical.drugs import CONDITIONS, drugs
from ...clinical.drugs.derive import duplicate_family
from ...clinical.treatments import ALLERGY_CLASSES
from ...patients import names
from ...patients.model import Allergy
from .hazards import hazards, unlisted_pairs
from .records import DrugPatient, HomeMed

REACTIONS = ("hives", "rash", "anaphylaxis", "angioedema", "wheezing")
ALLERGY_LABELS = tuple(ALLERGY_CLASSES)
RENAL_MARGIN = 2.0  # a target value keeps this distance from its band's edges


class GenerationFailed(Exception):
    """The random draw cannot satisfy the request; the caller retries with its rng."""


def outpatient_pool() -> list[str]:
    return sorted(n for n, d in drugs().items() if not d.inpatient_only)


def _uniform(rng: np.random.Generator, lo: float, hi: float, decimals: int = 0) -> float:
    return round(float(rng.uniform(lo, hi)), decimals)


class Builder:
    """Builds one patient step by step; every method keeps the record coherent."""

    def __init__(
        self,
        rng: np.random.Generator,
        pid: str,
        *,
        sex: str | None = None,
        age: tuple[int, int] = (25, 88),
        pregnant: bool = False,
        lactating: bool = False,
        cirrhosis: bool = False,
    ) -> None:
        self.rng = rng
        if pregnant or lactating:
            sex, age = "female", (max(age[0], 19), min(age[1], 41))
        sex = sex or ("male" if rng.random() < 0.5 else "female")
        first = names.MALE if sex == "male" else names.FEMALE
        weight = _uniform(rng, 60, 112) if sex == "male" else _uniform(rng, 48, 98)
        height = _uniform(rng, 162, 192) if sex == "male" else _uniform(rng, 150, 178)
        roll = rng.random()
        scr = (
            (_uniform(rng, 0.7, 1.2, 2) if roll < 0.7 else _uniform(rng, 1.3, 2.0, 2))
            if sex == "male"
            else (_uniform(rng, 0.55, 1.0, 2) if roll < 0.7 else _uniform(rng, 1.1, 1.9, 2))
        )
        if roll > 0.92:
            scr = _uniform(rng, 2.1, 3.4, 2)
        self.p = DrugPatient(
            id=pid,
            name=f"{first[int(rng.integers(len(first)))]} "
            f"{names.SURNAMES[int(rng.integers(len(names.SURNAMES)))]}",
            age=int(rng.integers(age[0], age[1] + 1)),
            sex=sex,  # type: ignore[arg-type]
            weight_kg=weight,
            height_cm=height,
            creatinine_mg_dl=scr,
            potassium=_uniform(rng, 3.7, 4.9, 1),
            bilirubin_mg_dl=_uniform(rng, 0.3, 1.1, 1),
            albumin_g_dl=_uniform(rng, 3.7, 4.8, 1),
            inr=_uniform(rng, 0.9, 1.1, 1),
            alt=int(rng.integers(10, 41)),
            ast=int(rng.integers(12, 39)),
            pregnant=pregnant,
            gestational_weeks=int(rng.integers(6, 33)) if pregnant else None,
            lactating=lactating and not pregnant,
        )
        if cirrhosis:
            self._cirrhosis()

    # ------------------------------------------------------------------ record parts
    def _cirrhosis(self) -> None:
        rng, p = self.rng, self.p
        p.bilirubin_mg_dl = _uniform(rng, 1.2, 4.6, 1)
        p.albumin_g_dl = _uniform(rng, 2.3, 3.7, 1)
        p.inr = _uniform(rng, 1.2, 2.7, 1)
        p.ascites = ("none", "mild", "moderate_severe")[int(rng.integers(3))]  # type: ignore[assignment]
        p.encephalopathy = ("none", "none", "grade_1_2")[int(rng.integers(3))]  # type: ignore[assignment]
        p.alt, p.ast = int(rng.integers(25, 90)), int(rng.integers(35, 120))
        p.conditions.append("cirrhosis")

    def set_renal(self, basis: str, lo: float, hi: float) -> None:
        """Solve serum creatinine so that CrCl (or eGFR) falls inside [lo, hi)."""
        lo_t, hi_t = max(lo, 6.0) + RENAL_MARGIN, min(hi, 135.0) - RENAL_MARGIN
        if hi_t <= lo_t:
            raise GenerationFailed("renal band too narrow for a margin")
        target = float(self.rng.uniform(lo_t, hi_t))
        p = self.p
        if basis == "crcl":
            factor = 0.85 if p.sex == "female" else 1.0
            scr = (140 - p.age) * p.weight_kg * factor / (72 * target)
        else:
            low, high = 0.2, 15.0  # eGFR falls as creatinine rises: bisection
            for _ in range(60):
                mid = (low + high) / 2
                p.creatinine_mg_dl = mid
                low, high = (mid, high) if p.egfr() > target else (low, mid)
            scr = (low + high) / 2
        p.creatinine_mg_dl = round(scr, 2)
        if not 0.5 <= p.creatinine_mg_dl <= 12:
            raise GenerationFailed("implausible creatinine for this target")
        value = p.renal_value(basis)
        if not lo + 1 <= value < hi - 1:
            raise GenerationFailed("rounded creatinine left the band")

    def add_allergy(self, label: str) -> None:
        cls = ALLERGY_CLASSES[label]
        if any(cls in drugs()[m].allergy_classes for m in self.p.regimen()):
            raise GenerationFailed("allergy to a home medication class")
        if any(a.allergen == label for a in self.p.allergies):
            return
        reaction = (
            "heparin-induced thrombocytopenia"
            if cls == "heparin"
            else REACTIONS[int(self.rng.integers(len(REACTIONS)))]
        )
        self.p.allergies.append(Allergy(allergen=label, reaction=reaction))

    def random_allergies(self, k_max: int = 2, avoid_classes: set[str] = frozenset()) -> None:
        for _ in range(int(self.rng.integers(0, k_max + 1))):
            label = ALLERGY_LABELS[int(self.rng.integers(len(ALLERGY_LABELS)))]
            if ALLERGY_CLASSES[label] in avoid_classes:
                continue
            try:
                self.add_allergy(label)
            except GenerationFailed:
                continue

    # ------------------------------------------------------------------ conditions
    def condition_ok(self, key: str) -> bool:
        c, p = CONDITIONS[key], self.p
        if (c.sex and c.sex != p.sex) or not c.min_age <= p.age <= c.max_age:
            return False
        if key == "contraception" and p.pregnant:
            return False
        acute = [k for k in p.conditions if CONDITIONS[k].acute]
        return not (c.acute and acute and key not in acute)

    def add_condition(self, key: str) -> None:
        if not self.condition_ok(key):
            raise GenerationFailed(f"condition {key} does not fit the patient")
        if key not in self.p.conditions:
            self.p.conditions.append(key)

    def indication_for(self, name: str) -> str | None:
        options = [k for k in drugs()[name].indications if self.condition_ok(k)]
        present = [k for k in options if k in self.p.conditions]
        if present:
            return present[0]
        return options[int(self.rng.integers(len(options)))] if options else None

    # ------------------------------------------------------------------ medications
    def basic_ok(self, name: str, *, allow_beers: bool = True) -> bool:
        """No allergy, pregnancy, renal or hepatic reason against the drug, one per group."""
        d = drugs()[name]
        if name in self.p.regimen() or d.inpatient_only:
            return False
        if any(drugs()[m].group == d.group for m in self.p.regimen()):
            return False
        found = hazards(name, self.p, regimen=[])
        return not [h for h in found if h.reason != "beers" or not allow_beers]

    def _dose(self, name: str) -> str:
        d = drugs()[name]
        if d.renal is not None:
            band = d.renal.band_for(self.p.renal_value(d.renal.basis))
            if band.action == "reduce" and band.dose[:1].isdigit():
                return band.dose
        return d.usual_dose

    def _label(self, name: str) -> str:
        d, roll = drugs()[name], self.rng.random()
        if roll < 0.15 and d.brands:
            return d.brands[int(self.rng.integers(len(d.brands)))].split(" (")[0]
        if roll < 0.35 and d.salts:
            return f"{name} {d.salts[0]}"
        return name

    def add_drug(self, name: str, *, check: bool = True) -> None:
        if check and not self.basic_ok(name):
            raise GenerationFailed(f"{name} does not fit the patient")
        indication = self.indication_for(name)
        if indication is None:
            raise GenerationFailed(f"no indication of {name} fits the patient")
        self.add_condition(indication)
        self.p.medications.append(
            HomeMed(
                drug=name, label=self._label(name), dose=self._dose(name), indication=indication
            )
        )

    def fill(self, n_total: int, ok: Callable[[str], bool], *, allow_beers: bool = True) -> None:
        """Add random outpatient drugs passing ``ok`` until the list has ``n_total`` drugs."""
        pool = outpatient_pool()
        for _ in range(400):
            if len(self.p.medications) >= n_total:
                return
            name = pool[int(self.rng.integers(len(pool)))]
            if not self.basic_ok(name, allow_beers=allow_beers) or not ok(name):
                continue
            if self._duplicates(name):
                continue
            if self.indication_for(name) is None:
                continue
            self.add_drug(name, check=False)
        if len(self.p.medications) < n_total:
            raise GenerationFailed("could not fill the medication list")

    def _duplicates(self, name: str) -> bool:
        family = duplicate_family(drugs()[name])
        return family is not None and any(
            duplicate_family(drugs()[m]) == family for m in self.p.regimen()
        )

    # ------------------------------------------------------------------ finish
    def finish(self) -> DrugPatient:
        p, rng = self.p, self.rng
        if unlisted_pairs(p.regimen()):
            raise GenerationFailed("a regimen pair shares a risk class but has no table entry")
        if "warfarin" in p.regimen() and not p.cirrhosis:
            p.inr = _uniform(rng, 2.0, 3.0, 1)
        k_raisers = sum(drugs()[m].raises_potassium for m in p.regimen())
        if k_raisers >= 2:
            p.potassium = _uniform(rng, 4.5, 5.3, 1)
        if p.crcl() < 60 and "chronic_kidney_disease" not in p.conditions:
            p.conditions.append("chronic_kidney_disease")
        if rng.random() < 0.6:
            qt = sum(drugs()[m].qt_risk is not None for m in p.regimen())
            p.qtc_ms = int(rng.integers(395, 452)) + 12 * min(qt, 3)
        # the builders add the drugs (conditions, allergies) the task is about first:
        # shuffle every list so that its order says nothing about the answer
        for items in (p.medications, p.conditions, p.allergies):
            order = rng.permutation(len(items))
            items[:] = [items[int(i)] for i in order]
        return DrugPatient.model_validate(p.model_dump())
