"""Treatment vocabulary for management plans: drugs, procedures and dispositions.

Each treatment has a canonical key, a display name, accepted synonyms (brand and
common names) and the drug classes used to check allergies (``allergy_classes``:
an allergy to any listed class makes the treatment unsafe for the patient).
Cross-reactivity facts: penicillin allergy and other penicillins (all share the
beta-lactam/thiazolidine core; AAAAI/ACAAI Drug Allergy Practice Parameter 2022).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Treatment:
    key: str
    name: str
    kind: str  # 'drug', 'procedure', 'supportive', 'disposition'
    synonyms: tuple[str, ...] = ()
    allergy_classes: tuple[str, ...] = ()
    # comorbidity key (healthgym.patients.comorbidities) -> why the treatment is unsafe
    # for a patient with it (a major safety violation when planned anyway)
    contraindicated_in: dict[str, str] = field(default_factory=dict)
    source: str = ""


_TREATMENTS: list[Treatment] = [
    Treatment("amoxicillin", "Amoxicillin", "drug", ("amoxil",), ("penicillin",)),
    Treatment("ceftriaxone", "Ceftriaxone", "drug", ("rocephin",), ("cephalosporin",)),
    Treatment("azithromycin", "Azithromycin", "drug", ("zithromax",), ("macrolide",)),
    Treatment("heparin", "Unfractionated heparin infusion", "drug", ("ufh", "heparin drip"),
              ("heparin",)),
    Treatment("supplemental_oxygen", "Supplemental oxygen", "supportive", ("oxygen", "o2")),
]

TREATMENTS: dict[str, Treatment] = {t.key: t for t in _TREATMENTS}
assert len(TREATMENTS) == len(_TREATMENTS), "duplicate treatment key"

# allergy label shown in the record -> the drug class it rules out
ALLERGY_CLASSES: dict[str, str] = {
    "Penicillin": "penicillin",
    "Cephalosporins": "cephalosporin",
    "Macrolides": "macrolide",
    "Heparin (HIT)": "heparin",
}

