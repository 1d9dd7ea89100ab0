"""The treatment catalogue: every :class:`Treatment` by key, in the order of the
specialty modules, and the record's allergy labels."""

from __future__ import annotations

from .analgesia import ANALGESIA
from .antimicrobials import ANTIMICROBIALS
from .cardiovascular import CARDIOVASCULAR
from .metabolic import METABOLIC
from .model import Treatment
from .other_systems import OTHER_SYSTEMS
from .respiratory_gi import RESPIRATORY_GI

_TREATMENTS: list[Treatment] = [
    *ANTIMICROBIALS,
    *CARDIOVASCULAR,
    *ANALGESIA,
    *RESPIRATORY_GI,
    *METABOLIC,
    *OTHER_SYSTEMS,
]

TREATMENTS: dict[str, Treatment] = {t.key: t for t in _TREATMENTS}
assert len(TREATMENTS) == len(_TREATMENTS), "duplicate treatment key"

# allergy label shown in the record -> the drug class it rules out
ALLERGY_CLASSES: dict[str, str] = {
    "Penicillin": "penicillin",
    "Cephalosporins": "cephalosporin",
    "Macrolides": "macrolide",
    "Heparin (HIT)": "heparin",
    "Sulfonamide antibiotics": "sulfonamide",
    "Aspirin/NSAIDs": "nsaid",
    "Fluoroquinolones": "fluoroquinolone",
    "Tetracyclines": "tetracycline",
    "Carbapenems": "carbapenem",
}


__all__ = ["ALLERGY_CLASSES", "TREATMENTS"]
