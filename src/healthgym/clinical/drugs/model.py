"""Data model of the formulary: drugs, renal dose bands, interactions.

Vocabularies and their sources:

* **CYP450 / P-gp roles** follow the definitions of the FDA "Drug Development and Drug
  Interactions: Table of Substrates, Inhibitors and Inducers" (FDA, updated 2023): a
  *sensitive* substrate has AUC raised >= 5-fold by a strong index inhibitor, a
  *moderate sensitive* substrate 2- to < 5-fold; a *strong* inhibitor raises the AUC of a
  sensitive index substrate >= 5-fold, *moderate* 2- to < 5-fold, *weak* 1.25- to < 2-fold;
  a *strong* inducer lowers it by >= 80 %, *moderate* by 50-80 %, *weak* by 20-50 %.
  Roles not in the FDA table come from the Flockhart Table (Indiana University School of
  Medicine, Drug Interactions Flockhart Table) and the drug's US prescribing information.
  ``minor`` substrates (documented metabolism, no clinically relevant change expected) are
  shown in profiles but drive no derived interaction; ``prodrug`` marks a drug activated
  by the enzyme (clopidogrel/CYP2C19, codeine, tramadol and tamoxifen/CYP2D6).
* **QT risk** uses the CredibleMeds (AZCERT) QTdrugs categories: *known* risk of torsades
  de pointes, *possible* risk, *conditional* risk (only with other risk factors).
* **Severity** of an interaction uses the four levels of the Micromedex DRUG-REAX
  scale: ``contraindicated`` (must not be combined), ``major`` (may be life-threatening
  or need intervention; avoid or change therapy), ``moderate`` (may worsen the
  condition; monitor or adjust), ``minor`` (limited clinical effect).
* **Pregnancy / lactation** levels summarise the narrative PLLR labelling (FDA Pregnancy
  and Lactation Labeling Rule, 2015), which replaced the A/B/C/D/X letters:
  ``contraindicated``, ``avoid``, ``caution``, ``compatible``.
* **Beers**: American Geriatrics Society 2023 Updated AGS Beers Criteria (J Am Geriatr Soc
  2023;71:2052-81); ``avoid`` marks drugs to avoid in any adult >= 65; recommendations
  that depend on a condition or use (first-line use, dementia, duration) are ``caution``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["contraindicated", "major", "moderate", "minor"]
SEVERITIES: tuple[Severity, ...] = ("contraindicated", "major", "moderate", "minor")
SEVERITY_RANK: dict[str, int] = {"minor": 1, "moderate": 2, "major": 3, "contraindicated": 4}

ENZYMES: tuple[str, ...] = ("1A2", "2B6", "2C8", "2C9", "2C19", "2D6", "3A4", "Pgp")
ENZYME_LABEL = {e: ("P-glycoprotein" if e == "Pgp" else f"CYP{e}") for e in ENZYMES}
SubstrateLevel = Literal["sensitive", "moderate", "minor", "prodrug"]
Strength = Literal["strong", "moderate", "weak"]
QtRisk = Literal["known", "possible", "conditional"]
SafetyLevel = Literal["contraindicated", "avoid", "caution", "compatible"]
SAFETY_LEVELS: tuple[SafetyLevel, ...] = ("contraindicated", "avoid", "caution", "compatible")
RenalAction = Literal["usual", "reduce", "avoid"]
ChildPughClass = Literal["A", "B", "C"]

# allergy classes, the same names as the values of clinical.treatments.ALLERGY_CLASSES
ALLERGY_CLASS_NAMES: tuple[str, ...] = (
    "penicillin",
    "cephalosporin",
    "carbapenem",
    "macrolide",
    "heparin",
    "sulfonamide",
    "nsaid",
    "fluoroquinolone",
    "tetracycline",
)
_AVOID_WORDS = ("avoid", "not recommended", "contraindicated", "do not use", "do not initiate")


def is_avoid_text(text: str) -> bool:
    """Whether a dosing instruction says the drug should not be used."""
    return text.strip().lower().startswith(_AVOID_WORDS)


@dataclass(frozen=True)
class RenalBand:
    """One renal-function band: ``lo <= value < hi`` (mL/min or mL/min/1.73 m^2)."""

    lo: float
    hi: float
    dose: str
    action: RenalAction

    def label(self) -> str:
        if math.isinf(self.hi):
            return f">= {self.lo:g}"
        if self.lo <= 0:
            return f"< {self.hi:g}"
        return f"{self.lo:g} to < {self.hi:g}"

    def contains(self, value: float) -> bool:
        return self.lo <= value < self.hi


@dataclass(frozen=True)
class RenalDosing:
    """Dose bands by kidney function, ordered from best function to worst.

    ``basis`` is ``crcl`` (Cockcroft-Gault creatinine clearance, mL/min) or ``egfr``
    (CKD-EPI eGFR, mL/min/1.73 m^2), whichever the drug's labelling uses.
    """

    basis: Literal["crcl", "egfr"]
    bands: tuple[RenalBand, ...]

    def band_index(self, value: float) -> int:
        for i, band in enumerate(self.bands):
            if band.contains(value):
                return i
        raise ValueError(f"no renal band contains {value}")

    def band_for(self, value: float) -> RenalBand:
        return self.bands[self.band_index(value)]

    @property
    def unit(self) -> str:
        return "mL/min" if self.basis == "crcl" else "mL/min/1.73 m2"

    @property
    def measure(self) -> str:
        return "CrCl" if self.basis == "crcl" else "eGFR"


@dataclass(frozen=True)
class Drug:
    """One formulary entry (generic name in lower case is the key)."""

    name: str
    drug_class: str
    group: str  # therapeutic-alternative group key (drugs interchangeable within it)
    mechanism: str
    indications: tuple[str, ...]  # condition keys (clinical.drugs.conditions)
    usual_dose: str
    pregnancy: tuple[SafetyLevel, str]
    lactation: tuple[SafetyLevel, str]
    adverse_effects: tuple[str, ...]
    brands: tuple[str, ...] = ()
    salts: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    substrate: dict[str, SubstrateLevel] = field(default_factory=dict)
    inhibits: dict[str, Strength] = field(default_factory=dict)
    induces: dict[str, Strength] = field(default_factory=dict)
    qt_risk: QtRisk | None = None
    serotonergic: bool = False
    maoi: Literal["", "irreversible", "reversible"] = ""
    bleeding: int = 0  # 3 anticoagulant, 2 antiplatelet/NSAID, 1 SSRI/SNRI
    cns_depressant: int = 0  # 2 opioid/benzodiazepine, 1 other sedative
    raises_potassium: bool = False
    inpatient_only: bool = False
    renal: RenalDosing | None = None
    renal_note: str = ""
    hepatic: dict[str, str] = field(default_factory=dict)  # Child-Pugh class -> guidance
    contraindications: tuple[str, ...] = ()
    allergy_classes: tuple[str, ...] = ()
    beers: tuple[Literal["avoid", "caution"], str] | None = None
    source: str = ""

    @property
    def beers_avoid(self) -> bool:
        return self.beers is not None and self.beers[0] == "avoid"

    def hepatic_avoid(self, cp_class: ChildPughClass) -> bool:
        """Whether the labelling says to avoid the drug in this Child-Pugh class (an
        'avoid' for a milder class applies to the more severe classes too)."""
        milder_or_same = "ABC"[: "ABC".index(cp_class) + 1]
        return any(is_avoid_text(self.hepatic[c]) for c in milder_or_same if c in self.hepatic)

    def renal_avoid(self, crcl: float, egfr: float) -> bool:
        if self.renal is None:
            return False
        value = crcl if self.renal.basis == "crcl" else egfr
        return self.renal.band_for(value).action == "avoid"


InteractionKind = Literal[
    "cyp_inhibition",
    "cyp_induction",
    "prodrug_inhibition",
    "qt",
    "serotonin",
    "maoi",
    "potassium",
    "bleeding",
    "cns",
    "nephrotoxicity",
    "angioedema",
    "duplicate",
]


@dataclass(frozen=True)
class Basis:
    """Why a derived interaction exists: the rule and the formulary roles it used."""

    kind: InteractionKind
    enzyme: str = ""
    perpetrator: str = ""  # inhibitor/inducer (or MAOI)
    victim: str = ""  # substrate (or the other drug)


@dataclass(frozen=True)
class Interaction:
    """A clinically significant interaction of two drugs (names sorted)."""

    drug_a: str
    drug_b: str
    severity: Severity
    category: str  # short mechanism category shown when screening (no severity)
    mechanism: str
    effect: str
    management: str
    source: Literal["curated", "derived"]
    reference: str = ""
    bases: tuple[Basis, ...] = ()

    @property
    def pair(self) -> tuple[str, str]:
        return (self.drug_a, self.drug_b)

    def other(self, drug: str) -> str:
        return self.drug_b if drug == self.drug_a else self.drug_a
